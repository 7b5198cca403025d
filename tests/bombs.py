"""Decompression bombs: small zip-based files (.docx, .xlsx) that unpack to far more than they
weigh, written in a stream so that making one never holds its unpacked size in memory.

Shared by the reader's, the upload pages' and the CLI's tests and by ``benchmarks/bombs.py``.
Each is a well-formed package whose big part is valid XML, so only a limit stops it, never a
parse error.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import docx
import openpyxl

MB = 1024 * 1024
_CHUNK = 4 * MB

_DOCUMENT_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    b"<w:p><w:r><w:t>Inspection of children's social care services</w:t></w:r></w:p>"
)
_DOCUMENT_TAIL = b"<w:sectPr/></w:body></w:document>"
_PARAGRAPH = b"<w:p><w:r><w:t>The local authority should improve the quality of plans for children.</w:t></w:r></w:p>"


def _small_word_package() -> bytes:
    document = docx.Document()
    document.add_paragraph("Inspection of children's social care services")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _small_workbook(sheet_title: str) -> bytes:
    book = openpyxl.Workbook()
    book.active.title = sheet_title
    book.active["A1"] = "Child ID"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _replace_part(package: bytes, part: str, head: bytes, unit: bytes, size: int, tail: bytes, path: Path) -> Path:
    """``package`` with ``part`` replaced by ``head``, ``unit`` repeated to about ``size`` bytes and
    ``tail``, written to ``path``. The repeated run is deflated once and its compressed block
    written again and again (a full flush makes each block independent of what came before), so a
    gigabyte takes about a second to make."""
    with zipfile.ZipFile(io.BytesIO(package)) as source:
        parts = [(item.filename, source.read(item.filename)) for item in source.infolist()]
    block = unit * max(1, _CHUNK // len(unit))
    repeats = max(1, size // len(block))
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    compressed_head = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
    compressed_block = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    compressed_tail = compressor.compress(tail) + compressor.flush(zlib.Z_FINISH)
    crc = zlib.crc32(head)
    for _ in range(repeats):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(tail, crc)
    unpacked = len(head) + repeats * len(block) + len(tail)
    packed = len(compressed_head) + repeats * len(compressed_block) + len(compressed_tail)
    with open(path, "wb") as out:
        directory = []
        for name, content in parts:
            encoded = name.encode()
            offset = out.tell()
            if name == part:
                header = (crc, packed, unpacked)
                out.write(_local_header(encoded, *header))
                out.write(compressed_head)
                for _ in range(repeats):
                    out.write(compressed_block)
                out.write(compressed_tail)
            else:
                deflated = zlib.compressobj(9, zlib.DEFLATED, -15)
                data = deflated.compress(content) + deflated.flush()
                header = (zlib.crc32(content), len(data), len(content))
                out.write(_local_header(encoded, *header))
                out.write(data)
            directory.append((encoded, offset, header))
        start = out.tell()
        for encoded, offset, (crc_, packed_, unpacked_) in directory:
            out.write(
                struct.pack(
                    "<IHHHHHHIIIHHHHHII",
                    0x02014B50,
                    20,
                    20,
                    0,
                    8,
                    0,
                    0x21,
                    crc_,
                    packed_,
                    unpacked_,
                    len(encoded),
                    0,
                    0,
                    0,
                    0,
                    0,
                    offset,
                )
                + encoded
            )
        end = out.tell()
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(directory), len(directory), end - start, start, 0))
    return path


def _local_header(name: bytes, crc: int, packed: int, unpacked: int) -> bytes:
    return struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, packed, unpacked, len(name), 0) + name


def docx_of_zeros(path: Path, size: int = 2 * 1024 * MB) -> Path:
    """A Word document whose one paragraph holds ``size`` zeros (2 GiB pack into about 2 MB)."""
    return _replace_part(
        _small_word_package(),
        "word/document.xml",
        _DOCUMENT_HEAD + b"<w:p><w:r><w:t>",
        b"0" * 1024,
        size,
        b"</w:t></w:r></w:p>" + _DOCUMENT_TAIL,
        path,
    )


def docx_of_paragraphs(path: Path, size: int = 300 * MB) -> Path:
    """A Word document of ``size`` bytes of valid paragraphs (300 MB pack into well under 1 MB)."""
    return _replace_part(
        _small_word_package(), "word/document.xml", _DOCUMENT_HEAD, _PARAGRAPH, size, _DOCUMENT_TAIL, path
    )


def xlsx_of_rows(path: Path, size: int = 2 * 1024 * MB, sheet_title: str = "List 1 Contacts") -> Path:
    """A workbook whose first sheet (an Annex A list by its name) holds ``size`` bytes of rows."""
    head = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>Child ID</t></is></c></row>'
    )
    return _replace_part(
        _small_workbook(sheet_title),
        "xl/worksheets/sheet1.xml",
        head,
        b"<row><c><v>0</v></c></row>",
        size,
        b"</sheetData></worksheet>",
        path,
    )
