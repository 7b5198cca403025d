"""``inspire ingest``: stores each file once, carries on past bad files and reports them."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys

import pypdfium2 as pdfium
import pytest
from pebble import ProcessPool
from typer.testing import CliRunner

from inspire.cli import app
from inspire.core.reading import read_path
from inspire.core.reading.batch import BatchRead, worker_context
from inspire.web.read.ingest import inspection_ingest
from inspire.web.read.models import DocumentPage, Inspection, SourceDocument
from tests.conftest import CORPUS, ROOT, corpus_labels, seed
from tests.core.reading.bad_inputs import make_bad_inputs

pytestmark = pytest.mark.django_db


def ingest(*args: str):
    return CliRunner().invoke(app, ["ingest", *args])


def ingest_files(paths, **options):
    """``inspection_ingest`` of these files, read as ``inspire ingest`` reads them."""
    with BatchRead(paths, **options) as reading:
        return inspection_ingest(reading)


def summary(output: str) -> dict[str, int]:
    """The summary table's rows, e.g. {"Stored": 1, "Already stored": 0, "Failed": 2}."""
    rows = re.findall(r"│ (Stored|Already stored|Failed)\s*│ (\d+)\s*│", output)
    return {name: int(count) for name, count in rows}


@pytest.fixture
def report(shared, tmp_path):
    """A real report (the Essex 2006 letter) in a folder of its own."""
    folder = tmp_path / "reports"
    folder.mkdir()
    path = folder / "essex.txt"
    shutil.copyfile(seed("003"), path)
    return path


def test_the_same_file_twice_is_stored_once(report):
    copy = report.parent / "nested" / "copy of essex.txt"
    copy.parent.mkdir()
    shutil.copyfile(report, copy)

    first = ingest(str(report.parent))
    assert first.exit_code == 0, first.output
    assert summary(first.output) == {"Stored": 1, "Already stored": 1, "Failed": 0}
    second = ingest(str(report.parent), str(report))
    assert second.exit_code == 0, second.output
    assert summary(second.output) == {"Stored": 0, "Already stored": 2, "Failed": 0}
    assert SourceDocument.objects.count() == Inspection.objects.count() == 1
    assert Inspection.objects.get().document.content == report.read_bytes()


def test_a_folder_with_bad_files_carries_on_stores_the_good_and_reports_each_failure(report):
    bad = make_bad_inputs(report.parent / "bad")
    result = ingest(str(report.parent))
    assert result.exit_code == 1, result.output
    assert summary(result.output) == {"Stored": 1, "Already stored": 0, "Failed": len(bad) - 1}
    # nothing of any bad file is stored
    assert list(SourceDocument.objects.values_list("filename", flat=True)) == ["essex.txt"]
    assert DocumentPage.objects.exclude(document__filename="essex.txt").count() == 0


def test_each_failure_has_its_file_and_exact_message(report):
    bad = make_bad_inputs(report.parent / "bad")
    outcome = ingest_files(sorted(b.path for b in bad.values()) + [report])
    assert outcome.stored == [report]
    # random.bin is not searched for in a folder, but is read when named; each message is the reader's own
    assert {f.path: f.message for f in outcome.failed} == {b.path: b.message for b in bad.values()}
    assert SourceDocument.objects.count() == 1


def test_the_failures_table_names_each_file_and_its_problem(report):
    bad = make_bad_inputs(report.parent / "bad")
    result = CliRunner().invoke(app, ["ingest", str(bad["empty_file"].path), str(report)], env={"COLUMNS": "250"})
    assert result.exit_code == 1
    assert re.search(
        rf"│ {re.escape(str(bad['empty_file'].path))}\s*│ {re.escape(bad['empty_file'].message)}\s*│", result.output
    )


@pytest.fixture
def slow_pdf(tmp_path, shared):
    """The largest report's pages twelve times over: many seconds to read, far past a short
    timeout whatever the machine's load (the pool checks timeouts every tenth of a second or so)."""
    biggest = max(CORPUS.glob("*.pdf"), key=lambda p: p.stat().st_size)
    slow = pdfium.PdfDocument.new()
    source = pdfium.PdfDocument(biggest)
    for _ in range(12):
        slow.import_pages(source)
    path = tmp_path / "slow.pdf"
    slow.save(path)
    return path


def test_a_file_that_takes_too_long_is_stopped_and_reported(slow_pdf):
    outcome = ingest_files([slow_pdf], timeout=0.5)
    assert [(f.path, f.message) for f in outcome.failed] == [
        (
            slow_pdf,
            "slow.pdf: reading it took longer than the 0.5 seconds Inspire allows for one file, so it was "
            "stopped; it may be damaged or built to overload the server",
        )
    ]
    assert SourceDocument.objects.count() == 0


def test_reports_read_are_stored_while_a_slow_file_is_still_being_read(slow_pdf, report):
    """A file that takes long never holds back what was read before it: its batch is stored
    within about half a second, while that file is still being read."""
    files_left = {}  # for each file done, how many were still being read then
    with BatchRead([slow_pdf, report], workers=2, timeout=3) as reading:
        outcome = inspection_ingest(reading, on_file=lambda path: files_left.setdefault(path, reading.pending))
    assert report in outcome.stored
    assert files_left == {report: 1, slow_pdf: 0}  # (the slow file is stopped at 3 s, or stored if read by then)


def test_a_missing_path_exits_2_and_reads_nothing(report, tmp_path):
    result = ingest(str(report), str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert "nowhere: no such file or folder" in result.stderr
    assert SourceDocument.objects.count() == 0


def test_worker_processes_never_import_django():
    with ProcessPool(max_workers=1, context=worker_context()) as pool:
        # a builtin travels to the worker by name; the worker answers from its own sys.modules
        loaded = pool.schedule(
            eval, args=("sorted(m for m in __import__('sys').modules if m.split('.')[0] == 'django')",)
        )
        assert loaded.result(timeout=30) == []


def test_a_stored_report_under_a_name_claiming_another_format_is_refused_as_reading_refuses_it(shared, tmp_path):
    """A stored PDF copied as .docx: ``inspire read`` refuses it, so ingest must too (not call it
    "already stored" because its bytes are known)."""
    pdf = next(CORPUS.glob("*.pdf"))
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copyfile(pdf, folder / "report.pdf")
    assert ingest(str(folder)).exit_code == 0
    misnamed = folder / "report.docx"
    shutil.copyfile(pdf, misnamed)
    read = CliRunner().invoke(app, ["read", str(misnamed)])
    assert read.exit_code == 2 and "the file is named .docx but contains a PDF" in read.output
    result = ingest(str(misnamed))
    assert result.exit_code == 1, result.output
    assert summary(result.output) == {"Stored": 0, "Already stored": 0, "Failed": 1}
    (failure,) = ingest_files([misnamed], workers=1).failed
    assert failure.message == "report.docx: the file is named .docx but contains a PDF"


def test_allow_failures_exits_0_past_bad_files_but_2_for_a_missing_path(report, tmp_path):
    """What ``make run`` uses: the corpus's bad file must not stop it, a missing corpus must."""
    bad = make_bad_inputs(report.parent / "bad")
    result = ingest("--allow-failures", str(report.parent))
    assert result.exit_code == 0, result.output
    assert summary(result.output) == {"Stored": 1, "Already stored": 0, "Failed": len(bad) - 1}
    missing = ingest("--allow-failures", str(tmp_path / "nowhere"))
    assert missing.exit_code == 2 and "nowhere: no such file or folder" in missing.stderr


def _fresh_machine_env(data_dir) -> dict[str, str]:
    """The environment of a first run: the embedded database, in a data folder that does not exist yet."""
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "INSPIRE_SECRET_KEY", "DJANGO_SETTINGS_MODULE")
    }
    env["INSPIRE_DATA_DIR"] = str(data_dir)
    return env


def test_ingest_on_a_fresh_machine_creates_the_database_and_stores(report, tmp_path):
    data_dir = tmp_path / "new" / "var"
    run = subprocess.run(
        [sys.executable, "-m", "inspire", "ingest", str(report.parent)],
        cwd=ROOT,
        env=_fresh_machine_env(data_dir),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert summary(run.stdout) == {"Stored": 1, "Already stored": 0, "Failed": 0}
    with sqlite3.connect(data_dir / "inspire.sqlite3") as db:
        assert db.execute("select filename from inspections_sourcedocument").fetchall() == [("essex.txt",)]
        assert db.execute("select count(*) from inspections_authority").fetchone()[0] > 150


def test_setup_prepares_the_database(tmp_path):
    data_dir = tmp_path / "var"
    run = subprocess.run(
        [sys.executable, "-m", "inspire", "setup"],
        cwd=ROOT,
        env=_fresh_machine_env(data_dir),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (run.returncode, run.stdout) == (0, "The database is ready.\n"), run.stderr
    with sqlite3.connect(data_dir / "inspire.sqlite3") as db:
        names = {row[0] for row in db.execute("select name from inspections_authority")}
    assert {"Essex", "Southend-on-Sea", "East Sussex"} <= names


def test_what_is_stored_is_what_read_gives(shared):
    """Real PDFs through the worker processes: the stored record and pages equal a direct read's."""
    labels = corpus_labels()
    names = [next(row["report"] for row in labels if row["family"] == family) for family in ("sif", "ilacs")]
    paths = [CORPUS / name for name in names]
    outcome = ingest_files(paths)
    assert (sorted(outcome.stored), outcome.failed) == (sorted(paths), [])
    for path in paths:
        record = read_path(path)
        stored = Inspection.objects.get(document__filename=path.name)
        assert stored.record == record.to_json()
        assert stored.document.pages.count() == record.source.pages
        assert stored.judgements.count() == len(record.judgements)


def test_a_second_file_of_a_stored_inspection_is_added_as_a_second_source_and_said_so(shared, tmp_path):
    from tests.web.report_copies import copies, labelled_ilacs_pdf

    pdf = labelled_ilacs_pdf()
    folder = tmp_path / "one inspection"
    folder.mkdir()
    shutil.copyfile(pdf, folder / "report.pdf")
    first = ingest(str(folder / "report.pdf"))
    assert first.exit_code == 0, first.output
    (folder / "report.txt").write_bytes(copies(pdf)[".txt"])
    second = ingest(str(folder / "report.txt"))
    assert second.exit_code == 0, second.output
    assert summary(second.output) == {"Stored": 0, "Already stored": 0, "Failed": 0}
    assert re.search(r"│ Added as another source of a stored inspection\s*│ 1\s*│", second.output)
    inspection = Inspection.objects.get()
    assert f"report.txt: already stored as {inspection}; added as a second source.\n" in second.output
    assert inspection.sources.count() == 2 and SourceDocument.objects.count() == 2
