"""Start Django outside a web server (for the CLI), once."""

from __future__ import annotations

import os


def setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inspire.web.settings")
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()
