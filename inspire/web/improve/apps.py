from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "inspire.web.improve"
    label = "plans"
    verbose_name = "Improvement plans"
