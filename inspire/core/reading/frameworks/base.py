"""The contract of an inspection framework unit.

Each module in this package describes one report family and exports ``FRAMEWORK``. The
registry (``frameworks/__init__.py``) lists them; adding a family is one new module and one
line there. ``detect`` says how strongly a document's own words mark it as this family
(0: not at all); the highest score wins. ``read`` turns the document into a Record.
"""

from __future__ import annotations

from abc import ABC, abstractmethod

from inspire.core.reading.documents import Document
from inspire.core.reading.record import Record
from inspire.core.register import Register


class Framework(ABC):
    family: str
    title: str  # as a person would name it: "Single inspection framework (2013-18)"

    @abstractmethod
    def detect(self, document: Document) -> int:
        """0 when the document is not of this family; otherwise a score, higher for surer."""

    @abstractmethod
    def read(self, document: Document, register: Register) -> Record:
        """The record of the report. Values not found are left empty with a warning; never guessed."""
