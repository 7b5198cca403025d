from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "inspire.web.measure"
    label = "indicators"
    verbose_name = "Performance indicators"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from inspire.web.measure.services import on_inspections_stored
        from inspire.web.read.signals import inspections_stored

        inspections_stored.connect(on_inspections_stored, dispatch_uid="indicators-report-figures")
