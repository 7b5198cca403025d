"""Plans through the services: permissions, validation and the audit trail."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from inspire.web.accounts.services import person_get_or_create
from inspire.web.plans import services
from inspire.web.plans.models import AppendOnlyError, AuditEntry, ProgressUpdate
from inspire.web.plans.selectors import plan_status

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(southend_inspection, users):
    return services.plan_create(inspection=southend_inspection, created_by=users["southend_editor"])


@pytest.fixture
def milestone(plan, users):
    editor = users["southend_editor"]
    person_get_or_create(authority=plan.authority, name="Head of Children's Services")
    item = plan.items.get(ref="1")
    action = services.action_create(item=item, user=editor, text="Identify and adopt a model of practice for children's services.")
    return services.milestone_create(action=action, user=editor, text="Research of options.",
                                     owner="Head of Children's Services", target_date=date(2016, 9, 30))


def test_plan_from_inspection_has_every_recommendation(plan):
    items = list(plan.items.order_by("ordinal"))
    assert [i.ref for i in items] == [str(n) for n in range(1, 13)] + ["LSCB 1", "LSCB 2", "LSCB 3", "LSCB 4"]
    assert items[0].recommendation.text.startswith("Improve the quality of management oversight")
    assert all(i.judgement_area == "lscb" for i in items[12:])
    assert plan.received_date == date(2016, 7, 7)
    assert plan.deadline == date(2016, 10, 14)


def test_viewer_cannot_change_anything(plan, milestone, users):
    viewer = users["southend_viewer"]
    item = plan.items.get(ref="1")
    attempts = [
        lambda: services.plan_create(inspection=plan.inspection, created_by=viewer),
        lambda: services.plan_update(plan=plan, user=viewer, title="Renamed"),
        lambda: services.theme_create(plan=plan, user=viewer, code="A", name="Practice and Culture"),
        lambda: services.item_create(plan=plan, user=viewer, title="Our own"),
        lambda: services.item_update(item=item, user=viewer, title="Changed"),
        lambda: services.action_create(item=item, user=viewer, text="Another"),
        lambda: services.milestone_create(action=milestone.action, user=viewer, text="Another"),
        lambda: services.milestone_update(milestone=milestone, user=viewer, status="at_risk"),
        lambda: services.measure_create(item=item, user=viewer, description="Audits"),
        lambda: services.progress_add(item=item, user=viewer, date=date(2016, 11, 1), text="Done"),
        lambda: services.rag_override_set(item=item, user=viewer, rag="green", reason="Because"),
        lambda: services.board_create(plan=plan, user=viewer, kind="improvement_board", name="Board"),
        lambda: services.risk_create(plan=plan, user=viewer, description="Risk", impact="H", likelihood="M"),
    ]
    before = AuditEntry.objects.count()
    for attempt in attempts:
        with pytest.raises(PermissionDenied, match="your role for Southend-on-Sea is viewer; this needs editor"):
            attempt()
    assert AuditEntry.objects.count() == before
    milestone.refresh_from_db()
    assert milestone.status == "not_started"


def test_editor_of_another_authority_cannot_change_the_plan(plan, milestone, users):
    essex = users["essex_editor"]
    with pytest.raises(PermissionDenied, match="you are not a member of Southend-on-Sea"):
        services.milestone_update(milestone=milestone, user=essex, status="complete", evidence="x")
    with pytest.raises(PermissionDenied):
        services.plan_create(inspection=plan.inspection, created_by=essex)
    with pytest.raises(PermissionDenied):
        services.plan_create(inspection=plan.inspection, created_by=users["outsider"])


def test_every_change_is_in_the_audit_trail(plan, milestone, users):
    editor = users["southend_editor"]
    services.milestone_update(milestone=milestone, user=editor, status="at_risk")
    services.milestone_update(milestone=milestone, user=editor, status="complete", evidence="Options paper to CSMT")
    entries = AuditEntry.objects.filter(plan=plan, object_type="Milestone", action="update").order_by("id")
    assert [(e.field, e.before, e.after, e.user) for e in entries] == [
        ("status", "not_started", "at_risk", editor),
        ("status", "at_risk", "complete", editor),
        ("evidence", "", "Options paper to CSMT", editor),
    ]
    created = AuditEntry.objects.filter(plan=plan, object_type="Milestone", action="create")
    assert {e.field for e in created} >= {"text", "owner", "target_date", "status"}
    services.progress_add(item=milestone.action.item, user=editor, date=date(2016, 10, 20), text="Model chosen")
    services.rag_override_set(item=milestone.action.item, user=editor, rag="amber", reason="Slipped a month")
    fields = set(AuditEntry.objects.filter(plan=plan).values_list("field", flat=True))
    assert {"rag_override", "text", "title"} <= fields


def test_progress_updates_are_append_only(plan, users):
    update = services.progress_add(item=plan.items.get(ref="1"), user=users["southend_editor"], date=date(2016, 10, 1),
                                   text="Started")
    update.text = "Rewritten"
    with pytest.raises(AppendOnlyError):
        update.save()
    with pytest.raises(AppendOnlyError):
        update.delete()
    assert ProgressUpdate.objects.get(pk=update.pk).text == "Started"


def test_validation_names_the_field(plan, milestone, users):
    editor = users["southend_editor"]
    with pytest.raises(ValidationError) as caught:
        services.milestone_update(milestone=milestone, user=editor, owner="Nobody We Know")
    assert caught.value.message_dict == {"owner": ["'Nobody We Know' is not a known owner for Southend-on-Sea: add them under people first"]}
    with pytest.raises(ValidationError) as caught:
        services.milestone_create(action=None, user=editor, text="Orphan")
    assert "action" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        services.milestone_update(milestone=milestone, user=editor, target_date=date(2016, 3, 31))
    assert caught.value.message_dict == {"target_date": ["31 March 2016 is before the inspection began (25 April 2016)"]}
    with pytest.raises(ValidationError) as caught:
        services.plan_update(plan=plan, user=editor, received=date(2016, 5, 1))
    assert caught.value.message_dict == {"received": ["1 May 2016 is before the inspection ended (19 May 2016)"]}
    with pytest.raises(ValidationError) as caught:
        services.measure_create(item=milestone.action.item, user=editor, description="Audits",
                                baseline_date=date(2016, 9, 1), target_date=date(2016, 8, 1))
    assert "target_date" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        services.milestone_update(milestone=milestone, user=editor, status="complete")
    assert "evidence" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        services.rag_override_set(item=milestone.action.item, user=editor, rag="green", reason=" ")
    assert caught.value.message_dict == {"reason": ["give the reason for the override"]}
    with pytest.raises(ValidationError) as caught:
        services.risk_create(plan=plan, user=editor, description="Risk", impact="Severe", likelihood="M")
    assert caught.value.message_dict == {"impact": ["'Severe' is not a risk level: use high, medium or low (H, M, L)"]}
    milestone.refresh_from_db()
    assert milestone.owner.name == "Head of Children's Services" and milestone.status == "not_started"


def test_rag_derived_and_overridden(plan, milestone, users):
    editor = users["southend_editor"]
    status = plan_status(plan=plan, as_at=date(2016, 10, 1))
    one = next(s for s in status.items if s.item.ref == "1")
    assert (one.rag.rag, one.rag.rule) == ("red", "milestone_overdue")
    assert status.rag.rag == "red"
    services.rag_override_set(item=one.item, user=editor, rag="amber", reason="Options paper drafted; CSMT met late")
    one = next(s for s in plan_status(plan=plan, as_at=date(2016, 10, 1)).items if s.item.ref == "1")
    assert (one.rag.rag, one.rag.derived, one.rag.reason) == ("amber", "red", "Options paper drafted; CSMT met late")
    services.rag_override_set(item=one.item, user=editor, rag="", reason="Back to the rules")
    one = next(s for s in plan_status(plan=plan, as_at=date(2016, 10, 1)).items if s.item.ref == "1")
    assert one.rag.rag == "red" and one.item.rag_overrides.count() == 2


def test_risk_scores(plan, users):
    risk = services.risk_create(plan=plan, user=users["southend_editor"], description="Resources not available",
                                impact="H", likelihood="M", revised_impact="H", revised_likelihood="L")
    assert (risk.overall, risk.revised) == ("high", "medium")
