"""SQLite's search index: new pages are indexed by ``inspections_store``, once per batch of reports,
instead of row by row by trigger (which cost ingest twice as much). Updates and deletions still
reach the index by trigger."""

from django.db import migrations


INSERT_TRIGGER = """CREATE TRIGGER inspections_page_fts_ai AFTER INSERT ON inspections_documentpage BEGIN
        INSERT INTO inspections_page_fts(rowid, text) VALUES (new.id, new.text); END"""


def _run(statement):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("inspections", "0002_page_search")]

    operations = [
        migrations.RunPython(_run("DROP TRIGGER IF EXISTS inspections_page_fts_ai"), _run(INSERT_TRIGGER)),
    ]
