"""``inspire read`` and ``inspire plan word`` given decompression bombs: refused at once, exit 2,
the file and the limit named (on main: 37 s and 4.2 GB, and minutes and 2 GB, before an answer)."""

from __future__ import annotations

import time

import pytest
from typer.testing import CliRunner

from inspire.cli import app
from tests import bombs

DAMAGED_OR_BOMB = "it may be damaged or built to overload the server"


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("bombs")


@pytest.mark.parametrize(
    ("command", "make", "expected"),
    [
        (["read"], bombs.docx_of_zeros, "Error: report.docx: unpacks to 2.0 GB, more than the 200 MB Inspire reads; "),
        (
            ["read"],
            bombs.docx_of_paragraphs,
            "Error: report.docx: unpacks to 301 MB, more than the 200 MB Inspire reads; ",
        ),
        (
            ["plan", "word"],
            bombs.docx_of_paragraphs,
            "Error: report.docx: unpacks to 301 MB, more than the 200 MB Inspire reads; ",
        ),
    ],
)
def test_a_bomb_is_refused_at_once_naming_the_file_and_the_limit(folder, command, make, expected):
    bomb = make(folder / "report.docx")
    started = time.perf_counter()
    result = CliRunner().invoke(app, [*command, str(bomb)], env={"COLUMNS": "250"})
    assert result.exit_code == 2
    assert expected + DAMAGED_OR_BOMB in " ".join(result.output.split())
    assert time.perf_counter() - started < 15
