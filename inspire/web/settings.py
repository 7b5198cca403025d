"""One settings module. SQLite by default; PostgreSQL (or any database) by ``DATABASE_URL``.

Environment:
- ``DATABASE_URL``: e.g. ``postgres://user:pass@localhost:5432/inspire``; default SQLite at
  ``$INSPIRE_DATA_DIR/inspire.sqlite3``.
- ``INSPIRE_DATA_DIR``: where the embedded database lives (default ``./var``).
- ``INSPIRE_SECRET_KEY``: required with ``DATABASE_URL`` (start-up stops without it); the embedded
  installation otherwise keeps a random key in ``$INSPIRE_DATA_DIR/secret_key``.
- ``INSPIRE_DEBUG``: ``1`` for development (the default for ``inspire serve --dev`` and tests).
- ``INSPIRE_ALLOWED_HOSTS``: comma-separated host names (default: localhost names).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("INSPIRE_DATA_DIR", "var")).resolve()

DEBUG = os.environ.get("INSPIRE_DEBUG", "0") == "1"
SECRET_KEY = os.environ.get("INSPIRE_SECRET_KEY", "")
if not SECRET_KEY:
    if os.environ.get("DATABASE_URL"):
        # a shared (multi-user) installation: its secret is configured, never made up
        raise ImproperlyConfigured("INSPIRE_SECRET_KEY must be set when DATABASE_URL is set")
    # the embedded single-machine installation keeps its own random key beside its database
    _key_file = DATA_DIR / "secret_key"
    if not _key_file.exists():
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        _key_file.write_text(secrets.token_urlsafe(50))
        _key_file.chmod(0o600)
    SECRET_KEY = _key_file.read_text().strip()

ALLOWED_HOSTS = [h for h in os.environ.get("INSPIRE_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # django-ninja as an app: /api/docs then serves the Swagger UI files bundled with the pinned
    # django-ninja from Inspire's own static files, not from a CDN
    "ninja",
    # the shared web toolkit (params, uploads, caching, labels, the ``inspire`` template tags), then
    # one app per part of the product; each keeps its original label, so tables and migrations stay
    "inspire.web.toolkit",
    "inspire.web.read",  # label "inspections"
    "inspire.web.see",
    "inspire.web.improve",  # label "plans"
    "inspire.web.measure",  # label "indicators"
    "inspire.web.accounts",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "inspire.web.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "inspire.web.toolkit.context_processors.navigation",
            ],
        },
    },
]

WSGI_APPLICATION = "inspire.web.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'inspire.sqlite3'}",
        conn_max_age=int(os.environ.get("INSPIRE_DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers (the web pages) carry on while an ingest writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The page cache (toolkit/caching.py): in each server process, up to 1,000 pages (≈ 40 MB at
# ≈ 40 KB a page); its keys carry the stored data's version, so nothing outlives the data.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 1000}}}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

#: The largest upload accepted (bytes); the reader's own limit is the same.
INSPIRE_MAX_UPLOAD_BYTES = 50 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
FILE_UPLOAD_HANDLERS = [
    "inspire.web.toolkit.uploads.SizeLimitUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
