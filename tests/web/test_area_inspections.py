"""Area inspections (JTAI letters, area SEND reports) stored beside the council's children's
services inspections: read from real reports, shown everywhere a report shows, and never taken
for a children's services judgement (the latest inspection, grade distributions, time since)."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import pytest

from inspire.core.reading import read_document
from inspire.core.reading.documents import load_path
from inspire.web.read.selectors import authority_latest
from inspire.web.read.services import inspection_store
from inspire.web.see import national
from tests.conftest import SHARED

pytestmark = pytest.mark.django_db

AREA = SHARED / "corpus" / "area" / "reports"
MAIN = SHARED / "corpus" / "reports"
#: Lancashire's reports: SIF 2015, ILACS 2022, JTAI 2024 (serious youth violence), area SEND 2024 (outcome 3)
LANCASHIRE = {
    "sif": MAIN / "4e0d46e3df4b.pdf",
    "ilacs": MAIN / "3dfbf7c410d7.pdf",
    "jtai": AREA / "67a9350b6892.pdf",
    "send_2023": AREA / "aad00470946e.pdf",
}


def store_file(path):
    document = load_path(path)
    record = read_document(document)
    return inspection_store(record=record, document=document, content=path.read_bytes()).inspection


@pytest.fixture
def lancashire(register, shared):
    return {family: store_file(path) for family, path in LANCASHIRE.items()}


def test_area_inspections_are_stored_with_their_own_values(lancashire):
    jtai, send = lancashire["jtai"], lancashire["send_2023"]
    assert (jtai.family, jtai.theme, jtai.letter_date) == ("jtai", "serious youth violence", date(2024, 5, 16))
    assert (send.family, send.outcome) == ("send_2023", "3")
    assert (
        send.next_inspection
        == "monitoring inspection within approximately 18 months; full inspection within approximately 3 years"
    )
    priority = list(send.recommendations.filter(kind="priority"))
    assert [r.ordinal for r in priority] == [1, 2, 3]
    assert all(r.section == "area" and r.agency for r in priority)
    assert not send.judgements.exists() and not jtai.judgements.exists()


def test_an_area_inspection_never_replaces_the_latest_childrens_services_inspection(lancashire):
    authority = lancashire["ilacs"].authority
    [latest] = authority_latest(authorities=[authority])
    assert latest.inspection == lancashire["ilacs"]  # not the later JTAI or SEND inspection
    waits = {row.authority.pk: row for row in national.time_since_last_inspection(as_at=date(2025, 6, 1))}
    assert waits[authority.pk].inspection == lancashire["ilacs"]
    picture = national.grade_distribution(as_at=date(2025, 6, 1))
    assert picture.national.total == 1  # Lancashire's ILACS overall grade, counted once


def test_authority_timeline_shows_every_kind_in_its_own_shape(client, lancashire):
    html = client.get(f"/authorities/{lancashire['ilacs'].authority.slug}/").content.decode()
    timeline = re.search(r'<svg[^>]*id="timeline-chart".*?</svg>', html, re.S).group(0)
    for shape in ("circle", "square", "triangle", "diamond"):  # ILACS, SIF, JTAI, area SEND
        assert f'class="inspire-timeline__{shape}"' in timeline
    for legend in (
        "ILACS (2018 on)",
        "SIF and LSCB reviews (2013-18)",
        "Joint targeted area inspection",
        "Area SEND inspection",
    ):
        assert legend in timeline
    assert "Outcome 3 (no graded judgement)" in html
    assert "Priority action</strong>" in html


def test_send_inspection_page_gives_outcome_leads_and_priority_actions_with_evidence(client, lancashire):
    send = lancashire["send_2023"]
    html = client.get(f"/inspections/{send.pk}/").content.decode()
    assert "3: widespread and/or systemic failings" in html
    assert "Sue Eastwood, Dan Carrick" in html
    assert "Areas for priority action" in html and "responsible body:" in html
    assert html.count('id="priority-items"') == 1 and html.index('id="priority-items"') < html.index(
        'id="improvement-items"'
    )
    assert "The report sets no date" in html
    item = send.recommendations.filter(kind="priority").first()
    evidence = client.get(f"/inspections/{send.pk}/evidence/?recommendation={item.pk}")
    assert evidence.status_code == 200 and 'id="quote"' in evidence.content.decode()
    assert "Area for priority action 1" in evidence.content.decode()


def test_jtai_page_quotes_the_date_the_letter_sets(client, lancashire):
    jtai = lancashire["jtai"]
    html = client.get(f"/inspections/{jtai.pk}/").content.decode()
    assert "Serious youth violence" in html
    deadline = jtai.record["plan_deadline"]
    assert deadline and date.fromisoformat(deadline) > jtai.letter_date
    evidence = client.get(f"/inspections/{jtai.pk}/evidence/?key=plan_deadline").content.decode()
    assert "written statement of action" in evidence.lower()


def test_national_page_has_send_outcomes_by_region_and_jtai_themes_by_year(client, lancashire):
    html = client.get("/national/?as-at-day=1&as-at-month=6&as-at-year=2025").content.decode()
    table = re.search(r'id="send-outcomes-table".*?</table>', html, re.S).group(0)
    north_west = re.search(r"North West</th>(.*?)</tr>", table, re.S).group(1)
    assert re.findall(r">(\d+)<", north_west)[:3] == ["0", "0", "1"]
    themes = re.search(r'id="jtai-themes-table".*?</table>', html, re.S).group(0)
    assert "2024" in themes and "Serious youth violence" in themes
    before = client.get("/national/?as-at-day=1&as-at-month=1&as-at-year=2024").content.decode()
    assert "No joint targeted area inspection ended on or before 1 January 2024 is stored." in before


def test_api_gives_area_values_and_items(client, lancashire):
    send = lancashire["send_2023"]
    body = client.get(f"/api/inspections/{send.pk}").json()
    assert body["outcome"] == "3" and body["outcome_wording"] == "widespread and/or systemic failings"
    assert body["lead_inspectors"] == ["Sue Eastwood", "Dan Carrick"]
    assert body["plan_deadline"] is None
    kinds = [r["kind"] for r in body["recommendations"]]
    assert kinds == sorted(kinds, key=lambda k: k != "priority")  # priority actions first
    listed = client.get("/api/inspections?family=jtai").json()
    assert [i["theme"] for i in listed["items"]] == ["serious youth violence"]
    area_items = client.get("/api/recommendations?section=area").json()
    assert area_items["count"] == send.recommendations.count() + lancashire["jtai"].recommendations.count()


def test_history_export_has_theme_and_outcome(client, lancashire):
    response = client.get("/exports/history.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    by_framework = {row["Framework"]: row for row in rows}
    assert by_framework["Joint targeted area inspection (JTAI, from 2016)"]["Theme (JTAI)"] == "serious youth violence"
    assert (
        by_framework["Area SEND inspection (from 2023)"]["Outcome (area SEND)"]
        == "3: Widespread and/or systemic failings"
    )


def test_search_finds_words_of_area_reports(client, lancashire):
    html = client.get("/search/?q=serious+youth+violence&family=jtai").content.decode()
    assert f"/inspections/{lancashire['jtai'].pk}/" in html
