"""Real copies of a report in the other formats: a Word document, a web page and a text file made
from a corpus PDF's own text (python-docx for Word), as councils and people save reports."""

from __future__ import annotations

import html
import io
from pathlib import Path

import docx

from inspire.core.reading.documents import load_path
from tests.conftest import CORPUS, corpus_labels, corpus_recommendations


def labelled_ilacs_pdf() -> Path:
    """The first ILACS report in the corpus with labelled recommendations."""
    recommendations = corpus_recommendations()
    return CORPUS / next(
        r["report"] for r in corpus_labels() if r["family"] == "ilacs" and r["report"] in recommendations
    )


def copies(pdf: Path) -> dict[str, bytes]:
    """The PDF's text as a .docx (a paragraph a line, a page break a page), an .html page (a <p> a
    line) and a .txt file (form feeds between pages), by file suffix."""
    pages = [page.text for page in load_path(pdf).pages]
    word = docx.Document()
    for number, page in enumerate(pages, start=1):
        for line in page.splitlines():
            word.add_paragraph(line)
        if number < len(pages):
            word.add_page_break()
    buffer = io.BytesIO()
    word.save(buffer)
    page_html = "".join(
        "<div>" + "".join(f"<p>{html.escape(line)}</p>" for line in page.splitlines()) + "</div>" for page in pages
    )
    web = (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Report</title></head><body>{page_html}</body></html>"
    )
    return {".docx": buffer.getvalue(), ".html": web.encode("utf-8"), ".txt": "\n\f".join(pages).encode("utf-8")}
