"""The progress and impact review layout (East Sussex, seed 002): ``No & Ref | Area for
improvement | Action | Lead | Timescale | How we will measure improvement | Progress and impact
...``; one row per numbered area, actions numbered i), ii)...; rows continue across page breaks
(a row with no number carries on the one before), full-width rows name sections (themes)."""

from __future__ import annotations

import re

from inspire.core.plans.model import ActionData, ItemData, ProgressData, ThemeData
from inspire.core.plans.timescales import find_dates, target_date
from inspire.core.plans.word_import.document import header_of, is_progress_header
from inspire.core.plans.word_import.text import ROMAN, last_number, measure_from_text, short, split_roman

_MONTH_HEADER = re.compile(r"progress and impact(?: review)?\s+(.+)$", re.I)


class ProgressReview:
    """A mixin of :class:`~inspire.core.plans.word_import.reader.PlanReader`."""

    def _progress_table(self, header: list[str], rows: list[list[list[str]]]) -> None:
        if self.progress_date is None:
            month = _MONTH_HEADER.search(header[6]) if len(header) > 6 else None
            self.progress_date = target_date(month.group(1)) if month else None
        for row in rows:
            if not any(row) or is_progress_header(header_of(row)):
                continue
            if len(row) < 6:  # a full-width section row names a theme
                self._flush()
                name = " ".join(" ".join(c) for c in row).strip()
                code = chr(ord("A") + len(self.plan.themes))
                self.plan.themes.append(ThemeData(code, name))
                self.section_theme = code
                continue
            cells = [" ".join(c) for c in row[:7]] + [""] * (7 - len(row[:7]))
            number, action = cells[0], cells[2]
            starts_action = bool(ROMAN.match(action))
            if number.strip() or self.pending_row is None or starts_action:
                self._flush()
                self.pending_row = {"number": number.strip(), "cells": cells}
            else:  # the row carries on the one before it, across a page break
                self.pending_row["cells"] = [f"{a} {b}".strip() for a, b in zip(self.pending_row["cells"], cells)]

    def _flush(self) -> None:
        row, self.pending_row = self.pending_row, None
        if row is None:
            return
        number, area, action_text, lead, timescale, measure, progress = row["cells"]
        ref = last_number(row["number"])
        if ref is not None:
            item = ItemData(ref=str(ref), title=area)
            if self.section_theme:
                item.themes.append(self.section_theme)
            self.plan.items.append(item)
            self.item = item
            self.last_lead = ""
        elif self.item is None:
            self.unplaced.append(f"row '{short(action_text)}' comes before any numbered area for improvement")
            return
        else:
            item = self.item
            if area:
                item.title = f"{item.title} {area}".strip()
        actions = split_roman(action_text)
        lead = lead or self.last_lead
        self.last_lead = lead
        dates = find_dates(timescale)
        for index, (numeral, text) in enumerate(actions):
            when = timescale
            if len(actions) > 1:
                when = dates[index][0] if len(dates) == len(actions) else ""
            item.actions.append(
                ActionData(
                    ref=numeral or str(len(item.actions) + 1),
                    text=text,
                    lead=lead,
                    timescale=when,
                    target_date=target_date(when),
                )
            )
        if len(actions) > 1 and len(dates) != len(actions) and timescale:
            # the dates cannot be told apart: keep them whole on the first action of the row
            item.actions[-len(actions)].timescale = timescale
            item.actions[-len(actions)].target_date = target_date(timescale)
            self.notes.append(
                f"item {item.ref}: '{timescale}' for {len(actions)} actions; kept on action "
                f"{item.actions[-len(actions)].ref}"
            )
        if measure and not any(m.description == measure for m in item.measures):
            item.measures.append(measure_from_text(measure))
        if progress:
            if item.progress:
                item.progress[-1].text = f"{item.progress[-1].text}\n{progress}"
            elif self.progress_date is not None:
                item.progress.append(ProgressData(self.progress_date, progress))
            else:
                self.unplaced.append(f"item {item.ref}: progress text without a date (give the review date)")
