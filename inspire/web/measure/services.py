"""Writes: importing an Annex A workbook, entering the under-18 population, and turning the area
facts read from inspection reports into dated indicator values. Loading comparators (a comparator
CSV, published LAIT and EES figures) is in ``comparator_loads``, its writes importable from here
too."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date
from pathlib import PurePath

from django.db import transaction

from inspire.core.calendar import format_long
from inspire.core.errors import IndicatorError
from inspire.core.indicators import CATALOGUE, AnnexAError, Period, Unit, compute_all, read_annex_a
from inspire.core.indicators.annex_a import MAX_UNCOMPRESSED_BYTES
from inspire.core.indicators.compute import Result, reporting_periods, standard_periods
from inspire.core.limits import LimitExceeded, check_package, run_bounded
from inspire.web.measure import caselists
from inspire.web.measure.comparator_loads import (  # noqa: F401 (callers use services.X)
    ComparatorImport,
    PublishedLoad,
    comparators_import,
    published_file_import,
    published_store,
    shipped_comparators_load,
)
from inspire.web.measure.models import AnnexAImport, CaseList, IndicatorValue, Population
from inspire.web.measure.selectors import population_choice
from inspire.web.read.models import Authority, Inspection

#: the area facts readers store in ``Inspection.facts`` -> the indicator each one is a value of
REPORT_FACTS = {
    "children_in_need": "children_in_need",
    "children_in_need_rate": "children_in_need_rate",
    "child_protection_plans": "cp_plans",
    "child_protection_rate": "cp_rate",
    "looked_after": "looked_after",
    "looked_after_rate": "looked_after_rate",
}


def _value_row(authority: Authority, result: Result, **source) -> IndicatorValue:
    return IndicatorValue(
        authority=authority,
        indicator=result.indicator.id,
        period_start=result.period.start,
        period_end=result.period.end,
        value=result.value,
        numerator=result.numerator,
        denominator=result.denominator,
        left_out=result.left_out,
        unavailable=result.unavailable or "",
        **source,
    )


def read_annex_a_bounded(content: bytes, name: str):
    """The workbook's case lists, read in a worker process stopped past the reading limits (time
    and memory, ``uploads.reading_bounds``). Raises ``AnnexAError`` naming the file and the limit."""
    from inspire.web.toolkit.uploads import reading_bounds

    try:
        check_package(content, name, max_unpacked=MAX_UNCOMPRESSED_BYTES)  # a bomb: refused without a worker
        return run_bounded(read_annex_a, content, name, source=name, bounds=reading_bounds())
    except LimitExceeded as error:
        raise AnnexAError(str(error), hint=error.hint) from None


def annex_a_import(
    *, authority: Authority, content: bytes, filename: str, uploaded_by=None, period: Period | None = None
) -> AnnexAImport:
    """Read, check and store an Annex A workbook and compute every indicator for its standard periods
    (``compute.standard_periods``; indicators that read columns describing the day of the return
    only for periods ending near it). Raises ``AnnexAError`` for a file that is not a
    workbook; problems inside it are stored on the import. All or nothing. The authority's report
    figures are synchronised first (``report_figures_sync``)."""
    name = PurePath(filename.replace("\\", "/")).name[:255] or "annex_a.xlsx"
    lists = read_annex_a_bounded(content, name)
    # the reporting period the person importing gave (web and CLI ask, defaulting to the last whole
    # year to 31 March), never guessed from the data; without one, the periods the data covers
    periods = reporting_periods(period) if period is not None else standard_periods(lists)
    window = lists.date_range()
    with transaction.atomic():
        report_figures_sync(authority=authority)  # a report's under-18 population can serve the rates
        dataset = AnnexAImport.objects.create(
            authority=authority,
            filename=name,
            sha256=hashlib.sha256(content).hexdigest(),
            uploaded_by=uploaded_by,
            first_date=window[0] if window else None,
            last_date=window[1] if window else None,
            period_start=period.start if period else None,
            period_end=period.end if period else None,
            row_counts={**{key: len(lists.rows(key)) for key in lists.columns}, **lists.other_rows},
            columns={key: sorted(found) for key, found in lists.columns.items()},
            problem_count=len(lists.problems),
            problems=[
                {"list": p.list, "row": p.row, "column": p.column, "message": p.message, "kind": p.kind}
                for p in lists.problems[: AnnexAImport.PROBLEMS_KEPT]
            ],
        )
        CaseList.objects.bulk_create(
            CaseList(
                dataset=dataset, list_key=key, row_count=len(lists.rows(key)), data=caselists.dump(key, lists.rows(key))
            )
            for key in lists.columns
        )
        known = list(Population.objects.filter(authority=authority).values_list("as_at", "source", "under_18"))
        values = []
        for period in periods:
            people, where = population_choice(known, period.end) or (None, "")
            values += [
                _value_row(
                    authority,
                    result,
                    source="annex_a",
                    dataset=dataset,
                    population_source=where if result.indicator.unit is Unit.RATE and people else "",
                )
                for result in compute_all(lists, period, population_under_18=people)
                if not _before_the_return(result, window)
            ]
        IndicatorValue.objects.bulk_create(values, batch_size=500)
    return dataset


#: how far before the return's last date a period may end and still use columns that describe the
#: day of the return ("date of the last visit", "placements in the last 12 months")
AS_AT_RETURN_DAYS = 31


def _before_the_return(result: Result, window: tuple[date, date] | None) -> bool:
    return (
        result.indicator.as_at_return
        and window is not None
        and (window[1] - result.period.end).days > AS_AT_RETURN_DAYS
    )


def population_set(*, authority: Authority, as_at: date, under_18: int, entered_by=None) -> Population:
    """Enter (or correct) the under-18 population on a date, and recompute the authority's rates
    (those of its imports, and those worked out for its reports' counts)."""
    if under_18 <= 0:
        raise IndicatorError("the population must be a whole number above 0")
    with transaction.atomic():
        population, _ = Population.objects.update_or_create(
            authority=authority,
            as_at=as_at,
            source="entered",
            defaults={"under_18": under_18, "entered_by": entered_by},
        )
        report_figures_sync(authority=authority)
        rates_refresh(authority=authority)
    return population


def rates_refresh(*, authority: Authority | None = None, authorities: Iterable[Authority] | None = None) -> int:
    """Recompute the rates per 10,000 of an authority's (or some authorities') imports from the
    population now known."""
    ids = [authority.pk] if authority is not None else [a.pk for a in authorities or ()]
    rate_ids = [i.id for i in CATALOGUE.values() if i.unit is Unit.RATE]
    values = list(
        IndicatorValue.objects.filter(authority__in=ids, source="annex_a", indicator__in=rate_ids).exclude(
            numerator=None
        )
    )
    if not values:
        return 0
    known: dict[int, list] = {a: [] for a in ids}
    for row in Population.objects.filter(authority__in=ids).values_list("authority_id", "as_at", "source", "under_18"):
        known[row[0]].append(row[1:])
    changed = []
    for value in values:
        population, where = population_choice(known[value.authority_id], value.period_end) or (None, "")
        if population:
            value.value, value.denominator, value.unavailable = value.numerator / population * 10_000, population, ""
            value.population_source = where
            changed.append(value)
    IndicatorValue.objects.bulk_update(changed, ["value", "denominator", "unavailable", "population_source"])
    return len(changed)


def report_figures_sync(*, authority: Authority | None = None, authorities: Iterable[Authority] | None = None) -> int:
    """Store the area facts of stored inspection reports (children in need, on plans, looked after
    and their rates; children under 18 as the population) as dated values, for one authority, some,
    or all; then recompute those authorities' Annex A rates, as a report's population may serve them.
    Idempotent: a report's earlier figures are replaced. The date is the one the report states the
    figures at (``facts["as_at"]``), else the inspection's start. Runs whenever reports are stored
    (``on_inspections_stored``)."""
    inspections = Inspection.objects.exclude(authority=None).exclude(facts={})
    if authority is not None:
        authorities = [authority]
    if authorities is not None:
        inspections = inspections.filter(authority__in=[a.pk for a in authorities])
    rows: dict[int, list[IndicatorValue]] = {}  # by inspection
    populations: dict[tuple[int, date], Population] = {}  # by (authority, day): the last report's wins
    touched: dict[int, Authority] = {}
    dated = []
    for inspection in inspections.select_related("authority").defer("record", "warnings"):  # big, not needed
        facts = inspection.facts or {}
        day = _fact_date(facts.get("as_at")) or inspection.inspection_start
        if day is None:
            continue
        dated.append(inspection)
        touched[inspection.authority_id] = inspection.authority
        rows[inspection.pk] = [
            IndicatorValue(
                authority=inspection.authority,
                indicator=indicator,
                period_start=day,
                period_end=day,
                value=float(facts[key]),
                source="report",
                inspection=inspection,
            )
            for key, indicator in REPORT_FACTS.items()
            if isinstance(facts.get(key), (int, float))
        ]
        under_18 = facts.get("children_under_18")
        if isinstance(under_18, (int, float)) and under_18 > 0:
            populations[(inspection.authority_id, day)] = Population(
                authority=inspection.authority,
                as_at=day,
                source="report",
                under_18=int(under_18),
                inspection=inspection,
            )
    with transaction.atomic():
        ids = [i.pk for i in dated]
        for chunk in range(0, len(ids), 500):  # stays within every database's limit on query parameters
            IndicatorValue.objects.filter(inspection__in=ids[chunk : chunk + 500]).delete()
            Population.objects.filter(inspection__in=ids[chunk : chunk + 500]).delete()
        _report_populations_store(populations)
        new_rows = [row for inspection_rows in rows.values() for row in inspection_rows]
        new_rows += _report_rates_derive(inspections=dated, rows=rows, authorities=list(touched))
        IndicatorValue.objects.bulk_create(new_rows)
        rates_refresh(authorities=touched.values())
    return len(new_rows)


def _report_populations_store(populations: dict[tuple[int, date], Population]) -> None:
    """The under-18 populations reports state, one per (authority, day), over any held for that day
    (in bulk: one ``update_or_create`` a report was most of an ingest's figures sync)."""
    held = {
        (row.authority_id, row.as_at): row
        for row in Population.objects.filter(
            source="report",
            authority__in={authority for authority, _ in populations},
            as_at__in={day for _, day in populations},
        )
    }
    changed = []
    for key, population in populations.items():
        row = held.get(key)
        if row is not None:
            row.under_18, row.inspection = population.under_18, population.inspection
            changed.append(row)
    Population.objects.bulk_update(changed, ["under_18", "inspection"])
    Population.objects.bulk_create([p for key, p in populations.items() if key not in held])


#: a count a report states -> the rate per 10,000 worked out from it when the report gives none
REPORT_RATES = {"children_in_need": "children_in_need_rate", "cp_plans": "cp_rate", "looked_after": "looked_after_rate"}


def _report_rates_derive(
    *, inspections, rows: dict[int, list[IndicatorValue]], authorities: list[int]
) -> list[IndicatorValue]:
    """The rates of a report that states a count but not its rate, from the under-18 population: one
    entered, else the one the same report states, else ``population_choice`` (the ONS estimate DfE
    uses, else another report's, saying so); ``rows`` are each report's values."""
    known: dict[int, list] = {a: [] for a in authorities}
    for row in Population.objects.filter(authority__in=authorities).values_list(
        "authority_id", "as_at", "source", "under_18"
    ):
        known[row[0]].append(row[1:])
    derived = []
    for inspection in inspections:
        values = {v.indicator: v for v in rows[inspection.pk]}
        for count, rate in REPORT_RATES.items():
            if count not in values or rate in values:
                continue
            day = values[count].period_end
            population, where = population_choice(known[inspection.authority_id], day) or (None, "")
            own = (inspection.facts or {}).get("children_under_18")
            if isinstance(own, (int, float)) and own > 0 and not where.startswith("entered"):
                population, where = int(own), f"printed in the same report, as at {format_long(day)}"
            if population:
                derived.append(
                    IndicatorValue(
                        authority=inspection.authority,
                        indicator=rate,
                        period_start=day,
                        period_end=day,
                        value=values[count].value / population * 10_000,
                        numerator=values[count].value,
                        denominator=population,
                        source="report",
                        inspection=inspection,
                        population_source=where,
                    )
                )
    return derived


def on_inspections_stored(sender, *, inspections, **kwargs) -> None:
    """Receiver of ``inspections.signals.inspections_stored``: sync the report figures of the
    authorities of the reports just stored (connected in ``IndicatorsConfig.ready``)."""
    ids = {inspection.authority_id for inspection in inspections if inspection.authority_id is not None}
    if ids:
        report_figures_sync(authorities=Authority.objects.filter(pk__in=ids))


def _fact_date(value) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
