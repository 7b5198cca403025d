"""Caching of read-only pages, invalidated by the stored data itself.

Every key carries :func:`data_version`, which changes whenever a report is stored or removed or the
register changes, so a cached page is never older than the data: no timeouts to tune, no signals to
forget. Only anonymous GET requests with no pending messages are cached (so nothing personal — a
user's name, a CSRF token, a "report stored" message — is ever served to someone else).
"""

from __future__ import annotations

import functools
import hashlib

from django.core.cache import cache
from django.db.models import Count, Max
from django.utils import timezone

from inspire.web.read.models import Authority, Inspection

#: Seconds a page may stay cached while the data is unchanged (bounds the cache's memory use).
PAGE_TIMEOUT = 600


def data_version() -> str:
    """Changes whenever an inspection is stored or deleted, or the register is synchronised.

    Ids are never reused (SQLite AUTOINCREMENT, PostgreSQL sequences), so count and largest id
    change on every insert or delete; both come from the primary-key index, without reading the
    rows (an inspection row holds its whole record).
    """
    inspections = Inspection.objects.aggregate(n=Count("id"), last=Max("id"))
    authorities = Authority.objects.aggregate(n=Count("id"), last=Max("id"))
    return f"{inspections['n']}.{inspections['last']}.{authorities['n']}.{authorities['last']}"


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
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        # today's date too: pages default to "as at today"
        variant = (
            f"{data_version()}|{timezone.localdate()}|{request.headers.get('HX-Request', '')}|{request.get_full_path()}"
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

    return wrapper
