"""The measures Inspire shows from the published files: their LAIT codes, the EES files and columns
that carry them, units, polarity and how each differs from Inspire's own Annex A indicator; the
areas' codes and the releases' names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

ENGLAND = "E92000001"
NATIONAL, REGIONAL, LOCAL = "national", "regional", "local_authority"

#: a file's symbol for a figure it does not give -> the reason, in words (EES symbols guidance; LAIT's "-")
SYMBOLS = {
    "c": "suppressed to protect confidentiality",
    "x": "not available",
    "z": "not applicable",
    "u": "low reliability",
    "low": "rounds to 0 but is not 0",
    "k": "rounds to 0 but is not 0",
    ":": "not available",
    ".": "not applicable",
    "..": "not available",
    "-": "suppressed or not collected",
    "": "no figure given",
    "na": "not available",
    "n/a": "not available",
}

#: LAIT's area numbers for England and the regions -> the register's region codes (London split too)
LAIT_AREAS = {
    "970": (NATIONAL, ENGLAND),
    "980": (REGIONAL, "NE"),
    "981": (REGIONAL, "NW"),
    "982": (REGIONAL, "YH"),
    "983": (REGIONAL, "EM"),
    "984": (REGIONAL, "WM"),
    "985": (REGIONAL, "E"),
    "986": (REGIONAL, "GL"),
    "987": (REGIONAL, "GL-INNER"),
    "988": (REGIONAL, "GL-OUTER"),
    "989": (REGIONAL, "SE"),
    "990": (REGIONAL, "SW"),
}
#: ONS region codes (EES ``region_code``) -> the register's region codes
ONS_REGIONS = {
    "E12000001": "NE",
    "E12000002": "NW",
    "E12000003": "YH",
    "E12000004": "EM",
    "E12000005": "WM",
    "E12000006": "E",
    "E12000007": "GL",
    "E12000008": "SE",
    "E12000009": "SW",
    "E13000001": "GL-INNER",
    "E13000002": "GL-OUTER",
}
REGION_NAMES = {
    "NE": "North East",
    "NW": "North West",
    "YH": "Yorkshire and the Humber",
    "EM": "East Midlands",
    "WM": "West Midlands",
    "E": "East of England",
    "GL": "London",
    "GL-INNER": "Inner London",
    "GL-OUTER": "Outer London",
    "SE": "South East",
    "SW": "South West",
}

CIN_RELEASE = "Characteristics of children in need"
CLA_RELEASE = "Children looked after in England including adoptions"
WORKFORCE_RELEASE = "Children's social work workforce"
POPULATION_RELEASE = "ONS mid-year population estimates (children aged 0 to 17)"
POPULATION = "population_under_18"
#: how the care leaver measures' ages differ from Inspire's (both measures count the same ages)
CARE_LEAVER_AGES = (
    "DfE counts the young people whose 19th, 20th or 21st birthday falls in the year, at their birthday; "
    "Inspire counts the care leavers aged 19 to 21 on the period's last day, at the date of the return."
)
#: how a rate Inspire could not work out from an EES count says so (never replaces a published figure)
NOT_WORKED_OUT = "no rate:"


@dataclass(frozen=True)
class EesColumn:
    """Where an EES file holds a measure: the value column, and the rows it is read from."""

    value: str
    #: column -> the text it must hold (a breakdown, an age group)
    where: tuple[tuple[str, str], ...] = ()
    #: a rate worked out from a count in ``value`` and the ONS population (the file gives no rate)
    per_10000_of_population: bool = False


@dataclass(frozen=True)
class Measure:
    id: str  # Inspire's indicator id where Inspire computes it too
    name: str
    unit: str  # percent, rate (per 10,000 children), cases (per social worker), count
    polarity: str  # higher, lower, neutral
    decimals: int
    release: str
    #: the last day of the published year: (month, day) — 31 March, or 30 September for the workforce
    year_end: tuple[int, int]
    definition: str
    lait: str | None = None
    ees: EesColumn | None = None
    #: the catalogue indicator computed from Annex A for the same thing (None: published only)
    indicator: str | None = None
    #: how Inspire's Annex A figure differs from the published one, when it does
    difference: str = ""
    theme: str = ""

    def format(self, value: float | None) -> str:
        return format_published(self.unit, value, self.decimals)

    def period_end(self, year: int) -> date:
        return date(year, *self.year_end)

    def period_label(self, year: int) -> str:
        """The published year in words: "year ending 31 March 2025" ("30 September" for the workforce)."""
        end = self.period_end(year)
        return f"year ending {end.day} {end:%B %Y}"


def format_published(unit: str, value: float | None, decimals: int = 1) -> str:
    """A figure with its unit, always: "22.6%", "67 per 10,000 children", "15.2 cases per social worker"."""
    if value is None:
        return "not published"
    number = f"{value:,.{decimals}f}"
    if unit == "percent":
        return f"{number}%"
    if unit == "rate":
        return f"{number} per 10,000 children"
    if unit == "cases":
        return f"{number} cases per social worker"
    return number


_RATE_NOTE = (
    " Inspire's Annex A rate uses the under-18 population for the year the period ends in: the ONS "
    "mid-year estimate DfE uses (mid-2024 for the year to 31 March 2025), unless one is entered."
)

MEASURES: dict[str, Measure] = {
    m.id: m
    for m in (
        Measure(
            "children_in_need_rate",
            "Children in need per 10,000 children",
            "rate",
            "neutral",
            1,
            CIN_RELEASE,
            (3, 31),
            "Children in need at 31 March per 10,000 children under 18 (children in need include those on child "
            "protection plans and looked after).",
            lait="CIN",
            ees=EesColumn("At31_episodes", per_10000_of_population=True),
            indicator="children_in_need_rate",
            difference="Inspire counts the children on the Annex A children in need list with a case open on the "
            "period's last day, once each; the published figure counts the episodes open at 31 March in the census."
            + _RATE_NOTE,
            theme="Children in need",
        ),
        Measure(
            "cp_rate",
            "Children on child protection plans per 10,000 children",
            "rate",
            "neutral",
            1,
            CIN_RELEASE,
            (3, 31),
            "Children who were the subject of a child protection plan at 31 March per 10,000 children under 18.",
            lait="CPP_rate",
            ees=EesColumn("CPP_At31", per_10000_of_population=True),
            indicator="cp_rate",
            difference=_RATE_NOTE.strip(),
            theme="Child protection",
        ),
        Measure(
            "looked_after_rate",
            "Children looked after per 10,000 children",
            "rate",
            "neutral",
            0,
            CLA_RELEASE,
            (3, 31),
            "Children looked after on 31 March per 10,000 children under 18 (published as whole numbers).",
            lait="LAC",
            ees=EesColumn("rate_per_10000", (("population_type", "Children looked after on 31 March each year"),)),
            indicator="looked_after_rate",
            difference="The published rate is rounded to a whole number; Inspire shows its own to one decimal place."
            + _RATE_NOTE,
            theme="Children looked after",
        ),
        Measure(
            "re_referrals",
            "Re-referrals within 12 months",
            "percent",
            "lower",
            1,
            CIN_RELEASE,
            (3, 31),
            "Referrals in the year made within 12 months of a previous referral of the same child, as a percentage of "
            "all referrals in the year.",
            lait="ReReferral",
            ees=EesColumn("rereferral_percent"),
            indicator="re_referrals",
            theme="Front door",
        ),
        Measure(
            "assessments_45_days",
            "Assessments completed within 45 working days",
            "percent",
            "higher",
            1,
            CIN_RELEASE,
            (3, 31),
            "Assessments completed in the year within 45 working days of their start, as a percentage of the "
            "assessments completed in the year (LAIT's continuous assessments measure; no EES file carries it).",
            lait="Continue_Assess_Comp",
            indicator="assessments_45_days",
            theme="Front door",
        ),
        Measure(
            "cp_repeat",
            "Repeat child protection plans",
            "percent",
            "lower",
            1,
            CIN_RELEASE,
            (3, 31),
            "Child protection plans started in the year that were the child's second or subsequent plan, as a "
            "percentage of the plans started in the year.",
            lait="PrevRegCPR",
            ees=EesColumn("CPP_subsequent_percent"),
            indicator="cp_repeat",
            theme="Child protection",
        ),
        Measure(
            "cp_two_years",
            "Child protection plans lasting two years or more",
            "percent",
            "lower",
            1,
            CIN_RELEASE,
            (3, 31),
            "Of the children on a child protection plan at 31 March, the percentage whose plan had lasted two years or "
            "more.",
            lait="CPPlans2yrsActive",
            ees=EesColumn("2_years_or_more_percent"),
            indicator="cp_two_years",
            difference="Inspire's Annex A figure is the share of plans that ended in the period having lasted two "
            "years or more; the published figure is the share of plans open at 31 March that had lasted two years "
            "or more. The two are not the same measure: compare them with care.",
            theme="Child protection",
        ),
        Measure(
            "care_leavers_eet",
            "Care leavers in education, employment or training",
            "percent",
            "higher",
            0,
            CLA_RELEASE,
            (3, 31),
            "Care leavers aged 19 to 21 (birthday in the year) in education, employment or training, as a percentage "
            "of all care leavers aged 19 to 21.",
            lait="CareLeaverEET",
            ees=EesColumn(
                "care_leaver_percent",
                (("care_leaver_age", "19 to 21 years"), ("breakdown", "Total in education, employment or training")),
            ),
            indicator="care_leavers_eet",
            difference=CARE_LEAVER_AGES,
            theme="Care leavers",
        ),
        Measure(
            "care_leavers_suitable_accommodation",
            "Care leavers in suitable accommodation",
            "percent",
            "higher",
            0,
            CLA_RELEASE,
            (3, 31),
            "Care leavers aged 19 to 21 in accommodation considered suitable, as a percentage of all care leavers "
            "aged 19 to 21.",
            lait="CareLeaverAcc",
            ees=EesColumn(
                "care_leaver_percent",
                (("care_leaver_age", "19 to 21 years"), ("breakdown", "Accommodation considered suitable")),
            ),
            indicator="care_leavers_suitable_accommodation",
            difference=CARE_LEAVER_AGES,
            theme="Care leavers",
        ),
        Measure(
            "cla_three_placements",
            "Children looked after with three or more placements in a year",
            "percent",
            "lower",
            0,
            CLA_RELEASE,
            (3, 31),
            "Children looked after at 31 March who had three or more placements during the year, as a percentage of "
            "all children looked after at 31 March.",
            lait="LACStable_2016on",
            ees=EesColumn(
                "children_percent",
                (
                    ("cla_group", "CLA on 31 March"),
                    ("placement_stability", "With 3 or more placements during the year"),
                ),
            ),
            indicator="cla_three_placements",
            difference="Inspire reads the return's “Number of placements in the last 12 months”, which describes the "
            "12 months before the return was made, not the year to 31 March.",
            theme="Children looked after",
        ),
        Measure(
            "cla_long_term_stability",
            "Children looked after in the same placement for two years",
            "percent",
            "higher",
            0,
            CLA_RELEASE,
            (3, 31),
            "Children under 16 looked after for at least two and a half years at 31 March who had lived with the same "
            "carer for at least two years, as a percentage of them.",
            lait="LAC_LongStable%",
            ees=EesColumn(
                "children_percent",
                (
                    (
                        "cla_group",
                        "Children looked after continuously for at least 2.5 years on 31 March aged under 16 years",
                    ),
                    ("placement_stability", "Living with the same carer for at least 2 years"),
                ),
            ),
            theme="Children looked after",
        ),
        Measure(
            "sw_turnover",
            "Social worker turnover",
            "percent",
            "lower",
            1,
            WORKFORCE_RELEASE,
            (9, 30),
            "Children and family social workers (FTE) who left in the year to 30 September, as a percentage of those "
            "in post at 30 September.",
            lait="Work_Force_TO_Rate",
            ees=EesColumn("turnover_rate_fte"),
            theme="Social work workforce",
        ),
        Measure(
            "sw_vacancy",
            "Social worker vacancy rate",
            "percent",
            "lower",
            1,
            WORKFORCE_RELEASE,
            (9, 30),
            "Vacant children and family social worker posts (FTE) at 30 September, as a percentage of vacancies and "
            "social workers in post.",
            lait="Work_Force_Vac_Rate",
            ees=EesColumn("vacancy_rate_fte"),
            theme="Social work workforce",
        ),
        Measure(
            "sw_agency",
            "Agency social workers",
            "percent",
            "lower",
            1,
            WORKFORCE_RELEASE,
            (9, 30),
            "Agency children and family social workers (FTE) at 30 September, as a percentage of agency and "
            "employed social workers.",
            lait="Work_Force_Agecy_Rate",
            ees=EesColumn("agency_rate_fte"),
            theme="Social work workforce",
        ),
        Measure(
            "sw_caseload",
            "Average caseload per social worker",
            "cases",
            "lower",
            1,
            WORKFORCE_RELEASE,
            (9, 30),
            "Cases held at 30 September divided by the children and family social workers (employed and agency, FTE) "
            "holding cases.",
            lait="Work_Force_AvgNumCase_SW",
            ees=EesColumn("caseload_fte"),
            theme="Social work workforce",
        ),
    )
}
BY_LAIT = {m.lait: m for m in MEASURES.values() if m.lait}
BY_INDICATOR = {m.indicator: m for m in MEASURES.values() if m.indicator}
