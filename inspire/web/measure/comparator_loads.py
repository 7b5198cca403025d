"""Writes: loading comparators — Inspire's own comparator CSV (``comparators_import``, all or
nothing) and the Department for Education's published figures (a newer LAIT or EES file, or the
set shipped with Inspire), each load saying what is new, changed and unchanged."""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field
from pathlib import PurePath

from django.db import connection, transaction
from django.utils import timezone

from inspire.core.indicators.comparators import CsvProblem, read_comparators
from inspire.core.indicators.published import (
    NOT_WORKED_OUT,
    POPULATION,
    SHIPPED,
    Figure,
    read_compact,
    read_published,
    shipped_text,
)
from inspire.core.register import default_register
from inspire.web.measure.models import ComparatorLoad, ComparatorValue, Population
from inspire.web.read.models import Authority


@dataclass
class ComparatorImport:
    stored: int = 0
    suppressed: int = 0
    problems: list[CsvProblem] = field(default_factory=list)


def comparators_import(*, text: str) -> ComparatorImport:
    """Store a comparator CSV (layout in ``inspire.core.indicators.comparators``). All or nothing:
    with any bad row nothing is stored and every problem is reported."""
    parsed = read_comparators(text, default_register())
    result = ComparatorImport(suppressed=parsed.suppressed, problems=parsed.problems)
    if parsed.problems:
        return result
    with transaction.atomic():
        for v in parsed.values:
            ComparatorValue.objects.update_or_create(
                level=v.level, code=v.code, indicator=v.indicator, period_end=v.period_end, defaults={"value": v.value}
            )
    result.stored = len(parsed.values)
    return result


# -- published comparators (LAIT, EES, the set shipped with Inspire) ----------------------------------


COMPARATOR_FIELDS = ("value", "not_published", "name", "former", "source")


@dataclass
class PublishedLoad:
    kind: str
    #: measure -> {"new": n, "changed": n, "unchanged": n}
    changes: dict[str, dict[str, int]] = field(default_factory=dict)
    passed_over: dict[str, int] = field(default_factory=dict)
    already_loaded: bool = False

    def count(self, what: str) -> int:
        return sum(c.get(what, 0) for c in self.changes.values())


def published_store(
    *, figures: list[Figure], kind: str, filename: str, sha256: str, passed_over: dict[str, int] | None = None
) -> PublishedLoad:
    """Store published figures over those held: new ones added, changed ones (a value revised, or
    now published or no longer) updated; each measure's counts of new, changed and unchanged figures
    returned and recorded (``ComparatorLoad``). The ONS under-18 estimates are kept too (England's and
    the regions', for working out rates from an EES count) and become each authority's published
    population. One transaction."""
    result = PublishedLoad(kind, passed_over=dict(passed_over or {}))
    measures = {f.measure for f in figures}
    held = {
        (c.level, c.code, c.indicator, c.period_end): c for c in ComparatorValue.objects.filter(indicator__in=measures)
    }
    new, changed = [], []
    day = _days()
    for f in figures:
        counts = result.changes.setdefault(f.measure, {"new": 0, "changed": 0, "unchanged": 0})
        row = held.get(f.key)
        if row is not None and f.value is None and f.not_published.startswith(NOT_WORKED_OUT):
            counts["unchanged"] += 1  # Inspire could not work the rate out: the figure held is kept
            continue
        values = (f.value, f.not_published[:120], f.name[:120], f.former, f.source[:200])  # COMPARATOR_FIELDS
        if row is None:
            new.append((f.level, f.code, f.measure, day(f.period_end), *values))
            counts["new"] += 1
        elif row.value != f.value or row.not_published != values[1]:
            for name, value in zip(COMPARATOR_FIELDS, values, strict=True):
                setattr(row, name, value)
            changed.append(row)
            counts["changed"] += 1
        else:
            counts["unchanged"] += 1
    population = [f for f in figures if f.measure == POPULATION and f.level == "local_authority" and f.value]
    with transaction.atomic():
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        _insert_many(
            ComparatorValue,
            ["level", "code", "indicator", "period_end", *COMPARATOR_FIELDS, "imported"],
            [(*row, now) for row in new],
        )
        ComparatorValue.objects.bulk_update(
            changed, ["value", "not_published", "name", "former", "source"], batch_size=2000
        )
        if population:
            _published_population_store(population)  # each authority's, for its Annex A rates
        ComparatorLoad.objects.create(kind=kind[:200], filename=filename[:255], sha256=sha256, changes=result.changes)
    return result


def _insert_many(model, columns: list[str], rows: list[tuple]) -> None:
    """Insert rows (tuples in the order of ``columns``: field names; dates already adapted with
    ``_days``) with one ``executemany``: ``bulk_create`` builds a model and compiles SQL for every row,
    about 8 s for the 25,000 comparator figures shipped (measured); this takes under one."""
    if not rows:
        return
    ops = connection.ops
    fields = [model._meta.get_field(name) for name in columns]
    sql = (
        f"INSERT INTO {ops.quote_name(model._meta.db_table)} ({', '.join(ops.quote_name(f.column) for f in fields)}) "
        f"VALUES ({', '.join(['%s'] * len(fields))})"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _days():
    """A date as the database takes it in ``_insert_many``, worked out once per date (a load's
    thousands of figures share a few dozen period ends; asking the connection each time was a
    quarter of a fresh database's load)."""
    return functools.cache(connection.ops.adapt_datefield_value)


def _published_population_store(figures: list[Figure]) -> dict[str, int]:
    authorities = {a.dfe_la_code: a.pk for a in Authority.objects.exclude(dfe_la_code="")}
    held = {(p.authority_id, p.as_at): p for p in Population.objects.filter(source="published")}
    counts = {"new": 0, "changed": 0, "unchanged": 0}
    new, changed = [], []
    day = _days()
    for f in figures:
        authority = authorities.get(f.code)
        if authority is None:
            continue
        row = held.get((authority, f.period_end))
        if row is None:
            new.append((authority, day(f.period_end), int(f.value), "published"))
            counts["new"] += 1
        elif row.under_18 != int(f.value):
            row.under_18 = int(f.value)
            changed.append(row)
            counts["changed"] += 1
        else:
            counts["unchanged"] += 1
    _insert_many(Population, ["authority", "as_at", "under_18", "source"], new)
    Population.objects.bulk_update(changed, ["under_18"], batch_size=2000)
    if new or changed:
        from inspire.web.measure.services import rates_refresh  # services re-exports this module's writes

        rates_refresh(
            authorities=Authority.objects.filter(pk__in={row[0] for row in new} | {p.authority_id for p in changed})
        )
    return counts


def shipped_comparators_load() -> PublishedLoad:
    """Load the comparators packaged with Inspire (``core/data/comparators.csv``) unless that very set
    is loaded already: run by ``database_prepare`` (``inspire setup``, ``serve``, ``ingest``)."""
    text = shipped_text()
    sha256 = hashlib.sha256(text.encode()).hexdigest()
    if ComparatorLoad.objects.filter(sha256=sha256).exists():
        return PublishedLoad("Comparators shipped with Inspire", already_loaded=True)
    return published_store(
        figures=read_compact(text), kind="Comparators shipped with Inspire", filename=SHIPPED, sha256=sha256
    )


def published_file_import(*, content: bytes, filename: str) -> PublishedLoad:
    """Load a newer LAIT long file or EES CSV (``PublishedError`` for any other file). An EES count
    that the release publishes without a rate (children in need, on plans) becomes a rate with the
    ONS population Inspire holds for the year before (as DfE works it out)."""
    population = {
        (code, as_at.year): people
        for code, as_at, people in ComparatorValue.objects.filter(indicator=POPULATION)
        .exclude(value=None)
        .values_list("code", "period_end", "value")
    }
    parsed = read_published(content, default_register(), population=population)
    return published_store(
        figures=parsed.figures,
        kind=parsed.kind,
        filename=PurePath(filename).name,
        sha256=hashlib.sha256(content).hexdigest(),
        passed_over=parsed.passed_over,
    )
