"""The national picture's shown percentages add up to 100 (largest remainder rounding)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from inspire.web.see.national import grade_distribution
from tests.web.factories import make_record, store

pytestmark = pytest.mark.django_db

#: 2 outstanding, 2 good, 2 requires improvement, 1 inadequate: each rounded to nearest,
#: 29 + 29 + 29 + 14 = 101
GRADES = [
    ("Essex", "outstanding"),
    ("Kent", "outstanding"),
    ("Leeds", "good"),
    ("Derby", "good"),
    ("Suffolk", "requires_improvement"),
    ("Norfolk", "requires_improvement"),
    ("Luton", "inadequate"),
]


@pytest.fixture
def seven(register):
    for name, grade in GRADES:
        store(make_record(authority=name, judgements={"overall": grade}))


def test_sentence_and_rows_add_up_to_100(seven):
    picture = grade_distribution(as_at=date(2020, 1, 1))
    assert (
        picture.national.sentence()
        == "7 inspected: 14% inadequate, 28% requires improvement, 29% good, 29% outstanding"
    )
    for distribution in [picture.national, *picture.regions]:
        if distribution.total:
            assert sum(g.shown_percent for g in distribution.grades) == 100, distribution.region


def test_the_page_shows_percentages_that_add_up_to_100(client, seven):
    html = client.get("/national/", {"as-at": "2020-01-01"}).content.decode()
    assert "7 inspected: 14% inadequate, 28% requires improvement, 29% good, 29% outstanding" in html
    england = html[html.index("<tfoot>") : html.index("</tfoot>")]
    assert sum(map(int, re.findall(r"\((\d+)%\)", england))) == 100
