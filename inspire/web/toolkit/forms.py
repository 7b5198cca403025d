"""One small form layer: the named forms of a page.

A page with several forms (the plan page: a theme, an item, a person) posts each with its name
in a hidden input ``form``. Instead of an ``if form == ...`` chain, the page's module declares a
:class:`NamedForms` and one handler per name; the view validates and calls
:meth:`NamedForms.handle`, which gives an unknown name a 404. A handler reads its inputs through
the page's :class:`~inspire.web.toolkit.params.Params` (so messages keep the GOV.UK wording) and
calls a service; a service's ``ValidationError`` is shown against the inputs the form names in
``dates`` (a service's date field → the date input whose day box carries the message).
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import Http404

Handler = Callable[..., None]


class NamedForms:
    """A page's forms by name: ``@forms.form("theme")`` registers a handler; ``include`` adds
    another module's forms for the same page (the boards page's governance forms)."""

    def __init__(self) -> None:
        self._handlers: dict[str, Handler] = {}
        self._dates: dict[str, dict[str, str]] = {}

    def form(self, name: str, *, dates: dict[str, str] | None = None) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            if name in self._handlers:
                raise ValueError(f"two handlers for the form {name!r}")
            self._handlers[name] = handler
            if dates:
                self._dates[name] = dates
            return handler

        return register

    def include(self, other: NamedForms) -> None:
        for name, handler in other._handlers.items():
            self.form(name, dates=other._dates.get(name))(handler)

    def __contains__(self, name: str) -> bool:
        return name in self._handlers

    def dates(self, name: str) -> dict[str, str] | None:
        """The date inputs of form ``name`` by the service field they give (None: no dates)."""
        return self._dates.get(name)

    def handle(self, name: str, *args, **kwargs) -> None:
        """Run form ``name``'s handler; a name the page does not have is a 404 ("Unknown form")."""
        handler = self._handlers.get(name)
        if handler is None:
            raise Http404("Unknown form")
        handler(*args, **kwargs)
