"""Shared fixtures: where the seeds, the corpus and its labels are."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("INSPIRE_SHARED", ROOT.parent / "shared")).resolve()
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus" / "reports"


def seed(prefix: str) -> Path:
    """The seed whose name starts with ``prefix`` ("000", "004"...)."""
    return next(SEEDS.glob(f"{prefix}_*"))


def corpus_labels() -> list[dict[str, str]]:
    with open(SHARED / "corpus" / "judgements.csv", newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def corpus_recommendations() -> dict[str, list[dict[str, str]]]:
    by_report: dict[str, list[dict[str, str]]] = {}
    with open(SHARED / "corpus" / "recommendations.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            by_report.setdefault(row["report"], []).append(row)
    return by_report


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"the shared folder is missing at {SHARED} (set INSPIRE_SHARED)")
    return SHARED


#: Fixtures that give a test the Django database (pytest-django's).
_DATABASE_FIXTURES = {
    "db",
    "transactional_db",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
    "live_server",
}


def pytest_collection_modifyitems(items):
    """Mark every test that touches the database ``database``: scripts/test runs those on PostgreSQL too."""
    for item in items:
        if item.get_closest_marker("django_db") or _DATABASE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.database)
