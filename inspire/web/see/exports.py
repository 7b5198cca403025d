"""Downloads councils already work with: the summary and the full history, as CSV and Excel.

- summary: one row per authority of the register with its latest full inspection (the one
  ``selectors.authority_latest`` picks, as on the authority pages), its codes, dates, framework,
  each judgement, lead inspector, and its statistical neighbours' latest overall grades;
- history: one row per stored inspection.

A :class:`Table` is built once and written either way: CSV (UTF-8 with a byte-order mark so Excel
opens it correctly; ISO dates) or an Excel workbook (styled header, frozen header row, widths,
real dates shown as "14 October 2016", autofilter).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, F
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_GET
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from inspire.core.cells import append_row, csv_writer
from inspire.core.reading.record import JUDGEMENT_KEYS
from inspire.web.read.models import Authority, Inspection
from inspire.web.read.selectors import WHEN, authority_latest
from inspire.web.see.national import SEND_OUTCOMES
from inspire.web.toolkit.labels import area_label, area_order, family_label, grade_label

SEND_OUTCOME_WORDS = dict(SEND_OUTCOMES)

EXCEL_DATE_FORMAT = "dd mmmm yyyy"
#: Judgement columns, in the order the pages list the areas.
AREAS = sorted(JUDGEMENT_KEYS, key=area_order)
HEADER_FILL = "1D70B8"  # GOV.UK blue


@dataclass(frozen=True)
class Column:
    title: str
    kind: str = "text"  # text, date or number
    width: int = 16


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    columns: list[Column]
    rows: list[list]


def _codes_columns() -> list[Column]:
    return [
        Column("Local authority", width=28),
        Column("Ofsted URN", width=11),
        Column("DfE code", width=9),
        Column("ONS code", width=11),
        Column("Region", width=24),
    ]


def _inspection_columns() -> list[Column]:
    return [
        Column("Framework", width=30),
        Column("Inspection start", "date", 18),
        Column("Inspection end", "date", 18),
        Column("Published", "date", 18),
        *[Column(area_label(area), width=20) for area in AREAS],
        Column("Lead inspector", width=22),
        Column("Theme (JTAI)", width=30),
        Column("Outcome (area SEND)", width=30),
    ]


def _codes(authority: Authority | None) -> list:
    if authority is None:
        return ["Unknown authority", "", "", "", ""]
    return [authority.name, authority.ofsted_urn, authority.dfe_la_code, authority.ons_code, authority.region_name]


def _inspection_cells(inspection: Inspection | None) -> list:
    if inspection is None:
        return ["No inspection stored", None, None, None, *[""] * len(AREAS), "", "", ""]
    grades = {j.area: j.grade for j in inspection.judgements.all()}
    return [
        family_label(inspection.family),
        inspection.inspection_start,
        inspection.inspection_end,
        inspection.published,
        *[grade_label(grades.get(area)) for area in AREAS],
        inspection.lead_inspector,
        inspection.theme,
        f"{inspection.outcome}: {SEND_OUTCOME_WORDS.get(inspection.outcome, '')}" if inspection.outcome else "",
    ]


def summary_table() -> Table:
    """One row per authority: its latest full inspection and its neighbours' latest overall grades."""
    latest = authority_latest(authorities=list(Authority.objects.order_by("name")))
    overall_by_code = {item.authority.dfe_la_code: item.grades.get("overall") for item in latest}
    name_by_code = {item.authority.dfe_la_code: item.authority.name for item in latest}
    rows = []
    for item in latest:
        neighbours = [
            f"{name_by_code[code]}: {grade_label(overall_by_code[code]) or 'no overall grade'}"
            for code in item.authority.stat_neighbours
            if code in name_by_code
        ]
        rows.append([*_codes(item.authority), *_inspection_cells(item.inspection), "; ".join(neighbours)])
    columns = [
        *_codes_columns(),
        *_inspection_columns(),
        Column("Statistical neighbours' latest overall grades", width=60),
    ]
    return Table("summary", "Latest inspection of each local authority", columns, rows)


def history_table() -> Table:
    """One row per stored inspection, by authority then date (first day, else last, else publication)."""
    inspections = (
        Inspection.objects.select_related("authority", "document")
        .defer(
            "document__content", "record", "facts", "warnings"
        )  # the original files and whole records are not needed
        .prefetch_related("judgements")
        .annotate(recommendation_count=Count("recommendations"), when=WHEN)
        .order_by("authority__name", F("when").asc(nulls_first=True), "id")
    )
    rows = [
        [*_codes(i.authority), *_inspection_cells(i), i.recommendation_count, i.document.filename] for i in inspections
    ]
    columns = [
        *_codes_columns(),
        *_inspection_columns(),
        Column("Recommendations", "number", 16),
        Column("Source file", width=24),
    ]
    return Table("history", "Every stored inspection", columns, rows)


def to_csv(table: Table) -> bytes:
    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow(c.title for c in table.columns)
    for row in table.rows:
        writer.writerow("" if v is None else v.isoformat() if isinstance(v, date) else v for v in row)
    return out.getvalue().encode("utf-8-sig")


def to_xlsx(table: Table) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = table.name.capitalize()
    workbook.properties.title = table.title
    workbook.properties.creator = "Inspire"
    sheet.append([c.title for c in table.columns])
    for row in table.rows:
        append_row(sheet, row)
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor=HEADER_FILL)
    for cell in sheet[1]:
        cell.font = header_font
        cell.fill = header_fill
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    for index, column in enumerate(table.columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width
        if column.kind == "date":
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = EXCEL_DATE_FORMAT
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def themes_table() -> Table:
    """One row per stored recommendation with its practice themes (``inspire.core.themes``)."""
    from inspire.web.see.themes import theme_index, theme_names

    rows = [
        [
            item.authority_name,
            item.region,
            family_label(item.family),
            item.when,
            grade_label(item.grade),
            "; ".join(theme_names(item.themes)) or "No theme",
            item.text,
        ]
        for item in sorted(theme_index().items, key=lambda i: (i.authority_name, i.when or date.min, i.id))
    ]
    columns = [
        Column("Local authority", width=28),
        Column("Region", width=24),
        Column("Framework", width=30),
        Column("Inspection", "date", 18),
        Column("Overall grade", width=20),
        Column("Themes", width=40),
        Column("Recommendation", width=80),
    ]
    return Table("themes", "Every stored recommendation and its practice themes", columns, rows)


TABLES = {"summary": summary_table, "history": history_table, "themes": themes_table}
FORMATS = {
    "csv": (to_csv, "text/csv; charset=utf-8"),
    "xlsx": (to_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


@require_GET
def download(request: HttpRequest, table: str, fmt: str) -> HttpResponse:
    """``/exports/<table>.<fmt>`` as an attachment named with today's date."""
    if table not in TABLES or fmt not in FORMATS:
        raise Http404("No such export")
    write, content_type = FORMATS[fmt]
    response = HttpResponse(write(TABLES[table]()), content_type=content_type)
    filename = f"inspire-{table}-{timezone.localdate().isoformat()}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


app_name = "exports"
urlpatterns = [
    path(f"{table}.{fmt}", download, {"table": table, "fmt": fmt}, name=f"{table}-{fmt}")
    for table in TABLES
    for fmt in FORMATS
]
