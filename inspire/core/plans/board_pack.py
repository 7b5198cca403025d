"""The board pack for a meeting of an improvement board or scrutiny panel: page, Word and PDF
alike, in the order seeds 002 and 004 show a board reads it.

1. The cover: the plan's status (items by RAG as a chart and a table), the submission deadline
   with what it counts from and the days to it, the members, and the narrative of progress to
   date.
2. Exceptions first: red and amber items, overdue and at-risk milestones, risks scored 15 or more.
3. The decisions the board is asked for, then the last meeting's decisions and the actions
   arising still open.
4. The items grouped by theme, each with its outcomes to be achieved and report references, its
   actions, milestones (words, owner, date, status), measures (baseline, target, latest value,
   chart) and latest progress and impact; the council's own items marked.
5. The risk register as a 5 x 5 heat map and a table.
6. The RAG keys last.

Built from :class:`PlanData` as recorded on the meeting's date (``as_at.as_recorded``): nothing
entered after the meeting shows. :class:`BoardPack` works the content out once; ``to_docx`` and
``to_pdf`` only lay it out, and the page template reads the same methods.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date

from inspire.core.plans import charts
from inspire.core.plans import rag as rag_rules
from inspire.core.calendar import format_long
from inspire.core.plans import risk as risk_rules
from inspire.core.plans import timeline as timeline_rules
from inspire.core.plans.deadlines import DEADLINE_UNKNOWN
from inspire.core.plans.model import ActionData, ItemData, MeasureData, MilestoneData, PlanData, ProgressData

RAG_HEX = {"red": "D4351C", "amber": "F47738", "green": "00703C", "blue": "1D70B8", "grey": "B1B4B6"}

EXCEPTION_ITEM_COLUMNS = ("Item", "Recommendation or area for improvement", "Status", "Why")
MILESTONE_COLUMNS = ("Item", "Action", "Milestone", "Owner", "Target date", "Status")
HIGH_RISK_COLUMNS = ("Risk", "Description", "Score", "Mitigation", "Owner")
ARISING_COLUMNS = ("Action arising", "From the meeting of", "Owner", "Due", "Status")
ACTION_COLUMNS = ("Action", "Lead", "Timescale")
ITEM_MILESTONE_COLUMNS = ("Action", "Milestone", "Owner", "Target date", "Status")
MEASURE_COLUMNS = ("Measure", "Baseline", "Target", "Latest value", "Status")
RISK_COLUMNS = ("Risk", "Description", "Impact", "Likelihood", "Score", "Overall risk", "Mitigation",
                "Revised risk", "Owner", "Review date")
KEY_COLUMNS = ("Status", "Rule")
TIMELINE_COLUMNS = ("Theme or action", "Start", "Outcome achieved by", "Milestones", "Note")
ARISING_STATUS = {"open": "Open", "done": "Done", "dropped": "Dropped"}


@dataclass
class ArisingAction:
    text: str
    meeting: date
    owner: str = ""
    due: date | None = None
    status: str = "open"


@dataclass
class ThemeGroup:
    heading: str
    items: list[ItemData]


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
    decisions_sought: list[str] = field(default_factory=list)
    previous_decisions: list[str] = field(default_factory=list)  # made at the last meeting
    actions_arising: list[ArisingAction] = field(default_factory=list)  # from earlier meetings, as at this one
    narrative: tuple[date, str] | None = None  # the plan's narrative of progress to date
    left_out: str = ""  # what was recorded after the meeting and so is not in the pack
    timeline: list = field(default_factory=list)  # timeline.Row: themes and overarching actions

    # --- the cover --------------------------------------------------------------------------

    @property
    def heading(self) -> str:
        return f"{self.board}: {format_long(self.meeting)}"

    @property
    def deadline_text(self) -> str:
        """The deadline and what it counts from, or that it is not yet known: never a bare date."""
        if self.deadline is None:
            return f"{DEADLINE_UNKNOWN}."
        counted = f" ({self.deadline_words})" if self.deadline_words else ""
        return f"Submission deadline for the plan: {format_long(self.deadline)}{counted}."

    @property
    def days_to_deadline(self) -> str:
        if self.deadline is None:
            return ""
        days = (self.deadline - self.meeting).days
        if days > 0:
            return f"{days} day{'s' if days != 1 else ''} from the meeting to the deadline."
        if days == 0:
            return "The deadline is the day of the meeting."
        return f"The deadline passed {-days} day{'s' if days != -1 else ''} before the meeting."

    def rag_counts(self) -> list[tuple[str, str, int]]:
        rags = [i.rag for i in self.plan.items]
        return [(r, rag_rules.RAG_LABELS[r], rags.count(r)) for r in rag_rules.RAG_VALUES]

    def plan_rag(self) -> rag_rules.RagResult:
        return rag_rules.plan_rag([i.rag for i in self.plan.items],
                                  past_deadline=bool(self.deadline and self.deadline < self.meeting))

    # --- exceptions --------------------------------------------------------------------------

    def exception_items(self) -> list[tuple[str, ...]]:
        """Red items, then amber ones, each with the rule (or override reason) that made it so."""
        rows = []
        for rag in ("red", "amber"):
            rows += [(_item_ref(i), i.title, rag_rules.RAG_LABELS[rag], i.rag_reason) for i in self.plan.items if i.rag == rag]
        return rows

    def flagged_milestones(self) -> list[tuple[str, ...]]:
        """Overdue milestones, then those marked at risk."""
        rows = []
        for wanted in ("overdue", "at_risk"):
            for item in self.plan.items:
                for action in item.actions:
                    for m in action.milestones:
                        if m.status_on_date == wanted:
                            rows.append((item.ref, action.ref, _milestone_words(m), m.owner, _when(m),
                                         rag_rules.MILESTONE_STATUS_LABELS[wanted]))
        return rows

    def numbered_risks(self):
        return list(enumerate(self.plan.risks, start=1))

    def high_risks(self) -> list[tuple[str, ...]]:
        rows = []
        for number, r in self.numbered_risks():
            score = risk_rules.heat_score(r.impact, r.likelihood)
            if score >= risk_rules.EXCEPTION_SCORE:
                rows.append((str(number), r.description, str(score), r.mitigations, r.owner))
        return rows

    # --- decisions and the last meeting ------------------------------------------------------

    def arising_rows(self) -> list[tuple[str, ...]]:
        return [(a.text, format_long(a.meeting), a.owner, format_long(a.due) if a.due else "",
                 ARISING_STATUS.get(a.status, a.status)) for a in self.actions_arising]

    # --- items by theme ----------------------------------------------------------------------

    def theme_groups(self) -> list[ThemeGroup]:
        """Each item under its first theme, in theme order (its other themes named beside it);
        items in no theme last."""
        names = {t.code: t.name for t in self.plan.themes}
        groups = {t.code: ThemeGroup(f"Theme {t.code}: {t.name}", []) for t in self.plan.themes}
        loose = ThemeGroup("Not in a theme", [])
        for item in self.plan.items:
            first = next((c for c in item.themes if c in names), None)
            (groups[first] if first else loose).items.append(item)
        return [g for g in list(groups.values()) + [loose] if g.items]

    def item_heading(self, item: ItemData) -> str:
        own = " (the council's own item)" if item.own else ""
        status = f" — {rag_rules.RAG_LABELS[item.rag]}" if item.rag else ""
        return f"Item {item.ref}{own}{status}"

    def other_themes(self, item: ItemData) -> str:
        return ", ".join(item.themes[1:])

    def action_rows(self, item: ItemData) -> list[tuple[str, ...]]:
        return [(f"{a.ref}. {a.text}" if a.ref else a.text, a.lead, _action_timescale(a)) for a in item.actions]

    def milestone_rows(self, item: ItemData) -> list[tuple[str, ...]]:
        return [(a.ref, _milestone_words(m), m.owner, _when(m),
                 rag_rules.MILESTONE_STATUS_LABELS.get(m.status_on_date, m.status_on_date))
                for a in item.actions for m in a.milestones]

    def measure_rows(self, item: ItemData) -> list[tuple[str, ...]]:
        rows = []
        for m in item.measures:
            latest = max(m.values, key=lambda v: v.date) if m.values else None
            baseline = _figure(m.baseline, m.unit) + (f" ({format_long(m.baseline_date)})" if m.baseline_date and m.baseline is not None else "")
            target = _figure(m.target, m.unit) + (f" by {format_long(m.target_date)}" if m.target_date and m.target is not None else "")
            facts = rag_rules.MeasureFacts(m.target, m.polarity, m.target_date, latest.value if latest else None)
            rows.append((m.description, baseline or "Not set", target or "Not set",
                         f"{latest.value:g}{m.unit} ({format_long(latest.date)})" if latest else "No value yet",
                         rag_rules.MEASURE_STATUS_LABELS[rag_rules.measure_status(facts, self.meeting)]))
        return rows

    def charted_measures(self, item: ItemData) -> list[MeasureData]:
        return [m for m in item.measures if charts.has_chart(m)]

    def latest_progress(self, item: ItemData) -> ProgressData | None:
        known = sorted((p for p in item.progress if p.date <= self.meeting), key=lambda p: p.date)
        return known[-1] if known else None

    def progress_words(self, item: ItemData) -> str:
        latest = self.latest_progress(item)
        if latest is None:
            return "No progress and impact recorded yet."
        fresh = "" if self.since is None or latest.date > self.since else f" (no update since the last meeting, {format_long(self.since)})"
        by = f", {latest.author}" if latest.author else ""
        return f"{format_long(latest.date)}{by}{fresh}: {latest.text}"

    # --- risks and keys ----------------------------------------------------------------------

    def heat_cells(self) -> dict[tuple[int, int], list[str]]:
        cells: dict[tuple[int, int], list[str]] = {}
        for number, r in self.numbered_risks():
            key = (risk_rules.HEAT_SCORES[risk_rules.parse_level(r.impact)],
                   risk_rules.HEAT_SCORES[risk_rules.parse_level(r.likelihood)])
            cells.setdefault(key, []).append(str(number))
        return cells

    def risk_rows(self) -> list[tuple[str, ...]]:
        rows = []
        for number, r in self.numbered_risks():
            revised = risk_rules.overall(r.revised_impact, r.revised_likelihood) if r.revised_impact and r.revised_likelihood else ""
            rows.append((str(number), r.description, risk_rules.LEVEL_LABELS[risk_rules.parse_level(r.impact)],
                         risk_rules.LEVEL_LABELS[risk_rules.parse_level(r.likelihood)],
                         str(risk_rules.heat_score(r.impact, r.likelihood)),
                         risk_rules.LEVEL_LABELS[risk_rules.overall(r.impact, r.likelihood)], r.mitigations,
                         risk_rules.LEVEL_LABELS[revised] if revised else "", r.owner,
                         format_long(r.review_date) if r.review_date else ""))
        return rows

    def keys(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """The two keys, each a heading and its (status, rule) rows: items, then the plan."""
        key = rag_rules.key()
        return [(heading, [(row["label"], row["description"]) for row in key[scope]])
                for heading, scope in (("Key: items", "items"), ("Key: the plan", "plan"))]


def _item_ref(item: ItemData) -> str:
    return f"{item.ref} (council's own)" if item.own else item.ref


def _figure(value: float | None, unit: str) -> str:
    return "" if value is None else f"{value:g}{unit}"


def _when(m: MilestoneData) -> str:
    return format_long(m.target_date) if m.target_date else m.timescale


def _milestone_words(m: MilestoneData) -> str:
    return f"{m.label}: {m.text}" if m.label else m.text


def _action_timescale(action: ActionData) -> str:
    """The action's own target (its date, or its timescale as written)."""
    return format_long(action.target_date) if action.target_date else action.timescale


# --- Word -------------------------------------------------------------------------------------


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
    document.add_paragraph(f"{pack.heading}. Everything in this pack is as recorded on {format_long(pack.meeting)}."
                           + (f" {pack.left_out}" if pack.left_out else ""))
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
    _docx_rows(document, table, HIGH_RISK_COLUMNS, pack.high_risks(), f"No risk scores {risk_rules.EXCEPTION_SCORE} or more.")

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
            document.add_picture(io.BytesIO(timeline_rules.png(part, pack.meeting, span=timeline_rules.bounds(pack.timeline))),
                                 width=Cm(25))
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


# --- PDF --------------------------------------------------------------------------------------


def to_pdf(pack: BoardPack) -> bytes:
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import KeepTogether, LongTable, PageBreak, Paragraph, SimpleDocTemplate, Spacer

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
        t.setStyle([
            ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#505A5F")),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DEE0E2")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ])
        return t

    def rows_or(columns, rows, shares, empty):
        return table(columns, rows, shares) if rows else para(empty, body)

    h1, h2 = styles["Heading1"], styles["Heading2"]
    # 1. cover
    overall = pack.plan_rag()
    story = [Paragraph(escape(pack.plan.title), styles["Title"]),
             Paragraph(escape(pack.heading), h1),
             para(f"Everything in this pack is as recorded on {format_long(pack.meeting)}."
                  + (f" {pack.left_out}" if pack.left_out else ""), body),
             para(pack.deadline_text + (f" {pack.days_to_deadline}" if pack.days_to_deadline else ""), body),
             para(f"Overall status: {rag_rules.RAG_LABELS[overall.rag]}. {overall.reason}", body),
             Spacer(1, 6), charts.rag_counts_drawing(pack.rag_counts()), Spacer(1, 6)]
    summary = table(("Status", "Items"), [(label, count) for _, label, count in pack.rag_counts()], (2, 1), 6 * cm)
    summary.setStyle([("BACKGROUND", (0, i + 1), (0, i + 1), colors.HexColor("#" + RAG_HEX[r]))
                      for i, (r, _, _) in enumerate(pack.rag_counts())])
    story += [summary, Spacer(1, 6)]
    if pack.members:
        story.append(para("Members: " + "; ".join(pack.members) + ".", body))
    if pack.narrative:
        story += [Paragraph(escape(f"Progress to date ({format_long(pack.narrative[0])})"), h2), para(pack.narrative[1], body)]

    # 2. exceptions
    story += [PageBreak(), Paragraph("Exceptions", h1), Paragraph("Red and amber items", h2),
              rows_or(EXCEPTION_ITEM_COLUMNS, pack.exception_items(), (1, 6, 1, 5), "No item is red or amber."),
              Paragraph("Milestones overdue or at risk", h2),
              rows_or(MILESTONE_COLUMNS, pack.flagged_milestones(), (1, 1, 8, 4, 2.4, 1.6),
                      "No milestone is overdue or at risk."),
              Paragraph(f"Risks scored {risk_rules.EXCEPTION_SCORE} or more", h2),
              rows_or(HIGH_RISK_COLUMNS, pack.high_risks(), (1, 6, 1, 7, 3),
                      f"No risk scores {risk_rules.EXCEPTION_SCORE} or more.")]
    # 3. decisions and the last meeting
    story.append(Paragraph("Decisions the board is asked for", h1))
    story += [para(f"{n}. {d}", body) for n, d in enumerate(pack.decisions_sought, start=1)] or [
        para("No decision is asked of the board at this meeting.", body)]
    story.append(Paragraph("From the last meeting", h1))
    story += [para(f"• {d}", body) for d in pack.previous_decisions] or [
        para("No decisions recorded at the last meeting.", body)]
    story.append(rows_or(ARISING_COLUMNS, pack.arising_rows(), (8, 2.4, 3, 2.4, 1.4), "No actions arising are open."))
    if pack.timeline:
        story += [PageBreak(), Paragraph("Priority timeline", h1)]
        story += [timeline_rules.drawing(part, pack.meeting, frame_width, timeline_rules.bounds(pack.timeline))
                  for part in timeline_rules.chunks(pack.timeline)]  # each part fits a page, all on one scale
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
    story += [PageBreak(), Paragraph("Risk register", h1), para(risk_rules.HEAT_DESCRIPTION, body),
              charts.heat_map_drawing(pack.heat_cells()), Spacer(1, 6),
              rows_or(RISK_COLUMNS, pack.risk_rows(), (1.1, 5, 1.4, 1.6, 1.1, 1.4, 6, 1.4, 2.4, 2.2), "No risks recorded.")]
    # 6. the key, last
    story += [PageBreak(), Paragraph("Key", h1)]
    for heading, rows in pack.keys():
        story += [Paragraph(heading, h2), table(KEY_COLUMNS, rows, (1, 7))]
    story.append(para(risk_rules.MATRIX_DESCRIPTION, body))

    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=landscape(A4), leftMargin=1.2 * cm, rightMargin=1.2 * cm,
                      topMargin=1.2 * cm, bottomMargin=1.2 * cm, title=pack.plan.title,
                      author=pack.plan.authority or "Inspire").build(story)
    return out.getvalue()
