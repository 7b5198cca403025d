"""Judgements: a table of labelled grades, a grade inside a sentence, and recording them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from inspire.core.reading.frameworks.common.found import Found, record_found
from inspire.core.reading.frameworks.common.lines import Lines, phrase, squash
from inspire.core.reading.grades import GRADE_RE, normalise_grade
from inspire.core.reading.record import Record

#: the heading of the closing table of judgements in 2009-13 reports
RECORD_OF_MAIN_FINDINGS = re.compile(r"^\s*Record\s+of\s+main\s+findings\s*:?\s*$", re.I | re.M)


def main_findings(record: Record, text: Lines) -> int | None:
    """Where a 2009-13 report's closing "Record of main findings" table begins (past its heading),
    or None with a warning: the unit then reads the grades its sections print."""
    table = RECORD_OF_MAIN_FINDINGS.search(text.text)
    if table:
        return table.end()
    record.warnings.append("judgements: no 'Record of main findings' table; grades read from the sections")
    return None


#: a grade as printed, for use inside a unit's own pattern
GRADE = r"(?P<grade>" + GRADE_RE.pattern + r")"


def grade_in(text: Lines, pattern: re.Pattern[str], start: int = 0, end: int | None = None) -> Found | None:
    """The grade in the first match of ``pattern`` (which holds :data:`GRADE`) in the text."""
    match = pattern.search(text.text, start, len(text.text) if end is None else end)
    return grade_found(text, match) if match else None


def grade_found(text: Lines, match: re.Match[str]) -> Found:
    """The grade in a match of a pattern holding :data:`GRADE`, quoting the whole match."""
    return Found(normalise_grade(match.group("grade")), text.provenance(match.start(), match.end()))


def read_judgements(
    text: Lines,
    table: Sequence[tuple[str, str]],
    *,
    start: int = 0,
    end: int | None = None,
    reach: int = 3,
) -> tuple[dict[str, Found], list[str]]:
    """Judgements from a table of (label phrase → key) rows, in the text from ``start`` to ``end``.

    Each label's grade is the first grade phrase after it, before the next label and within
    ``reach`` lines, so labels and grades that wrap over lines (as PDF text does) read correctly.
    List longer labels before shorter ones they begin with ("children in care and care leavers"
    before "children in care"). The first row found for a key with a clear grade wins.
    A grade followed by a line that is only another grade is not taken: the grades were printed
    as a column after the labels, and which is whose cannot be told.
    Returns the judgements found and warnings (a label with no grade, or an unclear one).
    """
    if not table:  # a unit that reads its judgements itself (in refine) declares none
        return {}, []
    pattern = _table_re(tuple(table))
    stop = len(text.text) if end is None else end
    matches = [m for m in pattern.finditer(text.text, start, stop)]
    found: dict[str, Found] = {}
    problems: dict[str, str] = {}  # the first problem with a key never found
    for i, match in enumerate(matches):
        key = table[int(match.lastgroup[1:])][1]
        if key in found:
            continue
        line = text.line_at(match.end())
        limit_line = min(line + reach, len(text.lines) - 1)
        limit = text.starts[limit_line] + len(text.lines[limit_line].text)
        segment_end = min(limit, matches[i + 1].start() if i + 1 < len(matches) else stop)
        grade = GRADE_RE.search(text.text, match.end(), max(segment_end, match.end()))
        if not grade:
            problems.setdefault(key, f"judgements.{key}: no grade found after {squash(match.group(0))!r}")
            continue
        after = text.line_at(grade.end()) + 1
        if after < len(text.lines) and _GRADE_LINE.match(text.lines[after].text):
            problems.setdefault(
                key,
                f"judgements.{key}: grades printed in a column after {squash(match.group(0))!r}: "
                "which is its own is unclear",
            )
            continue
        found[key] = Found(normalise_grade(grade.group(0)), text.provenance(match.start(), grade.end()))
    return found, [problem for key, problem in problems.items() if key not in found]


_GRADE_LINE = re.compile(rf"^(?:{GRADE_RE.pattern})\W*$", re.I)
_TABLES: dict[tuple[tuple[str, str], ...], re.Pattern] = {}


def _table_re(table: tuple[tuple[str, str], ...]) -> re.Pattern:
    pattern = _TABLES.get(table)
    if pattern is None:
        alternatives = "|".join(f"(?P<k{i}>{phrase(label)})" for i, (label, _) in enumerate(table))
        pattern = _TABLES[table] = re.compile(rf"(?:{alternatives})\b", re.I)
    return pattern


def record_judgements(
    record: Record,
    found: dict[str, Found],
    warnings: Sequence[str],
    *,
    expected: Sequence[str] = (),
    not_judged: Sequence[str] = (),
) -> None:
    """Put what :func:`read_judgements` found in the record, with its warnings; an ``expected``
    key neither found nor warned about is warned about, unless the report says it was
    ``not_judged``."""
    for key, value in found.items():
        record_found(record, f"judgements.{key}", value)
    skipped = tuple(f"judgements.{key}:" for key in not_judged)
    record.warnings.extend(w for w in warnings if not (skipped and w.startswith(skipped)))
    for key in expected:
        if key in record.judgements or key in not_judged:
            continue
        if not any(w.startswith(f"judgements.{key}:") for w in record.warnings):
            record.warnings.append(f"judgements.{key}: not found")
