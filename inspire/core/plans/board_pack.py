"""The board pack for a meeting of an improvement board or scrutiny panel, as Word and PDF.

Built from plain data (:class:`PlanData` with each item's RAG as shown on the meeting date):
the RAG summary and its key; each item's progress and impact since the last meeting in the
layout councils already use (seed 002: item, area for improvement, action, lead, timescale, how
we will measure improvement, progress and impact); the milestones overdue or at risk; the
measures against their targets as charts; and the risk register scored by the written matrix.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date

from inspire.core.plans import charts
from inspire.core.plans import rag as rag_rules
from inspire.core.plans.deadlines import DEADLINE_UNKNOWN
from inspire.core.plans.model import ItemData, MilestoneData, PlanData, ActionData
from inspire.core.plans.risk import LEVEL_LABELS, MATRIX_DESCRIPTION, overall
from inspire.core.reading.dates import format_long

PROGRESS_COLUMNS = ("Item", "Area for improvement", "Action", "Lead", "Timescale",
                    "How we will measure improvement", "Progress and impact")
RISK_COLUMNS = ("Risk", "Impact", "Likelihood", "Overall risk", "Mitigation", "Revised risk", "Owner", "Review date")
MILESTONE_COLUMNS = ("Item", "Action", "Milestone", "Owner", "Target date", "Status")
RAG_HEX = {"red": "D4351C", "amber": "F47738", "green": "00703C", "blue": "1D70B8", "grey": "B1B4B6"}


@dataclass
class BoardPack:
    """Everything a pack shows, worked out once; the Word and PDF writers only lay it out."""

    plan: PlanData
    board: str
    meeting: date
    since: date | None  # the previous meeting: progress after it is "since the last meeting"
    members: list[str] = field(default_factory=list)
    deadline: date | None = None  # None while no received date is confirmed
    deadline_words: str = ""  # what the deadline counts from

    @property
    def deadline_text(self) -> str:
        """The deadline and what it counts from, or that it is not yet known: never a bare date."""
        if self.deadline is None:
            return f"{DEADLINE_UNKNOWN}."
        counted = f" ({self.deadline_words})" if self.deadline_words else ""
        return f"Submission deadline for the plan: {format_long(self.deadline)}{counted}."

    @property
    def heading(self) -> str:
        return f"{self.board}: {format_long(self.meeting)}"

    def rag_counts(self) -> list[tuple[str, str, int]]:
        rags = [i.rag for i in self.plan.items]
        return [(r, rag_rules.RAG_LABELS[r], rags.count(r)) for r in rag_rules.RAG_VALUES]

    def plan_rag(self) -> rag_rules.RagResult:
        return rag_rules.plan_rag([i.rag for i in self.plan.items],
                                  past_deadline=bool(self.deadline and self.deadline < self.meeting))

    def progress_text(self, item: ItemData) -> str:
        updates = [p for p in item.progress if p.date <= self.meeting and (self.since is None or p.date > self.since)]
        if not updates:
            return f"No update since {format_long(self.since)}." if self.since else "No update yet."
        return "\n".join(f"{format_long(p.date)}: {p.text}" for p in sorted(updates, key=lambda p: p.date))

    def progress_rows(self) -> list[tuple[str, ...]]:
        """One row per action; the item's own cells on its first row, as seed 002 prints them."""
        rows = []
        for item in self.plan.items:
            measures = "\n".join(m.description for m in item.measures)
            actions = item.actions or [ActionData(ref="", text="No actions yet.")]
            for index, action in enumerate(actions):
                first = index == 0
                rows.append((
                    f"{item.ref} ({rag_rules.RAG_LABELS.get(item.rag, '')})" if first and item.rag else (item.ref if first else ""),
                    item.title if first else "",
                    f"{action.ref}) {action.text}" if action.ref else action.text,
                    _action_leads(action),
                    _action_timescale(action),
                    measures if first else "",
                    self.progress_text(item) if first else "",
                ))
        return rows

    def flagged_milestones(self) -> list[tuple[str, ...]]:
        rows = []
        for item in self.plan.items:
            for action in item.actions:
                for m in action.milestones:
                    if m.status_on_date in ("overdue", "at_risk"):
                        rows.append((item.ref, action.ref, _milestone_words(m), m.owner,
                                     format_long(m.target_date) if m.target_date else m.timescale,
                                     rag_rules.MILESTONE_STATUS_LABELS[m.status_on_date]))
        return rows

    def measures(self):
        return [(item, m) for item in self.plan.items for m in item.measures if charts.has_chart(m)]

    def risk_rows(self) -> list[tuple[str, ...]]:
        rows = []
        for r in self.plan.risks:
            revised = overall(r.revised_impact, r.revised_likelihood) if r.revised_impact and r.revised_likelihood else ""
            rows.append((r.description, LEVEL_LABELS[r.impact], LEVEL_LABELS[r.likelihood],
                         LEVEL_LABELS[overall(r.impact, r.likelihood)], r.mitigations,
                         LEVEL_LABELS[revised] if revised else "", r.owner,
                         format_long(r.review_date) if r.review_date else ""))
        return rows

    def keys(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """The two keys, each a heading and its (status, rule) rows: items, then the plan."""
        key = rag_rules.key()
        return [(heading, [(row["label"], row["description"]) for row in key[scope]])
                for heading, scope in (("Key: items", "items"), ("Key: the plan", "plan"))]


def _milestone_words(m: MilestoneData) -> str:
    return f"{m.label}: {m.text}" if m.label else m.text


def _action_leads(action: ActionData) -> str:
    names = [action.lead] + [m.owner for m in action.milestones]
    return "\n".join(dict.fromkeys(n for n in names if n))


def _action_timescale(action: ActionData) -> str:
    """The action's own target (its date, or its timescale as written), then each milestone's."""
    own = format_long(action.target_date) if action.target_date else action.timescale
    lines = [own] if own else []
    lines += [f"{m.label or m.ordinal}: {format_long(m.target_date) if m.target_date else m.timescale}"
              for m in action.milestones if m.target_date or m.timescale]
    return "\n".join(lines)


def _measure_caption(item: ItemData, measure) -> str:
    parts = [f"Item {item.ref}: {measure.description}"]
    if measure.target is not None:
        by = f" by {format_long(measure.target_date)}" if measure.target_date else ""
        parts.append(f"Target {measure.target:g}{measure.unit}{by}.")
    if measure.values:
        latest = max(measure.values, key=lambda v: v.date)
        parts.append(f"Latest {latest.value:g}{measure.unit} on {format_long(latest.date)}.")
    return " ".join(parts)


# --- Word -------------------------------------------------------------------------------------


def to_docx(pack: BoardPack) -> bytes:
    import docx
    from docx.enum.section import WD_ORIENT
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
        header_properties = t.rows[0]._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        header_properties.append(repeat)
        for values in rows:
            cells = t.add_row().cells
            for cell, value in zip(cells, values):
                lines = str(value).split("\n")
                cell.text = lines[0]
                for line in lines[1:]:
                    cell.add_paragraph(line)
        return t

    document.add_heading(pack.plan.title, level=0)
    document.add_paragraph(f"{pack.heading}. Progress and impact since "
                           f"{format_long(pack.since) if pack.since else 'the plan began'}.")
    document.add_paragraph(pack.deadline_text)
    if pack.members:
        document.add_paragraph("Members: " + "; ".join(pack.members) + ".")

    document.add_heading("RAG summary", level=1)
    overall_rag = pack.plan_rag()
    document.add_paragraph(f"Overall: {rag_rules.RAG_LABELS[overall_rag.rag]}. {overall_rag.reason}")
    summary = table(("Status", "Items"), [(label, count) for _, label, count in pack.rag_counts()])
    for row, (rag, _, _) in zip(summary.rows[1:], pack.rag_counts()):
        shade(row.cells[0], RAG_HEX[rag])
    for heading, rows in pack.keys():
        document.add_heading(heading, level=2)
        table(("Status", "Rule"), rows)

    document.add_heading("Progress and impact", level=1)
    table(PROGRESS_COLUMNS, pack.progress_rows())

    document.add_heading("Milestones overdue or at risk", level=1)
    flagged = pack.flagged_milestones()
    if flagged:
        table(MILESTONE_COLUMNS, flagged)
    else:
        document.add_paragraph("No milestone is overdue or at risk.")

    document.add_heading("Measures against targets", level=1)
    measures = pack.measures()
    if not measures:
        document.add_paragraph("No measure has a recorded value yet.")
    for item, measure in measures:
        document.add_paragraph(_measure_caption(item, measure))
        document.add_picture(io.BytesIO(charts.png(measure)), width=Cm(14))
        table(("Date", "Value"), [(format_long(v.date), f"{v.value:g}{measure.unit}")
                                  for v in sorted(measure.values, key=lambda v: v.date)])

    document.add_heading("Risk register", level=1)
    document.add_paragraph(MATRIX_DESCRIPTION)
    if pack.plan.risks:
        table(RISK_COLUMNS, pack.risk_rows())
    else:
        document.add_paragraph("No risks recorded.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --- PDF --------------------------------------------------------------------------------------


def to_pdf(pack: BoardPack) -> bytes:
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import KeepTogether, LongTable, Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    body, small = styles["BodyText"], styles["BodyText"].clone("small", fontSize=8, leading=10)
    bold_small = small.clone("bold_small", fontName="Helvetica-Bold")

    def para(text, style=small):
        return Paragraph(escape(str(text)).replace("\n", "<br/>"), style)

    def table(columns, rows, widths=None):
        data = [[para(c, bold_small) for c in columns]] + [[para(v) for v in row] for row in rows]
        t = LongTable(data, colWidths=widths, repeatRows=1)
        t.setStyle([
            ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#505A5F")),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DEE0E2")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ])
        return t

    story = [Paragraph(escape(pack.plan.title), styles["Title"]),
             para(f"{pack.heading}. Progress and impact since "
                  f"{format_long(pack.since) if pack.since else 'the plan began'}.", body)]
    story.append(para(pack.deadline_text, body))
    if pack.members:
        story.append(para("Members: " + "; ".join(pack.members) + ".", body))
    story += [Paragraph("RAG summary", styles["Heading1"])]
    overall_rag = pack.plan_rag()
    story += [para(f"Overall: {rag_rules.RAG_LABELS[overall_rag.rag]}. {overall_rag.reason}", body), Spacer(1, 6)]
    summary = table(("Status", "Items"), [(label, count) for _, label, count in pack.rag_counts()], [4 * cm, 2 * cm])
    summary.setStyle([("BACKGROUND", (0, i + 1), (0, i + 1), colors.HexColor("#" + RAG_HEX[r]))
                      for i, (r, _, _) in enumerate(pack.rag_counts())])
    story += [summary, Spacer(1, 6)]
    for heading, rows in pack.keys():
        story += [Paragraph(heading, styles["Heading2"]), table(("Status", "Rule"), rows, [3 * cm, 20 * cm])]

    story.append(Paragraph("Progress and impact", styles["Heading1"]))
    widths = [c * cm for c in (1.6, 4.4, 4.6, 3.2, 3.2, 3.6, 5.8)]
    story.append(table(PROGRESS_COLUMNS, pack.progress_rows(), widths))

    story.append(Paragraph("Milestones overdue or at risk", styles["Heading1"]))
    flagged = pack.flagged_milestones()
    story.append(table(MILESTONE_COLUMNS, flagged, [c * cm for c in (1.6, 1.6, 10, 5, 3.2, 2.6)])
                 if flagged else para("No milestone is overdue or at risk.", body))

    story.append(Paragraph("Measures against targets", styles["Heading1"]))
    measures = pack.measures()
    if not measures:
        story.append(para("No measure has a recorded value yet.", body))
    for item, measure in measures:
        # the caption and its chart on one page
        story.append(KeepTogether([para(_measure_caption(item, measure), body), charts.drawing(measure)]))

    story.append(Paragraph("Risk register", styles["Heading1"]))
    story += [para(MATRIX_DESCRIPTION, body), Spacer(1, 6)]
    story.append(table(RISK_COLUMNS, pack.risk_rows(), [c * cm for c in (6, 1.8, 2, 1.8, 7, 1.8, 3, 2.4)])
                 if pack.plan.risks else para("No risks recorded.", body))

    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=landscape(A4), leftMargin=1.2 * cm, rightMargin=1.2 * cm,
                      topMargin=1.2 * cm, bottomMargin=1.2 * cm, title=pack.plan.title,
                      author=pack.plan.authority or "Inspire").build(story)
    return out.getvalue()
