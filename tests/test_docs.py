"""The documentation keeps up with the code (after sqlite-utils' tests/test_docs.py): every command
and subcommand of ``inspire`` is named in README.md, every variable Inspire reads from the
environment is in the README's configuration table, and every ``pytest.raises`` in the tests
checks the message (``match=``)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import typer.main

from inspire.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(command, path: tuple[str, ...] = ()):
    """Every runnable command's words after ``inspire`` ("read", "plan deadline", ...)."""
    subcommands = getattr(command, "commands", None)
    if subcommands is None:
        yield " ".join(path)
        return
    for name, subcommand in subcommands.items():
        if not subcommand.hidden:
            yield from _commands(subcommand, (*path, name))


COMMANDS = sorted(_commands(typer.main.get_command(app)))


def _environment_variables() -> set[str]:
    """Names Inspire reads from the environment: ``os.environ.get("X")``, ``os.environ["X"]``,
    ``os.getenv("X")`` (``setdefault``, which only sets one, is not a read)."""
    pattern = re.compile(r"""(?:environ\.get\(|environ\[|getenv\()\s*["']([A-Z][A-Z0-9_]*)["']""")
    names: set[str] = set()
    for source in (ROOT / "inspire").rglob("*.py"):
        names.update(pattern.findall(source.read_text(encoding="utf-8")))
    return names


def _configuration_table() -> set[str]:
    section = README.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([A-Z][A-Z0-9_]*)` \|", section, re.M))


def test_the_walk_finds_the_commands():
    assert {"read", "ingest", "serve", "plan deadline", "indicators compute", "users add"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme(command):
    assert re.search(rf"\binspire {re.escape(command)}\b", README), f"README.md does not mention `inspire {command}`"


def test_every_environment_variable_is_in_the_configuration_table():
    read = _environment_variables()
    assert {"DATABASE_URL", "INSPIRE_DATA_DIR"} <= read  # the scan finds them
    assert read - _configuration_table() == set(), (
        "read from the environment but not in README.md's configuration table"
    )


def _raises_without_match(source: Path) -> list[int]:
    lines = []
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "raises"
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "pytest"
            and not any(keyword.arg == "match" for keyword in node.keywords)
        ):
            lines.append(node.lineno)
    return lines


def test_every_pytest_raises_checks_the_message():
    missing = {
        str(path.relative_to(ROOT)): lines
        for path in sorted((ROOT / "tests").rglob("*.py"))
        if (lines := _raises_without_match(path))
    }
    assert missing == {}, "pytest.raises without match= (check the message, not only the type)"
