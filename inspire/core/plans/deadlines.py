"""The statutory deadline for the plan a council sends after an inspection, what it counts
from, and what the plan is called.

The council must send its plan within 70 working days of receiving the final report: the
Education and Inspections Act 2006 (Inspection of Local Authorities) Regulations 2007, as
Southend's Cabinet paper cites them (seed 004, paragraph 3.5: "Within 70 working days of the
publication date of the final Report the Council is required to submit a post-inspection
Improvement Plan"). Working days come from :mod:`inspire.core.calendar` (England and Wales bank
holidays); the day of receipt is day 0, so the deadline is the 70th working day after it.
7 July 2016 gives 14 October 2016; 9 May 2023 gives 16 August 2023.

The deadline is never worked out from a date nobody confirmed. Reports under ILACS print no
publication date; their last inspection day is weeks earlier, so counting from it gives a
deadline weeks early. A plan's received date is therefore only what a person confirmed: the
publication date the report states, the reader's estimate of it (``Record.published_estimate``,
with its source), or a date they entered. Until then the deadline is :data:`DEADLINE_UNKNOWN`.

What the plan is called (:func:`plan_document`) follows the judgement: where the overall
effectiveness is inadequate, the framework calls it the *written statement of action* (Ofsted's
framework for inspecting local authority children's services, ILACS, in its section on what
happens after an inadequate judgement: the council prepares a written statement of proposed
action within 70 working days of receiving the report; the single inspection framework,
2013-18, used the same words). Other judgements call for an action plan on the same 70-day
timescale. A report without an overall judgement (the April 2026 form) is not guessed about.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from inspire.core.calendar import add_working_days, format_long

STATUTORY_WORKING_DAYS = 70

DEADLINE_UNKNOWN = "Deadline not yet known — confirm the publication date"

#: what a confirmed received date is, in words a council officer reads beside the deadline
BASES = {
    "published": "the publication date the report states",
    "estimate": "the publication date estimated by Inspire",
    "entered": "the date the council received the report",
}

RULE_SOURCE = (
    "70 working days, not counting weekends or bank holidays in England and Wales: the Education and "
    "Inspections Act 2006 (Inspection of Local Authorities) Regulations 2007."
)


def submission_deadline(received: date, working_days: int = STATUTORY_WORKING_DAYS) -> date:
    """The last day to send the plan: ``working_days`` working days after ``received``."""
    if working_days < 0:
        raise ValueError("working_days must not be negative")
    return add_working_days(received, working_days)


@dataclass(frozen=True)
class Suggestion:
    """The date to offer when a plan is started, and what it is: the report's stated publication
    date, else the reader's estimate (with where it came from), else nothing."""

    date: date | None
    basis: str  # published | estimate | "" (nothing to offer)
    words: str  # what the page says about it


def received_suggestion(published: date | None, estimate: date | None = None, estimate_source: str = "") -> Suggestion:
    if published:
        return Suggestion(published, "published", f"The report states its publication date: {format_long(published)}.")
    if estimate:
        source = f" from {estimate_source}" if estimate_source else ""
        return Suggestion(
            estimate,
            "estimate",
            f"The report states no publication date. Inspire estimated {format_long(estimate)}{source}: "
            "check it against the date the report was published or sent to you.",
        )
    return Suggestion(
        None,
        "",
        "The report states no publication date, and Inspire could not estimate one. "
        "Enter the date the report was published or sent to you.",
    )


def basis_for(received: date, suggestion: Suggestion) -> str:
    """A confirmed date is the suggestion's kind when it is the suggested date, else one entered."""
    return suggestion.basis if suggestion.date == received and suggestion.basis else "entered"


def counts_from(received: date | None, basis: str) -> str:
    """What the deadline counts from, as every page, pack and export says it."""
    if received is None:
        return DEADLINE_UNKNOWN
    what = BASES.get(basis, BASES["entered"])
    return (
        f"{STATUTORY_WORKING_DAYS} working days after {format_long(received)}, {what} (confirmed), "
        "not counting weekends or bank holidays in England and Wales"
    )


def deadline_line(received: date | None, basis: str) -> str:
    """One line: "Submission deadline: 14 October 2016 (70 working days after …)" or the unknown words."""
    if received is None:
        return f"Submission {DEADLINE_UNKNOWN[0].lower()}{DEADLINE_UNKNOWN[1:]}."
    return f"Submission deadline: {format_long(submission_deadline(received))} ({counts_from(received, basis)})."


def plan_document(overall_grade: str | None) -> str:
    """What the plan sent to Ofsted is called for the report's overall effectiveness grade."""
    if overall_grade is None or overall_grade == "":
        return (
            "the plan the report asks for (the report gives no overall effectiveness judgement: check whether "
            "a written statement of action is required)"
        )
    if overall_grade == "inadequate":
        return "written statement of action"
    return "action plan"
