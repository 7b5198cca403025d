"""A fresh SQLite database made from the schema snapshot (``read/schema_snapshot.py``) is the one the
migrations make, and the snapshot is used only when it holds exactly the code's migrations."""

import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

from inspire.web.read.schema_snapshot import (
    SNAPSHOT,
    dump,
    load_if_fresh,
    snapshot_migrations,
)

APPLIED = re.compile(r"(INSERT INTO \"django_migrations\" VALUES\(\d+,'[^']*','[^']*'),'[^']*'\)")


def _env(data: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("INSPIRE_", "DJANGO_")) and k != "DATABASE_URL"}
    env.update(INSPIRE_DATA_DIR=str(data), DJANGO_SETTINGS_MODULE="inspire.web.settings")
    return env


def _without_times(text: str) -> str:
    return APPLIED.sub(r"\1)", text)


def test_the_snapshot_is_what_the_migrations_make(tmp_path):
    """Fails when a migration was added or changed: remake it with
    ``.venv/bin/python -m inspire.web.read.schema_snapshot``."""
    code = (
        "from inspire.web.django_setup import setup; setup()\n"
        "from django.core.management import call_command\n"
        "call_command('migrate', interactive=False, verbosity=0, skip_checks=True)\n"
    )
    subprocess.run([sys.executable, "-c", code], env=_env(tmp_path), check=True, timeout=300)
    migrated = dump(tmp_path / "inspire.sqlite3")
    assert _without_times(SNAPSHOT.read_text(encoding="utf-8")) == _without_times(migrated), (
        "schema.sql is out of date: run .venv/bin/python -m inspire.web.read.schema_snapshot"
    )


def test_a_database_made_from_the_snapshot_needs_no_migration_and_matches_it(tmp_path):
    code = (
        "from inspire.web.django_setup import setup; setup()\n"
        "from inspire.web.read.ingest import database_prepare\n"
        "database_prepare(comparators=False)\n"
        "from django.core.management import call_command\n"
        "call_command('migrate', check_unapplied=True, verbosity=0)\n"
    )  # exits 1 if anything is unapplied
    subprocess.run([sys.executable, "-c", code], env=_env(tmp_path), check=True, timeout=300)
    made = dump(tmp_path / "inspire.sqlite3")
    schema = [line for line in made.splitlines() if not line.startswith("INSERT")]
    assert schema == [
        line for line in SNAPSHOT.read_text(encoding="utf-8").splitlines() if not line.startswith("INSERT")
    ]
    assert "inspections_page_fts" in made


def test_a_snapshot_that_lacks_a_migration_of_the_code_is_not_used():
    held = snapshot_migrations(SNAPSHOT.read_text(encoding="utf-8"))
    assert ("inspections", "0001_initial") in held
    empty_sqlite = SimpleNamespace(vendor="sqlite", introspection=SimpleNamespace(table_names=list))
    assert load_if_fresh(empty_sqlite, held | {("inspections", "9999_added_since")}) is False
    assert load_if_fresh(SimpleNamespace(vendor="postgresql"), held) is False
