"""``inspire ingest`` (store many reports in the database) and ``inspire setup`` (prepare the database).

Django is imported inside the commands, so ``inspire read`` and the ingest worker processes
never load it.
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from inspire.cli import app
from inspire.core.reading.batch import DEFAULT_TIMEOUT, REPORT_SUFFIXES, BatchRead, find_report_files

#: Exit codes of ``inspire ingest``: every file stored or already stored; some files failed
#: (the others are stored); a path named does not exist (nothing was read).
EXIT_OK, EXIT_SOME_FAILED, EXIT_BAD_PATH = 0, 1, 2


@app.command()
def setup() -> None:
    """Prepare the database: create or migrate it and load the register of local authorities."""
    _prepare()
    Console().print("The database is ready.")


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., help="Report files, and folders searched recursively."),
    workers: int | None = typer.Option(
        None, "--workers", "-j", min=1, help="Reader processes (default: one per CPU core)."
    ),
    timeout: float = typer.Option(
        DEFAULT_TIMEOUT, "--timeout", help="Seconds one file may take before it is stopped and reported."
    ),
    allow_failures: bool = typer.Option(
        False, "--allow-failures", help="Exit 0 when some files fail (still reported); a missing path still exits 2."
    ),
) -> None:
    """Read reports and store them in the database, carrying on past bad files.

    Folders are searched for files ending in .pdf, .docx, .html, .htm or .txt. The same file (by
    content) is stored once, however often it is given; another file of an inspection already
    stored (same authority, report family and inspection dates) is added as another source of it,
    never a second inspection. Ends with a summary of what was stored and what failed, and why.

    Exit code: 0 when every file is stored (or already was), 1 when any file failed (0 with
    --allow-failures), 2 when a path does not exist.
    """
    err = Console(stderr=True)
    try:
        files = list(find_report_files(paths))
    except FileNotFoundError as error:
        err.print(f"[bold red]Error:[/] {error}", highlight=False, soft_wrap=True)
        raise typer.Exit(EXIT_BAD_PATH) from None
    if not files:
        err.print(
            f"No report files ({', '.join(REPORT_SUFFIXES)}) found in {', '.join(map(str, paths))}.", highlight=False
        )
    with BatchRead(files, workers=workers, timeout=timeout) as reading:  # the workers read while Django loads
        from inspire.web.django_setup import setup as django_setup

        django_setup()  # inspection_ingest migrates the database itself, while the workers read
        from inspire.web.read.ingest import inspection_ingest

        out = Console()
        progress = Progress(
            TextColumn("Reading"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            TextColumn("{task.description}"),
            console=out,
            transient=True,
        )
        with progress:
            task = progress.add_task("", total=len(files))
            report = inspection_ingest(
                reading, on_file=lambda path: progress.update(task, advance=1, description=path.name)
            )

    summary = Table("Result", "Files", title="Ingest summary", title_justify="left")
    summary.add_row("Stored", str(len(report.stored)))
    summary.add_row("Added as another source of a stored inspection", str(len(report.added)))
    summary.add_row("Already stored", str(len(report.already_stored)))
    summary.add_row("Failed", str(len(report.failed)), style="bold red" if report.failed else None)
    out.print(summary)
    for _path, message in [*report.added, *report.unmatched]:  # whole lines: a table would cut the words
        out.print(message, highlight=False, soft_wrap=True)
    if report.failed:
        failures = Table("File", "Problem", title="Failures", title_justify="left")
        for failure in report.failed:
            failures.add_row(str(failure.path), failure.message)
        out.print(failures)
        if not allow_failures:
            raise typer.Exit(EXIT_SOME_FAILED)


def _prepare() -> None:
    from inspire.web.django_setup import setup as django_setup

    django_setup()
    from inspire.web.read.ingest import database_prepare

    database_prepare()
