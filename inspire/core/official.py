"""Ofsted's official statistics on local authority inspection outcomes: the record to check stored
reports against.

Ofsted publishes "Local authority inspection outcomes as at 31 March" every year (an .ods workbook;
a copy of the 2025 edition ships in ``inspire/core/data``). Its ``ILACS_inspection_history`` sheet
lists every ILACS inspection since 2018 with its first day, publication date and judgements; a
newer edition has the same layout and replaces it (``inspire official load FILE``). This module
reads it and reconciles it with what is stored: official inspections that are missing, and any
stored judgement or date that differs. Plain Python: no web framework.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from importlib import resources
from pathlib import Path

from python_calamine import CalamineWorkbook

from inspire.core.errors import InspireError

PACKAGED = "LA_Inspection_Outcomes_as_at_31_March_2025.ods"
HISTORY_SHEET = "ILACS_inspection_history"

#: the workbook's judgement columns → the record's judgement keys
COLUMNS = {
    "Overall effectiveness": "overall",
    "The impact of leaders on social work practice with children and families": "leadership",
    "The experiences and progress of children who need help and protection": "help_and_protection",
    "The experiences and progress of children in care": "children_in_care",
    "The experiences and progress of care leavers": "care_leavers",
}
GRADES = {
    "outstanding": "outstanding",
    "good": "good",
    "requires improvement to be good": "requires_improvement",
    "requires improvement": "requires_improvement",
    "inadequate": "inadequate",
}
#: the stored families the official ILACS record covers
FAMILIES = ("ilacs", "ilacs_2026")


class OfficialDataError(InspireError, ValueError):
    """The file is not Ofsted's local authority inspection outcomes workbook, or not in its layout
    (an application error: ``message`` and ``hint``; still a ``ValueError``, as it was)."""


@dataclass(frozen=True)
class OfficialInspection:
    ons_code: str
    name: str
    current: bool
    region: str
    start: date
    published: date | None
    kind: str  # "standard" or "short"
    judgements: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class OfficialOutcomes:
    title: str
    published_on: date | None
    inspections: tuple[OfficialInspection, ...]

    @property
    def latest_start(self) -> date | None:
        return max((i.start for i in self.inspections), default=None)


def load(path: str | Path | None = None) -> OfficialOutcomes:
    """The workbook at ``path``, or the edition packaged with Inspire."""
    if path is None:
        with resources.as_file(resources.files("inspire.core.data").joinpath(PACKAGED)) as packaged:
            return load(packaged)
    name = Path(path).name
    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except Exception as error:  # calamine raises its own error types for damaged or unknown files
        raise OfficialDataError(
            f"{name} could not be opened as a spreadsheet ({error}).",
            "Give Ofsted's 'Local authority inspection outcomes' workbook (.ods or .xlsx) as published.",
        ) from error
    if HISTORY_SHEET not in workbook.sheet_names:
        raise OfficialDataError(
            f"{name} has no '{HISTORY_SHEET}' sheet, so it is not Ofsted's local authority inspection "
            "outcomes workbook in the layout Inspire reads.",
            f"Its sheets are: {', '.join(workbook.sheet_names)}.",
        )
    rows = workbook.get_sheet_by_name(HISTORY_SHEET).to_python()
    header_at = next((i for i, row in enumerate(rows) if "Local authority area code" in row), None)
    if header_at is None:
        raise OfficialDataError(
            f"{name}: the '{HISTORY_SHEET}' sheet has no header row with 'Local authority area code'."
        )
    header = [str(cell).strip() for cell in rows[header_at]]
    needed = ["Local authority area code", "Local authority name", "Inspection date", "Publication date"]
    missing = [column for column in needed + list(COLUMNS) if column not in header]
    if missing:
        raise OfficialDataError(f"{name}: the '{HISTORY_SHEET}' sheet lacks the columns {', '.join(missing)}.")
    at = {column: header.index(column) for column in header}
    inspections = []
    for number, row in enumerate(rows[header_at + 1 :], start=header_at + 2):
        if not any(str(cell).strip() for cell in row):
            continue
        start = _date(row[at["Inspection date"]])
        if start is None:
            raise OfficialDataError(f"{name}: row {number} of '{HISTORY_SHEET}' has no inspection date.")
        inspections.append(
            OfficialInspection(
                ons_code=str(row[at["Local authority area code"]]).strip(),
                name=str(row[at["Local authority name"]]).strip(),
                current=str(row[at.get("Local authority status", -1)]).strip().lower() != "no longer exists"
                if "Local authority status" in at
                else True,
                region=str(row[at["Ofsted region"]]).strip() if "Ofsted region" in at else "",
                start=start,
                published=_date(row[at["Publication date"]]),
                kind="short" if "short" in str(row[at.get("Inspection type", 0)]).lower() else "standard",
                judgements={
                    key: GRADES[g]
                    for column, key in COLUMNS.items()
                    if (g := str(row[at[column]]).strip().lower()) in GRADES
                },
            )
        )
    return OfficialOutcomes(
        title=_title(workbook), published_on=_published_on(workbook), inspections=tuple(inspections)
    )


@dataclass(frozen=True)
class StoredInspection:
    """What reconciliation needs of a stored inspection."""

    id: int
    ons_code: str
    family: str
    start: date | None
    end: date | None
    published: date | None
    judgements: dict[str, str]


@dataclass(frozen=True)
class Difference:
    official: OfficialInspection
    stored: StoredInspection
    field: str  # "published", "judgements.overall", …
    official_value: str
    stored_value: str


@dataclass(frozen=True)
class Reconciliation:
    matched: int
    missing: tuple[OfficialInspection, ...]
    differences: tuple[Difference, ...]
    #: stored inspections of the families the official record covers, with no official inspection
    #: starting on their dates (newer than the official file, or a misread date)
    unmatched: tuple[StoredInspection, ...]


def reconcile(official: OfficialOutcomes, stored: list[StoredInspection]) -> Reconciliation:
    """Match each official inspection to the stored one of the same authority whose dates hold its
    first day; list what is missing and every judgement or date that differs."""
    by_area: dict[str, list[StoredInspection]] = {}
    for inspection in stored:
        if inspection.family in FAMILIES:
            by_area.setdefault(inspection.ons_code, []).append(inspection)
    matched, missing, differences, used = 0, [], [], set()
    for item in official.inspections:
        candidates = [s for s in by_area.get(item.ons_code, []) if _holds(s, item.start) and s.id not in used]
        if not candidates:
            missing.append(item)
            continue
        found = candidates[0]
        used.add(found.id)
        matched += 1
        if found.start != item.start:
            differences.append(
                Difference(
                    item,
                    found,
                    "inspection_start",
                    item.start.isoformat(),
                    found.start.isoformat() if found.start else "",
                )
            )
        if found.published and item.published and found.published != item.published:
            differences.append(
                Difference(item, found, "published", item.published.isoformat(), found.published.isoformat())
            )
        for key, grade in item.judgements.items():
            if found.judgements.get(key) != grade:
                differences.append(Difference(item, found, f"judgements.{key}", grade, found.judgements.get(key, "")))
    unmatched = [s for group in by_area.values() for s in group if s.id not in used]
    return Reconciliation(matched, tuple(missing), tuple(differences), tuple(sorted(unmatched, key=lambda s: s.id)))


def _holds(stored: StoredInspection, day: date) -> bool:
    if stored.start is None:
        return False
    return stored.start <= day <= (stored.end or stored.start)


def _date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return date.fromisoformat(text)
    return None


def _cover(workbook: CalamineWorkbook) -> list[list]:
    return workbook.get_sheet_by_name("Cover").to_python() if "Cover" in workbook.sheet_names else []


def _title(workbook: CalamineWorkbook) -> str:
    rows = _cover(workbook)
    return str(rows[0][0]).strip() if rows and rows[0] else "Local authority inspection outcomes"


def _published_on(workbook: CalamineWorkbook) -> date | None:
    for row in _cover(workbook):
        if row and str(row[0]).strip().lower().startswith("published on"):
            return _date(row[1]) if len(row) > 1 else None
    return None


#: grades in order, best last (the release compares an authority's first and latest grade)
_RANK = {"inadequate": 1, "adequate": 2, "requires_improvement": 2, "good": 3, "outstanding": 4}
CHANGES = (
    ("improved", "Improved"),
    ("kept_good", "Stayed good or outstanding"),
    ("same", "Stayed the same"),
    ("declined", "Declined"),
)


def change_of(first: str, latest: str) -> str:
    """How an authority's grade moved from its first inspection under a framework to its latest, as
    Ofsted's release counts it: ``improved`` (a better grade), ``declined`` (a worse one, outstanding
    to good included), else ``kept_good`` (the same good or outstanding grade) or ``same`` (the same
    grade below good)."""
    a, b = _RANK[first], _RANK[latest]
    if b > a:
        return "improved"
    if b < a:
        return "declined"
    return "kept_good" if a >= _RANK["good"] else "same"


def outcome_changes(histories: dict[int, list[str]]) -> dict[str, list[int]]:
    """The authorities (by id) in each change, for those with more than one graded inspection under
    one framework (``histories``: each authority's grades under it, oldest first)."""
    changes: dict[str, list[int]] = {key: [] for key, _ in CHANGES}
    for authority_id, grades in histories.items():
        graded = [g for g in grades if g in _RANK]
        if len(graded) > 1:
            changes[change_of(graded[0], graded[-1])].append(authority_id)
    return changes
