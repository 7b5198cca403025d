"""The JSON API (django-ninja), mounted at ``/api/``; its OpenAPI schema is ``/api/openapi.json``.

Reads only. List endpoints take ``limit`` (1-100) and ``offset`` and answer
``{"count", "limit", "offset", "items"}``. Every error, here and in the plans router, has one
shape, ``toolkit.errors.ErrorOut``: ``{"detail": "what is wrong", "hint": "what to do" (when there
is one), "errors": [{"location": "query.limit", "message": "..."}]}`` — 404 for unknown
authorities and ids, 422 for query parameters that are not valid and for any application error
(``InspireError``, mapped here once).

One module per concern: ``schemas`` (shared types and response shapes), ``records`` (authorities,
inspections, judgements, recommendations), ``search``, ``national`` (distribution, transitions,
time since inspection); ``see.api_picture`` adds the national picture's newer parts.
"""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

from inspire.core.errors import FieldError, InspireError
from inspire.web.see.api import national, records, search
from inspire.web.toolkit.errors import error_body, inspire_error_body


class _InspireAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation) -> str:
        """Operation ids as they were when every endpoint was in one module, ``see/api.py``, so that
        clients generated from the schema keep their method names."""
        module = operation.view_func.__module__
        if module.startswith(f"{__name__}."):
            module = __name__
        return f"{module}_{operation.view_func.__name__}".replace(".", "_")


api = _InspireAPI(
    title="Inspire API",
    version="1",
    description="Ofsted inspections of English local authority children's services: authorities, "
    "inspections, judgements, recommendations, full-text search and the national picture.",
    urls_namespace="api",
)


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, exc: ValidationError):
    errors = [
        FieldError(".".join(str(part) for part in e.get("loc", ())), e.get("msg", "is not valid")) for e in exc.errors
    ]
    summary = "; ".join(str(e) for e in errors)
    return api.create_response(request, error_body(f"Invalid request: {summary}", errors=errors), status=422)


@api.exception_handler(InspireError)
def _inspire_error(request: HttpRequest, exc: InspireError):
    return api.create_response(request, inspire_error_body(exc), status=422)


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError):
    return api.create_response(request, error_body(str(exc)), status=exc.status_code)


@csrf_exempt  # it changes nothing, so a POST to a wrong address gets this 404, not the CSRF page
def not_found(request: HttpRequest) -> JsonResponse:
    """Any ``/api/`` address no endpoint answers (e.g. a non-number where an id goes): a JSON 404
    in the API's error shape rather than the HTML page."""
    return JsonResponse(error_body(f"No API endpoint answers {request.path}"), status=404)


# the order the endpoints had in the one module (and so in the schema)
api.add_router("/", records.router)
api.add_router("/", search.router)
api.add_router("/", national.router)
