"""Every indicator on small hand-built case lists; the expected answers were worked by hand (in the
comments) before the code ran."""

from datetime import date

import pytest

from inspire.core.indicators import CATALOGUE, Period, compute
from inspire.core.indicators.cases import (
    Adoption,
    Assessment,
    CareLeaver,
    CaseLists,
    ChildInNeed,
    Contact,
    LookedAfter,
    ProtectionPlan,
    Referral,
    Section47,
    row_fields,
)

D = date
APRIL_2024 = Period(D(2024, 4, 1), D(2024, 4, 30))
YEAR_TO_MARCH_2024 = Period(D(2023, 4, 1), D(2024, 3, 31))


def lists(**rows) -> CaseLists:
    """Case lists holding ``rows``, with every column of those lists present."""
    out = CaseLists(**rows)
    out.columns = {key: set(row_fields(key)) for key in rows}
    return out


def run(indicator_id, case_lists, period, **kwargs):
    return compute(CATALOGUE[indicator_id], case_lists, period, **kwargs)


def test_contacts_leading_to_referral():
    case_lists = lists(
        contacts=[
            Contact(2, "A", D(2024, 4, 1)),  # superseded: the referral matches the later contact
            Contact(3, "A", D(2024, 4, 3)),  # referral two days later: led to it
            Contact(4, "B", D(2024, 4, 10)),  # referral ten days later: outside the 7-day window
            Contact(5, "C", D(2024, 4, 15)),  # referral the same day
            Contact(6, "D", None),  # left out
            Contact(7, "E", D(2024, 3, 30)),  # before the period
        ],
        referrals=[
            Referral(2, "A", D(2024, 4, 5)),
            Referral(3, "B", D(2024, 4, 20)),
            Referral(4, "C", D(2024, 4, 15)),
            Referral(5, "E", D(2024, 4, 2)),
        ],
    )
    result = run("contacts_to_referral", case_lists, APRIL_2024)
    assert (result.numerator, result.denominator, result.value) == (2, 4, 50.0)
    assert result.left_out == {"no contact date": 1}


def test_referrals_with_no_further_action():
    case_lists = lists(
        referrals=[
            Referral(2, "A", D(2024, 4, 2), nfa=True),
            Referral(3, "B", D(2024, 4, 3), nfa=False),
            Referral(4, "C", D(2024, 4, 4), nfa=None),
            Referral(5, "D", D(2024, 5, 4), nfa=True),  # after the period
        ]
    )
    result = run("referrals_nfa", case_lists, APRIL_2024)
    assert (result.numerator, result.denominator, result.value) == (1, 2, 50.0)
    assert result.left_out == {"no further action not recorded": 1}


def test_re_referrals_a_child_with_two_referrals():
    case_lists = lists(
        referrals=[
            Referral(2, "X", D(2023, 6, 1), previous_referrals_12m=0),
            Referral(
                3, "X", D(2024, 4, 10), previous_referrals_12m=0
            ),  # earlier referral in the list, within a year: yes
            Referral(4, "Y", D(2024, 4, 2), previous_referrals_12m=0),  # first of two: no
            Referral(5, "Y", D(2024, 4, 20), previous_referrals_12m=0),  # second of two: yes
            Referral(6, "Z", D(2024, 4, 5), previous_referrals_12m=2),  # the return counts earlier ones: yes
            Referral(7, "W", D(2022, 1, 1), previous_referrals_12m=0),
            Referral(8, "W", D(2024, 4, 15), previous_referrals_12m=0),  # earlier one over a year before: no
        ]
    )
    result = run("re_referrals", case_lists, APRIL_2024)
    assert (result.numerator, result.denominator, result.value) == (3, 5, 60.0)


def test_re_referrals_need_each_referrals_12_month_look_back_inside_the_data():
    # No "Number of Referrals in Last 12 Months": the list is the only history, from 1 April 2023.
    case_lists = lists(
        referrals=[
            Referral(2, "X", D(2023, 4, 1)),
            Referral(3, "Y", D(2023, 6, 1)),
            Referral(4, "X", D(2024, 3, 20)),  # within a year of row 2: yes
            Referral(5, "Y", D(2024, 4, 10)),  # within a year of row 3: yes
            Referral(6, "Z", D(2024, 4, 20)),  # no earlier one: no
        ]
    )
    early = run("re_referrals", case_lists, Period(D(2023, 4, 1), D(2024, 3, 31)))
    assert (early.value, early.numerator, early.denominator) == (None, None, None)
    assert early.unavailable == (
        "the 12 months before 3 of the period's referrals start before the return's first referral (1 April 2023), "
        "and the return does not give their number of referrals in the last 12 months"
    )
    april = run("re_referrals", case_lists, APRIL_2024)  # look-back from April 2023: inside the list
    assert (april.numerator, april.denominator, april.value, april.unavailable) == (1, 2, 50.0, None)
    # the return's own count (from the council's system) covers a look-back before the list
    counted = lists(
        referrals=[
            Referral(2, "X", D(2023, 4, 1), previous_referrals_12m=1),
            Referral(3, "Y", D(2023, 5, 1), previous_referrals_12m=0),
        ]
    )
    result = run("re_referrals", counted, Period(D(2023, 4, 1), D(2023, 6, 30)))
    assert (result.numerator, result.denominator, result.value) == (1, 2, 50.0)
    one_missing = lists(
        referrals=[Referral(2, "X", D(2023, 4, 1), previous_referrals_12m=1), Referral(3, "Y", D(2023, 5, 1))]
    )
    assert run("re_referrals", one_missing, Period(D(2023, 4, 1), D(2023, 6, 30))).unavailable.startswith(
        "the 12 months before 1 of"
    )


def test_assessments_within_45_working_days_over_bank_holidays():
    # Started Thu 28 March 2024. Good Friday, Easter Monday, 6 May and 27 May are bank holidays, so
    # the 45th working day is Wed 5 June 2024 (counting weekdays alone it would be 31 May).
    case_lists = lists(
        assessments=[
            Assessment(2, "A", D(2024, 3, 28), authorised=D(2024, 6, 5)),  # 45: in time
            Assessment(3, "B", D(2024, 3, 28), authorised=D(2024, 6, 6)),  # 46: late
            Assessment(4, "C", None, authorised=D(2024, 6, 10)),  # left out: no start
            Assessment(5, "D", D(2024, 6, 10), authorised=None),  # still open: not counted
            Assessment(6, "E", D(2024, 6, 4), authorised=D(2024, 6, 3)),  # left out: authorised before it started
        ]
    )
    result = run("assessments_45_days", case_lists, Period(D(2024, 6, 1), D(2024, 6, 30)))
    assert (result.numerator, result.denominator, result.value) == (1, 2, 50.0)
    assert result.left_out == {"no start date": 1, "authorised before it started": 1}


def _section47():
    return lists(
        section47=[
            Section47(2, "A", D(2024, 4, 2), icpc_date=D(2024, 4, 19)),  # 13 working days
            Section47(3, "B", D(2024, 4, 10), icpc_date=None),  # no conference
            Section47(4, "C", None, icpc_date=None),  # left out of the enquiries
            Section47(5, "D", D(2024, 3, 20), icpc_date=D(2024, 4, 5)),  # 10 working days (Easter in between)
            Section47(6, "E", D(2024, 3, 28), icpc_date=D(2024, 4, 22)),  # 15 exactly, because of Easter (17 weekdays)
            Section47(7, "F", D(2024, 4, 2), icpc_date=D(2024, 4, 24)),  # 16: late
            Section47(8, "G", None, icpc_date=D(2024, 4, 11)),  # conference but no strategy discussion date
        ]
    )


def test_section_47_enquiries_leading_to_a_conference():
    result = run("s47_to_icpc", _section47(), APRIL_2024)
    # enquiries started in April: A (conference), B (none), F (conference)
    assert (result.numerator, result.denominator) == (2, 3)
    assert result.value == pytest.approx(66.667, abs=0.001)
    assert result.left_out == {"no strategy discussion date": 2}


def test_conferences_within_15_working_days():
    result = run("icpc_15_days", _section47(), APRIL_2024)
    # conferences held in April: A yes, D yes, E yes, F no; G left out
    assert (result.numerator, result.denominator, result.value) == (3, 4, 75.0)
    assert result.left_out == {"no strategy discussion date": 1}


def _children_in_need():
    return lists(
        children_in_need=[
            ChildInNeed(2, "C1", start=D(2023, 1, 1)),  # open
            ChildInNeed(3, "C2", start=D(2023, 5, 1), closed=D(2024, 3, 31)),  # closed on the last day: not open
            ChildInNeed(4, "C3", start=D(2024, 4, 2)),  # starts after
            ChildInNeed(5, "C4", start=None),  # left out
            ChildInNeed(6, "C1", start=D(2023, 9, 1)),  # C1's second open episode: once
            ChildInNeed(7, "C6", start=D(2022, 1, 1), closed=D(2024, 4, 15)),  # open on 31 March
        ]
    )


def test_children_in_need_count_and_rate():
    count = run("children_in_need", _children_in_need(), YEAR_TO_MARCH_2024)
    assert count.value == 2
    assert count.left_out == {"no start date": 1, "another open episode of the same child (counted once)": 1}
    rate = run("children_in_need_rate", _children_in_need(), YEAR_TO_MARCH_2024, population_under_18=5_000)
    assert (rate.value, rate.numerator, rate.denominator) == (4.0, 2, 5_000)


def test_a_rate_needs_the_under_18_population():
    rate = run("children_in_need_rate", _children_in_need(), YEAR_TO_MARCH_2024)
    assert rate.value is None
    assert rate.unavailable == "no under-18 population has been entered for this authority"


def _plans():
    return lists(
        protection_plans=[
            ProtectionPlan(2, "P1", start=D(2021, 6, 1), previous_plans=0),  # open: not ended
            ProtectionPlan(
                3, "P2", start=D(2022, 1, 10), end=D(2024, 2, 1), previous_plans=0
            ),  # ended: two years and more
            ProtectionPlan(4, "P3", start=D(2023, 5, 1), end=D(2023, 11, 1), previous_plans=0),  # ended: six months
            ProtectionPlan(
                5, "P4", start=D(2022, 3, 1), end=D(2024, 2, 29), previous_plans=0
            ),  # one day short of two years
            ProtectionPlan(6, "P5", start=None, end=D(2023, 10, 1)),  # left out
            ProtectionPlan(7, "P6", start=D(2023, 9, 1), previous_plans=1),  # a repeat plan
            ProtectionPlan(8, "P3", start=D(2024, 1, 15), previous_plans=0),  # the list holds P3's earlier plan: repeat
            ProtectionPlan(9, "P8", start=D(2023, 12, 1), previous_plans=None),  # left out of repeats
        ]
    )


def test_plans_lasting_two_years_or_more():
    result = run("cp_two_years", _plans(), YEAR_TO_MARCH_2024)
    assert (result.numerator, result.denominator) == (1, 3)
    assert result.left_out == {"no start date": 1}


def test_repeat_plans():
    result = run("cp_repeat", _plans(), YEAR_TO_MARCH_2024)
    # started in the year: P3 (first), P6 (repeat), P3 again (repeat); P8 unknown
    assert (result.numerator, result.denominator) == (2, 3)
    assert result.left_out == {"no start date": 1, "number of previous plans not recorded": 1}  # P5 has no start


def test_children_on_plans_count_open_plans():
    result = run("cp_plans", _plans(), YEAR_TO_MARCH_2024)
    # open on 31 March 2024: P1, P6, P3 (second plan), P8
    assert result.value == 4


def _visits():
    return lists(
        protection_plans=[
            ProtectionPlan(
                2, "V1", start=D(2023, 10, 1), last_visit=D(2024, 3, 14), seen_alone=True
            ),  # 10 working days
            ProtectionPlan(3, "V2", start=D(2023, 10, 1), last_visit=D(2024, 3, 13), seen_alone=False),  # 11
            ProtectionPlan(4, "V3", start=D(2024, 3, 25)),  # too new: first visit due 9 April (Easter)
            ProtectionPlan(5, "V4", start=D(2024, 1, 5)),  # never visited
            ProtectionPlan(
                6, "V5", start=D(2023, 6, 1), last_visit=D(2024, 4, 2), seen_alone=True
            ),  # visit after the period
        ]
    )


def test_children_on_plans_visited_within_timescale():
    result = run("cp_visits_in_timescale", _visits(), Period(D(2024, 1, 1), D(2024, 3, 28)))
    assert (result.numerator, result.denominator) == (1, 3)
    assert result.left_out == {
        "plan too new for a visit to be due": 1,
        "last visit after the period end (the visit before it is not in the list)": 1,
    }


def test_children_on_plans_seen_alone():
    result = run("cp_seen_alone", _visits(), Period(D(2024, 1, 1), D(2024, 3, 28)))
    assert (result.numerator, result.denominator, result.value) == (1, 2, 50.0)
    assert result.left_out == {
        "seen alone not recorded": 2,
        "last visit after the period end (the visit before it is not in the list)": 1,
    }


def _looked_after():
    return lists(
        looked_after=[
            LookedAfter(
                2,
                "L1",
                start=D(2020, 1, 1),
                latest_review=D(2024, 1, 10),
                last_visit=D(2024, 3, 1),
                last_health_assessment=D(2023, 6, 1),
                placements_12m=3,
            ),
            LookedAfter(3, "L2", start=D(2024, 3, 20), placements_12m=1),  # new: first review due 19 April
            LookedAfter(4, "L3", start=D(2019, 5, 1), ceased=D(2024, 2, 1), placements_12m=5),  # left care
            LookedAfter(
                5,
                "L4",
                start=D(2022, 6, 1),
                latest_review=D(2023, 8, 1),
                last_visit=D(2024, 2, 10),
                placements_12m=None,
            ),
            LookedAfter(
                6,
                "L5",
                start=D(2023, 1, 1),
                latest_review=D(2023, 10, 15),
                last_visit=D(2024, 2, 18),
                last_health_assessment=D(2023, 3, 31),
                placements_12m=2,
            ),
        ]
    )


@pytest.mark.parametrize(
    ("indicator_id", "numerator", "denominator", "left_out"),
    [
        ("looked_after", 4, None, {}),
        ("cla_three_placements", 1, 3, {"number of placements not recorded": 1}),
        ("cla_reviews_in_timescale", 2, 3, {"first review not yet due": 1}),
        ("cla_visits_in_timescale", 2, 4, {}),  # L5's visit was 42 days before: in time
        ("cla_health_assessments", 1, 3, {}),  # L5's was exactly a year before: not within
    ],
)
def test_children_looked_after(indicator_id, numerator, denominator, left_out):
    result = run(indicator_id, _looked_after(), YEAR_TO_MARCH_2024)
    assert (result.numerator, result.denominator, result.left_out) == (numerator, denominator, left_out)


def test_looked_after_rate():
    result = run("looked_after_rate", _looked_after(), YEAR_TO_MARCH_2024, population_under_18=10_000)
    assert result.value == 4.0


def _leavers():
    return lists(
        care_leavers=[
            CareLeaver(
                2,
                "K1",
                dob=D(2004, 4, 1),
                in_touch="Yes",
                suitability="Suitable",
                activity="F3: Full time in training or employment",
            ),  # 19
            CareLeaver(
                3,
                "K2",
                dob=D(2005, 4, 1),
                in_touch="Yes",
                suitability="Suitable",
                activity="F1: Full time in higher education",
            ),  # 18: not counted
            CareLeaver(
                4,
                "K3",
                dob=D(2002, 4, 1),
                in_touch="No",
                suitability="Unsuitable",
                activity="G5: Not in education, employment or training - other",
            ),  # 21
            CareLeaver(
                5, "K4", dob=D(2002, 3, 31), in_touch="Yes", suitability="Suitable", activity="F3: x"
            ),  # 22 that day: not counted
            CareLeaver(6, "K5", dob=None, in_touch="Yes"),  # left out
            CareLeaver(
                7,
                "K6",
                dob=D(2003, 1, 1),
                in_touch="Yes",
                suitability=None,
                activity="P2: Part time in education other than higher",
            ),  # 21
        ]
    )


@pytest.mark.parametrize(
    ("indicator_id", "numerator"),
    [("care_leavers_in_touch", 2), ("care_leavers_suitable_accommodation", 1), ("care_leavers_eet", 2)],
)
def test_care_leavers(indicator_id, numerator):
    result = run(indicator_id, _leavers(), YEAR_TO_MARCH_2024)
    assert (result.numerator, result.denominator, result.left_out) == (numerator, 3, {"no date of birth": 1})


def _adoptions():
    return lists(
        adoptions=[
            Adoption(
                2,
                "A1",
                entered_care=D(2021, 1, 1),
                placement_order=D(2021, 8, 3),
                matched=D(2021, 12, 1),
                placed=D(2022, 1, 1),
                adopted=D(2022, 6, 1),
            ),
            Adoption(
                3,
                "A2",
                entered_care=D(2020, 6, 1),
                placement_order=D(2020, 12, 1),
                matched=D(2021, 4, 1),
                placed=D(2021, 5, 1),
                adopted=D(2021, 12, 1),
                ffa_placed=D(2020, 9, 1),
            ),
            Adoption(
                4,
                "A3",
                entered_care=D(2022, 1, 1),
                placement_order=D(2022, 6, 1),
                matched=D(2022, 9, 1),
                placed=D(2023, 1, 1),
                adopted=D(2024, 5, 1),
            ),  # after
            Adoption(
                5,
                "A4",
                entered_care=None,
                placement_order=D(2022, 1, 1),
                matched=D(2022, 3, 2),
                placed=D(2022, 4, 1),
                adopted=D(2023, 1, 1),
            ),
            Adoption(6, "A5", entered_care=D(2022, 1, 1), placement_order=D(2022, 6, 1)),  # not adopted
        ]
    )


def test_adoption_a1_uses_the_fostering_for_adoption_placement():
    result = run("adoption_a1", _adoptions(), Period(D(2021, 4, 1), D(2024, 3, 31)))
    # A1: 365 days; A2: 92 days to the fostering-for-adoption placement
    assert (result.numerator, result.denominator, result.value) == (457, 2, 228.5)
    assert result.left_out == {"no date of entering care": 1}
    assert CATALOGUE["adoption_a1"].threshold.value == 426


def test_adoption_a2():
    result = run("adoption_a2", _adoptions(), Period(D(2021, 4, 1), D(2024, 3, 31)))
    # 120 + 121 + 60 days
    assert (result.numerator, result.denominator) == (301, 3)
    assert result.value == pytest.approx(100.333, abs=0.001)
    assert CATALOGUE["adoption_a2"].threshold.value == 121


def test_an_indicator_whose_list_is_missing_is_not_computed():
    result = run("adoption_a2", lists(contacts=[]), YEAR_TO_MARCH_2024)
    assert result.value is None
    assert result.unavailable == "List 10 (adoption) is not in the workbook"


def test_an_indicator_whose_column_is_missing_is_not_computed():
    case_lists = lists(assessments=[Assessment(2, "A", D(2024, 3, 28), authorised=D(2024, 6, 5))])
    case_lists.columns["assessments"].discard("authorised")
    result = run("assessments_45_days", case_lists, APRIL_2024)
    assert result.unavailable == "List 4 (assessments) has no column “Continuous Assessment Date of Authorisation”"


def test_cases_behind_the_figure():
    result = compute(
        CATALOGUE["referrals_nfa"],
        lists(referrals=[Referral(2, "A", D(2024, 4, 2), nfa=True), Referral(3, "B", None)]),
        APRIL_2024,
        keep_cases=True,
    )
    assert [(c.row, c.child_id, c.counted, c.left_out) for c in result.cases] == [
        (2, "A", True, None),
        (3, "B", None, "no referral date"),
    ]


def test_every_indicator_is_declared_completely():
    for indicator in CATALOGUE.values():
        assert indicator.name and len(indicator.definition) > 40, indicator.id
        assert indicator.theme, indicator.id
        for list_key, columns in indicator.needs:
            assert set(columns) <= set(row_fields(list_key)), indicator.id
    assert len(CATALOGUE) >= 25
