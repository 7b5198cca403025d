"""The sample packaged with Inspire: every report in it reads, across every family Inspire reads."""

import pytest

from inspire import sample
from inspire.core.reading import read_path

REPORTS = sorted(sample.REPORTS.iterdir())


@pytest.fixture(scope="module")
def records():
    return {path.name: read_path(path) for path in REPORTS}


def test_every_sample_report_reads_with_its_authority(records):
    assert len(records) == 15
    assert all(record.authority is not None for record in records.values())


def test_the_sample_covers_every_family(records):
    families = {record.family for record in records.values()}
    assert families >= {"apa", "sif", "ilacs", "ilacs_2026", "lac_2012", "lscb_review", "jtai", "send_2023"}


def test_one_authority_has_every_kind_of_inspection(records):
    lancashire = {r.family for r in records.values() if r.authority.name == "Lancashire"}
    assert lancashire == {"sif", "ilacs", "ilacs_2026", "jtai", "send_2023"}


def test_is_only_sample():
    hashes = sample.report_hashes()
    assert len(hashes) == 15
    assert sample.is_only_sample(hashes)
    assert not sample.is_only_sample(set(hashes) | {"0" * 64})
    assert not sample.is_only_sample(set())
