"""The national picture a director can present: charts with their tables, drill-down, coverage,
the official statistics' figures, reconciliation, and themes across authorities."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from inspire.web.see import national, official
from tests.web.factories import make_record, store

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored(register):
    """Barnet's two ILACS inspections as the official record has them (the second with one grade
    misread), and two SIF reports for Essex and Kent with recommendations."""
    first = store(
        make_record(
            authority="Barnet",
            inspection_start=date(2019, 5, 13),
            inspection_end=date(2019, 5, 24),
            judgements={
                "overall": "good",
                "leadership": "good",
                "help_and_protection": "good",
                "children_in_care": "good",
            },
            recommendations=[("la", "The quality of return home interviews for children missing from care.")],
        )
    )
    second = store(
        make_record(
            authority="Barnet",
            inspection_start=date(2024, 6, 10),
            inspection_end=date(2024, 6, 14),
            judgements={
                "overall": "good",
                "leadership": "good",
                "help_and_protection": "good",
                "children_in_care": "good",
                "care_leavers": "good",
            },
        )
    )
    essex = store(
        make_record(
            authority="Essex",
            family="sif",
            inspection_start=date(2014, 1, 14),
            inspection_end=date(2014, 2, 5),
            published=date(2014, 3, 20),
            judgements={"overall": "requires_improvement"},
            recommendations=[
                ("la", "Ensure that all children who go missing are offered a return home interview."),
                ("la", "Improve the recruitment and retention of social workers."),
            ],
        )
    )
    kent = store(
        make_record(
            authority="Kent",
            family="sif",
            inspection_start=date(2015, 1, 14),
            inspection_end=date(2015, 2, 5),
            published=date(2015, 3, 20),
            judgements={"overall": "inadequate"},
            recommendations=[("la", "The take-up of return home interviews for children missing from home.")],
        )
    )
    kent_later = store(
        make_record(
            authority="Kent",
            family="sif",
            inspection_start=date(2017, 1, 14),
            inspection_end=date(2017, 2, 5),
            published=date(2017, 3, 20),
            judgements={"overall": "good"},
        )
    )
    return {"barnet": (first, second), "essex": essex, "kent": (kent, kent_later)}


def test_national_page_has_each_chart_with_its_table_and_download(client, stored):
    html = client.get("/national/", {"as-at-day": "1", "as-at-month": "1", "as-at-year": "2025"}).content.decode()
    for chart in ("regions-chart", "share-chart", "flow-chart"):
        assert f'id="{chart}"' in html and 'role="img"' in html
        assert f'id="{chart}-title"' in html and f'id="{chart}-desc"' in html
    for table in ("distribution-table", "share-table", "transitions-table"):
        assert f'id="{table}"' in html
    for chart in ("regions", "share", "transitions"):
        response = client.get(
            f"/national/charts/{chart}.csv",
            {"as-at-day": "1", "as-at-month": "1", "as-at-year": "2025", "area": "overall"},
        )
        assert response.status_code == 200
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert len(rows) > 1


def test_every_count_links_to_the_authorities_behind_it(client, stored):
    html = client.get("/national/", {"as-at-day": "1", "as-at-month": "1", "as-at-year": "2025"}).content.decode()
    assert (
        "/national/authorities/?as-at-day=1&amp;as-at-month=1&amp;as-at-year=2025&amp;area=overall&amp;grade=good&amp;region=London"
        in html
    )
    page = client.get(
        "/national/authorities/",
        {"as-at-day": "1", "as-at-month": "1", "as-at-year": "2025", "area": "overall", "grade": "good"},
    )
    text = page.content.decode()
    assert page.status_code == 200
    assert "Barnet" in text and "Kent" in text and "Essex" not in text
    # as at an earlier date, Kent was inadequate
    earlier = client.get(
        "/national/authorities/", {"as-at-day": "1", "as-at-month": "1", "as-at-year": "2016", "grade": "inadequate"}
    ).content.decode()
    assert "Kent" in earlier and "Barnet" not in earlier


def test_share_over_time_counts_each_quarter(stored):
    shares = national.share_over_time(area="overall", last=date(2017, 12, 31))
    by_day = {s.as_at: s for s in shares[None]}
    assert (by_day[date(2014, 3, 31)].judged, by_day[date(2014, 3, 31)].good_or_outstanding) == (1, 0)
    assert (by_day[date(2015, 3, 31)].judged, by_day[date(2015, 3, 31)].good_or_outstanding) == (2, 0)
    assert (by_day[date(2017, 3, 31)].judged, by_day[date(2017, 3, 31)].good_or_outstanding) == (2, 1)
    assert by_day[date(2017, 3, 31)].percent == 50
    assert "London" not in {k for k in shares if shares[k][-1].judged} - {None, "South East", "East of England"}


def test_coverage_says_how_much_the_store_holds(client, stored):
    coverage = official.coverage()
    assert coverage.authorities == 153
    assert coverage.with_inspection == 3
    assert coverage.latest == date(2024, 6, 10)
    html = client.get("/national/").content.decode()
    assert "3 of the 153 local authorities" in html
    assert "10 June 2024" in html


def test_reconciliation_lists_missing_and_differing(client, stored):
    result, _ = official.reconciliation()
    assert result.matched == 2
    assert any(m.name == "Barking and Dagenham" for m in result.missing)
    assert [(d.field, d.official_value, d.stored_value) for d in result.differences] == [
        ("judgements.children_in_care", "outstanding", "good")
    ]
    html = client.get("/national/reconciliation/").content.decode()
    assert "The experiences and progress of children in care" in html or "children in care" in html.lower()
    assert "Outstanding" in html and f"/inspections/{stored['barnet'][1].pk}/" in html


def test_official_figures_and_changes(client, stored):
    figures = national.official_figures(as_at=date(2025, 3, 31), areas=["overall"])
    england = next(row for row in figures.shares["overall"] if row[0] is None)
    assert england[1:3] == (3, 2)
    changes = figures.changes
    assert [a.name for a in changes["sif"]["improved"]] == ["Kent"]
    assert [a.name for a in changes["ilacs"]["kept_good"]] == ["Barnet"]
    html = client.get(
        "/national/official/", {"as-at-day": "31", "as-at-month": "3", "as-at-year": "2025"}
    ).content.decode()
    assert "Stayed good or outstanding" in html and "Kent" in html


def test_transitions_framework_filter(stored):
    assert national.grade_transitions(area="overall", family="sif").counts["inadequate"]["good"] == 1
    assert national.grade_transitions(area="overall", family="ilacs").counts["inadequate"]["good"] == 0


def test_themes_pages_and_similar_recommendations(client, stored):
    html = client.get("/themes/").content.decode()
    assert "Children missing from home or care, and return home interviews" in html
    detail = client.get("/themes/missing_return_interviews/").content.decode()
    assert "Barnet" in detail and "Essex" in detail and "Kent" in detail
    assert client.get("/themes/no-such-theme/").status_code == 404
    from inspire.web.read.models import Recommendation

    essex_rhi = Recommendation.objects.get(text__startswith="Ensure that all children who go missing")
    similar = client.get(f"/recommendations/{essex_rhi.pk}/similar/").content.decode()
    # given to other authorities, with how each authority's next inspection went
    assert "Barnet" in similar and "Kent" in similar
    kent_row = similar[similar.index("Kent") :]
    assert "Good" in kent_row[:2000]


def test_themes_export_has_every_item(client, stored):
    response = client.get("/exports/themes.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 1 + 4
    assert any("Workforce" in row[5] for row in rows[1:])


def test_authority_page_shows_grades_beside_peers_themes_and_similar_links(client, stored):
    html = client.get("/authorities/kent/").content.decode()
    assert 'id="peers-chart"' in html and 'id="peers-table"' in html
    assert "Statistical neighbours" in html
    assert "Children missing from home or care" in html
    from inspire.web.read.models import Recommendation

    rec = Recommendation.objects.get(inspection__authority__name="Kent")
    assert f"/recommendations/{rec.pk}/similar/" in html


def test_api_gives_coverage_themes_similar_official_and_reconciliation(client, stored):
    coverage = client.get("/api/national/coverage").json()
    assert (coverage["authorities"], coverage["with_inspection"], coverage["latest"]) == (153, 3, "2024-06-10")
    themes = client.get("/api/themes").json()
    assert themes["items"] == 4
    assert themes["themes"][0]["id"] == "missing_return_interviews" and themes["themes"][0]["authorities"] == 3
    detail = client.get("/api/themes/missing_return_interviews").json()
    assert sorted(t["authority"] for t in detail["told"]) == ["Barnet", "Essex", "Kent"]
    assert client.get("/api/themes/nothing").status_code == 404
    from inspire.web.read.models import Recommendation

    essex = Recommendation.objects.get(text__startswith="Ensure that all children who go missing")
    similar = client.get(f"/api/recommendations/{essex.pk}/similar").json()
    assert similar["themes"] == ["missing_return_interviews"]
    kent = next(s for s in similar["similar"] if s["item"]["authority"] == "Kent")
    assert kent["next_grade"] == "good" and kent["next_inspection_id"] == stored["kent"][1].pk
    assert all(s["item"]["authority"] != "Essex" for s in similar["similar"])
    official_figures = client.get("/api/national/official", {"as_at": "2025-03-31"}).json()
    assert {"family": "sif", "change": "improved"}.items() <= next(
        c for c in official_figures["changes"] if c["change"] == "improved"
    ).items()
    rec = client.get("/api/national/reconciliation").json()
    assert rec["matched"] == 2 and rec["differences"][0]["field"] == "judgements.children_in_care"
    behind = client.get("/api/national/authorities", {"as_at": "2016-01-01", "grade": "inadequate"}).json()
    assert [b["authority"]["name"] for b in behind] == ["Kent"]
    series = client.get("/api/national/share-over-time", {"last": "2015-03-31"}).json()
    assert series[0]["region"] is None and series[0]["points"][-1]["judged"] == 2
    moved = client.get("/api/national/transitions", {"family": "ilacs"}).json()
    assert moved["total"] == 1


def test_similar_table_alone_for_a_plan_item(client, stored):
    from inspire.web.read.models import Recommendation

    rec = Recommendation.objects.get(text__startswith="Ensure that all children who go missing")
    part = client.get(f"/recommendations/{rec.pk}/similar/", {"part": "table"}).content.decode()
    assert part.lstrip().startswith("<table") and "<html" not in part


def test_home_page_says_when_it_holds_only_the_packaged_sample(client, register):
    from inspire import sample
    from inspire.core.reading import read_path
    from inspire.core.reading.documents import load_document
    from inspire.web.read.services import inspection_store

    path = next(p for p in sorted(sample.REPORTS.iterdir()) if p.suffix == ".txt")
    content = path.read_bytes()
    inspection_store(record=read_path(path), document=load_document(content, path.name), content=content)
    assert "packaged sample" in client.get("/").content.decode()
    store(make_record(authority="Kent"))
    assert "packaged sample" not in client.get("/").content.decode()


def test_official_load_cli_uses_a_newer_edition(tmp_path, settings, db):
    from typer.testing import CliRunner

    from inspire.cli import app

    settings.DATA_DIR = tmp_path
    packaged = official.outcomes()
    source = next((__import__("pathlib").Path(official.__file__).parents[2] / "core" / "data").glob("*.ods"))
    result = CliRunner().invoke(app, ["official", "load", str(source)])
    assert result.exit_code == 0, result.output
    assert "271 inspections" in result.output and "Inspire now uses it" in result.output
    assert "loaded with inspire official load" in official.source()
    assert official.outcomes().inspections == packaged.inspections
    bad = tmp_path / "other.ods"
    bad.write_bytes(b"nothing")
    result = CliRunner().invoke(app, ["official", "load", str(bad)])
    assert result.exit_code == 2 and "could not be opened as a spreadsheet" in result.output
