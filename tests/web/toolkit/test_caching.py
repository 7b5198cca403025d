"""Page caching: served from the cache until the stored data changes; never for signed-in users."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.contrib.sessions.backends.db import SessionStore
from django.http import HttpResponse
from django.test import RequestFactory

from inspire.web.toolkit.caching import cached_page, data_version, forget_derived, per_data_version
from tests.web.factories import make_record, store

pytestmark = pytest.mark.django_db


calls = []


@cached_page
def counting_view(request):
    calls.append(request.get_full_path())
    return HttpResponse(f"call {len(calls)}")


def get(path, user=None, headers=None):
    request = RequestFactory().get(path, headers=headers or {})
    request.user = user or AnonymousUser()
    request.session = SessionStore()
    return counting_view(request)


def test_served_from_cache_until_the_data_changes(register):
    calls.clear()
    first = get("/page/?a=1")
    assert get("/page/?a=1").content == first.content == b"call 1"
    assert get("/page/?a=2").content == b"call 2"  # another query string is another page
    assert get("/page/?a=1", headers={"HX-Request": "true"}).content == b"call 3"  # the htmx fragment too
    before = data_version()
    store(make_record(authority="Essex", inspection_start=date(2019, 10, 7)))
    assert data_version() != before
    assert get("/page/?a=1").content == b"call 4"


def test_never_cached_for_signed_in_users(register):
    calls.clear()
    user = User.objects.create_user("reader", password="x")
    assert get("/page/", user=user).content == b"call 1"
    assert get("/page/", user=user).content == b"call 2"


def test_data_version_changes_when_another_file_of_a_stored_inspection_is_added(register):
    """The inspection page lists its files: a page kept from before would miss the new one."""
    from inspire.web.read.models import Inspection, InspectionSource

    first = store(make_record(authority="Essex", filename="essex.pdf"))
    before = data_version()
    again = store(make_record(authority="Essex", filename="essex-committee-paper.pdf"))
    assert again == first and Inspection.objects.count() == 1  # the same inspection, another source
    assert InspectionSource.objects.filter(inspection=first).count() == 2
    assert data_version() != before


kept = []


@per_data_version
def counting_rows(area):
    kept.append(area)
    return (area, len(kept))


def test_rows_kept_per_data_version_until_the_data_changes(register):
    kept.clear()
    assert counting_rows("overall") == ("overall", 1)
    assert counting_rows("overall") == ("overall", 1)  # the same data: not worked out again
    assert counting_rows("leadership") == ("leadership", 2)  # other arguments, other rows
    store(make_record(authority="Essex", inspection_start=date(2019, 10, 7)))
    assert counting_rows("overall") == ("overall", 3)
    forget_derived()
    assert counting_rows("overall") == ("overall", 4)


def test_national_picture_follows_the_data_at_any_as_at_date(register, client):
    """The national picture's rows are read once per version of the data: a report stored after a
    first visit is in the next one, on the same and on another date."""
    from inspire.web.see import national

    assert national.grade_distribution(as_at=date(2020, 6, 1)).national.total == 0
    store(make_record(authority="Essex", inspection_start=date(2019, 10, 7), judgements={"overall": "good"}))
    assert national.grade_distribution(as_at=date(2020, 6, 1)).national.count("good") == 1
    assert national.grade_distribution(as_at=date(2019, 1, 1)).national.total == 0
    waits = {w.authority.name: w.days for w in national.time_since_last_inspection(as_at=date(2020, 10, 18))}
    assert waits["Essex"] == 366 and waits["Kent"] is None


def test_rows_kept_per_data_version_are_read_again_after_the_page_timeout(register, monkeypatch):
    """A change the data version cannot see (the register renaming an authority: no row added)
    shows once the kept rows are as old as a cached page may be."""
    from inspire.web.toolkit import caching

    kept.clear()
    assert counting_rows("overall") == ("overall", 1)
    later = caching.time.monotonic() + caching.PAGE_TIMEOUT
    monkeypatch.setattr(caching.time, "monotonic", lambda: later)
    assert counting_rows("overall") == ("overall", 2)


def test_a_page_reads_the_data_version_once(register):
    """Rows kept per data version check it on every use; within a page (a GET view under
    ``cached_page``) the version read for the page's key serves them all: one query, not one a use."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    @cached_page
    def page_using_rows(request):
        counting_rows("overall"), counting_rows("leadership"), counting_rows("overall")
        return HttpResponse(data_version())

    kept.clear()
    request = RequestFactory().get("/rows/")
    request.user, request.session = AnonymousUser(), SessionStore()
    with CaptureQueriesContext(connection) as queries:
        response = page_using_rows(request)
    versions = [q for q in queries.captured_queries if "COUNT" in q["sql"] and "MAX" in q["sql"]]
    assert len(versions) == 1
    assert response.content.decode() == data_version()
    assert kept == ["overall", "leadership"]
