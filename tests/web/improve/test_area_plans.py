"""Plans from area inspections: an area SEND inspection's priority actions (a priority action plan)
owned by the responsible bodies the report names, and a JTAI's written statement of action due on
the date the letter itself states — never the 70-working-day rule of ILACS and SIF."""

from __future__ import annotations

from datetime import date
from html import unescape

import pytest
from django.core.exceptions import ValidationError

from inspire.web.improve import services
from inspire.web.improve.models import PlanItem
from tests.web.test_area_inspections import AREA, store_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def lancashire_editor(register, django_user_model):
    from inspire.web.accounts.models import Membership
    from inspire.web.read.models import Authority

    user = django_user_model.objects.create_user(username="lancashire_editor", password="correct horse battery staple")
    Membership.objects.create(user=user, authority=Authority.objects.get(name="Lancashire"), role="editor")
    return user


@pytest.fixture
def send(register, shared):
    return store_file(AREA / "aad00470946e.pdf")  # Lancashire, area SEND, December 2024, outcome 3


@pytest.fixture
def jtai(register, shared):
    return store_file(AREA / "67a9350b6892.pdf")  # Lancashire, JTAI, serious youth violence, 2024


def test_a_plan_starts_from_a_send_inspections_priority_actions(send, lancashire_editor):
    plan = services.plan_create(inspection=send, created_by=lancashire_editor, priority_only=True)
    items = list(plan.items.order_by("ordinal"))
    priority = list(send.recommendations.filter(kind="priority").order_by("ordinal"))
    assert [i.recommendation for i in items] == priority and len(items) == 3
    assert [i.ref for i in items] == ["Priority 1", "Priority 2", "Priority 3"]
    assert [i.title for i in items] == [r.text for r in priority]
    assert all(i.owner is not None and i.owner.name == r.agency for i, r in zip(items, priority))
    assert plan.deadline is None  # the report sets none, and none is assumed
    assert plan.area_deadline.basis == "none"
    assert "not for area inspections" in plan.area_deadline.explanation


def test_the_plan_page_says_no_deadline_is_stated_and_shows_the_owners(client, send, lancashire_editor):
    client.force_login(lancashire_editor)
    response = client.post("/plans/new/", {"inspection": send.pk, "priority_only": "yes"})
    assert response.status_code == 302
    html = unescape(client.get(response["Location"]).content.decode())
    assert "None stated" in html and "The report sets no date for the partnership's plan" in html
    assert "70 working days after the report was received" not in html
    owner = PlanItem.objects.filter(plan__inspection=send).first().owner.name
    assert f"Owner: {owner}" in html


def test_a_jtai_plan_is_due_on_the_date_the_letter_states(jtai, lancashire_editor):
    plan = services.plan_create(inspection=jtai, created_by=lancashire_editor)
    assert plan.deadline == date(2024, 7, 10)
    assert plan.area_deadline.basis == "stated"
    assert "by 10 July 2024" in plan.area_deadline.explanation
    # the letter's addressees are the authority's people, to be chosen as owners and leads
    from inspire.web.accounts.models import Person

    names = set(Person.objects.filter(authority=jtai.authority).values_list("name", flat=True))
    assert set(jtai.record["addressees"]) <= names and jtai.record["addressees"]


def test_a_plan_from_priority_actions_is_refused_when_the_report_names_none(jtai, lancashire_editor):
    assert not jtai.recommendations.filter(kind="priority").exists()
    with pytest.raises(ValidationError, match="names no areas for priority action"):
        services.plan_create(inspection=jtai, created_by=lancashire_editor, priority_only=True)


def test_an_imported_plan_for_an_area_inspection_keeps_every_priority_action_and_improvement(send, lancashire_editor):
    from inspire.core.plans.model import PlanData

    plan = services.plan_store(inspection=send, user=lancashire_editor, data=PlanData(title="Imported"))
    assert sorted(i.recommendation_id for i in plan.items.all()) == sorted(
        send.recommendations.values_list("id", flat=True)
    )
