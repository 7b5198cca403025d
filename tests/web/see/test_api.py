"""The JSON API: lists, details, filters, paging, and one error shape for 404 and 422."""

from __future__ import annotations

from datetime import date

import pytest

from tests.web.factories import make_record, store

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored(register):
    old = store(
        make_record(
            authority="Essex",
            family="sif",
            inspection_start=date(2014, 1, 6),
            inspection_end=date(2014, 1, 30),
            published=date(2014, 3, 11),
            judgements={"overall": "requires_improvement", "lscb": "good"},
        )
    )
    new = store(
        make_record(
            authority="Essex",
            family="ilacs",
            inspection_start=date(2019, 10, 7),
            inspection_end=date(2019, 10, 18),
            judgements={"overall": "outstanding", "help_and_protection": "outstanding"},
            recommendations=[("la", "Improve private fostering."), ("la", "Strengthen return home interviews.")],
            facts={"looked_after": 1070},
        ),
        pages=["Essex inspection. Private fostering is improving.", "Overall effectiveness: outstanding"],
    )
    kent = store(
        make_record(
            authority="Kent",
            family="ilacs",
            inspection_start=date(2022, 5, 9),
            inspection_end=date(2022, 5, 20),
            judgements={"overall": "good"},
        )
    )
    return {"old": old, "new": new, "kent": kent}


def test_authority_list_paginates(client, stored):
    body = client.get("/api/authorities", {"limit": 5, "offset": 5}).json()
    assert body["count"] > 100 and body["limit"] == 5 and body["offset"] == 5 and len(body["items"]) == 5
    names = [a["name"] for a in client.get("/api/authorities", {"limit": 100}).json()["items"]]
    assert names == sorted(names)
    assert [a["name"] for a in client.get("/api/authorities", {"q": "esse"}).json()["items"]] == ["Essex"]


def test_authority_detail_by_slug_or_urn(client, stored):
    by_slug = client.get("/api/authorities/essex").json()
    by_urn = client.get(f"/api/authorities/{by_slug['ofsted_urn']}").json()
    assert by_slug == by_urn
    assert [i["inspection_start"] for i in by_slug["inspections"]] == ["2019-10-07", "2014-01-06"]
    assert by_slug["inspections"][0]["grades"] == {"overall": "outstanding", "help_and_protection": "outstanding"}
    assert len(by_slug["neighbours"]) == 10


def test_inspection_list_filters(client, stored):
    def ids(**params):
        return [i["id"] for i in client.get("/api/inspections", params).json()["items"]]

    assert ids() == [stored["kent"].pk, stored["new"].pk, stored["old"].pk]
    assert ids(authority="essex") == [stored["new"].pk, stored["old"].pk]
    assert ids(family="sif") == [stored["old"].pk]
    assert ids(grade="good") == [stored["kent"].pk, stored["old"].pk]
    assert ids(region="South East") == [stored["kent"].pk]
    assert ids(date_from="2015-01-01", date_to="2020-01-01") == [stored["new"].pk]
    apa = store(
        make_record(
            authority="Derby", family="apa", inspection_start=None, inspection_end=None, published=date(2007, 12, 19)
        )
    )
    assert ids(date_to="2010-01-01") == [apa.pk]
    assert ids()[-1] == apa.pk  # the oldest, placed by its publication date


def test_inspection_detail_has_judgements_recommendations_and_provenance(client, stored):
    body = client.get(f"/api/inspections/{stored['new'].pk}").json()
    assert body["authority"]["slug"] == "essex" and body["family"] == "ilacs"
    assert body["effective_date"] == "2019-10-18"
    assert {j["area"]: j["grade"] for j in body["judgements"]} == {
        "overall": "outstanding",
        "help_and_protection": "outstanding",
    }
    assert body["judgements"][0]["page"] == 1 and body["judgements"][0]["quote"]
    assert [r["text"] for r in body["recommendations"]] == [
        "Improve private fostering.",
        "Strengthen return home interviews.",
    ]
    assert body["provenance"]["judgements.overall"]["page"] == 1
    assert body["facts"] == {"looked_after": 1070}
    assert body["document"]["page_count"] == 2 and body["document"]["url"].endswith("/document/")


def test_judgements_and_recommendations(client, stored):
    judgements = client.get("/api/judgements", {"area": "overall"}).json()
    assert [j["grade"] for j in judgements["items"]] == ["good", "outstanding", "requires_improvement"]
    assert client.get("/api/judgements", {"area": "lscb", "grade": "good"}).json()["count"] == 1
    recs = client.get("/api/recommendations", {"authority": "essex", "q": "fostering"}).json()
    assert [r["ordinal"] for r in recs["items"]] == [1] and recs["items"][0]["inspection_id"] == stored["new"].pk


def test_search(client, stored):
    body = client.get("/api/search", {"q": "private fostering"}).json()
    assert body["total"] == 1 and body["hits"][0]["authority"] == "Essex"
    assert "<mark>Private</mark> <mark>fostering</mark>" in body["hits"][0]["snippet"]
    assert client.get("/api/search", {"q": '"(unbalanced NEAR'}).status_code == 200


def test_national_distribution_and_transitions(client, stored):
    body = client.get("/api/national/distribution", {"as_at": "2020-01-01"}).json()
    assert body["national"]["total"] == 1 and body["national"]["sentence"] == "1 inspected: 100% outstanding"
    assert sum(g["shown_percent"] for g in body["national"]["grades"]) == 100
    later = client.get("/api/national/distribution", {"as_at": "2023-01-01", "region": "South East"}).json()
    assert [d["region"] for d in later["regions"]] == ["South East"] and later["national"]["total"] == 1
    waits = client.get("/api/national/time-since-inspection", {"as_at": "2020-01-01"}).json()
    assert (
        waits[0]["authority"]["slug"] == "essex"
        and waits[0]["days"] == 75
        and waits[0]["last_inspection_id"] == stored["new"].pk
    )
    assert all(w["days"] is None for w in waits[1:])
    transitions = client.get("/api/national/transitions").json()
    assert transitions["counts"]["requires_improvement"]["outstanding"] == 1 and transitions["total"] == 1


@pytest.mark.parametrize(
    "url",
    [
        "/api/authorities/nowhere",
        "/api/authorities/99999999",
        "/api/inspections/999999",
        "/api/inspections?authority=nowhere",
        "/api/national/distribution?area=everything",
    ],
)
def test_unknown_ids_are_404_json(client, stored, url):
    response = client.get(url)
    assert response.status_code == 404
    body = response.json()
    assert body["errors"] == [] and body["detail"].startswith(
        ("No local authority", "No inspection", "No judgement area")
    )


def test_addresses_no_endpoint_answers_are_404_json(client, register):
    response = client.get("/api/no-such-thing/12")
    assert response.status_code == 404 and response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "No API endpoint answers /api/no-such-thing/12", "errors": []}


@pytest.mark.parametrize(
    "url, location",
    [
        ("/api/authorities?limit=0", "query.limit"),
        ("/api/authorities?limit=1000", "query.limit"),
        ("/api/inspections?family=unknown", "query.family"),
        ("/api/inspections?date_from=2020-02-30", "query.date_from"),
        ("/api/inspections/abc", "path.inspection_id"),
        ("/api/national/distribution?as_at=yesterday", "query.as_at"),
        ("/api/national/distribution?area=Not-a-key", "query.area"),
        ("/api/national/distribution?region=Atlantis", "query.region"),
        ("/api/search", "query.q"),
        ("/api/search?q=x&per_page=101", "query.per_page"),
    ],
)
def test_bad_parameters_are_422_with_the_field_named(client, stored, url, location):
    response = client.get(url)
    assert response.status_code == 422
    body = response.json()
    assert location in [e["location"] for e in body["errors"]], body
    assert location in body["detail"]


def test_openapi_schema(client, register):
    schema = client.get("/api/openapi.json").json()
    assert schema["info"]["title"] == "Inspire API"
    assert {"/api/authorities", "/api/inspections/{inspection_id}", "/api/search", "/api/national/distribution"} <= set(
        schema["paths"]
    )


def test_judgements_come_in_the_pages_order_of_areas(client, register):
    order = ["overall", "help_and_protection", "children_in_care", "care_leavers", "adoption", "leadership", "lscb"]
    stored_order = [
        "lscb",
        "adoption",
        "care_leavers",
        "leadership",
        "children_in_care",
        "overall",
        "help_and_protection",
    ]
    inspection = store(
        make_record(
            authority="Leeds",
            family="ilacs",
            inspection_start=date(2022, 5, 9),
            judgements={area: "good" for area in stored_order},
        )
    )
    detail = client.get(f"/api/inspections/{inspection.pk}").json()
    assert [j["area"] for j in detail["judgements"]] == order
    assert list(detail["grades"]) == order
    assert [i["area"] for i in client.get("/api/judgements").json()["items"]] == order
    assert list(client.get("/api/inspections").json()["items"][0]["grades"]) == order
