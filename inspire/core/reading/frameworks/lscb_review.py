"""A stand-alone "Review of the effectiveness of the Local Safeguarding Children Board" (2013-18).

Most LSCB reviews were published inside a single inspection framework report (family ``sif``);
a few came on their own. Such a review is laid out like the LSCB section of a SIF report, with
the area's facts and the board's recommendations, so it is read with the SIF unit's phrases.
A combined SIF report names the review in its title too: it is not one of these.
"""

from __future__ import annotations

from dataclasses import replace

from inspire.core.reading.documents import Document
from inspire.core.reading.frameworks import sif
from inspire.core.reading.frameworks.common import DeclarativeFramework, Lines, grade_in, record_found
from inspire.core.reading.record import Record
from inspire.core.register import Register

SPEC = replace(
    sif.SPEC,
    family="lscb_review",
    title="Review of the effectiveness of the LSCB (2013-18)",
    # the review's title, and not a SIF inspection's (whose title names the review too)
    signatures=((sif.COMBINED.pattern, 5), (sif.TITLE.pattern, -5)),
    threshold=5,
)


class LscbReview(DeclarativeFramework):
    spec = SPEC

    def refine(self, record: Record, document: Document, text: Lines, register: Register) -> None:
        lscb = grade_in(text, sif.LSCB_JUDGEMENT)
        if lscb:
            record_found(record, "judgements.lscb", lscb)
        else:
            record.warnings.append("judgements.lscb: not found")
        if not sif.read_list(record, text, "lscb", 0, len(text.text)):
            record.warnings.append(f"recommendations (lscb): no list headed {sif.LSCB_LIST_NAMES} found")
        sif.read_area_facts(record, text)


FRAMEWORK = LscbReview()
