"""Bad input: each kind gets its own error class and an exact message naming the file, and
``inspire read`` exits 2 with that message. Fuzzing: no input makes the reader crash or hang."""

from __future__ import annotations

import io
import re
import time
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from inspire.cli import app
from inspire.core.reading import ReadError, Record, read_bytes, read_path
from tests.conftest import CORPUS, seed
from tests.core.reading.bad_inputs import make_bad_inputs, word_document

KINDS = [
    "html_saved_as_pdf",
    "encrypted_pdf",
    "truncated_pdf",
    "empty_file",
    "random_bytes_named_pdf",
    "random_bytes",
    "word_about_something_else",
    "too_large",
    "zip_not_docx",
    "damaged_docx_truncated",
    "damaged_docx_xml",
]


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory, shared):
    return make_bad_inputs(tmp_path_factory.mktemp("bad"))


def test_every_kind_is_made(bad_inputs):
    assert sorted(bad_inputs) == sorted(KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_read_path_raises_the_specific_error(bad_inputs, kind):
    bad = bad_inputs[kind]
    with pytest.raises(ReadError, match=f"^{re.escape(bad.message)}$") as raised:
        read_path(bad.path)
    assert type(raised.value) is bad.error
    assert str(raised.value) == bad.message


@pytest.mark.parametrize("kind", KINDS)
def test_inspire_read_exits_2_with_the_message(bad_inputs, kind):
    bad = bad_inputs[kind]
    result = CliRunner().invoke(app, ["read", str(bad.path)])
    assert result.exit_code == 2, result.output
    first_line = result.stderr.splitlines()[0]
    assert first_line == f"Error: {bad.message}"
    assert result.stdout == ""


def test_hints_follow_the_message_where_the_user_can_act(bad_inputs):
    result = CliRunner().invoke(app, ["read", str(bad_inputs["encrypted_pdf"].path)])
    assert result.stderr.splitlines()[1] == "Hint: Save an unprotected copy of the report and read that."


def test_errors_survive_pickling_between_processes(bad_inputs):
    import pickle

    with pytest.raises(ReadError, match=f"^{re.escape(bad_inputs['too_large'].message)}$") as raised:
        read_path(bad_inputs["too_large"].path)
    copy = pickle.loads(pickle.dumps(raised.value))
    assert type(copy) is type(raised.value)
    assert (str(copy), copy.source, copy.detail, copy.code) == (
        str(raised.value),
        raised.value.source,
        raised.value.detail,
        "too_large",
    )


# --- fuzzing ---------------------------------------------------------------------------------

#: Seconds any one input may take; real reports read in well under one.
TIME_BOUND = 10.0


def _docx_bytes() -> bytes:
    return word_document(
        "Inspection of local authority children's services",
        "Inspection dates: 2 to 6 December 2024",
        "Overall effectiveness: Good",
    )


def _html_bytes() -> bytes:
    text = seed("001").read_text(encoding="utf-8")[:6000]
    paragraphs = "".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())
    return f"<!DOCTYPE html><html><head><title>Report</title></head><body>{paragraphs}</body></html>".encode()


@pytest.fixture(scope="module")
def real_samples(shared) -> dict[str, bytes]:
    smallest_pdf = min(
        (p for p in CORPUS.glob("*.pdf") if p.name != "c400d841c8fd.pdf"), key=lambda p: p.stat().st_size
    )
    return {
        "sample.pdf": smallest_pdf.read_bytes(),
        "sample.docx": _docx_bytes(),
        "sample.html": _html_bytes(),
        "sample.txt": seed("000").read_bytes()[:20000],
    }


def _check(data: bytes, name: str) -> None:
    start = time.monotonic()
    try:
        result = read_bytes(data, name)
    except ReadError as error:
        assert str(error).startswith(f"{name}: ")
    else:
        assert isinstance(result, Record)
    assert time.monotonic() - start < TIME_BOUND


FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


@FUZZ
@given(data=st.binary(max_size=4096), name=st.sampled_from(["x.pdf", "x.docx", "x.html", "x.txt", "x"]))
def test_arbitrary_bytes_only_ever_give_a_record_or_a_read_error(data, name):
    _check(data, name)


@st.composite
def mutations(draw, original: bytes) -> bytes:
    """A real document damaged the ways downloads and disks damage files."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        kind = draw(st.sampled_from(["flip", "cut", "delete", "insert", "overwrite"]))
        if kind == "flip":
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "cut":
            del data[at:]
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 512))]
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        else:
            chunk = draw(st.binary(min_size=1, max_size=64))
            data[at : at + len(chunk)] = chunk
    return bytes(data)


@pytest.mark.parametrize("name", ["sample.pdf", "sample.docx", "sample.html", "sample.txt"])
@FUZZ
@given(data=st.data())
def test_mutated_real_documents_only_ever_give_a_record_or_a_read_error(real_samples, name, data):
    _check(data.draw(mutations(real_samples[name])), name)


def test_a_docx_with_a_mutated_document_part_gives_a_read_error_or_a_record(real_samples):
    """Damage inside the XML, where byte-level mutation of the compressed package rarely reaches."""
    original = real_samples["sample.docx"]
    with zipfile.ZipFile(io.BytesIO(original)) as package:
        xml = package.read("word/document.xml")
    for cut in range(0, len(xml), max(1, len(xml) // 40)):
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(original)) as source, zipfile.ZipFile(out, "w") as target:
            for item in source.infolist():
                target.writestr(
                    item, xml[:cut] + xml[cut + 7 :] if item.filename == "word/document.xml" else source.read(item)
                )
        _check(out.getvalue(), "sample.docx")
