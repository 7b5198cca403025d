import time
from datetime import date, datetime

import openpyxl
import pytest

from inspire.core.indicators import CATALOGUE, AnnexAError, Period, compute, compute_all, read_annex_a
from inspire.core.indicators.annex_a import identify_sheet, to_bool, to_date
from tests import bombs
from tests.conftest import SHARED

SAMPLE = SHARED / "reference" / "annex_a_sample.xlsx"


def test_reads_every_list_of_the_reference_sample():
    lists = read_annex_a(SAMPLE)
    counts = {key: len(lists.rows(key)) for key in lists.LIST_KEYS}
    assert counts == {
        "contacts": 5,
        "early_help": 5,
        "referrals": 6,
        "assessments": 5,
        "section47": 5,
        "children_in_need": 5,
        "protection_plans": 7,
        "looked_after": 5,
        "care_leavers": 6,
        "adoptions": 5,
    }
    assert lists.problems == []
    referral = lists.referrals[1]
    assert (
        referral.row,
        referral.child_id,
        referral.referral_date,
        referral.source,
        referral.nfa,
        referral.previous_referrals_12m,
    ) == (3, "4653765", date(2020, 9, 16), "3D: Health services", False, 2)
    plan = lists.protection_plans[0]  # "a) Yes" is a yes; a plan start and end are dates
    assert (plan.seen_alone, plan.start, plan.end, plan.previous_plans) == (
        True,
        date(2020, 11, 23),
        date(2021, 2, 16),
        0,
    )
    s47 = lists.section47[2]  # an empty string where the conference outcome would be
    assert (s47.icpc_unnecessary, s47.icpc_date, s47.icpc_plan) == (True, None, None)
    assert lists.children_in_need[0].closed is None


def test_formulas_in_the_sample_are_worked_out():
    lists = read_annex_a(SAMPLE)
    adoption = lists.adoptions[2]  # List 10 row 4: =H4+5, =I4+5 ... down to =M4+5
    assert (
        adoption.entered_care,
        adoption.decision,
        adoption.placed,
        adoption.adopted,
        adoption.no_longer_decision,
    ) == (date(2014, 9, 12), date(2014, 9, 17), date(2014, 10, 2), date(2014, 10, 7), date(2014, 10, 12))


def test_every_indicator_computes_on_the_sample():
    lists = read_annex_a(SAMPLE)
    results = {
        r.indicator.id: r
        for r in compute_all(lists, Period(date(2020, 4, 1), date(2021, 3, 31)), population_under_18=10_000)
    }
    assert results["re_referrals"].numerator == 3  # three of the six referrals count earlier ones
    assert results["icpc_15_days"].denominator == 3
    assert results["care_leavers_in_touch"].value == 100.0


def _malformed(path):
    book = openpyxl.Workbook()
    contacts = book.active
    contacts.title = "List 1 - Contacts"
    contacts.append(["Annex A: List 1, contacts in the last six months"])
    contacts.append([])
    contacts.append(["Child ID", "Gender", "Date of contact", "Contact source"])
    contacts.append([101, "a) Male", datetime(2024, 4, 2), "q) 6: Police"])
    contacts.append(["102", "b) Female", "16/04/2024", "Schools"])  # a date typed as text
    contacts.append([103, "a) Male", "next week", "Police"])  # not a date
    contacts.append([])
    contacts.append([None, None, "Total", 3])  # a totals row
    # List 3 (referrals) is missing
    assessments = book.create_sheet("List 4")
    assessments.append(
        ["Child Unique ID", "Continuous Assessment Start Date", "Date assessment signed off"]
    )  # renamed column
    assessments.append([101, datetime(2024, 4, 3), datetime(2024, 5, 1)])
    adoption = book.create_sheet("List 10")
    adoption.append(
        [
            "Child Unique ID",
            "Date the Child Entered Care",
            "Date of Placement Order",
            "Date of Matching Child and Prospective Adopters",
            "Date Placed for Adoption",
            "Date of Adoption Order",
        ]
    )
    adoption.append([201, datetime(2023, 1, 10), datetime(2023, 6, 1), "=C2+100", "=B2+400", datetime(2024, 4, 20)])
    adoption.append([202, datetime(2023, 2, 1), datetime(2023, 7, 1), "=TODAY()", "=B3+300", datetime(2024, 4, 25)])
    leavers = book.create_sheet("Care leavers")
    leavers["B2"], leavers["C2"], leavers["D2"] = "Child Unique ID", "Date of Birth", "LA in Touch"
    leavers["B3"], leavers["C3"], leavers["D3"] = 301, datetime(2004, 1, 1), "a) Yes"
    book.save(path)


def test_a_malformed_workbook_gets_row_level_problems_not_a_crash(tmp_path):
    path = tmp_path / "malformed.xlsx"
    _malformed(path)
    lists = read_annex_a(path)
    problems = [p.describe() for p in lists.problems]
    assert "List 1, row 6, column “Date of Contact”: “next week” is not a date; the row is used without it" in problems
    assert "List 1, row 8, column “Child Unique ID”: The row has values but no child ID; it was left out" in problems
    assert (
        "List 3: List 3 (referrals) was not found in the workbook; indicators that need it are not computed" in problems
    )
    assert (
        "List 4, column “Continuous Assessment Date of Authorisation”: No column for “Continuous "
        "Assessment Date of Authorisation” was found; indicators that need it are not computed" in problems
    )
    assert any(
        p.startswith(
            "List 10, row 3, column “Date of Matching Child and Prospective Adopters”: The formula "
            "“=TODAY()” has no saved result"
        )
        for p in problems
    )
    assert all(p.message[0].isupper() or p.message[0] == "“" for p in lists.problems), [
        p.message for p in lists.problems
    ]

    # the rest is used: the header below a title row, the text date, the formulas worked out
    assert [(c.child_id, c.contact_date) for c in lists.contacts] == [
        ("101", date(2024, 4, 2)),
        ("102", date(2024, 4, 16)),
        ("103", None),
    ]
    first, second = lists.adoptions
    assert (first.matched, first.placed) == (date(2023, 9, 9), date(2024, 2, 14))
    assert (second.matched, second.placed) == (None, date(2023, 11, 28))
    assert [(c.child_id, c.in_touch) for c in lists.care_leavers] == [("301", "Yes")]  # data starting in column B

    april = Period(date(2024, 4, 1), date(2024, 4, 30))
    contacts = compute(CATALOGUE["contacts_to_referral"], lists, april)
    assert contacts.unavailable == "List 3 (referrals) is not in the workbook"
    assessments = compute(CATALOGUE["assessments_45_days"], lists, april)
    assert assessments.unavailable == "List 4 (assessments) has no column “Continuous Assessment Date of Authorisation”"
    a2 = compute(CATALOGUE["adoption_a2"], lists, april)
    assert (a2.value, a2.left_out) == (100.0, {"no matching date": 1})
    a1 = compute(CATALOGUE["adoption_a1"], lists, april)
    assert (a1.numerator, a1.denominator) == (700, 2)


def test_a_file_that_is_not_a_workbook_is_a_clear_error(tmp_path):
    path = tmp_path / "return.xlsx"
    path.write_bytes(b"%PDF-1.4 not a spreadsheet")
    with pytest.raises(AnnexAError, match="not a readable Excel workbook"):
        read_annex_a(path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("16/09/2020", date(2020, 9, 16)),
        ("16/9/20", date(2020, 9, 16)),
        ("2020-09-16", date(2020, 9, 16)),
        ("16 Sept 2020", date(2020, 9, 16)),
        ("16-Sep-2020", date(2020, 9, 16)),
        ("#N/A", None),
        ("", None),
        (44090, date(2020, 9, 16)),
    ],
)
def test_dates_as_councils_type_them(text, expected):
    assert to_date(text) == expected


def test_bad_values_say_what_is_wrong():
    with pytest.raises(ValueError, match="“31/02/2020” is not a real date"):
        to_date("31/02/2020")
    with pytest.raises(ValueError, match="“maybe” is not yes or no"):
        to_bool("maybe")
    assert to_bool("a) Yes") is True and to_bool("b) No") is False and to_bool("c) Unknown") is None


@pytest.mark.parametrize(
    ("title", "number"),
    [("List 3", 3), ("List 3 - Referrals", 3), ("L8 CLA", 8), ("Care leavers", 9), ("List 11", 11), ("Notes", None)],
)
def test_sheets_are_recognised_by_name(title, number):
    assert identify_sheet(title) == number


def test_formulas_in_columns_no_indicator_reads_are_not_problems(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "List 1"
    sheet.append(["Child Unique ID", "Date of Birth", "Age", "Date of Contact", "Contact Source"])
    for row in range(2, 5):
        sheet.append(
            [1000 + row, datetime(2015, 1, 1), f'=DATEDIF(B{row},D{row},"y")', datetime(2024, 4, row), "Police"]
        )
    path = tmp_path / "ages.xlsx"
    book.save(path)
    lists = read_annex_a(path)
    assert [p for p in lists.problems if p.list == "List 1"] == []
    assert [c.contact_date for c in lists.contacts] == [date(2024, 4, 2), date(2024, 4, 3), date(2024, 4, 4)]


def test_a_formula_the_reader_cannot_work_out_uses_the_result_excel_saved(tmp_path):
    import re
    import zipfile

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "List 10"
    sheet.append(
        [
            "Child Unique ID",
            "Date the Child Entered Care",
            "Date of Placement Order",
            "Date of Matching Child and Prospective Adopters",
        ]
    )
    sheet.append([201, datetime(2023, 1, 10), datetime(2023, 6, 1), "=WORKDAY(C2,60)"])
    plain = tmp_path / "plain.xlsx"
    book.save(plain)
    saved = tmp_path / "saved.xlsx"  # as Excel would save it: the formula with its result (serial 45383)
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(saved, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data, n = re.subn(rb"(<f>WORKDAY\(C2,60\)</f>)<v\s*/?>(</v>)?", rb"\1<v>45383</v>", data)
                assert n == 1
            target.writestr(item, data)
    assert read_annex_a(saved).adoptions[0].matched == date(2024, 4, 1)
    without = read_annex_a(plain)
    assert without.adoptions[0].matched is None
    assert any(p.kind == "formula_without_result" and p.row == 2 for p in without.problems)


def test_the_periods_an_import_computes():
    from inspire.core.indicators.cases import CaseLists, Contact, Referral
    from inspire.core.indicators.compute import standard_periods

    six_months = CaseLists(contacts=[Contact(2, "A", date(2020, 9, 16)), Contact(3, "B", date(2021, 3, 15))])
    assert standard_periods(six_months) == [
        Period(date(2020, 10, 1), date(2020, 12, 31)),
        Period(date(2020, 9, 16), date(2021, 3, 15)),
    ]
    year = CaseLists(contacts=[Contact(2, "A", date(2024, 4, 1))], referrals=[Referral(2, "A", date(2025, 3, 31))])
    assert standard_periods(year) == [
        Period(date(2024, 4, 1), date(2024, 6, 30)),
        Period(date(2024, 7, 1), date(2024, 9, 30)),
        Period(date(2024, 10, 1), date(2024, 12, 31)),
        Period(date(2025, 1, 1), date(2025, 3, 31)),
        Period(date(2024, 4, 1), date(2025, 3, 31)),
    ]
    longer = CaseLists(contacts=[Contact(2, "A", date(2023, 12, 20)), Contact(3, "A", date(2025, 4, 10))])
    periods = standard_periods(longer)
    assert periods[-2:] == [Period(date(2023, 12, 20), date(2025, 4, 10)), Period(date(2024, 4, 1), date(2025, 3, 31))]
    assert standard_periods(CaseLists()) == []


def test_a_workbook_that_expands_too_far_is_refused(monkeypatch):
    from inspire.core.indicators.annex_a import workbook

    monkeypatch.setattr(workbook, "MAX_UNCOMPRESSED_BYTES", 10_000)  # the sample expands to more
    with pytest.raises(
        AnnexAError,
        match=r"^annex_a_sample\.xlsx: unpacks to 84 KB, more than the 10 KB Inspire reads; "
        "it may be damaged or built to overload the server$",
    ):
        read_annex_a(SAMPLE)


def test_a_workbook_bomb_is_refused_before_it_is_parsed(tmp_path):
    """2 GiB of rows in 5 MB: refused from the package's directory, in well under a second."""
    bomb = bombs.xlsx_of_rows(tmp_path / "return.xlsx")
    started = time.perf_counter()
    with pytest.raises(
        AnnexAError,
        match=r"^return\.xlsx: unpacks to 2\.0 GB, more than the 500 MB Inspire reads; "
        "it may be damaged or built to overload the server$",
    ):
        read_annex_a(bomb)
    assert time.perf_counter() - started < 1
