"""``BatchRead``: files read in worker processes, handed out a few at a time."""

from __future__ import annotations

import shutil

from inspire.core.reading.batch import IN_FLIGHT, BatchRead, Read, Skipped, file_sha256
from tests.conftest import CORPUS, seed


def outcomes(reading: BatchRead) -> list:
    found = []
    while reading.pending:
        found.append(reading.next(timeout=60))
    return found


def test_files_stored_already_are_skipped_unless_handed_out_already(shared, tmp_path):
    """Skipping works on the files not yet handed to a worker (IN_FLIGHT per worker at a time,
    largest first): here two large reports, still being read when ``skip`` comes, then many
    small copies of a stored file, none of them read."""
    large = sorted(CORPUS.glob("*.pdf"), key=lambda p: p.stat().st_size)[-IN_FLIGHT:]
    copies = []
    for number in range(12):
        copies.append(tmp_path / f"copy {number}.txt")
        shutil.copyfile(seed("003"), copies[-1])
    with BatchRead([*copies, *large], workers=1) as reading:
        reading.skip({file_sha256(copies[0])})
        found = {o.path: o for o in outcomes(reading)}
    assert sorted(found) == sorted([*copies, *large])  # every file has its outcome, once
    assert all(isinstance(found[path], Skipped) for path in copies)
    assert all(isinstance(found[path], Read) for path in large)


def test_every_file_is_read_when_nothing_is_stored(shared, tmp_path):
    files = [seed("003"), seed("000"), seed("001")]
    with BatchRead(files, workers=2) as reading:
        reading.skip(set())
        found = outcomes(reading)
    assert sorted(o.path for o in found) == sorted(files)
    assert all(isinstance(o, Read) for o in found)
    # each outcome carries its own file's record
    assert {o.path: o.record.authority.name for o in found} == {
        seed("003"): "Essex",
        seed("000"): "Essex",
        seed("001"): "Essex",
    }
