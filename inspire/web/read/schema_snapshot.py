"""A fresh SQLite database made in one script instead of by running every migration.

Running the migrations on a fresh database costs about 4.5 CPU seconds (Django renders the models'
state again for each of some 50 migrations), which an ingest of a small batch cannot hide. The
snapshot (``schema.sql`` beside this module) is what those migrations leave in a fresh database —
tables, indexes, triggers, the full-text table, and the rows written as they ran (the record of
applied migrations, content types, permissions) — and loads in a few milliseconds.

It is used only when the database has no tables yet and the snapshot records exactly the
migrations the code holds; otherwise (a migration added since, an existing database, PostgreSQL)
Django migrates as usual. ``tests/web/read/test_schema_snapshot.py`` fails when it is out of date;
remake it with::

    .venv/bin/python -m inspire.web.read.schema_snapshot
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

SNAPSHOT = Path(__file__).with_name("schema.sql")
#: The first line of the snapshot: the migrations it holds, as app.name, comma-separated.
HEADER = "-- migrations: "
#: Tables SQLite makes itself: a full-text table's own (its CREATE VIRTUAL TABLE makes them) and the sequence table.
_FTS_SHADOWS = ("_data", "_idx", "_content", "_docsize", "_config")


def dump(database: Path) -> str:
    """The schema and rows of a freshly migrated SQLite database, as one SQL script."""
    import sqlite3

    db = sqlite3.connect(database)
    try:
        objects = db.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid"
        ).fetchall()
        virtual = [name for kind, name, sql in objects if sql.upper().startswith("CREATE VIRTUAL TABLE")]
        shadows = {name + suffix for name in virtual for suffix in _FTS_SHADOWS}
        tables = [
            name
            for kind, name, sql in objects
            if kind == "table" and name not in shadows and name not in virtual and name != "sqlite_sequence"
        ]
        migrations = db.execute("SELECT app, name FROM django_migrations ORDER BY id").fetchall()
        lines = [HEADER + ",".join(f"{app}.{name}" for app, name in migrations)]
        lines += [f"{sql};" for kind, name, sql in objects if name not in shadows and name != "sqlite_sequence"]
        for table in [*tables, "sqlite_sequence"]:
            columns = [row[1] for row in db.execute(f'PRAGMA table_info("{table}")')]
            if not columns:
                continue
            quoted = " || ',' || ".join(f'quote("{column}")' for column in columns)
            for (values,) in db.execute(f'SELECT {quoted} FROM "{table}" ORDER BY rowid'):
                lines.append(f'INSERT INTO "{table}" VALUES({values});')
        return "\n".join(lines) + "\n"
    finally:
        db.close()


def snapshot_migrations(text: str) -> set[tuple[str, str]]:
    first = text.split("\n", 1)[0]
    if not first.startswith(HEADER):
        return set()
    return {tuple(item.split(".", 1)) for item in first[len(HEADER) :].split(",") if item}


def load_if_fresh(connection, migrations: set[tuple[str, str]]) -> bool:
    """Make an empty SQLite database from the snapshot when it holds exactly ``migrations`` (every
    migration the code holds); True if it did."""
    if connection.vendor != "sqlite" or not SNAPSHOT.exists() or connection.introspection.table_names():
        return False
    text = SNAPSHOT.read_text(encoding="utf-8")
    if snapshot_migrations(text) != migrations:
        return False
    connection.ensure_connection()
    raw = connection.connection
    raw.executescript(
        "BEGIN;\n" + text + "UPDATE django_migrations SET applied = strftime('%Y-%m-%d %H:%M:%f', 'now');\nCOMMIT;"
    )
    return True


def remake() -> str:
    """Migrate a new database in a temporary folder (in a child process, with the product's
    settings) and write its dump to ``schema.sql``; returns the dump."""
    with tempfile.TemporaryDirectory() as folder:
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
        env["INSPIRE_DATA_DIR"] = folder
        code = (
            "from inspire.web.django_setup import setup; setup()\n"
            "from django.core.management import call_command\n"
            "call_command('migrate', interactive=False, verbosity=0, skip_checks=True)\n"
        )
        subprocess.run([sys.executable, "-c", code], env=env, check=True)
        text = dump(Path(folder) / "inspire.sqlite3")
    SNAPSHOT.write_text(text, encoding="utf-8")
    return text


if __name__ == "__main__":
    made = remake()
    print(f"{SNAPSHOT}: {len(snapshot_migrations(made))} migrations, {len(made):,} characters")
