"""Typed case rows, one class per Annex A list, and the lists of one return (``CaseLists``).

Annex A ("the case lists Ofsted asks for before an inspection") has eleven lists; the indicators
use nine of them. Each row keeps its spreadsheet row number so a problem or a case behind a
figure can be found in the council's own workbook. ``child_id`` is the council's identifier: it
stays in the council's database and never appears in exports.

A value the workbook leaves blank, or that could not be read, is ``None``; why it could not be
read is a ``Problem`` in ``CaseLists.problems``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from typing import ClassVar


@dataclass(slots=True)
class Contact:
    """List 1: contacts."""

    row: int
    child_id: str
    contact_date: date | None = None
    source: str | None = None


@dataclass(slots=True)
class EarlyHelp:
    """List 2: early help assessments (read and checked; no indicator uses it yet)."""

    row: int
    child_id: str
    start: date | None = None
    completed: date | None = None


@dataclass(slots=True)
class Referral:
    """List 3: referrals."""

    row: int
    child_id: str
    referral_date: date | None = None
    source: str | None = None
    nfa: bool | None = None
    #: "Number of referrals in last 12 months": earlier referrals, not counting this one
    previous_referrals_12m: int | None = None


@dataclass(slots=True)
class Assessment:
    """List 4: social work (continuous) assessments."""

    row: int
    child_id: str
    start: date | None = None
    child_seen: bool | None = None
    authorised: date | None = None
    needs_support: str | None = None


@dataclass(slots=True)
class Section47:
    """List 5: section 47 enquiries and initial child protection conferences."""

    row: int
    child_id: str
    strategy_date: date | None = None
    icpc_unnecessary: bool | None = None
    icpc_date: date | None = None
    icpc_plan: bool | None = None
    enquiries_12m: int | None = None


@dataclass(slots=True)
class ChildInNeed:
    """List 6: children in need (episodes)."""

    row: int
    child_id: str
    dob: date | None = None
    start: date | None = None
    last_seen: date | None = None
    closed: date | None = None
    case_status: str | None = None


@dataclass(slots=True)
class ProtectionPlan:
    """List 7: child protection plans."""

    row: int
    child_id: str
    dob: date | None = None
    start: date | None = None
    last_visit: date | None = None
    seen_alone: bool | None = None
    latest_review: date | None = None
    end: date | None = None
    previous_plans: int | None = None


@dataclass(slots=True)
class LookedAfter:
    """List 8: children looked after."""

    row: int
    child_id: str
    dob: date | None = None
    start: date | None = None
    latest_review: date | None = None
    last_visit: date | None = None
    last_health_assessment: date | None = None
    placements_12m: int | None = None
    ceased: date | None = None


@dataclass(slots=True)
class CareLeaver:
    """List 9: care leavers."""

    row: int
    child_id: str
    dob: date | None = None
    eligibility: str | None = None
    in_touch: str | None = None
    accommodation: str | None = None
    suitability: str | None = None
    activity: str | None = None


@dataclass(slots=True)
class Adoption:
    """List 10: children with an adoption decision."""

    row: int
    child_id: str
    dob: date | None = None
    entered_care: date | None = None
    decision: date | None = None
    placement_order: date | None = None
    matched: date | None = None
    placed: date | None = None
    adopted: date | None = None
    no_longer_decision: date | None = None
    ffa_placed: date | None = None


ROW_TYPES: dict[str, type] = {
    "contacts": Contact,
    "early_help": EarlyHelp,
    "referrals": Referral,
    "assessments": Assessment,
    "section47": Section47,
    "children_in_need": ChildInNeed,
    "protection_plans": ProtectionPlan,
    "looked_after": LookedAfter,
    "care_leavers": CareLeaver,
    "adoptions": Adoption,
}


def row_fields(list_key: str) -> tuple[str, ...]:
    """The typed fields of a list's rows, without ``row``."""
    return tuple(f.name for f in fields(ROW_TYPES[list_key]) if f.name != "row")


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in the workbook: in a list, a row and a column (row/column ``None`` when it
    concerns the whole list or column). ``kind`` groups problems for a summary."""

    list: str
    message: str
    kind: str
    row: int | None = None
    column: str | None = None

    def describe(self) -> str:
        where = (
            self.list + (f", row {self.row}" if self.row else "") + (f", column “{self.column}”" if self.column else "")
        )
        return f"{where}: {self.message}"


@dataclass
class CaseLists:
    """The typed rows of one Annex A return, the columns found per list, and the problems."""

    contacts: list[Contact] = field(default_factory=list)
    early_help: list[EarlyHelp] = field(default_factory=list)
    referrals: list[Referral] = field(default_factory=list)
    assessments: list[Assessment] = field(default_factory=list)
    section47: list[Section47] = field(default_factory=list)
    children_in_need: list[ChildInNeed] = field(default_factory=list)
    protection_plans: list[ProtectionPlan] = field(default_factory=list)
    looked_after: list[LookedAfter] = field(default_factory=list)
    care_leavers: list[CareLeaver] = field(default_factory=list)
    adoptions: list[Adoption] = field(default_factory=list)
    #: list key -> the typed fields found in the workbook (a list absent here was not found)
    columns: dict[str, set[str]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    #: rows counted in lists no indicator reads (List 11, adopters): key -> rows
    other_rows: dict[str, int] = field(default_factory=dict)
    #: what indicators' ``prepare`` built, shared between indicators and periods (rows are not
    #: changed once read)
    prepared: dict = field(default_factory=dict, repr=False, compare=False)

    LIST_KEYS: ClassVar[tuple[str, ...]] = tuple(ROW_TYPES)

    def rows(self, list_key: str) -> list:
        return getattr(self, list_key)

    def has(self, list_key: str, *names: str) -> bool:
        found = self.columns.get(list_key)
        return found is not None and all(n in found for n in names)

    def date_range(self) -> tuple[date, date] | None:
        """The first and last contact or referral dates: the window the return covers."""
        seen = [c.contact_date for c in self.contacts if c.contact_date] + [
            r.referral_date for r in self.referrals if r.referral_date
        ]
        return (min(seen), max(seen)) if seen else None
