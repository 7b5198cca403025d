"""Ingest: read many files in worker processes and store each record in the database.

The parent hashes each file first and skips what is already stored; worker processes (which
never import Django) read and parse; the parent alone writes, one transaction per file. A bad
file, a crash or a hang in a worker (stopped after ``timeout`` seconds) is a failure of that
file only: the batch carries on and reports it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures import as_completed
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection
from pebble import ProcessExpired, ProcessPool

from inspire.core.reading.batch import DEFAULT_TIMEOUT, file_sha256, read_for_store, worker_context
from inspire.core.reading.documents import MAX_BYTES, backend_for
from inspire.core.reading.errors import FileTooLarge, ReadError
from inspire.web.inspections.models import SourceDocument
from inspire.web.inspections.services import inspection_store, register_sync
from inspire.web.inspections.signals import inspections_stored


@dataclass(frozen=True)
class Failure:
    path: Path
    message: str


@dataclass
class IngestReport:
    stored: list[Path] = field(default_factory=list)
    already_stored: list[Path] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    inspections: list = field(default_factory=list)  # the Inspections newly stored


def worker_pool(workers: int | None = None) -> ProcessPool:
    """A pool of reader processes (see ``worker_context``), one per core by default."""
    return ProcessPool(max_workers=workers or os.cpu_count() or 1, context=worker_context())


def inspection_ingest(
    *,
    paths: Iterable[Path],
    workers: int | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = MAX_BYTES,
    on_file: Callable[[Path], None] | None = None,
) -> IngestReport:
    """Read and store every file in ``paths`` (files as given: see ``find_report_files``).

    Files stored before are skipped by their hash, unread. Copies within one batch are each read
    (a copy of a bad file fails with its own name) and stored once.

    ``on_file`` is called once per file when it is done (for a progress bar).

    Reading starts first: the database is migrated and the register synced (``database_prepare``)
    while the workers read, so a first ingest into a fresh database costs no extra wall time.
    """
    report = IngestReport()
    done = on_file or (lambda path: None)
    known = _stored_hashes()
    pool = worker_pool(workers)
    try:
        futures = {}
        for path in sorted(paths, key=_size, reverse=True):  # largest first: no long file left to end alone
            try:
                size = path.stat().st_size
                digest = file_sha256(path) if size <= max_bytes else ""
            except OSError as error:
                report.failed.append(Failure(path, f"{path.name}: the file cannot be opened ({error.strerror})"))
                done(path)
                continue
            if size > max_bytes:
                report.failed.append(Failure(path, str(FileTooLarge(path.name, size, max_bytes))))
                done(path)
                continue
            if digest in known:
                try:  # the same bytes under a name claiming another format are refused, as reading refuses them
                    backend_for(path.read_bytes(), path.name)
                except ReadError as error:
                    report.failed.append(Failure(path, str(error)))
                else:
                    report.already_stored.append(path)
                done(path)
                continue
            futures[pool.schedule(read_for_store, args=(str(path),), timeout=timeout)] = (path, digest)
        database_prepare()
        _defer_checkpoints()
        for future in as_completed(futures):
            path, digest = futures.pop(future)
            try:
                record, document = future.result()
            except ReadError as error:
                report.failed.append(Failure(path, str(error)))
            except FutureTimeout:
                report.failed.append(Failure(path, f"{path.name}: reading took longer than {timeout:g} seconds and was stopped"))
            except ProcessExpired as error:
                report.failed.append(Failure(path, f"{path.name}: the reader stopped unexpectedly (exit code {error.exitcode})"))
            except Exception as error:  # a defect in Inspire: report it against the file and carry on
                report.failed.append(Failure(path, f"{path.name}: internal error while reading ({type(error).__name__}: {error})"))
            else:
                _store(report, path, digest, record, document)
            done(path)
    finally:
        pool.stop()  # every file is done, or the batch was interrupted (Ctrl-C): end the workers
        pool.join()
    inspections_stored.send(sender=inspection_ingest, inspections=report.inspections)  # once per batch
    return report


def _defer_checkpoints() -> None:
    """SQLite copies its write-ahead log into the database every 1,000 pages by default, with an
    fsync each time; a batch writes ~100 MB, so it checkpoints once, when the batch's connection closes."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_autocheckpoint = 100000")


def _stored_hashes() -> set[str]:
    """The hashes of the files stored already (none in a database not yet migrated)."""
    if SourceDocument._meta.db_table not in connection.introspection.table_names():
        return set()
    return set(SourceDocument.objects.values_list("sha256", flat=True))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # reported when it is opened


def _store(report: IngestReport, path: Path, digest: str, record, document) -> None:
    try:
        content = path.read_bytes()
    except OSError as error:
        report.failed.append(Failure(path, f"{path.name}: the file cannot be opened ({error.strerror})"))
        return
    if document.sha256 != digest:
        report.failed.append(Failure(path, f"{path.name}: the file changed while it was being read; try again"))
        return
    result = inspection_store(record=record, document=document, content=content)
    (report.stored if result.created else report.already_stored).append(path)
    if result.created:
        report.inspections.append(result.inspection)


def database_prepare() -> None:
    """Bring the database up to date (migrations, on first use too) and sync the authority register."""
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    name = str(connection.settings_dict["NAME"])
    if connection.vendor == "sqlite" and not name.startswith(("file:", ":memory:")):
        Path(name).parent.mkdir(parents=True, exist_ok=True)  # a fresh machine has no data folder yet
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        call_command("migrate", interactive=False, verbosity=0)
    register_sync()

