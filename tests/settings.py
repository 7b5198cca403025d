"""Django settings for the tests: the product's own, with the embedded database and secret key in a
throwaway folder (never ./var). ``DATABASE_URL`` still selects PostgreSQL (scripts/test)."""

import os
import tempfile

os.environ.setdefault("INSPIRE_DATA_DIR", tempfile.mkdtemp(prefix="inspire-test-"))

from inspire.web.settings import *  # noqa: E402,F403
