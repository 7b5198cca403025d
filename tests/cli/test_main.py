"""``python -m inspire``: a finished command leaves at once (``os._exit``), with its exit code and
all its output."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT, seed


def inspire(*args: str, tmp_path) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "INSPIRE_DATA_DIR": str(tmp_path / "var")}
    return subprocess.run(
        [sys.executable, "-m", "inspire", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_output_and_exit_code_0_survive_the_quick_exit(shared, tmp_path):
    run = inspire("read", "--json", str(seed("003")), tmp_path=tmp_path)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["family"] == "apa"  # the whole JSON, flushed


def test_a_failing_command_keeps_its_exit_code_and_message(tmp_path):
    page = tmp_path / "page.pdf"
    page.write_text("<html><body>Not found</body></html>")
    run = inspire("read", str(page), tmp_path=tmp_path)
    assert run.returncode == 2
    assert "page.pdf: the file is named .pdf but contains" in run.stderr


def test_an_ingest_with_a_failure_exits_1_after_its_summary(shared, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "essex.txt").write_bytes(seed("003").read_bytes())
    run = inspire("ingest", str(folder), tmp_path=tmp_path)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Stored" in run.stdout and "empty.pdf" in run.stdout


def test_the_command_line_loads_without_the_reader():
    """``inspire ingest`` hands files to workers whose server has loaded the reader; the parent
    starting them loads neither the frameworks nor Django first (they load while the workers read)."""
    code = (
        "import sys; import inspire.cli, inspire.cli.ingest; "
        "print(sorted(m for m in ('inspire.core.reading.reader', 'inspire.core.reading.frameworks', 'django.db') "
        "if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_a_reading_command_starts_the_workers_server_before_its_own_modules_load(monkeypatch):
    """The fork server loads the reader (about 0.3 s) while ``inspire ingest`` loads its command."""
    import inspire.__main__ as main_module

    started = []
    monkeypatch.setattr("inspire.core.limits.worker_server_start", lambda: started.append(True))
    monkeypatch.setattr(sys, "argv", ["inspire", "ingest", "--help"])
    monkeypatch.setattr(main_module, "_leave", lambda: None)
    try:
        main_module.main()
    except SystemExit as exit:
        assert exit.code in (0, None)
    assert started == [True]
    monkeypatch.setattr(sys, "argv", ["inspire", "--help"])
    started.clear()
    try:
        main_module.main()
    except SystemExit:
        pass
    assert started == []
