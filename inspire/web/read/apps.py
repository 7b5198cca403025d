from django.apps import AppConfig


class InspectionsConfig(AppConfig):
    name = "inspire.web.inspections"
    label = "inspections"
    verbose_name = "Inspections"
