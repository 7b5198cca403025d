"""Fixtures for tests/web (pytest-django takes its settings module from pyproject.toml)."""

from __future__ import annotations

import pytest


@pytest.fixture
def register(db):
    """Every authority of the register in the database."""
    from inspire.web.read.services import register_sync

    register_sync()


@pytest.fixture(autouse=True)
def empty_page_cache():
    """Each test starts with an empty cache and no rows kept per data version: rolled-back tests
    reuse ids, so two tests' data can share a data version (``caching.data_version``) while differing."""
    from django.core.cache import cache

    from inspire.web.toolkit.caching import forget_derived

    cache.clear()
    forget_derived()
