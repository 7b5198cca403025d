"""Limits on reading one file, so that no upload or command can hold a server or a machine.

Two layers, for every way a file comes in (report uploads and ``inspire read``/``ingest``, plan
imports, Annex A imports):

- :func:`check_package`: a zip-based file (.docx, .xlsx) is refused *before* it is parsed when
  its parts unpack to more than :data:`MAX_UNPACKED_BYTES`, when it unpacks to more than
  :data:`MAX_RATIO` times its size (a decompression bomb), or when it holds more than
  :data:`MAX_PARTS` parts. The sizes checked are the ones the package declares; Python's
  ``zipfile`` (python-docx, openpyxl) never unpacks a part past its declared size, and the
  second layer bounds anything else.
- :func:`run_bounded`: the parsing itself runs in a worker process with a time limit and a memory
  limit (``RLIMIT_AS``); past either it is stopped, and the caller gets :class:`ReadingTooSlow` or
  :class:`ReadingTooLarge` naming the file and the limit. ``core/reading/batch.py`` gives its
  ingest workers the same memory limit.

Every refusal is a :class:`LimitExceeded` whose message names the file and the limit in words a
council officer understands. Pure Python; no Django.
"""

from __future__ import annotations

import io
import multiprocessing
import resource
import zipfile
from collections.abc import Callable
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, TypeVar

from inspire.core.errors import FileError

MB = 1024 * 1024

#: The most a zip-based file may unpack to. A long Word report is under 10 MB of XML; a large
#: county's Annex A return about 60 MB.
MAX_UNPACKED_BYTES = 200 * MB
#: Unpacked size over packed size above which a package is refused (real Word and Excel files
#: are 3 to 20 times; a bomb a thousand). Only checked once a package unpacks to over
#: :data:`RATIO_FLOOR_BYTES`, so a tiny, very regular file is never refused for it.
MAX_RATIO = 100
RATIO_FLOOR_BYTES = 20 * MB
#: Parts in one package (a Word report has about 20; a workbook a few per sheet).
MAX_PARTS = 10_000

#: Seconds one file may take to read (real reports take under 2 s, an Annex A return under 10 s).
DEFAULT_SECONDS = 60.0
#: Memory (address space) one reading worker may use; reading a real report takes under 500 MB.
DEFAULT_MEMORY_BYTES = 2048 * MB

_DAMAGED_OR_BOMB = "it may be damaged or built to overload the server"


class LimitExceeded(FileError, ValueError):
    """Reading a file would pass, or passed, one of Inspire's limits. ``str()`` names the file.

    A file error of the one family (``core/errors.py``: ``source``, ``detail``, kept whole across
    processes); also a ``ValueError``, as it was."""

    code = "over_limit"
    hint = "If the file is genuine, open it in Word or Excel, save a fresh copy and try that."


class PackageTooLarge(LimitExceeded):
    """A .docx or .xlsx that unpacks to too much (checked before parsing)."""

    code = "unpacks_too_large"


class ReadingTooSlow(LimitExceeded):
    code = "too_slow"

    def __init__(self, source: str, seconds: float):
        super().__init__(
            source,
            f"reading it took longer than the {seconds:g} seconds Inspire allows for one file, so it was stopped; "
            + _DAMAGED_OR_BOMB,
        )


class ReadingTooLarge(LimitExceeded):
    code = "too_much_memory"

    def __init__(self, source: str, memory_bytes: int):
        super().__init__(
            source,
            f"reading it needed more than the {size_words(memory_bytes)} of memory Inspire allows for one file, "
            "so it was stopped; " + _DAMAGED_OR_BOMB,
        )


class ReaderStopped(LimitExceeded):
    """The worker died without an answer: a library that cannot allocate may abort rather than
    raise, so memory is the likely cause, but it is said as a possibility, not a fact."""

    code = "reader_stopped"

    def __init__(self, source: str, exit_code: int | None, memory_bytes: int):
        super().__init__(
            source,
            f"the reader stopped unexpectedly (exit code {exit_code}); it may have needed more than the "
            f"{size_words(memory_bytes)} of memory Inspire allows for one file",
        )


def size_words(size: int) -> str:
    """Bytes as a person reads them: "2.1 GB", "300 MB", "950 KB"."""
    if size >= 1024 * MB:
        return f"{size / (1024 * MB):.1f} GB"
    if size >= MB:
        return f"{size / MB:.0f} MB"
    return f"{max(1, round(size / 1024))} KB"


def is_package(data: bytes) -> bool:
    return data[:4] == b"PK\x03\x04"


def check_package(
    data: bytes,
    source: str,
    *,
    max_unpacked: int = MAX_UNPACKED_BYTES,
    max_ratio: float = MAX_RATIO,
) -> None:
    """Refuse a zip-based file (.docx, .xlsx) that unpacks to too much, before anything parses it.
    Anything that is not a zip package, or whose directory cannot be read, passes: the format's
    own reader says what is wrong with it."""
    if not is_package(data):
        return
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            parts = package.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
        return
    if len(parts) > MAX_PARTS:
        raise PackageTooLarge(
            source, f"holds {len(parts):,} parts, more than the {MAX_PARTS:,} Inspire reads; {_DAMAGED_OR_BOMB}"
        )
    unpacked = sum(part.file_size for part in parts)
    if unpacked > max_unpacked:
        raise PackageTooLarge(
            source,
            f"unpacks to {size_words(unpacked)}, more than the {size_words(max_unpacked)} Inspire reads; "
            + _DAMAGED_OR_BOMB,
        )
    if unpacked > RATIO_FLOOR_BYTES and unpacked > max_ratio * len(data):
        raise PackageTooLarge(
            source,
            f"unpacks to {size_words(unpacked)} from {size_words(len(data))}, "
            f"{unpacked / len(data):,.0f} times its size (Word and Excel files are at most {max_ratio:g} times); "
            + _DAMAGED_OR_BOMB,
        )


@dataclass(frozen=True)
class Bounds:
    """How long and how much memory reading one file may take."""

    seconds: float = DEFAULT_SECONDS
    memory_bytes: int = DEFAULT_MEMORY_BYTES


def limit_memory(memory_bytes: int) -> None:
    """Cap this process's address space (a worker's initializer): past it, allocations fail and
    Python raises MemoryError instead of the machine swapping."""
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))


def worker_context() -> multiprocessing.context.BaseContext:
    """Reading workers are forked from a server that has loaded only the reader: they start fast,
    never import Django and share nothing (no database connection) with their parent."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["inspire.core.reading.batch", "inspire.core.reading.reader"])
    return context


def worker_server_start() -> None:
    """Start the workers' fork server now, in the background: a command that will read calls this
    before loading its own modules, so the server loads the reader (about 0.3 s) meanwhile, and the
    first worker starts reading when asked, not 0.3 s later."""
    from multiprocessing import forkserver

    worker_context()
    forkserver.ensure_running()


T = TypeVar("T")


def run_bounded(function: Callable[..., T], *args: Any, source: str, bounds: Bounds = Bounds()) -> T:
    """``function(*args)`` in a worker process of its own, stopped past ``bounds``: raises
    :class:`ReadingTooSlow` or :class:`ReadingTooLarge` (naming ``source``), or whatever
    ``function`` raised. ``function`` must be importable by name (a module-level function)."""
    from pebble import ProcessExpired, ProcessPool

    pool = ProcessPool(
        max_workers=1, max_tasks=1, initializer=limit_memory, initargs=(bounds.memory_bytes,), context=worker_context()
    )
    try:
        future = pool.schedule(function, args=args, timeout=bounds.seconds)
        try:
            return future.result()
        except FutureTimeout:
            raise ReadingTooSlow(source, bounds.seconds) from None
        except MemoryError:
            raise ReadingTooLarge(source, bounds.memory_bytes) from None
        except ProcessExpired as error:
            raise ReaderStopped(source, error.exitcode, bounds.memory_bytes) from None
        except BrokenProcessPool:  # the worker died before it could take the file
            raise ReaderStopped(source, None, bounds.memory_bytes) from None
    finally:
        pool.stop()
        pool.join()
