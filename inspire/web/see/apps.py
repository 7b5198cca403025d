from django.apps import AppConfig


class SeeConfig(AppConfig):
    """The national and local picture: national page, search, exports, charts, the inspections API.
    No models of its own: it reads the ``inspections`` app's."""

    name = "inspire.web.see"
    label = "see"
    verbose_name = "National and local picture"
