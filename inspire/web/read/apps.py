from django.apps import AppConfig


class InspectionsConfig(AppConfig):
    name = "inspire.web.read"
    label = "inspections"
    verbose_name = "Inspections"
