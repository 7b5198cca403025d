"""Word (.docx) through python-docx: paragraphs and tables in document order, tables as ``| cells |``."""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING

from inspire.core.reading.documents.base import Backend, Page
from inspire.core.reading.errors import CorruptFile, NoText

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.table import Table
    from docx.text.paragraph import Paragraph

_PAGE_BREAK = "\f"


class DocxBackend(Backend):
    format = "docx"
    paginated = False

    def sniff(self, data: bytes) -> bool:
        if not data.startswith(b"PK\x03\x04"):
            return False
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as package:
                return "word/document.xml" in package.namelist()
        except Exception:  # zipfile raises many types for damaged packages
            # A damaged package that still names the Word part near its start is a broken .docx.
            return b"word/" in data[:4096]

    def pages(self, data: bytes, source: str) -> tuple[Page, ...]:
        import docx  # python-docx is imported only when a Word file is read (ingest parents never need it)

        try:
            document = docx.Document(io.BytesIO(data))
            text = "\n".join(_blocks(document))
        except Exception:  # python-docx and zipfile raise many types for damaged packages
            raise CorruptFile(
                source, "the Word document is damaged (its .docx package or its XML is broken) and cannot be opened"
            ) from None
        if not text.strip():
            raise NoText(source)
        return tuple(Page(i + 1, chunk) for i, chunk in enumerate(text.split(_PAGE_BREAK)))


def _blocks(document: DocxDocument):
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    body = document.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            yield _paragraph_text(Paragraph(child, document))
        elif child.tag == qn("w:tbl"):
            yield from _table_rows(Table(child, document))


def _paragraph_text(paragraph: Paragraph) -> str:
    breaks = paragraph._p.xpath('.//w:br[@w:type="page"]')
    text = paragraph.text
    return text + _PAGE_BREAK if breaks else text


def _table_rows(table: Table):
    for row in table.rows:
        cells = []
        previous = None
        for cell in row.cells:
            # python-docx repeats a merged cell once per grid column; keep it once
            if previous is not None and cell._tc is previous:
                continue
            previous = cell._tc
            cells.append(" ".join(p.text for p in cell.paragraphs).strip())
        yield "| " + " | ".join(cells) + " |"
