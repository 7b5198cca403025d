"""Django settings for the tests: the product's own, with the embedded database and secret key in a
throwaway folder (never ./var). ``DATABASE_URL`` still selects PostgreSQL (scripts/test)."""

import atexit
import os
import shutil
import tempfile

if "INSPIRE_DATA_DIR" not in os.environ:
    # made by the first process (pytest-xdist's workers inherit it) and removed by that process
    os.environ["INSPIRE_DATA_DIR"] = tempfile.mkdtemp(prefix="inspire-test-")
    atexit.register(shutil.rmtree, os.environ["INSPIRE_DATA_DIR"], ignore_errors=True)

# the test client and live server speak plain HTTP, also on PostgreSQL (where DATABASE_URL would
# make HTTPS the default); tests/web/test_settings.py checks the HTTPS settings themselves
os.environ.setdefault("INSPIRE_HTTPS", "0")

from inspire.web.settings import *  # noqa: E402,F403

#: Django's test client's host name (only the tests use it)
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "testserver"]  # noqa: F405
