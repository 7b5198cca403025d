"""Limits on reading one file (``inspire.core.limits``): the zip check and the bounded worker."""

from __future__ import annotations

import io
import time
import zipfile

import pytest

from inspire.core import limits
from tests import bombs

DAMAGED_OR_BOMB = "it may be damaged or built to overload the server"


def allocate(megabytes: int) -> int:
    """Runs in the worker: holds ``megabytes`` of memory."""
    block = bytearray(megabytes * 1024 * 1024)
    return len(block)


def sleep(seconds: float) -> str:
    time.sleep(seconds)
    return "woke"


def package(**parts: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()


def test_a_package_that_unpacks_past_the_limit_is_refused_from_its_directory(tmp_path):
    bomb = bombs.docx_of_zeros(tmp_path / "report.docx").read_bytes()
    started = time.perf_counter()
    with pytest.raises(
        limits.PackageTooLarge,
        match=rf"^report\.docx: unpacks to 2\.0 GB, more than the 200 MB "
        rf"Inspire reads; {DAMAGED_OR_BOMB}$",
    ):
        limits.check_package(bomb, "report.docx")
    assert time.perf_counter() - started < 0.5  # the directory only: nothing is unpacked


def test_a_package_far_more_compressed_than_office_files_is_refused():
    data = package(**{"word/document.xml": b"<w:p/>" * 10_000_000})  # 60 MB, about 1,000 times smaller
    with pytest.raises(
        limits.PackageTooLarge,
        match=r"^plan\.docx: unpacks to 57 MB from \d+ KB, [\d,]+ times its size "
        rf"\(Word and Excel files are at most 100 times\); {DAMAGED_OR_BOMB}$",
    ):
        limits.check_package(data, "plan.docx")


def test_a_package_of_too_many_parts_is_refused():
    data = package(**{f"part{n}.xml": b"" for n in range(limits.MAX_PARTS + 1)})
    with pytest.raises(
        limits.PackageTooLarge,
        match=rf"^many\.xlsx: holds 10,001 parts, more than the 10,000 "
        rf"Inspire reads; {DAMAGED_OR_BOMB}$",
    ):
        limits.check_package(data, "many.xlsx")


def _needing_zip_version(data: bytes, version: int) -> bytes:
    """The package with its central directory saying its parts need a later zip version to unpack."""
    at = data.index(b"PK\x01\x02")
    return data[: at + 6] + version.to_bytes(2, "little") + data[at + 8 :]


def test_a_package_zipfile_does_not_support_passes_to_the_formats_own_reader():
    """zipfile raises NotImplementedError for a later zip version (a damaged header can say one):
    the check lets the format's reader refuse it, with its own message, rather than crash."""
    data = _needing_zip_version(package(**{"word/document.xml": b"<w:p/>"}), 64)
    with pytest.raises(NotImplementedError, match="zip file version 6.4"):
        zipfile.ZipFile(io.BytesIO(data))
    assert limits.check_package(data, "plan.docx") is None


def test_real_documents_and_anything_not_a_package_pass(shared):
    for workbook in (shared / "reference").rglob("*.xlsx"):
        limits.check_package(workbook.read_bytes(), workbook.name)
    limits.check_package(b"%PDF-1.7 not a zip", "report.pdf")
    limits.check_package(b"PK\x03\x04 damaged", "broken.docx")  # the format's reader says what is wrong


def test_a_worker_that_passes_its_memory_limit_is_stopped():
    with pytest.raises(
        limits.ReadingTooLarge,
        match=r"^big\.xlsx: reading it needed more than the 300 MB of memory "
        rf"Inspire allows for one file, so it was stopped; {DAMAGED_OR_BOMB}$",
    ):
        limits.run_bounded(allocate, 600, source="big.xlsx", bounds=limits.Bounds(memory_bytes=300 * limits.MB))
    assert limits.run_bounded(allocate, 50, source="small.xlsx", bounds=limits.Bounds(memory_bytes=300 * limits.MB))


def test_a_worker_that_passes_its_time_limit_is_stopped():
    started = time.perf_counter()
    with pytest.raises(
        limits.ReadingTooSlow,
        match=r"^slow\.docx: reading it took longer than the 0\.5 seconds "
        rf"Inspire allows for one file, so it was stopped; {DAMAGED_OR_BOMB}$",
    ):
        limits.run_bounded(sleep, 60, source="slow.docx", bounds=limits.Bounds(seconds=0.5))
    assert time.perf_counter() - started < 15  # stopped, not waited for (a loaded machine starts workers slowly)
    assert limits.run_bounded(sleep, 0, source="quick.docx") == "woke"
