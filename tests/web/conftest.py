"""Fixtures for tests/web (pytest-django takes its settings module from pyproject.toml)."""

from __future__ import annotations

import pytest


@pytest.fixture
def register(db):
    """Every authority of the register in the database."""
    from inspire.web.inspections.services import register_sync

    register_sync()
