"""The small form layer (``toolkit/forms.py``): a page's named forms, each handled by its own
function; an unknown name is a 404, never a silent success."""

from __future__ import annotations

import pytest
from django.http import Http404

from inspire.web.toolkit.forms import NamedForms


def test_each_name_runs_its_own_handler_and_an_unknown_one_is_a_404():
    forms, ran = NamedForms(), []

    @forms.form("theme")
    def theme(value):
        ran.append(("theme", value))

    @forms.form("item", dates={"target_date": "target"})
    def item(value):
        ran.append(("item", value))

    forms.handle("item", 1)
    forms.handle("theme", 2)
    assert ran == [("item", 1), ("theme", 2)]
    assert forms.dates("item") == {"target_date": "target"} and forms.dates("theme") is None
    with pytest.raises(Http404, match="^Unknown form$"):
        forms.handle("", 3)
    assert ran == [("item", 1), ("theme", 2)]


def test_included_forms_join_the_page_and_a_name_is_never_taken_twice():
    page, extra = NamedForms(), NamedForms()
    page.form("board")(lambda: None)
    extra.form("terms", dates={"due": "due"})(lambda: None)
    page.include(extra)
    assert "terms" in page and "board" in page and page.dates("terms") == {"due": "due"}
    with pytest.raises(ValueError, match="two handlers for the form 'board'"):
        page.include(page)
