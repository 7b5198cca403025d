"""The detailed plan's priority timeline (part two): rows of date commenced, recommendation,
overarching action and outcome achieved by, whose dates are put on the matching actions."""

from __future__ import annotations

from inspire.core.plans.matching import similarity
from inspire.core.plans.timescales import find_dates, target_date
from inspire.core.plans.word_import.text import short

#: how alike a timeline row's words and an overarching action's must be to carry its dates
TIMELINE_MATCH = 0.35


class PriorityTimeline:
    """A mixin of :class:`~inspire.core.plans.word_import.reader.PlanReader`: rows kept as read,
    placed on actions when the whole document has been read (:meth:`_place_timeline`)."""

    def _timeline_rows(self, rows: list[list[list[str]]]) -> None:
        """Rows of date commenced, recommendation, overarching action, outcome achieved by; a
        blank date or number repeats the one above, as the printed table reads."""
        for cells in rows:
            cells = [" ".join(c).strip() for c in cells] + [""] * 4
            started, number, text, ends = cells[0], cells[1], cells[2], cells[3]
            if started.lower().startswith("date commenced"):
                continue  # the header again, where the table ran over a page
            if started:
                self.timeline_start = started
                self.timeline_end = ""  # a new start begins a new block: its outcome date is its own
            if number:
                self.timeline_number = number
            if ends:
                self.timeline_end = ends
            if text:
                self.timeline.append((self.timeline_start, self.timeline_number, text, self.timeline_end))

    def _place_timeline(self) -> None:
        """Each timeline row's dates on the overarching action of its recommendation whose words
        match best; a row that matches none well is reported, never placed by guess."""
        for started, number, text, ends in self.timeline:
            where = f"priority timeline, recommendation {number or '?'}: '{short(text)}'"
            item = next((i for i in self.plan.items if not i.own and str(i.stated_number) == number.strip()), None)
            scored = (
                sorted(
                    ((similarity(text, a.text), n, a) for n, a in enumerate(item.actions)), key=lambda t: (-t[0], t[1])
                )
                if item
                else []
            )
            if not scored or scored[0][0] < TIMELINE_MATCH:
                self.unplaced.append(
                    f"{where}: matches no overarching action of that recommendation; its dates were not placed"
                )
                continue
            action = scored[0][2]
            start = find_dates(started)
            start_day = start[0][1].replace(day=1) if start and start[0][1] else None
            end_day = target_date(ends)
            if start_day and end_day and end_day < start_day:
                self.notes.append(
                    f"{where}: outcome by '{ends}' is before the date commenced '{started}'; "
                    "the start is kept, the outcome date left blank"
                )
                end_day = None
            if action.start_date and action.start_date != start_day:
                self.notes.append(f"{where}: action {action.ref} already starts {action.start_date}; kept the first")
                continue
            action.start_date, action.outcome_by = start_day, end_day
