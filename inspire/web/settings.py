"""One settings module. SQLite by default; PostgreSQL (or any database) by ``DATABASE_URL``.

Environment:
- ``DATABASE_URL``: e.g. ``postgres://user:pass@localhost:5432/inspire``; default SQLite at
  ``$INSPIRE_DATA_DIR/inspire.sqlite3``.
- ``INSPIRE_DATA_DIR``: where the embedded database lives (default ``./var``).
- ``INSPIRE_SECRET_KEY``: required with ``DATABASE_URL`` (start-up stops without it); the embedded
  installation otherwise keeps a random key in ``$INSPIRE_DATA_DIR/secret_key``.
- ``INSPIRE_DEBUG``: ``1`` for development (the default for ``inspire serve --dev`` and tests).
- ``INSPIRE_ALLOWED_HOSTS``: comma-separated host names (default: localhost names).
- ``INSPIRE_HTTPS``: ``1`` where Inspire is reached over HTTPS (the default with ``DATABASE_URL``, a
  shared installation): HSTS, Secure cookies, plain HTTP redirected. ``0`` for the embedded
  installation served on this machine's own address (the default without ``DATABASE_URL``).
- ``INSPIRE_BEHIND_PROXY``: ``1`` when a reverse proxy (nginx, a load balancer) passes requests on:
  it must set ``X-Forwarded-Proto`` (HTTPS is known from it) and append the client's address to
  ``X-Forwarded-For`` (sign-in lock-outs count by that address).
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE as CSP_NONE
from csp.constants import SELF as CSP_SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("INSPIRE_DATA_DIR", "var")).resolve()


def private_folder(path: Path) -> Path:
    """``path`` as a folder only its owner can open (0700): it holds the database and the key."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    status = path.stat()
    if status.st_mode & 0o077 and status.st_uid == os.getuid():
        path.chmod(0o700)
    return path


def private_file(path: Path) -> Path:
    """``path`` made (empty) if missing, readable and writable by its owner only (0600)."""
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    status = path.stat()
    if status.st_mode & 0o077 and status.st_uid == os.getuid():
        path.chmod(0o600)
    return path


DEBUG = os.environ.get("INSPIRE_DEBUG", "0") == "1"
SECRET_KEY = os.environ.get("INSPIRE_SECRET_KEY", "")
if not SECRET_KEY:
    if os.environ.get("DATABASE_URL"):
        # a shared (multi-user) installation: its secret is configured, never made up
        raise ImproperlyConfigured("INSPIRE_SECRET_KEY must be set when DATABASE_URL is set")
    # the embedded single-machine installation keeps its own random key beside its database
    _key_file = DATA_DIR / "secret_key"
    private_folder(DATA_DIR)
    if not _key_file.exists() or not _key_file.read_text().strip():
        private_file(_key_file).write_text(secrets.token_urlsafe(50))  # made 0600 before the key is in it
    SECRET_KEY = private_file(_key_file).read_text().strip()

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
    "axes",  # sign-in lock-out (AXES_* below)
    "csp",  # Content-Security-Policy (CONTENT_SECURITY_POLICY below)
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
    "inspire.web.toolkit.errors.InspireErrorMiddleware",  # an InspireError from a view: the GOV.UK 400 page
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks: it turns a lock-out into its page
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out sign-in before any password check
    "django.contrib.auth.backends.ModelBackend",
]

# Passwords (the sign-in form, the admin and ``inspire users add``): at least 12 characters, not a
# common password, not all digits, not like the user's name or email.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
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
    # The database holds password hashes and sessions: made 0600 in a 0700 folder before SQLite
    # opens it (SQLite gives its -wal and -shm files the database's own permissions).
    _database = Path(DATABASES["default"]["NAME"])
    if not str(_database).startswith(("file:", ":memory:")):
        if _database.parent == DATA_DIR:  # never another folder named by DATABASE_URL (it may be shared)
            private_folder(DATA_DIR)
        if _database.parent.is_dir():
            private_file(_database)
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
# INSPIRE_PAGE_CACHE=0 renders every page every time (benchmarks/web.py --uncached measures that).
if os.environ.get("INSPIRE_PAGE_CACHE", "1") == "0":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}

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
#: How long and how much memory (address space) reading one uploaded file may take: it is read in a
#: worker process that is stopped past either (``inspire.core.limits``), and the page says so.
INSPIRE_READ_SECONDS = float(os.environ.get("INSPIRE_READ_SECONDS", "30"))
INSPIRE_READ_MEMORY_BYTES = int(os.environ.get("INSPIRE_READ_MEMORY_MB", "2048")) * 1024 * 1024
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

# --- sign-in lock-out (django-axes) ----------------------------------------------------------------
# After 5 failed sign-ins for one account, or from one address, further tries (site and admin
# alike) get the lock-out page (registration/locked_out.html, HTTP 429) for 15 minutes; failures
# are counted per account and per address separately, so neither guessing many passwords for one
# account from many places nor one password for many accounts from one place gets far.
# ``manage.py axes_reset`` (or the admin's "Access attempts") lifts a lock-out at once.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "inspire.web.accounts.lockout.locked_out"
AXES_CLIENT_IP_CALLABLE = "inspire.web.accounts.lockout.client_address"
AXES_VERBOSE = False

# --- HTTPS, cookies and the proxy ------------------------------------------------------------------
INSPIRE_BEHIND_PROXY = os.environ.get("INSPIRE_BEHIND_PROXY", "0") == "1"
if INSPIRE_BEHIND_PROXY:
    # the proxy says whether the browser's request came over HTTPS; it must overwrite this header
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
INSPIRE_HTTPS = os.environ.get("INSPIRE_HTTPS", "1" if os.environ.get("DATABASE_URL") else "0") == "1"
if INSPIRE_HTTPS:
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 31_536_000  # a year
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # consent to the browsers' preload list; nothing is listed until the domain's owner submits
    # its own (registrable) domain, so on a council's sub-domain this changes nothing by itself
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# --- Content-Security-Policy (django-csp) ----------------------------------------------------------
# Only Inspire's own scripts, styles, images and fonts: no inline script or style anywhere (the
# templates load static files; htmx is told not to add its indicator <style>), nothing from
# elsewhere, no framing. A response that sets its own policy (the original document download's
# sandbox) keeps it.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [CSP_SELF],
        "script-src": [CSP_SELF],
        "style-src": [CSP_SELF],
        "img-src": [CSP_SELF, "data:"],
        "font-src": [CSP_SELF],
        "connect-src": [CSP_SELF],
        "object-src": [CSP_NONE],
        "base-uri": [CSP_SELF],
        "form-action": [CSP_SELF],
        "frame-ancestors": [CSP_NONE],
    },
}
