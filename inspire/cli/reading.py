"""``inspire read``: read one report and print its record."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from inspire.cli import app
from inspire.core.calendar import format_long
from inspire.core.reading import Record
from inspire.core.reading.documents import MAX_BYTES
from inspire.core.reading.errors import FileTooLarge
from inspire.core.reading.record import AREA_FAMILIES


@app.command()
def read(
    file: Path = typer.Argument(
        ..., exists=True, dir_okay=False, readable=True, help="A PDF, Word, HTML or text file."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the record as JSON (the stable shape)."),
) -> None:
    """Read one Ofsted report and print what it says: family, authority, dates, judgements, recommendations."""
    from inspire.core.reading.batch import read_bounded  # the worker pool is imported only when a file is read

    # a ReadError ends the command with its message, hint and exit code 2 (cli/errors.InspireGroup)
    if (size := file.stat().st_size) > MAX_BYTES:
        raise FileTooLarge(file.name, size, MAX_BYTES)
    # in a worker process of its own, stopped past the time and memory a file may take
    record, _ = read_bounded(file.read_bytes(), file.name)
    if as_json:
        typer.echo(json.dumps(record.to_json(), indent=2, ensure_ascii=False))
    else:
        _print_summary(record)


def _print_area(out: Console, record: Record, day) -> None:
    """An area inspection's own values: no judgements, no single lead inspector."""
    if record.family == "jtai":
        out.print(f"Letter of {day(record.letter_date)}; theme: {record.theme or 'not found'}", highlight=False)
    if record.outcome:
        out.print(f"Outcome {record.outcome}: {record.outcome_wording}", highlight=False)
    if record.next_inspection:
        out.print(f"Next inspection: {record.next_inspection}", highlight=False)
    if record.lead_inspectors:
        out.print(f"Lead inspectors: {', '.join(record.lead_inspectors)}", highlight=False)
    if record.inspectorates:
        out.print(f"Inspectorates: {', '.join(record.inspectorates)}", highlight=False)
    out.print(
        f"Plan due: {day(record.plan_deadline) if record.plan_deadline else 'the report sets no date'}", highlight=False
    )


def _print_summary(record: Record) -> None:
    out = Console()
    authority = record.authority.name if record.authority else "authority not identified"
    out.print(f"[bold]{authority}[/] — {record.family}", highlight=False)

    def day(value):
        return format_long(value) if value else "not stated"

    out.print(
        f"Inspection: {day(record.inspection_start)} to {day(record.inspection_end)}; published {day(record.published)}"
    )
    if record.family in AREA_FAMILIES:
        _print_area(out, record, day)
    else:
        out.print(f"Lead inspector: {record.lead_inspector or 'not named'}")
        table = Table("Judgement", "Grade", "Page")
        for area, grade in record.judgements.items():
            source = record.provenance.get(f"judgements.{area}")
            table.add_row(
                area.replace("_", " "), grade.replace("_", " "), str(source.page) if source and source.page else ""
            )
        out.print(table)
    for rec in record.recommendations:
        if rec.section == "area":
            label = "Priority action" if rec.kind == "priority" else "Area for improvement"
            agency = f" (responsible body: {rec.agency})" if rec.agency else ""
            out.print(f"{label} {rec.ordinal}. {rec.text}{agency}", highlight=False)
        else:
            out.print(f"{rec.section.upper()} {rec.ordinal}. {rec.text}", highlight=False)
    for warning in record.warnings:
        out.print(f"[yellow]Warning:[/] {warning}", highlight=False)
