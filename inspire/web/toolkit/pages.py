"""Pages that htmx updates in part: one URL serves the whole page, or for an htmx request
(``HX-Request``) just the part that changes; without JavaScript the same forms work as plain GET requests."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true" and request.headers.get("HX-Boosted") != "true"


def partial_page(
    request: HttpRequest, template: str, fragment: str, context: dict, *, status: int = 200
) -> HttpResponse:
    """The whole page, or for htmx just ``fragment`` (a template the page includes)."""
    htmx = is_htmx(request)
    response = render(request, fragment if htmx else template, {**context, "htmx": htmx}, status=status)
    patch_vary_headers(response, ["HX-Request"])
    return response
