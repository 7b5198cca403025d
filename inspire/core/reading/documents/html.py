"""HTML pages through BeautifulSoup (lxml): visible text, block by block, tables as ``| cells |``."""

from __future__ import annotations

import re

from inspire.core.reading.documents.base import Backend, Page
from inspire.core.reading.errors import NoText

_HTML_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)
_BLOCK = (
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "br",
    "section",
    "article",
    "header",
    "footer",
    "dt",
    "dd",
)


class HtmlBackend(Backend):
    format = "html"
    paginated = False

    def sniff(self, data: bytes) -> bool:
        return bool(_HTML_START.match(data[:2048].lstrip(b"\xef\xbb\xbf")))

    def pages(self, data: bytes, source: str) -> tuple[Page, ...]:
        from bs4 import BeautifulSoup  # imported only when an HTML page is read

        soup = BeautifulSoup(data, "lxml")
        for tag in soup(["script", "style", "noscript", "template", "svg"]):
            tag.decompose()
        for row in soup.find_all("tr"):
            cells = [c.get_text(" ", strip=True) for c in row.find_all(["td", "th"])]
            row.replace_with(soup.new_string("\n| " + " | ".join(cells) + " |\n"))
        for tag in soup.find_all(_BLOCK):
            tag.insert_before("\n")
            tag.insert_after("\n")
        for item in soup.find_all("li"):
            item.insert(0, "- ")
        text = soup.get_text()
        lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.splitlines()]
        text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
        if not text:
            raise NoText(source)
        return (Page(1, text),)
