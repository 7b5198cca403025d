"""An authority's figure beside England, its region, its statistical neighbours and every authority:
rank, quartile, trend and the one line a performance meeting reads."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from statistics import mean

from inspire.core.indicators.published.files import (
    Figure,
    region_of,
)
from inspire.core.indicators.published.measures import (
    LOCAL,
    NATIONAL,
    REGIONAL,
    Measure,
)
from inspire.core.register import Authority, Register


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
            return ("lowest quarter", "second-lowest quarter", "second-highest quarter", "highest quarter")[
                self.quartile - 1
            ]
        return ("best quarter (1st quartile)", "2nd quartile", "3rd quartile", "worst quarter (4th quartile)")[
            self.quartile - 1
        ]


def rank(value: float, values: list[float], polarity: str) -> int:
    """1 + how many of ``values`` are better (higher, or lower; lower for neutral). Ties rank well."""
    if polarity == "higher":
        return 1 + sum(1 for v in values if v > value)
    return 1 + sum(1 for v in values if v < value)


def quartile_of(position: int, count: int) -> int | None:
    return min(4, math.ceil(position * 4 / count)) if count >= 4 else None


def benchmark(
    authority: Authority,
    measure: Measure,
    period_end: date,
    figures: list[Figure],
    register: Register,
    own: float | None = None,
) -> Benchmark:
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
        neighbours.append(
            Neighbour(
                code,
                name,
                f.value if f else None,
                (f.not_published if f else "no figure in the data loaded") if not f or f.value is None else "",
            )
        )
    others = [f.value for code, f in local.items() if f.value is not None and code != authority.dfe_la_code]
    if value is None:
        return Benchmark(measure, period_end, None, england, region, neighbours, None, len(others), None)
    position = rank(value, others, measure.polarity)
    count = len(others) + 1
    return Benchmark(
        measure, period_end, value, england, region, neighbours, position, count, quartile_of(position, count)
    )


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
        neighbours = (
            f"below {below} of {len(known)} neighbours"
            if below > above
            else f"above {above} of {len(known)} neighbours"
        )
    if (
        england
        and neighbours
        and england.split()[0] == neighbours.split()[0]
        and england.split()[0] in ("below", "above")
    ):
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
