"""Property-based test of the API from its own OpenAPI schema (schemathesis): no server errors,
responses as documented, for generated valid and invalid requests, with reports stored."""

from __future__ import annotations

from datetime import date

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from inspire.web.wsgi import application
from tests.web.factories import make_record, store

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)


@pytest.fixture
def direct_wsgi():
    """Keep the test's database connection across WSGI requests, as Django's test client does
    (otherwise the end of each request closes it inside the test's transaction)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def stored(register, direct_wsgi):
    store(
        make_record(
            authority="Essex",
            family="sif",
            inspection_start=date(2014, 1, 6),
            judgements={"overall": "requires_improvement", "lscb": "good"},
        )
    )
    store(
        make_record(
            authority="Essex",
            family="ilacs",
            judgements={"overall": "outstanding"},
            recommendations=[("la", "Improve private fostering.")],
        ),
        pages=["Private fostering in Essex."],
    )
    store(
        make_record(
            authority="Kent",
            family="ilacs_2026",
            inspection_start=date(2026, 5, 4),
            inspection_end=date(2026, 5, 15),
            judgements={"help_and_protection": "good"},
        )
    )


@pytest.mark.django_db
@pytest.mark.slow
@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case, stored):
    case.call_and_validate()
