"""Reading many files: which files a batch takes, and reading them in worker processes.

Pure Python (no Django): worker processes never import the web layer. The reader itself is
imported by the workers (their server preloads it), not by this module, so a parent that only
hands out files starts them without loading every framework first. :class:`BatchRead` starts
reading the moment it is made, so the caller can load the database layer while the workers read,
and hands back each file's outcome as it finishes; the caller stores what was read.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import queue
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from pathlib import Path

from pebble import ProcessExpired, ProcessPool

from inspire.core import limits
from inspire.core.reading.documents import MAX_BYTES, Document, backend_for, load_document
from inspire.core.reading.errors import FileTooLarge, OverLimit, ReadError
from inspire.core.reading.record import Record

#: The file names a folder is searched for (any case). Files named on the command line are read
#: whatever their name: the format is always decided by content.
REPORT_SUFFIXES = (".pdf", ".docx", ".html", ".htm", ".txt")

#: Seconds one file may take to read before its worker is stopped (real reports take under 2 s).
DEFAULT_TIMEOUT = limits.DEFAULT_SECONDS

#: Files handed to each worker at a time: one being read and one ready, so no worker waits.
IN_FLIGHT = 2


def find_report_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Each file named, and every report-like file under each folder named (recursively, sorted),
    once each. Raises FileNotFoundError for a path that does not exist."""
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix.lower() in REPORT_SUFFIXES and p.is_file())
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


def read_for_store(path: str, max_bytes: int = MAX_BYTES) -> tuple[Record, Document, bytes]:
    """Read one file into its record, the document it was read from (the pages to store) and the
    very bytes read (the original to store: a copy made later might not be what was read).

    Runs in a worker process; raises ReadError for bad input like every reader entry point.
    """
    file = Path(path)
    if (size := file.stat().st_size) > max_bytes:  # never load a file that has grown past the limit
        raise FileTooLarge(file.name, size, max_bytes)
    from inspire.core.reading.reader import read_document  # preloaded by the workers' server

    content = file.read_bytes()
    document = load_document(content, file.name, max_bytes=max_bytes)
    return read_document(document), document, content


def read_content(content: bytes, source: str, max_bytes: int = MAX_BYTES) -> tuple[Record, Document]:
    """Read bytes (an upload) into its record and the document it was read from. Runs in a worker."""
    from inspire.core.reading.reader import read_document  # preloaded by the workers' server

    document = load_document(content, source, max_bytes=max_bytes)
    return read_document(document), document


#: the limits a read is given when its caller names none
DEFAULT_BOUNDS = limits.Bounds()


def read_bounded(
    content: bytes, source: str, *, max_bytes: int = MAX_BYTES, bounds: limits.Bounds = DEFAULT_BOUNDS
) -> tuple[Record, Document]:
    """:func:`read_content` in a worker process of its own, stopped past ``bounds`` (time and
    memory): the way the upload page and ``inspire read`` read one file. Raises ReadError
    (:class:`OverLimit` for a limit passed)."""
    try:
        limits.check_package(content, source)  # a bomb is refused here, without starting a worker
        return limits.run_bounded(read_content, content, source, max_bytes, source=source, bounds=bounds)
    except limits.LimitExceeded as error:
        raise OverLimit(error.source, error.detail) from None


def worker_context() -> multiprocessing.context.BaseContext:
    """See :func:`inspire.core.limits.worker_context`: the reading workers' one process context."""
    return limits.worker_context()


@dataclass(frozen=True)
class Read:
    """A file read: its record and the document (the pages) it was read from."""

    path: Path
    record: Record
    document: Document
    content: bytes


@dataclass(frozen=True)
class Failure:
    """A file that could not be read, and why (the message names the file)."""

    path: Path
    message: str


@dataclass(frozen=True)
class Skipped:
    """A file not read because the same bytes are stored already (see :meth:`BatchRead.skip`)."""

    path: Path


Outcome = Read | Failure | Skipped


class BatchRead:
    """Files read by worker processes (one per core by default), starting the moment this is made.

    A file that cannot be found or is over ``max_bytes`` is refused unread (``refused``). The rest
    are read largest first, so no long file is left to end alone, and handed to the workers a few
    at a time (:data:`IN_FLIGHT` per worker): results never pile up, and :meth:`skip` can still
    pass over the files not yet handed out. :meth:`next` gives each file's :data:`Outcome` as it
    finishes; a bad file, a crash or a hang (stopped after ``timeout`` seconds) is a
    :class:`Failure` of that file only. Use it as a context manager, or call :meth:`close`, to end
    the workers.
    """

    def __init__(
        self,
        paths: Iterable[Path],
        *,
        workers: int | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        max_bytes: int = MAX_BYTES,
        memory_bytes: int = limits.DEFAULT_MEMORY_BYTES,
    ):
        self.refused: list[Failure] = []
        self._timeout = timeout
        self._max_bytes = max_bytes
        workers = workers or os.cpu_count() or 1
        self._waiting: deque[Path] = deque()  # not yet handed to a worker
        for path in sorted(paths, key=_size, reverse=True):
            try:
                size = path.stat().st_size
            except OSError as error:
                self.refused.append(_unopenable(path, error))
                continue
            if size > max_bytes:
                self.refused.append(Failure(path, str(FileTooLarge(path.name, size, max_bytes))))
                continue
            self._waiting.append(path)
        self.pending = len(self._waiting)
        self._paths: dict[Future, Path] = {}  # the files handed out, until their outcome is taken
        self._reading = 0  # handed out and not yet done
        self._limit = IN_FLIGHT * workers
        self._closed = False
        # files are handed out from the pool's thread too (as each is done); reentrant, because a
        # future done already runs its callback at once
        self._lock = threading.RLock()
        self._finished: queue.SimpleQueue[Future | Skipped | Failure] = queue.SimpleQueue()
        self._memory_bytes = memory_bytes
        self._pool = ProcessPool(
            max_workers=workers, context=worker_context(), initializer=limits.limit_memory, initargs=(memory_bytes,)
        )
        self._hand_out()

    def _hand_out(self, done: Future | None = None) -> None:
        """Give the workers files until :data:`IN_FLIGHT` each are theirs; ``done`` (a file read)
        makes room for one more."""
        with self._lock:
            if done is not None:
                self._reading -= 1
                self._finished.put(done)
            while self._waiting and self._reading < self._limit and not self._closed:
                path = self._waiting.popleft()
                future = self._pool.schedule(read_for_store, args=(str(path), self._max_bytes), timeout=self._timeout)
                self._paths[future] = path
                self._reading += 1
                future.add_done_callback(self._hand_out)

    def skip(self, digests: set[str]) -> None:
        """Read no file whose SHA-256 is in ``digests`` (stored already): its outcome is
        :class:`Skipped`. Only files not yet handed to a worker are hashed here, and only when there
        is something to skip: a first ingest hashes each file once, in its worker. A file being
        read already keeps its outcome (storing it again finds it stored)."""
        if not digests:
            return
        with self._lock:
            for path in list(self._waiting):
                try:
                    known = file_sha256(path) in digests
                except OSError:
                    known = False  # its worker reports it
                if known:
                    self._waiting.remove(path)
                    self._finished.put(_skipped(path))

    def next(self, timeout: float | None = None) -> Outcome | None:
        """The next file's outcome, as soon as one is done; None if none is done within ``timeout``
        seconds (None: wait as long as it takes). Call only while ``pending``."""
        try:
            item = self._finished.get(timeout=timeout)
        except queue.Empty:
            return None
        self.pending -= 1
        if not isinstance(item, Future):
            return item
        with self._lock:
            path = self._paths.pop(item)
        try:
            record, document, content = item.result()
        except ReadError as error:
            return Failure(path, str(error))
        except FutureTimeout:  # before OSError, of which it is a kind
            return Failure(path, str(limits.ReadingTooSlow(path.name, self._timeout)))
        except MemoryError:
            return Failure(path, str(limits.ReadingTooLarge(path.name, self._memory_bytes)))
        except OSError as error:
            return _unopenable(path, error)
        except ProcessExpired as error:
            return Failure(path, str(limits.ReaderStopped(path.name, error.exitcode, self._memory_bytes)))
        except Exception as error:  # a defect in Inspire: report it against the file and carry on
            return Failure(path, f"{path.name}: internal error while reading ({type(error).__name__}: {error})")
        return Read(path, record, document, content)

    def close(self) -> None:
        """End the workers: every file is done, or the batch was interrupted (Ctrl-C)."""
        with self._lock:
            self._closed = True
        self._pool.stop()
        self._pool.join()

    def __enter__(self) -> BatchRead:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _skipped(path: Path) -> Failure | Skipped:
    # The same bytes under a name claiming another format are refused, as reading refuses them.
    try:
        backend_for(path.read_bytes(), path.name)
    except ReadError as error:
        return Failure(path, str(error))
    except OSError as error:
        return _unopenable(path, error)
    return Skipped(path)


def _unopenable(path: Path, error: OSError) -> Failure:
    return Failure(path, f"{path.name}: the file cannot be opened ({error.strerror})")


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # refused just after, when its size is read again
