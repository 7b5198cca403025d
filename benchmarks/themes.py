"""Theme quality: precision and recall of `inspire.core.themes.themes_of` per theme, against
recommendations labelled by hand (tests/core/themes/labels.csv: 300 items sampled across families
and years, the set the phrases were written on; heldout.csv: items labelled afterwards and never
used to write phrases — the honest figure).

    .venv/bin/python benchmarks/themes.py            # both sets
    .venv/bin/python benchmarks/themes.py --errors   # also every disagreement on the labelled set

Baseline named: the issue's targets, overall (micro) precision >= 90% and recall >= 80%.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from inspire.core.themes import THEMES, themes_of  # noqa: E402

LABELS = ROOT / "tests" / "core" / "themes"
TARGET_PRECISION, TARGET_RECALL = 0.90, 0.80


def load(name: str) -> list[tuple[str, set[str]]]:
    path = LABELS / name
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return [(row["text"], set(filter(None, row["themes"].split(";")))) for row in csv.DictReader(f)]


def score(items: list[tuple[str, set[str]]]) -> tuple[Counter, Counter, Counter, list]:
    tp, fp, fn, errors = Counter(), Counter(), Counter(), []
    for text, expected in items:
        got = set(themes_of(text))
        for t in got & expected:
            tp[t] += 1
        for t in got - expected:
            fp[t] += 1
        for t in expected - got:
            fn[t] += 1
        if got != expected:
            errors.append((text, sorted(expected - got), sorted(got - expected)))
    return tp, fp, fn, errors


def report(title: str, items: list[tuple[str, set[str]]], show_errors: bool) -> bool:
    if not items:
        print(f"{title}: no labelled items")
        return True
    tp, fp, fn, errors = score(items)
    print(f"\n{title}: {len(items)} recommendations, {sum(len(e) for _, e in items)} theme labels")
    print(f"{'theme':32} {'labels':>6} {'precision':>9} {'recall':>7}")
    for theme in THEMES:
        n = tp[theme.id] + fn[theme.id]
        p = tp[theme.id] / (tp[theme.id] + fp[theme.id]) if tp[theme.id] + fp[theme.id] else float("nan")
        r = tp[theme.id] / n if n else float("nan")
        print(f"{theme.id:32} {n:6} {p:9.0%} {r:7.0%}")
    precision = sum(tp.values()) / (sum(tp.values()) + sum(fp.values()))
    recall = sum(tp.values()) / (sum(tp.values()) + sum(fn.values()))
    ok = precision >= TARGET_PRECISION and recall >= TARGET_RECALL
    print(
        f"overall (micro): precision {precision:.1%} (target {TARGET_PRECISION:.0%}), recall {recall:.1%} "
        f"(target {TARGET_RECALL:.0%}); exact theme sets {len(items) - len(errors)}/{len(items)}: "
        f"{'met' if ok else 'NOT met'}"
    )
    if show_errors:
        for text, missed, extra in errors:
            print(f"- missed {missed} extra {extra}: {text[:140]}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="print every disagreement")
    args = parser.parse_args()
    ok = report("Labelled set (phrases written on it)", load("labels.csv"), args.errors)
    ok &= report("Held-out set (never used to write phrases)", load("heldout.csv"), args.errors)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
