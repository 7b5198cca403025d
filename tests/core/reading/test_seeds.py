"""The five seeds' covers in one table, each value read from the seed by hand: family, authority
(name, Ofsted URN, DfE code), inspection dates, publication date and lead inspector. Each seed's
own golden test (test_seed_*.py) checks its judgements, lists and facts, and why a value is empty."""

from __future__ import annotations

from datetime import date

import pytest

from tests.core.reading.golden import authority_of, seed_record

ESSEX = ("Essex", "80468", "881")
COVERS = [
    # seed, family, authority, (inspection start, end), published, lead inspector
    ("000", "sif", ESSEX, (date(2014, 1, 14), date(2014, 2, 5)), None, "Ian Young"),
    ("001", "ilacs", ESSEX, (None, None), None, None),  # the text without its cover
    ("002", "sif", ("East Sussex", "80467", "845"), (date(2014, 1, 14), date(2014, 2, 5)), None, "Helen Cawston"),
    ("003", "apa", ESSEX, (None, None), date(2006, 11, 1), None),  # letters state no dates nor inspector
    (
        "004",
        "sif",
        ("Southend-on-Sea", "80559", "882"),
        (date(2016, 4, 25), date(2016, 5, 19)),
        date(2016, 7, 7),
        "Mike Ferguson",
    ),
]


@pytest.mark.parametrize(("prefix", "family", "authority", "dates", "published", "lead_inspector"), COVERS)
def test_cover(prefix, family, authority, dates, published, lead_inspector):
    record = seed_record(prefix)
    assert record.family == family
    assert authority_of(record) == authority
    assert (record.inspection_start, record.inspection_end) == dates
    assert record.published == published
    assert record.lead_inspector == lead_inspector
