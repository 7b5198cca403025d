"""``inspire read``: read one report and print its record."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from inspire.cli import app
from inspire.core.reading import ReadError, Record, read_path
from inspire.core.calendar import format_long

err = Console(stderr=True)


def fail(error: ReadError) -> None:
    """Print a bad-input error (and its hint) and exit 2, the CLI's code for unusable input."""
    err.print(f"[bold red]Error:[/] {error}", highlight=False, soft_wrap=True)
    if error.hint:
        err.print(f"Hint: {error.hint}", highlight=False, soft_wrap=True)
    raise typer.Exit(2)


@app.command()
def read(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, readable=True, help="A PDF, Word, HTML or text file."),
    as_json: bool = typer.Option(False, "--json", help="Print the record as JSON (the stable shape)."),
) -> None:
    """Read one Ofsted report and print what it says: family, authority, dates, judgements, recommendations."""
    try:
        record = read_path(file)
    except ReadError as error:
        fail(error)
    if as_json:
        typer.echo(json.dumps(record.to_json(), indent=2, ensure_ascii=False))
    else:
        _print_summary(record)


def _print_summary(record: Record) -> None:
    out = Console()
    authority = record.authority.name if record.authority else "authority not identified"
    out.print(f"[bold]{authority}[/] — {record.family}", highlight=False)

    def day(value):
        return format_long(value) if value else "not stated"

    out.print(f"Inspection: {day(record.inspection_start)} to {day(record.inspection_end)}; published {day(record.published)}")
    out.print(f"Lead inspector: {record.lead_inspector or 'not named'}")
    table = Table("Judgement", "Grade", "Page")
    for area, grade in record.judgements.items():
        source = record.provenance.get(f"judgements.{area}")
        table.add_row(area.replace("_", " "), grade.replace("_", " "), str(source.page) if source and source.page else "")
    out.print(table)
    for rec in record.recommendations:
        out.print(f"{rec.section.upper()} {rec.ordinal}. {rec.text}", highlight=False)
    for warning in record.warnings:
        out.print(f"[yellow]Warning:[/] {warning}", highlight=False)
