"""The national picture against counts computed independently from the corpus labels.

Every labelled report of ``judgements.csv`` is stored as a Record; the expected counts are
computed here in plain Python over the CSV rows (the rule: each authority's latest report with the
judgement whose publication date, else last inspection day, is on or before the date).
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from inspire.core.register import default_register
from inspire.web.see.national import grade_distribution, grade_transitions, time_since_last_inspection
from tests.conftest import corpus_labels
from tests.web.factories import make_record, record_from_label, store, store_many

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(register, shared):
    rows = corpus_labels()
    store_many([record for record in map(record_from_label, rows) if record is not None])
    return [row for row in rows if row["family"] not in ("not_a_report", "other")]


def expected_counts(rows, as_at: date, area: str, region: str | None = None) -> Counter:
    latest = {}
    for row in rows:
        if not row[area]:
            continue
        effective = date.fromisoformat(row["published"] or row["inspection_end"] or row["inspection_start"])
        if effective > as_at:
            continue
        if region and default_register().by_urn[row["ofsted_urn"]].region_name != region:
            continue
        key = (effective, date.fromisoformat(row["inspection_start"]))
        if row["ofsted_urn"] not in latest or key > latest[row["ofsted_urn"]][0]:
            latest[row["ofsted_urn"]] = (key, row[area])
    return Counter(grade for _, grade in latest.values())


AS_AT = [
    date(2015, 6, 30),
    date(2017, 12, 31),
    date(2019, 3, 31),
    date(2022, 1, 1),
    date(2024, 9, 1),
    date(2026, 6, 30),
]


@pytest.mark.parametrize("as_at", AS_AT)
def test_overall_distribution_matches_the_labels(corpus, as_at):
    expected = expected_counts(corpus, as_at, "overall")
    picture = grade_distribution(as_at=as_at)
    assert sum(expected.values()) > 0
    assert picture.national.total == sum(expected.values())
    assert {g.grade: g.count for g in picture.national.grades if g.count} == dict(expected)
    assert sum(g.percent for g in picture.national.grades) == pytest.approx(100)
    assert picture.national.not_judged == len(default_register().authorities) - picture.national.total


@pytest.mark.parametrize("as_at", [date(2019, 3, 31), date(2026, 6, 30)])
@pytest.mark.parametrize("area", ["help_and_protection", "children_in_care", "leadership"])
def test_area_distribution_matches_the_labels(corpus, as_at, area):
    expected = expected_counts(corpus, as_at, area)
    national = grade_distribution(as_at=as_at, area=area).national
    assert {g.grade: g.count for g in national.grades if g.count} == dict(expected)


AREAS = ["overall", "help_and_protection", "children_in_care", "care_leavers", "adoption", "leadership", "lscb"]


def test_every_area_nationally_and_by_region_matches_the_labels(corpus):
    """Every judgement area, at several dates, for England and each region (one store of the corpus)."""
    for as_at in (date(2016, 3, 31), date(2018, 1, 1), date(2021, 3, 31), date(2025, 1, 1)):
        for area in AREAS:
            picture = grade_distribution(as_at=as_at, area=area)
            assert sum(d.total for d in picture.regions) == picture.national.total
            national = {g.grade: g.count for g in picture.national.grades if g.count}
            assert national == dict(expected_counts(corpus, as_at, area)), (as_at, area)
            for distribution in picture.regions:
                expected = expected_counts(corpus, as_at, area, region=distribution.region)
                assert {g.grade: g.count for g in distribution.grades if g.count} == dict(expected), (
                    as_at,
                    area,
                    distribution.region,
                )


def test_region_filter(corpus):
    picture = grade_distribution(as_at=date(2025, 1, 1), region="London")
    assert [d.region for d in picture.regions] == ["London"]
    assert picture.national.total == picture.regions[0].total
    assert {g.grade: g.count for g in picture.national.grades if g.count} == dict(
        expected_counts(corpus, date(2025, 1, 1), "overall", region="London")
    )


def test_2026_reports_keep_the_previous_overall_grade_and_are_counted_as_superseded(register):
    store(
        make_record(
            authority="Essex",
            family="ilacs",
            inspection_start=date(2019, 10, 7),
            inspection_end=date(2019, 10, 18),
            judgements={"overall": "outstanding", "help_and_protection": "outstanding"},
        )
    )
    store(
        make_record(
            authority="Essex",
            family="ilacs_2026",
            inspection_start=date(2026, 5, 4),
            inspection_end=date(2026, 5, 15),
            judgements={"help_and_protection": "good"},
        )
    )
    before = grade_distribution(as_at=date(2026, 5, 14))
    after = grade_distribution(as_at=date(2026, 5, 15))
    assert before.national.count("outstanding") == after.national.count("outstanding") == 1
    assert (before.superseded, after.superseded) == (0, 1)
    assert grade_distribution(as_at=date(2026, 5, 15), area="help_and_protection").national.count("good") == 1
    assert grade_distribution(as_at=date(2026, 5, 14), area="help_and_protection").national.count("outstanding") == 1


def test_published_date_takes_precedence_over_the_end_date(register):
    store(
        make_record(
            authority="Kent",
            family="sif",
            inspection_start=date(2017, 1, 9),
            inspection_end=date(2017, 2, 2),
            published=date(2017, 3, 28),
            judgements={"overall": "good"},
        )
    )
    assert grade_distribution(as_at=date(2017, 3, 27)).national.total == 0
    assert grade_distribution(as_at=date(2017, 3, 28)).national.count("good") == 1


def test_transitions_match_the_labels(corpus):
    history = {}
    for row in sorted(corpus, key=lambda r: (r["published"] or r["inspection_end"], r["inspection_start"])):
        if row["overall"]:
            history.setdefault(row["ofsted_urn"], []).append(row["overall"])
    expected = Counter((a, b) for grades in history.values() for a, b in zip(grades, grades[1:]))
    transitions = grade_transitions(area="overall")
    assert transitions.total == sum(expected.values()) > 0
    for (from_grade, to_grade), count in expected.items():
        assert transitions.counts[from_grade][to_grade] == count
    assert sum(total for _, _, total in transitions.rows()) == transitions.total
    assert grade_transitions(area="overall", as_at=date(2013, 1, 1)).total == 0


def test_sentence_councils_quote(register):
    for name, grade in [("Essex", "outstanding"), ("Kent", "good"), ("Leeds", "good"), ("Derby", "inadequate")]:
        store(make_record(authority=name, judgements={"overall": grade}))
    assert (
        grade_distribution(as_at=date(2020, 1, 1)).national.sentence()
        == "4 inspected: 25% inadequate, 50% good, 25% outstanding"
    )


def test_time_since_last_inspection(register):
    store(make_record(authority="Essex", inspection_start=date(2019, 10, 7), inspection_end=date(2019, 10, 18)))
    store(
        make_record(
            authority="Essex", family="sif", inspection_start=date(2014, 1, 6), inspection_end=date(2014, 1, 30)
        )
    )
    store(make_record(authority="Kent", inspection_start=date(2022, 5, 3), inspection_end=date(2022, 5, 13)))
    store(make_record(authority="Leeds", inspection_start=date(2019, 12, 2), inspection_end=None))
    store(
        make_record(
            authority="Derby", family="apa", inspection_start=None, inspection_end=None, published=date(2007, 12, 19)
        )
    )
    rows = time_since_last_inspection(as_at=date(2020, 1, 1))
    by_name = {r.authority.name: r for r in rows}
    assert by_name["Essex"].days == (date(2020, 1, 1) - date(2019, 10, 18)).days
    assert by_name["Kent"].inspection is None and by_name["Kent"].days is None
    assert by_name["Leeds"].days == 30  # no end date stated: counted from its first day
    assert by_name["Derby"].days == (date(2020, 1, 1) - date(2007, 12, 19)).days  # an APA letter: its publication
    assert [r.authority.name for r in rows[:3]] == ["Derby", "Essex", "Leeds"]  # longest wait first
    assert len(rows) == len(default_register().authorities)


def test_share_over_time_matches_the_labels(corpus):
    from inspire.web.see.national import share_over_time

    for area in ("overall", "help_and_protection", "children_in_care"):
        for share in share_over_time(area=area, last=date(2026, 6, 30))[None][::3]:
            expected = expected_counts(corpus, share.as_at, area)
            assert share.judged == sum(expected.values()), (area, share.as_at)
            assert share.good_or_outstanding == expected["good"] + expected["outstanding"], (area, share.as_at)
