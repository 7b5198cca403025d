"""The sample packaged with Inspire (see README.md beside this file): where it is, and whether a
store holds it and nothing else."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPORTS = HERE / "reports"
ANNEX_A = HERE / "annex_a_sample.xlsx"


@cache
def report_hashes() -> frozenset[str]:
    """SHA-256 of every packaged report, as the store keys documents."""
    return frozenset(hashlib.sha256(path.read_bytes()).hexdigest() for path in REPORTS.iterdir() if path.is_file())


def is_only_sample(stored_hashes: set[str] | frozenset[str]) -> bool:
    """True when a store holds some documents and every one of them is from the packaged sample."""
    return bool(stored_hashes) and set(stored_hashes) <= report_hashes()
