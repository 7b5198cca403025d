"""Build the comparators shipped with Inspire (``inspire/core/data/comparators.csv``) from the
published files in ``../shared/reference/comparators`` (see its README):

- every measure in ``inspire.core.indicators.published.MEASURES`` from LAIT's long file, the last
  ten years, England, the regions and every authority (former ones kept as such), each figure's
  source the release and LAIT's date of its last update (from LAIT's data dictionary);
- the ONS mid-year estimates of children under 18 for the same years (rates per 10,000 of Annex A
  figures divide by them).

Run: ``.venv/bin/python scripts/build_comparators.py [path/to/comparators]``. ``inspire setup`` loads
the result; ``inspire indicators comparators FILE`` loads a newer LAIT or EES file over it.
"""

from __future__ import annotations

import csv
import sys
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from inspire.core.indicators.published import (  # noqa: E402
    BY_LAIT,
    POPULATION,
    SHIPPED,
    read_published,
    write_compact,
)
from inspire.core.register import default_register  # noqa: E402

YEARS = 10


def _last_updates(dictionary: Path) -> dict[str, str]:
    """LAIT measure code -> "updated 1 October 2025" (the dictionary holds Excel day numbers)."""
    out = {}
    with dictionary.open(encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            serial = row.get("Last Update", "")
            if row["Measure_short"] in BY_LAIT and serial.isdigit():
                day = date(1899, 12, 30) + timedelta(days=int(serial))
                out[row["Measure_short"]] = f"updated {day.day} {day:%B %Y}"
    return out


def build(source: Path) -> str:
    register = default_register()
    lait = read_published((source / "lait" / "bds_long_0.parquet").read_bytes(), register)
    updates = _last_updates(source / "lait" / "lait_data_dictionary.csv")
    last_year = max(f.year for f in lait.figures)
    figures = []
    for f in lait.figures:
        if f.year > last_year - YEARS:
            code = next(m.lait for m in BY_LAIT.values() if m.id == f.measure)
            figures.append(
                replace(f, source=f"{f.source.removesuffix(')')}, {updates[code]})" if code in updates else f.source)
            )
    ons = read_published((source / "ees" / "ons_mid-year_population_estimates_2012_to_2024.csv").read_bytes(), register)
    figures += [f for f in ons.figures if f.measure == POPULATION and f.year >= last_year - YEARS]
    return write_compact(figures)


if __name__ == "__main__":
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "reference" / "comparators"
    out = ROOT / "inspire" / "core" / "data" / SHIPPED
    out.write_text(build(source), encoding="utf-8")
    print(f"Wrote {out} ({out.stat().st_size / 1024:,.0f} KB)")
