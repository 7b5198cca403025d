"""Published comparators in the web application: loaded by database_prepare, a newer file's changes,
the dashboard and indicator pages filled from them, the chart's separate series."""

from __future__ import annotations

import re
from datetime import date

import pytest

from inspire.core.indicators.published import MEASURES, POPULATION
from inspire.web.measure import selectors, services
from inspire.web.measure.models import ComparatorLoad, ComparatorValue, Population
from inspire.web.read.ingest import database_prepare
from inspire.web.read.models import Authority
from tests.conftest import SHARED
from tests.web.factories import make_record, store

pytestmark = pytest.mark.django_db
EES = SHARED / "reference" / "comparators" / "ees"


@pytest.fixture
def shipped(db):
    database_prepare()  # what `inspire setup`, `serve` and `ingest` run: the register and the shipped comparators


def test_database_prepare_loads_the_shipped_comparators_once(shipped):
    assert ComparatorValue.objects.exclude(indicator=POPULATION).count() == 25_160
    assert ComparatorValue.objects.filter(indicator=POPULATION, code="E92000001").count() == 10  # England's, 2015-2024
    assert ComparatorValue.objects.exclude(indicator=POPULATION).filter(value=None).count() == 1_697
    assert not ComparatorValue.objects.filter(value=0, not_published__gt="").exists()
    load = ComparatorLoad.objects.get()
    assert load.changes["re_referrals"] == {"new": 1_700, "changed": 0, "unchanged": 0}
    england = {c.indicator: c.value for c in ComparatorValue.objects.filter(level="national", period_end__year=2025)}
    assert (
        england["children_in_need_rate"],
        england["cp_rate"],
        england["looked_after_rate"],
        england["re_referrals"],
    ) == (330.3, 40.6, 67.0, 22.6)
    essex = Authority.objects.get(name="Essex")
    assert Population.objects.filter(authority=essex, source="published").count() == 10
    database_prepare()
    assert ComparatorLoad.objects.count() == 1 and ComparatorValue.objects.count() == 25_160 + 1_640


def test_a_count_file_gives_rates_with_the_ons_population_and_never_blanks_a_published_rate(shipped):
    loaded = services.published_file_import(
        content=(EES / "b1_children_in_need_2013_to_2025.csv").read_bytes(), filename="b1.csv"
    )
    # the shipped ONS estimates run from mid-2015, so the 2013-2015 rates cannot be worked out; the rates
    # worked out agree with LAIT's: the only changes are four reasons EES gives for LAIT's "-"
    assert loaded.changes["children_in_need_rate"]["changed"] == 4
    hampshire = ComparatorValue.objects.get(indicator="children_in_need_rate", code="850", period_end=date(2024, 3, 31))
    assert (hampshire.value, hampshire.not_published) == (None, "low reliability")
    england = ComparatorValue.objects.get(
        indicator="children_in_need_rate", level="national", period_end=date(2025, 3, 31)
    )
    assert england.value == 330.3
    early = ComparatorValue.objects.get(
        indicator="children_in_need_rate", level="national", period_end=date(2014, 3, 31)
    )
    assert (early.value, early.not_published) == (None, "no rate: no ONS population for the year before is loaded")


def test_a_newer_ees_file_says_what_changed(shipped):
    loaded = services.published_file_import(
        content=(EES / "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv").read_bytes(),
        filename="referrals.csv",
    )
    counts = loaded.changes["re_referrals"]
    # 2013-2015 and Inner and Outer London are new; 17 figures LAIT gave as "-" now say why (e.g. "c")
    assert counts == {"new": 492, "changed": 17, "unchanged": 1_623}
    city = ComparatorValue.objects.get(indicator="re_referrals", code="201", period_end=date(2024, 3, 31))
    assert (city.value, city.not_published) == (None, "suppressed to protect confidentiality")
    assert city.source == "Characteristics of children in need (EES, rereferral_percent)"


def test_rates_use_the_ons_population_for_the_year_and_say_so(shipped):
    essex = Authority.objects.get(name="Essex")
    known = Population.objects.filter(authority=essex).values_list("as_at", "source", "under_18")
    people, where = selectors.population_choice(known, date(2025, 3, 31))
    assert people == Population.objects.get(authority=essex, source="published", as_at=date(2024, 6, 30)).under_18
    assert where == "ONS mid-2024 estimate (as DfE uses for a year ending 31 March 2025)"
    # a report's population from another year is used only when no estimate is loaded, and says so
    only_report = [(date(2012, 1, 31), "report", 290_000)]
    assert selectors.population_choice(only_report, date(2025, 3, 31)) == (
        290_000,
        "printed in an inspection report as at 31 January 2012: another year than the period's",
    )


@pytest.mark.parametrize(
    "name", ["Essex", "Barking and Dagenham", "Isles of Scilly", "Medway", "Westmorland and Furness"]
)
def test_every_published_indicator_has_england_region_neighbours_and_quartile_on_the_dashboard(client, shipped, name):
    authority = Authority.objects.get(name=name)
    html = client.get(f"/authorities/{authority.slug}/indicators/").content.decode()
    rows = dict(re.findall(r'<tr class="govuk-table__row" data-indicator="([a-z_0-9]+)">(.*?)</tr>', html, re.S))
    for measure in MEASURES.values():
        row = rows[measure.indicator or measure.id]
        cells = [
            re.sub(r"<[^>]+>", "", c).strip()
            for c in re.findall(r'<td class="govuk-table__cell[^"]*">(.*?)</td>', row, re.S)
        ]
        england, region, neighbours, quartile = cells[-4:]
        assert measure.format(None) != england and england.startswith(tuple("0123456789")), (measure.id, cells)
        assert region.startswith(tuple("0123456789")) and neighbours.startswith(tuple("0123456789")), (
            measure.id,
            cells,
        )
        unit = {"percent": "%", "rate": "per 10,000 children", "cases": "cases per social worker"}[measure.unit]
        assert unit in england and unit in region and unit in neighbours  # units always shown
        assert "quartile" in quartile or "quarter" in quartile or quartile.startswith("Not ranked: "), (
            measure.id,
            quartile,
        )
    assert "DfE publishes no comparable figure for this indicator" in rows["contacts_to_referral"]
    assert "Compared as a rate" in rows["looked_after"]


def test_indicator_page_for_a_performance_meeting(client, shipped):
    html = client.get("/authorities/essex/indicators/re_referrals/").content.decode()
    assert (
        '<p class="govuk-body-l" id="reading">Below England and 9 of 10 neighbours; improving since 2024.</p>' in html
    )
    assert "18 of 153 authorities: best quarter (1st quartile)" in html and "Lower (rank 1 is the lowest)" in html
    table = html[html.index('id="neighbours-table"') :]
    assert (
        'Kent</th><td class="govuk-table__cell">21.6%' in table
        and 'Hampshire</th><td class="govuk-table__cell">41.0%' in table
    )
    assert "Characteristics of children in need (LAIT, ReReferral, updated 1 October 2025)" in html
    two_years = client.get("/authorities/essex/indicators/cp_two_years/").content.decode()
    assert 'id="definition-difference"' in two_years and "plans that ended in the period" in two_years
    assert "Not published: suppressed or not collected" in two_years  # Warwickshire's figure
    workforce = client.get("/authorities/essex/indicators/sw_caseload/").content.decode()
    assert "13.6 cases per social worker" in workforce and "year ending 30 September 2025" in workforce
    assert client.get("/authorities/essex/indicators/no_such_thing/").status_code == 404


def test_the_chart_draws_report_figures_and_the_published_series_as_different_lines(client, shipped):
    essex = Authority.objects.get(name="Essex")
    # two inspections (one inspection's second file would be another source of it, not a second figure)
    store(
        make_record(
            authority="Essex",
            family="sif",
            inspection_start=date(2016, 5, 9),
            inspection_end=date(2016, 6, 2),
            facts={"looked_after_rate": 68.8, "as_at": "2016-05-12"},
        )
    )
    store(make_record(authority="Essex", facts={"looked_after_rate": 40.1, "as_at": "2019-06-01"}))
    services.report_figures_sync(authority=essex)
    html = client.get("/authorities/essex/indicators/looked_after_rate/").content.decode()
    svg = html[
        html.index('<svg class="inspire-chart"') : html.index("</svg>", html.index('<svg class="inspire-chart"'))
    ]
    groups = dict(re.findall(r'<g class="inspire-chart__series" data-series="([a-z_]+)">(.*?)</g>', svg, re.S))
    assert set(groups) == {"report", "published", "england"}
    published = re.search(r'<polyline points="([^"]+)"', groups["published"]).group(1).split()
    report = re.search(r'<polyline points="([^"]+)"', groups["report"]).group(1).split()
    assert len(published) == 10 and len(report) == 2  # ten published years; the two reports' figures on their own line
    assert not set(report) & set(published)
    assert svg.count("<polyline") == 3  # one line per source, none joining two sources
    assert "Essex: inspection reports" in svg and "Essex: published" in svg and "England: published" in svg


def test_the_shipped_set_is_loaded_again_when_its_figures_were_removed(shipped):
    ComparatorLoad.objects.all().delete()
    ComparatorValue.objects.all().delete()
    loaded = services.shipped_comparators_load()
    assert loaded.count("new") == 25_160 + 1_640 and not loaded.already_loaded  # figures and ONS populations
    assert (
        ComparatorValue.objects.filter(indicator="sw_caseload", code="881", period_end=date(2025, 9, 30)).get().value
        == 13.6
    )


def test_benchmarking_export_as_excel_with_charts_and_as_csv_never_formulas(client, shipped):
    import csv
    import io
    import zipfile

    from openpyxl import load_workbook

    essex = Authority.objects.get(name="Essex")
    response = client.get("/authorities/essex/indicators/benchmarking.xlsx")
    assert response.status_code == 200 and "inspire-benchmarking-essex-" in response["Content-Disposition"]
    charts = [n for n in zipfile.ZipFile(io.BytesIO(response.content)).namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == len(MEASURES)  # one chart per published indicator
    sheet = load_workbook(io.BytesIO(response.content))["Benchmarking"]
    rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=2)]
    assert len(rows) == len(MEASURES) * 14  # the authority, England, region, the neighbours' average, ten neighbours
    essex_rr = next(r for r in rows if r[0] == "Re-referrals within 12 months" and r[2] == "Essex")
    assert essex_rr[4:10] == [15.4, "percentage", None, 18, 153, "best quarter (1st quartile)"]
    england = next(r for r in rows if r[0] == "Re-referrals within 12 months" and r[2] == "England")
    assert england[4] == 22.6
    suppressed = [r for r in rows if r[4] is None]
    assert suppressed and all(r[6] for r in suppressed)  # not published: the reason, never 0

    # a name a spreadsheet would run as a formula stays text in both files
    essex.name = '=HYPERLINK("http://example.com")'
    essex.save()
    book = client.get("/authorities/essex/indicators/benchmarking.xlsx").content
    cells = [c for r in load_workbook(io.BytesIO(book))["Benchmarking"].iter_rows() for c in r]
    hostile = [c for c in cells if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert hostile and all(c.data_type == "s" for c in hostile)
    assert b"<f>" not in zipfile.ZipFile(io.BytesIO(book)).read("xl/worksheets/sheet1.xml")
    text = client.get("/authorities/essex/indicators/benchmarking.csv").content.decode()
    parsed = list(csv.reader(io.StringIO(text)))
    assert parsed[0][:5] == ["Indicator", "Year", "Area", "Kind", "Figure"]
    assert any(row[2] == '\'=HYPERLINK("http://example.com")' for row in parsed[1:])
    assert not any(cell.startswith(("=", "+", "@")) for row in parsed for cell in row)


def test_an_authority_that_no_longer_exists_is_compared_in_its_last_published_year(client, shipped):
    html = client.get("/authorities/northamptonshire/indicators/re_referrals/").content.decode()
    assert "Against the published figures, year ending 31 March 2021" in html
    assert "Northamptonshire no longer exists: its last published year. Above England" in html
    dashboard = client.get("/authorities/northamptonshire/indicators/").content.decode()
    assert "no statistical neighbours" in dashboard
