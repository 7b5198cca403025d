"""Plans through the services: permissions, validation and the audit trail."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from inspire.web.accounts.services import person_get_or_create
from inspire.web.improve import received, services
from inspire.web.improve.models import AppendOnlyError, AuditEntry, ProgressUpdate
from inspire.web.improve.selectors import plan_status

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(southend_inspection, users):
    return received.plan_start(
        inspection=southend_inspection, user=users["southend_editor"], received=southend_inspection.published
    )


@pytest.fixture
def milestone(plan, users):
    editor = users["southend_editor"]
    person_get_or_create(authority=plan.authority, name="Head of Children's Services")
    item = plan.items.get(ref="1")
    action = services.action_create(
        item=item, user=editor, text="Identify and adopt a model of practice for children's services."
    )
    return services.milestone_create(
        action=action,
        user=editor,
        text="Research of options.",
        owner="Head of Children's Services",
        target_date=date(2016, 9, 30),
    )


def test_plan_from_inspection_has_every_recommendation(plan):
    items = list(plan.items.order_by("ordinal"))
    assert [i.ref for i in items] == [str(n) for n in range(1, 13)] + ["LSCB 1", "LSCB 2", "LSCB 3", "LSCB 4"]
    assert items[0].recommendation.text.startswith("Improve the quality of management oversight")
    assert all(i.judgement_area == "lscb" for i in items[12:])
    assert plan.received_date == date(2016, 7, 7) and plan.received_basis == "published"
    assert plan.deadline == date(2016, 10, 14)
    assert plan.deadline_counts_from.startswith(
        "70 working days after 7 July 2016, the publication date the report states"
    )


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
    with pytest.raises(PermissionDenied, match="^you are not a member of Southend-on-Sea$"):
        services.plan_create(inspection=plan.inspection, created_by=essex)
    with pytest.raises(PermissionDenied, match="^you are not a member of Southend-on-Sea$"):
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
    update = services.progress_add(
        item=plan.items.get(ref="1"), user=users["southend_editor"], date=date(2016, 10, 1), text="Started"
    )
    update.text = "Rewritten"
    with pytest.raises(AppendOnlyError, match="^a saved progress update cannot be changed$"):
        update.save()
    with pytest.raises(AppendOnlyError, match="^a saved progress update cannot be deleted$"):
        update.delete()
    assert ProgressUpdate.objects.get(pk=update.pk).text == "Started"


def test_validation_names_the_field(plan, milestone, users):
    editor = users["southend_editor"]
    with pytest.raises(ValidationError, match="is not a known owner") as caught:
        services.milestone_update(milestone=milestone, user=editor, owner="Nobody We Know")
    assert caught.value.message_dict == {
        "owner": ["'Nobody We Know' is not a known owner for Southend-on-Sea: add them under people first"]
    }
    with pytest.raises(ValidationError, match="'action'") as caught:
        services.milestone_create(action=None, user=editor, text="Orphan")
    assert "action" in caught.value.message_dict
    with pytest.raises(ValidationError, match="is before the inspection began") as caught:
        services.milestone_update(milestone=milestone, user=editor, target_date=date(2016, 3, 31))
    assert caught.value.message_dict == {
        "target_date": ["31 March 2016 is before the inspection began (25 April 2016)"]
    }
    with pytest.raises(ValidationError, match="is before the inspection ended") as caught:
        services.plan_update(plan=plan, user=editor, received=date(2016, 5, 1))
    assert caught.value.message_dict == {"received": ["1 May 2016 is before the inspection ended (19 May 2016)"]}
    with pytest.raises(ValidationError, match="'target_date'") as caught:
        services.measure_create(
            item=milestone.action.item,
            user=editor,
            description="Audits",
            baseline_date=date(2016, 9, 1),
            target_date=date(2016, 8, 1),
        )
    assert "target_date" in caught.value.message_dict
    with pytest.raises(ValidationError, match="'evidence'") as caught:
        services.milestone_update(milestone=milestone, user=editor, status="complete")
    assert "evidence" in caught.value.message_dict
    with pytest.raises(ValidationError, match="give the reason for the override") as caught:
        services.rag_override_set(item=milestone.action.item, user=editor, rag="green", reason=" ")
    assert caught.value.message_dict == {"reason": ["give the reason for the override"]}
    with pytest.raises(ValidationError, match="is not a risk level") as caught:
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
    risk = services.risk_create(
        plan=plan,
        user=users["southend_editor"],
        description="Resources not available",
        impact="H",
        likelihood="M",
        revised_impact="H",
        revised_likelihood="L",
    )
    assert (risk.overall, risk.revised) == ("high", "medium")


def test_measure_direction_is_inferred_never_defaulted(plan, users):
    """Southend's measure: 45% of audited cases requiring improvement, reducing to 25%."""
    editor = users["southend_editor"]
    item = plan.items.get(ref="2")
    measure = services.measure_create(
        item=item,
        user=editor,
        description="Audited cases requiring improvement",
        baseline=45,
        target=25,
        target_date=date(2017, 9, 30),
        unit="%",
    )
    assert measure.polarity == "lower_is_better"
    services.measure_value_record(measure=measure, user=editor, date=date(2016, 11, 30), value=38)
    status = next(s for s in plan_status(plan=plan, as_at=date(2016, 12, 6)).items if s.item.pk == item.pk)
    assert status.measure_statuses[measure.pk] == "not_met"  # 38% is not yet down to 25%
    with pytest.raises(ValidationError, match="contradicts them") as caught:
        services.measure_create(
            item=item, user=editor, description="Audits", baseline=45, target=25, polarity="higher_is_better"
        )
    assert caught.value.message_dict == {
        "polarity": [
            "the target (25) is below the baseline (45), so lower is better; 'higher is better' contradicts them"
        ]
    }
    with pytest.raises(ValidationError, match="say whether higher or lower values are better") as caught:
        services.measure_create(item=item, user=editor, description="Audits", target=25)
    assert "say whether higher or lower values are better" in caught.value.message_dict["polarity"][0]
    assert (
        services.measure_create(item=item, user=editor, description="Audits", baseline=60, target=80).polarity
        == "higher_is_better"
    )
    assert (
        services.measure_create(
            item=item, user=editor, description="Audits", target=25, polarity="lower_is_better"
        ).polarity
        == "lower_is_better"
    )
    assert item.measures.count() == 3


@pytest.fixture
def repeat_plans_figures(plan):
    """Southend's repeat child protection plans, quarter by quarter, as an Annex A import gives them."""
    from inspire.web.measure.models import IndicatorValue

    for start, end, value in [
        (date(2016, 4, 1), date(2016, 6, 30), 22.6),
        (date(2016, 7, 1), date(2016, 9, 30), 20.1),
        (date(2016, 10, 1), date(2016, 12, 31), 18.4),
    ]:
        IndicatorValue.objects.create(
            authority=plan.authority,
            indicator="cp_repeat",
            period_start=start,
            period_end=end,
            value=value,
            source="annex_a",
        )


def test_measure_linked_to_an_indicator_takes_its_values_from_the_data(plan, users, repeat_plans_figures):
    import io

    import docx

    from inspire.core.plans.board_pack import BoardPack, to_docx, to_pdf
    from inspire.web.improve.selectors import plan_data

    editor = users["southend_editor"]
    item = plan.items.get(ref="3")
    measure = services.measure_create(
        item=item,
        user=editor,
        description="Repeat child protection plans",
        baseline=22.6,
        target=17,
        target_date=date(2017, 3, 31),
        indicator="cp_repeat",
    )
    assert (measure.unit, measure.polarity) == ("%", "lower_is_better")
    with pytest.raises(ValidationError, match="values come from the indicator") as caught:
        services.measure_value_record(measure=measure, user=editor, date=date(2016, 11, 30), value=19)
    assert caught.value.message_dict["value"][0].startswith("this measure's values come from the indicator")
    assert not measure.values.exists()
    with pytest.raises(ValidationError, match="is not an indicator of the catalogue") as caught:
        services.measure_create(item=item, user=editor, description="Made up", indicator="made_up")
    assert caught.value.message_dict == {"indicator": ["'made_up' is not an indicator of the catalogue"]}

    as_at = date(2016, 10, 15)  # the December quarter has not ended: its figure is not yet known
    status = next(s for s in plan_status(plan=plan, as_at=as_at).items if s.item.pk == item.pk)
    assert [(v.date, v.value) for v in status.measures[measure.pk].values] == [
        (date(2016, 6, 30), 22.6),
        (date(2016, 9, 30), 20.1),
        (date(2016, 12, 31), 18.4),
    ]
    assert status.measure_statuses[measure.pk] == "not_met"
    data = plan_data(plan=plan, as_at=as_at)
    pack = BoardPack(plan=data, board="Children's Improvement Board", meeting=date(2017, 1, 10), since=None)
    charted = [(i.ref, m.description) for i in pack.plan.items for m in pack.charted_measures(i)]
    assert charted == [("3", "Repeat child protection plans")]
    document = docx.Document(io.BytesIO(to_docx(pack)))
    rows = [
        [c.text for c in r.cells] for t in document.tables if t.rows[0].cells[0].text == "Measure" for r in t.rows[1:]
    ]
    assert rows == [
        [
            "Repeat child protection plans",
            "22.6%",
            "17% by 31 March 2017",
            "18.4% (31 December 2016)",
            "Not yet at target",
        ]
    ]
    assert len(document.inline_shapes) == 3  # items by status, the measure, the heat map
    import pypdfium2

    pdf = pypdfium2.PdfDocument(to_pdf(pack))
    text = " ".join(" ".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf))).split())
    assert "18.4% (31 December 2016)" in text and "Target 17%" in text  # the measures table and the chart


def test_excel_export_then_import_is_the_same_plan(plan, milestone, users, repeat_plans_figures):
    """Everything survives the round trip: themes, own items, actions, milestones and their
    statuses, measures (by hand and from an indicator) with values, progress, RAG overrides with
    reason, author and date, risks, boards with members and meetings."""
    from inspire.core.plans import excel
    from inspire.web.improve.models import Plan
    from inspire.web.improve.selectors import plan_data

    editor, admin = users["southend_editor"], users["southend_admin"]
    services.theme_create(plan=plan, user=editor, code="A", name="Practice and Culture")
    one = plan.items.get(ref="1")
    services.item_update(item=one, user=editor, judgement_area="help_and_protection", theme_codes=["A"])
    own = services.item_create(plan=plan, user=editor, title="Workforce stability", theme_codes=["A"])
    services.milestone_update(milestone=milestone, user=editor, status="complete", evidence="Options paper to CSMT")
    second = services.milestone_create(
        action=milestone.action,
        user=editor,
        text="Model adopted.",
        owner="Head of Children's Services",
        target_date=date(2017, 3, 31),
        status="at_risk",
    )
    two = plan.items.get(ref="2")
    measure = services.measure_create(
        item=two,
        user=editor,
        description="Audited cases requiring improvement",
        baseline=45,
        baseline_date=date(2016, 6, 30),
        target=25,
        target_date=date(2017, 9, 30),
        unit="%",
    )
    services.measure_value_record(measure=measure, user=editor, date=date(2016, 11, 30), value=38)
    services.measure_create(
        item=plan.items.get(ref="3"),
        user=editor,
        description="Repeat child protection plans",
        baseline=22.6,
        target=17,
        indicator="cp_repeat",
    )
    services.progress_add(item=two, user=editor, date=date(2016, 11, 30), text="Audit report refocused")
    services.progress_add(item=own, user=editor, date=date(2016, 12, 1), text="Recruitment campaign launched")
    services.rag_override_set(item=two, user=editor, rag="green", reason="Audit programme running as planned")
    services.rag_override_set(item=one, user=editor, rag="amber", reason="Model chosen; training late")
    services.rag_override_set(item=one, user=admin, rag="red", reason="Training postponed again")
    services.risk_create(
        plan=plan,
        user=editor,
        description="Action owners not in post",
        impact="H",
        likelihood="M",
        revised_impact="H",
        revised_likelihood="L",
        mitigations="Interim cover",
        owner="Head of Children's Services",
        review_date=date(2016, 12, 1),
    )
    board = services.board_create(plan=plan, user=editor, kind="improvement_board", name="Children's Improvement Board")
    services.board_member_add(board=board, user=editor, name="Chief Executive", role="Chair")
    services.board_member_add(board=board, user=editor, name="Lead Member for Children and Learning")
    services.meeting_create(board=board, user=editor, date=date(2016, 12, 6))
    services.meeting_create(board=board, user=editor, date=date(2016, 10, 7))
    panel = services.board_create(plan=plan, user=editor, kind="scrutiny_panel", name="People Scrutiny Committee")
    services.meeting_create(board=panel, user=editor, date=date(2017, 1, 24))

    as_at = date(2016, 12, 6)
    before = plan_data(plan=plan, as_at=as_at)
    assert second.status == "at_risk" and before.boards[0].meetings == [date(2016, 10, 7), date(2016, 12, 6)]
    assert [o.by for o in before.items[0].overrides] == ["southend_editor", "southend_admin"]
    workbook = excel.to_xlsx(before)
    copy = services.plan_store(inspection=plan.inspection, user=admin, data=excel.from_xlsx(workbook))
    after = plan_data(plan=copy, as_at=as_at)
    assert after == before
    assert Plan.objects.count() == 2
    assert [(i.ref, i.rag) for i in after.items[:2]] == [("1", "red"), ("2", "green")]
    assert after.items[0].overrides[-1].reason == "Training postponed again"
    assert excel.to_xlsx(after) == workbook or excel.from_xlsx(excel.to_xlsx(after)) == excel.from_xlsx(workbook)


def test_actions_edited_through_the_service_checked_and_audited(plan, milestone, users):
    action = milestone.action
    editor = users["southend_editor"]
    with pytest.raises(PermissionDenied, match="^your role for Southend-on-Sea is viewer; this needs editor$"):
        services.action_update(action=action, user=users["southend_viewer"], text="Changed")
    with pytest.raises(PermissionDenied, match="^you are not a member of Southend-on-Sea$"):
        services.action_update(action=action, user=users["essex_editor"], text="Changed")
    with pytest.raises(ValidationError, match="is not a known owner") as caught:
        services.action_update(action=action, user=editor, lead="Nobody We Know")
    assert caught.value.message_dict == {
        "lead": ["'Nobody We Know' is not a known owner for Southend-on-Sea: add them under people first"]
    }
    with pytest.raises(ValidationError, match="is before the inspection began") as caught:
        services.action_update(action=action, user=editor, target_date=date(2016, 4, 1))
    assert caught.value.message_dict == {"target_date": ["1 April 2016 is before the inspection began (25 April 2016)"]}
    with pytest.raises(
        ValidationError, match="is before the target date of Milestone 1"
    ) as caught:  # its milestone is due 30 September 2016
        services.action_update(action=action, user=editor, target_date=date(2016, 8, 31))
    assert caught.value.message_dict == {
        "target_date": [
            "31 August 2016 is before the target date of Milestone 1 (30 September 2016); change that first"
        ]
    }
    with pytest.raises(ValidationError, match="enter the action"):
        services.action_update(action=action, user=editor, text="  ")
    action.refresh_from_db()
    assert (action.target_date, action.lead) == (None, None)
    services.action_update(
        action=action,
        user=editor,
        text="Adopt a model of practice.",
        lead="Head of Children's Services",
        target_date=date(2017, 3, 31),
    )
    action.refresh_from_db()
    assert (action.text, action.lead.name, action.target_date, action.timescale) == (
        "Adopt a model of practice.",
        "Head of Children's Services",
        date(2017, 3, 31),
        "31 March 2017",
    )
    changed = {e.field for e in AuditEntry.objects.filter(object_type="Action", action="update", object_id=action.pk)}
    assert changed == {"text", "lead", "target_date", "timescale"}


def test_risks_edited_through_the_service_checked_and_audited(plan, users):
    editor = users["southend_editor"]
    person_get_or_create(authority=plan.authority, name="Director of Children's Services")
    risk = services.risk_create(
        plan=plan, user=editor, description="Action owners not in post", impact="H", likelihood="M"
    )
    with pytest.raises(PermissionDenied, match="^your role for Southend-on-Sea is viewer; this needs editor$"):
        services.risk_update(risk=risk, user=users["southend_viewer"], likelihood="L")
    with pytest.raises(ValidationError, match="'owner'") as caught:
        services.risk_update(risk=risk, user=editor, owner="Nobody We Know")
    assert "owner" in caught.value.message_dict
    with pytest.raises(ValidationError, match="is before the report was received") as caught:
        services.risk_update(risk=risk, user=editor, review_date=date(2016, 6, 1))
    assert caught.value.message_dict == {"review_date": ["1 June 2016 is before the report was received (7 July 2016)"]}
    with pytest.raises(ValidationError, match="not a field of a risk") as caught:
        services.risk_update(risk=risk, user=editor, colour="red")
    assert caught.value.message_dict == {"colour": ["not a field of a risk"]}
    services.risk_update(
        risk=risk, user=editor, likelihood="L", owner="Director of Children's Services", review_date=date(2016, 12, 1)
    )
    risk.refresh_from_db()
    assert (risk.overall, risk.owner.name, risk.review_date) == (
        "medium",
        "Director of Children's Services",
        date(2016, 12, 1),
    )
    assert {e.field for e in AuditEntry.objects.filter(object_type="Risk", action="update")} == {
        "likelihood",
        "owner",
        "review_date",
    }
