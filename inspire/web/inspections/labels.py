"""Words people read for the record's keys: judgement areas, grades and report families."""

from __future__ import annotations

from inspire.web.inspections.models import FAMILY_CHOICES, GRADE_CHOICES

GRADE_LABELS = dict(GRADE_CHOICES)
FAMILY_LABELS = dict(FAMILY_CHOICES)

#: Short family names for tables and charts.
FAMILY_SHORT = {
    "apa": "APA",
    "slac": "Safeguarding and LAC",
    "lac_2012": "Looked after children",
    "cp_2012": "Child protection",
    "sif": "SIF",
    "lscb_review": "LSCB review",
    "ilacs": "ILACS",
    "ilacs_2026": "ILACS (2026)",
}

#: Judgement areas in the order reports give them; older families' own keys follow.
AREA_LABELS = {
    "overall": "Overall effectiveness",
    "help_and_protection": "Help and protection",
    "children_in_care": "Children in care",
    "adoption": "Adoption performance",
    "care_leavers": "Care leavers",
    "leadership": "Leadership",
    "lscb": "LSCB",
}

#: Grades on one scale, best first, so frameworks can share a chart: adequate (APA, 2009-13)
#: sits where requires improvement does.
GRADE_RANK = {"outstanding": 4, "good": 3, "requires_improvement": 2, "adequate": 2, "inadequate": 1}

#: GOV.UK tag colour per grade.
GRADE_TAG = {
    "outstanding": "govuk-tag--green",
    "good": "govuk-tag--turquoise",
    "requires_improvement": "govuk-tag--yellow",
    "adequate": "govuk-tag--yellow",
    "inadequate": "govuk-tag--red",
}

#: Facts from "information about this local authority area".
FACT_LABELS = {
    "children_under_18": "Children under 18",
    "children": "Children under 18",
    "children_in_need": "Children in need",
    "child_protection_plans": "Children on child protection plans",
    "looked_after": "Children looked after",
    "looked_after_rate": "Children looked after per 10,000",
    "as_at": "Figures as at",
    "apa_year": "Year assessed",
}


def area_label(area: str) -> str:
    return AREA_LABELS.get(area) or area.replace("_", " ").capitalize()


def grade_label(grade: str | None) -> str:
    return GRADE_LABELS.get(grade or "", grade or "")


def family_label(family: str) -> str:
    return FAMILY_LABELS.get(family, family)


def fact_label(key: str) -> str:
    return FACT_LABELS.get(key) or key.replace("_", " ").capitalize()


def area_order(area: str) -> tuple[int, str]:
    keys = list(AREA_LABELS)
    return (keys.index(area) if area in keys else len(keys), area)
