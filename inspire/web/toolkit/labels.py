"""Words people read for the record's keys: judgement areas, grades and report families."""

from __future__ import annotations

from django.db.models import Case, IntegerField, Value, When

from inspire.web.read.models import FAMILY_CHOICES, GRADE_CHOICES

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
    "jtai": "JTAI",
    "send_2023": "Area SEND",
    "jar_2009": "Joint area review",
}

#: The shared judgement areas, in the one order every page lists them whatever the framework.
AREA_LABELS = {
    "overall": "Overall effectiveness",
    "help_and_protection": "Help and protection",
    "children_in_care": "Children in care",
    "care_leavers": "Care leavers",
    "adoption": "Adoption performance",
    "leadership": "Leadership",
    "lscb": "LSCB",
}

#: Older families' own keys (docs/RECORD.md), after the shared ones, in the order their reports
#: print them; SLAC's two services (``safeguarding_<row>``, ``lac_<row>``) each in :data:`SLAC_ROWS` order.
FAMILY_AREAS = (
    "capacity_to_improve",
    "outcomes_for_looked_after_children",
    "quality_of_provision",
    "quality_of_practice",
    "leadership_and_management",
    "leadership_and_governance",
    "social_care",
    "being_healthy",
    "staying_safe",
    "enjoying_and_achieving",
    "making_a_positive_contribution",
    "achieving_economic_wellbeing",
    "management_of_services",
)
SLAC_ROWS = (
    "overall",
    "capacity",
    "quality_of_provision",
    "ambition_and_prioritisation",
    "leadership_and_management",
    "performance_management",
    "partnership_working",
    "equality_and_diversity",
    "value_for_money",
    "are_safe",
    "feel_safe",
    "health_contribution",
    "being_healthy",
    "staying_safe",
    "enjoying_and_achieving",
    "positive_contribution",
    "economic_wellbeing",
)

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


def area_order(area: str) -> tuple[int, int, str]:
    """Sort key: the shared areas first (:data:`AREA_LABELS`), then older families' own keys,
    then SLAC's safeguarding and looked-after rows, then anything else by name."""
    shared = list(AREA_LABELS)
    if area in shared:
        return (0, shared.index(area), area)
    if area in FAMILY_AREAS:
        return (1, FAMILY_AREAS.index(area), area)
    for group, prefix in ((2, "safeguarding_"), (3, "lac_")):
        row = area.removeprefix(prefix)
        if area.startswith(prefix) and row in SLAC_ROWS:
            return (group, SLAC_ROWS.index(row), area)
    return (4, 0, area)


def area_rank(field: str = "area") -> Case:
    """:func:`area_order` as a database expression (for ``order_by``, then by ``field`` itself):
    every area it knows ranked in its order, anything else after them."""
    known = sorted(
        [*AREA_LABELS, *FAMILY_AREAS, *(f"{prefix}{row}" for prefix in ("safeguarding_", "lac_") for row in SLAC_ROWS)],
        key=area_order,
    )
    return Case(
        *(When(**{field: area}, then=Value(rank)) for rank, area in enumerate(known)),
        default=Value(len(known)),
        output_field=IntegerField(),
    )
