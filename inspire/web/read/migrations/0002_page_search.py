"""Full-text search over stored page text.

SQLite: an FTS5 table ``inspections_page_fts`` over ``inspections_documentpage.text`` (an external
content table, kept in step by triggers, so ``inspection_store`` needs no search code).
PostgreSQL: a GIN index on ``to_tsvector('english', text)``, the expression ``search.py`` queries.
Other databases get no index (search then says it is unavailable).
"""

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE inspections_page_fts USING fts5(
        text, content='inspections_documentpage', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER inspections_page_fts_ai AFTER INSERT ON inspections_documentpage BEGIN
        INSERT INTO inspections_page_fts(rowid, text) VALUES (new.id, new.text); END""",
    """CREATE TRIGGER inspections_page_fts_ad AFTER DELETE ON inspections_documentpage BEGIN
        INSERT INTO inspections_page_fts(inspections_page_fts, rowid, text) VALUES ('delete', old.id, old.text); END""",
    """CREATE TRIGGER inspections_page_fts_au AFTER UPDATE ON inspections_documentpage BEGIN
        INSERT INTO inspections_page_fts(inspections_page_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO inspections_page_fts(rowid, text) VALUES (new.id, new.text); END""",
    "INSERT INTO inspections_page_fts(inspections_page_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS inspections_page_fts_ai",
    "DROP TRIGGER IF EXISTS inspections_page_fts_ad",
    "DROP TRIGGER IF EXISTS inspections_page_fts_au",
    "DROP TABLE IF EXISTS inspections_page_fts",
]
POSTGRES_FORWARD = [
    "CREATE INDEX IF NOT EXISTS inspections_page_text_tsv ON inspections_documentpage "
    "USING GIN (to_tsvector('english'::regconfig, text))",
]
POSTGRES_BACKWARD = ["DROP INDEX IF EXISTS inspections_page_text_tsv"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("inspections", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
    ]
