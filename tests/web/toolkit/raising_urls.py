"""Inspire's addresses plus one view that raises an application error, for tests/web/toolkit/test_errors.py."""

from django.urls import path

from inspire.core.errors import FieldError, PlanImportError
from inspire.web.urls import urlpatterns as inspire_urlpatterns


def raising_view(request):
    raise PlanImportError(
        "the file is not a Word document (.docx), an Excel workbook (.xlsx) or a CSV file",
        hint="Save the plan from Word as a Word document (.docx).",
        errors=[FieldError("Items, row 2, column owner", "is blank; it is required")],
    )


urlpatterns = [path("raises/", raising_view), *inspire_urlpatterns]
