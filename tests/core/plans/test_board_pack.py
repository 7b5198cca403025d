"""Board packs built from the Southend plan (imported from a Word file built from seed 004),
written as Word and PDF and read back: the cover, exceptions first, decisions, items by theme,
the risk register as a heat map and a table, the key last; the PDF rendered to images."""

import io
from datetime import date

import docx
import pypdfium2
import pytest

from inspire.core.plans import rag
from inspire.core.plans.board_pack import ArisingAction, BoardPack, to_docx, to_pdf
from inspire.core.plans.model import MeasureValueData, ProgressData
from inspire.core.plans.word_import import read_plan
from tests.core.plans.seed_docs import seed_004_docx

MEETING = date(2016, 12, 6)


def pdf_pages(data: bytes) -> list[str]:
    pdf = pypdfium2.PdfDocument(data)
    return [" ".join(pdf[i].get_textpage().get_text_range().split()) for i in range(len(pdf))]


def docx_text(data: bytes) -> tuple[str, list]:
    document = docx.Document(io.BytesIO(data))
    paragraphs = "\n".join(p.text for p in document.paragraphs)
    return paragraphs, document.tables


@pytest.fixture(scope="module")
def pack():
    plan = read_plan(seed_004_docx()).plan
    plan.title = "Southend Children's Services Improvement Plan"
    for item in plan.items:
        for action in item.actions:
            for m in action.milestones:
                m.shown_status = rag.milestone_status(m.status, m.target_date, MEETING)
        statuses = [m.status_on_date for a in item.actions for m in a.milestones]
        derived = rag.item_rag(rag.ItemFacts(statuses, []))
        item.rag, item.rag_reason = derived.rag, derived.reason
    one = plan.items[0]
    one.progress = [
        ProgressData(date(2016, 10, 1), "Before the last meeting."),
        ProgressData(date(2016, 11, 20), "CPD programme designed; sessions booked for November."),
    ]
    two = plan.items[1]
    two.measures[0].values = [MeasureValueData(date(2016, 9, 30), 45.0), MeasureValueData(date(2016, 11, 30), 38.0)]
    from inspire.core.plans import timeline

    return BoardPack(
        plan=plan,
        board="Children's Improvement Board",
        meeting=MEETING,
        since=date(2016, 10, 7),
        timeline=timeline.rows(plan),
        members=["Chief Executive (Chair)", "Lead Member for Children and Learning"],
        deadline=date(2016, 10, 14),
        deadline_words="70 working days after 7 July 2016",
        decisions_sought=["Agree the revised Quality Assurance Framework."],
        previous_decisions=["The board's terms of reference were agreed."],
        actions_arising=[
            ArisingAction(
                "Report on agency social workers", date(2016, 10, 7), "Head of Children's Services", date(2016, 12, 1)
            )
        ],
        narrative=(date(2016, 12, 1), "A Practice Lead is in post."),
    )


def test_cover_says_the_status_deadline_and_days_to_it(pack):
    assert (
        pack.deadline_text == "Submission deadline for the plan: 14 October 2016 (70 working days after 7 July 2016)."
    )
    assert pack.days_to_deadline == "The deadline passed 53 days before the meeting."
    counts = dict((label, n) for _, label, n in pack.rag_counts())
    assert sum(counts.values()) == len(pack.plan.items) and counts["Red"] > 0


def test_exceptions_are_red_and_amber_items_overdue_milestones_and_risks_of_15_or_more(pack):
    items = pack.exception_items()
    assert items and {row[2] for row in items} <= {"Red", "Amber"}
    assert [row[2] for row in items] == sorted((row[2] for row in items), key=["Red", "Amber"].index)
    flagged = pack.flagged_milestones()
    assert [
        "1",
        "7",
        "Milestone 1: Research of options.",
        "Head of Children's Services",
        "30 September 2016",
        "Overdue",
    ] in [list(r) for r in flagged]
    # Southend's register: high impact, medium likelihood is 5 x 3 = 15 on the heat map; high/low is 5
    assert [(r[0], r[2]) for r in pack.high_risks()] == [("1", "15"), ("3", "15")]
    assert pack.heat_cells() == {(5, 3): ["1", "3"], (5, 1): ["2"]}


def test_items_are_grouped_by_theme_with_milestones_in_words_owner_date_and_status(pack):
    groups = pack.theme_groups()
    assert [g.heading for g in groups][:4] == [
        "Theme A: Practice and Culture",
        "Theme B: Continuous Improvement",
        "Theme C: Responsive Intervention (right time, right place)",
        "Theme D: Management, Leadership and Governance",
    ]
    first = groups[0].items[0]
    rows = pack.milestone_rows(first)
    assert (
        "7",
        "Milestone 7: Review of Effectiveness of model (to include methodology of review determined prior to review).",
        "GM – Fieldwork Services",
        "30 June 2018",
        "Not started",
    ) in rows
    assert pack.progress_words(first) == "20 November 2016: CPD programme designed; sessions booked for November."
    measures = pack.measure_rows(pack.plan.items[1])
    assert measures[0][3] == "38% (30 November 2016)"


def test_docx_pack_reads_back_in_the_boards_order(pack):
    data = to_docx(pack)
    document = docx.Document(io.BytesIO(data))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    order = [
        "Southend Children's Services Improvement Plan",
        "Exceptions",
        "Decisions the board is asked for",
        "From the last meeting",
        "Priority timeline",
        "Theme A: Practice and Culture",
        "Risk register",
        "Key",
    ]
    assert [h for h in headings if h in order] == order
    text, tables = docx_text(data)
    assert "Submission deadline for the plan: 14 October 2016 (70 working days after 7 July 2016)." in text
    assert "Agree the revised Quality Assurance Framework." in text and "A Practice Lead is in post." in text
    risk = next(
        t
        for t in tables
        if [c.text for c in t.rows[0].cells][:5] == ["Risk", "Description", "Impact", "Likelihood", "Score"]
    )
    assert [[c.text for c in r.cells][2:6] for r in risk.rows[1:]] == [
        ["High", "Medium", "15", "High"],
        ["High", "Low", "5", "Medium"],
        ["High", "Medium", "15", "High"],
    ]
    keys = [t for t in tables if [c.text for c in t.rows[0].cells] == ["Status", "Rule"]]
    assert tables[-2:] == keys  # the key last
    # charts: items by status, the timeline in page-sized parts, the measure, the heat map
    from inspire.core.plans import timeline

    assert len(document.inline_shapes) == 3 + len(timeline.chunks(pack.timeline))


def test_pdf_pages_in_order_and_no_table_cut(pack):
    """Rendered to images: nothing is drawn in the page margins (a table wider or longer than its
    page would be), every milestone's words are in the text, and the sections come in order."""
    data = to_pdf(pack)
    pdf = pypdfium2.PdfDocument(data)
    margin = 28  # points: the pack's margins are 1.2 cm (34 points)
    for index in range(len(pdf)):
        image = pdf[index].render(scale=1).to_pil().convert("L")
        width, height = image.size
        box = image.point(lambda v: 255 if v < 250 else 0).getbbox()
        assert box is not None, f"page {index + 1} is blank"
        left, top, right, bottom = box
        assert left >= margin and top >= margin and right <= width - margin and bottom <= height - margin, (
            index + 1,
            box,
        )
    pages = pdf_pages(data)
    text = " ".join(pages)
    for item in pack.plan.items:
        for action in item.actions:
            for m in action.milestones:
                assert " ".join(m.text.split())[:40] in text, m.text

    def first(words: str) -> int:
        return next(n for n, page in enumerate(pages) if words in page)

    assert first("Children's Improvement Board: 6 December 2016") == 0 and "Overall status" in pages[0]
    sections = [
        first("Exceptions Red and amber items"),
        first("Decisions the board is asked for"),
        first("Priority timeline"),
        first("Theme A: Practice and Culture Item"),
        first("Risk register"),
        first("Key: items"),
    ]
    assert sections == sorted(sections) and sections[-1] == len(pages) - 1


def test_pdf_keeps_each_measure_chart_with_its_caption():
    """Twenty-five measures fill several pages: every chart's caption is on the page of its chart."""
    from inspire.core.plans.model import ItemData, MeasureData, PlanData

    values = [MeasureValueData(date(2016, 9, 30), 45.0), MeasureValueData(date(2016, 11, 30), 38.0)]
    plan = PlanData(
        title="Plan",
        items=[
            ItemData(
                ref=str(n),
                title="Oversight",
                measures=[
                    MeasureData(
                        "Audited cases requiring improvement " * (n * 7 % 12) + f"Measure number {n}",
                        target=float(10 + n),
                        unit="%",
                        values=values,
                    )
                ],
            )
            for n in range(25)
        ],
    )
    pages = pdf_pages(to_pdf(BoardPack(plan=plan, board="Board", meeting=MEETING, since=None)))
    for n, item in enumerate(plan.items):
        caption = "Chart: " + " ".join(item.measures[0].description.split())
        page = next(p for p in pages if caption + " " in p + " ")
        assert f"Target {10 + n}%" in page.split(caption, 1)[1], n  # the chart's own label, after its caption


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


def test_pack_without_a_deadline_says_so():
    from inspire.core.plans.model import PlanData

    bare = BoardPack(plan=PlanData(title="Plan"), board="Board", meeting=MEETING, since=None)
    assert bare.deadline_text == "Deadline not yet known — confirm the publication date."
    assert bare.days_to_deadline == ""
    assert "Deadline not yet known — confirm the publication date." in " ".join(pdf_pages(to_pdf(bare)))
