from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "inspire.web.accounts"
    label = "accounts"
    verbose_name = "People and permissions"
