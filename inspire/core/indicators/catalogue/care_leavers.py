"""Care leavers (List 9). The list has no event dates: it describes care leavers on the day of the
return, so these indicators are snapshots whose period's last day sets the ages counted."""

from __future__ import annotations

import re

from inspire.core.indicators.catalogue.base import Indicator, Polarity, Semantics, Unit, age_on

AGES = (19, 21)  # the ages the Department's care leaver statistics report


def _aged_19_to_21(c, period, _):
    if c.dob is None:
        return "no date of birth"
    return AGES[0] <= age_on(c.dob, period.end) <= AGES[1]


def _yes(text: str | None) -> bool:
    return text is not None and text.strip().lower() in {"yes", "y"}


_EET_CODE = re.compile(r"^[FP]\d")


def in_education_employment_training(activity: str | None) -> bool:
    """SSDA903 activity codes: F1-F3 full time, P1-P3 part time education, employment or training; G4-G6 NEET."""
    if not activity:
        return False
    if _EET_CODE.match(activity.strip().upper()):
        return True
    text = activity.lower()
    return "not in education" not in text and any(w in text for w in ("education", "employment", "training"))


_LEAVERS = dict(
    list_key="care_leavers",
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    semantics=Semantics.SNAPSHOT,
    denominator=_aged_19_to_21,
    as_at_return=True,
    theme="Care leavers",
)

IN_TOUCH = Indicator(
    id="care_leavers_in_touch",
    name="Care leavers in touch",
    definition=(
        "Of the care leavers aged 19 to 21 on the last day of the period, the percentage the local authority is "
        "in touch with."
    ),
    columns=("dob", "in_touch"),
    numerator=lambda c, p, _: _yes(c.in_touch),
    **_LEAVERS,
)

SUITABLE = Indicator(
    id="care_leavers_suitable_accommodation",
    name="Care leavers in suitable accommodation",
    definition=(
        "Of the care leavers aged 19 to 21 on the last day of the period, the percentage whose accommodation is "
        "recorded as suitable (not recorded counts as not known to be suitable)."
    ),
    columns=("dob", "suitability"),
    numerator=lambda c, p, _: c.suitability is not None and c.suitability.strip().lower().startswith("suitable"),
    **_LEAVERS,
)

EET = Indicator(
    id="care_leavers_eet",
    name="Care leavers in education, employment or training",
    definition=(
        "Of the care leavers aged 19 to 21 on the last day of the period, the percentage in education, employment "
        "or training, full or part time (activity codes F1-F3, P1-P3)."
    ),
    columns=("dob", "activity"),
    numerator=lambda c, p, _: in_education_employment_training(c.activity),
    **_LEAVERS,
)

INDICATORS = (IN_TOUCH, SUITABLE, EET)
