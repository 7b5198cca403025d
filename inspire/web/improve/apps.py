from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "inspire.web.plans"
    label = "plans"
    verbose_name = "Improvement plans"
