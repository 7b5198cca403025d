"""Plan pages, downloads and the API, with the same permission rules everywhere."""

import csv
import io
import json
from datetime import date

import docx
import pypdfium2
import pytest
from django.urls import reverse

from inspire.web.accounts.services import person_get_or_create
from inspire.web.improve import received, services
from inspire.web.improve.models import AuditEntry, Milestone, Plan, ProgressUpdate
from tests.core.plans.seed_docs import seed_002_docx, seed_004_docx

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(southend_inspection, users):
    editor = users["southend_editor"]
    plan = received.plan_start(inspection=southend_inspection, user=editor, received=southend_inspection.published)
    person_get_or_create(authority=plan.authority, name="Head of Children's Services")
    item = plan.items.get(ref="1")
    action = services.action_create(item=item, user=editor, text="Identify and adopt a model of practice.")
    services.milestone_create(
        action=action,
        user=editor,
        text="Research of options.",
        owner="Head of Children's Services",
        target_date=date(2016, 9, 30),
    )
    services.risk_create(
        plan=plan,
        user=editor,
        description="Resources not available to progress the improvement plan",
        impact="H",
        likelihood="M",
        revised_impact="H",
        revised_likelihood="L",
    )
    return plan


def client_for(client, user):
    client.force_login(user)
    return client


def test_plan_page_shows_deadline_items_and_key(client, plan, users):
    response = client_for(client, users["southend_viewer"]).get(reverse("plans:plan_detail", args=[plan.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "14 October 2016" in html and "70 working days" in html
    assert "Improve the quality of management oversight" in html
    # the two keys, each rule's words once beside its status
    assert '<caption class="govuk-table__caption govuk-table__caption--s">Items</caption>' in html
    assert '<caption class="govuk-table__caption govuk-table__caption--s">The plan</caption>' in html
    assert "A milestone is past its target date and not complete, started or not." in html
    assert "The submission deadline has passed and no item has started." in html and "Red: " not in html
    # long after the deadline, items with nothing planned are red, and so is the plan
    assert "The plan&#x27;s submission deadline has passed and the item still has no milestones" in html
    assert 'name="form" value="theme"' not in html  # viewers get no forms


def test_viewer_cannot_post(client, plan, users):
    c = client_for(client, users["southend_viewer"])
    item = plan.items.get(ref="1")
    before = AuditEntry.objects.count()
    response = c.post(
        reverse("plans:item_detail", args=[plan.pk, item.pk]),
        {
            "form": "progress",
            "progress-date-day": "1",
            "progress-date-month": "11",
            "progress-date-year": "2016",
            "progress-text": "Sneaky",
        },
    )
    assert response.status_code == 403
    response = c.post(reverse("plans:plan_detail", args=[plan.pk]), {"form": "theme", "code": "A", "name": "X"})
    assert response.status_code == 403
    assert AuditEntry.objects.count() == before and not ProgressUpdate.objects.exists()


def test_other_authority_cannot_see_or_change_by_page_or_api(client, plan, users):
    c = client_for(client, users["essex_editor"])
    item = plan.items.get(ref="1")
    assert c.get(reverse("plans:plan_detail", args=[plan.pk])).status_code == 404
    response = c.post(
        reverse("plans:item_detail", args=[plan.pk, item.pk]),
        {"form": "override", "override-rag": "green", "override-reason": "x"},
    )
    assert response.status_code == 404
    milestone = Milestone.objects.get(action__item=item)
    response = c.patch(
        f"/api/plans/{plan.pk}/milestones/{milestone.pk}",
        data=json.dumps({"status": "complete", "evidence": "x", "version": 1}),
        content_type="application/json",
    )
    assert response.status_code == 404
    assert c.get("/api/plans").json() == []
    milestone.refresh_from_db()
    assert milestone.status == "not_started"


def test_api_viewer_refused_editor_allowed_and_audited(client, plan, users):
    milestone = Milestone.objects.get(action__item__plan=plan)
    url = f"/api/plans/{plan.pk}/milestones/{milestone.pk}"
    c = client_for(client, users["southend_viewer"])
    assert c.get(f"/api/plans/{plan.pk}").status_code == 200
    response = c.patch(url, data=json.dumps({"status": "at_risk", "version": 1}), content_type="application/json")
    assert response.status_code == 403
    assert "viewer" in response.json()["detail"]
    c = client_for(client, users["southend_editor"])
    response = c.patch(url, data=json.dumps({"status": "at_risk", "version": 1}), content_type="application/json")
    assert response.status_code == 200 and response.json()["status"] == "at_risk"
    response = c.patch(
        url, data=json.dumps({"owner": "Someone Unknown", "version": 2}), content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["detail"].startswith("owner: 'Someone Unknown' is not a known owner")
    assert [e["location"] for e in response.json()["errors"]] == ["body.owner"]  # the field, in the API's one shape
    assert response.json()["errors"][0]["message"].startswith("'Someone Unknown' is not a known owner")
    entry = AuditEntry.objects.filter(object_type="Milestone", action="update").get()
    assert (entry.field, entry.before, entry.after, entry.user) == (
        "status",
        "not_started",
        "at_risk",
        users["southend_editor"],
    )
    item = plan.items.get(ref="1")
    response = c.post(
        f"/api/plans/{plan.pk}/items/{item.pk}/progress",
        data=json.dumps({"date": "2016-11-01", "text": "Options appraised"}),
        content_type="application/json",
    )
    assert response.status_code == 201
    detail = c.get(f"/api/plans/{plan.pk}").json()
    assert detail["deadline"] == "2016-10-14"
    assert detail["items"][0]["actions"][0]["milestones"][0]["shown_status"] == "overdue"
    client.logout()
    assert client.get("/api/plans").status_code == 401


def test_item_page_forms_and_errors(client, plan, users):
    c = client_for(client, users["southend_editor"])
    item = plan.items.get(ref="1")
    url = reverse("plans:item_detail", args=[plan.pk, item.pk])
    response = c.post(url, {"form": "override", "override-rag": "amber", "override-reason": ""})
    assert response.status_code == 400
    assert "Give the reason for the override" in response.content.decode()
    response = c.post(
        url,
        {
            "form": "progress",
            "progress-date-day": "31",
            "progress-date-month": "2",
            "progress-date-year": "2017",
            "progress-text": "x",
        },
    )
    assert response.status_code == 400 and "Date of the update must be a real date" in response.content.decode()
    response = c.post(
        url,
        {
            "form": "progress",
            "progress-date-day": "1",
            "progress-date-month": "11",
            "progress-date-year": "2016",
            "progress-text": "Model options appraised",
        },
    )
    assert response.status_code == 302
    response = c.post(
        url,
        {
            "form": "measure",
            "measure-description": "Audited cases requiring improvement",
            "measure-unit": "%",
            "measure-baseline": "45",
            "measure-goal": "25",
            "measure-target-day": "30",
            "measure-target-month": "9",
            "measure-target-year": "2017",
            "measure-polarity": "lower_is_better",
        },
    )
    assert response.status_code == 302
    measure = item.measures.get()
    response = c.post(
        url,
        {
            "form": "value",
            "value-measure": measure.pk,
            "value-date-day": "30",
            "value-date-month": "11",
            "value-date-year": "2016",
            "value-value": "38",
        },
    )
    assert response.status_code == 302
    page = c.get(url, {"as_at-day": "6", "as_at-month": "12", "as_at-year": "2016"}).content.decode()
    assert "Model options appraised" in page and "Not yet at target" in page
    assert "Target date passed, target not met" in c.get(url).content.decode()  # today is after September 2017
    chart = c.get(reverse("plans:measure_chart", args=[plan.pk, measure.pk]))
    assert chart["Content-Type"] == "image/png" and chart.content.startswith(b"\x89PNG")


def test_board_pack_downloads(client, plan, users):
    editor = users["southend_editor"]
    board = services.board_create(plan=plan, user=editor, kind="improvement_board", name="Children's Improvement Board")
    services.board_member_add(board=board, user=editor, name="Chief Executive", role="Chair")
    meeting = services.meeting_create(board=board, user=editor, date=date.today())  # after everything was entered
    c = client_for(client, users["southend_viewer"])
    page = c.get(reverse("plans:pack", args=[plan.pk, meeting.pk])).content.decode()
    assert f"Children&#x27;s Improvement Board: {date.today().day} {date.today():%B %Y}" in page
    assert "Research of options." in page
    word = c.get(reverse("plans:pack_download", args=[plan.pk, meeting.pk, "docx"]))
    text = "\n".join(
        cell.text for t in docx.Document(io.BytesIO(word.content)).tables for r in t.rows for cell in r.cells
    )
    assert "Head of Children's Services" in text and "Resources not available to progress the improvement plan" in text
    pdf = c.get(reverse("plans:pack_download", args=[plan.pk, meeting.pk, "pdf"]))
    document = pypdfium2.PdfDocument(pdf.content)
    pdf_text = " ".join(" ".join(document[i].get_textpage().get_text_range() for i in range(len(document))).split())
    assert "Research of options." in pdf_text and "30 September 2016" in pdf_text and "Overdue" in pdf_text


def test_unknown_download_formats_are_not_found(client, plan, users):
    board = services.board_create(plan=plan, user=users["southend_editor"], kind="improvement_board", name="Board")
    meeting = services.meeting_create(board=board, user=users["southend_editor"], date=date(2016, 12, 6))
    c = client_for(client, users["southend_admin"])
    for url in (
        f"/plans/{plan.pk}/meetings/{meeting.pk}/pack.xyz",
        f"/plans/{plan.pk}/meetings/{meeting.pk}/pack.html",
        f"/plans/{plan.pk}/audit.xlsx",
        f"/plans/{plan.pk}/audit.foo",
        "/plans/template.pdf",
    ):
        assert c.get(url).status_code == 404, url
    for url in (
        f"/plans/{plan.pk}/meetings/{meeting.pk}/pack.docx",
        f"/plans/{plan.pk}/meetings/{meeting.pk}/pack.pdf",
        f"/plans/{plan.pk}/audit.csv",
        "/plans/template.csv",
        "/plans/template.xlsx",
    ):
        response = c.get(url)
        assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment"), url


def test_audit_page_for_admins_only_and_csv(client, plan, users):
    url = reverse("plans:audit", args=[plan.pk])
    assert client_for(client, users["southend_editor"]).get(url).status_code == 403
    c = client_for(client, users["southend_admin"])
    assert c.get(url).status_code == 200
    rows = list(
        csv.DictReader(io.StringIO(c.get(reverse("plans:audit_download", args=[plan.pk, "csv"])).content.decode()))
    )
    assert {"Plan", "PlanItem", "Action", "Milestone", "Risk"} <= {r["object"] for r in rows}
    assert all(r["who"] == "southend_editor" for r in rows)


def _import(client, user, inspection, data: bytes):
    c = client_for(client, user)
    url = reverse("plans:plan_import", args=[inspection.pk])
    upload = io.BytesIO(data)
    upload.name = "plan.docx"
    response = c.post(url, {"form": "upload", "plan": upload})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Check what will be stored" in html and not Plan.objects.exists()  # nothing stored before confirming
    response = c.post(url, {"form": "confirm"})
    assert response.status_code == 302
    return Plan.objects.get(), html


def test_word_import_of_southend_plan(client, southend_inspection, users):
    plan, html = _import(client, users["southend_editor"], southend_inspection, seed_004_docx())
    # 12 recommendations + the council's 2 own items + the LSCB's 4 recommendations (no actions yet)
    assert plan.items.count() == 18
    for ordinal in range(1, 13):
        item = plan.items.get(recommendation__section="la", recommendation__ordinal=ordinal)
        assert item.ref == str(ordinal) and item.actions.exists()
    one = plan.items.get(recommendation__section="la", recommendation__ordinal=1)
    assert one.actions.count() == 7 and one.themes.count() == 4
    seventh = one.actions.get(ref="7")
    assert [(m.target_date, m.owner.name) for m in seventh.milestones.all()][-1] == (
        date(2018, 6, 30),
        "GM – Fieldwork Services",
    )
    assert plan.risks.count() == 3
    assert "LSCB 1: no item of the document answers it" in html
    # 31st March 2016 (before the inspection) is kept as written, without a date
    assert "target &#x27;31st March 2016&#x27; is before the inspection began" in html


def test_word_import_of_east_sussex_review_links_by_text(client, east_sussex_inspection, users):
    plan, html = _import(client, users["east_sussex_editor"], east_sussex_inspection, seed_002_docx())
    linked = {i.ref: i.recommendation.ordinal for i in plan.items.exclude(recommendation=None) if i.actions.exists()}
    # the plan numbers its areas 1-8; the report lists nine (the advocacy one has no item in the plan)
    assert linked == {"1": 1, "2": 5, "3": 2, "4": 4, "5": 7, "6": 8, "7": 3, "8": 9}
    advocacy = plan.items.get(recommendation__section="la", recommendation__ordinal=6)
    assert (
        advocacy.title.startswith("Ensure that children know that they have a right") and not advocacy.actions.exists()
    )
    assert plan.items.get(ref="1").progress_updates.get().date == date(2014, 7, 31)
    assert plan.items.get(ref="4").actions.get(ref="ii").lead.name == "Sally Carnie/ Teresa Lavelle-Hill"


def test_excel_export_and_bad_import(client, plan, users):
    c = client_for(client, users["southend_editor"])
    exported = c.get(reverse("plans:plan_export", args=[plan.pk])).content
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(exported))
    workbook["Milestones"].cell(row=2, column=8).value = "not a date"
    out = io.BytesIO()
    workbook.save(out)
    out.seek(0)
    out.name = "plan.xlsx"
    before = Plan.objects.count()
    response = c.post(reverse("plans:plan_import", args=[plan.inspection.pk]), {"form": "upload", "plan": out})
    assert response.status_code == 400
    assert "Milestones, row 2, column target_date: &#x27;not a date&#x27; is not a date" in response.content.decode()
    assert Plan.objects.count() == before


def test_templates_download(client):
    assert client.get(reverse("plans:template", args=["csv"])).content.decode().startswith("item,item_title")
    assert client.get(reverse("plans:template", args=["xlsx"])).content.startswith(b"PK")


def test_excel_round_trip_through_the_pages(client, southend_inspection, users):
    """A plan exported to Excel and imported back is the same plan."""
    from inspire.web.improve.selectors import plan_data

    first, _ = _import(client, users["southend_editor"], southend_inspection, seed_004_docx())
    editor = users["southend_editor"]
    item = first.items.get(ref="2")
    measure = item.measures.first()
    services.measure_value_record(measure=measure, user=editor, date=date(2016, 11, 30), value=38)
    services.progress_add(item=item, user=editor, date=date(2016, 11, 30), text="Audit report refocused")
    exported = client.get(reverse("plans:plan_export", args=[first.pk])).content
    client.force_login(users["southend_admin"])  # imported by someone else: authors are kept as written
    upload = io.BytesIO(exported)
    upload.name = "plan.xlsx"
    url = reverse("plans:plan_import", args=[southend_inspection.pk])
    assert client.post(url, {"form": "upload", "plan": upload}).status_code == 200
    assert client.post(url, {"form": "confirm"}).status_code == 302
    second = Plan.objects.exclude(pk=first.pk).get()
    assert plan_data(plan=second, as_at=date(2016, 12, 6)) == plan_data(plan=first, as_at=date(2016, 12, 6))


def test_item_judgement_area_and_themes_change_with_audit(client, plan, users):
    editor = users["southend_editor"]
    services.theme_create(plan=plan, user=editor, code="A", name="Practice and Culture")
    services.theme_create(plan=plan, user=editor, code="D", name="Management, Leadership and Governance")
    item = plan.items.get(ref="11")
    c = client_for(client, editor)
    response = c.post(
        reverse("plans:item_detail", args=[plan.pk, item.pk]),
        {"form": "item", "version": "1", "item-area": "leadership", "item-themes": ["D"]},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.judgement_area == "leadership" and [t.code for t in item.themes.all()] == ["D"]
    changes = AuditEntry.objects.filter(object_type="PlanItem", action="update", object_id=item.pk)
    assert {(e.field, e.before, e.after) for e in changes} == {
        ("judgement_area", "", "leadership"),
        ("themes", "", "D"),
    }
    page = c.get(reverse("plans:plan_detail", args=[plan.pk])).content.decode()
    assert page.index("Theme D: Management") < page.index("Ensure that information presented to elected members")


def test_milestone_edit_page_refuses_bad_input_and_saves_good(client, plan, users):
    milestone = Milestone.objects.get(action__item__plan=plan)
    url = reverse("plans:milestone_edit", args=[plan.pk, milestone.pk])
    assert client_for(client, users["southend_viewer"]).get(url).status_code == 403
    c = client_for(client, users["southend_editor"])
    page = c.get(url).content.decode()
    assert 'value="30"' in page and "Research of options." in page
    form = {
        "text": "Research of options.",
        "owner": "Head of Children's Services",
        "target-day": "31",
        "target-month": "3",
        "target-year": "2016",
        "status": "on_track",
        "evidence": "",
        "version": "1",
    }
    response = c.post(url, form)
    assert response.status_code == 400
    assert "31 March 2016 is before the inspection began (25 April 2016)" in response.content.decode()
    response = c.post(url, {**form, "target-month": "10", "owner": "Nobody"})
    assert response.status_code == 400
    assert "&#x27;Nobody&#x27; is not a known owner for Southend-on-Sea" in response.content.decode()
    response = c.post(url, {**form, "target-month": "10", "status": "complete"})
    assert response.status_code == 400 and "Give the evidence of completion" in response.content.decode()
    milestone.refresh_from_db()
    assert (milestone.target_date, milestone.status) == (date(2016, 9, 30), "not_started")  # nothing half-saved
    response = c.post(
        url, {**form, "target-month": "10", "status": "complete", "evidence": "Options paper, CSMT 4 October"}
    )
    assert response.status_code == 302
    milestone.refresh_from_db()
    assert (milestone.target_date, milestone.status, milestone.evidence) == (
        date(2016, 10, 31),
        "complete",
        "Options paper, CSMT 4 October",
    )
    fields = set(AuditEntry.objects.filter(object_type="Milestone", action="update").values_list("field", flat=True))
    assert fields == {"target_date", "timescale", "status", "evidence"}


def test_council_admins_give_roles(client, plan, users, django_user_model):
    url = reverse("plans:members", args=["southend-on-sea"])
    assert client_for(client, users["southend_editor"]).get(url).status_code == 403
    assert client_for(client, users["essex_editor"]).get(url).status_code == 404
    c = client_for(client, users["southend_admin"])
    assert "southend_viewer" in c.get(url).content.decode()
    response = c.post(url, {"username": "nobody", "role": "editor"})
    assert response.status_code == 400 and "There is no user called &#x27;nobody&#x27;" in response.content.decode()
    response = c.post(url, {"username": "southend_viewer", "role": "owner"})
    assert response.status_code == 400 and "&#x27;owner&#x27; is not a role" in response.content.decode()
    assert c.post(url, {"username": "southend_viewer", "role": "editor"}).status_code == 302
    # the former viewer may now change the plan
    item = plan.items.get(ref="2")
    services.progress_add(item=item, user=users["southend_viewer"], date=date(2016, 11, 1), text="Now an editor")


def test_risk_edit_rescored_with_dates_checked(client, plan, users):
    risk = plan.risks.get()
    url = reverse("plans:risk_edit", args=[plan.pk, risk.pk])
    c = client_for(client, users["southend_editor"])
    form = {
        "description": risk.description,
        "impact": "high",
        "likelihood": "low",
        "revised_impact": "medium",
        "revised_likelihood": "low",
        "mitigations": "Scrutiny sub-group",
        "owner": "Head of Children's Services",
        "review-day": "1",
        "review-month": "6",
        "review-year": "2016",
        "version": "1",
    }
    response = c.post(url, form)
    assert response.status_code == 400
    assert "1 June 2016 is before the report was received (7 July 2016)" in response.content.decode()
    response = c.post(url, {**form, "review-month": "12", "revised_likelihood": ""})
    assert response.status_code == 400
    assert "Give both a revised impact and a revised likelihood, or neither" in response.content.decode()
    assert c.post(url, {**form, "review-month": "12"}).status_code == 302
    risk.refresh_from_db()
    assert (risk.overall, risk.revised, risk.review_date, risk.owner.name) == (
        "medium",
        "low",
        date(2016, 12, 1),
        "Head of Children's Services",
    )
    changed = {e.field for e in AuditEntry.objects.filter(object_type="Risk", action="update")}
    assert changed == {"likelihood", "revised_impact", "mitigations", "owner", "review_date"}


def test_milestone_status_by_htmx_returns_just_the_row(client, plan, users):
    milestone = Milestone.objects.get(action__item__plan=plan)
    url = reverse("plans:item_detail", args=[plan.pk, milestone.action.item.pk])
    c = client_for(client, users["southend_editor"])
    form = {
        "form": "status",
        "milestone": milestone.pk,
        "version": "1",
        "status-status": "complete",
        "status-evidence": "",
    }
    response = c.post(url, form, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 400 and html.lstrip().startswith('<tr class="govuk-table__row" id="milestone-')
    assert "Give the evidence of completion before marking the milestone complete" in html
    response = c.post(url, {**form, "status-evidence": "Options paper"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and 'role="status">Saved.' in response.content.decode()
    assert "Complete" in response.content.decode()
    milestone.refresh_from_db()
    assert milestone.status == "complete"


def test_dates_are_written_out_where_people_read_them(client, plan, southend_inspection, users):
    """The plan list, the plan's Inspection row, the import preview and the audit trail say
    "25 April 2016", never "2016-04-25"."""
    start = southend_inspection.inspection_start
    long, iso = f"{start.day} {start:%B %Y}", start.isoformat()
    assert str(southend_inspection).endswith(f", {long}")
    c = client_for(client, users["southend_admin"])
    pages = {
        "list": c.get(reverse("plans:plan_list")),
        "plan": c.get(reverse("plans:plan_detail", args=[plan.pk])),
        "import": c.get(reverse("plans:plan_import", args=[southend_inspection.pk])),
        "audit": c.get(reverse("plans:audit", args=[plan.pk])),
    }
    for name, response in pages.items():
        html = response.content.decode()
        assert response.status_code == 200, name
        assert iso not in html and "2016-09-30" not in html, name
    assert long in pages["plan"].content.decode() and long in pages["import"].content.decode()
    assert "30 September 2016" in pages["audit"].content.decode()  # the milestone's target date


def test_future_progress_refused_by_page_and_api_alike(client, plan, users):
    from datetime import timedelta

    tomorrow = date.today() + timedelta(days=1)
    item = plan.items.get(ref="1")
    c = client_for(client, users["southend_editor"])
    response = c.post(
        f"/api/plans/{plan.pk}/items/{item.pk}/progress",
        data=json.dumps({"date": tomorrow.isoformat(), "text": "Will have happened"}),
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["detail"].startswith("date: ") and "is in the future" in response.json()["detail"]
    response = c.post(
        reverse("plans:item_detail", args=[plan.pk, item.pk]),
        {
            "form": "progress",
            "progress-date-day": str(tomorrow.day),
            "progress-date-month": str(tomorrow.month),
            "progress-date-year": str(tomorrow.year),
            "progress-text": "Will have happened",
        },
    )
    assert (
        response.status_code == 400
        and "is in the future: an update reports what has happened" in response.content.decode()
    )
    assert not ProgressUpdate.objects.filter(item=item).exists()


def test_api_milestone_patch_refuses_unknown_fields_and_non_objects(client, plan, users):
    milestone = Milestone.objects.get(action__item__plan=plan)
    url = f"/api/plans/{plan.pk}/milestones/{milestone.pk}"
    c = client_for(client, users["southend_editor"])
    response = c.patch(url, data=json.dumps({"status": "at_risk", "colour": "red"}), content_type="application/json")
    assert response.status_code == 422 and "colour" in response.json()["detail"]
    for body in ([], [{"status": "at_risk"}], "at_risk", 3):
        response = c.patch(url, data=json.dumps(body), content_type="application/json")
        assert response.status_code == 422, body
    milestone.refresh_from_db()
    assert milestone.status == "not_started"
    response = c.patch(
        url,
        data=json.dumps({"text": "Research the options for a model of practice.", "version": 1}),
        content_type="application/json",
    )
    assert response.status_code == 200 and response.json()["text"] == "Research the options for a model of practice."
    assert AuditEntry.objects.filter(object_type="Milestone", field="text").exists()


def test_action_edit_page_and_api(client, plan, users):
    action = plan.items.get(ref="1").actions.get()
    url = reverse("plans:action_edit", args=[plan.pk, action.pk])
    assert client_for(client, users["southend_viewer"]).get(url).status_code == 403
    assert client_for(client, users["essex_editor"]).get(url).status_code == 404
    c = client_for(client, users["southend_editor"])
    item_page = c.get(reverse("plans:item_detail", args=[plan.pk, action.item.pk])).content.decode()
    assert url in item_page
    form = {
        "text": "Identify and adopt a model of practice.",
        "lead": "Nobody",
        "target-day": "31",
        "target-month": "3",
        "target-year": "2017",
        "timescale": "",
        "version": "1",
    }
    response = c.post(url, form)
    assert response.status_code == 400 and "&#x27;Nobody&#x27; is not a known owner" in response.content.decode()
    response = c.post(url, {**form, "lead": "Head of Children's Services", "target-month": "8", "target-year": "2016"})
    assert (
        response.status_code == 400
        and "31 August 2016 is before the target date of Milestone 1" in response.content.decode()
    )
    response = c.post(url, {**form, "lead": "Head of Children's Services"})
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.lead.name, action.target_date, action.timescale) == (
        "Head of Children's Services",
        date(2017, 3, 31),
        "31 March 2017",
    )
    api = f"/api/plans/{plan.pk}/actions/{action.pk}"
    response = c.patch(
        api,
        data=json.dumps({"timescale": "31 March 2017 and quarterly", "owner": "x", "version": 2}),
        content_type="application/json",
    )
    assert response.status_code == 422 and "owner" in response.json()["detail"]
    assert c.patch(api, data=json.dumps([]), content_type="application/json").status_code == 422
    response = c.patch(
        api,
        data=json.dumps({"timescale": "31 March 2017 and quarterly", "version": 2}),
        content_type="application/json",
    )
    assert response.status_code == 200 and response.json()["timescale"] == "31 March 2017 and quarterly"
    response = c.patch(api, data=json.dumps({"lead": "Someone Unknown", "version": 3}), content_type="application/json")
    assert response.status_code == 422 and response.json()["detail"].startswith(
        "lead: 'Someone Unknown' is not a known owner"
    )
    viewer = client_for(client, users["southend_viewer"])
    assert (
        viewer.patch(api, data=json.dumps({"text": "x", "version": 3}), content_type="application/json").status_code
        == 403
    )


def test_measure_picked_from_the_indicators_shows_their_values_and_refuses_manual_ones(client, plan, users):
    from inspire.web.measure.models import IndicatorValue

    for start, end, value in [(date(2016, 4, 1), date(2016, 6, 30), 22.6), (date(2016, 7, 1), date(2016, 9, 30), 20.1)]:
        IndicatorValue.objects.create(
            authority=plan.authority,
            indicator="cp_repeat",
            period_start=start,
            period_end=end,
            value=value,
            source="annex_a",
        )
    item = plan.items.get(ref="3")
    url = reverse("plans:item_detail", args=[plan.pk, item.pk])
    c = client_for(client, users["southend_editor"])
    page = c.get(url).content.decode()
    assert '<option value="cp_repeat">' in page and "Work it out from the baseline and target" in page
    response = c.post(
        url,
        {
            "form": "measure",
            "measure-description": "Repeat child protection plans",
            "measure-baseline": "22.6",
            "measure-goal": "17",
            "measure-polarity": "higher_is_better",
            "measure-indicator": "cp_repeat",
        },
    )
    assert response.status_code == 400
    assert "The target (17) is below the baseline (22.6), so lower is better" in response.content.decode()
    response = c.post(
        url,
        {
            "form": "measure",
            "measure-description": "Repeat child protection plans",
            "measure-baseline": "22.6",
            "measure-goal": "17",
            "measure-indicator": "cp_repeat",
        },
    )
    assert response.status_code == 302
    measure = item.measures.get()
    page = c.get(url).content.decode()
    assert "Values from the indicator" in page and "30 September 2016" in page and "20.1%" in page
    assert 'name="value-measure"' not in page  # no measure here takes values by hand
    response = c.post(
        url,
        {
            "form": "value",
            "value-measure": measure.pk,
            "value-date-day": "30",
            "value-date-month": "11",
            "value-date-year": "2016",
            "value-value": "19",
        },
    )
    assert response.status_code == 400 and "values come from the indicator" in response.content.decode()
    board = services.board_create(plan=plan, user=users["southend_editor"], kind="improvement_board", name="Board")
    meeting = services.meeting_create(board=board, user=users["southend_editor"], date=date.today())  # after entry
    pack = c.get(reverse("plans:pack", args=[plan.pk, meeting.pk])).content.decode()
    assert "Repeat child protection plans" in pack and "20.1% on 30 September 2016" in pack  # the chart's words
    chart = c.get(reverse("plans:measure_chart", args=[plan.pk, measure.pk]))
    assert chart.content.startswith(b"\x89PNG")


def test_api_measures_direction_and_indicator(client, plan, users):
    from inspire.web.measure.models import IndicatorValue

    IndicatorValue.objects.create(
        authority=plan.authority,
        indicator="cp_repeat",
        period_start=date(2016, 7, 1),
        period_end=date(2016, 9, 30),
        value=20.1,
        source="annex_a",
    )
    item = plan.items.get(ref="2")
    c = client_for(client, users["southend_editor"])
    url = f"/api/plans/{plan.pk}/items/{item.pk}/measures"
    post = lambda u, body: c.post(u, data=json.dumps(body), content_type="application/json")  # noqa: E731
    response = post(
        url,
        {
            "description": "Audited cases requiring improvement",
            "baseline": 45,
            "target": 25,
            "polarity": "higher_is_better",
        },
    )
    assert response.status_code == 422
    assert response.json()["detail"].startswith(
        "polarity: the target (25) is below the baseline (45), so lower is better"
    )
    assert post(url, {"description": "Audits", "colour": "red"}).status_code == 422
    response = post(
        url, {"description": "Audited cases requiring improvement", "baseline": 45, "target": 25, "unit": "%"}
    )
    assert response.status_code == 201 and response.json()["polarity"] == "lower_is_better"
    manual = response.json()["id"]
    response = post(f"/api/plans/{plan.pk}/measures/{manual}/values", {"date": "2016-11-30", "value": 38})
    assert response.status_code == 201 and response.json()["values"] == [{"date": "2016-11-30", "value": 38.0}]
    response = post(
        url, {"description": "Repeat child protection plans", "baseline": 22.6, "target": 17, "indicator": "cp_repeat"}
    )
    assert response.status_code == 201
    linked = response.json()
    assert (linked["indicator"], linked["unit"], linked["values"]) == (
        "cp_repeat",
        "%",
        [{"date": "2016-09-30", "value": 20.1}],
    )
    response = post(f"/api/plans/{plan.pk}/measures/{linked['id']}/values", {"date": "2016-11-30", "value": 19})
    assert response.status_code == 422 and "values come from the indicator" in response.json()["detail"]
