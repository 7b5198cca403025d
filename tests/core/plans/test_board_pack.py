"""Board packs built from the Southend plan (imported from a Word file built from seed 004),
written as Word and PDF and read back."""

import io
from datetime import date

import docx
import pypdfium2
import pytest

from inspire.core.plans import rag
from inspire.core.plans.board_pack import PROGRESS_COLUMNS, BoardPack, to_docx, to_pdf
from inspire.core.plans.model import MeasureValueData, ProgressData
from inspire.core.plans.word_import import read_plan
from tests.core.plans.seed_docs import seed_004_docx

MEETING = date(2016, 12, 6)


def pdf_text(data: bytes) -> str:
    pdf = pypdfium2.PdfDocument(data)
    return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))


def docx_text(data: bytes) -> tuple[str, list]:
    document = docx.Document(io.BytesIO(data))
    paragraphs = "\n".join(p.text for p in document.paragraphs)
    return paragraphs, document.tables


@pytest.fixture(scope="module")
def pack():
    plan = read_plan(seed_004_docx()).plan
    plan.title = "Southend Children's Services Improvement Plan"
    for item in plan.items:
        statuses = [m.status_on_date for a in item.actions for m in a.milestones]
        for action in item.actions:
            for m in action.milestones:
                m.shown_status = rag.milestone_status(m.status, m.target_date, MEETING)
        statuses = [m.status_on_date for a in item.actions for m in a.milestones]
        item.rag = rag.item_rag(rag.ItemFacts(statuses, [])).rag
    one = plan.items[0]
    one.progress = [ProgressData(date(2016, 10, 1), "Before the last meeting."),
                    ProgressData(date(2016, 11, 20), "CPD programme designed; sessions booked for November.")]
    two = plan.items[1]
    two.measures[0].values = [MeasureValueData(date(2016, 9, 30), 45.0), MeasureValueData(date(2016, 11, 30), 38.0)]
    return BoardPack(plan=plan, board="Children's Improvement Board", meeting=MEETING, since=date(2016, 10, 7),
                     members=["Chief Executive", "Lead Member for Children and Learning"], deadline=date(2016, 10, 14))


def test_docx_pack_reads_back(pack):
    text, tables = docx_text(to_docx(pack))
    assert "Children's Improvement Board: 6 December 2016" in text
    assert "Submission deadline for the plan: 14 October 2016." in text
    progress = next(t for t in tables if tuple(c.text for c in t.rows[0].cells) == PROGRESS_COLUMNS)
    rows = [[c.text for c in row.cells] for row in progress.rows[1:]]
    first = rows[0]
    assert first[0].startswith("1 (") and first[1].startswith("Improve the quality of management oversight")
    assert "CPD programme designed" in first[6] and "Before the last meeting" not in first[6]
    seventh = next(r for r in rows if r[2].startswith("7) Identify and adopt a model of practice"))
    assert "Planning & Engagement Manager" in seventh[3]
    assert "Milestone 7: 30 June 2018" in seventh[4]
    risk = tables[-1]
    assert [c.text for c in risk.rows[0].cells][:4] == ["Risk", "Impact", "Likelihood", "Overall risk"]
    assert [[c.text for c in r.cells][1:4] for r in risk.rows[1:]] == [
        ["High", "Medium", "High"], ["High", "Low", "Medium"], ["High", "Medium", "High"]]
    assert len(docx.Document(io.BytesIO(to_docx(pack))).inline_shapes) == 1  # the measure's chart


def test_docx_lists_overdue_milestones(pack):
    _, tables = docx_text(to_docx(pack))
    flagged = next(t for t in tables if len(t.columns) == 6 and t.rows[0].cells[2].text == "Milestone")
    rows = [[c.text for c in r.cells] for r in flagged.rows[1:]]
    # recommendation 1, action 7, milestone 1 was due 30 September 2016 and is not complete
    assert ["1", "7", "Milestone 1: Research of options.", "Head of Children's Services", "30 September 2016", "Overdue"] in rows
    assert all(r[5] in ("Overdue", "At risk") for r in rows)


def test_pdf_pack_reads_back(pack):
    text = " ".join(pdf_text(to_pdf(pack)).split())
    assert "Children's Improvement Board: 6 December 2016" in text
    for words in ("RAG summary", "Progress and impact", "Milestones overdue or at risk", "Measures against targets",
                  "Risk register", "Identify and adopt a model of practice", "Planning & Engagement Manager",
                  "30 June 2018", "Action owners not in post", "Target 25%", "CPD programme designed"):
        assert words in text, words


def test_timescale_shows_the_actions_own_target_date():
    from inspire.core.plans.model import ActionData, ItemData, MilestoneData, PlanData

    action = ActionData(ref="1", text="Adopt a model of practice.", target_date=date(2017, 3, 31),
                        milestones=[MilestoneData(1, "Research of options.", "Milestone 1", target_date=date(2016, 9, 30))])
    bare = ActionData(ref="2", text="Audit cases.", timescale="Quarterly")
    plan = PlanData(title="Plan", items=[ItemData(ref="1", title="Oversight", actions=[action, bare])])
    rows = BoardPack(plan=plan, board="Board", meeting=MEETING, since=None).progress_rows()
    assert rows[0][4] == "31 March 2017\nMilestone 1: 30 September 2016"
    assert rows[1][4] == "Quarterly"


def test_pdf_keeps_each_measure_caption_with_its_chart():
    """Twenty-five measures, their captions of one to four lines, fill several pages: every
    caption's page also carries its chart's target label."""
    from inspire.core.plans.model import ItemData, MeasureData, PlanData

    values = [MeasureValueData(date(2016, 9, 30), 45.0), MeasureValueData(date(2016, 11, 30), 38.0)]
    plan = PlanData(title="Plan", items=[
        ItemData(ref=str(n), title="Oversight", measures=[
            MeasureData("Audited cases requiring improvement " * (n * 7 % 12) + f"Measure number {n}",
                        target=float(10 + n), unit="%", values=values)])
        for n in range(25)])
    pdf = pypdfium2.PdfDocument(to_pdf(BoardPack(plan=plan, board="Board", meeting=MEETING, since=None)))
    pages = [" ".join(pdf[i].get_textpage().get_text_range().split()) for i in range(len(pdf))]
    for n in range(25):
        page = next(p for p in pages if f"Measure number {n} Target {10 + n}%." in p)
        assert page.count(f"Target {10 + n}%") == 2, n  # the caption's words and the chart's label


def test_docx_pack_has_two_keys_without_repeated_labels(pack):
    text, tables = docx_text(to_docx(pack))
    assert "Key: items" in text and "Key: the plan" in text
    keys = [t for t in tables if [c.text for c in t.rows[0].cells] == ["Status", "Rule"]]
    assert len(keys) == 2
    items, plan = ([[c.text for c in r.cells] for r in t.rows[1:]] for t in keys)
    assert ["Red", "A milestone is past its target date and not complete, started or not."] in items
    assert ["Override", rag.OVERRIDE_WORDS] == items[-1]
    assert ["Amber", "The submission deadline has passed and no item has started."] in plan
    for status, rule in items + plan:
        assert not rule.lower().startswith(status.lower()), rule
