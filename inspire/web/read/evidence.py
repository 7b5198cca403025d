"""How a stored inspection shows its values and their evidence: the names and words of each value,
what two files of one inspection read differently, and the quote marked in its page's text."""

from __future__ import annotations

import re
from datetime import date

from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.html import escape
from django.utils.safestring import mark_safe

from inspire.web.read.models import Inspection
from inspire.web.see import search as full_text
from inspire.web.toolkit.labels import area_label, fact_label, grade_label
from inspire.web.toolkit.templatetags.inspire import long_date


def area_summary(inspection: Inspection, summary: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """An area inspection's own values (docs/RECORD.md, "Area inspections"), in place of the lead
    inspector row: JTAI letters name none, area SEND reports name one per inspectorate."""
    record = inspection.record
    rows = [row for row in summary if row[0] != "lead_inspector"]
    outcome = f"{inspection.outcome}: {record.get('outcome_wording') or ''}" if inspection.outcome else ""
    deadline = record.get("plan_deadline")
    stated = long_date(date.fromisoformat(deadline)) if deadline else "The report sets no date"
    extra = {
        "jtai": [
            ("letter_date", "Date of the letter", long_date(inspection.letter_date)),
            ("theme", "Theme", (inspection.theme or "").capitalize()),
            ("inspectorates", "Inspectorates", ", ".join(record.get("inspectorates") or [])),
            ("plan_deadline", "Written statement of action due", stated),
        ],
        "send_2023": [
            ("outcome", "Inspection outcome", outcome),
            ("next_inspection", "Next inspection", (inspection.next_inspection or "").capitalize()),
            ("lead_inspectors", "Lead inspectors", ", ".join(record.get("lead_inspectors") or [])),
            ("inspectorates", "Inspectorates", ", ".join(record.get("inspectorates") or [])),
            ("plan_deadline", "Priority action plan due", stated),
        ],
    }
    return rows + extra.get(inspection.family, [])


def difference_shown(difference: dict) -> tuple[str, str, str]:
    """One value a further source reads differently: what it is, the value kept, this file's value."""
    field = difference.get("field", "")
    label = area_label(field.partition(".")[2]) if field.startswith("judgements.") else difference.get("label", field)

    def shown(value) -> str:
        if value is None or value == "":
            return "Not read"
        if field.startswith("judgements."):
            return grade_label(value)
        if field in ("inspection_start", "inspection_end", "published"):
            return long_date(date.fromisoformat(value))
        return str(value)

    return label, shown(difference.get("kept")), shown(difference.get("this"))


def fact_value(key: str, value) -> str:
    """Counts with thousands separators; years and rates as printed."""
    if isinstance(value, int) and not key.endswith("year"):
        return intcomma(value)
    return str(value)


#: Provenance keys a person can follow from the inspection page, with what each value is called.
_VALUE_NAMES = {
    "inspection_start": "Inspection start date",
    "inspection_end": "Inspection end date",
    "published": "Publication date",
    "lead_inspector": "Lead inspector",
    "authority": "Authority",
    "family": "Type of report",
    "letter_date": "Date of the letter",
    "theme": "Theme",
    "outcome": "Inspection outcome",
    "next_inspection": "Next inspection",
    "lead_inspectors": "Lead inspectors",
    "inspectorates": "Inspectorates",
    "plan_deadline": "Date set for the written statement of action",
}


def recommendation_name(section: str, ordinal, kind: str | None = None) -> str:
    if section == "area":
        return f"{'Area for priority action' if kind == 'priority' else 'Area for improvement'} {ordinal}"
    return f"{'LSCB recommendation' if section == 'lscb' else 'Recommendation'} {ordinal}"


def value_name(key: str, record: dict) -> str | None:
    """What the value at provenance ``key`` is called on the page; None for no such value."""
    if key in _VALUE_NAMES:
        return _VALUE_NAMES[key]
    kind, _, name = key.partition(".")
    if kind == "judgements" and name:
        return f"{area_label(name)} judgement"
    if kind == "facts" and name:
        return fact_label(name)
    if kind == "recommendations" and name.isdigit():
        # the key's number is a 0-based index into the record's list; people read the ordinal
        # within its section ("LSCB recommendation 2"), as the report prints it
        recommendations = record.get("recommendations", [])
        if int(name) < len(recommendations):
            item = recommendations[int(name)]
            return recommendation_name(item.get("section", "la"), item.get("ordinal", int(name) + 1), item.get("kind"))
    return None


def highlight(text: str, quote: str) -> tuple[str, bool]:
    """``text`` escaped, with the first occurrence of ``quote`` (any spacing, any case) in ``<mark>``."""
    words = quote.split()
    if words:
        pattern = r"\s+".join(re.escape(word) for word in words)
        match = re.search(pattern, text, re.IGNORECASE)
        if match:
            marked = (
                f'{escape(text[: match.start()])}<mark id="quote">{escape(match.group(0))}</mark>'
                f"{escape(text[match.end() :])}"
            )
            return mark_safe(marked), True
    return escape(text), False


def highlight_words(text: str, query: str) -> tuple[str, bool]:
    """``text`` escaped, with every word or phrase of a search ``query`` in ``<mark>`` (the first
    with ``id="quote"``). Words match at the start of words, any case ("parent" marks "parenting")."""
    phrases = full_text.parse_query(query).phrases
    if not phrases:
        return escape(text), False
    pattern = "|".join(r"\b" + r"\W+".join(re.escape(word) for word in words) + r"\w*" for words in phrases)
    parts, last, count = [], 0, 0
    for match in re.finditer(pattern, text, re.IGNORECASE):
        anchor = ' id="quote"' if count == 0 else ""
        parts.append(f"{escape(text[last : match.start()])}<mark{anchor}>{escape(match.group(0))}</mark>")
        last, count = match.end(), count + 1
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts)), count > 0
