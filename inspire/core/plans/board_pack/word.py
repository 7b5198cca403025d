"""The board pack as a Word document (landscape): the pack's content laid out, nothing worked out here."""

from __future__ import annotations

import io

from inspire.core.calendar import format_long
from inspire.core.plans import charts
from inspire.core.plans import rag as rag_rules
from inspire.core.plans import risk as risk_rules
from inspire.core.plans import timeline as timeline_rules
from inspire.core.plans.board_pack.pack import (
    ACTION_COLUMNS,
    ARISING_COLUMNS,
    EXCEPTION_ITEM_COLUMNS,
    HIGH_RISK_COLUMNS,
    ITEM_MILESTONE_COLUMNS,
    KEY_COLUMNS,
    MEASURE_COLUMNS,
    MILESTONE_COLUMNS,
    RAG_HEX,
    RISK_COLUMNS,
    TIMELINE_COLUMNS,
    BoardPack,
)


def to_docx(pack: BoardPack) -> bytes:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.size = Pt(10)

    def shade(cell, hex_colour: str) -> None:
        properties = cell._tc.get_or_add_tcPr()
        fill = OxmlElement("w:shd")
        fill.set(qn("w:val"), "clear")
        fill.set(qn("w:color"), "auto")
        fill.set(qn("w:fill"), hex_colour)
        properties.append(fill)

    def table(columns, rows, header_fill="DEE0E2"):
        t = document.add_table(rows=1, cols=len(columns))
        t.style = "Table Grid"
        for cell, name in zip(t.rows[0].cells, columns):
            cell.text = name
            cell.paragraphs[0].runs[0].bold = True
            shade(cell, header_fill)
        # repeat the header on every page, as councils' own tables do
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        t.rows[0]._tr.get_or_add_trPr().append(repeat)
        for values in rows:
            cells = t.add_row().cells
            for cell, value in zip(cells, values):
                lines = str(value).split("\n")
                cell.text = lines[0]
                for line in lines[1:]:
                    cell.add_paragraph(line)
        return t

    def new_page():
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # 1. cover
    document.add_heading(pack.plan.title, level=0)
    document.add_paragraph(
        f"{pack.heading}. Everything in this pack is as recorded on {format_long(pack.meeting)}."
        + (f" {pack.left_out}" if pack.left_out else "")
    )
    document.add_paragraph(pack.deadline_text + (f" {pack.days_to_deadline}" if pack.days_to_deadline else ""))
    overall = pack.plan_rag()
    document.add_paragraph(f"Overall status: {rag_rules.RAG_LABELS[overall.rag]}. {overall.reason}")
    document.add_picture(io.BytesIO(charts.rag_counts_png(pack.rag_counts())), width=Cm(10))
    summary = table(("Status", "Items"), [(label, count) for _, label, count in pack.rag_counts()])
    for row, (rag, _, _) in zip(summary.rows[1:], pack.rag_counts()):
        shade(row.cells[0], RAG_HEX[rag])
    if pack.members:
        document.add_paragraph("Members: " + "; ".join(pack.members) + ".")
    if pack.narrative:
        document.add_heading(f"Progress to date ({format_long(pack.narrative[0])})", level=2)
        for line in pack.narrative[1].split("\n"):
            document.add_paragraph(line)

    # 2. exceptions
    new_page()
    document.add_heading("Exceptions", level=1)
    document.add_heading("Red and amber items", level=2)
    _docx_rows(document, table, EXCEPTION_ITEM_COLUMNS, pack.exception_items(), "No item is red or amber.")
    document.add_heading("Milestones overdue or at risk", level=2)
    _docx_rows(document, table, MILESTONE_COLUMNS, pack.flagged_milestones(), "No milestone is overdue or at risk.")
    document.add_heading(f"Risks scored {risk_rules.EXCEPTION_SCORE} or more", level=2)
    _docx_rows(
        document, table, HIGH_RISK_COLUMNS, pack.high_risks(), f"No risk scores {risk_rules.EXCEPTION_SCORE} or more."
    )

    # 3. decisions and the last meeting
    document.add_heading("Decisions the board is asked for", level=1)
    if pack.decisions_sought:
        for decision in pack.decisions_sought:
            document.add_paragraph(decision, style="List Number")
    else:
        document.add_paragraph("No decision is asked of the board at this meeting.")
    document.add_heading("From the last meeting", level=1)
    for decision in pack.previous_decisions:
        document.add_paragraph(decision, style="List Bullet")
    if not pack.previous_decisions:
        document.add_paragraph("No decisions recorded at the last meeting.")
    _docx_rows(document, table, ARISING_COLUMNS, pack.arising_rows(), "No actions arising are open.")
    if pack.timeline:
        new_page()
        document.add_heading("Priority timeline", level=1)
        for part in timeline_rules.chunks(pack.timeline):  # each part fits a page, all on one scale
            document.add_picture(
                io.BytesIO(timeline_rules.png(part, pack.meeting, span=timeline_rules.bounds(pack.timeline))),
                width=Cm(25),
            )
        table(TIMELINE_COLUMNS, timeline_rules.table_rows(pack.timeline))

    # 4. items by theme
    for group in pack.theme_groups():
        new_page()
        document.add_heading(group.heading, level=1)
        for item in group.items:
            document.add_heading(pack.item_heading(item), level=2)
            document.add_paragraph(item.title)
            if pack.other_themes(item):
                document.add_paragraph(f"Also in theme {pack.other_themes(item)}.")
            if item.outcomes:
                document.add_paragraph(f"Outcomes to be achieved: {item.outcomes}")
            if item.report_refs:
                document.add_paragraph(f"In the report: {item.report_refs}")
            _docx_rows(document, table, ACTION_COLUMNS, pack.action_rows(item), "No actions yet.")
            if pack.milestone_rows(item):
                table(ITEM_MILESTONE_COLUMNS, pack.milestone_rows(item))
            if pack.measure_rows(item):
                table(MEASURE_COLUMNS, pack.measure_rows(item))
            for measure in pack.charted_measures(item):
                document.add_picture(io.BytesIO(charts.png(measure)), width=Cm(12))
            document.add_paragraph(f"Latest progress and impact: {pack.progress_words(item)}")

    # 5. risks
    new_page()
    document.add_heading("Risk register", level=1)
    document.add_paragraph(risk_rules.HEAT_DESCRIPTION)
    document.add_picture(io.BytesIO(charts.heat_map_png(pack.heat_cells())), width=Cm(9))
    _docx_rows(document, table, RISK_COLUMNS, pack.risk_rows(), "No risks recorded.")

    # 6. the key, last
    new_page()
    document.add_heading("Key", level=1)
    for heading, rows in pack.keys():
        document.add_heading(heading, level=2)
        table(KEY_COLUMNS, rows)
    document.add_paragraph(risk_rules.MATRIX_DESCRIPTION)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _docx_rows(document, table, columns, rows, empty: str) -> None:
    if rows:
        table(columns, rows)
    else:
        document.add_paragraph(empty)
