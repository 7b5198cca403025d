from django.apps import AppConfig


class ToolkitConfig(AppConfig):
    """The shared web toolkit every app may import; an app only so that its template tags load."""

    name = "inspire.web.toolkit"
    label = "toolkit"
    verbose_name = "Web toolkit"
