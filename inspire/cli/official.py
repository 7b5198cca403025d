"""``inspire official load FILE``: use a newer edition of Ofsted's official inspection outcomes.

Ofsted publishes "Local authority inspection outcomes as at 31 March" every year; Inspire ships the
2025 edition and reconciles stored reports with it. A newer workbook in the same layout replaces it.
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from inspire.cli import app

official_app = typer.Typer(help="Ofsted's official statistics on inspection outcomes.", no_args_is_help=True)
app.add_typer(official_app, name="official")


@official_app.command()
def load(
    path: Path = typer.Argument(..., exists=True, dir_okay=False, help="The outcomes workbook (.ods or .xlsx)."),
) -> None:
    """Check the workbook and use it instead of the edition packaged with Inspire."""
    from inspire.core.official import OfficialDataError
    from inspire.web.django_setup import setup as django_setup

    django_setup()
    from inspire.web.see.official import install

    try:
        edition = install(path)
    except OfficialDataError as error:
        Console(stderr=True).print(
            f"[bold red]Error:[/] {error.message}" + (f" {error.hint}" if error.hint else ""),
            highlight=False,
            soft_wrap=True,
        )
        raise typer.Exit(2) from None
    latest = edition.latest_start
    Console().print(
        f"{path.name}: {edition.title}, {len(edition.inspections)} inspections"
        + (f", the latest from {latest:%-d %B %Y}" if latest else "")
        + ". Inspire now uses it.",
        highlight=False,
    )
