"""Build Word documents from the seeds' text, the way the councils' own files were laid out.

The seeds are text extracted from committee papers: seed 002's plan tables are Markdown pipe
tables (one per printed page, header repeated, rows cut at page ends, section rows spread over
the columns); seed 004's are tab-separated rows whose cells hold ``<p>`` paragraphs. These
builders put that text back into real .docx tables so the importer is tested on Word files.
"""

from __future__ import annotations

import io
import re

import docx
from docx.document import Document as DocxDocument

from tests.conftest import seed

_TAG = re.compile(r"<[^>]+>")


def _seed_text(prefix: str) -> str:
    return seed(prefix).read_text(encoding="utf-8")


def _save(document: DocxDocument) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _set_cell(cell, paragraphs: list[str]) -> None:
    cell.paragraphs[0].text = paragraphs[0] if paragraphs else ""
    for text in paragraphs[1:]:
        cell.add_paragraph(text)


# --- seed 002: East Sussex's July 2014 progress and impact review -----------------------------


def seed_002_tables() -> list[list[list[str]]]:
    """The appendix 2 tables as rows of cell texts (header first), one table per printed page."""
    text = _seed_text("002").split("Appendix 2", 1)[1]
    tables, current = [], None
    for line in text.splitlines():
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if all(re.fullmatch(r"-*", c) for c in cells):
                continue
            if cells[0].startswith("No & Ref"):
                current = []
                tables.append(current)
            current.append(cells)
        else:
            current = None if line.strip() else current
    return tables


def seed_002_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph(
        "July 2014 Progress and Impact Review – ESCC inspection of services for children in need of help and "
        "protection, children looked after and care leavers"
    )
    for rows in seed_002_tables():
        table = document.add_table(rows=0, cols=7)
        for cells in rows:
            row = table.add_row()
            first = cells[0]
            if first and not re.match(r"\d", first) and not first.startswith("No & Ref"):
                # a section heading: one cell merged across the row (the extraction spread it out)
                merged = row.cells[0].merge(row.cells[6])
                merged.text = " ".join(c for c in cells if c)
                continue
            for cell, value in zip(row.cells, cells + [""] * (7 - len(cells))):
                cell.text = value
        document.add_paragraph("")
    return _save(document)


# --- seed 004: Southend's 2016 detailed improvement plan --------------------------------------


def _cell_paragraphs(cell: str) -> list[str]:
    if "<p>" in cell or "■" in cell:
        parts = re.findall(r"<p>(.*?)</p>", cell, re.S) if "<p>" in cell else [cell]
        paragraphs = []
        for part in parts:
            for piece in part.split("■"):
                piece = re.sub(r"\s+", " ", _TAG.sub(" ", piece)).strip()
                if piece:
                    paragraphs.append(piece)
        return paragraphs
    cell = cell.strip()
    return [cell] if cell else []


def seed_004_plan_lines() -> list[str]:
    """The plan from its list of the 12 recommendations to the end of the risk register."""
    text = _seed_text("004")
    start = text.index("There are 12 recommendations within the Ofsted inspection report")
    return text[start:].splitlines()


def seed_004_tables() -> list[list[list[list[str]]]]:
    """Every table of the plan: rows of cells, each cell a list of paragraphs."""
    tables, current = [], None
    for line in seed_004_plan_lines():
        if "\t" in line:
            if current is None:
                current = []
                tables.append(current)
            current.append([_cell_paragraphs(c) for c in line.split("\t")])
        elif line.strip():
            current = None
    return tables


def seed_004_docx() -> bytes:
    document = docx.Document()
    table_rows: list[list[list[str]]] | None = None

    def flush():
        nonlocal table_rows
        if table_rows:
            width = max(len(r) for r in table_rows)
            table = document.add_table(rows=0, cols=width)
            for cells in table_rows:
                row = table.add_row()
                for cell, paragraphs in zip(row.cells, cells):
                    _set_cell(cell, paragraphs)
        table_rows = None

    for line in seed_004_plan_lines():
        if "\t" in line:
            table_rows = table_rows or []
            table_rows.append([_cell_paragraphs(c) for c in line.split("\t")])
            continue
        if not line.strip():
            continue
        flush()
        text = line.strip()
        if text.startswith("- "):
            document.add_paragraph(text[2:], style="List Bullet")
        else:
            document.add_paragraph(text)
    flush()
    return _save(document)
