"""One reader per sheet of the plan workbook. Each takes the sheet's checked rows (row number,
values by column) and adds them to the plan being imported (:class:`Import`), recording every
problem with its sheet, row and column; the sheets are read in :data:`READERS`' order, so each
can refer to what an earlier one read (an action to its item, a milestone to its action)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from inspire.core.plans.excel.layout import RowError
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
from inspire.core.plans.rag import PolarityError, measure_polarity

Rows = list[tuple[int, dict[str, Any]]]


@dataclass
class Import:
    """What one workbook's import has read so far: the plan, the problems, and the keys later
    sheets refer to (theme codes, items by reference, actions, measures, boards)."""

    plan: PlanData
    errors: list[RowError]
    sheet_names: list[str]
    theme_codes: set[str] = field(default_factory=set)
    items: dict[str, ItemData] = field(default_factory=dict)
    actions: dict[tuple[str, str], ActionData] = field(default_factory=dict)
    measures: dict[tuple[str, int], MeasureData] = field(default_factory=dict)
    boards: dict[int, BoardData] = field(default_factory=dict)

    def error(self, sheet: str, row: int | None, column: str, message: str) -> None:
        self.errors.append(RowError(sheet, row, column, message))

    def item_for(self, sheet: str, number: int, ref: str | None) -> ItemData | None:
        item = self.items.get(ref)
        if item is None and ref:
            self.error(sheet, number, "item", f"there is no item {ref} on the Items sheet")
        return item


def read_plan_row(into: Import, rows: Rows) -> None:
    plan = into.plan
    if rows:
        _, values = rows[0]
        plan.title, plan.authority = values["title"] or "", values["authority"] or ""
        plan.received = values["received"]
    elif "Plan" in into.sheet_names:
        into.error("Plan", 2, "title", "the plan's row is missing")


def read_themes(into: Import, rows: Rows) -> None:
    for _, values in rows:
        into.plan.themes.append(ThemeData(values["code"] or "", values["name"] or ""))
        into.theme_codes.add(values["code"])


def read_items(into: Import, rows: Rows) -> None:
    for number, values in rows:
        ref = values["item"]
        if ref in into.items:
            into.error("Items", number, "item", f"item {ref} appears twice")
            continue
        for code in values["themes"] or []:
            if code not in into.theme_codes:
                into.error("Items", number, "themes", f"there is no theme {code} on the Themes sheet")
        item = ItemData(
            ref=ref or "",
            title=values["title"] or "",
            recommendation=values["recommendation"],
            own=values["recommendation"] is None,
            judgement_area=values["judgement_area"] or "",
            themes=values["themes"] or [],
            outcomes=values["outcomes"] or "",
            report_refs=values["report_refs"] or "",
        )
        into.plan.items.append(item)
        if ref:
            into.items[ref] = item


def read_actions(into: Import, rows: Rows) -> None:
    for number, values in rows:
        item = into.item_for("Actions", number, values["item"])
        if item is None:
            continue
        key = (values["item"], values["action"])
        if key in into.actions:
            into.error("Actions", number, "action", f"action {values['action']} of item {values['item']} appears twice")
            continue
        into.actions[key] = ActionData(
            ref=values["action"] or "",
            text=values["text"] or "",
            lead=values["lead"] or "",
            timescale=values["timescale"] or "",
            target_date=values["target_date"],
            start_date=values["start_date"],
            outcome_by=values["outcome_by"],
        )
        item.actions.append(into.actions[key])


def read_milestones(into: Import, rows: Rows) -> None:
    for number, values in rows:
        action = into.actions.get((values["item"], values["action"]))
        if action is None:
            if values["item"] and values["action"]:
                into.error(
                    "Milestones",
                    number,
                    "action",
                    f"there is no action {values['action']} of item {values['item']} on the "
                    "Actions sheet: a milestone belongs to an action of the plan",
                )
            continue
        action.milestones.append(
            MilestoneData(
                ordinal=int(values["milestone"] or len(action.milestones) + 1),
                text=values["text"] or "",
                label=values["label"] or "",
                owner=values["owner"] or "",
                timescale=values["timescale"] or "",
                target_date=values["target_date"],
                status=values["status"] or "not_started",
                evidence=values["evidence"] or "",
            )
        )


def read_measures(into: Import, rows: Rows) -> None:
    for number, values in rows:
        item = into.item_for("Measures", number, values["item"])
        if item is None:
            continue
        try:
            polarity = measure_polarity(values["baseline"], values["target"], values["polarity"])
        except PolarityError as error:
            into.error("Measures", number, "polarity", str(error))
            polarity = ""
        measure = MeasureData(
            description=values["description"] or "",
            baseline=values["baseline"],
            target=values["target"],
            target_date=values["target_date"],
            polarity=polarity,
            unit=values["unit"] or "",
            baseline_date=values["baseline_date"],
            indicator=values["indicator"] or "",
        )
        item.measures.append(measure)
        into.measures[(values["item"], int(values["measure"] or 0))] = measure


def read_measure_values(into: Import, rows: Rows) -> None:
    for number, values in rows:
        measure = into.measures.get((values["item"], int(values["measure"] or 0)))
        if measure is None:
            into.error(
                "Measure values",
                number,
                "measure",
                f"there is no measure {values['measure'] and int(values['measure'])} of item {values['item']}",
            )
            continue
        if measure.indicator:
            into.error(
                "Measure values",
                number,
                "measure",
                f"measure {int(values['measure'])} of item {values['item']} is the indicator "
                f"{measure.indicator}: its values come from the data, not this sheet",
            )
        elif values["date"] and values["value"] is not None:
            measure.values.append(MeasureValueData(values["date"], values["value"]))


def read_progress(into: Import, rows: Rows) -> None:
    for number, values in rows:
        item = into.item_for("Progress", number, values["item"])
        if item is not None and values["date"]:
            item.progress.append(ProgressData(values["date"], values["text"] or "", values["author"] or ""))


def read_overrides(into: Import, rows: Rows) -> None:
    for number, values in rows:
        item = into.item_for("Overrides", number, values["item"])
        if item is not None:
            item.overrides.append(
                OverrideData(values["rag"] or "", values["reason"] or "", values["by"] or "", values["made"])
            )


def read_boards(into: Import, rows: Rows) -> None:
    for number, values in rows:
        key = int(values["board"] or 0)
        if key in into.boards:
            into.error("Boards", number, "board", f"board {key} appears twice")
            continue
        into.boards[key] = BoardData(
            values["kind"] or "",
            values["name"] or "",
            frequency=values["frequency"] or "",
            terms_of_reference=values["terms_of_reference"] or "",
        )
        into.plan.boards.append(into.boards[key])


def _board_for(into: Import, sheet: str, number: int, values: dict[str, Any]) -> BoardData | None:
    board = into.boards.get(int(values["board"] or 0))
    if board is None and values["board"] is not None:
        into.error(sheet, number, "board", f"there is no board {int(values['board'])} on the Boards sheet")
    return board


def read_board_members(into: Import, rows: Rows) -> None:
    for number, values in rows:
        board = _board_for(into, "Board members", number, values)
        if board is not None and values["name"]:
            board.members.append(
                BoardMemberData(values["name"], values["role"] or "", values["board_role"] or "member")
            )


def read_meetings(into: Import, rows: Rows) -> None:
    for number, values in rows:
        board = _board_for(into, "Meetings", number, values)
        if board is None:
            continue
        if values["date"] in board.meetings:
            into.error("Meetings", number, "date", f"{board.name} already meets on {values['date'].isoformat()}")
        elif values["date"]:
            board.meetings.append(values["date"])


def read_risks(into: Import, rows: Rows) -> None:
    for number, values in rows:
        if bool(values["revised_impact"]) != bool(values["revised_likelihood"]):
            into.error(
                "Risks", number, "revised_likelihood", "give both a revised impact and a revised likelihood, or neither"
            )
        into.plan.risks.append(
            RiskData(
                values["risk"] or "",
                values["impact"] or "",
                values["likelihood"] or "",
                values["mitigations"] or "",
                values["revised_impact"],
                values["revised_likelihood"],
                values["owner"] or "",
                values["review_date"],
            )
        )


#: each sheet's reader, in the order they are read (a sheet may refer only to earlier ones)
READERS: dict[str, Callable[[Import, Rows], None]] = {
    "Plan": read_plan_row,
    "Themes": read_themes,
    "Items": read_items,
    "Actions": read_actions,
    "Milestones": read_milestones,
    "Measures": read_measures,
    "Measure values": read_measure_values,
    "Progress": read_progress,
    "Overrides": read_overrides,
    "Boards": read_boards,
    "Board members": read_board_members,
    "Meetings": read_meetings,
    "Risks": read_risks,
}
