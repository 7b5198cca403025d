"""The national picture's rules on plain records, without Django (the stored-data versions of these
questions are tests/web/see/test_national*.py)."""

from collections import Counter
from datetime import date

from inspire.core.national import (
    EFFECTIVE,
    ENDED,
    HAPPENED,
    InspectionDates,
    Judged,
    in_effect,
    latest_grades,
    superseded,
    transitions,
)

SIF = dict(inspection_start=date(2016, 4, 25), inspection_end=date(2016, 5, 19), published=date(2016, 7, 12))
ILACS = dict(inspection_start=date(2019, 10, 7), inspection_end=date(2019, 10, 18))  # states no publication date
APA = dict(published=date(2007, 11, 30))  # a letter states only when it was published


def test_each_date_rule_takes_the_first_date_stated_in_its_order():
    sif, ilacs, apa = InspectionDates(1, 1, **SIF), InspectionDates(1, 2, **ILACS), InspectionDates(1, 3, **APA)
    assert [HAPPENED.of(i) for i in (sif, ilacs, apa)] == [date(2016, 4, 25), date(2019, 10, 7), date(2007, 11, 30)]
    assert [EFFECTIVE.of(i) for i in (sif, ilacs, apa)] == [date(2016, 7, 12), date(2019, 10, 18), date(2007, 11, 30)]
    assert [ENDED.of(i) for i in (sif, ilacs, apa)] == [date(2016, 5, 19), date(2019, 10, 18), date(2007, 11, 30)]
    only_start = InspectionDates(1, 4, inspection_start=date(2012, 3, 5))
    assert EFFECTIVE.of(only_start) == ENDED.of(only_start) == date(2012, 3, 5)
    assert EFFECTIVE.of(InspectionDates(1, 5)) is None


def test_a_judgement_takes_effect_on_publication_else_at_the_end_of_the_inspection():
    assert Judged(1, 1, "good", **SIF).effective == date(2016, 7, 12)
    assert Judged(1, 2, "good", **ILACS).effective == date(2019, 10, 18)


def test_undated_and_later_judgements_are_not_in_effect_and_the_rest_are_oldest_first():
    later = Judged(1, 2, "good", **ILACS)
    earlier = Judged(1, 1, "inadequate", **SIF)
    undated = Judged(1, 3, "outstanding")
    assert in_effect([later, undated, earlier]) == [earlier, later]
    assert in_effect([later, undated, earlier], as_at=date(2019, 10, 17)) == [earlier]
    assert in_effect([later, earlier], as_at=date(2019, 10, 18)) == [earlier, later]  # on the day counts


def test_on_the_same_effective_date_the_later_inspection_is_the_later_judgement():
    first = Judged(1, 7, "inadequate", inspection_start=date(2015, 1, 5), published=date(2015, 6, 1))
    second = Judged(1, 3, "good", inspection_start=date(2015, 3, 2), published=date(2015, 6, 1))
    assert in_effect([second, first]) == [first, second]
    assert latest_grades([second, first], as_at=date(2015, 6, 1))[1] is second


def test_an_authority_keeps_its_latest_grade_in_effect_on_the_date():
    essex = [Judged(1, 1, "requires_improvement", **SIF), Judged(1, 2, "outstanding", **ILACS)]
    kent = [Judged(2, 3, "good", **ILACS)]
    assert latest_grades(essex + kent, as_at=date(2018, 1, 1)) == {1: essex[0]}
    assert latest_grades(essex + kent, as_at=date(2020, 1, 1)) == {1: essex[1], 2: kent[0]}
    assert latest_grades(essex + kent, as_at=date(2016, 7, 11)) == {}  # SIF published the next day


def test_a_newer_inspection_without_the_area_supersedes_without_replacing_the_grade():
    """April 2026 reports judge no overall effectiveness: the 2019 overall grade still counts, and the
    authority is reported as superseded once the newer inspection takes effect."""
    overall_2019 = Judged(1, 2, "outstanding", **ILACS)
    latest = latest_grades([overall_2019], as_at=date(2026, 6, 1))
    assert latest == {1: overall_2019}
    inspections = [InspectionDates(1, 2, **ILACS), InspectionDates(1, 9, date(2026, 5, 4), date(2026, 5, 15))]
    assert superseded(latest, inspections, as_at=date(2026, 6, 1)) == 1
    assert superseded(latest, inspections, as_at=date(2026, 5, 14)) == 0
    assert superseded({}, inspections, as_at=date(2026, 6, 1)) == 0


def test_transitions_pair_each_authoritys_consecutive_judgements():
    essex = [
        Judged(1, 1, "inadequate", published=date(2012, 1, 1)),
        Judged(1, 2, "requires_improvement", published=date(2015, 1, 1)),
        Judged(1, 3, "good", published=date(2019, 1, 1)),
    ]
    kent = [Judged(2, 4, "good", published=date(2014, 1, 1)), Judged(2, 5, "good", published=date(2018, 1, 1))]
    alone = [Judged(3, 6, "outstanding", published=date(2017, 1, 1))]
    everything = list(reversed(essex + kent + alone))
    assert transitions(everything) == Counter(
        {("inadequate", "requires_improvement"): 1, ("requires_improvement", "good"): 1, ("good", "good"): 1}
    )
    assert transitions(everything, as_at=date(2016, 1, 1)) == Counter({("inadequate", "requires_improvement"): 1})
