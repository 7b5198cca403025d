"""Pages ask the database a fixed number of questions, however much is stored: the count of
queries for a page is the same with three authorities' inspections as with six (an N+1 pattern —
a query per row — makes it grow). Counted without the page cache."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from inspire.web.read.models import Authority, Inspection, Recommendation
from tests.web.factories import make_record, store

pytestmark = pytest.mark.django_db

AUTHORITIES = ("Barnet", "Essex", "Kent", "Leeds", "Wigan", "Derby")
MISSING = "Ensure that children who go missing are offered a return home interview"


def _store(authority: str, n: int) -> None:
    """Two full inspections of ``authority`` with similar recommendations, the second graded again."""
    store(
        make_record(
            authority=authority,
            family="sif",
            inspection_start=date(2014, 1, 10 + n),
            inspection_end=date(2014, 2, 10 + n),
            published=date(2014, 3, 10 + n),
            judgements={"overall": "requires_improvement", "leadership": "good"},
            recommendations=[
                ("la", f"{MISSING} ({authority})."),
                ("la", "Improve the recruitment and retention of social workers."),
            ],
        )
    )
    store(
        make_record(
            authority=authority,
            inspection_start=date(2019, 5, 1 + n),
            inspection_end=date(2019, 5, 12 + n),
            judgements={
                "overall": "good",
                "leadership": "good",
                "help_and_protection": "good",
                "children_in_care": "good",
            },
            recommendations=[("la", f"The quality of return home interviews for missing children ({authority}).")],
        )
    )


def _queries(client, url: str) -> int:
    with override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries)


def _pages() -> list[str]:
    essex = Authority.objects.get(name="Essex")
    recommendation = Recommendation.objects.filter(inspection__authority=essex).order_by("id").first()
    inspection = Inspection.objects.filter(authority=essex).order_by("id").first()
    return [
        "/authorities/",
        f"/authorities/{essex.slug}/",
        f"/inspections/{inspection.pk}/",
        "/national/?as-at-day=1&as-at-month=1&as-at-year=2024",
        "/national/authorities/?as-at-day=1&as-at-month=1&as-at-year=2024&grade=good",
        "/national/official/?as-at-day=31&as-at-month=3&as-at-year=2024",
        "/national/reconciliation/",
        "/themes/",
        "/themes/missing_return_interviews/",
        f"/recommendations/{recommendation.pk}/similar/",
        "/search/?q=return+home+interviews",
        "/",
    ]


def test_no_page_asks_more_questions_when_more_is_stored(client, register):
    for n, authority in enumerate(AUTHORITIES[:3]):
        _store(authority, n)
    pages = _pages()
    fewer = {url: _queries(client, url) for url in pages}
    for n, authority in enumerate(AUTHORITIES[3:], start=3):
        _store(authority, n)
    more = {url: _queries(client, url) for url in pages}
    assert more == fewer
