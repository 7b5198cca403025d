"""A Word plan as python-docx gives it: blocks (paragraphs and tables) in document order, each
table row as its cells' cleaned paragraphs, and which plan layout a table's header row names."""

from __future__ import annotations

import re
from collections.abc import Iterator

from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph


def cell_paragraphs(cell) -> list[str]:
    return [t for t in (clean(p.text) for p in cell.paragraphs) if t]


def clean(text: str) -> str:
    return re.sub(r"\s+", " ", (text or "").replace("\u00a0", " ")).strip()


def table_rows(table: Table) -> list[list[list[str]]]:
    """Each row as its cells' paragraphs; a cell merged across columns appears once."""
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            key = id(cell._tc)
            if key in seen:
                continue
            seen.add(key)
            cells.append(cell_paragraphs(cell))
        rows.append(cells)
    return rows


def blocks(document) -> Iterator[Paragraph | Table]:
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, document)
        elif child.tag == qn("w:tbl"):
            yield Table(child, document)


def header_of(row: list[list[str]]) -> list[str]:
    return [" ".join(c).lower() for c in row]


def is_progress_header(header: list[str]) -> bool:
    return len(header) >= 6 and "area for improvement" in header[1] and header[2].startswith("action")


def is_action_header(header: list[str]) -> bool:
    return len(header) >= 4 and header[0].startswith("ref") and header[1].startswith("action") and "owner" in header[3]


def is_timeline_header(header: list[str]) -> bool:
    return len(header) >= 4 and header[0].startswith("date commenced") and "outcome achieved by" in header[-1]


def is_risk_header(header: list[str]) -> bool:
    return (
        len(header) >= 6
        and header[0].startswith("risk")
        and header[1].startswith("impact")
        and header[2].startswith("likelihood")
    )
