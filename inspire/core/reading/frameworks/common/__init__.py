"""The shared reading toolkit every framework unit is built from.

A unit is mostly data: a :class:`Spec` naming the phrases that mark its family, the labels of
its judgement table, the headings of its recommendation lists and the labels of its dates and
lead inspector. :class:`DeclarativeFramework` reads any report from such a spec; a unit
subclasses it only for what is truly specific to its layout (override :meth:`refine`). Units
whose layout needs their own reading (sif, lac_2012, apa) call the functions below directly.

The reading functions work on :class:`Lines` (``lines``): the document's lines with running page
headers/footers and page numbers removed, each knowing its page. Every value found is a
:class:`Found` (``found``) with its :class:`~inspire.core.reading.record.Provenance`; every value
looked for and not found, or found more than once with different readings, gives a warning
instead of a guess. By concern: ``cover`` (dates, authority, publication date, lead inspector),
``judgements``, ``items`` (lists of recommendations), ``facts``, ``unit`` (the declarative unit).
"""

from inspire.core.reading.frameworks.common.cover import (
    authority_ref,
    find_authority,
    labelled,
    read_cover,
    read_date,
    read_dates,
    read_person,
)
from inspire.core.reading.frameworks.common.facts import NUMBER, FactPattern, read_facts, to_number
from inspire.core.reading.frameworks.common.found import Found, new_record, record_found
from inspire.core.reading.frameworks.common.items import (
    TIMESCALE,
    ItemList,
    add_items,
    add_recommendations,
    add_timed_lists,
    items_in,
    read_items,
)
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
    BULLET_RE,
    BULLETS,
    NUMBERED_RE,
    Line,
    Lines,
    document_lines,
    head_text,
    phrase,
    plain_lines,
    squash,
)
from inspire.core.reading.frameworks.common.unit import DeclarativeFramework, Spec, cover_signatures

__all__ = [
    "BULLETS",
    "BULLET_RE",
    "GRADE",
    "NUMBER",
    "NUMBERED_RE",
    "RECORD_OF_MAIN_FINDINGS",
    "TIMESCALE",
    "DeclarativeFramework",
    "FactPattern",
    "Found",
    "ItemList",
    "Line",
    "Lines",
    "Spec",
    "add_items",
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
    "plain_lines",
    "read_cover",
    "read_date",
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
