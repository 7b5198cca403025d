"""Benchmark: import a large county's Annex A return and compute every indicator.

    /work/venv/bin/python benchmarks/indicators.py [--contacts 65000] [--seed 1] [--keep FILE]

Generates a synthetic large-county workbook (at least 60,000 contacts), then in the same run
measures, each in a fresh Python process so that peak memory is that step's own:

- the baseline: openpyxl alone reading the workbook (``read_only=True``, every row of every sheet);
- Inspire: reading and checking the workbook into typed case lists (``read_annex_a``) and computing
  every indicator for the periods an import computes (four quarters and the year).

It prints both times, their ratio, and each step's peak memory (maximum resident set size).
Target: Inspire under 10 seconds and under 1 GB.

It also times the web application's import of the same workbook (``annex_a_import``: read,
compute, store the compressed case lists and every value in a fresh SQLite database), the path a
council's upload takes.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def step_openpyxl(path: str) -> dict:
    import openpyxl

    started, cpu = time.perf_counter(), time.process_time()
    workbook = openpyxl.load_workbook(path, read_only=True)
    cells = 0
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(values_only=True):
            cells += len(row)
    workbook.close()
    return {
        "seconds": time.perf_counter() - started,
        "cpu": time.process_time() - cpu,
        "peak_mb": _peak_mb(),
        "cells": cells,
    }


def step_inspire(path: str) -> dict:
    sys.path.insert(0, str(ROOT))
    from inspire.core.indicators import compute_all, read_annex_a
    from inspire.core.indicators.compute import standard_periods

    started, cpu = time.perf_counter(), time.process_time()
    lists = read_annex_a(path)
    read = time.perf_counter() - started
    periods = standard_periods(lists)
    results = [r for period in periods for r in compute_all(lists, period, population_under_18=320_000)]
    return {
        "seconds": time.perf_counter() - started,
        "cpu": time.process_time() - cpu,
        "read_seconds": read,
        "peak_mb": _peak_mb(),
        "rows": sum(len(lists.rows(k)) for k in lists.LIST_KEYS),
        "problems": len(lists.problems),
        "values": sum(1 for r in results if r.value is not None),
        "periods": len(periods),
    }


def step_web(path: str) -> dict:
    sys.path.insert(0, str(ROOT))
    os.environ["INSPIRE_DATA_DIR"] = tempfile.mkdtemp(prefix="inspire-bench-")
    from inspire.cli.serve import prepare

    prepare(collect_static=False)
    from inspire.web.measure.services import annex_a_import
    from inspire.web.read.models import Authority

    content = Path(path).read_bytes()
    started, cpu = time.perf_counter(), time.process_time()
    dataset = annex_a_import(authority=Authority.objects.get(name="Essex"), content=content, filename=Path(path).name)
    return {
        "seconds": time.perf_counter() - started,
        "cpu": time.process_time() - cpu,
        "peak_mb": _peak_mb(),
        "values": dataset.values.count(),
    }


STEPS = {"openpyxl": step_openpyxl, "inspire": step_inspire, "web": step_web}


def _in_fresh_process(step: str, path: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--step", step, path], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=65_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="write the generated workbook here and keep it")
    parser.add_argument("--step", choices=tuple(STEPS), help=argparse.SUPPRESS)
    parser.add_argument("path", nargs="?", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        print(json.dumps(STEPS[args.step](args.path)))
        return

    sys.path.insert(0, str(ROOT))
    from inspire.core.indicators.generator import generate

    with tempfile.TemporaryDirectory() as folder:
        path = args.keep or Path(folder) / "annex_a_large_county.xlsx"
        started = time.perf_counter()
        counts = generate(path, seed=args.seed, contacts=args.contacts)
        print(
            f"Generated {path.name} in {time.perf_counter() - started:.1f} s: "
            + ", ".join(f"{k} {v:,}" for k, v in counts.items())
        )
        baseline = _in_fresh_process("openpyxl", str(path))
        inspire = _in_fresh_process("inspire", str(path))
        web = _in_fresh_process("web", str(path))

    print(
        f"Baseline, openpyxl read_only reading every row of every sheet ({baseline['cells']:,} cells): "
        f"{baseline['seconds']:.2f} s ({baseline['cpu']:.2f} s CPU), peak {baseline['peak_mb']:.0f} MB"
    )
    print(
        f"Inspire, import ({inspire['rows']:,} typed rows, {inspire['problems']} problems, "
        f"{inspire['read_seconds']:.2f} s) "
        f"+ every indicator for {inspire['periods']} periods ({inspire['values']} values): "
        f"{inspire['seconds']:.2f} s ({inspire['cpu']:.2f} s CPU), peak {inspire['peak_mb']:.0f} MB"
    )
    ratio = inspire["seconds"] / baseline["seconds"]
    print(f"Ratio Inspire / openpyxl baseline: {ratio:.2f} (CPU time: {inspire['cpu'] / baseline['cpu']:.2f})")
    print(f"Machine load while measuring (1-minute average): {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(
        f"Web import (annex_a_import into a fresh SQLite database: {web['values']:,} values stored): "
        f"{web['seconds']:.2f} s ({web['cpu']:.2f} s CPU), peak {web['peak_mb']:.0f} MB, "
        f"ratio to the baseline {web['seconds'] / baseline['seconds']:.2f}"
    )
    ok = inspire["seconds"] < 10 and inspire["peak_mb"] < 1024
    print(f"Target (under 10 s and under 1 GB): {'met' if ok else 'NOT met'}")


if __name__ == "__main__":
    main()
