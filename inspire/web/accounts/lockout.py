"""Sign-in lock-out (django-axes, configured by ``AXES_*`` in settings): the page a locked-out
sign-in gets, and the address failures are counted by."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def locked_out(
    request: HttpRequest, response: HttpResponse | None = None, credentials: dict | None = None
) -> HttpResponse:
    """The GOV.UK-styled lock-out page, in plain words, with HTTP 429 (Too Many Requests)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {"minutes": minutes, "failure_limit": settings.AXES_FAILURE_LIMIT}
    return render(request, "registration/locked_out.html", context, status=429)


def client_address(request: HttpRequest) -> str:
    """The address a sign-in came from. Behind a reverse proxy (``INSPIRE_BEHIND_PROXY``) every
    request comes from the proxy, so the client's address is the last one in ``X-Forwarded-For``
    (the one the proxy appended; earlier ones are the client's own claims, never trusted)."""
    if settings.INSPIRE_BEHIND_PROXY:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if forwarded:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR", "")
