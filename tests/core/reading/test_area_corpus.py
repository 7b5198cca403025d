"""The reader against the labelled area corpus (``shared/corpus/area``): JTAI letters, area SEND
reports (2023 framework) and the 2009 joint area review progress report.

Every labelled value must be read exactly (family, authority, dates, letter date, lead
inspectors, theme, outcome, next inspection, the counts of priority actions and improvements)
and every item's kind, ordinal, page and text; every value needs a provenance whose quote is on
the page it names. The terminal summary prints a per-field, per-family accuracy table twice: for
the reports the rules were written on (``dev``) and for those held out while writing them
(``area_held_out.txt``: a third of each family, measured only at the end of the first rules). The
later fixes (line-break hyphens, spaced paragraphs, footnotes, lead inspectors) were made looking at
both halves, so "held out" no longer stands for unseen reports; the reader is measured on area
reports it has never seen.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from inspire.core.reading import ReadError, read_document
from inspire.core.reading.documents import load_path
from tests.conftest import SHARED
from tests.core.reading.test_corpus import EXACT, accuracy_table, misquoted

AREA = SHARED / "corpus" / "area"
HELD_OUT = set((Path(__file__).parent / "area_held_out.txt").read_text(encoding="utf-8").split())
#: the area corpus's mismatches still open, one a line (see the test's last assertion)
KNOWN_MISMATCHES = set(
    (Path(__file__).parent / "area_known_mismatches.txt").read_text(encoding="utf-8").strip().splitlines()
)
FIELDS = (
    "family",
    "authority",
    "inspection_start",
    "inspection_end",
    "published",
    "letter_date",
    "lead_inspectors",
    "theme",
    "outcome",
    "next_inspection",
    "n_priority_actions",
    "n_improvements",
)


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def area_labels() -> list[dict[str, str]]:
    with open(AREA / "labels.csv", newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def area_items() -> dict[str, list[list]]:
    items: dict[str, list[list]] = defaultdict(list)
    with open(AREA / "items.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            items[row["report"]].append([row["kind"], int(row["ordinal"]), int(row["page"]), _normalise(row["text"])])
    return items


def _read(name: str) -> dict:
    try:
        document = load_path(AREA / "reports" / name)
        record = read_document(document)
    except ReadError as error:
        return {"error": f"{type(error).__name__}: {error}"}
    except Exception as error:  # a crash is reported against the file, not the whole run
        return {"error": f"crash {type(error).__name__}: {error}"}
    outcome = f"{record.outcome}: {record.outcome_wording}" if record.outcome and record.outcome_wording else ""
    values = {
        "family": record.family,
        "authority": record.authority.ofsted_urn if record.authority else "",
        "inspection_start": record.inspection_start.isoformat() if record.inspection_start else "",
        "inspection_end": record.inspection_end.isoformat() if record.inspection_end else "",
        "published": record.published.isoformat() if record.published else "",
        "letter_date": record.letter_date.isoformat() if record.letter_date else "",
        "lead_inspectors": "; ".join(record.lead_inspectors),
        "theme": record.theme or "",
        "outcome": outcome,
        "next_inspection": record.next_inspection or "",
        "n_priority_actions": str(sum(1 for r in record.recommendations if r.kind == "priority")),
        "n_improvements": str(sum(1 for r in record.recommendations if r.kind == "improvement")),
    }
    return {
        **values,
        "items": [[r.kind, r.ordinal, r.page, _normalise(r.text)] for r in record.recommendations],
        "sections": sorted({r.section for r in record.recommendations}),
        "unproven": [
            f"recommendations.{i}"
            for i in range(len(record.recommendations))
            if f"recommendations.{i}" not in record.provenance
        ],
        "misquoted": misquoted(record, document),
    }


@pytest.fixture(scope="module")
def area_results(shared) -> dict[str, dict]:
    names = [label["report"] for label in area_labels()]
    with ProcessPoolExecutor(max_workers=2) as pool:
        return dict(zip(names, pool.map(_read, names, chunksize=4)))


def wanted(label: dict[str, str], field: str) -> str:
    return label["ofsted_urn"] if field == "authority" else label[field]


@pytest.mark.slow
def test_every_labelled_value_and_item_of_the_area_corpus(area_results, corpus_summary):
    items = area_items()
    rows: dict[str, list[tuple[str, str, bool]]] = {"dev": [], "held out": []}
    mismatches: list[str] = []
    for label in area_labels():
        name, family = label["report"], label["family"]
        split = "held out" if name.removesuffix(".pdf") in HELD_OUT else "dev"
        result = area_results[name]
        exact = True
        for field in FIELDS:
            got = result.get(field, result.get("error"))
            right = "error" not in result and _normalise(str(got)) == _normalise(wanted(label, field))
            rows[split].append((family, field, right))
            exact = exact and right
            if not right:
                mismatches.append(
                    f"{name} ({split}, {family}) {field}: labelled {wanted(label, field)!r}, read {got!r}"
                )
        right = "error" not in result and sorted(result["items"]) == sorted(items.get(name, []))
        rows[split].append((family, "items (kind, ordinal, page, text)", right))
        if not right and "error" not in result:
            missing = [i for i in items.get(name, []) if i not in result["items"]]
            mismatches.append(f"{name} ({split}, {family}) items: {len(missing)} labelled items not read as labelled")
        proven = "error" not in result and not result["unproven"] and not result["misquoted"]
        rows[split].append((family, "provenance on its page", proven))
        if "error" not in result and result["sections"] not in ([], ["area"]):
            mismatches.append(f"{name}: items in sections {result['sections']}, not 'area'")
        rows[split].append((family, EXACT, exact and right and proven))
    tables = [
        f"area corpus, {split} ({sum(1 for r in rows[split] if r[1] == EXACT)} reports)\n" + accuracy_table(rows[split])
        for split in rows
    ]
    for table in tables:
        corpus_summary(table)
    # Not every labelled value is read yet (issue 15 stays open): the mismatches known when this test
    # was written are listed, so any new one fails and each one fixed is reported to be struck off.
    new = sorted(set(mismatches) - KNOWN_MISMATCHES)
    fixed = sorted(KNOWN_MISMATCHES - set(mismatches))
    corpus_summary(f"area corpus: {len(mismatches)} known mismatches remain; {len(fixed)} fixed since listed")
    assert not new, f"{len(new)} new mismatches\n" + "\n\n".join(tables) + "\n" + "\n".join(new[:80])
    assert not fixed, "fixed, strike them off area_known_mismatches.txt:\n" + "\n".join(fixed)
