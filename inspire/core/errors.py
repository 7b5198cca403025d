"""Inspire's one family of application errors: something a person gave Inspire cannot be used.

Every error a person can cause derives from :class:`InspireError` and carries

- ``message`` (``str(error)``): what is wrong, in plain words, naming the file, row or field;
- ``hint``: what the person could do about it ("" when there is nothing useful to add);
- ``errors``: for a form, file or body with several faults, one :class:`FieldError` each
  (``location``: where, e.g. "Items, row 3, column owner" or "body.status"; ``message``: what).

One base per part of the product, so a caller can catch a part's errors or all of them:

- :class:`FileError`: a file that cannot be used, its message "name: what is wrong" (``source``,
  ``detail``), kept whole when raised in a worker process; ``ReadError`` and
  ``limits.LimitExceeded`` (a file past a limit on reading one file) are file errors;
- ``ReadError`` (``core/reading/errors.py``): a report that cannot be read, and its kinds;
- :class:`PlanError`: an improvement plan, or a plan's file, that cannot be taken as given
  (:class:`PlanImportError`, ``rag.PolarityError``, ``rag.OverrideError``, ``risk.RiskLevelError``);
- :class:`IndicatorError`: an indicator's input that cannot be used (``annex_a.AnnexAError``,
  ``published.PublishedError``; a ``Period`` that ends before it starts; a population that is
  not above 0);
- ``official.OfficialDataError``: a file that is not Ofsted's outcomes workbook.

Each is mapped once to what a person sees: the API's one JSON error shape (``web/see/api.py``),
a GOV.UK error page for one raised from a view (``web/toolkit/errors.py``), and the CLI's
message, hint and exit code 2 (``cli/errors.py``). A defect in Inspire is never an InspireError.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class FieldError:
    """One fault of a form, file or body: where it is and what is wrong there."""

    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


class InspireError(Exception):
    """Input Inspire cannot use. ``str(error)`` is the message shown to the person."""

    #: a short, stable machine-readable code (kinds override it)
    code = "invalid"
    #: what the person could do about it; a kind may set a class-wide one
    hint = ""

    def __init__(self, message: str, hint: str | None = None, errors: Iterable[FieldError] = ()):
        super().__init__(message)
        if hint is not None:
            self.hint = hint
        self.errors: tuple[FieldError, ...] = tuple(errors)

    @property
    def message(self) -> str:
        return str(self)


class FileError(InspireError):
    """A file that cannot be used. ``str(error)`` is ``"{source}: {detail}"``: the file's name, then
    what is wrong with it."""

    def __init__(self, source: str, detail: str, hint: str | None = None):
        self.source = source
        self.detail = detail
        super().__init__(f"{source}: {detail}", hint)

    def __reduce__(self):
        # Subclasses take other arguments than (source, detail): rebuild from the two, so an error
        # raised in a worker process (ingest, a bounded reading) reaches the parent intact.
        return _restore_file_error, (type(self), self.source, self.detail, self.__dict__.get("hint"))


def _restore_file_error(cls: type[FileError], source: str, detail: str, hint: str | None) -> FileError:
    error = cls.__new__(cls)
    FileError.__init__(error, source, detail, hint)
    return error


class PlanError(InspireError, ValueError):
    """An improvement plan, one of its parts, or a plan's file that cannot be taken as given.

    Also a ``ValueError``, as the classes it replaced were, so code catching that is unchanged."""


class PlanImportError(PlanError):
    """A plan file (Word, Excel or CSV) that cannot be imported: not such a file, no plan table in
    a known layout, or rows that are wrong (one :class:`FieldError` per row problem in ``errors``)."""

    code = "plan_import"


class IndicatorError(InspireError, ValueError):
    """An indicator's input that cannot be used: a workbook, a comparator file, a period.

    Also a ``ValueError``, as the classes it replaced were, so code catching that is unchanged."""
