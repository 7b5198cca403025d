"""A stand-alone "Review of the effectiveness of the Local Safeguarding Children Board" (2013-18).

Most LSCB reviews were published inside a single inspection framework report (family ``sif``);
a few came on their own. Such a review is laid out like the LSCB section of a SIF report, with
the area's facts and the board's recommendations, so it is read with the SIF unit's phrases.
A combined SIF report names the review in its title too: it is not one of these.
"""

from __future__ import annotations

import re

from inspire.core.reading.documents import Document
from inspire.core.reading.frameworks import sif
from inspire.core.reading.frameworks.base import Framework
from inspire.core.reading.frameworks.common import (
    grade_in,
    head_text,
    new_record,
    phrase,
    plain_lines,
    record_found,
)
from inspire.core.reading.record import Record
from inspire.core.register import Register

TITLE = re.compile(phrase("Review of the effectiveness of the local safeguarding children board"), re.I)


class LscbReview(Framework):
    family = "lscb_review"
    title = "Review of the effectiveness of the LSCB (2013-18)"

    def detect(self, document: Document) -> int:
        head = head_text(document, sif.DETECT_PAGES)[: sif.DETECT_CHARS]
        return 5 if TITLE.search(head) and not sif.TITLE.search(head) else 0

    def read(self, document: Document, register: Register) -> Record:
        record = new_record(self.family, document)
        text = plain_lines(document)
        sif.read_header(record, text, register)
        lscb = grade_in(text, sif.LSCB_JUDGEMENT)
        if lscb:
            record_found(record, "judgements.lscb", lscb)
        else:
            record.warnings.append("judgements.lscb: not found")
        if not sif.read_list(record, text, "lscb", 0, len(text.text)):
            record.warnings.append(f"recommendations (lscb): no list headed {sif.LSCB_LIST_NAMES} found")
        sif.read_area_facts(record, text)
        return record


FRAMEWORK = LscbReview()
