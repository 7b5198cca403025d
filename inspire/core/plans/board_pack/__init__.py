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
entered after the meeting shows. :class:`BoardPack` (``pack.py``) works the content out once;
``to_docx`` (``word.py``) and ``to_pdf`` (``pdf.py``) only lay it out, and the page template reads
the same methods.
"""

from inspire.core.plans.board_pack.pack import ArisingAction, BoardPack, ThemeGroup
from inspire.core.plans.board_pack.pdf import to_pdf
from inspire.core.plans.board_pack.word import to_docx

__all__ = ["ArisingAction", "BoardPack", "ThemeGroup", "to_docx", "to_pdf"]
