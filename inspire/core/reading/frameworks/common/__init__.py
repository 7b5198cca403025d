"""The shared reading toolkit every framework unit is built from.

A unit is mostly data: a :class:`Spec` naming the phrases that mark its family, the labels of
its judgement table, the headings of its recommendation lists and the labels of its dates and
lead inspector. :class:`DeclarativeFramework` reads any report from such a spec; a unit
subclasses it only for what is truly specific to its layout (override :meth:`refine`, which calls
the functions below). Only ``apa`` (a letter, not a report) reads its lines its own way.

The reading functions work on :class:`Lines` (``lines``): the document's lines with running page
headers/footers and page numbers removed, each knowing its page. Every value found is a
``found.Found`` with its :class:`~inspire.core.reading.record.Provenance`; every value
looked for and not found, or found more than once with different readings, gives a warning
instead of a guess. By concern: ``cover`` (dates, authority, publication date, lead inspector),
``judgements``, ``items`` (lists of recommendations), ``facts``, ``unit`` (the declarative unit).
"""

from inspire.core.reading.frameworks.common.cover import (
    authority_ref,
    find_authority,
    labelled,
    read_dates,
    read_person,
)
from inspire.core.reading.frameworks.common.facts import NUMBER, FactPattern, read_facts, to_number
from inspire.core.reading.frameworks.common.found import new_record, record_found
from inspire.core.reading.frameworks.common.items import ItemList, add_recommendations, items_in, read_items
from inspire.core.reading.frameworks.common.judgements import (
    GRADE,
    RECORD_OF_MAIN_FINDINGS,
    grade_found,
    grade_in,
    main_findings,
    read_judgements,
    record_judgements,
)
from inspire.core.reading.frameworks.common.lines import (
    BULLETS,
    NUMBERED_RE,
    Line,
    Lines,
    document_lines,
    head_text,
    phrase,
    squash,
)
from inspire.core.reading.frameworks.common.timed import TIMESCALE, add_timed_lists
from inspire.core.reading.frameworks.common.unit import DeclarativeFramework, Spec, cover_signatures

__all__ = [
    "BULLETS",
    "GRADE",
    "NUMBER",
    "NUMBERED_RE",
    "RECORD_OF_MAIN_FINDINGS",
    "TIMESCALE",
    "DeclarativeFramework",
    "FactPattern",
    "ItemList",
    "Line",
    "Lines",
    "Spec",
    "add_recommendations",
    "add_timed_lists",
    "authority_ref",
    "cover_signatures",
    "document_lines",
    "find_authority",
    "grade_found",
    "grade_in",
    "head_text",
    "items_in",
    "main_findings",
    "labelled",
    "new_record",
    "phrase",
    "read_dates",
    "read_facts",
    "read_items",
    "read_judgements",
    "read_person",
    "record_found",
    "record_judgements",
    "squash",
    "to_number",
]
