"""The words of a plan: numbers written as words, roman-numbered actions, short quotes for
messages, and a measure of success read from its sentence."""

from __future__ import annotations

import re

from inspire.core.plans.model import MeasureData
from inspire.core.plans.rag import PolarityError, measure_polarity
from inspire.core.plans.timescales import target_date

NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
BULLET = re.compile(r"^[-•■▪◦·]\s*")
ROMAN = re.compile(r"(?:(?<=\s)|^)\(?((?:x|ix|iv|v?i{1,3}|v))\)\s", re.I)


def number_of(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def last_number(text: str) -> int | None:
    """The reference in a cell: its last number ("76 1" is page 76's row 1 in a converted file)."""
    numbers = re.findall(r"\d+", text or "")
    return int(numbers[-1]) if numbers else None


def split_roman(text: str) -> list[tuple[str, str]]:
    """'i) Do this ii) Do that' -> [('i', 'Do this'), ('ii', 'Do that')]; no numerals -> one action."""
    text = text.strip()
    matches = list(ROMAN.finditer(text))
    if not matches:
        return [("", text)] if text else []
    # numerals count up from the first; "(v)" in the middle of a sentence is not an action
    actions, expected = [], roman_value(matches[0].group(1))
    starts = []
    for match in matches:
        if roman_value(match.group(1)) == expected:
            starts.append(match)
            expected += 1
    for index, match in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        actions.append((match.group(1).lower(), text[match.end() : end].strip()))
    return actions


def roman_value(numeral: str) -> int:
    values = {"i": 1, "v": 5, "x": 10}
    numeral = numeral.lower()
    total = 0
    for index, char in enumerate(numeral):
        value = values[char]
        if index + 1 < len(numeral) and values[numeral[index + 1]] > value:
            total -= value
        else:
            total += value
    return total


def short(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*%")


def measure_from_text(text: str) -> MeasureData:
    """A measure of success from its words. "no more than 45% of cases ... reducing to 25% by
    September 2017" gives baseline 45, target 25, target date 30 September 2017, lower is better."""
    measure = MeasureData(description=text)
    percents = [float(p) for p in PERCENT.findall(text)]
    lowered = text.lower()
    if percents:
        measure.unit = "%"
        measure.target = percents[-1]
        if len(percents) > 1:
            measure.baseline = percents[0]
    said = None
    if any(w in lowered for w in ("reduc", "no more than", "fewer", "lower", "decreas")):
        said = "lower_is_better"
    elif any(w in lowered for w in ("increas", "at least", "more than", "rais", "improv")):
        said = "higher_is_better"
    try:
        measure.polarity = measure_polarity(measure.baseline, measure.target, said)
    except PolarityError:
        measure.polarity = ""  # the words and figures disagree or say nothing: the council says which
    by = re.search(r"\bby\s+(.+)$", text, re.I)
    if by and percents:
        measure.target_date = target_date(by.group(1))
    return measure
