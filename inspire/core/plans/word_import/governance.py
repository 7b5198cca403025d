"""The detailed plan's governance structure (part three) and key individuals: boards named with
their membership, their frequency, and the plan's sponsor, programme executive and manager."""

from __future__ import annotations

import re

from inspire.core.plans.matching import words_of
from inspire.core.plans.model import BoardData, BoardMemberData
from inspire.core.plans.word_import.text import BULLET, short

_BOARD_HEADING = re.compile(r"^((?:[A-Z][\w']*\s+){0,3}(?:Board|Panel))\s*(?:\([A-Z]+\))?\s*[–-]\s*(.+)$")
_FREQUENCY = re.compile(r"^Frequency of (?:the )?(.+?) will be (.+)$", re.I)
_PROGRAMME_ROLES = (
    ("sponsor", "sponsor"),
    ("programme executive", "programme_executive"),
    ("programme manager", "programme_manager"),
)


class Governance:
    """A mixin of :class:`~inspire.core.plans.word_import.reader.PlanReader`: the paragraphs
    before the first recommendation heading."""

    def _governance(self, text: str) -> None:
        """Boards named with their membership ("Improvement Board – membership will be made up
        of eight representatives:" then one member a line), their frequency, and the plan's
        sponsor, programme executive and programme manager (a role line, then the person)."""
        lowered = text.lower()
        board = _BOARD_HEADING.match(text)
        if board and text.rstrip().endswith(":"):
            name = board.group(1).strip()
            kind = "scrutiny_panel" if "scrutiny" in name.lower() else "improvement_board"
            purpose = board.group(2).strip().rstrip(":").strip()
            terms = "" if purpose.lower().startswith("membership") else f"{name} {purpose}."
            self.board = BoardData(kind, name, terms_of_reference=terms)
            self.plan.boards.append(self.board)
            self.mode = "members"
            return
        frequency = _FREQUENCY.match(text)
        if frequency and self.board is not None:
            if frequency.group(1).strip().lower() != self.board.name.lower():
                self.notes.append(
                    f"'{short(text)}' follows {self.board.name}'s membership but names "
                    f"{frequency.group(1).strip()}; kept as {self.board.name}'s frequency"
                )
            self.board.frequency = frequency.group(2).strip().rstrip(".")
            self.mode = ""
            return
        if self.mode == "members" and self.board is not None:
            self.board.members.append(BoardMemberData(BULLET.sub("", text).strip()))
            return
        role = next((r for words, r in _PROGRAMME_ROLES if lowered.endswith(words)), None)
        if role:
            self.programme_role = role
            return
        if getattr(self, "programme_role", "") and self.plan.boards:
            self._programme_person(self.programme_role, text)
            self.programme_role = ""

    def _programme_person(self, role: str, text: str) -> None:
        """ "Simon Leftley, Corporate Director for People": the member of the first board whose post
        this is takes the name and role; someone not on it is added, saying so."""
        name, _, post = text.partition(",")
        board = self.plan.boards[0]
        post_words = words_of(post)
        member = next(
            (m for m in board.members if post_words and words_of(m.name)[: len(post_words)] == post_words), None
        )
        if member is not None:
            member.role, member.name, member.board_role = member.name, name.strip(), role
        else:
            board.members.append(
                BoardMemberData(
                    name.strip(),
                    f"{post.strip()} (named in the plan's key individuals, not in {board.name}'s membership)",
                    role,
                )
            )
