"""The indicator workbook: figures only, never a child's identifier (case rows stay in Inspire)."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from inspire.core.cells import append_row, as_text, csv_writer
from inspire.core.indicators import CATALOGUE
from inspire.web.measure.selectors import visible_values
from inspire.web.read.models import Authority

HEADER_FILL = "1D70B8"


def _sheet(workbook: Workbook, title: str, headers: list[str], rows: list[list], widths: list[int]) -> None:
    sheet = workbook.create_sheet(title)
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
    for row in rows:
        append_row(sheet, row)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if hasattr(cell.value, "year"):
                cell.number_format = "dd mmmm yyyy"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions


def indicators_xlsx(*, authority: Authority, annex_a: bool) -> bytes:
    """Every value the viewer may see (Annex A figures only when ``annex_a``) and the definitions."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    values = (
        visible_values(authority=authority, annex_a=annex_a)
        .exclude(value=None)
        .order_by("indicator", "period_end", "period_start", "-computed")
    )
    rows = []
    for v in values:
        indicator = CATALOGUE.get(v.indicator)
        if indicator is None:
            continue
        left_out = sum(v.left_out.values()) if v.left_out else 0
        rows.append(
            [
                indicator.name,
                v.period_start,
                v.period_end,
                round(v.value, 2),
                v.numerator,
                v.denominator,
                indicator.unit.value,
                left_out,
                v.get_source_display(),
            ]
        )
    _sheet(
        workbook,
        "Indicators",
        [
            "Indicator",
            "Period start",
            "Period end",
            "Value",
            "Numerator",
            "Denominator",
            "Unit",
            "Rows left out",
            "Source",
        ],
        rows,
        [60, 16, 16, 10, 12, 13, 10, 14, 20],
    )
    definitions = [
        [
            i.name,
            i.definition,
            i.unit.value,
            i.polarity.value,
            i.semantics.value,
            i.threshold.value if i.threshold else None,
        ]
        for i in CATALOGUE.values()
    ]
    _sheet(
        workbook,
        "Definitions",
        ["Indicator", "Definition", "Unit", "Better when", "Period", "National threshold"],
        definitions,
        [60, 100, 10, 12, 10, 18],
    )
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


# -- benchmarking: the authority against its statistical neighbours, every published indicator ---------

BENCHMARK_HEADERS = [
    "Indicator",
    "Year",
    "Area",
    "Kind",
    "Figure",
    "Unit",
    "Not published because",
    "Rank",
    "Of",
    "Quartile",
    "Better when",
    "Source",
]
UNIT_WORDS = {"percent": "percentage", "rate": "per 10,000 children under 18", "cases": "cases per social worker"}


def benchmark_rows(*, authority: Authority, annex_a: bool) -> list[list]:
    """One row per area per indicator for the latest published year: the authority (its rank and
    quartile), England, its region, each statistical neighbour and the neighbours' average."""
    from inspire.web.measure.selectors import published_summaries

    rows = []
    for summary in published_summaries(authority=authority, annex_a=annex_a).values():
        b = summary.benchmark

        def row(area, kind, value, why="", rank=None, of=None, quartile="", *, summary=summary):
            m = summary.measure
            return [
                m.name,
                summary.year_label,
                area,
                kind,
                round(value, m.decimals + 1) if value is not None else None,
                UNIT_WORDS.get(m.unit, m.unit),
                why if value is None else "",
                rank,
                of,
                quartile,
                {"higher": "higher", "lower": "lower"}.get(m.polarity, "neither (demand)"),
                summary.source,
            ]

        own_kind = "this authority (Inspire's Annex A figure)" if summary.own_from_inspire else "this authority"
        rows.append(
            row(
                authority.name,
                own_kind,
                b.value,
                summary.own_not_published,
                b.rank,
                b.ranked if b.rank else None,
                b.quartile_text if b.quartile else "",
            )
        )
        rows.append(
            row(
                "England",
                "England",
                b.england.value if b.england else None,
                b.england.not_published if b.england else "no figure",
            )
        )
        rows.append(
            row(
                summary.region_name,
                "region",
                b.region.value if b.region else None,
                b.region.not_published if b.region else "no figure",
            )
        )
        rows.append(
            row(
                "Statistical neighbours",
                f"average of {b.neighbours_with_figure} neighbours",
                b.neighbours_mean,
                "no neighbour has a figure",
            )
        )
        rows.extend(row(n.name, "statistical neighbour", n.value, n.not_published) for n in b.neighbours)
    return rows


def benchmark_csv(*, authority: Authority, annex_a: bool) -> str:
    out = io.StringIO()
    writer = csv_writer(out, lineterminator="\r\n")
    writer.writerow(BENCHMARK_HEADERS)
    for row in benchmark_rows(authority=authority, annex_a=annex_a):
        writer.writerow(["" if v is None else v for v in row])
    return out.getvalue()


def benchmark_xlsx(*, authority: Authority, annex_a: bool) -> bytes:
    """The benchmarking rows, and a sheet per theme with one bar chart per indicator: the authority,
    England, its region and each neighbour (openpyxl charts). Every cell a value, never a formula."""
    from openpyxl.chart import BarChart, Reference

    workbook = Workbook()
    workbook.remove(workbook.active)
    rows = benchmark_rows(authority=authority, annex_a=annex_a)
    _sheet(workbook, "Benchmarking", BENCHMARK_HEADERS, rows, [50, 32, 30, 34, 10, 26, 34, 7, 7, 28, 16, 70])
    charts = workbook.create_sheet("Charts")
    charts.append(
        [
            "Each chart: the latest published year, the authority beside England, its region and its "
            "statistical neighbours."
        ]
    )
    line = 3
    by_measure: dict[str, list[list]] = {}
    for r in rows:
        if not r[3].startswith("average of"):
            by_measure.setdefault(r[0], []).append(r)
    for name, measure_rows in by_measure.items():
        charts.cell(row=line, column=1, value=f"{name} ({measure_rows[0][1]}; {measure_rows[0][5]})")
        first = line + 1
        for offset, r in enumerate(measure_rows):
            charts.cell(row=first + offset, column=1, value=r[2])
            charts.cell(row=first + offset, column=2, value=r[4])
        last = first + len(measure_rows) - 1
        chart = BarChart()
        chart.type = "bar"
        chart.title = name
        chart.y_axis.title = measure_rows[0][5]
        chart.legend = None
        chart.add_data(Reference(charts, min_col=2, min_row=first, max_row=last), titles_from_data=False)
        chart.set_categories(Reference(charts, min_col=1, min_row=first, max_row=last))
        chart.height, chart.width = 9, 18
        charts.add_chart(chart, f"D{line}")
        line = max(last, line + 18) + 2
    charts.column_dimensions["A"].width = 34
    for sheet in workbook.worksheets:
        for cells in sheet.iter_rows():
            for cell in cells:
                as_text(cell)  # formula-like text stays text: never evaluated
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
