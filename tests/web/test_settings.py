"""The product's own settings (not the tests'): only the names the product serves by default."""

import os
import subprocess
import sys


def test_default_allowed_hosts_are_local_names_only(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "INSPIRE_ALLOWED_HOSTS"}
    env.update(INSPIRE_DATA_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="inspire.web.settings")
    hosts = subprocess.run(
        [sys.executable, "-c", "from django.conf import settings; print(settings.ALLOWED_HOSTS)"],
        env=env, capture_output=True, text=True, check=True,
    ).stdout.strip()
    assert hosts == "['localhost', '127.0.0.1', '[::1]']"
