"""Full-text search over every stored page of every report.

One selector, :func:`search_pages`, picks the database's own engine: SQLite FTS5 (the table and
triggers of migration 0002, ranked by BM25, snippets by ``snippet()``) or PostgreSQL full-text search
(``websearch_to_tsquery``, ``ts_rank_cd``, ``ts_headline`` over the GIN-indexed
``to_tsvector('english', text)``).

User input never reaches either engine's query syntax: :func:`parse_query` keeps only words and
"quoted phrases", so quotes, brackets, ``NEAR``, ``*`` or ``-`` can never make a query fail.
Snippets are escaped before the matched words are wrapped in ``<mark>``, so page text cannot
inject HTML. A snippet that starts at the top of its page leaves out the page's running header and
number (:func:`page_furniture`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date

from django.db import connection
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from inspire.core.national import HAPPENED

#: Private-use characters bracket the matched words in raw snippets (never in report text).
_START, _STOP = "\ue000", "\ue001"
#: Words of context either side of a match in a snippet.
SNIPPET_WORDS = 24
MAX_PER_PAGE = 100
#: Pages beyond this are not fetched (keeps OFFSET within every database's integer range).
MAX_PAGE = 10_000
#: Words and phrases beyond this many are ignored (keeps every query cheap).
MAX_TERMS = 20
#: When an inspection happened (``core.national.HAPPENED``), in SQL over the inspection ``i``.
_HAPPENED_SQL = "COALESCE(" + ", ".join(f"i.{field}" for field in HAPPENED.fields) + ")"
#: How much of a page's start is read to find its running header and number, and in how many lines.
_HEAD_CHARS, _HEAD_LINES = 300, 3
_TOKEN = re.compile(r'"([^"]*)"|(\w+)', re.UNICODE)


@dataclass(frozen=True)
class SearchQuery:
    """A user's query reduced to words and phrases (each a tuple of words)."""

    phrases: tuple[tuple[str, ...], ...]

    def __bool__(self) -> bool:
        return bool(self.phrases)

    def fts5(self) -> str:
        """The FTS5 MATCH expression: every phrase required, each token quoted (no operators)."""
        return " AND ".join('"' + " ".join(words) + '"' for words in self.phrases)

    def websearch(self) -> str:
        """The text for PostgreSQL's ``websearch_to_tsquery`` (words ANDed, phrases in quotes)."""
        return " ".join(f'"{" ".join(words)}"' if len(words) > 1 else words[0] for words in self.phrases)


def parse_query(text: str) -> SearchQuery:
    """Words and "quoted phrases" of ``text``; everything else (operators, punctuation) is dropped."""
    phrases = []
    for phrase, word in _TOKEN.findall(text or ""):
        words = tuple(re.findall(r"\w+", phrase)) if phrase else (word,)
        if words:
            phrases.append(words[:MAX_TERMS])
    return SearchQuery(tuple(phrases[:MAX_TERMS]))


@dataclass(frozen=True)
class SearchHit:
    page_id: int
    page_number: int
    document_id: int
    inspection_id: int
    family: str
    inspection_start: date | None
    authority_name: str | None
    authority_slug: str | None
    region_name: str | None
    #: HTML: the escaped passage with the matched words in ``<mark>``
    snippet: SafeString
    #: the engine's relevance score, higher is better (BM25 on SQLite, ts_rank_cd on PostgreSQL)
    relevance: float


@dataclass(frozen=True)
class SearchResults:
    query: str
    hits: list[SearchHit]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1


class SearchUnavailable(RuntimeError):
    """The database has no full-text engine Inspire knows (neither SQLite nor PostgreSQL)."""


def search_pages(
    *,
    query: str,
    family: str | None = None,
    grade: str | None = None,
    region: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    page: int = 1,
    per_page: int = 20,
) -> SearchResults:
    """Pages whose text matches ``query``, best first, with highlighted snippets.

    Filters: ``family`` (e.g. ``"ilacs"``); ``grade`` (the inspection has any judgement of that
    grade); ``region`` (region name or code of the authority); ``date_from``/``date_to`` (inclusive,
    on the inspection's first day, else its last, else its publication: APA letters give only that).
    ``page`` is 1-based (capped at :data:`MAX_PAGE`); ``per_page`` is capped at :data:`MAX_PER_PAGE`.
    An empty or all-punctuation query gives no results, never an error.
    """
    page = max(1, min(int(page), MAX_PAGE))
    per_page = max(1, min(int(per_page), MAX_PER_PAGE))
    parsed = parse_query(query)
    if not parsed:
        return SearchResults(query=query, hits=[], total=0, page=page, per_page=per_page)
    vendor = connection.vendor
    if vendor == "sqlite":
        match_sql, match_param, rank_sql = "inspections_page_fts MATCH %s", parsed.fts5(), "bm25(inspections_page_fts)"
        source = "inspections_page_fts JOIN inspections_documentpage p ON p.id = inspections_page_fts.rowid"
    elif vendor == "postgresql":
        match_sql = "to_tsvector('english'::regconfig, p.text) @@ websearch_to_tsquery('english'::regconfig, %s)"
        match_param = parsed.websearch()
        rank_sql = (
            "-ts_rank_cd(to_tsvector('english'::regconfig, p.text), websearch_to_tsquery('english'::regconfig, %s))"
        )
        source = "inspections_documentpage p"
    else:
        raise SearchUnavailable(f"full-text search needs SQLite or PostgreSQL, not {vendor}")

    where = [match_sql]
    params: list = [match_param]
    if family:
        where.append("i.family = %s")
        params.append(family)
    if grade:
        where.append("EXISTS (SELECT 1 FROM inspections_judgement j WHERE j.inspection_id = i.id AND j.grade = %s)")
        params.append(grade)
    if region:
        where.append("(a.region_name = %s OR a.region_code = %s)")
        params += [region, region]
    if date_from:
        where.append(f"{_HAPPENED_SQL} >= %s")
        params.append(date_from)
    if date_to:
        where.append(f"{_HAPPENED_SQL} <= %s")
        params.append(date_to)
    body = (
        f"FROM {source} JOIN inspections_inspection i ON i.document_id = p.document_id "
        f"LEFT JOIN inspections_authority a ON a.id = i.authority_id WHERE {' AND '.join(where)}"
    )
    rank_params = [match_param] if vendor == "postgresql" else []
    with connection.cursor() as cursor:
        # One pass ranks and counts the matches (a window count over a subquery: SQLite cannot use
        # bm25() beside a window function directly). A page past the end has no rows to carry the
        # count, so only then is it counted separately.
        cursor.execute(
            f"SELECT id, rank, COUNT(*) OVER () FROM (SELECT p.id AS id, {rank_sql} AS rank {body}) AS matches "
            "ORDER BY rank, id LIMIT %s OFFSET %s",
            rank_params + params + [per_page, (page - 1) * per_page],
        )
        rows = cursor.fetchall()
        ranked = [(page_id, rank) for page_id, rank, _ in rows]
        if rows:
            total = rows[0][2]
        else:
            cursor.execute(f"SELECT COUNT(*) {body}", params)
            total = cursor.fetchone()[0]
        snippets = _snippets(cursor, vendor, match_param, [page_id for page_id, _ in ranked])
        details = _page_rows(cursor, [page_id for page_id, _ in ranked])
    hits = []
    for page_id, rank in ranked:
        fields, furniture = details[page_id]
        snippet = _highlight(snippets.get(page_id, ""), furniture=furniture)
        hits.append(SearchHit(**fields, snippet=snippet, relevance=-float(rank)))
    return SearchResults(query=query, hits=hits, total=total, page=page, per_page=per_page)


def _snippets(cursor, vendor: str, match_param: str, page_ids: list[int]) -> dict[int, str]:
    """Snippets for just the pages shown (computing them for every match would be slow)."""
    if not page_ids:
        return {}
    marks = ", ".join(["%s"] * len(page_ids))
    if vendor == "sqlite":
        cursor.execute(
            f"SELECT rowid, snippet(inspections_page_fts, 0, %s, %s, '…', {SNIPPET_WORDS}) "
            f"FROM inspections_page_fts WHERE inspections_page_fts MATCH %s AND rowid IN ({marks})",
            [_START, _STOP, match_param, *page_ids],
        )
    else:
        options = (
            f"StartSel={_START}, StopSel={_STOP}, MaxWords={SNIPPET_WORDS * 2}, MinWords={SNIPPET_WORDS}, "
            'MaxFragments=2, FragmentDelimiter=" … "'
        )
        cursor.execute(
            "SELECT p.id, ts_headline('english'::regconfig, p.text, "
            "websearch_to_tsquery('english'::regconfig, %s), %s) "
            f"FROM inspections_documentpage p WHERE p.id IN ({marks})",
            [match_param, options, *page_ids],
        )
    return dict(cursor.fetchall())


def _page_rows(cursor, page_ids: list[int]) -> dict[int, tuple[dict, str]]:
    """Per page: the hit's fields, and its running header and number (:func:`page_furniture`)."""
    if not page_ids:
        return {}
    marks = ", ".join(["%s"] * len(page_ids))
    cursor.execute(
        "SELECT p.id, p.number, p.document_id, i.id, i.family, i.inspection_start, a.name, a.slug, a.region_name, "
        f"SUBSTR(p.text, 1, {_HEAD_CHARS}) "
        "FROM inspections_documentpage p JOIN inspections_inspection i ON i.document_id = p.document_id "
        f"LEFT JOIN inspections_authority a ON a.id = i.authority_id WHERE p.id IN ({marks})",
        page_ids,
    )
    rows = {}
    for pid, number, doc, insp, family, start, name, slug, region, head in cursor.fetchall():
        if isinstance(start, str):  # SQLite raw cursors return ISO text
            start = date.fromisoformat(start)
        fields = dict(
            page_id=pid,
            page_number=number,
            document_id=doc,
            inspection_id=insp,
            family=family,
            inspection_start=start,
            authority_name=name,
            authority_slug=slug,
            region_name=region,
        )
        rows[pid] = (fields, page_furniture(head or "", number))
    return rows


def page_furniture(head: str, number: int) -> str:
    """The running header and page number that open a page's text, or "".

    PDF pages start with their printed number on a line of its own ("33") or with a running header
    whose last line ends in it ("Inspection of Medway local authority children's services" then
    "17 to 28 July 2023 2"): the furniture is a first line of digits alone, else the first few lines
    up to one ending in the page's number (a report inside a council paper prints its own numbers,
    so only a number alone is taken whatever it is). Otherwise there is none.
    """
    lines = head.splitlines()[:_HEAD_LINES]
    if lines and lines[0].strip().isdigit():
        return lines[0]
    for index, line in enumerate(lines):
        words = line.split()
        if words and words[-1] == str(number):
            return "\n".join(lines[: index + 1])
    return ""


def _highlight(raw: str, *, furniture: str = "") -> SafeString:
    """Escape the passage, then turn the engine's match markers into ``<mark>`` elements.

    A passage that starts at the top of its page starts with the page's ``furniture``: it is left
    out, unless the matched words are only there.
    """
    words = raw.split()
    skip = furniture.split()
    plain = [word.replace(_START, "").replace(_STOP, "") for word in words[: len(skip)]]
    if skip and plain == skip and any(_START in word for word in words[len(skip) :]):
        words = words[len(skip) :]
    text = escape(" ".join(words))
    return mark_safe(text.replace(_START, "<mark>").replace(_STOP, "</mark>"))
