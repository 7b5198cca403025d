"""The submission deadline of a plan, by the kind of inspection it answers.

After an ILACS or SIF inspection the council sends its plan within 70 working days of receiving
the report (``deadlines.submission_deadline``). That rule is not the rule for area inspections:
a JTAI letter sets its own date for the written statement of action ("… should send the written
statement of action to … by 6 July 2023"), and an area SEND report sets none. So for those the
deadline is the date the letter itself states, quoted, or there is none — never the 70-day rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from inspire.core.calendar import format_long
from inspire.core.plans.deadlines import STATUTORY_WORKING_DAYS, submission_deadline
from inspire.core.reading.record import AREA_FAMILIES


@dataclass(frozen=True)
class Deadline:
    day: date | None
    #: ``statutory`` (70 working days after receipt), ``stated`` (the report's own date) or ``none``
    basis: str
    #: what the page says under the date, in words a council officer understands
    explanation: str


def plan_deadline(*, family: str, received: date | None, stated: date | None = None, quote: str = "") -> Deadline:
    """The deadline of a plan answering an inspection of ``family`` (see the module docstring)."""
    if family in AREA_FAMILIES:
        if stated:
            return Deadline(
                stated,
                "stated",
                f"The date the report itself sets: “{quote}”"
                if quote
                else f"The date the report itself sets ({format_long(stated)}).",
            )
        return Deadline(
            None,
            "none",
            "The report sets no date for the partnership's plan, so Inspire shows none. "
            f"The {STATUTORY_WORKING_DAYS}-working-day rule is for ILACS and SIF inspections, "
            "not for area inspections.",
        )
    if received is None:
        return Deadline(None, "statutory", "No date of receipt or publication is known, so no deadline can be counted.")
    return Deadline(
        submission_deadline(received),
        "statutory",
        f"{STATUTORY_WORKING_DAYS} working days after the report was received, not counting weekends "
        "or bank holidays in England and Wales.",
    )
