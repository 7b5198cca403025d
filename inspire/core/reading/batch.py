"""Reading many files: which files a batch takes, and the work one worker process does per file.

Pure Python (no Django): ingest runs :func:`read_for_store` in worker processes that never
import the web layer, and stores what they return in the parent.
"""

from __future__ import annotations

import hashlib
import multiprocessing
from collections.abc import Iterable, Iterator
from multiprocessing import forkserver
from pathlib import Path

from inspire.core.reading.documents import Document, load_path
from inspire.core.reading.reader import read_document
from inspire.core.reading.record import Record

#: The file names a folder is searched for (any case). Files named on the command line are read
#: whatever their name: the format is always decided by content.
REPORT_SUFFIXES = (".pdf", ".docx", ".html", ".htm", ".txt")

#: Seconds one file may take to read before its worker is stopped (real reports take under 2 s).
DEFAULT_TIMEOUT = 60.0


def find_report_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Each file named, and every report-like file under each folder named (recursively, sorted),
    once each. Raises FileNotFoundError for a path that does not exist."""
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.suffix.lower() in REPORT_SUFFIXES and p.is_file()
            )
        elif path.is_file():
            found = [path]
        else:
            raise FileNotFoundError(f"{path}: no such file or folder")
        for file in found:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                yield file


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's content (the key that makes storing idempotent), read in chunks."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def read_for_store(path: str) -> tuple[Record, Document]:
    """Read one file into its record and the document it was read from (the pages to store).

    Runs in a worker process; raises ReadError for bad input like every reader entry point.
    """
    document = load_path(path)
    return read_document(document), document


def worker_context() -> multiprocessing.context.BaseContext:
    """Worker processes are forked from a server that has loaded only this module (the reader):
    they start fast, never import Django and share nothing with a parent that has a database open."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    return context


def start_worker_server() -> None:
    """Start the fork server now, so it loads the reader while the caller does other start-up work."""
    worker_context()
    forkserver.ensure_running()
