"""Helpers for the golden tests: the seeds (each read once per test session) and synthetic
texts of the older families' published layouts."""

from __future__ import annotations

from functools import cache

from inspire.core.reading import read_bytes, read_path
from inspire.core.reading.record import Recommendation, Record
from tests.conftest import seed


@cache
def seed_record(prefix: str) -> Record:
    """The record of seed ``prefix`` ("000" … "004"); tests only read it."""
    return read_path(seed(prefix))


def authority_of(record: Record) -> tuple[str, str, str] | None:
    """(name, Ofsted URN, DfE code) of the record's authority."""
    a = record.authority
    return (a.name, a.ofsted_urn, a.dfe_la_code) if a else None


def in_section(record: Record, section: str) -> list[Recommendation]:
    """The record's recommendations to the council (``la``) or to the LSCB (``lscb``)."""
    return [r for r in record.recommendations if r.section == section]


def read_pages(pages: list[str], filename: str) -> Record:
    """The record of a synthetic text whose pages are split by form feeds, as PDF text
    extraction prints them."""
    return read_bytes("\f".join(pages).encode("utf-8"), filename)
