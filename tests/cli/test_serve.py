"""``inspire serve`` on a fresh data folder: migrates, loads the register, collects static files and
serves with gunicorn."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_serve_starts_gunicorn_on_a_fresh_database(tmp_path):
    port = free_port()
    env = {**os.environ, "INSPIRE_DATA_DIR": str(tmp_path), "INSPIRE_DEBUG": "0"}
    env.pop("DATABASE_URL", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "inspire", "serve", "--port", str(port), "--workers", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        body = None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/authorities?limit=1", timeout=2) as response:
                    body = json.load(response)
                    break
            except OSError:
                time.sleep(0.5)
        assert body is not None, "the server did not answer"
        assert body["count"] > 150  # the register was loaded
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/openapi.json", timeout=5) as response:
            assert response.status == 200
        assert (tmp_path / "inspire.sqlite3").exists() and (tmp_path / "staticfiles").is_dir()
    finally:
        server.send_signal(signal.SIGTERM)
        output = server.communicate(timeout=30)[0]
    assert "gunicorn" in output.lower()
