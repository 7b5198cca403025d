"""Reading tests: the corpus accuracy table, printed at the end of the run.

A test hands the table over as a user property of its report, so it reaches the terminal
summary from a pytest-xdist worker too, and whether output is captured or not.
"""

from __future__ import annotations

import pytest

_PROPERTY = "corpus accuracy"
_TABLES: list[str] = []


@pytest.fixture
def corpus_summary(request):
    """Call with the accuracy table to have it printed in the terminal summary."""

    def keep(table: str) -> None:
        request.node.user_properties.append((_PROPERTY, table))

    return keep


def pytest_runtest_logreport(report):
    if report.when == "call":
        _TABLES.extend(value for name, value in report.user_properties if name == _PROPERTY)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    for table in _TABLES:
        terminalreporter.section("corpus accuracy (tests/core/reading/test_corpus.py)")
        terminalreporter.write_line(table)
