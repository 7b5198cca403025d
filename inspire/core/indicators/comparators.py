"""Comparator values (England, region, statistical neighbours) and quartile positions.

The CSV layout follows the Department for Education's published tables (explore-education-
statistics "underlying data": one row per area, period and measure), reduced to what Inspire needs.
One row per value::

    time_period,geographic_level,area_code,indicator,value
    2023,National,E92000001,looked_after_rate,71
    2023,Regional,E12000006,looked_after_rate,58
    2023,Local authority,881,looked_after_rate,52

- ``time_period``: ``2023`` or ``202223`` or ``2022-23`` (the year ending 31 March 2023, as the
  Department reports children's social care) or an ISO date (the period's last day).
- ``geographic_level``: ``National``, ``Regional`` or ``Local authority``; optional: when absent it
  is worked out from ``area_code``.
- ``area_code``: ``E92000001`` (England); a region's ONS code (``E12000006``) or the register's
  region code (``E``); an authority's DfE three-digit code (``881``) or ONS code (``E10000012``).
  Also accepted under the Department's names ``new_la_code``, ``old_la_code``, ``la_code``,
  ``region_code``, ``country_code``, or ``authority_code``.
- ``indicator``: an id from the catalogue (``inspire.core.indicators.catalogue.CATALOGUE``).
- ``value``: a number; the Department's markers for suppressed or missing figures (``c``, ``x``,
  ``z``, ``u``, ``low``, ``:``, blank) are skipped and counted, not errors.

Quartiles rank an authority among every authority with a value for the same indicator and
period, in the indicator's direction: quartile 1 is the best quarter when higher or lower is
better; for a neutral indicator (demand, such as children looked after per 10,000) quartile 1 is
the lowest quarter.
"""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass, field
from datetime import date
from statistics import mean

from inspire.core.indicators.catalogue import CATALOGUE, Polarity
from inspire.core.indicators.published.measures import ENGLAND, LOCAL, NATIONAL, REGIONAL
from inspire.core.indicators.published.measures import ONS_REGIONS as PUBLISHED_ONS_REGIONS
from inspire.core.register import Authority, Register

#: ONS region codes -> the register's region codes (the nine regions; not London's two halves)
ONS_REGIONS = {code: region for code, region in PUBLISHED_ONS_REGIONS.items() if code.startswith("E12")}
_LEVELS = {
    "national": NATIONAL,
    "country": NATIONAL,
    "regional": REGIONAL,
    "region": REGIONAL,
    "local authority": LOCAL,
    "local_authority": LOCAL,
    "la": LOCAL,
}
_SUPPRESSED = {"", "c", "x", "z", "u", "low", ":", "..", "-", "n/a", "na"}
_CODE_COLUMNS = ("area_code", "authority_code", "new_la_code", "old_la_code", "la_code", "region_code", "country_code")


@dataclass(frozen=True)
class ComparatorValue:
    level: str  # national, regional, local_authority
    code: str  # ENGLAND, a register region code, or a DfE authority code
    indicator: str
    period_end: date
    value: float


@dataclass(frozen=True)
class CsvProblem:
    row: int
    column: str
    message: str

    def describe(self) -> str:
        return f"row {self.row}, column “{self.column}”: {self.message}"


@dataclass
class ComparatorFile:
    values: list[ComparatorValue] = field(default_factory=list)
    problems: list[CsvProblem] = field(default_factory=list)
    suppressed: int = 0


def period_end(text: str) -> date:
    """The last day of a Department ``time_period`` ("2023", "202223", "2022-23", "2023-03-31")."""
    text = text.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return date.fromisoformat(text)
    if re.fullmatch(r"\d{4}", text):
        return date(int(text), 3, 31)
    m = re.fullmatch(r"(\d{4})[-/]?(\d{2})", text)
    if m and (int(m.group(1)) + 1) % 100 == int(m.group(2)):
        return date(int(m.group(1)) + 1, 3, 31)
    raise ValueError(f"“{text}” is not a period (use 2023, 202223, 2022-23 or a date such as 2023-03-31)")


def _area(
    code: str, level: str | None, register: Register, regions: set[str], by_ons: dict[str, Authority]
) -> tuple[str, str]:
    code = code.strip()
    if level == NATIONAL or code in (ENGLAND, "England", "E92"):
        return NATIONAL, ENGLAND
    if code in ONS_REGIONS:
        return REGIONAL, ONS_REGIONS[code]
    if level == REGIONAL or (level is None and code in regions):
        if code not in regions:
            raise ValueError(f"“{code}” is not a region code")
        return REGIONAL, code
    if code.isdigit() and code.zfill(3) in register.by_dfe:
        return LOCAL, code.zfill(3)
    if code in by_ons:
        return LOCAL, by_ons[code].dfe_la_code
    raise ValueError(f"“{code}” is not England, a region or a local authority in the register")


def read_comparators(text: str, register: Register) -> ComparatorFile:
    """Parse a comparator CSV; every bad row is a problem and the good rows are kept."""
    out = ComparatorFile()
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    headers = {h.strip().lower(): h for h in (reader.fieldnames or [])}
    code_column = next((headers[c] for c in _CODE_COLUMNS if c in headers), None)
    missing = [
        name
        for name, present in (
            ("time_period", "time_period" in headers or "period" in headers),
            ("area_code", code_column is not None),
            ("indicator", "indicator" in headers),
            ("value", "value" in headers),
        )
        if not present
    ]
    if missing:
        out.problems.append(
            CsvProblem(1, ", ".join(missing), "the header row has no column " + ", ".join(f"“{m}”" for m in missing))
        )
        return out
    period_column = headers.get("time_period") or headers["period"]
    level_column = headers.get("geographic_level")
    regions = {a.region_code for a in register.authorities}
    by_ons = {a.ons_code: a for a in register.authorities}
    for number, row in enumerate(reader, start=2):
        indicator = (row.get(headers["indicator"]) or "").strip()
        if indicator not in CATALOGUE:
            out.problems.append(CsvProblem(number, "indicator", f"“{indicator}” is not an indicator Inspire knows"))
            continue
        raw = (row.get(headers["value"]) or "").strip()
        if raw.lower() in _SUPPRESSED:
            out.suppressed += 1
            continue
        try:
            value = float(raw.replace(",", "").rstrip("%"))
            if not math.isfinite(value):
                raise ValueError
        except ValueError:
            out.problems.append(CsvProblem(number, "value", f"“{raw}” is not a number"))
            continue
        try:
            end = period_end(row.get(period_column) or "")
        except ValueError as error:
            out.problems.append(CsvProblem(number, period_column, str(error)))
            continue
        level_text = (row.get(level_column) or "").strip().lower() if level_column else ""
        if level_text and level_text not in _LEVELS:
            out.problems.append(
                CsvProblem(number, "geographic_level", f"“{level_text}” is not National, Regional or Local authority")
            )
            continue
        try:
            level, code = _area(row.get(code_column) or "", _LEVELS.get(level_text), register, regions, by_ons)
        except ValueError as error:
            out.problems.append(CsvProblem(number, code_column, str(error)))
            continue
        out.values.append(ComparatorValue(level, code, indicator, end, value))
    return out


def quartile(value: float, authority_values: list[float], polarity: Polarity | str) -> int | None:
    """1-4: the quarter ``value`` falls in among ``authority_values`` (which include it), ranked so that
    1 is best (lowest for neutral indicators). ``None`` with fewer than four values. Ties rank well."""
    if len(authority_values) < 4:
        return None
    polarity = Polarity(polarity)
    if polarity is Polarity.HIGHER:
        ahead = sum(1 for v in authority_values if v > value)
    else:
        ahead = sum(1 for v in authority_values if v < value)
    rank = ahead + 1
    return min(4, math.ceil(rank * 4 / len(authority_values)))


def quartile_label(q: int | None, polarity: Polarity | str) -> str:
    if q is None:
        return "not enough authorities to rank"
    if Polarity(polarity) is Polarity.NEUTRAL:
        return ("lowest quarter", "second-lowest quarter", "second-highest quarter", "highest quarter")[q - 1]
    return ("best quarter (1st quartile)", "2nd quartile", "3rd quartile", "worst quarter (4th quartile)")[q - 1]


@dataclass(frozen=True)
class Comparison:
    england: float | None
    region: float | None
    neighbours: float | None  # mean of the statistical neighbours with a value
    neighbour_count: int
    quartile: int | None
    ranked: int  # how many authorities the quartile ranks among


def compare(
    authority: Authority,
    indicator_id: str,
    period_end_: date,
    value: float | None,
    values: list[ComparatorValue],
    register: Register,
) -> Comparison:
    """The authority's figure beside England, its region and its statistical neighbours."""
    same = [v for v in values if v.indicator == indicator_id and v.period_end == period_end_]
    england = next((v.value for v in same if v.level == NATIONAL), None)
    region = next((v.value for v in same if v.level == REGIONAL and v.code == authority.region_code), None)
    local = {v.code: v.value for v in same if v.level == LOCAL}
    neighbours = [local[code] for code in authority.stat_neighbours if code in local]
    if value is not None:
        local[authority.dfe_la_code] = value
    q = quartile(value, list(local.values()), CATALOGUE[indicator_id].polarity) if value is not None else None
    return Comparison(england, region, mean(neighbours) if neighbours else None, len(neighbours), q, len(local))
