"""Ingest: store what a :class:`~inspire.core.reading.batch.BatchRead` reads, in batches.

The workers (which never import Django) read; the parent alone writes. Files stored before are
skipped by their hash. Reports are stored many to a transaction (see ``inspections_store``): a
report that cannot be stored is rolled back alone and reported. ``inspections_stored`` is sent
after each transaction, with the reports it stored.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection

from inspire.core.reading.batch import BatchRead, Failure, Read, Skipped
from inspire.web.read.models import SourceDocument
from inspire.web.read.schema_snapshot import load_if_fresh
from inspire.web.read.services import StoreResult, inspections_store, register_sync
from inspire.web.read.signals import inspections_stored

#: A batch of reports is committed when it is this old (seconds), holds this many reports or this
#: many bytes of originals (committee papers run to tens of MB each), or when no file has finished
#: reading within the rest of that time: a hanging file never keeps a transaction open.
BATCH_SECONDS = 0.5
BATCH_REPORTS = 50
BATCH_BYTES = 64 * 1024 * 1024


@dataclass
class IngestReport:
    stored: list[Path] = field(default_factory=list)
    #: files of an inspection already stored, kept as another of its sources: (file, what was done, in words)
    added: list[tuple[Path, str]] = field(default_factory=list)
    #: new inspections that could not be matched against those stored (no authority or dates): (file, words)
    unmatched: list[tuple[Path, str]] = field(default_factory=list)
    already_stored: list[Path] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    inspections: list = field(default_factory=list)  # the Inspections newly stored


def inspection_ingest(reading: BatchRead, *, on_file: Callable[[Path], None] | None = None) -> IngestReport:
    """Store every report ``reading`` reads, skipping files stored before.

    Copies within one batch are each read (a copy of a bad file fails with its own name) and stored
    once. Another file of an inspection already stored (or earlier in the run) is kept as another of
    its sources, and said so in ``IngestReport.added``. ``on_file`` is called once per file when it
    is done (for a progress bar).

    The database is migrated and the register synced (``database_prepare``) while the workers read,
    so a first ingest into a fresh database costs no extra wall time.
    """
    report = IngestReport(failed=list(reading.refused))
    done = on_file or (lambda path: None)
    for failure in reading.refused:
        done(failure.path)
    batch: list[Read] = []
    opened = 0.0
    comparators = []  # holds True once the shipped comparators are loaded

    def comparators_load() -> None:
        if not comparators:
            _comparators_load()
            comparators.append(True)

    def commit() -> None:
        if not batch:
            return
        created = []
        for read, result in zip(
            batch, inspections_store([(r.record, r.document, r.content) for r in batch]), strict=True
        ):
            if not isinstance(result, StoreResult):
                report.failed.append(Failure(read.path, f"{read.path.name}: could not be stored ({result})"))
            elif result.created:
                report.stored.append(read.path)
                created.append(result.inspection)
                if result.unmatched:
                    report.unmatched.append((read.path, result.message(read.path.name)))
            elif result.added_source:
                report.added.append((read.path, result.message(read.path.name)))
            else:
                report.already_stored.append(read.path)
            done(read.path)
        batch.clear()
        if created:  # while the workers go on reading, not all at the end
            report.inspections += created
            inspections_stored.send(sender=inspection_ingest, inspections=created)
        # after the first reports are stored (never before: storing starts sooner), while the
        # workers go on reading; at the end it would be the only work left, on one core (1.1 CPU s
        # on a fresh database)
        comparators_load()

    database_prepare(comparators=False)
    reading.skip(_stored_hashes())
    while reading.pending:
        outcome = reading.next(timeout=max(0.0, opened + BATCH_SECONDS - time.monotonic()) if batch else None)
        if outcome is None:  # nothing finished in time: store what is waiting
            commit()
            continue
        if isinstance(outcome, Read):
            if not batch:
                opened = time.monotonic()
            batch.append(outcome)
        elif isinstance(outcome, Skipped):
            report.already_stored.append(outcome.path)
            done(outcome.path)
        else:
            report.failed.append(outcome)
            done(outcome.path)
        if batch and (
            len(batch) >= BATCH_REPORTS
            or sum(len(read.content) for read in batch) >= BATCH_BYTES
            or time.monotonic() - opened >= BATCH_SECONDS
        ):
            commit()
    commit()
    comparators_load()  # (nothing was stored)
    return report


def _stored_hashes() -> set[str]:
    return set(SourceDocument.objects.values_list("sha256", flat=True))


def database_prepare(*, comparators: bool = True) -> None:
    """Bring the database up to date (migrations, on first use too), sync the authority register and load the
    published comparators shipped with Inspire (an ingest loads them after storing its reports)."""
    from django.core.management import call_command
    from django.db.migrations.executor import MigrationExecutor

    name = str(connection.settings_dict["NAME"])
    if connection.vendor == "sqlite" and not name.startswith(("file:", ":memory:")):
        Path(name).parent.mkdir(parents=True, exist_ok=True)  # a fresh machine has no data folder yet
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    # a fresh SQLite database is made from the schema snapshot when it is current (milliseconds, not seconds)
    if plan and not load_if_fresh(connection, set(executor.loader.graph.nodes)):
        call_command(
            "migrate", interactive=False, verbosity=0, skip_checks=True
        )  # system checks (URLs, admin) are not needed to migrate
    register_sync()
    if comparators:
        _comparators_load()


def _comparators_load() -> None:
    """The published comparators packaged with Inspire: loaded once per version of the set (about
    1 CPU s on a fresh database, 2 ms after)."""
    from inspire.web.measure.services import shipped_comparators_load

    shipped_comparators_load()
