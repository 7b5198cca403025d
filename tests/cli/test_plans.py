from typer.testing import CliRunner

from inspire.cli import app
from tests.core.plans.seed_docs import seed_004_docx

runner = CliRunner()


def test_deadline():
    result = runner.invoke(app, ["plan", "deadline", "2016-07-07"])
    assert result.exit_code == 0
    assert result.output.startswith("14 October 2016 (70 working days after 7 July 2016")


def test_deadline_bad_date():
    result = runner.invoke(app, ["plan", "deadline", "7/7/2016"])
    assert result.exit_code == 2
    assert "'7/7/2016' is not a date" in result.output


def test_word(tmp_path):
    path = tmp_path / "plan.docx"
    path.write_bytes(seed_004_docx())
    result = runner.invoke(app, ["plan", "word", str(path)])
    assert result.exit_code == 0
    assert result.output.startswith("14 items, ")
    assert "3 risks" in result.output.splitlines()[0]
    assert "Check: recommendation 1, action 2: 8 milestones but 6 target dates" in result.output


def test_word_refuses_other_files(tmp_path):
    path = tmp_path / "notes.docx"
    path.write_bytes(b"not a word file")
    result = runner.invoke(app, ["plan", "word", str(path)])
    assert result.exit_code == 2
    assert "notes.docx: the file is not a Word document" in result.output
