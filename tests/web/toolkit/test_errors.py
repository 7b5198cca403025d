"""The application error family mapped once for the web: the GOV.UK 400 page for an InspireError a
view does not handle, the API's one JSON error shape; and no error class outside the family."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import inspire
from inspire.core.errors import FieldError, InspireError
from inspire.web.toolkit.errors import error_body, inspire_error_body

#: Exceptions that are not about a person's input: guards against misuse of the code, control flow
#: inside one module, or a server that cannot do something. They are not part of the family.
NOT_USER_ERRORS = {
    "inspire.web.improve.models.AppendOnlyError",  # a saved progress update or override is never rewritten
    "inspire.web.see.search.SearchUnavailable",  # a database without full-text search
    "inspire.core.indicators.annex_a.values.BadValue",  # collected as a row problem, never raised out
    "inspire.core.indicators.annex_a.formulas.Unsupported",  # a formula left to its cached value
    # a save over a newer version: answered with the stored object and the changes since (409 in
    # the API, the conflict page), never as a plain message
    "inspire.web.improve.audit.EditConflict",
    "inspire.web.improve.api.Conflict",  # carries that 409 answer out of a PATCH
}


def _exception_classes():
    for module_info in pkgutil.walk_packages(inspire.__path__, "inspire."):
        name = module_info.name
        if ".migrations" in name or name.endswith("__main__") or name.startswith("inspire.web.wsgi"):
            continue
        module = importlib.import_module(name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == name and issubclass(cls, Exception):
                yield f"{name}.{cls.__qualname__}", cls


def test_every_error_class_is_in_the_family():
    classes = dict(_exception_classes())
    assert "inspire.core.plans.rag.PolarityError" in classes  # the walk reaches the modules
    outside = sorted(name for name, cls in classes.items() if not issubclass(cls, InspireError))
    assert outside == sorted(NOT_USER_ERRORS)


@pytest.mark.urls("tests.web.toolkit.raising_urls")
def test_an_application_error_from_a_view_is_the_govuk_400_page(client, db):
    response = client.get("/raises/")
    assert response.status_code == 400
    html = response.content.decode()
    assert "<title>There is a problem with the request" in html and 'class="govuk-heading-xl"' in html
    assert '<p class="govuk-body" id="error-message">The file is not a Word document (.docx), an Excel workbook' in html
    assert "<li>Items, row 2, column owner: is blank; it is required</li>" in html
    assert (
        '<div class="govuk-inset-text" id="error-hint">Save the plan from Word as a Word document (.docx).</div>'
        in html
    )


def test_the_plain_400_page_is_unchanged():
    from django.template.loader import render_to_string

    html = render_to_string("400.html")
    assert "The address or form had something Inspire could not use." in html and "error-message" not in html


def test_the_api_error_shape():
    assert error_body("No plan 3") == {"detail": "No plan 3", "errors": []}
    error = InspireError("rows are wrong", hint="Correct them.", errors=[FieldError("body.status", "is not a status")])
    assert inspire_error_body(error) == {
        "detail": "rows are wrong",
        "hint": "Correct them.",
        "errors": [{"location": "body.status", "message": "is not a status"}],
    }


def test_every_api_error_response_is_the_one_schema(client, register):
    schema = client.get("/api/openapi.json").json()
    refs = {
        response["content"]["application/json"]["schema"]["$ref"]
        for operations in schema["paths"].values()
        for operation in operations.values()
        for status, response in operation["responses"].items()
        if status.startswith(("4", "5"))
    }
    # a PATCH's 409 (ConflictOut) is the one shape plus the object as stored and the changes since
    assert refs == {"#/components/schemas/ErrorOut", "#/components/schemas/ConflictOut"}
    error_out = schema["components"]["schemas"]["ErrorOut"]
    assert set(error_out["properties"]) == {"detail", "hint", "errors"} and error_out["required"] == ["detail"]
    assert {"detail", "hint", "errors"} <= set(schema["components"]["schemas"]["ConflictOut"]["properties"])
    assert set(schema["components"]["schemas"]["FieldErrorOut"]["properties"]) == {"location", "message"}
