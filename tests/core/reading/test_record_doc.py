"""docs/RECORD.md documents every field of the record's JSON, every family and every shared
judgement key: the page fails this test when ``record.py`` changes without it."""

from __future__ import annotations

import re

from inspire.core.reading.record import FAMILIES, GRADES, JUDGEMENT_KEYS, Record, SourceInfo
from tests.conftest import ROOT

DOC = (ROOT / "docs" / "RECORD.md").read_text(encoding="utf-8")
DOCUMENTED = set(re.findall(r"`([a-z_0-9]+)`", DOC))


def test_every_json_field_is_documented():
    shape = Record(family="ilacs", source=SourceInfo(sha256="", format="pdf", pages=1, filename="x.pdf")).to_json()
    fields = set(shape) | set(shape["source"])
    assert fields - DOCUMENTED == set()


def test_every_family_grade_and_shared_judgement_key_is_documented():
    assert set(FAMILIES) - DOCUMENTED == set()
    assert set(GRADES) - DOCUMENTED == set()
    assert set(JUDGEMENT_KEYS) - DOCUMENTED == set()
