"""Facts: counts and rates per 10,000 from "Information about this local authority area"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from inspire.core.reading.dates import parse_date
from inspire.core.reading.frameworks.common.lines import Lines, squash
from inspire.core.reading.record import Record

_WORD_NUMBERS = {
    word: value
    for value, word in enumerate(
        "no one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
#: a count as printed: "1,139", "2915", "four", "no"; a footnote mark may cling to a grouped
#: number ("42,6163" is 42,616 and footnote 3), never a number's tail on its own
NUMBER = r"(?<![\d,.])(?:\d{1,3}(?:,\d{3})+\d?|\d+|" + "|".join(_WORD_NUMBERS) + r")\b"
_FOOTNOTED = re.compile(r"(\d{1,3}(?:,\d{3})+)\d")


def to_number(text: str) -> int | None:
    text = text.strip().lower()
    if text in _WORD_NUMBERS:
        return _WORD_NUMBERS[text]
    footnoted = _FOOTNOTED.fullmatch(text)
    digits = (footnoted.group(1) if footnoted else text).replace(",", "")
    return int(digits) if digits.isdigit() else None


@dataclass(frozen=True)
class FactPattern:
    """One fact's sentence, in each way it is printed: each pattern has a group ``count`` and may
    have ``rate`` (per 10,000, stored as ``rate_key``) and ``as_at`` (the date it is stated at)."""

    key: str
    patterns: tuple[re.Pattern[str], ...]
    rate_key: str | None = None


def read_facts(
    record: Record, text: Lines, start: int, end: int, facts: Sequence[FactPattern], *, as_at_of: str = "looked_after"
) -> None:
    """The facts found between ``start`` and ``end``, each with its provenance; a fact not found
    gets a warning. ``as_at`` is the date the ``as_at_of`` figure is stated at (figures of one
    section may be of different dates; a date without its day, "the end of February 2014", is
    not guessed at)."""
    for fact in facts:
        match = next((m for m in (p.search(text.text, start, end) for p in fact.patterns) if m), None)
        count = to_number(match.group("count")) if match else None
        if match is None or count is None:
            record.warnings.append(f"facts.{fact.key}: not found")
            continue
        provenance = text.provenance(match.start(), match.end())
        record.facts[fact.key] = count
        record.provenance[f"facts.{fact.key}"] = provenance
        groups = match.groupdict()
        if fact.rate_key and groups.get("rate"):
            record.facts[fact.rate_key] = float(groups["rate"].replace(",", "").rstrip("."))
            record.provenance[f"facts.{fact.rate_key}"] = provenance
        if fact.key == as_at_of and groups.get("as_at"):
            stated = parse_date(groups["as_at"])
            if stated:
                record.facts["as_at"] = stated
                record.provenance["facts.as_at"] = provenance
            else:
                record.warnings.append(f"facts.as_at: {squash(groups['as_at'])!r} is not a whole date")
