"""Page caching: served from the cache until the stored data changes; never for signed-in users."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.contrib.sessions.backends.db import SessionStore
from django.http import HttpResponse
from django.test import RequestFactory

from inspire.web.toolkit.caching import cached_page, data_version
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
