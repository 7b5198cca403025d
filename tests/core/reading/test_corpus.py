"""The reader against the labelled corpus (``shared/corpus``): every file, every labelled field.

The slow test reads all 269 files (two processes, once per test run) and compares them with
``judgements.csv`` and ``recommendations.csv`` field by field; it prints a per-field, per-family
accuracy table in the terminal summary and fails on any mismatch. The fast tests read a few real
files of each family.

How the labels map onto the record:
- the stand-alone LSCB review is labelled family ``other`` with ``lscb_effectiveness=…`` in
  ``other_judgements``; the record's family is ``lscb_review`` and its judgement key ``lscb``;
- ``other_judgements`` keys are the record's judgement keys, except ``overall_effectiveness``
  (``lac_2012``) and ``lscb_effectiveness`` (``lscb_review``), which are ``overall`` and ``lscb``;
- a judgement column the label leaves empty must be absent from the record;
- recommendation texts compare whitespace-normalised, with their section and ordinal.

Every value read must also carry a provenance whose quote is on the page it names. 43 reports
have their recommendations labelled in the corpus; 174 more are labelled in
``data/recommendations_extra.csv`` (every other SIF report, with each item's ``kind`` and
``topic``, and 96 ILACS reports), read from two text extractions (PDFium and poppler's pdftotext)
and by eye where they differed (``data/README.md``). The SIF labels are split: the reader's list
rules were written on the development half (``held_out`` is False) and measured on the held-out
half, and the summary prints both. Every report's lists are also checked
for the shape of a misread list (``list_problems``) and against the report's own printed numbering
(``structure_problems``): a problem the reader does not itself warn about fails.
"""

from __future__ import annotations

import csv
import fcntl
import json
import os
import re
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from inspire.core.reading import ReadError, read_document, read_path
from inspire.core.reading.documents import load_path
from inspire.core.reading.frameworks.common.items import NO_ITEMS
from tests.conftest import CORPUS, corpus_labels, corpus_recommendations

#: the extra labels: every SIF report's lists that the corpus does not label (with kind and topic)
#: and 96 ILACS reports' lists
EXTRA_LABELS = Path(__file__).parent / "data" / "recommendations_extra.csv"


def extra_recommendations() -> dict[str, list[dict[str, str]]]:
    by_report: dict[str, list[dict[str, str]]] = {}
    with open(EXTRA_LABELS, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            by_report.setdefault(row["report"], []).append(row)
    return by_report


def held_out(report: str) -> bool:
    """The extra labels the list rules were not written on: files whose name (a hash) starts
    with 8-f, except the one the issue named (b5ef9ae6d8bb, Isle of Wight 2014), read while
    writing them."""
    return report[0] in "89abcdef" and report != "b5ef9ae6d8bb.pdf"


#: label family → record family
FAMILY = {"other": "lscb_review"}
#: label ``other_judgements`` key → record judgement key
OTHER_KEY = {"overall_effectiveness": "overall", "lscb_effectiveness": "lscb"}
JUDGEMENT_COLUMNS = (
    "overall",
    "help_and_protection",
    "children_in_care",
    "adoption",
    "care_leavers",
    "leadership",
    "lscb",
)
#: the table's last row: files whose every checked field is right
EXACT = "every field of the file"


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _read(name: str) -> dict:
    """What the reader makes of one corpus file, as plain data (so it crosses processes)."""
    try:
        document = load_path(CORPUS / name)
        record = read_document(document)
    except ReadError as error:
        return {"error": f"{type(error).__name__}: {error}", "read_error": True}
    except Exception as error:  # a crash is reported against the file, not the whole run
        return {"error": f"crash {type(error).__name__}: {error}", "read_error": False}
    return {
        "family": record.family,
        "authority": record.authority.ofsted_urn if record.authority else "",
        "inspection_start": record.inspection_start.isoformat() if record.inspection_start else "",
        "inspection_end": record.inspection_end.isoformat() if record.inspection_end else "",
        "published": record.published.isoformat() if record.published else "",
        "lead_inspector": record.lead_inspector or "",
        "judgements": dict(record.judgements),
        "recommendations": [[r.section, r.ordinal, _normalise(r.text)] for r in record.recommendations],
        "groups": [[r.kind or "", r.topic or ""] for r in record.recommendations],
        "list_problems": list_problems(record),
        "structure_problems": structure_problems(record, document),
        "warnings": list(record.warnings),
        "unproven": unproven(record),
        "misquoted": misquoted(record, document),
    }


def unproven(record) -> list[str]:
    """Paths of values the record holds without a provenance (page and quote) for them."""
    paths = [
        name
        for name in ("authority", "inspection_start", "inspection_end", "published", "lead_inspector")
        if getattr(record, name) is not None
    ]
    paths += [f"judgements.{key}" for key in record.judgements]
    paths += [f"facts.{key}" for key in record.facts]
    paths += [f"recommendations.{index}" for index in range(len(record.recommendations))]
    return [path for path in paths if path not in record.provenance or not record.provenance[path].quote]


def expected(label: dict, recommendations: list[dict] | None) -> dict[str, object]:
    """The labelled value of every field checked for one file."""
    fields: dict[str, object] = {
        "family": FAMILY.get(label["family"], label["family"]),
        "authority": label["ofsted_urn"],
        "inspection_start": label["inspection_start"],
        "inspection_end": label["inspection_end"],
        "published": label["published"],
        "lead_inspector": label["lead_inspector"],
    }
    judgements = {column: label[column] for column in JUDGEMENT_COLUMNS}
    for pair in filter(None, label["other_judgements"].split(";")):
        key, value = pair.split("=", 1)
        judgements[OTHER_KEY.get(key, key)] = value
    fields.update({f"judgements.{key}": value for key, value in judgements.items()})
    if recommendations is not None:
        fields["recommendations"] = [[r["section"], int(r["ordinal"]), _normalise(r["text"])] for r in recommendations]
    return fields


def actual(result: dict, field: str) -> object:
    if field.startswith("judgements."):
        return result["judgements"].get(field.split(".", 1)[1], "")
    return result[field]


def compare(label: dict, recommendations: list[dict] | None, result: dict) -> list[tuple[str, object, object]]:
    """(field, wanted, got) for every checked field; a file that should read but did not fails all."""
    wanted = expected(label, recommendations)
    if "error" in result:
        return [(field, value, result["error"]) for field, value in wanted.items()]
    return [(field, value, actual(result, field)) for field, value in wanted.items()]


def _read_corpus() -> dict[str, dict]:
    names = [label["report"] for label in corpus_labels()]
    workers = min(2, os.cpu_count() or 1)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return dict(zip(names, pool.map(_read, names, chunksize=4)))


@pytest.fixture(scope="session")
def corpus_results(shared, tmp_path_factory) -> dict[str, dict]:
    """Every corpus file read once per test run, two at a time. Under pytest-xdist the first
    worker to ask reads it and the others take its results from a file (under a lock)."""
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID")
    if run is None:
        return _read_corpus()
    path = tmp_path_factory.getbasetemp().parent / f"corpus-{run}.json"
    with open(path.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if path.exists():
            return json.loads(path.read_text(encoding="utf-8"))
        results = _read_corpus()
        path.write_text(json.dumps(results), encoding="utf-8")
        return results


def accuracy_table(rows: list[tuple[str, str, bool]]) -> str:
    """rows of (family, field, correct) → a text table: fields down, families across."""
    families = sorted({family for family, _, _ in rows}, key=lambda f: (f != "all", f))
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    fields: list[str] = []
    for family, field, correct in rows:
        if field not in fields:
            fields.append(field)
        for key in ((family, field), ("all", field)):
            counts[key][0] += correct
            counts[key][1] += 1
    fields.sort(key=lambda field: field == EXACT)  # the summary row last
    columns = ["all", *families]
    width = max(len(f) for f in fields) + 2
    lines = ["field".ljust(width) + "".join(c.rjust(18) for c in columns)]
    for field in fields:
        cells = []
        for column in columns:
            right, total = counts.get((column, field), (0, 0))
            cells.append(f"{right}/{total} {100 * right / total:5.1f}%".rjust(18) if total else "-".rjust(18))
        lines.append(field.ljust(width) + "".join(cells))
    return "\n".join(lines)


@pytest.mark.slow
def test_every_labelled_field_of_the_corpus(corpus_results, corpus_summary):
    labels = corpus_labels()
    recommendations = corpus_recommendations()
    rows: list[tuple[str, str, bool]] = []
    mismatches: list[str] = []
    for label in labels:
        if label["family"] == "not_a_report":
            continue
        family = FAMILY.get(label["family"], label["family"])
        result = corpus_results[label["report"]]
        if "error" in result:
            mismatches.append(f"{label['report']} ({family}, {label['authority']}) not read: {result['error']}")
        exact = True
        for field, wanted, got in compare(label, recommendations.get(label["report"]), result):
            rows.append((family, field, wanted == got))
            exact = exact and wanted == got
            if wanted != got and "error" not in result:
                mismatches.append(
                    f"{label['report']} ({family}, {label['authority']}) {field}: labelled {wanted!r}, read {got!r}"
                )
        rows.append((family, EXACT, exact))
    table = accuracy_table(rows)
    corpus_summary(table)
    assert not mismatches, f"{len(mismatches)} mismatches\n{table}\n" + "\n".join(mismatches[:80])


def list_rows(labels: dict[str, list[dict[str, str]]], result: dict, with_groups: bool):
    """(section, list right, [(field, right) per item]) for each labelled list of one file."""
    got = [] if "error" in result else result["recommendations"]
    groups = [] if "error" in result else result["groups"]
    for section in ("la", "lscb"):
        wanted = [r for r in labels if r["section"] == section]
        read = [(item, group) for item, group in zip(got, groups) if item[0] == section]
        if not wanted and not read:
            continue
        by_ordinal = {item[1]: (item, group) for item, group in read}
        fields = []
        for row in wanted:
            item, group = by_ordinal.get(int(row["ordinal"]), (None, None))
            fields.append(("item text", item is not None and item[2] == _normalise(row["text"])))
            if with_groups:
                fields.append(("item kind", group is not None and group[0] == row["kind"]))
                fields.append(("item topic", group is not None and group[1] == row["topic"]))
        right = [[section, int(r["ordinal"]), _normalise(r["text"])] for r in wanted] == [item for item, _ in read]
        if with_groups:
            right = right and [[r["kind"], r["topic"]] for r in wanted] == [group for _, group in read]
        yield section, right, fields


@pytest.mark.slow
def test_every_labelled_list_of_the_corpus(corpus_results, corpus_summary):
    """Every labelled list (the corpus's 43 reports and the extra SIF labels): per family, and
    for the extra labels the development and held-out halves apart."""
    families = {label["report"]: FAMILY.get(label["family"], label["family"]) for label in corpus_labels()}
    rows: list[tuple[str, str, bool]] = []
    wrong: list[str] = []
    sources = [(corpus_recommendations(), False, None), (extra_recommendations(), True, held_out)]
    for labels, with_groups, split in sources:
        for report, items in labels.items():
            family = families[report]
            columns = [family]
            if split is not None and family == "sif":  # the SIF list rules are what was written on half
                columns.append("held-out" if split(report) else "development")
            for section, right, fields in list_rows(items, corpus_results[report], with_groups):
                for column in columns:
                    rows.append((column, "lists", right))
                    rows += [(column, field, ok) for field, ok in fields]
                if not right:
                    wrong.append(f"{report} ({family}) {section}")
    by_family = [row for row in rows if row[0] in families.values()]
    by_split = [row for row in rows if row[0] not in families.values()]
    lists = sum(1 for _, field, _ in by_family if field == "lists")
    reports = len(corpus_recommendations()) + len(extra_recommendations())
    corpus_summary(
        f"labelled recommendation lists: {lists} lists of {reports} reports, by family\n{accuracy_table(by_family)}\n"
        f"the extra SIF labels: lists the list rules were written on (development) and held out\n"
        f"{accuracy_table(by_split)}"
    )
    assert reports >= 103
    assert wrong == [], wrong


@pytest.mark.slow
def test_the_file_that_is_not_a_report_is_rejected(corpus_results):
    rejected = [label["report"] for label in corpus_labels() if label["family"] == "not_a_report"]
    assert rejected
    for name in rejected:
        assert corpus_results[name].get("read_error"), corpus_results[name]


def misquoted(record, document) -> list[str]:
    """Paths whose quote (whitespace-normalised, whole) is not on the page it names."""
    pages = [_normalise(page.text) for page in document.pages]
    return [
        path
        for path, provenance in record.provenance.items()
        if provenance.page is not None and _normalise(provenance.quote) not in pages[provenance.page - 1]
    ]


#: longer than this, an item has swallowed the paragraphs after its list
LONGEST_ITEM = 1500
#: a SIF report lists this many of the council's recommendations (the corpus has 1 to 28)
SIF_LA_ITEMS = range(1, 36)


def list_problems(record) -> list[str]:
    """The signs of a misread list of recommendations, whatever the labels say: an item that
    states there is nothing to list, that ends with ":" (a parent whose sub-bullets were split
    off), that starts in lower case in a list whose items do not (a split sub-bullet), that is
    implausibly long, ordinals not 1..n per section, or a SIF report's council list out of range."""
    problems = []
    for section in ("la", "lscb"):
        items = [r for r in record.recommendations if r.section == section]
        if [r.ordinal for r in items] != list(range(1, len(items) + 1)):
            problems.append(f"{section}: ordinals {[r.ordinal for r in items]}")
        all_lower = all(r.text[:1].islower() for r in items)
        for r in items:
            where = f"{section} {r.ordinal} {r.text[:60]!r}"
            if NO_ITEMS.match(r.text):
                problems.append(f"{where}: says there is nothing to list")
            if r.text.rstrip().endswith(":"):
                problems.append(f"{where}: ends with ':'")
            if r.text[:1].islower() and not all_lower:
                problems.append(f"{where}: starts in lower case")
            if len(r.text) > LONGEST_ITEM:
                problems.append(f"{where}: {len(r.text)} characters")
    if record.family == "sif":
        count = sum(1 for r in record.recommendations if r.section == "la")
        if count not in SIF_LA_ITEMS:
            problems.append(f"la: {count} items")
    return problems


#: headings an item must never contain: the list's own group sub-headings and the sections after it
SWALLOWED = re.compile(
    r"(?:Priority and immediate action|Areas for improvement|Information about this|Summary for children"
    r"|Inspection findings|Inspection judgements? about|What does the (?:LSCB|local authority) need to improve"
    r"|The (?:local authority|LSCB)[’']s strengths)"
)
_PRINTED_NUMBER = re.compile(r"(?:^|\s)(\d{1,3})[.)]\s*$")


def structure_problems(record, document) -> list[str]:
    """What the report's own printed numbering says about each list, independently of how the
    reader found it: an item's printed number (just before its quote on its page) not one more
    than the item before's; the next number printed within a few lines after the last item (a
    list ended early, by a heading inside it); an item holding a heading. Each problem is returned
    only where the record has no warning about that section's list."""
    pages = [_normalise(page.text) for page in document.pages]
    problems = []
    for section in ("la", "lscb"):
        indices = [i for i, r in enumerate(record.recommendations) if r.section == section]
        found = []
        cursor: dict[int, int] = {}  # where on each page the last item's quote was found
        for index in indices:
            item = record.recommendations[index]
            if SWALLOWED.search(item.text):
                found.append(f"{section} {item.ordinal}: holds the heading {SWALLOWED.search(item.text).group(0)!r}")
            provenance = record.provenance[f"recommendations.{index}"]
            if provenance.page is None:
                continue
            page = pages[provenance.page - 1]
            at = page.find(_normalise(provenance.quote), cursor.get(provenance.page, 0))
            cursor[provenance.page] = max(at, 0) + 1
            number = _PRINTED_NUMBER.search(page[max(0, at - 12) : at]) if at >= 0 else None
            found.append(int(number.group(1)) if number else None)
        numbers = [n for n in found if isinstance(n, int) or n is None]
        notes = [n for n in found if isinstance(n, str)]
        if numbers and None not in numbers:
            gaps = [f"{a} then {b}" for a, b in zip(numbers, numbers[1:]) if b != a + 1]
            if gaps:
                notes.append(f"{section}: printed numbers {', '.join(gaps)}")
            last = record.recommendations[indices[-1]]
            provenance = record.provenance[f"recommendations.{indices[-1]}"]
            page = pages[provenance.page - 1]
            after = page[
                page.find(_normalise(provenance.quote), cursor[provenance.page] - 1)
                + len(_normalise(provenance.quote)) :
            ]
            if provenance.page < len(pages):
                after += " " + pages[provenance.page]
            if re.search(rf"^.{{0,200}}?(?:^|\s){numbers[-1] + 1}\.\s+[A-Z]", after[:260]) and not re.search(
                r"strengths|Information about this|Summary for children|Inspection (?:findings|judgement)",
                after[:200],
            ):
                notes.append(
                    f"{section}: item {numbers[-1] + 1} printed just after the last item read ({last.ordinal})"
                )
        warned = any(w.startswith(f"recommendations ({section})") for w in record.warnings)
        if notes and not warned:
            problems += notes
    return problems


@pytest.mark.slow
def test_every_list_agrees_with_the_reports_own_numbering(corpus_results, corpus_summary):
    """All 269 files: numbering without gaps, no list ended by a heading inside it, no item
    holding a heading — or else the reader itself warns about that list."""
    read = {name: result for name, result in corpus_results.items() if "error" not in result}
    warned = {
        name: [w for w in result["warnings"] if w.startswith("recommendations")]
        for name, result in read.items()
        if any(w.startswith("recommendations") for w in result["warnings"])
    }
    corpus_summary(
        f"structural check: {len(read)} reports; reader's own list warnings on {len(warned)}: "
        + "; ".join(f"{name}: {' / '.join(w)}" for name, w in sorted(warned.items()))
    )
    wrong = {name: result["structure_problems"] for name, result in read.items() if result["structure_problems"]}
    assert len(read) > 260
    assert wrong == {}


@pytest.mark.slow
def test_every_value_read_has_its_provenance(corpus_results):
    missing = {name: result["unproven"] for name, result in corpus_results.items() if result.get("unproven")}
    assert missing == {}


@pytest.mark.slow
def test_every_reports_recommendation_lists_are_well_formed(corpus_results, corpus_summary):
    """Every report read, labelled or not: no list has the shape of a misread one."""
    read = {name: result for name, result in corpus_results.items() if "error" not in result}
    items = sum(len(result["recommendations"]) for result in read.values())
    corpus_summary(f"recommendation lists checked: {len(read)} reports, {items} items")
    wrong = {name: result["list_problems"] for name, result in read.items() if result["list_problems"]}
    assert len(read) > 260
    assert wrong == {}


@pytest.mark.slow
def test_every_quote_is_on_the_page_it_names(corpus_results):
    wrong = {name: result["misquoted"] for name, result in corpus_results.items() if result.get("misquoted")}
    assert wrong == {}


def _sample() -> list[str]:
    """A handful per family: each family's earliest and latest inspection, and the not-a-report."""
    by_family: dict[str, list[dict]] = defaultdict(list)
    for label in corpus_labels():
        by_family[label["family"]].append(label)
    names = []
    for rows in by_family.values():
        rows.sort(key=lambda r: (r["inspection_start"], r["report"]))
        names += dict.fromkeys([rows[0]["report"], rows[-1]["report"]])
    return names


@pytest.mark.parametrize("name", _sample() if CORPUS.is_dir() else [])
def test_a_few_reports_of_each_family(name):
    label = next(row for row in corpus_labels() if row["report"] == name)
    if label["family"] == "not_a_report":
        with pytest.raises(ReadError, match=re.escape(name)):
            read_path(CORPUS / name)
        return
    result = _read(name)
    wrong = [
        (field, wanted, got)
        for field, wanted, got in compare(label, corpus_recommendations().get(name), result)
        if wanted != got
    ]
    assert not wrong, wrong


def test_the_comparison_maps_the_labels_and_catches_a_wrong_value():
    label = next(row for row in corpus_labels() if row["family"] == "other")
    wanted = expected(label, None)
    assert wanted["family"] == "lscb_review"
    assert wanted["judgements.lscb"] == "requires_improvement"  # from other_judgements lscb_effectiveness
    result = {
        "family": "lscb_review",
        "authority": label["ofsted_urn"],
        "inspection_start": label["inspection_start"],
        "inspection_end": label["inspection_end"],
        "published": label["published"],
        "lead_inspector": label["lead_inspector"],
        "judgements": {"lscb": "requires_improvement"},
    }
    assert all(want == got for _, want, got in compare(label, None, result))
    result["judgements"] = {"lscb": "good", "overall": "good"}
    wrong = {field for field, want, got in compare(label, None, result) if want != got}
    assert wrong == {"judgements.lscb", "judgements.overall"}


def test_the_list_check_catches_each_sign_of_a_misread_list():
    from inspire.core.reading.record import Recommendation, Record, SourceInfo

    def problems(section_texts, family="ilacs"):
        record = Record(family=family, source=SourceInfo("0" * 64, "text", 1, "x.txt"))
        ordinals: dict[str, int] = defaultdict(int)
        for section, text in section_texts:
            ordinals[section] += 1
            record.recommendations.append(Recommendation(section, ordinals[section], text, 1))
        return list_problems(record)

    assert problems([("la", "Improve plans."), ("lscb", "Evaluate training.")], family="sif") == []
    assert problems([("la", "the consistency of plans"), ("la", "arrangements for missing children.")]) == []
    signs = {
        "says there is nothing to list": [
            ("la", "The inspection did not find any areas for priority and immediate action.")
        ],
        "ends with ':'": [("la", "The quality of oversight and monitoring of:")],
        "starts in lower case": [("la", "The quality of oversight."), ("la", "permanence for children")],
        "characters": [("la", "Improve plans. " * 120)],
    }
    for sign, items in signs.items():
        assert any(sign in problem for problem in problems(items)), sign
    assert problems([], family="sif") == ["la: 0 items"]
