"""The detailed plan layout (Southend, seed 004): headings ``RECOMMENDATION ONE`` (the text
follows) or ``LOCAL AUTHORITY RECOMMENDATIONS – ...`` (the council's own items), "Outcomes to be
achieved" (measures), "Aligns to Overarching Themes" (theme letters), tables ``Ref | Action |
Target date | Action owners`` whose cells hold an "Overarching action" and numbered milestones,
with target dates and owners paragraph by paragraph (or one milestone a row), and the risk
register ``Risk | Impact | Likelihood | Overall Risk | Mitigation | Revised Risk | Owner``."""

from __future__ import annotations

import re

from inspire.core.plans.model import ActionData, ItemData, MilestoneData, RiskData, ThemeData
from inspire.core.plans.risk import RiskLevelError, inputs_for_rating, overall, parse_level
from inspire.core.plans.timescales import find_dates, target_date
from inspire.core.plans.word_import.document import header_of, is_action_header
from inspire.core.plans.word_import.text import BULLET, last_number, measure_from_text, number_of, short

_RECOMMENDATION_HEADING = re.compile(r"^recommendation\s+(\w+)$", re.I)
_OWN_HEADING = re.compile(r"^local authority recommendations?\s*[–—-]\s*(.+)$", re.I)
_THEME_NAMED = re.compile(r"^theme\s+([A-Z])\s*:\s*(.+)$", re.I)
_THEME_LINE = re.compile(r"^[-•∞■\s]*([A-Z])\s+([A-Z].+)$")
_MILESTONE = re.compile(r"^milestone\s*(\d+)\s*[:.]?\s*(.*)$", re.I)
_OVERARCHING = re.compile(r"^overarching\s+(?:action|aim)\s*[:;.]?\s*(.*)$", re.I)


class DetailedPlan:
    """Paragraphs (headings, outcome bullets, theme lines), action tables and the risk register;
    a mixin of :class:`~inspire.core.plans.word_import.reader.PlanReader`, whose state it uses."""

    # paragraphs: headings, outcome bullets, theme lines ------------------------------------
    def paragraph(self, text: str) -> None:
        if not text:
            return
        named = _THEME_NAMED.match(text)
        if named:
            self._theme(named.group(1).upper(), named.group(2).strip())
            self.mode = ""
            return
        heading = _RECOMMENDATION_HEADING.match(text)
        if heading and number_of(heading.group(1)) is not None:
            self._start_item(
                ItemData(ref=str(number_of(heading.group(1))), title="", stated_number=number_of(heading.group(1)))
            )
            self.expect_title = True
            return
        own = _OWN_HEADING.match(text)
        if own:
            self._start_item(ItemData(ref=own.group(1).strip(), title=text, own=True))
            self.expect_title = False
            return
        if self.item is None:
            self._governance(text)
            return
        lowered = text.lower().rstrip(":")
        if lowered.startswith("outcomes to be achieved"):
            self.mode = "outcomes"
            return
        if lowered.startswith("aligns to overarching theme"):
            self.mode = "themes"
            return
        if lowered in ("summary can be found", "summary"):
            self.mode = "summary"
            return
        if self.expect_title:
            self.item.title = text
            self.expect_title = False
            return
        if self.mode == "outcomes":
            text = BULLET.sub("", text)
            # the words as the plan writes them, and each outcome as a measure of success
            self.item.outcomes = f"{self.item.outcomes}\n{text}".strip()
            if text.endswith(":"):
                self.outcome_prefix = text
            else:
                self.item.measures.append(measure_from_text(f"{self.outcome_prefix} {text}".strip()))
        elif self.mode == "summary":
            # where the report says it: "Paragraph 120", "Summary, page 9"
            self.item.report_refs = "; ".join(r for r in (self.item.report_refs, BULLET.sub("", text)) if r)[:300]
        elif self.mode == "themes":
            line = _THEME_LINE.match(text)
            if line:
                code = line.group(1).upper()
                self._theme(code, line.group(2).strip(), keep_existing=True)
                if code not in self.item.themes:
                    self.item.themes.append(code)

    def _theme(self, code: str, name: str, keep_existing: bool = False) -> None:
        for theme in self.plan.themes:
            if theme.code == code:
                if not keep_existing:
                    theme.name = name
                return
        self.plan.themes.append(ThemeData(code, name))

    def _start_item(self, item: ItemData) -> None:
        self.plan.items.append(item)
        self.item = item
        self.mode = ""
        self.outcome_prefix = ""

    # Southend's detailed plan -------------------------------------------------------------
    def _action_table(self, rows: list[list[list[str]]]) -> None:
        for row in rows:
            if len(row) < 4 or not any(row) or is_action_header(header_of(row)):
                continue  # a header row repeated on each printed page
            ref_cell, action_cell, date_cell, owner_cell = row[0], row[1], row[2], row[3]
            if self.item is None:
                self.unplaced.append(
                    f"action table row '{short(' '.join(action_cell))}' comes before any recommendation heading"
                )
                continue
            first = action_cell[0] if action_cell else ""
            ref = last_number(" ".join(ref_cell))
            if not ref_cell and _MILESTONE.match(first) and self.item.actions:
                # one milestone a row: its own date and owner beside it
                action = self.item.actions[-1]
                number, text = _MILESTONE.match(first).groups()
                text = " ".join([text, *action_cell[1:]]).strip()
                when = " ".join(date_cell)
                action.milestones.append(
                    MilestoneData(
                        len(action.milestones) + 1,
                        text,
                        f"Milestone {number}",
                        " ".join(owner_cell),
                        when,
                        target_date(when),
                    )
                )
                self._check_dates(action, when)
                continue
            if ref is None:
                self.unplaced.append(
                    f"{self._where()}: row without a reference number: '{short(' '.join(action_cell))}'"
                )
                continue
            self.item.actions.append(self._action_from_cells(str(ref), action_cell, date_cell, owner_cell))

    def _action_from_cells(self, ref: str, action_cell, date_cell, owner_cell) -> ActionData:
        action = ActionData(ref=ref, text="")
        for paragraph in action_cell:
            milestone = _MILESTONE.match(paragraph)
            overarching = _OVERARCHING.match(paragraph)
            if milestone:
                number, text = milestone.groups()
                action.milestones.append(MilestoneData(len(action.milestones) + 1, text.strip(), f"Milestone {number}"))
            elif overarching and not action.text:
                action.text = overarching.group(1).strip()
            elif action.milestones:
                action.milestones[-1].text = f"{action.milestones[-1].text}\n{paragraph}".strip()
            else:
                action.text = f"{action.text}\n{paragraph}".strip()
        where = f"{self._where()}, action {ref}"
        if not action.milestones:
            action.timescale = " ".join(date_cell)
            action.target_date = target_date(action.timescale)
            action.lead = " ".join(owner_cell)
            self._check_dates(action, action.timescale)
            return action
        # dates and owners are listed paragraph by paragraph beside the milestones
        for column, values, name in (("timescale", date_cell, "target dates"), ("owner", owner_cell, "owners")):
            for milestone, value in zip(action.milestones, values):
                setattr(milestone, column, value)
            if len(values) != len(action.milestones):
                placed = min(len(values), len(action.milestones))
                extra = values[len(action.milestones) :]
                message = (
                    (
                        f"{where}: {len(action.milestones)} milestones but {len(values)} {name}; "
                        f"given to milestones 1-{placed} in order"
                    )
                    if placed
                    else f"{where}: no {name}"
                )
                if extra:
                    message += f"; not placed: {'; '.join(extra)}"
                    if column == "owner":
                        action.lead = "; ".join(extra)
                    else:
                        action.timescale = "; ".join(extra)
                self.notes.append(message)
        for milestone in action.milestones:
            milestone.target_date = target_date(milestone.timescale)
            self._check_dates(milestone, milestone.timescale, f"{where}, {milestone.label or 'milestone'}")
        action.target_date = target_date(action.timescale) if action.timescale else None
        return action

    def _check_dates(self, thing, words: str, where: str | None = None) -> None:
        for written, value in find_dates(words):
            if value is None:
                self.notes.append(f"{where or self._where()}: '{written}' is not a real date; kept as written")
        if words and not find_dates(words):
            self.notes.append(f"{where or self._where()}: target '{words}' names no date; kept as written")

    def _where(self) -> str:
        if self.item is None:
            return "before the first item"
        return f"recommendation {self.item.ref}" if self.item.stated_number else f"item {self.item.ref}"

    def _risk_table(self, rows: list[list[list[str]]]) -> None:
        for number, row in enumerate(rows, start=1):
            if len(row) < 7 or not row[0]:
                continue
            description = "\n".join(BULLET.sub("", p) for p in row[0])
            try:
                impact, likelihood = parse_level(" ".join(row[1])), parse_level(" ".join(row[2]))
            except RiskLevelError as error:
                self.unplaced.append(f"risk {number}: {error}")
                continue
            risk = RiskData(
                description=description,
                impact=impact,
                likelihood=likelihood,
                mitigations="\n".join(BULLET.sub("", p) for p in row[4]),
                owner=" ".join(row[6]),
            )
            stated = " ".join(row[3])
            if stated:
                try:
                    if parse_level(stated) != overall(impact, likelihood):
                        self.notes.append(
                            f"risk {number}: the document says overall {stated} but the matrix gives "
                            f"{overall(impact, likelihood)}; the matrix is used"
                        )
                except RiskLevelError as error:
                    self.notes.append(f"risk {number}: overall risk {error}")
            revised = " ".join(row[5])
            if revised:
                try:
                    risk.revised_impact, risk.revised_likelihood = inputs_for_rating(impact, revised)
                    self.notes.append(
                        f"risk {number}: the document states only a revised risk ({revised}); revised impact "
                        f"{risk.revised_impact} and likelihood {risk.revised_likelihood} give it by the matrix"
                    )
                except RiskLevelError as error:
                    self.notes.append(f"risk {number}: revised risk {error}")
            self.plan.risks.append(risk)
