"""What councils are told to improve, across authorities: every stored recommendation (and area for
priority action or improvement) in the practice themes of :mod:`inspire.core.themes`, counted by
year, region, framework and grade; who was told what; and, for any recommendation, the most similar
ones given to other authorities with how each authority's next inspection went.

Themes and similarity are computed from the stored texts (a few thousand) once per state of the
store and kept in memory: nothing is stored that could drift from the rules.
"""

from __future__ import annotations

import threading
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from django.db.models import Count, Max

from inspire.core.national import HAPPENED
from inspire.core.themes import BY_ID, THEMES, SimilarityIndex, themes_of
from inspire.web.read.models import Inspection, Judgement, Recommendation
from inspire.web.read.selectors import FULL_FAMILIES


@dataclass(frozen=True)
class Item:
    """One stored recommendation with what the theme pages show of it."""

    id: int
    text: str
    themes: tuple[str, ...]
    inspection_id: int
    authority_id: int | None
    authority_name: str
    authority_slug: str
    region: str
    family: str
    when: date | None
    #: the inspection's overall grade, where it gave one
    grade: str


@dataclass
class ThemeIndex:
    items: list[Item]
    position: dict[int, int] = field(default_factory=dict)

    def __post_init__(self):
        self.position = {item.id: n for n, item in enumerate(self.items)}

    @cached_property
    def similarity(self) -> SimilarityIndex:
        with _building:  # (a second or more: once, however many requests ask at the same time)
            if "similarity" not in self.__dict__:
                self.__dict__["similarity"] = SimilarityIndex([item.text for item in self.items])
            return self.__dict__["similarity"]

    def with_theme(self, theme_id: str) -> list[Item]:
        return [item for item in self.items if theme_id in item.themes]


_index: dict[tuple, ThemeIndex] = {}


_building = threading.Lock()


def theme_index() -> ThemeIndex:
    """Every stored recommendation with its themes (rebuilt when the store has changed). Built by
    one thread at a time: the server's other threads wait for it rather than each building one."""
    state = tuple(Recommendation.objects.aggregate(n=Count("id"), last=Max("id")).values())
    if state not in _index:
        with _building:
            if state not in _index:
                index = ThemeIndex(_items())
                _index.clear()
                _index[state] = index
    return _index[state]


def _items() -> list[Item]:
    overall = dict(Judgement.objects.filter(area="overall").values_list("inspection_id", "grade"))
    rows = (
        Recommendation.objects.select_related("inspection__authority")
        .only(
            "id",
            "text",
            "inspection__id",
            "inspection__family",
            "inspection__inspection_start",
            "inspection__inspection_end",
            "inspection__published",
            "inspection__authority__id",
            "inspection__authority__name",
            "inspection__authority__slug",
            "inspection__authority__region_name",
        )
        .order_by("id")
    )
    items = []
    for rec in rows:
        inspection, authority = rec.inspection, rec.inspection.authority
        items.append(
            Item(
                id=rec.id,
                text=rec.text,
                themes=tuple(themes_of(rec.text)),
                inspection_id=inspection.id,
                authority_id=authority.id if authority else None,
                authority_name=authority.name if authority else "",
                authority_slug=authority.slug if authority else "",
                region=authority.region_name if authority else "",
                family=inspection.family,
                when=HAPPENED.of(inspection),
                grade=overall.get(inspection.id, ""),
            )
        )
    return items


@dataclass(frozen=True)
class ThemeSummary:
    id: str
    name: str
    covers: str
    items: int
    authorities: int
    by_year: dict[int, int]
    by_region: dict[str, int]
    by_family: dict[str, int]
    by_grade: dict[str, int]


def theme_summaries() -> tuple[list[ThemeSummary], int, int]:
    """Every theme with its counts, most often given first; and how many items, and how many of them
    the taxonomy does not place."""
    index = theme_index()
    summaries = []
    for theme in THEMES:
        items = index.with_theme(theme.id)
        summaries.append(
            ThemeSummary(
                id=theme.id,
                name=theme.name,
                covers=theme.covers,
                items=len(items),
                authorities=len({i.authority_id for i in items if i.authority_id}),
                by_year=dict(sorted(Counter(i.when.year for i in items if i.when).items())),
                by_region=dict(sorted(Counter(i.region for i in items if i.region).items())),
                by_family=dict(Counter(i.family for i in items).most_common()),
                by_grade=dict(Counter(i.grade for i in items if i.grade).most_common()),
            )
        )
    summaries.sort(key=lambda s: (-s.items, s.name))
    unplaced = sum(1 for item in index.items if not item.themes)
    return summaries, len(index.items), unplaced


def theme_authorities(theme_id: str) -> list[tuple[str, str, list[Item]]]:
    """The authorities told ``theme_id``: (name, slug, their items, newest first), by name."""
    told: dict[tuple[str, str], list[Item]] = defaultdict(list)
    for item in theme_index().with_theme(theme_id):
        told[(item.authority_name or "Unknown authority", item.authority_slug)].append(item)
    return [
        (name, slug, sorted(items, key=lambda i: i.when or date.min, reverse=True))
        for (name, slug), items in sorted(told.items())
    ]


@dataclass(frozen=True)
class Similar:
    item: Item
    score: float
    #: the authority's next full inspection after the one that gave this recommendation, if stored
    next_inspection: Inspection | None
    next_grade: str


def similar_items(*, text: str | None = None, recommendation_id: int | None = None, limit: int = 10) -> list[Similar]:
    """The ``limit`` recommendations most like a stored one (given to other authorities) or like a
    text (a plan's own item), each with how that authority's next inspection went."""
    index = theme_index()
    if recommendation_id is not None:
        position = index.position.get(recommendation_id)
        if position is None:
            return []
        own = index.items[position].authority_id
        others = {n for n, item in enumerate(index.items) if own and item.authority_id == own}
        matches = index.similarity.similar(position, limit=limit, exclude=others)
    else:
        matches = index.similarity.similar_to_text(text or "", limit=limit)
    found = [(index.items[m.index], m.score) for m in matches]
    following = _next_inspections([item for item, _ in found])
    return [Similar(item, score, *following.get(item.id, (None, ""))) for item, score in found]


def _next_inspections(items: list[Item]) -> dict[int, tuple[Inspection, str]]:
    """For each item (by id) whose authority has a later full inspection stored: the first such
    inspection and its overall grade. Two queries for all the items (not two for each)."""
    dated = [item for item in items if item.authority_id is not None and item.when is not None]
    if not dated:
        return {}
    by_authority: dict[int, list[Inspection]] = defaultdict(list)
    for inspection in Inspection.objects.filter(
        authority_id__in={item.authority_id for item in dated}, family__in=FULL_FAMILIES
    ).only("id", "authority_id", "family", "inspection_start", "inspection_end", "published"):
        by_authority[inspection.authority_id].append(inspection)
    found = {}
    for item in dated:
        later = [
            i
            for i in by_authority[item.authority_id]
            if i.id != item.inspection_id and (HAPPENED.of(i) or date.min) > item.when
        ]
        if later:
            found[item.id] = min(later, key=lambda i: HAPPENED.of(i))
    grades = dict(
        Judgement.objects.filter(inspection__in={i.id for i in found.values()}, area="overall")
        .order_by("-id")
        .values_list("inspection_id", "grade")
    )
    return {item_id: (inspection, grades.get(inspection.id) or "") for item_id, inspection in found.items()}


def theme_names(ids) -> list[str]:
    return [BY_ID[i].name for i in ids if i in BY_ID]


def authority_themes(*, authority_id: int) -> list[tuple[str, str, list[Item]]]:
    """The themes of an authority's stored recommendations: (id, name, its items), most items first."""
    items = [item for item in theme_index().items if item.authority_id == authority_id]
    grouped = [(theme.id, theme.name, [i for i in items if theme.id in i.themes]) for theme in THEMES]
    return sorted((g for g in grouped if g[2]), key=lambda g: (-len(g[2]), g[1]))
