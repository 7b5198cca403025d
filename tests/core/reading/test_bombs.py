"""Decompression bombs given to the reader: refused before parsing, quickly, with the limit named;
and a file that takes too long or too much memory stopped in its worker (``read_bounded``)."""

from __future__ import annotations

import time

import pytest

from inspire.core import limits
from inspire.core.reading.batch import BatchRead, Failure, read_bounded
from inspire.core.reading.documents import load_document
from inspire.core.reading.errors import OverLimit
from tests import bombs
from tests.conftest import CORPUS

DAMAGED_OR_BOMB = "it may be damaged or built to overload the server"


@pytest.fixture(scope="module")
def zeros(tmp_path_factory):
    """2 MB that unpack to 2 GiB: on main, 37 s and 4.2 GB before python-docx gave up."""
    return bombs.docx_of_zeros(tmp_path_factory.mktemp("bombs") / "report.docx")


@pytest.fixture(scope="module")
def paragraphs(tmp_path_factory):
    """1 MB holding 300 MB of valid paragraphs: on main, read for minutes (stopped at 7 minutes)."""
    return bombs.docx_of_paragraphs(tmp_path_factory.mktemp("bombs") / "plan.docx")


def test_a_word_document_of_gigabytes_of_zeros_is_refused_before_parsing(zeros):
    started = time.perf_counter()
    with pytest.raises(
        OverLimit,
        match=rf"^report\.docx: unpacks to 2\.0 GB, more than the 200 MB Inspire reads; "
        rf"{DAMAGED_OR_BOMB}$",
    ):
        load_document(zeros.read_bytes(), zeros.name)
    assert time.perf_counter() - started < 1


def test_a_word_document_of_hundreds_of_megabytes_of_valid_xml_is_refused_before_parsing(paragraphs):
    started = time.perf_counter()
    with pytest.raises(
        OverLimit,
        match=rf"^plan\.docx: unpacks to 301 MB, more than the 200 MB Inspire reads; "
        rf"{DAMAGED_OR_BOMB}$",
    ):
        load_document(paragraphs.read_bytes(), paragraphs.name)
    assert time.perf_counter() - started < 1


def test_ingest_reports_a_bomb_as_a_failure_of_that_file(zeros, paragraphs):
    with BatchRead([zeros, paragraphs], workers=1) as reading:
        outcomes = [reading.next(timeout=60) for _ in range(reading.pending)]
    assert sorted((o.path.name, o.message.split(",")[0]) for o in outcomes if isinstance(o, Failure)) == [
        ("plan.docx", "plan.docx: unpacks to 301 MB"),
        ("report.docx", "report.docx: unpacks to 2.0 GB"),
    ]


def test_a_file_read_past_its_time_limit_is_stopped_and_named():
    biggest = max(CORPUS.glob("*.pdf"), key=lambda p: p.stat().st_size)
    started = time.perf_counter()
    with pytest.raises(
        OverLimit,
        match=rf"^{biggest.name}: reading it took longer than the 0\.01 seconds Inspire "
        rf"allows for one file, so it was stopped; {DAMAGED_OR_BOMB}$",
    ):
        read_bounded(biggest.read_bytes(), biggest.name, bounds=limits.Bounds(seconds=0.01))
    assert time.perf_counter() - started < 15


def test_a_file_read_past_its_memory_limit_is_stopped_and_named():
    page = "<p>Inspection of children's social care services in the area of the local authority</p>"
    html = f"<html><body>{page * 150_000}</body></html>".encode()  # 13 MB: a parse tree of hundreds of MB
    with pytest.raises(
        OverLimit,
        match=rf"^big\.html: reading it needed more than the 150 MB of memory Inspire "
        rf"allows for one file, so it was stopped; {DAMAGED_OR_BOMB}$",
    ):
        read_bounded(html, "big.html", bounds=limits.Bounds(memory_bytes=150 * limits.MB))


def test_a_real_report_reads_the_same_in_its_worker():
    report = max(CORPUS.glob("*.pdf"), key=lambda p: p.stat().st_size)
    record, document = read_bounded(report.read_bytes(), report.name)
    assert record.authority is not None and document.filename == report.name and len(document.pages) > 1
