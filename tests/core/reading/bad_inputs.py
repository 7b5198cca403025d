"""Bad input files, made from real documents, each with the error it must give (class and exact message).

Shared by the reader's tests and the ingest tests (which check that none of them is stored).
"""

from __future__ import annotations

import io
import random
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen import canvas

from inspire.core.reading import errors
from inspire.core.reading.documents import MAX_BYTES
from tests.conftest import CORPUS

#: The corpus's HTML "Report not found" page saved with a .pdf name.
HTML_SAVED_AS_PDF = "c400d841c8fd.pdf"
#: A real report (any would do) to cut short.
A_REAL_PDF = "00f7a2a0cfe9.pdf"


@dataclass(frozen=True)
class BadInput:
    path: Path
    error: type[errors.ReadError]
    message: str


def word_document(*paragraphs: str) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def encrypted_pdf() -> bytes:
    """A PDF that needs a password to open (RC4/AES by reportlab's standard security handler)."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, encrypt=StandardEncryption("secret"))
    pdf.drawString(72, 720, "Inspection of local authority children's services")
    pdf.save()
    return buffer.getvalue()


def make_bad_inputs(folder: Path) -> dict[str, BadInput]:
    """Write every kind of bad input into ``folder``; returns them by kind."""
    folder.mkdir(parents=True, exist_ok=True)
    made: dict[str, BadInput] = {}

    def add(kind: str, name: str, content: bytes, error: type[errors.ReadError], detail: str) -> None:
        path = folder / name
        path.write_bytes(content)
        made[kind] = BadInput(path, error, f"{name}: {detail}")

    html_page = folder / HTML_SAVED_AS_PDF
    shutil.copyfile(CORPUS / HTML_SAVED_AS_PDF, html_page)
    made["html_saved_as_pdf"] = BadInput(
        html_page,
        errors.WrongContent,
        f"{HTML_SAVED_AS_PDF}: the file is named .pdf but contains an HTML page "
        "(often a web error page saved in place of the report)",
    )
    add(
        "encrypted_pdf",
        "encrypted.pdf",
        encrypted_pdf(),
        errors.EncryptedFile,
        "the PDF is encrypted (password-protected), so its text cannot be read",
    )
    real = (CORPUS / A_REAL_PDF).read_bytes()
    add(
        "truncated_pdf",
        "truncated.pdf",
        real[: len(real) // 2],
        errors.CorruptFile,
        "the PDF is truncated: it stops before its end (no %%EOF marker), so the download or copy is incomplete",
    )
    add("empty_file", "empty.pdf", b"", errors.EmptyFile, "the file is empty (0 bytes)")
    noise = random.Random(2).randbytes(4096)
    add(
        "random_bytes_named_pdf",
        "random.pdf",
        noise,
        errors.WrongContent,
        "the file is named .pdf but is not a PDF (it does not start with %PDF)",
    )
    add(
        "random_bytes",
        "random.bin",
        noise,
        errors.UnsupportedFormat,
        "the file is not a PDF, Word (.docx), HTML or plain-text document",
    )
    add(
        "word_about_something_else",
        "fete.docx",
        word_document(
            "Village fete 2024",
            "The tombola raised £240 for the church roof.",
            "Thanks to everyone who baked cakes, ran stalls and tidied up afterwards.",
        ),
        errors.NotAnOfstedReport,
        "no Ofsted report on a local authority's children's services was found in it",
    )

    too_large = folder / "too-large.pdf"
    with open(too_large, "wb") as handle:
        handle.truncate(MAX_BYTES + 10 * 1_048_576)  # sparse: takes no disk space
    made["too_large"] = BadInput(
        too_large, errors.FileTooLarge, "too-large.pdf: the file is 60.0 MB, over the 50 MB limit for one report"
    )

    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as package:
        package.writestr("minutes.txt", "Minutes of the meeting of 3 March 2024.")
    add(
        "zip_not_docx",
        "minutes.docx",
        archive.getvalue(),
        errors.WrongContent,
        "the file is named .docx but is a zip archive without a Word document in it",
    )

    word = word_document(
        "Inspection of Essex County Council children's services", "Inspection dates: 2 to 6 December 2024"
    )
    add(
        "damaged_docx_truncated",
        "damaged.docx",
        word[: len(word) // 2],
        errors.CorruptFile,
        "the Word document is damaged (its .docx package or its XML is broken) and cannot be opened",
    )
    broken = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(word)) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "word/document.xml":
                content = content[: len(content) // 2]  # XML cut off mid-element
            target.writestr(item, content)
    add(
        "damaged_docx_xml",
        "broken-xml.docx",
        broken.getvalue(),
        errors.CorruptFile,
        "the Word document is damaged (its .docx package or its XML is broken) and cannot be opened",
    )
    return made
