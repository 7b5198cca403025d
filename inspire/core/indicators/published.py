"""Published comparators: the Department for Education's figures for England, the regions and every
authority, read from the Local Authority Interactive Tool's long file (LAIT) or from a release's own
underlying data (explore-education-statistics CSVs, "EES"), mapped to Inspire's indicators.

- ``MEASURES``: every published measure Inspire shows, with its LAIT code, the EES file and column
  that carry it, its unit and polarity (as LAIT's data dictionary gives it), and, where Inspire's own
  Annex A indicator of the same name is defined differently, how.
- ``read_published(data, register)``: a LAIT parquet file or an EES CSV (told apart by content, never
  by file name) → ``PublishedFile`` of ``Figure``. Areas are matched by the register's DfE (LAIT's
  "LA Number", EES ``old_la_code``) and ONS codes (``new_la_code``); authorities that no longer exist
  (Northamptonshire, Cumbria, "Bournemouth (Pre LG)") are kept as former authorities under their own
  code, never merged into their successors. A suppressed or missing figure is a ``Figure`` with no
  value and the reason the file's symbol gives ("c": suppressed to protect confidentiality), never 0.
  Float artefacts (``17.899999999999999``) are rounded to the figure as published (17.9).
- ``benchmark(...)``: an authority's value beside England, its region, each statistical neighbour and
  every authority (rank, quartile in the measure's direction), and ``reading``: the one line a
  performance meeting reads.

Each figure keeps the release it comes from and its year: ``Figure.source`` and ``period_label``.
"""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass, field
from datetime import date
from statistics import mean

from inspire.core.errors import IndicatorError
from inspire.core.register import Authority, Register

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
    "970": (NATIONAL, ENGLAND), "980": (REGIONAL, "NE"), "981": (REGIONAL, "NW"), "982": (REGIONAL, "YH"),
    "983": (REGIONAL, "EM"), "984": (REGIONAL, "WM"), "985": (REGIONAL, "E"), "986": (REGIONAL, "GL"),
    "987": (REGIONAL, "GL-INNER"), "988": (REGIONAL, "GL-OUTER"), "989": (REGIONAL, "SE"), "990": (REGIONAL, "SW"),
}
#: ONS region codes (EES ``region_code``) -> the register's region codes
ONS_REGIONS = {
    "E12000001": "NE", "E12000002": "NW", "E12000003": "YH", "E12000004": "EM", "E12000005": "WM",
    "E12000006": "E", "E12000007": "GL", "E12000008": "SE", "E12000009": "SW",
    "E13000001": "GL-INNER", "E13000002": "GL-OUTER",
}
REGION_NAMES = {"NE": "North East", "NW": "North West", "YH": "Yorkshire and the Humber", "EM": "East Midlands",
                "WM": "West Midlands", "E": "East of England", "GL": "London", "GL-INNER": "Inner London",
                "GL-OUTER": "Outer London", "SE": "South East", "SW": "South West"}

CIN_RELEASE = "Characteristics of children in need"
CLA_RELEASE = "Children looked after in England including adoptions"
WORKFORCE_RELEASE = "Children's social work workforce"
POPULATION_RELEASE = "ONS mid-year population estimates (children aged 0 to 17)"
POPULATION = "population_under_18"
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


_RATE_NOTE = (" Inspire's Annex A rate uses the under-18 population for the year the period ends in: the ONS "
              "mid-year estimate DfE uses (mid-2024 for the year to 31 March 2025), unless one is entered.")

MEASURES: dict[str, Measure] = {m.id: m for m in (
    Measure(
        "children_in_need_rate", "Children in need per 10,000 children", "rate", "neutral", 1, CIN_RELEASE, (3, 31),
        "Children in need at 31 March per 10,000 children under 18 (children in need include those on child "
        "protection plans and looked after).",
        lait="CIN", ees=EesColumn("At31_episodes", per_10000_of_population=True), indicator="children_in_need_rate",
        difference="Inspire counts the children on the Annex A children in need list with a case open on the period's "
                   "last day, once each; the published figure counts the episodes open at 31 March in the census."
                   + _RATE_NOTE,
        theme="Children in need"),
    Measure(
        "cp_rate", "Children on child protection plans per 10,000 children", "rate", "neutral", 1, CIN_RELEASE, (3, 31),
        "Children who were the subject of a child protection plan at 31 March per 10,000 children under 18.",
        lait="CPP_rate", ees=EesColumn("CPP_At31", per_10000_of_population=True), indicator="cp_rate",
        difference=_RATE_NOTE.strip(), theme="Child protection"),
    Measure(
        "looked_after_rate", "Children looked after per 10,000 children", "rate", "neutral", 0, CLA_RELEASE, (3, 31),
        "Children looked after on 31 March per 10,000 children under 18 (published as whole numbers).",
        lait="LAC", ees=EesColumn("rate_per_10000", (("population_type", "Children looked after on 31 March each year"),)),
        indicator="looked_after_rate",
        difference="The published rate is rounded to a whole number; Inspire shows its own to one decimal place."
                   + _RATE_NOTE,
        theme="Children looked after"),
    Measure(
        "re_referrals", "Re-referrals within 12 months", "percent", "lower", 1, CIN_RELEASE, (3, 31),
        "Referrals in the year made within 12 months of a previous referral of the same child, as a percentage of "
        "all referrals in the year.",
        lait="ReReferral", ees=EesColumn("rereferral_percent"), indicator="re_referrals", theme="Front door"),
    Measure(
        "assessments_45_days", "Assessments completed within 45 working days", "percent", "higher", 1, CIN_RELEASE,
        (3, 31),
        "Assessments completed in the year within 45 working days of their start, as a percentage of the "
        "assessments completed in the year (LAIT's continuous assessments measure; no EES file carries it).",
        lait="Continue_Assess_Comp", indicator="assessments_45_days", theme="Front door"),
    Measure(
        "cp_repeat", "Repeat child protection plans", "percent", "lower", 1, CIN_RELEASE, (3, 31),
        "Child protection plans started in the year that were the child's second or subsequent plan, as a "
        "percentage of the plans started in the year.",
        lait="PrevRegCPR", ees=EesColumn("CPP_subsequent_percent"), indicator="cp_repeat", theme="Child protection"),
    Measure(
        "cp_two_years", "Child protection plans lasting two years or more", "percent", "lower", 1, CIN_RELEASE, (3, 31),
        "Of the children on a child protection plan at 31 March, the percentage whose plan had lasted two years or "
        "more.",
        lait="CPPlans2yrsActive", ees=EesColumn("2_years_or_more_percent"), indicator="cp_two_years",
        difference="Inspire's Annex A figure is the share of plans that ended in the period having lasted two years "
                   "or more; the published figure is the share of plans open at 31 March that had lasted two years "
                   "or more. The two are not the same measure: compare them with care.",
        theme="Child protection"),
    Measure(
        "care_leavers_eet", "Care leavers in education, employment or training", "percent", "higher", 0, CLA_RELEASE,
        (3, 31),
        "Care leavers aged 19 to 21 (birthday in the year) in education, employment or training, as a percentage "
        "of all care leavers aged 19 to 21.",
        lait="CareLeaverEET", ees=EesColumn("care_leaver_percent", (("care_leaver_age", "19 to 21 years"),
                                                                    ("breakdown", "Total in education, employment or training"))),
        indicator="care_leavers_eet",
        difference="DfE counts the young people whose 19th, 20th or 21st birthday falls in the year, at their "
                   "birthday; Inspire counts the care leavers aged 19 to 21 on the period's last day, at the date "
                   "of the return.",
        theme="Care leavers"),
    Measure(
        "care_leavers_suitable_accommodation", "Care leavers in suitable accommodation", "percent", "higher", 0,
        CLA_RELEASE, (3, 31),
        "Care leavers aged 19 to 21 in accommodation considered suitable, as a percentage of all care leavers "
        "aged 19 to 21.",
        lait="CareLeaverAcc", ees=EesColumn("care_leaver_percent", (("care_leaver_age", "19 to 21 years"),
                                                                    ("breakdown", "Accommodation considered suitable"))),
        indicator="care_leavers_suitable_accommodation",
        difference="DfE counts the young people whose 19th, 20th or 21st birthday falls in the year, at their "
                   "birthday; Inspire counts the care leavers aged 19 to 21 on the period's last day, at the date "
                   "of the return.",
        theme="Care leavers"),
    Measure(
        "cla_three_placements", "Children looked after with three or more placements in a year", "percent", "lower",
        0, CLA_RELEASE, (3, 31),
        "Children looked after at 31 March who had three or more placements during the year, as a percentage of "
        "all children looked after at 31 March.",
        lait="LACStable_2016on", ees=EesColumn("children_percent", (("cla_group", "CLA on 31 March"),
                                                                    ("placement_stability", "With 3 or more placements during the year"))),
        indicator="cla_three_placements",
        difference="Inspire reads the return's “Number of placements in the last 12 months”, which describes the "
                   "12 months before the return was made, not the year to 31 March.",
        theme="Children looked after"),
    Measure(
        "cla_long_term_stability", "Children looked after in the same placement for two years", "percent", "higher",
        0, CLA_RELEASE, (3, 31),
        "Children under 16 looked after for at least two and a half years at 31 March who had lived with the same "
        "carer for at least two years, as a percentage of them.",
        lait="LAC_LongStable%", ees=EesColumn("children_percent", (
            ("cla_group", "Children looked after continuously for at least 2.5 years on 31 March aged under 16 years"),
            ("placement_stability", "Living with the same carer for at least 2 years"))),
        theme="Children looked after"),
    Measure(
        "sw_turnover", "Social worker turnover", "percent", "lower", 1, WORKFORCE_RELEASE, (9, 30),
        "Children and family social workers (FTE) who left in the year to 30 September, as a percentage of those "
        "in post at 30 September.",
        lait="Work_Force_TO_Rate", ees=EesColumn("turnover_rate_fte"), theme="Social work workforce"),
    Measure(
        "sw_vacancy", "Social worker vacancy rate", "percent", "lower", 1, WORKFORCE_RELEASE, (9, 30),
        "Vacant children and family social worker posts (FTE) at 30 September, as a percentage of vacancies and "
        "social workers in post.",
        lait="Work_Force_Vac_Rate", ees=EesColumn("vacancy_rate_fte"), theme="Social work workforce"),
    Measure(
        "sw_agency", "Agency social workers", "percent", "lower", 1, WORKFORCE_RELEASE, (9, 30),
        "Agency children and family social workers (FTE) at 30 September, as a percentage of agency and "
        "employed social workers.",
        lait="Work_Force_Agecy_Rate", ees=EesColumn("agency_rate_fte"), theme="Social work workforce"),
    Measure(
        "sw_caseload", "Average caseload per social worker", "cases", "lower", 1, WORKFORCE_RELEASE, (9, 30),
        "Cases held at 30 September divided by the children and family social workers (employed and agency, FTE) "
        "holding cases.",
        lait="Work_Force_AvgNumCase_SW", ees=EesColumn("caseload_fte"), theme="Social work workforce"),
)}
BY_LAIT = {m.lait: m for m in MEASURES.values() if m.lait}
BY_INDICATOR = {m.indicator: m for m in MEASURES.values() if m.indicator}


@dataclass(frozen=True)
class Figure:
    """One published figure, or the record that it is not published (``value`` None, ``not_published`` why)."""

    measure: str
    level: str  # national, regional, local_authority
    code: str  # ENGLAND, a register region code ("GL-INNER" for Inner London), or a DfE authority code
    name: str  # the area as the file names it
    year: int
    period_end: date
    value: float | None
    not_published: str = ""
    source: str = ""  # the release, and the file it came through
    former: bool = False  # an authority that no longer exists (kept under its own code)

    @property
    def key(self) -> tuple[str, str, str, date]:
        return (self.level, self.code, self.measure, self.period_end)


@dataclass
class PublishedFile:
    kind: str  # "LAIT" or the EES release read
    figures: list[Figure] = field(default_factory=list)
    #: rows passed over, by why ("a measure Inspire does not show", "an area not in the register: …")
    passed_over: dict[str, int] = field(default_factory=dict)

    def skip(self, why: str) -> None:
        self.passed_over[why] = self.passed_over.get(why, 0) + 1


class PublishedError(IndicatorError):
    """A file that is neither LAIT's long file nor an EES file Inspire reads."""

    code = "published_file"
    hint = "Give LAIT's bds_long file (.parquet) or a CSV from a release's underlying data."


def clean_number(text: str) -> float | None:
    """A published number without float artefacts ("9.3699999999999992" -> 9.37), or None for text."""
    text = text.strip().replace(",", "")
    try:
        value = float(text)
    except ValueError:
        return None
    if not math.isfinite(value):
        return None
    return float(f"{value:.10g}")


def _value(raw: object) -> tuple[float | None, str]:
    text = "" if raw is None else str(raw).strip()
    value = clean_number(text)
    if value is not None:
        return value, ""
    return None, SYMBOLS.get(text.lower(), f"the file says “{text}”")


def read_published(data: bytes, register: Register, *, population: dict[tuple[str, int], float] | None = None) -> PublishedFile:
    """A LAIT long file (parquet) or an EES CSV. ``population`` ((area code, year) -> children under
    18, from the ONS file) lets an EES count become a rate where the file publishes no rate."""
    if data[:4] == b"PAR1":
        return read_lait(data, register)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PublishedError("the file is neither LAIT's long file (parquet) nor a CSV file saved as UTF-8") from None
    return read_ees(text, register, population=population)


# -- LAIT ---------------------------------------------------------------------------------------------

LAIT_COLUMNS = ("Short Desc", "Years", "LA and Regions", "Values", "LA Number")


def read_lait(data: bytes, register: Register) -> PublishedFile:
    """LAIT's long file: one row per measure, year and area; ``Values`` as text, "-" for no figure."""
    import pyarrow as pa  # only this reader needs it
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(io.BytesIO(data), columns=list(LAIT_COLUMNS))
    except (pa.ArrowException, ValueError, KeyError) as error:  # a damaged file, or a parquet file of another layout
        raise PublishedError(f"the parquet file is not LAIT's long file ({error})") from None
    out = PublishedFile("LAIT")
    wanted = pc.is_in(table.column("Short Desc"), value_set=pa.array(list(BY_LAIT)))
    other = table.num_rows - pc.sum(wanted).as_py()
    if other:
        out.passed_over["a measure Inspire does not show"] = other
    table = table.filter(wanted)
    columns = {name: table.column(name).to_pylist() for name in LAIT_COLUMNS}
    for short, years, name, raw, number in zip(*(columns[c] for c in LAIT_COLUMNS)):
        measure = BY_LAIT.get(short)
        if measure is None:
            out.skip("a measure Inspire does not show")
            continue
        if not re.fullmatch(r"\d{4}", str(years or "")):
            out.skip(f"a period Inspire does not read (“{years}”)")
            continue
        code = str(int(number)) if isinstance(number, float) and number == number else str(number or "")
        area = _lait_area(code, name or "", register)
        if area is None:
            out.skip(f"an area not in the register: {name} ({code})")
            continue
        level, area_code, former = area
        value, why = _value(raw)
        year = int(years)
        out.figures.append(Figure(measure.id, level, area_code, name, year, measure.period_end(year), value, why,
                                  f"{measure.release} (LAIT, {measure.lait})", former))
    return out


def _lait_area(code: str, name: str, register: Register) -> tuple[str, str, bool] | None:
    if code in LAIT_AREAS:
        level, area = LAIT_AREAS[code]
        return level, area, False
    code = code.zfill(3)
    if code in register.by_dfe:
        return LOCAL, code, is_former(register.by_dfe[code]) or "(pre lg)" in name.lower()
    if re.fullmatch(r"\d{3}", code):  # an authority that no longer exists and is not in the register
        return LOCAL, code, True
    return None


def is_former(authority: Authority) -> bool:
    """The register keeps authorities that no longer exist: they have no statistical neighbours."""
    return not authority.stat_neighbours


def region_of(authority: Authority) -> str:
    """The register's region code, or the code of its region's name where the code is blank (Medway)."""
    if authority.region_code in REGION_NAMES:
        return authority.region_code
    return next((code for code, name in REGION_NAMES.items() if name == authority.region_name), authority.region_code)


# -- EES ----------------------------------------------------------------------------------------------

EES_STANDARD = ("time_period", "geographic_level")


def _ees_release(headers: set[str]) -> tuple[str, list[Measure]] | None:
    """Which release's file this is, from its columns (never its name) and the measures it carries."""
    if {"age_group", "population_estimate"} <= headers and "population_type" not in headers:
        return POPULATION_RELEASE, []
    carried = [m for m in MEASURES.values() if m.ees and m.ees.value in headers
               and all(column in headers for column, _ in m.ees.where)]
    if not carried:
        return None
    return carried[0].release, carried


def read_ees(text: str, register: Register, *, population: dict[tuple[str, int], float] | None = None) -> PublishedFile:
    """An EES underlying-data CSV (National, Regional and Local authority rows each year)."""
    reader = csv.DictReader(io.StringIO(text))
    headers = {h.strip() for h in reader.fieldnames or ()}
    missing = [c for c in EES_STANDARD if c not in headers]
    if missing:
        raise PublishedError("the file is not explore-education-statistics data: it has no column "
                             + ", ".join(f"“{c}”" for c in missing))
    found = _ees_release(headers)
    if found is None:
        raise PublishedError("the file carries none of the measures Inspire shows (for example re-referrals, "
                             "repeat plans, care leavers, placement stability or the social work workforce)")
    release, measures = found
    out = PublishedFile(f"{release} (EES)")
    by_ons = {a.ons_code: a for a in register.authorities}
    for row in reader:
        row = {k.strip(): (v or "").strip() for k, v in row.items() if k}
        if not re.fullmatch(r"\d{4}", row["time_period"]):
            out.skip(f"a period Inspire does not read (“{row['time_period']}”)")
            continue
        year = int(row["time_period"])
        area = _ees_area(row, register, by_ons)
        if area is None:
            out.skip(f"an area not in the register: {row.get('la_name') or row.get('region_name')}")
            continue
        level, code, name, former = area
        if release == POPULATION_RELEASE:
            value, why = _value(row["population_estimate"])
            # the mid-year estimate: 30 June of the year
            out.figures.append(Figure(POPULATION, level, code, name, year, date(year, 6, 30), value, why,
                                      f"{POPULATION_RELEASE} (EES)", former))
            continue
        for m in measures:
            if any(row.get(column) != wanted for column, wanted in m.ees.where):
                continue
            value, why = _value(row[m.ees.value])
            source = f"{m.release} (EES, {m.ees.value})"
            if m.ees.per_10000_of_population and value is not None:
                people = (population or {}).get((code, year - 1))
                if not people:
                    value, why = None, f"{NOT_WORKED_OUT} no ONS population for the year before is loaded"
                else:
                    value = round(value / people * 10_000, m.decimals)
                    source = f"{m.release} (EES, {m.ees.value} per 10,000 of the ONS mid-{year - 1} population)"
            out.figures.append(Figure(m.id, level, code, name, year, m.period_end(year), value, why, source, former))
    return out


def _ees_area(row: dict[str, str], register: Register, by_ons: dict[str, Authority]) -> tuple[str, str, str, bool] | None:
    level = row["geographic_level"].lower()
    if level == "national":
        return NATIONAL, ENGLAND, "England", False
    if level == "regional":
        code = ONS_REGIONS.get(row.get("region_code", ""))
        return (REGIONAL, code, REGION_NAMES[code], False) if code else None
    if level != "local authority":
        return None
    name = row.get("la_name", "")
    old = row.get("old_la_code", "")
    if old.isdigit() and old.zfill(3) in register.by_dfe:
        authority = register.by_dfe[old.zfill(3)]
        return LOCAL, authority.dfe_la_code, name or authority.name, is_former(authority)
    ons = row.get("new_la_code", "")
    if ons in by_ons:
        authority = by_ons[ons]
        return LOCAL, authority.dfe_la_code, name or authority.name, is_former(authority)
    if old.isdigit():
        return LOCAL, old.zfill(3), name, True
    return None


def populations(figures: list[Figure]) -> dict[tuple[str, int], float]:
    """(area code, year) -> children under 18, from the ONS file's figures."""
    return {(f.code, f.year): f.value for f in figures if f.measure == POPULATION and f.value is not None}


# -- comparing ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Neighbour:
    code: str
    name: str
    value: float | None
    not_published: str


@dataclass(frozen=True)
class Benchmark:
    measure: Measure
    period_end: date
    value: float | None  # the authority's own (published, else Inspire's)
    england: Figure | None
    region: Figure | None
    neighbours: list[Neighbour]
    rank: int | None  # 1 = best (lowest for neutral measures)
    ranked: int  # authorities with a figure that year
    quartile: int | None

    @property
    def neighbours_with_figure(self) -> int:
        return sum(1 for n in self.neighbours if n.value is not None)

    @property
    def neighbours_mean(self) -> float | None:
        values = [n.value for n in self.neighbours if n.value is not None]
        return round(mean(values), self.measure.decimals + 1) if values else None

    @property
    def quartile_text(self) -> str:
        if self.quartile is None:
            return "not ranked"
        if self.measure.polarity == "neutral":
            return ("lowest quarter", "second-lowest quarter", "second-highest quarter", "highest quarter")[self.quartile - 1]
        return ("best quarter (1st quartile)", "2nd quartile", "3rd quartile", "worst quarter (4th quartile)")[self.quartile - 1]


def rank(value: float, values: list[float], polarity: str) -> int:
    """1 + how many of ``values`` are better (higher, or lower; lower for neutral). Ties rank well."""
    if polarity == "higher":
        return 1 + sum(1 for v in values if v > value)
    return 1 + sum(1 for v in values if v < value)


def quartile_of(position: int, count: int) -> int | None:
    return min(4, math.ceil(position * 4 / count)) if count >= 4 else None


def benchmark(authority: Authority, measure: Measure, period_end: date, figures: list[Figure],
              register: Register, own: float | None = None) -> Benchmark:
    """``figures`` for one measure (any years); ``own`` the authority's figure when it is not published."""
    same = [f for f in figures if f.measure == measure.id and f.period_end == period_end]
    local = {f.code: f for f in same if f.level == LOCAL}
    mine = local.get(authority.dfe_la_code)
    value = mine.value if mine is not None and mine.value is not None else own
    england = next((f for f in same if f.level == NATIONAL), None)
    region = next((f for f in same if f.level == REGIONAL and f.code == region_of(authority)), None)
    neighbours = []
    for code in authority.stat_neighbours:
        f = local.get(code)
        name = register.by_dfe[code].name if code in register.by_dfe else (f.name if f else code)
        neighbours.append(Neighbour(code, name, f.value if f else None,
                                    (f.not_published if f else "no figure in the data loaded") if not f or f.value is None else ""))
    others = [f.value for code, f in local.items() if f.value is not None and code != authority.dfe_la_code]
    if value is None:
        return Benchmark(measure, period_end, None, england, region, neighbours, None, len(others), None)
    position = rank(value, others, measure.polarity)
    count = len(others) + 1
    return Benchmark(measure, period_end, value, england, region, neighbours, position, count, quartile_of(position, count))


def trend_words(measure: Measure, series: list[tuple[int, float]]) -> str:
    """The latest run of changes in one direction, from the year it began: "improving since 2022"
    ("worsening"; "rising" or "falling" for a neutral measure; "no change since 2024"). "" with under
    two years."""
    series = sorted(series)
    if len(series) < 2:
        return ""
    steps = [(before[0], (after[1] > before[1]) - (after[1] < before[1])) for before, after in zip(series, series[1:])]
    sign = steps[-1][1]
    start = steps[-1][0]
    for year, step in reversed(steps[:-1]):
        if step != sign:
            break
        start = year
    if sign == 0:
        return f"no change since {start}"
    if measure.polarity == "neutral":
        word = "rising" if sign > 0 else "falling"
    else:
        word = "improving" if (sign > 0) == (measure.polarity == "higher") else "worsening"
    return f"{word} since {start}"


def reading(b: Benchmark, series: list[tuple[int, float]]) -> str:
    """One line for a performance meeting: where the figure stands against England and the
    statistical neighbours, and its direction, e.g. "Below England and all 10 neighbours; improving
    since 2022". ``series``: the authority's (year, value) figures."""
    if b.value is None:
        return "No figure for this year, so no comparison"
    england = ""
    if b.england is not None and b.england.value is not None:
        england = _against(b.value, b.england.value, "England")
    known = [n.value for n in b.neighbours if n.value is not None]
    below = sum(1 for v in known if b.value < v)
    above = sum(1 for v in known if b.value > v)
    neighbours = ""
    if known and below == len(known):
        neighbours = f"below all {len(known)} neighbours"
    elif known and above == len(known):
        neighbours = f"above all {len(known)} neighbours"
    elif known:
        neighbours = f"below {below} of {len(known)} neighbours" if below > above else f"above {above} of {len(known)} neighbours"
    if england and neighbours and england.split()[0] == neighbours.split()[0] and england.split()[0] in ("below", "above"):
        line = f"{england} and {neighbours.split(' ', 1)[1]}"
    else:
        line = "; ".join(p for p in (england, neighbours) if p) or "no England or neighbour figure to compare with"
    trend = trend_words(b.measure, series)
    if trend:
        line += f"; {trend}"
    return line[0].upper() + line[1:]


def _against(value: float, other: float, name: str) -> str:
    if abs(value - other) < 1e-9:
        return f"level with {name}"
    return f"{'below' if value < other else 'above'} {name}"


# -- the set shipped with Inspire ---------------------------------------------------------------------

SHIPPED = "comparators.csv"


def write_compact(figures: list[Figure]) -> str:
    """Figures as one row per measure and area, one column per year (a number, or the file's reason
    for not publishing it; empty where the file had no row): small enough to ship."""
    years = sorted({f.year for f in figures})
    rows: dict[tuple, dict[int, str]] = {}
    for f in figures:
        key = (f.measure, f.level, f.code, f.name, int(f.former), f.source)
        rows.setdefault(key, {})[f.year] = f"{f.value:.10g}" if f.value is not None else f"!{f.not_published}"
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["measure", "level", "code", "name", "former", "source", *years])
    order = {m: i for i, m in enumerate([*MEASURES, POPULATION])}
    for key in sorted(rows, key=lambda k: (order.get(k[0], 99), k[1], k[2])):
        writer.writerow([*key, *(rows[key].get(y, "") for y in years)])
    return out.getvalue()


def read_compact(text: str) -> list[Figure]:
    reader = csv.reader(io.StringIO(text))
    header = next(reader)
    years = [int(y) for y in header[6:]]
    figures = []
    for measure_id, level, code, name, former, source, *cells in reader:
        measure = MEASURES.get(measure_id)
        for year, cell in zip(years, cells):
            if not cell:
                continue
            end = measure.period_end(year) if measure else date(year, 6, 30)
            value = None if cell.startswith("!") else float(cell)
            figures.append(Figure(measure_id, level, code, name, year, end, value, cell[1:] if value is None else "",
                                  source, former == "1"))
    return figures


def shipped_text() -> str:
    from importlib import resources

    return resources.files("inspire.core.data").joinpath(SHIPPED).read_text("utf-8")
