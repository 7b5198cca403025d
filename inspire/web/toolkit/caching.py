"""Caching of read-only pages, invalidated by the stored data itself.

Every key carries :func:`data_version`, which changes whenever a report is stored or removed or the
register changes, so a cached page is never older than the data: no timeouts to tune, no signals to
forget. Only anonymous GET requests with no pending messages are cached (so nothing personal — a
user's name, a CSRF token, a "report stored" message — is ever served to someone else).
"""

from __future__ import annotations

import functools
import hashlib
import threading
import time
from contextvars import ContextVar

from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from inspire.web.read.models import Authority, Inspection, InspectionSource

#: Seconds a page may stay cached while the data is unchanged (bounds the cache's memory use).
PAGE_TIMEOUT = 600


def data_version() -> str:
    """Changes whenever an inspection or another file of one is stored, an inspection is deleted or
    merged, or the register is synchronised.

    Ids are never reused (SQLite AUTOINCREMENT, PostgreSQL sequences), so count and largest id
    change on every insert or delete; both come from the primary-key index, without reading the
    rows (an inspection row holds its whole record). One query, asked once per page: within a view
    under :func:`cached_page` (GET, which writes nothing) the version read for its key is used.
    """
    known = _page_version.get()
    if known is not None:
        return known
    with connection.cursor() as cursor:
        cursor.execute(_version_sql())
        return ".".join(str(value) for value in cursor.fetchone())


#: the data version of the page being made (set by ``cached_page`` while its view runs)
_page_version: ContextVar[str | None] = ContextVar("inspire_page_data_version", default=None)


@functools.cache
def _version_sql() -> str:
    quote = connection.ops.quote_name
    parts = [
        f"(SELECT {aggregate}({quote('id')}) FROM {quote(model._meta.db_table)})"
        for model in (Inspection, InspectionSource, Authority)
        for aggregate in ("COUNT", "MAX")
    ]
    return "SELECT " + ", ".join(parts)


#: every ``per_data_version`` memo, for :func:`forget_derived`
_memos: list[dict] = []


def per_data_version(function):
    """Keep ``function``'s results (by its positional arguments) in this process until the stored
    data changes (:func:`data_version`): for rows a page works out its figures from, whatever date
    or filter it is asked for (the national picture reads them once, not on every as-at date).
    A result is also read again after :data:`PAGE_TIMEOUT` seconds, as a cached page is: a change
    the version cannot see (the register renaming an authority) shows as soon as it would there.
    Callers must not change what it returns."""
    memo: dict[tuple, tuple[float, object]] = {}
    lock = threading.Lock()
    _memos.append(memo)

    @functools.wraps(function)
    def wrapper(*args):
        key = (data_version(), args)  # read before the rows: what is kept is never older than its key
        now = time.monotonic()
        kept = memo.get(key)
        if kept is not None and now - kept[0] < PAGE_TIMEOUT:
            return kept[1]
        value = function(*args)
        with lock:
            for old in [k for k in memo if k[0] != key[0]]:
                del memo[old]
            memo[key] = (now, value)
        return value

    return wrapper


def forget_derived() -> None:
    """Empty every ``per_data_version`` memo (tests roll back, so two tests' data can share a version)."""
    for memo in _memos:
        memo.clear()


def _cacheable(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.user.is_authenticated
        and "messages" not in request.COOKIES
        and not request.session.get("_messages")
    )


def cached_page(view):
    """Serve ``view``'s successful anonymous GET responses from the cache until the data changes."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        version = data_version()
        token = _page_version.set(version)  # the rows the view reads (``per_data_version``) check it once
        try:
            if not _cacheable(request):
                return view(request, *args, **kwargs)
            # today's date too: pages default to "as at today"
            variant = (
                f"{version}|{timezone.localdate()}|{request.headers.get('HX-Request', '')}|{request.get_full_path()}"
            )
            key = f"inspire:page:{view.__module__}.{view.__name__}:{hashlib.sha256(variant.encode()).hexdigest()}"
            response = cache.get(key)
            if response is None:
                response = view(request, *args, **kwargs)
                if response.status_code == 200 and not response.streaming and not response.cookies:
                    if hasattr(response, "render") and callable(response.render):
                        response.render()
                    cache.set(key, response, PAGE_TIMEOUT)
            return response
        finally:
            _page_version.reset(token)

    return wrapper
