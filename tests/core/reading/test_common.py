"""The shared reading toolkit (frameworks/common/) on the shapes PDF text takes.

The corpus test checks the toolkit on real reports; these pin down each behaviour on a small
document laid out as PDFium prints real ones (labels and grades wrapping, running headers,
lists over page breaks, bullet glyphs lost in extraction).
"""

from __future__ import annotations

import time
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspire.core.reading.documents import Document, Page
from inspire.core.reading.errors import ReadError
from inspire.core.reading.frameworks import ilacs
from inspire.core.reading.frameworks.common import (
    ItemList,
    Lines,
    document_lines,
    find_authority,
    phrase,
    read_dates,
    read_items,
    read_judgements,
    read_person,
)
from inspire.core.reading.reader import read_document
from inspire.core.register import default_register


def doc(*pages: str, paginated: bool = True) -> Document:
    return Document(
        pages=tuple(Page(i + 1, text) for i, text in enumerate(pages)),
        format="pdf" if paginated else "text",
        sha256="0" * 64,
        filename="test.pdf",
        paginated=paginated,
    )


HEADER = "Inspection of Leeds local authority children’s services\n2 to 6 December 2024 {n}\n"


def test_running_headers_and_page_numbers_are_dropped_but_the_title_is_kept():
    document = doc(
        "Inspection of Leeds local authority children’s services\nInspection dates: 2 to 6 December 2024\nFirst page.",
        HEADER.format(n=2) + "Second page.",
        HEADER.format(n=3) + "Third page.",
        HEADER.format(n=4) + "Fourth page.",
        "5\nFifth page.\n",
    )
    lines = [(line.page, line.text) for line in document_lines(document)]
    assert lines == [
        (1, "Inspection of Leeds local authority children’s services"),
        (1, "Inspection dates: 2 to 6 December 2024"),
        (1, "First page."),
        (2, "Second page."),
        (3, "Third page."),
        (4, "Fourth page."),
        (5, "Fifth page."),
    ]


def test_unpaginated_documents_give_no_page_numbers():
    assert {line.page for line in document_lines(doc("One.\nTwo.", paginated=False))} == {None}


@pytest.mark.parametrize(
    ("printed", "start", "end"),
    [
        ("Inspection dates: 2 to 6 December 2024", date(2024, 12, 2), date(2024, 12, 6)),
        ("Inspection dates: 27 November to 8 December 2023", date(2023, 11, 27), date(2023, 12, 8)),
        ("Inspection dates: 10 September 2018 to 21 September 2018", date(2018, 9, 10), date(2018, 9, 21)),
        (
            "Inspection dates: 30 September to 11 October 2024 and 13 to 16 January 2025",
            date(2024, 9, 30),
            date(2025, 1, 16),
        ),
        # a span wrapping after a bare day continues on the next line
        (
            "Inspection dates: 19 November-11 December 2013 and 28 – 30\nJanuary 2014",
            date(2013, 11, 19),
            date(2014, 1, 30),
        ),
    ],
)
def test_inspection_dates(printed, start, end):
    found = read_dates(Lines(document_lines(doc(printed + "\nLead inspector: Ann Lee"))), ("Inspection dates",))
    assert found is not None and found.value == (start, end)
    assert found.provenance.page == 1 and found.provenance.quote.startswith("Inspection dates:")


@pytest.mark.parametrize(
    "printed",
    [
        "Lead inspector: Nicki Shaw, His Majesty’s Inspector",
        "Lead inspector: Nicki Shaw, Her Majesty's Inspector",
        "Lead inspector: Nicki Shaw HMI",
        "Lead inspector: Nicki Shaw\nHer Majesty’s Inspector",
        "Lead inspector: Nicki Shaw, Ofsted Inspector",
    ],
)
def test_lead_inspector_without_titles(printed):
    found = read_person(Lines(document_lines(doc(printed))), ("Lead inspector",))
    assert found is not None and found.value == "Nicki Shaw"


def test_no_lead_inspector_is_none_not_the_next_line():
    text = Lines(document_lines(doc("Inspection dates: 2 to 6 December 2024\nJudgement Grade")))
    assert read_person(text, ("Lead inspector",)) is None


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Inspection of Kingston upon Thames\nlocal authority children’s services", "Kingston upon Thames"),
        ("Inspection of St Helens local authority\nchildren’s services", "St. Helens"),
        ("Inspection of Durham local authority\nchildren’s services", "Durham"),
        ("Inspection of Hull local authority\nchildren’s services", "Kingston Upon Hull, City of"),
        ("Inspection of East Riding local\nauthority children’s services", "East Riding of Yorkshire"),
        ("Inspection of Bedford local authority\nchildren’s services", "Bedford Borough"),
        (
            "Inspection of Bournemouth,\nChristchurch and Poole local authority\nchildren’s services",
            "Bournemouth, Christchurch and Poole",
        ),
        ("1\nBristol City of\nInspection of children's social care services", "Bristol, City of"),
        ("Inspection of Westmorland and\nFurness local authority children’s\nservices", "Westmorland and Furness"),
        ("Inspection of North Northamptonshire\nlocal authority children’s services", "North Northamptonshire"),
        ("Inspection of Somerset Council local\nauthority children’s services", "Somerset"),
        (
            "Inspection of City of Bradford\nMetropolitan Borough Council local\nauthority children’s services",
            "Bradford",
        ),
        ("Inspection of Bradford Children and\nFamilies Trust", "Bradford"),
        ("Inspection of Royal Borough of\nGreenwich local authority children’s\nservices", "Greenwich"),
    ],
)
def test_authority_from_the_title(title, name):
    text = Lines(document_lines(doc(title + "\nInspection dates: 2 to 6 December 2024")))
    authority, provenance, warning = find_authority(
        text, default_register(), title=ilacs.AUTHORITY_TITLES, end=text.text.index("Inspection dates")
    )
    assert warning is None
    assert authority is not None and authority.name == name
    assert provenance is not None and provenance.page == 1


def test_two_authorities_in_the_title_area_is_a_warning_not_a_guess():
    text = Lines(document_lines(doc("Joint report\nLeeds and Bradford\nInspection dates: 2 to 6 December 2024")))
    authority, _, warning = find_authority(text, default_register(), title=(), end=text.text.index("Inspection dates"))
    assert authority is None
    assert warning == "authority: the title area names more than one authority (Bradford, Leeds)"


def test_judgement_labels_and_grades_that_wrap():
    text = Lines(
        document_lines(
            doc(
                "Judgement Grade\n"
                "The impact of leaders on social work practice with children \nand families Good\n"
                "The experiences and progress of children who need help and \nprotection\n"
                "Requires improvement\nto be good\n"
                "The experiences and progress of children in care and care \nleavers\nOutstanding\n"
                "Overall effectiveness Requires improvement to \nbe good\n"
                "Services are good in places."
            )
        )
    )
    found, warnings = read_judgements(text, ilacs.JUDGEMENTS)
    assert warnings == []
    assert {key: f.value for key, f in found.items()} == {
        "leadership": "good",
        "help_and_protection": "requires_improvement",
        "children_in_care": "outstanding",
        "overall": "requires_improvement",
    }
    assert found["help_and_protection"].provenance.quote == (
        "The experiences and progress of children who need help and protection Requires improvement to be good"
    )


def test_a_label_without_a_grade_is_a_warning():
    text = Lines(
        document_lines(doc("Overall effectiveness\nChildren in Leeds are helped.\nMore text.\nAnd more.\nEnd."))
    )
    found, warnings = read_judgements(text, (("Overall effectiveness", "overall"),))
    assert found == {}
    assert warnings == ["judgements.overall: no grade found after 'Overall effectiveness'"]


LIST = ItemList("la", (r"What\s+needs\s+to\s+improve\s*\??",), ends=(phrase("The experiences and progress of"),))


def test_items_continue_over_lines_and_page_breaks():
    document = doc(
        "Summary.\nWhat needs to improve?1\n1\n"
        "◼ The quality of plans for children in need. (outcome 1, national \nframework)\n"
        "◼ The response to children who go missing from home, \nso that",
        HEADER.format(n=2) + "risks are understood.\n■ Workloads.\n",
        HEADER.format(n=3) + "The experiences and progress of children who need help and protection: good\n1. Text.",
        HEADER.format(n=4) + "More text.",
    )
    items, heading = read_items(Lines(document_lines(document)), LIST)
    assert heading
    assert [(words, provenance.page) for words, provenance in items] == [
        ("The quality of plans for children in need. (outcome 1, national framework)", 1),
        ("The response to children who go missing from home, so that risks are understood.", 1),
        ("Workloads.", 2),
    ]


def test_items_whose_bullets_were_lost_are_read_line_by_line_to_the_end():
    document = doc(
        " What needs to improve\n Consistency in planning for disabled children.\n The quality of\nsupervision.\n"
        "The experiences and progress of children who need help and\nprotection are: outstanding",
        paginated=False,
    )
    items, _ = read_items(Lines(document_lines(document)), LIST)
    assert [words for words, _ in items] == [
        "Consistency in planning for disabled children.",
        "The quality of supervision.",
    ]


def test_nested_bullets_belong_to_their_numbered_item():
    spec = ItemList("la", (r"Recommendations",))
    document = doc(
        "Recommendations\n1. Improve plans so that:\n• risks are clear\n• actions are timed.\n"
        "2. Improve supervision.\nNext heading"
    )
    items, _ = read_items(Lines(document_lines(document)), spec)
    assert [words for words, _ in items] == [
        "Improve plans so that: risks are clear actions are timed.",
        "Improve supervision.",
    ]


def test_sub_bullets_of_another_glyph_join_the_item_that_introduces_them():
    document = doc(
        "What needs to improve?\n◼ Services to care leavers, including:\n− sufficiency of accommodation\n"
        "− access to their health histories.\n◼ Permanence planning for children.\n"
        "The experiences and progress of children who need help and protection: good"
    )
    items, _ = read_items(Lines(document_lines(document)), LIST)
    assert [words for words, _ in items] == [
        "Services to care leavers, including: sufficiency of accommodation access to their health histories.",
        "Permanence planning for children.",
    ]
    # the provenance quotes the lines as printed, so the quote is found on its page
    assert (
        items[0][1].quote
        == "Services to care leavers, including: − sufficiency of accommodation − access to their health histories."
    )


def test_same_glyph_sub_bullets_are_told_by_their_lower_case_start():
    document = doc(
        "What needs to improve?\n• The oversight of:\n• permanence for children\n• private fostering.\n• Caseloads.\n"
        "The experiences and progress of children who need help and protection: good"
    )
    items, _ = read_items(Lines(document_lines(document)), LIST)
    assert [words for words, _ in items] == [
        "The oversight of: permanence for children private fostering.",
        "Caseloads.",
    ]


def test_a_list_of_lower_case_items_is_not_nested():
    document = doc(
        "What needs to improve?\n• the consistency of plans\n• arrangements for missing children.\n"
        "The experiences and progress of children who need help and protection: good"
    )
    items, _ = read_items(Lines(document_lines(document)), LIST)
    assert [words for words, _ in items] == ["the consistency of plans", "arrangements for missing children."]


@pytest.mark.parametrize(
    "statement",
    [
        "There are no areas for priority action.",
        "There are no priority or immediate actions.",
        "The inspection did not find any areas for priority and immediate action.",
        "No areas for priority action were identified.",
        "Inspectors did not identify any areas for priority action.",
        "None.",
    ],
)
def test_a_statement_that_there_is_nothing_to_list_is_no_item_and_takes_no_ordinal(statement):
    spec = ItemList("la", (r"Priority\s+and\s+immediate\s+action",), intro=None)
    for printed in (f"8. {statement}", statement):
        document = doc(
            f"Priority and immediate action\n{printed}\n9. Ensure that plans are timely.\n"
            "10. Improve supervision.\nNext heading"
        )
        items, _ = read_items(Lines(document_lines(document)), spec)
        assert [words for words, _ in items] == ["Ensure that plans are timely.", "Improve supervision."]


def test_a_sentence_introducing_another_list_ends_the_list():
    spec = ItemList("la", (r"Areas\s+for\s+improvement",))
    document = doc(
        "Areas for improvement\n17. Ensure caseloads are manageable.\n18. Ensure that all staff receive regular\n"
        "supervision.\nThe local authority has the following strengths:\n19. Senior leaders know the service well."
    )
    items, _ = read_items(Lines(document_lines(document)), spec)
    assert [words for words, _ in items] == [
        "Ensure caseloads are manageable.",
        "Ensure that all staff receive regular supervision.",
    ]


def test_a_missing_heading_is_reported():
    assert read_items(Lines(document_lines(doc("No list here."))), LIST) == ([], False)


WORDS = st.sampled_from(
    [
        "Inspection of Leeds local authority children’s services",
        "Inspection dates: 2 to 6 December 2024",
        "Lead inspector:",
        "Judgement Grade",
        "The experiences and progress of children",
        "The impact of leaders on",
        "Overall effectiveness",
        "Good",
        "What needs to improve?",
        "◼",
        "1.",
        "\n",
        "\f",
        "2024",
        "Requires improvement to be",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(WORDS, st.text(max_size=20)), max_size=60))
def test_any_text_reads_or_is_refused_never_crashes(parts):
    text = " ".join(parts)
    document = doc(*(text.split("\f") or [""]))
    try:
        record = read_document(document)
    except ReadError:
        return
    assert record.family


def test_grades_printed_as_a_column_after_the_labels_are_not_guessed():
    text = Lines(
        document_lines(
            doc(
                "Judgement Grade\nThe impact of leaders on social work practice with children and families\n"
                "The experiences and progress of children who need help and protection\n"
                "Overall effectiveness\nGood\nRequires improvement to be good\nGood\nChildren are safe."
            )
        )
    )
    found, warnings = read_judgements(text, ilacs.JUDGEMENTS)
    assert found == {}
    assert warnings == [
        "judgements.leadership: no grade found after "
        "'The impact of leaders on social work practice with children and families'",
        "judgements.help_and_protection: no grade found after "
        "'The experiences and progress of children who need help and protection'",
        "judgements.overall: grades printed in a column after 'Overall effectiveness': which is its own is unclear",
    ]


def test_the_headings_footnote_at_the_foot_of_a_page_is_not_part_of_an_item():
    document = doc(
        "What needs to improve?1\n◼ The quality of plans for children in need, so \nthat\n"
        "1 The areas for improvement have been cross-referenced with the National Framework.\n"
        "This statutory guidance sets out the purpose.",
        HEADER.format(n=2) + "their needs are met. (outcome 1, national framework)\n◼ Workloads.",
        HEADER.format(n=3) + "The experiences and progress of children who need help and protection: good",
        HEADER.format(n=4) + "More text.",
    )
    items, _ = read_items(Lines(document_lines(document)), LIST)
    assert [words for words, _ in items] == [
        "The quality of plans for children in need, so that their needs are met. (outcome 1, national framework)",
        "Workloads.",
    ]


def test_a_label_is_a_whole_word_or_its_plural():
    assert read_person(Lines(document_lines(doc("Lead inspectorate: Ann Lee"))), ("Lead inspector",)) is None
    # "Lead inspectors: …" names two leads, recorded as "A and B" (docs/RECORD.md)
    found = read_person(Lines(document_lines(doc("Lead inspectors: Ann Lee and Bob Ray"))), ("Lead inspector",))
    assert found.value == "Ann Lee and Bob Ray"


@pytest.mark.parametrize(
    ("cover", "name"),
    [
        ("Lead inspector on site: Jane Smith\nReport author: John Doe, His Majesty’s Inspector", "Jane Smith"),
        ("Lead inspector on site: Jane Smith HMI Report author: John Doe", "Jane Smith"),
        ("Lead inspector: Jane Smith (HMI)", "Jane Smith"),
        ("Lead inspector: Jane Smith (Senior HMI)", "Jane Smith"),
        (
            "Lead inspectors: Ann Lee, His Majesty’s Inspector, and Bob Ray, His Majesty’s Inspector",
            "Ann Lee and Bob Ray",
        ),
        ("Lead inspectors: Ann Lee HMI; Bob Ray HMI", "Ann Lee and Bob Ray"),
        # a prose mention of lead inspectors before the label is passed over, not read as "not named"
        ("The lead inspectors met the director.\nLead inspector: Ann Lee", "Ann Lee"),
        ("Lead inspector: Ann Lee and team", None),  # not two names: not guessed
    ],
)
def test_lead_inspector_edge_cases(cover, name):
    found = read_person(Lines(document_lines(doc(cover))), ("Lead inspector",))
    assert (found.value if found else None) == name


def test_pathological_white_space_reads_quickly():
    junk = " x" + " " * 200_000 + "y"
    document = doc(
        "Inspection of "
        + junk
        + "\nInspection dates: 2 to 6 December 2024"
        + junk
        + "\nLead inspector: "
        + junk
        + "\nJudgement Grade\nThe impact of leaders on"
        + junk
        + "\nThe experiences and progress of children"
        + junk
        + "\nWhat needs to improve?\n◼ "
        + junk
        + "\nOverall effectiveness"
        + junk
    )
    started = time.perf_counter()
    record = read_document(document)
    assert time.perf_counter() - started < 2
    assert record.family == "ilacs" and record.lead_inspector is None


@pytest.mark.parametrize(
    ("title", "urn", "warning"),
    [
        ("Inspection of Newcastle local authority children’s services", "80525", None),
        ("Newcastle City Council\nInspection of services for children in need of help and protection", "80525", None),
        ("Inspection of Richmond local authority children’s services", None, None),
        (
            "Inspection of Kingston local authority children’s services",
            None,
            "authority: the report calls it 'Kingston', which could be any of Kingston Upon Hull, City of, "
            "Kingston upon Thames; not chosen",
        ),
    ],
)
def test_an_authority_called_by_a_short_form_of_its_register_name(title, urn, warning):
    from inspire.core.reading.frameworks.ilacs import AUTHORITY_TITLES

    register = default_register()
    authority, provenance, said = find_authority(Lines(document_lines(doc(title))), register, title=AUTHORITY_TITLES)
    if title.startswith("Inspection of Richmond"):
        urn = register.lookup("Richmond upon Thames").ofsted_urn  # the register's URN, not one typed here
    assert (authority.ofsted_urn if authority else None) == urn
    assert said == warning
    if authority:
        assert provenance.quote and provenance.page == 1
