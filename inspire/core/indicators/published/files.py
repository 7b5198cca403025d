"""Reading a published file: LAIT's long parquet file or an EES CSV (told apart by content) into
``Figure`` records, suppressed figures kept with their reason, areas matched by the register's codes."""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass, field
from datetime import date

from inspire.core.indicators.published.measures import (
    BY_LAIT,
    ENGLAND,
    LAIT_AREAS,
    LOCAL,
    MEASURES,
    NATIONAL,
    NOT_WORKED_OUT,
    ONS_REGIONS,
    POPULATION,
    POPULATION_RELEASE,
    REGION_NAMES,
    REGIONAL,
    SYMBOLS,
    Measure,
)
from inspire.core.register import Authority, Register


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


class PublishedError(ValueError):
    """A file that is neither LAIT's long file nor an EES file Inspire reads."""


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


def read_published(
    data: bytes, register: Register, *, population: dict[tuple[str, int], float] | None = None
) -> PublishedFile:
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
        out.figures.append(
            Figure(
                measure.id,
                level,
                area_code,
                name,
                year,
                measure.period_end(year),
                value,
                why,
                f"{measure.release} (LAIT, {measure.lait})",
                former,
            )
        )
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
    carried = [
        m
        for m in MEASURES.values()
        if m.ees and m.ees.value in headers and all(column in headers for column, _ in m.ees.where)
    ]
    if not carried:
        return None
    return carried[0].release, carried


def read_ees(text: str, register: Register, *, population: dict[tuple[str, int], float] | None = None) -> PublishedFile:
    """An EES underlying-data CSV (National, Regional and Local authority rows each year)."""
    reader = csv.DictReader(io.StringIO(text))
    headers = {h.strip() for h in reader.fieldnames or ()}
    missing = [c for c in EES_STANDARD if c not in headers]
    if missing:
        raise PublishedError(
            "the file is not explore-education-statistics data: it has no column "
            + ", ".join(f"“{c}”" for c in missing)
        )
    found = _ees_release(headers)
    if found is None:
        raise PublishedError(
            "the file carries none of the measures Inspire shows (for example re-referrals, "
            "repeat plans, care leavers, placement stability or the social work workforce)"
        )
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
            out.figures.append(
                Figure(
                    POPULATION,
                    level,
                    code,
                    name,
                    year,
                    date(year, 6, 30),
                    value,
                    why,
                    f"{POPULATION_RELEASE} (EES)",
                    former,
                )
            )
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


def _ees_area(
    row: dict[str, str], register: Register, by_ons: dict[str, Authority]
) -> tuple[str, str, str, bool] | None:
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
