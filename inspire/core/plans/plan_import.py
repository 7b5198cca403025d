"""Importing a plan, in the core: a file (Word, Excel or CSV, told by its content) read into
``PlanData`` with what did not line up, then prepared for one inspection as the preview a person
confirms before anything is stored (:func:`preview`): items matched to the inspection's
recommendations, target dates before the inspection began cleared, and every item or
recommendation left without a partner listed.

The readers here run in a worker process (``inspire.core.limits.run_bounded``) when the plan
import page or ``inspire plan word`` reads a file, so nothing here may need Django; a Word or
Excel file is checked for what it unpacks to (``limits.check_package``) before it is parsed.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from inspire.core.errors import PlanImportError
from inspire.core.limits import check_package
from inspire.core.plans import excel
from inspire.core.plans.matching import MatchReport, RecommendationRef, match_recommendations
from inspire.core.plans.model import PlanData, clear_dates_before
from inspire.core.plans.word_import import NOT_A_PLAN_FILE_HINT, ImportResult, read_plan


def read_upload(name: str, data: bytes, title: str) -> tuple[PlanData, list[str], list[str]]:
    """The plan ``data`` holds, the notes on what did not line up and what could not be placed.
    Raises :class:`~inspire.core.errors.PlanImportError` with the problem, or
    :class:`~inspire.core.limits.LimitExceeded` for a file that unpacks to too much."""
    check_package(data, name)  # raises LimitExceeded, naming the file and the limit
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as package:
                names = package.namelist()
        except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
            raise PlanImportError(
                "the file is a damaged Word or Excel file (its zip package is broken)", hint=NOT_A_PLAN_FILE_HINT
            ) from None
        if "word/document.xml" in names:
            result = read_plan(data, title=title)
            return result.plan, result.notes, result.unplaced
        if "xl/workbook.xml" in names:
            return excel.from_xlsx(data), [], []
    if name.lower().endswith(".csv") or b"," in data[:2000]:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise PlanImportError("the CSV file is not UTF-8 text", hint="Save the CSV file as UTF-8 text.") from None
        return excel.from_csv(text, title=title), [], []
    raise PlanImportError(
        "the file is not a Word document (.docx), an Excel workbook (.xlsx) or a CSV file", hint=NOT_A_PLAN_FILE_HINT
    )


def read_word_plan(name: str, data: bytes, title: str) -> ImportResult:
    """A Word plan (``inspire plan word``), checked for what it unpacks to before it is parsed."""
    check_package(data, name)
    return read_plan(data, title=title)


@dataclass
class Preview:
    """What an import would store, shown before it is: the plan, the notes on what did not line up,
    what could not be placed, and (when items had to be matched) how they were."""

    plan: PlanData
    notes: list[str]
    unplaced: list[str]
    report: MatchReport | None


def preview(
    plan: PlanData,
    notes: Sequence[str],
    unplaced: Sequence[str],
    *,
    title: str,
    recommendations: Sequence[RecommendationRef],
    inspection_start: date | None,
) -> Preview:
    """The read plan prepared for an inspection. Items that name no recommendation are matched to
    ``recommendations`` (:func:`~inspire.core.plans.matching.match_recommendations`); a file whose
    items all name one is checked instead, and refused (``PlanImportError``) when one names a
    recommendation the inspection does not have. Target dates before ``inspection_start`` are
    cleared, with a note each. ``title`` is the plan's title when the file gives none."""
    plan.title = plan.title or title
    notes, unplaced = list(notes), list(unplaced)
    report = None
    if any(item.recommendation is None and not item.own for item in plan.items):
        report = match_recommendations(plan, recommendations)
    else:
        known = {(r.section, r.ordinal) for r in recommendations}
        bad = [i.ref for i in plan.items if i.recommendation and i.recommendation not in known]
        if bad:
            raise excel.rows_refused(
                [
                    excel.RowError(
                        "Items", None, "recommendation", f"item {ref}: the inspection has no such recommendation"
                    )
                    for ref in bad
                ]
            )
    if inspection_start:
        notes += clear_dates_before(plan, inspection_start)
    if report:
        unplaced += [
            f"item {ref}: matches no recommendation of the report; it will be the council's own item"
            for ref in report.unmatched_items
        ]
        unplaced += [
            f"{'LSCB' if r.section == 'lscb' else 'Recommendation'} {r.ordinal}: no item of the document "
            "answers it; it will be an item with no actions yet"
            for r in report.uncovered
        ]
    return Preview(plan, notes, unplaced, report)
