from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "inspire.web.indicators"
    label = "indicators"
    verbose_name = "Performance indicators"
    default_auto_field = "django.db.models.BigAutoField"
