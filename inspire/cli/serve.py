"""``inspire serve``: prepare the database and static files, then run the web application.

By default the production server (gunicorn, threaded workers) on 127.0.0.1:8000; ``--dev`` runs
Django's development server with debugging on. The database is migrated and the register of
authorities synchronised first, so a fresh installation serves straight away.
"""

from __future__ import annotations

import os
import sys

import typer

from inspire.cli import app


def prepare(*, collect_static: bool) -> None:
    """Migrate if needed and sync the register (as ``inspire setup`` does), collect static files."""
    from inspire.web.django_setup import setup

    setup()
    from django.core.management import call_command
    from django.db import connection

    from inspire.web.read.ingest import database_prepare

    database_prepare()
    if collect_static:
        call_command("collectstatic", interactive=False, verbosity=0)
    if not connection.in_atomic_block:  # inside a test's transaction the connection must stay open
        connection.close()


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
    workers: int = typer.Option(2, min=1, max=64, help="Worker processes (production server)."),
    threads: int = typer.Option(4, min=1, max=64, help="Threads per worker (production server)."),
    dev: bool = typer.Option(False, "--dev", help="Django's development server, with debugging, reloading on change."),
) -> None:
    """Serve the web application (gunicorn by default; --dev for Django's development server)."""
    if dev:
        os.environ.setdefault("INSPIRE_DEBUG", "1")
    prepare(collect_static=not dev)
    address = f"{host}:{port}"
    if dev:
        from django.core.management import call_command

        call_command("runserver", address)
        return
    typer.echo(f"Serving Inspire at http://{address}/ (gunicorn, {workers} workers × {threads} threads)")
    # exec: gunicorn takes this process over, so signals (Ctrl-C, kill) reach it directly
    os.execv(
        sys.executable,
        [
            sys.executable,
            "-m",
            "gunicorn",
            "inspire.web.wsgi:application",
            "--bind",
            address,
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--worker-class",
            "gthread",
            "--access-logfile",
            "-",
            "--graceful-timeout",
            "10",
        ],
    )
