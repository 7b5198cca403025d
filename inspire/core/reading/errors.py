"""Bad-input errors for reading: each with a message that says what is wrong.

A ``ReadError`` means the *input* is unusable (not a defect in Inspire). It is reading's part of
the one application error family (``inspire.core.errors``; a ``FileError``, so its message is
"name: what is wrong"), which the CLI, the web pages and the API each map once to what a person
sees.
"""

from __future__ import annotations

from inspire.core.errors import FileError


class ReadError(FileError):
    """The file cannot be read as an Ofsted report. ``str(error)`` names the file and the problem."""

    #: a short, stable machine-readable code, used by the API and tests
    code = "unreadable"


class EmptyFile(ReadError):
    code = "empty"

    def __init__(self, source: str):
        super().__init__(source, "the file is empty (0 bytes)")


class FileTooLarge(ReadError):
    code = "too_large"

    def __init__(self, source: str, size: int, limit: int):
        super().__init__(
            source,
            f"the file is {size / 1_048_576:.1f} MB, over the {limit / 1_048_576:.0f} MB limit for one report",
        )


class UnsupportedFormat(ReadError):
    code = "unsupported_format"
    hint = "Inspire reads PDF, Word (.docx), HTML and plain-text files."


class WrongContent(ReadError):
    """The file's bytes do not match what its name says (e.g. an HTML page saved as .pdf)."""

    code = "wrong_content"


class CorruptFile(ReadError):
    code = "corrupt"


class EncryptedFile(ReadError):
    code = "encrypted"
    hint = "Save an unprotected copy of the report and read that."

    def __init__(self, source: str):
        super().__init__(source, "the PDF is encrypted (password-protected), so its text cannot be read")


class NoText(ReadError):
    code = "no_text"
    hint = "A scanned report needs optical character recognition before Inspire can read it."

    def __init__(self, source: str):
        super().__init__(source, "the document contains no extractable text (it may be a scanned image)")


class NotAnOfstedReport(ReadError):
    code = "not_a_report"


class OverLimit(ReadError):
    """Reading the file would pass, or passed, a limit on one file (``inspire.core.limits``):
    unpacked size, time or memory. The detail names the limit."""

    code = "over_limit"
    hint = "If the file is genuine, open it in Word, save a fresh copy (or print it to PDF) and try that."
