"""Plans in spreadsheets: export to Excel and import back unchanged; import from the documented
layout (an Excel workbook, or a CSV of items, actions and milestones) with a template.

The layout is data (:data:`SHEETS`): one sheet per kind of row, each column with its meaning.
Import checks every row before anything is returned; any error (a missing column, a bad date, a
milestone whose action does not exist...) is reported with its sheet, row and column, and no
plan is returned, so nothing half-imported can be stored.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

from openpyxl import Workbook, load_workbook

from inspire.core.cells import append_row, csv_writer
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from inspire.core.errors import FieldError, PlanImportError
from inspire.core.plans.model import (
    ActionData,
    BoardData,
    BoardMemberData,
    ItemData,
    MeasureData,
    MeasureValueData,
    MilestoneData,
    OverrideData,
    PlanData,
    ProgressData,
    RiskData,
    ThemeData,
)
from inspire.core.plans.rag import MILESTONE_STATUSES, POLARITIES, RAG_LABELS, PolarityError, measure_polarity
from inspire.core.plans.risk import RiskLevelError, parse_level
from inspire.core.plans.timescales import find_dates


BOARD_KINDS = ("improvement_board", "scrutiny_panel", "other")


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # text | date | datetime | number | status | polarity | rag | board_kind | level | recommendation | themes
    required: bool
    description: str


def _c(name, kind, required, description):
    return Column(name, kind, required, description)


SHEETS: dict[str, tuple[Column, ...]] = {
    "Plan": (
        _c("title", "text", True, "The plan's title."),
        _c("authority", "text", False, "The council."),
        _c("received", "date", False, "When the report was received (YYYY-MM-DD), as the council confirms it; blank: not yet known, and the plan shows no deadline until someone confirms a date."),
    ),
    "Themes": (
        _c("code", "text", True, "A short code (A, B...)."),
        _c("name", "text", True, "The theme's name, e.g. Practice and Culture."),
    ),
    "Items": (
        _c("item", "text", True, "The item's reference, unique in the plan (1, 2, MISC...)."),
        _c("title", "text", True, "The recommendation or area for improvement, or the council's own heading."),
        _c("recommendation", "recommendation", False,
           "The recommendation answered: 'la 3' or 'lscb 2'; blank for the council's own item."),
        _c("judgement_area", "text", False, "help_and_protection, children_in_care, adoption, care_leavers, leadership, lscb."),
        _c("themes", "themes", False, "Theme codes separated by commas."),
        _c("outcomes", "text", False, "The outcomes to be achieved, as the plan writes them (may be left out)."),
        _c("report_refs", "text", False, "Where the report says it: Paragraph 120; Summary, page 9 (may be left out)."),
    ),
    "Actions": (
        _c("item", "text", True, "The item's reference (Items sheet)."),
        _c("action", "text", True, "The action's reference within its item (1, 2, i, ii...)."),
        _c("text", "text", True, "What will be done."),
        _c("lead", "text", False, "Who leads it."),
        _c("timescale", "text", False, "The timescale as written."),
        _c("target_date", "date", False, "The target date (YYYY-MM-DD)."),
        _c("start_date", "date", False, "Priority timeline: when the action commenced (YYYY-MM-DD; may be left out)."),
        _c("outcome_by", "date", False, "Priority timeline: expected outcome achieved by (YYYY-MM-DD; may be left out)."),
    ),
    "Milestones": (
        _c("item", "text", True, "The item's reference."),
        _c("action", "text", True, "The action's reference within the item (Actions sheet)."),
        _c("milestone", "number", True, "The milestone's position within the action (1, 2...)."),
        _c("label", "text", False, "The label as the plan numbers it (Milestone 2)."),
        _c("text", "text", True, "What will be done."),
        _c("owner", "text", False, "Who owns it."),
        _c("timescale", "text", False, "The target date as written."),
        _c("target_date", "date", False, "The target date (YYYY-MM-DD)."),
        _c("status", "status", False, "not_started, on_track, at_risk or complete (overdue follows from the date)."),
        _c("evidence", "text", False, "Evidence of completion."),
    ),
    "Measures": (
        _c("item", "text", True, "The item's reference."),
        _c("measure", "number", True, "The measure's position within the item (1, 2...)."),
        _c("description", "text", True, "What will show improvement."),
        _c("unit", "text", False, "%, days..."),
        _c("baseline", "number", False, "The starting value."),
        _c("target", "number", False, "The value aimed for."),
        _c("target_date", "date", False, "When the target should be met (YYYY-MM-DD)."),
        _c("polarity", "polarity", False, "higher_is_better or lower_is_better; worked out from baseline and target "
                                          "when blank (a target below the baseline: lower is better), refused when it contradicts them."),
        _c("baseline_date", "date", False, "When the baseline was measured (YYYY-MM-DD)."),
        _c("indicator", "text", False, "An indicator's id (from the indicator pages), when the measure is one: its values "
                                       "then come from the data, and the Measure values sheet has none for it."),
    ),
    "Measure values": (
        _c("item", "text", True, "The item's reference."),
        _c("measure", "number", True, "The measure's position within the item (Measures sheet)."),
        _c("date", "date", True, "When the value was recorded (YYYY-MM-DD)."),
        _c("value", "number", True, "The value."),
    ),
    "Progress": (
        _c("item", "text", True, "The item's reference."),
        _c("date", "date", True, "The date of the update (YYYY-MM-DD)."),
        _c("text", "text", True, "Progress and impact."),
        _c("author", "text", False, "Who wrote it."),
    ),
    "Overrides": (
        _c("item", "text", True, "The item's reference."),
        _c("rag", "rag", False, "red, amber, green, blue (complete) or grey (not started); blank ends an override."),
        _c("reason", "text", True, "Why the derived status was overridden."),
        _c("by", "text", False, "Who made the override."),
        _c("made", "datetime", False, "When (YYYY-MM-DD HH:MM:SS, UTC); rows are kept in this order, the last counts."),
    ),
    "Boards": (
        _c("board", "number", True, "The board's number in this workbook (1, 2...)."),
        _c("kind", "board_kind", True, "improvement_board, scrutiny_panel or other."),
        _c("name", "text", True, "The board's name."),
        _c("frequency", "text", False, "How often it meets, e.g. bi-monthly (may be left out)."),
        _c("terms_of_reference", "text", False, "Its terms of reference (may be left out)."),
    ),
    "Board members": (
        _c("board", "number", True, "The board's number (Boards sheet)."),
        _c("name", "text", True, "The member's name or post."),
        _c("role", "text", False, "Their role on the board (Chair...)."),
        _c("board_role", "text", False, "chair, sponsor, programme_executive, programme_manager or member "
                                        "(blank: member; may be left out)."),
    ),
    "Meetings": (
        _c("board", "number", True, "The board's number (Boards sheet)."),
        _c("date", "date", True, "The meeting's date (YYYY-MM-DD)."),
    ),
    "Risks": (
        _c("risk", "text", True, "The risk."),
        _c("impact", "level", True, "high, medium or low (H, M, L)."),
        _c("likelihood", "level", True, "high, medium or low."),
        _c("mitigations", "text", False, "One a line."),
        _c("revised_impact", "level", False, "After mitigation."),
        _c("revised_likelihood", "level", False, "After mitigation."),
        _c("owner", "text", False, "Who owns the risk."),
        _c("review_date", "date", False, "When it is next reviewed (YYYY-MM-DD)."),
    ),
}

#: the CSV layout: items, actions and milestones in one table, one row a milestone (or an action
#: without milestones, or an item without actions)
CSV_COLUMNS: tuple[Column, ...] = (
    _c("item", "text", True, "The item's reference; rows with the same reference belong to one item."),
    _c("item_title", "text", True, "The recommendation or area for improvement (repeat it or leave it blank after the first row)."),
    _c("recommendation", "recommendation", False, "'la 3' or 'lscb 2'; blank for the council's own item."),
    _c("themes", "themes", False, "Theme names separated by semicolons (created as needed)."),
    _c("action", "text", False, "The action's reference within its item."),
    _c("action_text", "text", False, "What will be done (first row of the action)."),
    _c("lead", "text", False, "Who leads the action."),
    _c("milestone", "text", False, "The milestone."),
    _c("owner", "text", False, "Who owns the milestone."),
    _c("target_date", "date", False, "The target date (YYYY-MM-DD)."),
    _c("status", "status", False, "not_started, on_track, at_risk or complete."),
)


@dataclass(frozen=True)
class RowError:
    sheet: str
    row: int | None  # the spreadsheet's row number (1 is the header), None for the sheet itself
    column: str
    message: str

    @property
    def location(self) -> str:
        return f"{self.sheet}" + (f", row {self.row}" if self.row else "") + (f", column {self.column}" if self.column else "")

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


def rows_refused(errors: list[RowError]) -> PlanImportError:
    """The error refusing a whole workbook or CSV file: every row problem, the first ten in its message."""
    message = "; ".join(str(e) for e in errors[:10]) + (f" (and {len(errors) - 10} more)" if len(errors) > 10 else "")
    return PlanImportError(message, hint="Correct these rows and import the file again: nothing has been stored.",
                           errors=[FieldError(e.location, e.message) for e in errors])


# --- export -------------------------------------------------------------------------------------


def _cell(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return ", ".join(value)
    return value


def _rows(plan: PlanData) -> dict[str, list[list[Any]]]:
    rows: dict[str, list[list[Any]]] = {name: [] for name in SHEETS}
    rows["Plan"].append([plan.title, plan.authority, plan.received])
    rows["Themes"] = [[t.code, t.name] for t in plan.themes]
    for item in plan.items:
        rec = f"{item.recommendation[0]} {item.recommendation[1]}" if item.recommendation else ""
        rows["Items"].append([item.ref, item.title, rec, item.judgement_area, item.themes, item.outcomes, item.report_refs])
        for a in item.actions:
            rows["Actions"].append([item.ref, a.ref, a.text, a.lead, a.timescale, a.target_date, a.start_date, a.outcome_by])
            for m in a.milestones:
                rows["Milestones"].append([item.ref, a.ref, m.ordinal, m.label, m.text, m.owner, m.timescale,
                                           m.target_date, m.status, m.evidence])
        for number, m in enumerate(item.measures, start=1):
            rows["Measures"].append([item.ref, number, m.description, m.unit, m.baseline, m.target, m.target_date,
                                     m.polarity, m.baseline_date, m.indicator])
            for v in [] if m.indicator else m.values:  # an indicator's values come from the data
                rows["Measure values"].append([item.ref, number, v.date, v.value])
        for p in item.progress:
            rows["Progress"].append([item.ref, p.date, p.text, p.author])
        for o in item.overrides:
            rows["Overrides"].append([item.ref, o.rag, o.reason, o.by, o.made.astimezone(timezone.utc).replace(tzinfo=None)
                                      if o.made and o.made.tzinfo else o.made])
    for number, b in enumerate(plan.boards, start=1):
        rows["Boards"].append([number, b.kind, b.name, b.frequency, b.terms_of_reference])
        rows["Board members"] += [[number, m.name, m.role, m.board_role] for m in b.members]
        rows["Meetings"] += [[number, d] for d in b.meetings]
    for r in plan.risks:
        rows["Risks"].append([r.description, r.impact, r.likelihood, r.mitigations, r.revised_impact or "",
                              r.revised_likelihood or "", r.owner, r.review_date])
    return rows


def to_xlsx(plan: PlanData | None) -> bytes:
    """The plan as a workbook in the documented layout; ``None`` gives the empty template."""
    workbook = Workbook()
    readme = workbook.active
    readme.title = "Read me"
    readme.append(["Inspire improvement plan workbook. One sheet per kind of row; keep the header rows. "
                   "Dates as YYYY-MM-DD. Columns marked required must not be blank."])
    readme.append([])
    readme.append(["Sheet", "Column", "Required", "Meaning"])
    for cell in readme[3]:
        cell.font = Font(bold=True)
    for sheet, columns in SHEETS.items():
        for column in columns:
            readme.append([sheet, column.name, "yes" if column.required else "", column.description])
    readme.column_dimensions["A"].width = 16
    readme.column_dimensions["B"].width = 20
    readme.column_dimensions["D"].width = 100
    rows = _rows(plan) if plan is not None else {name: [] for name in SHEETS}
    for sheet, columns in SHEETS.items():
        ws = workbook.create_sheet(sheet)
        ws.append([c.name for c in columns])
        for cell in ws[1]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DEE0E2")
        for row in rows[sheet]:
            append_row(ws, [_cell(v) for v in row])
        for index, column in enumerate(columns, start=1):
            ws.column_dimensions[get_column_letter(index)].width = 14 if column.kind in ("date", "number", "level") else 40
            if column.kind in ("date", "datetime"):
                for (cell,) in ws.iter_rows(min_row=2, min_col=index, max_col=index):
                    cell.number_format = "yyyy-mm-dd" if column.kind == "date" else "yyyy-mm-dd hh:mm:ss"
        ws.freeze_panes = "A2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def csv_template() -> str:
    out = io.StringIO()
    csv_writer(out).writerow([c.name for c in CSV_COLUMNS])
    return out.getvalue()


# --- import -------------------------------------------------------------------------------------


class _Checker:
    def __init__(self):
        self.errors: list[RowError] = []

    def value(self, sheet: str, row: int, column: Column, raw: Any) -> Any:
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if column.required:
                self.errors.append(RowError(sheet, row, column.name, "is blank; it is required"))
            return None
        try:
            return _convert(column, raw)
        except ValueError as error:
            self.errors.append(RowError(sheet, row, column.name, str(error)))
            return None


def _convert(column: Column, raw: Any) -> Any:
    kind = column.kind
    if kind == "datetime":
        if isinstance(raw, datetime):
            value = raw
        else:
            try:
                value = datetime.fromisoformat(str(raw).strip())
            except ValueError:
                raise ValueError(f"'{raw}' is not a date and time (use YYYY-MM-DD HH:MM:SS)") from None
        return (value if value.tzinfo else value.replace(tzinfo=timezone.utc)).replace(microsecond=0)
    if kind == "date":
        if isinstance(raw, datetime):
            return raw.date()
        if isinstance(raw, date):
            return raw
        text = str(raw).strip()
        try:
            return date.fromisoformat(text)
        except ValueError:
            found = find_dates(text)
            if len(found) == 1 and found[0][1] is not None and found[0][0] == text:
                return found[0][1]
            raise ValueError(f"'{text}' is not a date (use YYYY-MM-DD)") from None
    if kind == "number":
        try:
            return float(raw) if not isinstance(raw, bool) else None
        except (TypeError, ValueError):
            raise ValueError(f"'{raw}' is not a number") from None
    text = str(raw).strip()
    if kind == "status":
        if text not in MILESTONE_STATUSES:
            raise ValueError(f"'{text}' is not a status ({', '.join(MILESTONE_STATUSES)}; overdue follows from the date)")
        return text
    if kind == "polarity":
        if text not in POLARITIES:
            raise ValueError(f"'{text}' is not a polarity ({', '.join(POLARITIES)})")
        return text
    if kind == "rag":
        if text not in RAG_LABELS:
            raise ValueError(f"'{text}' is not a RAG status ({', '.join(RAG_LABELS)})")
        return text
    if kind == "board_kind":
        if text not in BOARD_KINDS:
            raise ValueError(f"'{text}' is not a kind of board ({', '.join(BOARD_KINDS)})")
        return text
    if kind == "level":
        try:
            return parse_level(text)
        except RiskLevelError as error:
            raise ValueError(str(error)) from None
    if kind == "recommendation":
        parts = text.lower().split()
        if len(parts) != 2 or parts[0] not in ("la", "lscb") or not parts[1].isdigit():
            raise ValueError(f"'{text}' is not a recommendation (write 'la 3' or 'lscb 2')")
        return (parts[0], int(parts[1]))
    if kind == "themes":
        return [t.strip() for t in text.split(",") if t.strip()]
    return text


def _read_sheet(workbook, sheet: str, checker: _Checker) -> list[tuple[int, dict[str, Any]]]:
    columns = SHEETS[sheet]
    if sheet not in workbook.sheetnames:
        checker.errors.append(RowError(sheet, None, "", "the sheet is missing"))
        return []
    rows = list(workbook[sheet].iter_rows(values_only=True))
    header = [str(h).strip() if h is not None else "" for h in (rows[0] if rows else [])]
    missing = [c.name for c in columns if c.name not in header and not c.description.endswith("may be left out).")]
    for name in missing:
        checker.errors.append(RowError(sheet, 1, name, "the column is missing"))
    if missing:
        return []
    # columns added later (their description says they may be left out) read as blank when absent
    positions = {c.name: header.index(c.name) if c.name in header else len(header) + 1000 for c in columns}
    parsed = []
    for number, row in enumerate(rows[1:], start=2):
        if row is None or all(v is None or (isinstance(v, str) and not v.strip()) for v in row):
            continue
        parsed.append((number, {c.name: checker.value(sheet, number, c, row[positions[c.name]] if positions[c.name] < len(row) else None)
                                for c in columns}))
    return parsed


def from_xlsx(data: bytes) -> PlanData:
    """Read a workbook in the documented layout. Raises :class:`~inspire.core.errors.PlanImportError` listing
    every problem found (sheet, row, column); returns a plan only when there are none."""
    try:
        workbook = load_workbook(io.BytesIO(data), data_only=True, read_only=True)
    except Exception as error:  # openpyxl raises many kinds for foreign files
        raise rows_refused([RowError("workbook", None, "", f"not an Excel workbook ({type(error).__name__})")]) from None
    checker = _Checker()
    sheets = {name: _read_sheet(workbook, name, checker) for name in SHEETS}
    plan = PlanData(title="")
    plan_rows = sheets["Plan"]
    if plan_rows:
        _, values = plan_rows[0]
        plan.title, plan.authority, plan.received = values["title"] or "", values["authority"] or "", values["received"]
    elif "Plan" in workbook.sheetnames:
        checker.errors.append(RowError("Plan", 2, "title", "the plan's row is missing"))
    theme_codes = set()
    for _, values in sheets["Themes"]:
        plan.themes.append(ThemeData(values["code"] or "", values["name"] or ""))
        theme_codes.add(values["code"])
    items: dict[str, ItemData] = {}
    for number, values in sheets["Items"]:
        ref = values["item"]
        if ref in items:
            checker.errors.append(RowError("Items", number, "item", f"item {ref} appears twice"))
            continue
        for code in values["themes"] or []:
            if code not in theme_codes:
                checker.errors.append(RowError("Items", number, "themes", f"there is no theme {code} on the Themes sheet"))
        item = ItemData(ref=ref or "", title=values["title"] or "", recommendation=values["recommendation"],
                        own=values["recommendation"] is None, judgement_area=values["judgement_area"] or "",
                        themes=values["themes"] or [], outcomes=values["outcomes"] or "",
                        report_refs=values["report_refs"] or "")
        plan.items.append(item)
        if ref:
            items[ref] = item

    def item_for(sheet, number, ref):
        item = items.get(ref)
        if item is None and ref:
            checker.errors.append(RowError(sheet, number, "item", f"there is no item {ref} on the Items sheet"))
        return item

    actions: dict[tuple[str, str], ActionData] = {}
    for number, values in sheets["Actions"]:
        item = item_for("Actions", number, values["item"])
        if item is None:
            continue
        key = (values["item"], values["action"])
        if key in actions:
            checker.errors.append(RowError("Actions", number, "action", f"action {values['action']} of item {values['item']} appears twice"))
            continue
        actions[key] = ActionData(ref=values["action"] or "", text=values["text"] or "", lead=values["lead"] or "",
                                  timescale=values["timescale"] or "", target_date=values["target_date"],
                                  start_date=values["start_date"], outcome_by=values["outcome_by"])
        item.actions.append(actions[key])
    for number, values in sheets["Milestones"]:
        action = actions.get((values["item"], values["action"]))
        if action is None:
            if values["item"] and values["action"]:
                checker.errors.append(RowError("Milestones", number, "action",
                                               f"there is no action {values['action']} of item {values['item']} on the "
                                               "Actions sheet: a milestone belongs to an action of the plan"))
            continue
        action.milestones.append(MilestoneData(
            ordinal=int(values["milestone"] or len(action.milestones) + 1), text=values["text"] or "",
            label=values["label"] or "", owner=values["owner"] or "", timescale=values["timescale"] or "",
            target_date=values["target_date"], status=values["status"] or "not_started", evidence=values["evidence"] or "",
        ))
    measures: dict[tuple[str, int], MeasureData] = {}
    for number, values in sheets["Measures"]:
        item = item_for("Measures", number, values["item"])
        if item is None:
            continue
        try:
            polarity = measure_polarity(values["baseline"], values["target"], values["polarity"])
        except PolarityError as error:
            checker.errors.append(RowError("Measures", number, "polarity", str(error)))
            polarity = ""
        measure = MeasureData(description=values["description"] or "", baseline=values["baseline"], target=values["target"],
                              target_date=values["target_date"], polarity=polarity, unit=values["unit"] or "",
                              baseline_date=values["baseline_date"], indicator=values["indicator"] or "")
        item.measures.append(measure)
        measures[(values["item"], int(values["measure"] or 0))] = measure
    for number, values in sheets["Measure values"]:
        measure = measures.get((values["item"], int(values["measure"] or 0)))
        if measure is None:
            checker.errors.append(RowError("Measure values", number, "measure",
                                           f"there is no measure {values['measure'] and int(values['measure'])} of item {values['item']}"))
            continue
        if measure.indicator:
            checker.errors.append(RowError("Measure values", number, "measure",
                                           f"measure {int(values['measure'])} of item {values['item']} is the indicator "
                                           f"{measure.indicator}: its values come from the data, not this sheet"))
        elif values["date"] and values["value"] is not None:
            measure.values.append(MeasureValueData(values["date"], values["value"]))
    for number, values in sheets["Progress"]:
        item = item_for("Progress", number, values["item"])
        if item is not None and values["date"]:
            item.progress.append(ProgressData(values["date"], values["text"] or "", values["author"] or ""))
    for number, values in sheets["Overrides"]:
        item = item_for("Overrides", number, values["item"])
        if item is not None:
            item.overrides.append(OverrideData(values["rag"] or "", values["reason"] or "", values["by"] or "", values["made"]))
    boards: dict[int, BoardData] = {}
    for number, values in sheets["Boards"]:
        key = int(values["board"] or 0)
        if key in boards:
            checker.errors.append(RowError("Boards", number, "board", f"board {key} appears twice"))
            continue
        boards[key] = BoardData(values["kind"] or "", values["name"] or "", frequency=values["frequency"] or "",
                                terms_of_reference=values["terms_of_reference"] or "")
        plan.boards.append(boards[key])
    for sheet in ("Board members", "Meetings"):
        for number, values in sheets[sheet]:
            board = boards.get(int(values["board"] or 0))
            if board is None:
                if values["board"] is not None:
                    checker.errors.append(RowError(sheet, number, "board", f"there is no board {int(values['board'])} on the Boards sheet"))
            elif sheet == "Meetings":
                if values["date"] in board.meetings:
                    checker.errors.append(RowError(sheet, number, "date", f"{board.name} already meets on {values['date'].isoformat()}"))
                elif values["date"]:
                    board.meetings.append(values["date"])
            elif values["name"]:
                board.members.append(BoardMemberData(values["name"], values["role"] or "", values["board_role"] or "member"))
    for number, values in sheets["Risks"]:
        if bool(values["revised_impact"]) != bool(values["revised_likelihood"]):
            checker.errors.append(RowError("Risks", number, "revised_likelihood",
                                           "give both a revised impact and a revised likelihood, or neither"))
        plan.risks.append(RiskData(values["risk"] or "", values["impact"] or "", values["likelihood"] or "",
                                   values["mitigations"] or "", values["revised_impact"], values["revised_likelihood"],
                                   values["owner"] or "", values["review_date"]))
    if checker.errors:
        raise rows_refused(checker.errors)
    return plan


def from_csv(text: str, *, title: str = "") -> PlanData:
    """Read the CSV layout (:data:`CSV_COLUMNS`): items, actions and milestones, one row each."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    rows = list(reader)
    checker = _Checker()
    header = [h.strip() for h in rows[0]] if rows else []
    missing = [c.name for c in CSV_COLUMNS if c.required and c.name not in header]
    if missing:
        raise rows_refused([RowError("CSV", 1, name, "the column is missing") for name in missing])
    plan = PlanData(title=title)
    items: dict[str, ItemData] = {}
    themes: dict[str, str] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        raw = {name: (row[header.index(name)] if name in header and header.index(name) < len(row) else None)
               for name in (c.name for c in CSV_COLUMNS)}
        values = {}
        for column in CSV_COLUMNS:
            required = column.required and not (column.name == "item_title" and raw["item"] in items)
            values[column.name] = checker.value("CSV", number, Column(column.name, column.kind if column.kind != "themes" else "text",
                                                                      required, ""), raw[column.name])
        ref = values["item"]
        if ref is None:
            continue
        item = items.get(ref)
        if item is None:
            item = ItemData(ref=ref, title=values["item_title"] or "", recommendation=values["recommendation"],
                            own=values["recommendation"] is None)
            for name in [t.strip() for t in (values["themes"] or "").split(";") if t.strip()]:
                if name not in themes:
                    themes[name] = chr(ord("A") + len(themes))
                    plan.themes.append(ThemeData(themes[name], name))
                item.themes.append(themes[name])
            items[ref] = item
            plan.items.append(item)
        if values["action"]:
            action = next((a for a in item.actions if a.ref == values["action"]), None)
            if action is None:
                if not values["action_text"]:
                    checker.errors.append(RowError("CSV", number, "action_text", f"action {values['action']} has no text"))
                    continue
                action = ActionData(ref=values["action"], text=values["action_text"], lead=values["lead"] or "")
                item.actions.append(action)
            if values["milestone"]:
                action.milestones.append(MilestoneData(
                    ordinal=len(action.milestones) + 1, text=values["milestone"], label=f"Milestone {len(action.milestones) + 1}",
                    owner=values["owner"] or "", target_date=values["target_date"],
                    timescale=values["target_date"].isoformat() if values["target_date"] else "",
                    status=values["status"] or "not_started"))
        elif values["milestone"]:
            checker.errors.append(RowError("CSV", number, "action", "a milestone needs the action it belongs to"))
    if checker.errors:
        raise rows_refused(checker.errors)
    return plan
