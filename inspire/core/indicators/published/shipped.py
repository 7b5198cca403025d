"""The comparator set shipped with Inspire (``core/data/comparators.csv``): one row per measure and
area, one column per year."""

from __future__ import annotations

import csv
import io
from datetime import date

from inspire.core.indicators.published.files import (
    Figure,
)
from inspire.core.indicators.published.measures import (
    MEASURES,
    POPULATION,
)

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
            figures.append(
                Figure(
                    measure_id,
                    level,
                    code,
                    name,
                    year,
                    end,
                    value,
                    cell[1:] if value is None else "",
                    source,
                    former == "1",
                )
            )
    return figures


def shipped_text() -> str:
    from importlib import resources

    return resources.files("inspire.core.data").joinpath(SHIPPED).read_text("utf-8")
