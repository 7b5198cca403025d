"""The product's own settings (not the tests'): only the names the product serves by default."""

import os
import subprocess
import sys
from pathlib import Path


def test_default_allowed_hosts_are_local_names_only(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "INSPIRE_ALLOWED_HOSTS"}
    env.update(INSPIRE_DATA_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="inspire.web.settings")
    hosts = subprocess.run(
        [sys.executable, "-c", "from django.conf import settings; print(settings.ALLOWED_HOSTS)"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert hosts == "['localhost', '127.0.0.1', '[::1]']"


def product_env(tmp_path, **extra) -> dict[str, str]:
    """The environment of a fresh installation: the product's settings, nothing of the tests'."""
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("INSPIRE_", "DJANGO_")) and k != "DATABASE_URL"
    }  # (browser tests set DJANGO_*)
    env.update(INSPIRE_DATA_DIR=str(tmp_path / "data"), DJANGO_SETTINGS_MODULE="inspire.web.settings", **extra)
    return env


def test_check_deploy_gives_no_warning_under_production_settings(tmp_path):
    """HTTPS (HSTS, Secure session and CSRF cookies, redirect), a real secret key, DEBUG off:
    on main this warned W004, W008, W012 and W016."""
    env = product_env(
        tmp_path,
        INSPIRE_HTTPS="1",
        INSPIRE_BEHIND_PROXY="1",
        INSPIRE_ALLOWED_HOSTS="inspire.example.gov.uk",
        INSPIRE_SECRET_KEY="k" + os.urandom(40).hex(),
    )
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_https_is_the_default_of_a_shared_installation(tmp_path):
    env = product_env(tmp_path, DATABASE_URL="postgres://inspire@localhost/inspire", INSPIRE_SECRET_KEY="x" * 60)
    shown = subprocess.run(
        [
            sys.executable,
            "-c",
            "from django.conf import settings as s; print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
            "s.SECURE_HSTS_SECONDS, s.SECURE_SSL_REDIRECT, s.SECURE_PROXY_SSL_HEADER)",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert shown == ["True", "True", "31536000", "True", "None"]  # the proxy header only when told there is one


def test_the_data_folder_database_and_key_are_private(tmp_path):
    """Data folder 0700; the database (password hashes, sessions) and the secret key 0600, also
    once migrated (on main the database was 0644)."""
    env = product_env(tmp_path)
    subprocess.run(
        [sys.executable, "-m", "inspire", "setup"],
        env=env,
        check=True,
        capture_output=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    data = tmp_path / "data"
    modes = {path.name: oct(path.stat().st_mode & 0o777) for path in [data, *data.iterdir()]}
    assert modes["data"] == "0o700"
    assert modes["secret_key"] == modes["inspire.sqlite3"] == "0o600"
    assert all(mode == "0o600" for name, mode in modes.items() if name.startswith("inspire.sqlite3")), modes


def test_the_page_cache_can_be_turned_off_for_measuring(tmp_path):
    """``INSPIRE_PAGE_CACHE=0`` (benchmarks/web.py --uncached): every page rendered every time."""
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    backends = [
        subprocess.run(
            [sys.executable, "-c", code], env=product_env(tmp_path, **extra), capture_output=True, text=True, check=True
        ).stdout.strip()
        for extra in ({}, {"INSPIRE_PAGE_CACHE": "0"})
    ]
    assert backends == ["django.core.cache.backends.locmem.LocMemCache", "django.core.cache.backends.dummy.DummyCache"]
