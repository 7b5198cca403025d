"""Read an improvement plan from the tables of a Word document, in the layouts councils use.

Two layouts are recognised by their header rows, wherever they occur in the document:

- *progress and impact review* (East Sussex, seed 002): ``No & Ref | Area for improvement |
  Action | Lead | Timescale | How we will measure improvement | Progress and impact ...``; one
  row per numbered area, actions numbered i), ii)...; rows continue across page breaks (a row with
  no number carries on the one before), full-width rows name sections (themes).
- *detailed plan* (Southend, seed 004): headings ``RECOMMENDATION ONE`` (the text follows) or
  ``LOCAL AUTHORITY RECOMMENDATIONS – ...`` (the council's own items), "Outcomes to be achieved"
  (measures), "Aligns to Overarching Themes" (theme letters), and tables ``Ref | Action | Target
  date | Action owners`` whose cells hold an "Overarching action" and numbered milestones, with
  target dates and owners paragraph by paragraph (or one milestone a row); and a risk register
  ``Risk | Impact | Likelihood | Overall Risk | Mitigation | Revised Risk | Owner``.

Nothing is guessed silently: every place where the document's counts or dates do not line up
is reported in ``ImportResult.notes``, and whatever cannot be attached to an item in
``ImportResult.unplaced``. Matching items to the inspection's recommendations is separate
(``core/plans/matching.py``) so a preview can show it before anything is stored.

One module per concern:

- ``document.py``: the .docx as blocks (paragraphs and tables) and cleaned cell text; which
  layout a table's header row belongs to;
- ``reader.py``: :func:`read_plan` and the reader's state, dispatching each block to a layout;
- ``detailed.py``: the detailed plan's headings, outcomes, themes, action tables and risk register;
- ``governance.py``: the detailed plan's boards, their membership and its key individuals;
- ``priority_timeline.py``: the detailed plan's priority timeline, its dates put on actions;
- ``progress_review.py``: the progress and impact review table;
- ``text.py``: numbers in words, roman numerals, measures of success from their words.
"""

from inspire.core.plans.word_import.reader import NOT_A_PLAN_FILE_HINT, ImportResult, read_plan
from inspire.core.plans.word_import.text import measure_from_text

__all__ = [
    "NOT_A_PLAN_FILE_HINT",
    "ImportResult",
    "measure_from_text",
    "read_plan",
]
