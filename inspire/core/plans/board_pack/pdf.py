"""The board pack as a PDF (reportlab, landscape A4): the pack's content laid out, nothing worked out here."""

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


def to_pdf(pack: BoardPack) -> bytes:
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import (
        KeepTogether,
        LongTable,
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
    )

    styles = getSampleStyleSheet()
    body, small = styles["BodyText"], styles["BodyText"].clone("small", fontSize=8, leading=10)
    bold_small = small.clone("bold_small", fontName="Helvetica-Bold")
    frame_width = landscape(A4)[0] - 2.4 * cm

    def para(text, style=small):
        return Paragraph(escape(str(text)).replace("\n", "<br/>"), style)

    def table(columns, rows, shares, width=None):
        """A table whose columns share the frame's width (or ``width``); long rows split across pages."""
        total = sum(shares)
        widths = [(width or frame_width) * s / total for s in shares]
        data = [[para(c, bold_small) for c in columns]] + [[para(v) for v in row] for row in rows]
        t = LongTable(data, colWidths=widths, repeatRows=1, splitInRow=1)
        t.setStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#505A5F")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DEE0E2")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
        return t

    def rows_or(columns, rows, shares, empty):
        return table(columns, rows, shares) if rows else para(empty, body)

    h1, h2 = styles["Heading1"], styles["Heading2"]
    # 1. cover
    overall = pack.plan_rag()
    story = [
        Paragraph(escape(pack.plan.title), styles["Title"]),
        Paragraph(escape(pack.heading), h1),
        para(
            f"Everything in this pack is as recorded on {format_long(pack.meeting)}."
            + (f" {pack.left_out}" if pack.left_out else ""),
            body,
        ),
        para(pack.deadline_text + (f" {pack.days_to_deadline}" if pack.days_to_deadline else ""), body),
        para(f"Overall status: {rag_rules.RAG_LABELS[overall.rag]}. {overall.reason}", body),
        Spacer(1, 6),
        charts.rag_counts_drawing(pack.rag_counts()),
        Spacer(1, 6),
    ]
    summary = table(("Status", "Items"), [(label, count) for _, label, count in pack.rag_counts()], (2, 1), 6 * cm)
    summary.setStyle(
        [
            ("BACKGROUND", (0, i + 1), (0, i + 1), colors.HexColor("#" + RAG_HEX[r]))
            for i, (r, _, _) in enumerate(pack.rag_counts())
        ]
    )
    story += [summary, Spacer(1, 6)]
    if pack.members:
        story.append(para("Members: " + "; ".join(pack.members) + ".", body))
    if pack.narrative:
        story += [
            Paragraph(escape(f"Progress to date ({format_long(pack.narrative[0])})"), h2),
            para(pack.narrative[1], body),
        ]

    # 2. exceptions
    story += [
        PageBreak(),
        Paragraph("Exceptions", h1),
        Paragraph("Red and amber items", h2),
        rows_or(EXCEPTION_ITEM_COLUMNS, pack.exception_items(), (1, 6, 1, 5), "No item is red or amber."),
        Paragraph("Milestones overdue or at risk", h2),
        rows_or(
            MILESTONE_COLUMNS, pack.flagged_milestones(), (1, 1, 8, 4, 2.4, 1.6), "No milestone is overdue or at risk."
        ),
        Paragraph(f"Risks scored {risk_rules.EXCEPTION_SCORE} or more", h2),
        rows_or(
            HIGH_RISK_COLUMNS,
            pack.high_risks(),
            (1, 6, 1, 7, 3),
            f"No risk scores {risk_rules.EXCEPTION_SCORE} or more.",
        ),
    ]
    # 3. decisions and the last meeting
    story.append(Paragraph("Decisions the board is asked for", h1))
    story += [para(f"{n}. {d}", body) for n, d in enumerate(pack.decisions_sought, start=1)] or [
        para("No decision is asked of the board at this meeting.", body)
    ]
    story.append(Paragraph("From the last meeting", h1))
    story += [para(f"• {d}", body) for d in pack.previous_decisions] or [
        para("No decisions recorded at the last meeting.", body)
    ]
    story.append(rows_or(ARISING_COLUMNS, pack.arising_rows(), (8, 2.4, 3, 2.4, 1.4), "No actions arising are open."))
    if pack.timeline:
        story += [PageBreak(), Paragraph("Priority timeline", h1)]
        story += [
            timeline_rules.drawing(part, pack.meeting, frame_width, timeline_rules.bounds(pack.timeline))
            for part in timeline_rules.chunks(pack.timeline)
        ]  # each part fits a page, all on one scale
        story += [Spacer(1, 6), table(TIMELINE_COLUMNS, timeline_rules.table_rows(pack.timeline), (8, 2.2, 2.2, 6, 3))]

    # 4. items by theme
    for group in pack.theme_groups():
        story += [PageBreak(), Paragraph(escape(group.heading), h1)]
        for item in group.items:
            story += [Paragraph(escape(pack.item_heading(item)), h2), para(item.title, body)]
            if pack.other_themes(item):
                story.append(para(f"Also in theme {pack.other_themes(item)}.", body))
            if item.outcomes:
                story.append(para(f"Outcomes to be achieved: {item.outcomes}", body))
            if item.report_refs:
                story.append(para(f"In the report: {item.report_refs}", body))
            story.append(rows_or(ACTION_COLUMNS, pack.action_rows(item), (10, 4, 3), "No actions yet."))
            if pack.milestone_rows(item):
                story += [Spacer(1, 4), table(ITEM_MILESTONE_COLUMNS, pack.milestone_rows(item), (1, 9, 4, 2.4, 1.6))]
            if pack.measure_rows(item):
                story += [Spacer(1, 4), table(MEASURE_COLUMNS, pack.measure_rows(item), (7, 2.5, 3, 3, 2.5))]
            for measure in pack.charted_measures(item):
                story.append(KeepTogether([para(f"Chart: {measure.description}", small), charts.drawing(measure)]))
            story += [Spacer(1, 4), para(f"Latest progress and impact: {pack.progress_words(item)}", body)]

    # 5. risks
    story += [
        PageBreak(),
        Paragraph("Risk register", h1),
        para(risk_rules.HEAT_DESCRIPTION, body),
        charts.heat_map_drawing(pack.heat_cells()),
        Spacer(1, 6),
        rows_or(RISK_COLUMNS, pack.risk_rows(), (1.1, 5, 1.4, 1.6, 1.1, 1.4, 6, 1.4, 2.4, 2.2), "No risks recorded."),
    ]
    # 6. the key, last
    story += [PageBreak(), Paragraph("Key", h1)]
    for heading, rows in pack.keys():
        story += [Paragraph(heading, h2), table(KEY_COLUMNS, rows, (1, 7))]
    story.append(para(risk_rules.MATRIX_DESCRIPTION, body))

    out = io.BytesIO()
    SimpleDocTemplate(
        out,
        pagesize=landscape(A4),
        leftMargin=1.2 * cm,
        rightMargin=1.2 * cm,
        topMargin=1.2 * cm,
        bottomMargin=1.2 * cm,
        title=pack.plan.title,
        author=pack.plan.authority or "Inspire",
    ).build(story)
    return out.getvalue()
