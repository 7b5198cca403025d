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
def stored(register):
    store(make_record(authority="Essex", family="sif", inspection_start=date(2014, 1, 6), judgements={"overall": "requires_improvement", "lscb": "good"}))
    store(make_record(authority="Essex", family="ilacs", judgements={"overall": "outstanding"}, recommendations=[("la", "Improve private fostering.")]), pages=["Private fostering in Essex."])
    store(make_record(authority="Kent", family="ilacs_2026", inspection_start=date(2026, 5, 4), inspection_end=date(2026, 5, 15), judgements={"help_and_protection": "good"}))


@pytest.mark.django_db
@pytest.mark.slow
@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case, stored):
    case.call_and_validate()
