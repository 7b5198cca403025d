"""Two people editing the same part of a plan at once: each save checks the version its editor
read, a stale one is refused (a GOV.UK error on the form keeping what was typed, HTTP 409 from
the API) and nothing is lost or audited that did not happen."""

from __future__ import annotations

import json
import re
import threading
from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from inspire.web.accounts.services import person_get_or_create
from inspire.web.improve import services
from inspire.web.improve.models import Action, AuditEntry, Milestone, Risk

pytestmark = pytest.mark.django_db

LEAD = "Head of Children's Services"
OTHER_LEAD = "Principal Social Worker"
FIRST_TEXT = "Identify and adopt a model of practice."


@pytest.fixture
def plan(southend_inspection, users):
    editor = users["southend_editor"]
    plan = services.plan_create(inspection=southend_inspection, created_by=editor)
    person_get_or_create(authority=plan.authority, name=LEAD)
    person_get_or_create(authority=plan.authority, name=OTHER_LEAD)
    action = services.action_create(item=plan.items.get(ref="1"), user=editor, text=FIRST_TEXT)
    services.milestone_create(action=action, user=editor, text="Research of options.", target_date=date(2016, 9, 30))
    services.risk_create(plan=plan, user=editor, description="Resources not available", impact="H", likelihood="M")
    return plan


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def form_version(html: str) -> str:
    found = re.search(r'<input type="hidden" name="version" value="(\d+)">', html)
    assert found, "the form carries no version"
    return found.group(1)


def patch(client: Client, url: str, body) -> tuple[int, dict]:
    response = client.patch(url, data=json.dumps(body), content_type="application/json")
    return response.status_code, response.json()


def action_form(action: Action, **changes) -> dict:
    """The action's edit form as its page fills it, with ``changes`` typed in."""
    target = action.target_date
    return {
        "text": action.text,
        "lead": action.lead.name if action.lead else "",
        "timescale": action.timescale,
        "target-day": str(target.day) if target else "",
        "target-month": str(target.month) if target else "",
        "target-year": str(target.year) if target else "",
        **changes,
    }


def test_stale_action_form_is_refused_showing_the_other_change_and_keeping_what_was_typed(plan, users):
    action = Action.objects.get(item__plan=plan)
    url = reverse("plans:action_edit", args=[plan.pk, action.pk])
    dana, sam = signed_in(users["southend_editor"]), signed_in(users["southend_admin"])
    dana_version, sam_version = (
        form_version(dana.get(url).content.decode()),
        form_version(sam.get(url).content.decode()),
    )
    assert dana_version == sam_version == "1"

    # Dana changes the words; Sam, from the form he opened before, changes the lead.
    assert dana.post(url, action_form(action, text="Adopt Signs of Safety.", version=dana_version)).status_code == 302
    response = sam.post(url, action_form(action, lead=LEAD, timescale="Quarterly from March 2017", version=sam_version))
    html = response.content.decode()
    assert response.status_code == 409
    assert "There is a problem" in html and "Someone else changed this action while you were editing it" in html
    assert "southend_editor" in html and "Adopt Signs of Safety." in html  # who, and the words now stored
    assert f"<option selected>{LEAD}</option>" in html.replace("&#x27;", "'")  # Sam's own input is kept
    assert 'value="Quarterly from March 2017"' in html
    assert form_version(html) == "2"  # saving again now is a choice made knowing Dana's change

    action.refresh_from_db()
    assert (action.text, action.lead, action.version) == ("Adopt Signs of Safety.", None, 2)  # Dana's change stands
    assert not AuditEntry.objects.filter(object_type="Action", action="update", user=users["southend_admin"]).exists()

    # Sam keeps Dana's words and saves his lead against the version he has now seen.
    response = sam.post(url, action_form(action, lead=LEAD, version="2"))
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.text, action.lead.name, action.version) == ("Adopt Signs of Safety.", LEAD, 3)


def test_stale_api_patch_gets_409_with_the_stored_version_and_values(plan, users):
    action = Action.objects.get(item__plan=plan)
    url = f"/api/plans/{plan.pk}/actions/{action.pk}"
    dana, sam = signed_in(users["southend_editor"]), signed_in(users["southend_admin"])
    read = dana.get(f"/api/plans/{plan.pk}").json()
    version = next(a for i in read["items"] for a in i["actions"] if a["id"] == action.pk)["version"]
    assert version == 1

    status, body = patch(dana, url, {"version": version, "text": "Adopt Signs of Safety."})
    assert (status, body["version"], body["text"]) == (200, 2, "Adopt Signs of Safety.")
    status, body = patch(sam, url, {"version": version, "lead": LEAD})
    assert status == 409
    assert body["detail"].startswith("Someone else changed this action while you were editing it")
    assert body["errors"] == [] and body["version"] == 2
    assert body["current"]["text"] == "Adopt Signs of Safety." and body["current"]["lead"] == ""
    assert [(c["by"], c["field"], c["after"]) for c in body["changes"]] == [
        ("southend_editor", "text", "Adopt Signs of Safety.")
    ]
    action.refresh_from_db()
    assert action.lead is None and action.version == 2
    assert not AuditEntry.objects.filter(object_type="Action", user=users["southend_admin"]).exists()

    # Against the version it now has, Sam's PATCH changes the lead and only the lead.
    status, body = patch(sam, url, {"version": 2, "lead": LEAD})
    assert (status, body["version"], body["text"], body["lead"]) == (200, 3, "Adopt Signs of Safety.", LEAD)


def test_api_patch_needs_the_version_it_read(plan, users):
    milestone = Milestone.objects.get(action__item__plan=plan)
    url = f"/api/plans/{plan.pk}/milestones/{milestone.pk}"
    status, body = patch(signed_in(users["southend_editor"]), url, {"status": "at_risk"})
    assert status == 422 and "version" in body["detail"]
    status, body = patch(signed_in(users["southend_editor"]), url, {"status": "at_risk", "version": 7})
    assert status == 409 and body["version"] == 1 and body["current"]["status"] == "not_started"
    milestone.refresh_from_db()
    assert milestone.status == "not_started"


def test_patch_writes_only_the_fields_sent(plan, users):
    """The UPDATE names only the changed field (and the version): a save never writes back values
    it merely read, so it cannot undo another change made in between."""
    action = Action.objects.get(item__plan=plan)
    url = f"/api/plans/{plan.pk}/actions/{action.pk}"
    client = signed_in(users["southend_editor"])
    with CaptureQueriesContext(connection) as queries:
        status, body = patch(client, url, {"version": 1, "timescale": "Quarterly", "text": FIRST_TEXT})
    assert status == 200 and body["timescale"] == "Quarterly"
    updates = [q["sql"] for q in queries.captured_queries if q["sql"].startswith('UPDATE "plans_action"')]
    assert len(updates) == 1
    assigned = re.findall(r'"(\w+)" = ', updates[0].split(" WHERE ")[0])
    assert sorted(assigned) == ["timescale", "version"]
    changes = AuditEntry.objects.filter(object_type="Action", action="update")
    assert [(e.field, e.before, e.after, e.version) for e in changes] == [("timescale", "", "Quarterly", 2)]


def test_audit_trail_records_only_what_took_effect(plan, users):
    editor, admin = users["southend_editor"], users["southend_admin"]
    risk = Risk.objects.get(plan=plan)
    stale = Risk.objects.get(pk=risk.pk)
    services.risk_update(risk=risk, user=editor, version=1, likelihood="L")
    with pytest.raises(services.EditConflict, match="Someone else changed this risk while you were editing it"):
        services.risk_update(risk=stale, user=admin, version=1, mitigations="Scrutiny sub-group", likelihood="H")
    entries = AuditEntry.objects.filter(object_type="Risk", action="update")
    assert [(e.user, e.field, e.before, e.after, e.version) for e in entries] == [
        (editor, "likelihood", "medium", "low", 2)
    ]
    risk.refresh_from_db()
    assert (risk.likelihood, risk.mitigations, risk.version) == ("low", "", 2)

    # The milestone's status through the item page's row (htmx) is checked the same way.
    milestone = Milestone.objects.get(action__item__plan=plan)
    item_url = reverse("plans:item_detail", args=[plan.pk, milestone.action.item.pk])
    services.milestone_update(milestone=milestone, user=editor, status="on_track")
    response = signed_in(admin).post(
        item_url,
        {
            "form": "status",
            "milestone": milestone.pk,
            "version": "1",
            "status-status": "at_risk",
            "status-evidence": "",
        },
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 409 and "Someone else changed this milestone" in response.content.decode()
    assert list(AuditEntry.objects.filter(object_type="Milestone", action="update").values_list("user", "after")) == [
        (editor.pk, "on_track")
    ]


def test_an_unchanged_save_writes_nothing_and_a_change_to_themes_is_versioned(plan, users):
    editor = users["southend_editor"]
    services.theme_create(plan=plan, user=editor, code="A", name="Practice")
    item = plan.items.get(ref="2")
    services.item_update(item=item, user=editor, version=1, theme_codes=[])
    assert (item.version, AuditEntry.objects.filter(object_type="PlanItem", action="update").count()) == (1, 0)
    stale = type(item).objects.get(pk=item.pk)
    services.item_update(item=item, user=editor, version=1, theme_codes=["A"])
    assert item.version == 2
    with pytest.raises(services.EditConflict, match="this plan item"):
        services.item_update(item=stale, user=users["southend_admin"], version=1, judgement_area="leadership")
    item.refresh_from_db()
    assert (item.judgement_area, [t.code for t in item.themes.all()], item.version) == ("", ["A"], 2)


def test_plan_received_date_form_is_versioned(plan, users):
    url = reverse("plans:plan_received", args=[plan.pk])
    dana, sam = signed_in(users["southend_editor"]), signed_in(users["southend_admin"])
    version = form_version(dana.get(url).content.decode())
    form = {"form": "received", "version": version, "received-day": "8", "received-month": "7", "received-year": "2016"}
    assert dana.post(url, form).status_code == 302
    response = sam.post(url, {**form, "received-day": "11"})
    assert (
        response.status_code == 409
        and "Someone else changed this plan while you were editing it" in response.content.decode()
    )
    plan.refresh_from_db()
    assert plan.received == date(2016, 7, 8)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_editors_at_once_lose_nothing_with_real_threads(plan, users):
    """Many rounds of two simultaneous saves of different fields of one action, each from the
    version both read — one through the page form, one through the API. Every save accepted is in
    the final state; every other one was told of the conflict; the audit trail holds exactly the
    accepted changes."""
    if connection.vendor != "postgresql":
        pytest.skip("real concurrent transactions need PostgreSQL (scripts/test starts one)")
    action = Action.objects.get(item__plan=plan)
    form_url = reverse("plans:action_edit", args=[plan.pk, action.pk])
    api_url = f"/api/plans/{plan.pk}/actions/{action.pk}"
    rounds = 40
    accepted: list[tuple[str, str]] = []  # (field, value) in the order they were made
    conflicts = 0

    def by_form(version: int, text: str, outcome: dict, barrier: threading.Barrier) -> None:
        client = signed_in(users["southend_editor"])
        stored = Action.objects.select_related("lead").get(pk=action.pk)
        barrier.wait()
        response = client.post(form_url, action_form(stored, text=text, version=str(version)))
        outcome["form"] = response.status_code
        connection.close()

    def by_api(version: int, timescale: str, outcome: dict, barrier: threading.Barrier) -> None:
        client = signed_in(users["southend_admin"])
        barrier.wait()
        status, body = patch(client, api_url, {"version": version, "timescale": timescale})
        outcome["api"] = (status, body.get("version"))
        connection.close()

    for number in range(rounds):
        version = Action.objects.get(pk=action.pk).version
        outcome: dict = {}
        barrier = threading.Barrier(2)
        text, timescale = f"Text of round {number}", f"Timescale of round {number}"
        threads = [
            threading.Thread(target=by_form, args=(version, text, outcome, barrier)),
            threading.Thread(target=by_api, args=(version, timescale, outcome, barrier)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert outcome["form"] in (302, 409) and outcome["api"][0] in (200, 409), outcome
        accepted_now = [
            (field, value)
            for field, value, ok in (
                ("text", text, outcome["form"] == 302),
                ("timescale", timescale, outcome["api"][0] == 200),
            )
            if ok
        ]
        assert len(accepted_now) == 1, f"round {number}: both saves read version {version}, so exactly one is accepted"
        accepted += accepted_now
        conflicts += 2 - len(accepted_now)

    final = Action.objects.get(pk=action.pk)
    assert final.version == 1 + len(accepted), "every accepted save adds one to the version, no more"
    expected = {"text": FIRST_TEXT, "timescale": ""}
    for field, value in accepted:
        expected[field] = value
    assert {"text": final.text, "timescale": final.timescale} == expected, "an accepted change was lost"
    audited = list(
        AuditEntry.objects.filter(object_type="Action", object_id=action.pk, action="update")
        .order_by("version")
        .values_list("field", "after")
    )
    assert audited == accepted, "the audit trail holds exactly the accepted changes, in order"
    assert (len(accepted), conflicts) == (rounds, rounds)
