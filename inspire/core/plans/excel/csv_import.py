"""The CSV layout (:data:`~inspire.core.plans.excel.layout.CSV_COLUMNS`): items, actions and
milestones in one table, one row a milestone (or an action without milestones, or an item
without actions). Any row problem refuses the whole file."""

from __future__ import annotations

import csv
import io

from inspire.core.plans.excel.layout import CSV_COLUMNS, Column, RowError, rows_refused
from inspire.core.plans.excel.values import Checker
from inspire.core.plans.model import ActionData, ItemData, MilestoneData, PlanData, ThemeData


def from_csv(text: str, *, title: str = "") -> PlanData:
    """Read the CSV layout (:data:`CSV_COLUMNS`): items, actions and milestones, one row each."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    rows = list(reader)
    checker = Checker()
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
        raw = {
            name: (row[header.index(name)] if name in header and header.index(name) < len(row) else None)
            for name in (c.name for c in CSV_COLUMNS)
        }
        values = {}
        for column in CSV_COLUMNS:
            required = column.required and not (column.name == "item_title" and raw["item"] in items)
            values[column.name] = checker.value(
                "CSV",
                number,
                Column(column.name, column.kind if column.kind != "themes" else "text", required, ""),
                raw[column.name],
            )
        ref = values["item"]
        if ref is None:
            continue
        item = items.get(ref)
        if item is None:
            item = ItemData(
                ref=ref,
                title=values["item_title"] or "",
                recommendation=values["recommendation"],
                own=values["recommendation"] is None,
            )
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
                    checker.errors.append(
                        RowError("CSV", number, "action_text", f"action {values['action']} has no text")
                    )
                    continue
                action = ActionData(ref=values["action"], text=values["action_text"], lead=values["lead"] or "")
                item.actions.append(action)
            if values["milestone"]:
                action.milestones.append(
                    MilestoneData(
                        ordinal=len(action.milestones) + 1,
                        text=values["milestone"],
                        label=f"Milestone {len(action.milestones) + 1}",
                        owner=values["owner"] or "",
                        target_date=values["target_date"],
                        timescale=values["target_date"].isoformat() if values["target_date"] else "",
                        status=values["status"] or "not_started",
                    )
                )
        elif values["milestone"]:
            checker.errors.append(RowError("CSV", number, "action", "a milestone needs the action it belongs to"))
    if checker.errors:
        raise rows_refused(checker.errors)
    return plan
