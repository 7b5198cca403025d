"""Ofsted's official inspection outcomes: the packaged workbook read, and reconciled with stored records."""

from datetime import date
from pathlib import Path

import pytest

from inspire.core import official
from inspire.core.official import OfficialDataError, StoredInspection

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "reference" / "official"


@pytest.fixture(scope="module")
def outcomes():
    return official.load()


def test_packaged_edition_is_the_published_one(outcomes):
    assert outcomes.published_on == date(2025, 9, 25)
    assert "31 March 2025" in outcomes.title
    assert len(outcomes.inspections) == 271
    barnet = [i for i in outcomes.inspections if i.name == "Barnet"]
    assert [(i.start, i.published, i.kind) for i in barnet] == [
        (date(2019, 5, 13), date(2019, 7, 1), "standard"),
        (date(2024, 6, 10), date(2024, 7, 23), "short"),
    ]
    assert barnet[1].judgements == {
        "overall": "good",
        "leadership": "good",
        "help_and_protection": "good",
        "children_in_care": "outstanding",
        "care_leavers": "good",
    }
    # care leavers is blank before January 2023: absent, never guessed
    assert "care_leavers" not in barnet[0].judgements
    assert sum(not i.current for i in outcomes.inspections) > 0


@pytest.mark.skipif(not SHARED.exists(), reason="../shared is not beside this checkout")
def test_the_shared_copy_reads_the_same(outcomes):
    shared = official.load(next(SHARED.glob("*.ods")))
    assert shared.inspections == outcomes.inspections


def test_a_file_that_is_not_the_workbook_is_refused_with_what_it_is(tmp_path):
    bad = tmp_path / "outcomes.ods"
    bad.write_bytes(b"not a spreadsheet")
    with pytest.raises(OfficialDataError, match=r"outcomes\.ods could not be opened as a spreadsheet"):
        official.load(bad)


def test_a_workbook_without_the_history_sheet_is_refused(tmp_path):
    import openpyxl

    path = tmp_path / "other.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.title = "Sheet1"
    workbook.save(path)
    with pytest.raises(OfficialDataError, match=r"has no 'ILACS_inspection_history' sheet") as raised:
        official.load(path)
    assert "Sheet1" in raised.value.hint


def test_reconcile_lists_missing_differing_and_unmatched(outcomes):
    barnet = [i for i in outcomes.inspections if i.name == "Barnet"]
    stored = [
        # the 2024 inspection, stored with one grade misread and no stated publication date
        StoredInspection(
            1,
            barnet[1].ons_code,
            "ilacs",
            date(2024, 6, 10),
            date(2024, 6, 14),
            None,
            {**barnet[1].judgements, "children_in_care": "good"},
        ),
        # a stored ILACS inspection the official file does not have
        StoredInspection(2, barnet[1].ons_code, "ilacs", date(2025, 11, 3), date(2025, 11, 7), None, {}),
        # other families are not the official ILACS record's concern
        StoredInspection(3, barnet[1].ons_code, "sif", date(2016, 1, 1), date(2016, 1, 20), None, {}),
    ]
    result = official.reconcile(outcomes, stored)
    assert result.matched == 1
    assert len(result.missing) == len(outcomes.inspections) - 1
    assert barnet[0] in result.missing
    assert [(d.field, d.official_value, d.stored_value) for d in result.differences] == [
        ("judgements.children_in_care", "outstanding", "good")
    ]
    assert [s.id for s in result.unmatched] == [2]


@pytest.mark.parametrize(
    ("first", "latest", "change"),
    [
        ("inadequate", "requires_improvement", "improved"),
        ("good", "outstanding", "improved"),
        ("outstanding", "good", "declined"),
        ("good", "good", "kept_good"),
        ("outstanding", "outstanding", "kept_good"),
        ("requires_improvement", "requires_improvement", "same"),
        ("requires_improvement", "inadequate", "declined"),
    ],
)
def test_change_of(first, latest, change):
    assert official.change_of(first, latest) == change


def test_outcome_changes_counts_authorities_with_more_than_one_graded_inspection():
    changes = official.outcome_changes(
        {
            1: ["inadequate", "good"],
            2: ["good"],  # one inspection: not counted
            3: ["good", "requires_improvement", "good"],  # first against latest
            4: ["requires_improvement", "", "inadequate"],  # an ungraded one is passed over
        }
    )
    assert changes == {"improved": [1], "kept_good": [3], "same": [], "declined": [4]}


def test_official_history_reproduces_its_own_changes(outcomes):
    """First against latest over the official ILACS history, computed independently of the store."""
    histories: dict[str, list[str]] = {}
    for item in sorted(outcomes.inspections, key=lambda i: i.start):
        if "overall" in item.judgements:
            histories.setdefault(item.ons_code, []).append(item.judgements["overall"])
    ids = {code: n for n, code in enumerate(histories)}
    changes = official.outcome_changes({ids[c]: g for c, g in histories.items()})
    assert sum(len(v) for v in changes.values()) == sum(1 for g in histories.values() if len(g) > 1)
    assert all(len(v) > 0 for v in changes.values())
