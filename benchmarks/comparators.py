"""Benchmark: loading the published comparators and rendering the pages that show them.

    .venv/bin/python benchmarks/comparators.py [--rounds 5]   # INSPIRE_SHARED=/path/to/shared if not ../shared

In a fresh temporary SQLite database (migrated and the register loaded first, not timed), it times:

- baseline: pyarrow alone reading LAIT's whole long file (641,070 rows) into Python lists;
- parsing LAIT's long file into Inspire's figures (``read_published``: the 15 measures kept);
- loading the set shipped with Inspire (``shipped_comparators_load``: what ``inspire setup`` runs
  on a fresh install);
- loading every comparator file in ``shared/reference/comparators`` over it (LAIT and each EES
  release, ``published_file_import``: parse, compare with what is held, store);
- rendering an authority's indicator dashboard and one indicator's page (Django's test client,
  median of the rounds).

Targets: the shipped set loads in under 5 s; the dashboard renders in under 1 s and an indicator
page in under 0.5 s (medians).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("INSPIRE_SHARED", ROOT.parent / "shared"))
COMPARATORS = SHARED / "reference" / "comparators"
TARGETS = {"shipped": 5.0, "dashboard": 1.0, "indicator": 0.5}


def _timed(function):
    started, cpu = time.perf_counter(), time.process_time()
    result = function()
    return result, time.perf_counter() - started, time.process_time() - cpu


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    os.environ["INSPIRE_DATA_DIR"] = tempfile.mkdtemp(prefix="inspire-bench-comparators-")
    os.environ.setdefault("INSPIRE_ALLOWED_HOSTS", "localhost,testserver")
    from inspire.web.django_setup import setup

    setup()
    from django.core.management import call_command
    from django.test import Client

    from inspire.core.indicators.published import PublishedError, read_published
    from inspire.core.register import default_register
    from inspire.web.measure import services
    from inspire.web.read.services import register_sync

    call_command("migrate", interactive=False, verbosity=0)
    register_sync()
    lait = (COMPARATORS / "lait" / "bds_long_0.parquet").read_bytes()

    def baseline():
        import io

        import pyarrow.parquet as pq

        table = pq.read_table(io.BytesIO(lait))
        return {name: table.column(name).to_pylist() for name in table.column_names}

    _, base_wall, base_cpu = _timed(baseline)
    parsed, parse_wall, parse_cpu = _timed(lambda: read_published(lait, default_register()))
    print(f"pyarrow alone, LAIT's whole file into Python: {base_wall:.2f} s wall, {base_cpu:.2f} s CPU")
    print(
        f"read_published(LAIT): {parse_wall:.2f} s wall, {parse_cpu:.2f} s CPU ({len(parsed.figures):,} figures kept; "
        f"ratio to the baseline {parse_wall / base_wall:.2f})"
    )

    loaded, shipped_wall, shipped_cpu = _timed(services.shipped_comparators_load)
    print(
        f"shipped set loaded (fresh database): {shipped_wall:.2f} s wall, {shipped_cpu:.2f} s CPU, "
        f"{loaded.count('new'):,} figures"
    )
    _, again_wall, _ = _timed(services.shipped_comparators_load)
    print(f"shipped set, already loaded (every later setup): {again_wall * 1000:.1f} ms")

    files = [COMPARATORS / "lait" / "bds_long_0.parquet", *sorted((COMPARATORS / "ees").glob("*.csv"))]
    total_wall = total_cpu = 0.0
    for path in files:
        try:
            result, wall, cpu = _timed(
                lambda path=path: services.published_file_import(content=path.read_bytes(), filename=path.name)
            )
        except PublishedError as error:
            print(f"  {path.name}: not a comparator file ({error})")
            continue
        total_wall, total_cpu = total_wall + wall, total_cpu + cpu
        print(
            f"  {path.name}: {wall:.2f} s ({result.count('new'):,} new, {result.count('changed'):,} changed, "
            f"{result.count('unchanged'):,} unchanged)"
        )
    print(f"every comparator file loaded over the shipped set: {total_wall:.2f} s wall, {total_cpu:.2f} s CPU")

    client = Client(HTTP_HOST="localhost")
    client.get("/authorities/essex/indicators/")  # templates compiled, caches warm
    times = {"dashboard": [], "indicator": []}
    for _ in range(rounds):
        for key, url in (
            ("dashboard", "/authorities/essex/indicators/"),
            ("indicator", "/authorities/essex/indicators/re_referrals/"),
        ):
            response, wall, _ = _timed(lambda url=url: client.get(url))
            assert response.status_code == 200, (url, response.status_code)
            times[key].append(wall)
    medians = {key: statistics.median(values) for key, values in times.items()}
    for key, values in times.items():
        print(
            f"{key} page: median {medians[key] * 1000:.0f} ms "
            f"(rounds: {', '.join(f'{v * 1000:.0f}' for v in values)} ms)"
        )
    print(f"load average: {', '.join(f'{v:.1f}' for v in os.getloadavg())}")
    missed = [
        f"{key} {value:.2f} s > {TARGETS[key]} s"
        for key, value in (
            ("shipped", shipped_wall),
            ("dashboard", medians["dashboard"]),
            ("indicator", medians["indicator"]),
        )
        if value > TARGETS[key]
    ]
    print("Targets met." if not missed else f"Missed: {'; '.join(missed)}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
