"""The application error family (``inspire.core.errors.InspireError``) mapped once for the web:

- the API's one JSON error shape, :class:`ErrorOut` — ``{"detail": "what is wrong",
  "hint": "what to do" (only when there is one), "errors": [{"location", "message"}]}`` — used by
  every endpoint, its 404s and 422s and the JSON 404 for addresses no endpoint answers
  (``error_body``);
- a GOV.UK error page: an InspireError a view does not handle itself (a form shows its own errors
  in its error summary) becomes a 400 page with the message, each fault and the hint
  (:class:`InspireErrorMiddleware`, ``templates/400.html``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from ninja import Field, Schema

from inspire.core.errors import FieldError, InspireError


class FieldErrorOut(Schema):
    location: str = Field(description="Where: 'query.limit', 'path.inspection_id', 'body.status'...")
    message: str


class ErrorOut(Schema):
    """The API's one error shape."""

    detail: str = Field(description="What is wrong, in plain words")
    hint: str | None = Field(None, description="What to do about it; present only when there is something to say")
    errors: list[FieldErrorOut] = Field([], description="One entry per faulty field or row; empty when there is none")


def error_body(detail: str, hint: str = "", errors: Iterable[FieldError] = ()) -> dict:
    """The API's error shape as a dict (``hint`` left out when empty)."""
    body: dict = {"detail": detail}
    if hint:
        body["hint"] = hint
    body["errors"] = [{"location": e.location, "message": e.message} for e in errors]
    return body


def inspire_error_body(error: InspireError) -> dict:
    return error_body(str(error), error.hint, error.errors)


def error_page(request: HttpRequest, error: InspireError, *, status: int = 400) -> HttpResponse:
    """The GOV.UK error page for an application error: its message, faults and hint."""
    message = str(error)
    context = {
        "message": message[:1].upper() + message[1:],
        "hint": error.hint,
        "errors": [str(e) for e in error.errors],
    }
    return render(request, "400.html", context, status=status)


class InspireErrorMiddleware:
    """An InspireError raised from a view (and not handled there) becomes the GOV.UK 400 page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, InspireError):
            return error_page(request, exception)
        return None
