"""Indicators in the web application: imports, values, report figures, comparators, pages, export."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.utils.html import escape
from openpyxl import load_workbook

from inspire.core.indicators import CATALOGUE, AnnexAError, Period, compute_all, read_annex_a
from inspire.core.indicators.compute import reporting_periods, reporting_year
from inspire.core.indicators.generator import generate
from inspire.web.measure import selectors, services
from inspire.web.measure.models import AnnexAImport, CaseList, ComparatorValue, IndicatorValue, Population
from inspire.web.read.models import Authority
from tests.conftest import SHARED, seed
from tests.web.factories import make_record, store

pytestmark = pytest.mark.django_db
YEAR = Period(date(2024, 4, 1), date(2025, 3, 31))


@pytest.fixture(scope="module")
def workbook(tmp_path_factory) -> bytes:
    path = tmp_path_factory.mktemp("annex") / "county.xlsx"
    generate(path, seed=11, contacts=3_000)
    return path.read_bytes()


@pytest.fixture
def essex(register) -> Authority:
    return Authority.objects.get(name="Essex")


@pytest.fixture
def imported(essex, workbook) -> AnnexAImport:
    return services.annex_a_import(authority=essex, content=workbook, filename="C:\\returns\\essex annex a.xlsx")


@pytest.fixture
def staff(essex) -> User:
    """An editor of Essex (who may also import comparators: staff)."""
    from inspire.web.accounts.models import Membership

    user = User.objects.create_user("analyst", password="a long enough password", is_staff=True)
    Membership.objects.create(user=user, authority=essex, role="editor")
    return user


def test_import_stores_case_lists_and_every_indicator_for_each_quarter_and_the_year(imported, workbook):
    assert imported.filename == "essex annex a.xlsx"
    assert CaseList.objects.filter(dataset=imported).count() == 10
    periods = sorted({(v.period_start, v.period_end) for v in imported.values.all()})
    assert periods == [
        (date(2024, 4, 1), date(2024, 6, 30)),
        (date(2024, 4, 1), date(2025, 3, 31)),
        (date(2024, 7, 1), date(2024, 9, 30)),
        (date(2024, 10, 1), date(2024, 12, 31)),
        (date(2025, 1, 1), date(2025, 3, 31)),
    ]
    as_at_return = [i for i in CATALOGUE.values() if i.as_at_return]
    assert imported.values.count() == 5 * len(CATALOGUE) - 3 * len(as_at_return)  # not for the first three quarters
    assert not imported.values.filter(indicator="cp_visits_in_timescale", period_end=date(2024, 6, 30)).exists()
    # the stored year figures are the core's figures
    expected = {r.indicator.id: r.value for r in compute_all(read_annex_a(workbook), YEAR)}
    stored = {v.indicator: v.value for v in imported.values.filter(period_start=YEAR.start, period_end=YEAR.end)}
    assert stored == expected
    rate = imported.values.get(indicator="looked_after_rate", period_end=YEAR.end, period_start=YEAR.start)
    assert (rate.value, rate.unavailable) == (None, "no under-18 population has been entered for this authority")
    assert imported.problem_count == len(imported.problems) > 0


def test_stored_case_lists_recompute_any_period(imported, workbook):
    period = Period(date(2024, 5, 3), date(2024, 11, 20))
    again = {r.indicator.id: (r.value, r.left_out) for r in selectors.period_compute(dataset=imported, period=period)}
    direct = {r.indicator.id: (r.value, r.left_out) for r in compute_all(read_annex_a(workbook), period)}
    assert again == direct


def test_entering_the_population_recomputes_the_rates(imported, essex):
    services.population_set(authority=essex, as_at=date(2024, 6, 30), under_18=300_000)
    rate = imported.values.get(indicator="looked_after_rate", period_start=YEAR.start, period_end=YEAR.end)
    count = imported.values.get(indicator="looked_after", period_start=YEAR.start, period_end=YEAR.end)
    assert rate.value == pytest.approx(count.value / 300_000 * 10_000)
    assert (rate.denominator, rate.unavailable) == (300_000, "")


def test_population_for_takes_the_nearest_date(essex):
    Population.objects.create(authority=essex, as_at=date(2020, 6, 30), under_18=100)
    Population.objects.create(authority=essex, as_at=date(2023, 6, 30), under_18=200)
    assert selectors.population_for(authority=essex, day=date(2024, 3, 31)) == 200
    assert selectors.population_for(authority=essex, day=date(2021, 3, 31)) == 100
    assert selectors.population_for(authority=essex, day=date(2019, 3, 31)) == 100  # none before: the earliest
    assert selectors.population_for(authority=essex, day=date(2023, 1, 1)) == 200  # nearer after than before


def test_an_entered_population_beats_a_report_stated_one(essex):
    assert selectors.population_for(authority=essex, day=date(2020, 1, 1)) is None
    Population.objects.create(authority=essex, as_at=date(2019, 12, 31), under_18=296_683, source="report")
    Population.objects.create(authority=essex, as_at=date(2014, 1, 31), under_18=280_000, source="report")
    assert selectors.population_for(authority=essex, day=date(2020, 1, 1)) == 296_683  # none entered: the report's
    Population.objects.create(authority=essex, as_at=date(2010, 6, 30), under_18=250_000, source="entered")
    assert selectors.population_for(authority=essex, day=date(2020, 1, 1)) == 250_000  # entered, though further away


def test_the_reference_sample_imports(essex):
    dataset = services.annex_a_import(
        authority=essex, content=(SHARED / "reference" / "annex_a_sample.xlsx").read_bytes(), filename="sample.xlsx"
    )
    assert dataset.row_counts["protection_plans"] == 7
    assert dataset.row_counts["adopters"] == 5  # List 11: read by no indicator, but its rows are counted
    assert dataset.problem_count == 0


def test_a_file_that_is_not_a_workbook_stores_nothing(essex):
    with pytest.raises(AnnexAError, match=r"^this is not a readable Excel workbook \(\.xlsx\)"):
        services.annex_a_import(authority=essex, content=b"Child ID,Date\n1,2020-01-01\n", filename="list.csv")
    assert AnnexAImport.objects.count() == 0


def test_report_figures_become_dated_values_and_the_population(essex):
    inspection = store(
        make_record(
            authority="Essex",
            facts={
                "children_under_18": 301_000,
                "children_in_need": 9_100,
                "children_in_need_rate": 302.3,
                "child_protection_plans": 640,
                "child_protection_rate": 21.3,
                "looked_after": 1_050,
                "looked_after_rate": 34.9,
                "as_at": "2019-03-31",
            },
        )
    )
    assert services.report_figures_sync(authority=essex) == 6
    assert services.report_figures_sync(authority=essex) == 6  # idempotent
    values = {v.indicator: (v.value, v.period_end) for v in IndicatorValue.objects.filter(inspection=inspection)}
    assert values["looked_after_rate"] == (34.9, date(2019, 3, 31))
    assert values["cp_plans"] == (640, date(2019, 3, 31))
    assert len(values) == 6
    assert selectors.population_for(authority=essex, day=date(2020, 1, 1)) == 301_000
    series = selectors.indicator_series(authority=essex, indicator_id="looked_after", annex_a=True)
    assert [(p.period_end, p.value, p.source) for p in series] == [(date(2019, 3, 31), 1_050, "report")]


def test_ingest_turns_report_figures_into_values_for_what_each_transaction_stored(register, client, monkeypatch):
    from inspire.core.reading.batch import BatchRead
    from inspire.web.read.ingest import inspection_ingest

    def ingest(*paths):
        with BatchRead(paths, workers=1) as reading:
            return inspection_ingest(reading)

    calls = []
    sync = services.report_figures_sync
    monkeypatch.setattr(services, "report_figures_sync", lambda **kw: calls.append(kw) or sync(**kw))
    report = ingest(seed("000"), seed("004"))  # Essex 2014, Southend 2016
    assert len(report.stored) == 2
    # one call per transaction (one or two here, as the reads finish), each for what it stored
    assert 1 <= len(calls) <= 2 and sorted(a.name for call in calls for a in call["authorities"]) == [
        "Essex",
        "Southend-on-Sea",
    ]
    essex = Authority.objects.get(name="Essex")
    value = IndicatorValue.objects.get(authority=essex, indicator="looked_after_rate", source="report")
    assert (value.value, value.period_end) == (38.4, date(2014, 1, 31))
    assert selectors.population_for(authority=essex, day=date(2014, 3, 31)) == 296_683
    # the report states 6,220 children in need but no rate: worked out from its 296,683 children
    derived = IndicatorValue.objects.get(authority=essex, indicator="children_in_need_rate", source="report")
    assert (round(derived.value, 1), derived.numerator, derived.denominator) == (209.7, 6_220, 296_683)
    southend = Authority.objects.get(name="Southend-on-Sea")
    # ingest loaded the shipped ONS estimates: for the year ending 31 March 2016, DfE's mid-2015 one
    # comes before the 38,216 the 2016 report prints (dated May 2016)
    known = Population.objects.filter(authority=southend).values_list("as_at", "source", "under_18")
    assert selectors.population_choice(known, date(2016, 3, 31)) == (
        38_041,
        "ONS mid-2015 estimate (as DfE uses for a year ending 31 March 2016)",
    )
    assert Population.objects.get(authority=southend, source="report").under_18 == 38_216
    page = client.get(f"/authorities/{essex.slug}/indicators/").content.decode()
    assert "38.4" in page and "31 January 2014" in page
    essex_ons = Population.objects.filter(authority=essex, source="published").order_by("as_at").last()
    assert f"{essex_ons.under_18:,} on 30 June {essex_ons.as_at.year} (ONS mid-{essex_ons.as_at.year} estimate)" in page
    synced = len(calls)
    ingest(seed("000"))  # nothing new stored: nothing to sync
    assert len(calls) == synced
    services.population_set(authority=essex, as_at=date(2013, 6, 30), under_18=300_000)  # entered: it wins
    derived = IndicatorValue.objects.get(authority=essex, indicator="children_in_need_rate", source="report")
    assert (derived.value, derived.denominator) == (6_220 / 300_000 * 10_000, 300_000)


def test_an_uploaded_report_turns_its_figures_into_values(register, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(User.objects.create_user("uploader", password="a long enough password"))
    response = client.post("/upload/", {"report": SimpleUploadedFile("southend.txt", seed("004").read_bytes())})
    assert response.status_code == 302
    southend = Authority.objects.get(name="Southend-on-Sea")
    value = IndicatorValue.objects.get(authority=southend, indicator="looked_after_rate", source="report")
    assert (value.value, value.period_end) == (68.8, date(2016, 5, 12))
    assert selectors.population_for(authority=southend, day=date(2016, 5, 12)) == 38_216


def test_a_report_stated_population_gives_an_import_its_rates(imported, essex):
    rate = imported.values.get(indicator="looked_after_rate", period_start=YEAR.start, period_end=YEAR.end)
    assert rate.value is None
    inspection = store(make_record(authority="Essex", facts={"children_under_18": 300_000, "as_at": "2024-03-31"}))
    services.on_inspections_stored(None, inspections=[inspection])
    rate.refresh_from_db()
    count = imported.values.get(indicator="looked_after", period_start=YEAR.start, period_end=YEAR.end)
    assert rate.value == pytest.approx(count.value / 300_000 * 10_000)


def test_indicator_series_joins_report_figures_and_quarters(imported, essex):
    store(make_record(authority="Essex", facts={"looked_after": 1_050, "as_at": "2019-03-31"}))
    services.report_figures_sync(authority=essex)
    series = selectors.indicator_series(authority=essex, indicator_id="looked_after", annex_a=True)
    assert [p.source for p in series] == ["report", "annex_a", "annex_a", "annex_a", "annex_a"]
    assert [p.period_end for p in series][-1] == date(2025, 3, 31)
    with pytest.raises(KeyError, match="nonsense"):
        selectors.indicator_series(authority=essex, indicator_id="nonsense", annex_a=True)


def test_quarters_whose_re_referral_look_back_is_before_the_data_have_no_value_and_say_why(client, essex, staff):
    from openpyxl import Workbook

    book = Workbook()
    contacts = book.active
    contacts.title = "List 1"
    contacts.append(["Child Unique ID", "Date of Contact"])
    referrals = book.create_sheet("List 3")
    referrals.append(["Child Unique ID", "Date of Referral"])  # no "Number of Referrals in Last 12 Months"
    for i, day in enumerate(
        [date(2023, 4, 3), date(2023, 9, 1), date(2024, 2, 1), date(2024, 5, 1), date(2024, 6, 3), date(2024, 6, 20)]
    ):
        contacts.append([f"C{i % 3}", day])
        referrals.append([f"C{i % 3}", day])
    contacts.append(["C9", date(2024, 7, 2)])  # the return runs to 2 July 2024: whole quarters to June
    content = io.BytesIO()
    book.save(content)
    dataset = services.annex_a_import(authority=essex, content=content.getvalue(), filename="two-years.xlsx")
    by_quarter = {
        v.period_start: v
        for v in dataset.values.filter(indicator="re_referrals")
        if (v.period_end - v.period_start).days < 93
    }
    assert sorted(by_quarter) == [date(2023, 7, 1), date(2023, 10, 1), date(2024, 1, 1), date(2024, 4, 1)]
    # 1 September 2023 and 1 February 2024 look back to before 3 April 2023, the first referral
    for start in (date(2023, 7, 1), date(2024, 1, 1)):
        assert by_quarter[start].value is None
        assert by_quarter[start].unavailable.startswith(
            "the 12 months before 1 of the period's referrals start before the return's first referral (3 April 2023)"
        )
    # April to June 2024: C0 (13 months after 3 April 2023: no), C1 (9 months after 1 September 2023: yes), C2 (yes)
    assert by_quarter[date(2024, 4, 1)].value == pytest.approx(100 * 2 / 3)
    client.force_login(staff)
    page = client.get("/authorities/essex/indicators/re_referrals/").content.decode()
    assert 'id="gaps-table"' in page and "The 12 months before 1 of the period" in page


def test_comparators_import_is_all_or_nothing(register):
    bad = services.comparators_import(
        text="time_period,area_code,indicator,value\n2024,E92000001,re_referrals,22\n2024,881,re_referrals,lots\n"
    )
    assert bad.stored == 0 and [p.describe() for p in bad.problems] == ["row 3, column “value”: “lots” is not a number"]
    assert ComparatorValue.objects.count() == 0
    good = services.comparators_import(
        text="time_period,area_code,indicator,value\n2024,E92000001,re_referrals,22\n2024,881,re_referrals,19\n"
    )
    assert good.stored == 2 and ComparatorValue.objects.count() == 2


def _comparators(essex):
    lines = ["time_period,area_code,indicator,value", "2025,E92000001,re_referrals,22.4", "2025,E,re_referrals,21.0"]
    lines += [f"2025,{code},re_referrals,{15 + i}" for i, code in enumerate(essex.stat_neighbours)]
    services.comparators_import(text="\n".join(lines))


def test_summary_compares_the_year_figure_with_comparators(imported, essex):
    """Where the authority has no published figure for the year, Inspire's own whole-year figure is compared."""
    _comparators(essex)
    summary = selectors.indicator_summary(authority=essex, indicator=CATALOGUE["re_referrals"], annex_a=True)
    assert len(summary.points) == 4 and summary.direction is not None
    published = selectors.published_summaries(authority=essex, annex_a=True)["re_referrals"]
    year = imported.values.get(indicator="re_referrals", period_start=YEAR.start, period_end=YEAR.end)
    assert published.benchmark.period_end == date(2025, 3, 31) and published.own_from_inspire
    assert published.benchmark.value == pytest.approx(year.value, abs=0.01)
    assert (published.benchmark.england.value, published.benchmark.region.value) == (22.4, 21.0)
    assert published.benchmark.quartile in (1, 2, 3, 4)
    assert published.reading.startswith("Inspire's own figure: ")
    anonymous = selectors.published_summaries(authority=essex, annex_a=False)["re_referrals"]  # Annex A not shown
    assert anonymous.benchmark.value is None and anonymous.benchmark.quartile is None
    assert anonymous.own_not_published == "no figure in the data loaded"


# --- pages ---------------------------------------------------------------------------------------


def test_dashboard_page(client, imported, essex, staff):
    _comparators(essex)
    client.force_login(staff)
    response = client.get("/authorities/essex/indicators/")
    assert response.status_code == 200
    html = response.content.decode()
    for indicator in CATALOGUE.values():
        assert escape(indicator.name) in html
    assert 'role="img"' in html and "Threshold 426 days" in html
    assert "22.4" in html  # England's re-referral rate
    assert "Import a return" in html
    client.logout()
    assert (
        "Import a return" not in client.get("/authorities/essex/indicators/").content.decode()
    )  # not for anonymous visitors


def _viewers(essex):
    """An anonymous visitor, an admin of another council, a viewer of Essex."""
    from inspire.web.accounts.models import Membership

    kent = User.objects.create_user("kent", password="a long enough password")
    Membership.objects.create(user=kent, authority=Authority.objects.get(name="Kent"), role="admin")
    member = User.objects.create_user("essex-viewer", password="a long enough password")
    Membership.objects.create(user=member, authority=essex, role="viewer")
    return {"anonymous": None, "other council": kent, "member": member}


@pytest.mark.parametrize("who, sees", [("anonymous", False), ("other council", False), ("member", True)])
def test_annex_a_figures_are_for_the_authoritys_members_and_report_figures_for_all(client, imported, essex, who, sees):
    store(
        make_record(authority="Essex", facts={"looked_after": 1_139, "looked_after_rate": 38.4, "as_at": "2014-01-31"})
    )
    services.report_figures_sync(authority=essex)
    _comparators(essex)
    user = _viewers(essex)[who]
    if user is not None:
        client.force_login(user)
    quarter = imported.values.get(indicator="looked_after", period_start=date(2025, 1, 1), period_end=YEAR.end)
    shown = CATALOGUE["looked_after"].format(quarter.value)

    dashboard = client.get("/authorities/essex/indicators/").content.decode()
    assert "38.4" in dashboard and "22.4" in dashboard  # a report's figure and England's: published
    assert (imported.filename in dashboard) is sees
    assert ('id="members-only"' in dashboard) is not sees
    detail = client.get("/authorities/essex/indicators/looked_after/").content.decode()
    assert "1,139" in detail and "Inspection report" in detail
    assert (">Annex A return<" in detail) is sees and (f">{shown}<" in detail) is sees
    rereferrals = client.get("/authorities/essex/indicators/re_referrals/").content.decode()
    assert (">Annex A return<" in rereferrals) is sees
    book = load_workbook(io.BytesIO(client.get("/authorities/essex/indicators/export.xlsx").content))
    sources = {row[8] for row in book["Indicators"].iter_rows(min_row=2, values_only=True)}
    assert sources == ({"Annex A return", "Inspection report"} if sees else {"Inspection report"})
    imports = client.get(f"/authorities/essex/indicators/imports/{imported.pk}/")
    assert imports.status_code == (200 if sees else 302 if user is None else 403)


def test_unknown_authority_and_indicator_are_404(client, register):
    assert client.get("/authorities/atlantis/indicators/").status_code == 404
    assert client.get("/authorities/essex/indicators/not_an_indicator/").status_code == 404


def test_cases_behind_a_figure_only_for_authorised_users(client, imported, staff, workbook):
    child = read_annex_a(workbook).referrals[0].child_id
    anonymous = client.get("/authorities/essex/indicators/referrals_nfa/")
    assert anonymous.status_code == 200
    assert "shown only to signed-in members" in anonymous.content.decode()
    assert child not in anonymous.content.decode()
    client.force_login(staff)
    response = client.get(
        "/authorities/essex/indicators/referrals_nfa/?start-day=1&start-month=4&start-year=2024&end-day=31&end-month=3&end-year=2025"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="cases-table"' in html and child in html


def test_a_bad_period_gets_a_message(client, imported, staff):
    client.force_login(staff)
    response = client.get(
        "/authorities/essex/indicators/referrals_nfa/?start-day=31&start-month=2&start-year=2024&end-day=1&end-month=3&end-year=2024"
    )
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()


def test_upload_needs_an_editor_of_the_authority(client, essex):
    from inspire.web.accounts.models import Membership

    assert client.get("/authorities/essex/indicators/import/").status_code == 302  # to sign in
    visitor = User.objects.create_user("visitor", password="a long enough password", is_staff=True)
    client.force_login(visitor)
    assert client.get("/authorities/essex/indicators/import/").status_code == 403  # staff, but not a member
    Membership.objects.create(user=visitor, authority=essex, role="viewer")
    assert client.get("/authorities/essex/indicators/import/").status_code == 403  # a viewer
    Membership.objects.filter(user=visitor).update(role="editor")
    assert client.get("/authorities/essex/indicators/import/").status_code == 200


def test_cases_are_for_members_of_that_authority(client, imported, workbook):
    from inspire.web.accounts.models import Membership

    child = read_annex_a(workbook).referrals[0].child_id
    other = User.objects.create_user("kent", password="a long enough password")
    Membership.objects.create(user=other, authority=Authority.objects.get(name="Kent"), role="admin")
    client.force_login(other)
    assert child not in client.get("/authorities/essex/indicators/referrals_nfa/").content.decode()
    Membership.objects.create(user=other, authority=Authority.objects.get(name="Essex"), role="viewer")
    assert child in client.get("/authorities/essex/indicators/referrals_nfa/").content.decode()


def test_upload_a_workbook_and_see_its_problems(client, register, staff, workbook):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(staff)
    form = client.get("/authorities/essex/indicators/import/").content.decode()
    default = reporting_year(date.today())  # the last whole year to 31 March, offered, not guessed from the data
    assert re.search(rf'name="period-end-year" type="text" inputmode="numeric"\s+value="{default.end.year}"', form)
    assert re.search(r'name="period-start-month" type="text" inputmode="numeric"\s+value="4"', form)
    no_period = client.post(
        "/authorities/essex/indicators/import/", {"workbook": SimpleUploadedFile("essex.xlsx", workbook)}
    )
    assert no_period.status_code == 400 and "Enter start of the reporting period" in no_period.content.decode()
    assert not AnnexAImport.objects.exists()
    period = {
        "period-start-day": "1",
        "period-start-month": "4",
        "period-start-year": "2024",
        "period-end-day": "31",
        "period-end-month": "3",
        "period-end-year": "2025",
    }
    response = client.post(
        "/authorities/essex/indicators/import/", {"workbook": SimpleUploadedFile("essex.xlsx", workbook), **period}
    )
    dataset = AnnexAImport.objects.get()
    assert response.status_code == 302 and response.url == f"/authorities/essex/indicators/imports/{dataset.pk}/"
    assert (dataset.period_start, dataset.period_end) == (YEAR.start, YEAR.end)
    periods = sorted({(v.period_start, v.period_end) for v in dataset.values.all()})
    assert periods == [
        (date(2024, 4, 1), date(2024, 6, 30)),
        (date(2024, 4, 1), date(2025, 3, 31)),
        (date(2024, 7, 1), date(2024, 9, 30)),
        (date(2024, 10, 1), date(2024, 12, 31)),
        (date(2025, 1, 1), date(2025, 3, 31)),
    ]
    page = client.get(response.url).content.decode()
    assert (
        "List 11 (adopters)" in page
        and f'<td class="govuk-table__cell govuk-table__cell--numeric">{dataset.row_counts["adopters"]:,}</td>' in page
    )
    assert dataset.row_counts["adopters"] > 0
    assert "Problems found" in page and "The row has values but no child ID" in page
    bad = client.post(
        "/authorities/essex/indicators/import/", {"workbook": SimpleUploadedFile("notes.xlsx", b"just text"), **period}
    )
    assert bad.status_code == 400 and "could not be read" in bad.content.decode()


def test_population_form(client, imported, staff):
    client.force_login(staff)
    bad = client.post(
        "/authorities/essex/indicators/population/",
        {"under-18": "lots", "as-at-day": "30", "as-at-month": "6", "as-at-year": "2024"},
    )
    assert bad.status_code == 400 and "must be a whole number above 0" in bad.content.decode()
    good = client.post(
        "/authorities/essex/indicators/population/",
        {"under-18": "300,000", "as-at-day": "30", "as-at-month": "6", "as-at-year": "2024"},
    )
    assert good.status_code == 302
    assert imported.values.get(indicator="cp_rate", period_start=YEAR.start, period_end=YEAR.end).value is not None


def test_excel_export_holds_figures_and_no_child_ids(client, imported, workbook, staff):
    client.force_login(staff)
    response = client.get("/authorities/essex/indicators/export.xlsx")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Indicators", "Definitions"]
    cells = {
        str(c) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row if c is not None
    }
    lists = read_annex_a(workbook)
    children = {r.child_id for key in lists.LIST_KEYS for r in lists.rows(key)}
    assert not cells & children
    assert "Re-referrals within 12 months" in cells


def test_comparators_page_is_for_staff(client, staff):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(staff)
    response = client.post(
        "/indicators/comparators/",
        {
            "comparators": SimpleUploadedFile(
                "c.csv", b"time_period,area_code,indicator,value\n2024,E92000001,re_referrals,22\n"
            )
        },
    )
    assert response.status_code == 302 and ComparatorValue.objects.count() == 1
    bad = client.post(
        "/indicators/comparators/",
        {
            "comparators": SimpleUploadedFile(
                "c.csv", b"time_period,area_code,indicator,value\n2024,XX,re_referrals,22\n"
            )
        },
    )
    assert bad.status_code == 400 and "is not England, a region or a local authority" in bad.content.decode()


@pytest.mark.parametrize(
    "today, start, end",
    [
        (date(2026, 12, 3), date(2025, 4, 1), date(2026, 3, 31)),
        (
            date(2026, 3, 31),
            date(2024, 4, 1),
            date(2025, 3, 31),
        ),  # the year ending today is not complete until tomorrow
        (date(2026, 4, 1), date(2025, 4, 1), date(2026, 3, 31)),
    ],
)
def test_the_default_reporting_period_is_the_last_whole_year_to_31_march(today, start, end):
    assert reporting_year(today) == Period(start, end)


def test_a_reporting_period_gives_its_quarters_and_itself():
    assert reporting_periods(Period(date(2024, 5, 15), date(2025, 3, 31))) == [
        Period(date(2024, 7, 1), date(2024, 9, 30)),
        Period(date(2024, 10, 1), date(2024, 12, 31)),
        Period(date(2025, 1, 1), date(2025, 3, 31)),
        Period(date(2024, 5, 15), date(2025, 3, 31)),
    ]
    assert reporting_periods(Period(date(2024, 4, 1), date(2024, 6, 30))) == [
        Period(date(2024, 4, 1), date(2024, 6, 30))
    ]


def test_an_import_for_a_period_its_cases_do_not_cover_says_so(client, register, staff, workbook):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(staff)
    period = {
        "period-start-day": "1",
        "period-start-month": "4",
        "period-start-year": "2025",
        "period-end-day": "31",
        "period-end-month": "3",
        "period-end-year": "2026",
    }
    response = client.post(
        "/authorities/essex/indicators/import/",
        {"workbook": SimpleUploadedFile("essex.xlsx", workbook), **period},
        follow=True,
    )
    page = response.content.decode()
    assert "was imported for 1 April 2025 to 31 March 2026." in page
    assert (
        "The return&#x27;s cases run from" in page
        and "figures for the parts of the period it does not cover are missing or partial" in page
    )
