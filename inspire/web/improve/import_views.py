"""Plans in and out: importing a plan (Word, Excel or CSV: upload, preview, confirm), the plan as
a workbook, the tracker councils share, and the empty template. The import view validates the
upload, calls the preview service (``importing``) and renders; nothing is stored before the
person confirms, and a failing row stores nothing."""

from __future__ import annotations

from datetime import date

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from inspire.core.errors import PlanImportError
from inspire.core.limits import LimitExceeded
from inspire.core.plans import excel
from inspire.web.accounts.services import require_role
from inspire.web.improve import importing, selectors, services
from inspire.web.improve.pages import XLSX, download, plan_for
from inspire.web.read.models import Inspection


class PlanUploadForm(forms.Form):
    """The upload: one file, present and under the import's size limit."""

    plan = forms.FileField(
        required=True, allow_empty_file=True, error_messages={"required": "Select a Word, Excel or CSV file"}
    )

    def clean_plan(self):
        upload = self.cleaned_data["plan"]
        if upload.size > importing.MAX_IMPORT_BYTES:
            raise forms.ValidationError("The file must be smaller than 10 MB")
        return upload


@login_required
@require_http_methods(["GET", "POST"])
def plan_import(request: HttpRequest, inspection_pk: int) -> HttpResponse:
    """Upload a plan (Word, Excel or CSV), see what will be stored and what could not be placed,
    then confirm. Nothing is stored before confirming; a failing row stores nothing."""
    inspection = get_object_or_404(Inspection.objects.select_related("authority"), pk=inspection_pk)
    if inspection.authority is None:
        raise Http404("The inspection's authority is not known")
    require_role(user=request.user, authority=inspection.authority, role="editor")
    errors: list[tuple[str, str]] = []
    preview = None
    if request.method == "POST" and request.POST.get("form") == "confirm":
        held = importing.upload_held(request.session, inspection=inspection)
        if held is None:
            errors.append(("", "Upload the plan again: the preview has expired"))
        else:
            name, data = held
            confirmed = importing.plan_import_preview(inspection=inspection, name=name, data=data)
            plan = services.plan_store(inspection=inspection, user=request.user, data=confirmed.plan)
            importing.upload_release(request.session)
            messages.success(request, f"Plan imported: {plan.items.count()} items.")
            return redirect("plans:plan_detail", pk=plan.pk)
    elif request.method == "POST":
        form = PlanUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            errors += [("plan", message) for message in form.errors["plan"]]
        else:
            upload = form.cleaned_data["plan"]
            data = upload.read()
            try:
                shown = importing.plan_import_preview(inspection=inspection, name=upload.name, data=data)
            except LimitExceeded as error:
                errors.append(("plan", str(error)))  # starts with the file's name, as it is spelt
            except PlanImportError as error:
                if error.errors:
                    errors += [("plan", str(e)) for e in error.errors]
                else:
                    errors.append(("plan", f"{str(error)[0].upper()}{str(error)[1:]}"))
            else:
                importing.upload_hold(request.session, inspection=inspection, name=upload.name, data=data)
                preview = {
                    "plan": shown.plan,
                    "notes": shown.notes,
                    "unplaced": shown.unplaced,
                    "report": shown.report,
                    "name": upload.name,
                    "new_people": importing.new_people(inspection, shown.plan),
                }
    return render(
        request,
        "plans/import.html",
        {"inspection": inspection, "errors": errors, "preview": preview, "nav_active": "plans:plan_list"},
        status=400 if errors else 200,
    )


@login_required
@require_GET
def plan_export(request: HttpRequest, pk: int) -> HttpResponse:
    plan, _ = plan_for(request, pk)
    data = selectors.plan_data(plan=plan, as_at=date.today())
    return download(excel.to_xlsx(data), f"{plan.authority.slug}-plan-{plan.pk}.xlsx", XLSX)


@login_required
@require_GET
def tracker_download(request: HttpRequest, pk: int) -> HttpResponse:
    """The tracker councils share: one row per action and milestone, RAG as cell fills, a key."""
    from inspire.core.plans import tracker

    plan, _ = plan_for(request, pk)
    today = date.today()
    data = selectors.plan_data(plan=plan, as_at=today)
    return download(
        tracker.to_xlsx(data, today, plan.deadline_line), f"{plan.authority.slug}-tracker-{plan.pk}.xlsx", XLSX
    )


@require_GET
def template_download(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt == "xlsx":
        return download(excel.to_xlsx(None), "inspire-plan-template.xlsx", XLSX)
    return download(excel.csv_template().encode(), "inspire-plan-template.csv", "text/csv; charset=utf-8")
