"""Reading tests: the corpus accuracy table, printed at the end of the session."""

from __future__ import annotations

import pytest

_SUMMARY = pytest.StashKey[str]()


@pytest.fixture
def corpus_summary(request):
    """Call with the accuracy table: it is printed in the terminal summary, captured output or not."""

    def keep(table: str) -> None:
        request.config.stash[_SUMMARY] = table

    return keep


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    table = config.stash.get(_SUMMARY, None)
    if table:
        terminalreporter.section("corpus accuracy (tests/core/reading/test_corpus.py)")
        terminalreporter.write_line(table)
