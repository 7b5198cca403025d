"""What a document says it is, for the documents Inspire does not read yet: the refusal then
names what was found ("this is an Ofsted focused visit letter; Inspire does not read those yet")
instead of saying only that no report was found. Told from the document's own title words on its
first pages, never from its file name; the first kind whose words appear there is the answer."""

from __future__ import annotations

import re

from inspire.core.reading.documents import Document

#: (the words that say what a document is, what to call it), most specific first
KINDS: tuple[tuple[str, str], ...] = (
    (
        r"joint\s+local\s+area\s+SEND\s+inspection|local\s+area\s+SEND\s+inspection|SEND\s+revisit",
        "a local area SEND inspection letter (2016-22)",
    ),
    (
        r"monitoring\s+inspection\s+of\s+(?:the\s+)?\w[\w\s]{0,60}?local\s+area\s+partnership|area\s+SEND\s+monitoring",
        "an area SEND monitoring inspection letter",
    ),
    (r"focused\s+visit", "an Ofsted focused visit letter"),
    (r"monitoring\s+visit", "an Ofsted monitoring visit letter"),
    (r"assurance\s+visit", "an Ofsted assurance visit letter"),
    (
        r"inspection\s+of\s+(?:a\s+)?(?:residential\s+)?(?:holiday\s+scheme|children['’]s\s+home|secure\s+children['’]s\s+home)|"
        r"children['’]s\s+home\s+inspection",
        "an Ofsted children's home inspection report",
    ),
    (
        r"inspection\s+of\s+(?:an?\s+)?(?:independent\s+)?fostering\s+agency|fostering\s+agency\s+inspection",
        "an Ofsted fostering agency inspection report",
    ),
    (
        r"inspection\s+of\s+(?:an?\s+)?(?:voluntary\s+)?adoption\s+(?:agency|support\s+agency)",
        "an Ofsted adoption agency inspection report",
    ),
    (
        r"school\s+inspection\s+report|inspection\s+of\s+[\w\s'’-]{2,80}?\s(?:school|academy|college)\b",
        "an Ofsted school or college inspection report",
    ),
    (
        r"youth\s+justice\s+(?:services?\s+)?inspection|inspection\s+of\s+youth\s+(?:offending|justice)",
        "an HM Inspectorate of Probation youth justice inspection report",
    ),
)
_PATTERNS = tuple((re.compile(pattern, re.I), name) for pattern, name in KINDS)


def what_it_is(document: Document, *, pages: int = 2, chars: int = 3000) -> str | None:
    """What the document says it is, when it is one of :data:`KINDS`, else None."""
    head = "\n".join(page.text for page in document.pages[:pages])[:chars]
    for pattern, name in _PATTERNS:
        if pattern.search(head):
            return name
    return None
