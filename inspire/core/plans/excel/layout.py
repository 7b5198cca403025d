"""The plan workbook's layout as data: one sheet per kind of row (:data:`SHEETS`), each column
with its kind, whether it is required and its meaning (the Read me sheet prints them); the CSV
layout (:data:`CSV_COLUMNS`); and a row's problem (:class:`RowError`), which refuses the file."""

from __future__ import annotations

from dataclasses import dataclass

from inspire.core.errors import FieldError, PlanImportError

BOARD_KINDS = ("improvement_board", "scrutiny_panel", "other")


@dataclass(frozen=True)
class Column:
    name: str
    kind: (
        str  # text | date | datetime | number | status | polarity | rag | board_kind | level | recommendation | themes
    )
    required: bool
    description: str


def _c(name, kind, required, description):
    return Column(name, kind, required, description)


SHEETS: dict[str, tuple[Column, ...]] = {
    "Plan": (
        _c("title", "text", True, "The plan's title."),
        _c("authority", "text", False, "The council."),
        _c(
            "received",
            "date",
            False,
            "When the report was received (YYYY-MM-DD), as the council confirms it; blank: not yet "
            "known, and the plan shows no deadline until someone confirms a date.",
        ),
    ),
    "Themes": (
        _c("code", "text", True, "A short code (A, B...)."),
        _c("name", "text", True, "The theme's name, e.g. Practice and Culture."),
    ),
    "Items": (
        _c("item", "text", True, "The item's reference, unique in the plan (1, 2, MISC...)."),
        _c("title", "text", True, "The recommendation or area for improvement, or the council's own heading."),
        _c(
            "recommendation",
            "recommendation",
            False,
            "The recommendation answered: 'la 3' or 'lscb 2'; blank for the council's own item.",
        ),
        _c(
            "judgement_area",
            "text",
            False,
            "help_and_protection, children_in_care, adoption, care_leavers, leadership, lscb.",
        ),
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
        _c(
            "outcome_by",
            "date",
            False,
            "Priority timeline: expected outcome achieved by (YYYY-MM-DD; may be left out).",
        ),
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
        _c(
            "polarity",
            "polarity",
            False,
            "higher_is_better or lower_is_better; worked out from baseline and target "
            "when blank (a target below the baseline: lower is better), refused when it contradicts them.",
        ),
        _c("baseline_date", "date", False, "When the baseline was measured (YYYY-MM-DD)."),
        _c(
            "indicator",
            "text",
            False,
            "An indicator's id (from the indicator pages), when the measure is one: its values "
            "then come from the data, and the Measure values sheet has none for it.",
        ),
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
        _c(
            "board_role",
            "text",
            False,
            "chair, sponsor, programme_executive, programme_manager or member (blank: member; may be left out).",
        ),
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
    _c(
        "item_title",
        "text",
        True,
        "The recommendation or area for improvement (repeat it or leave it blank after the first row).",
    ),
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
        return (
            f"{self.sheet}"
            + (f", row {self.row}" if self.row else "")
            + (f", column {self.column}" if self.column else "")
        )

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


def rows_refused(errors: list[RowError]) -> PlanImportError:
    """The error refusing a whole workbook or CSV file: every row problem, the first ten in its message."""
    message = "; ".join(str(e) for e in errors[:10]) + (f" (and {len(errors) - 10} more)" if len(errors) > 10 else "")
    return PlanImportError(
        message,
        hint="Correct these rows and import the file again: nothing has been stored.",
        errors=[FieldError(e.location, e.message) for e in errors],
    )
