"""``inspire indicators``: generate a synthetic Annex A return; compute indicators from a workbook.

Each command imports what it uses when it runs, so every ``inspire`` command starts quickly.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from inspire.cli import app

indicators_app = typer.Typer(help="Performance indicators from Annex A case lists.", no_args_is_help=True)
app.add_typer(indicators_app, name="indicators")
err = Console(stderr=True)


def _date(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        err.print(
            f"[bold red]Error:[/] {option} “{value}” is not a date; use YYYY-MM-DD, e.g. 2025-03-31", highlight=False
        )
        raise typer.Exit(2) from None


@indicators_app.command()
def generate(
    out: Path = typer.Option(..., "--out", help="The .xlsx file to write."),
    seed: int = typer.Option(1, "--seed", help="The same seed gives the same cases."),
    end: str = typer.Option("2025-03-31", "--end", help="The last day of the year the return covers (YYYY-MM-DD)."),
    contacts: int = typer.Option(
        65_000, "--contacts", min=100, help="Contacts in the year; the other lists scale with it."
    ),
) -> None:
    """Write a synthetic Annex A workbook for a large county (invented children; seeded)."""
    from inspire.core.indicators.generator import generate as generate_workbook

    counts = generate_workbook(out, seed=seed, end=_date(end, "--end"), contacts=contacts)
    typer.echo(f"Wrote {out}: " + ", ".join(f"{name} {n:,}" for name, n in counts.items()))


@indicators_app.command()
def compute(
    workbook: Path = typer.Argument(
        ..., exists=True, dir_okay=False, readable=True, help="An Annex A workbook (.xlsx)."
    ),
    start: str = typer.Option(..., "--start", help="First day of the period (YYYY-MM-DD)."),
    end: str = typer.Option(..., "--end", help="Last day of the period (YYYY-MM-DD)."),
    population: int | None = typer.Option(
        None, "--population", min=1, help="Children under 18 in the area, for rates per 10,000."
    ),
    problems: bool = typer.Option(False, "--problems", help="List every problem found in the workbook."),
) -> None:
    """Compute every indicator from an Annex A workbook for one period (aggregates only: no child IDs)."""
    from inspire.core.indicators import Period, compute_all, read_annex_a

    # an IndicatorError (a period ending before it starts, a file that is not a workbook) ends the
    # command with its message, hint and exit code 2 (cli/errors.py)
    period = Period(_date(start, "--start"), _date(end, "--end"))
    lists = read_annex_a(workbook)
    table = Table("Indicator", "Value", "Numerator", "Denominator", "Left out")
    for result in compute_all(lists, period, population_under_18=population):
        left_out = "; ".join(f"{n} {reason}" for reason, n in result.left_out.items())
        table.add_row(
            result.indicator.name,
            result.display if result.value is not None else result.unavailable or "",
            f"{result.numerator:,.0f}" if result.numerator is not None else "",
            f"{result.denominator:,.0f}" if result.denominator is not None else "",
            left_out,
        )
    Console(width=200).print(table)
    typer.echo(f"{len(lists.problems)} problems found in the workbook" + (":" if problems and lists.problems else "."))
    if problems:
        for problem in lists.problems:
            typer.echo(f"  {problem.describe()}")


def _database() -> None:
    """The database ready (migrated, register loaded), as ``inspire serve`` leaves it."""
    from inspire.cli.serve import prepare

    prepare(collect_static=False)


@indicators_app.command("import")
def import_workbook(
    workbook: Path = typer.Argument(
        ..., exists=True, dir_okay=False, readable=True, help="An Annex A workbook (.xlsx)."
    ),
    authority: str = typer.Option(
        ..., "--authority", help="The authority's name as the register knows it, e.g. Essex."
    ),
    start: str | None = typer.Option(
        None,
        "--start",
        help="First day of the reporting period (YYYY-MM-DD); default: the last whole year to 31 March.",
    ),
    end: str | None = typer.Option(
        None, "--end", help="Last day of the reporting period (YYYY-MM-DD); default: the last 31 March."
    ),
) -> None:
    """Import an Annex A workbook into the database for a reporting period: case lists kept, every
    indicator computed."""
    from inspire.core.indicators import Period
    from inspire.core.indicators.compute import reporting_year

    default = reporting_year(date.today())
    try:
        period = Period(
            _date(start, "--start") if start else default.start, _date(end, "--end") if end else default.end
        )
    except ValueError as error:
        err.print(f"[bold red]Error:[/] {error}", highlight=False)
        raise typer.Exit(2) from None
    _database()
    from inspire.core.register import default_register
    from inspire.web.measure.services import annex_a_import
    from inspire.web.read.models import Authority

    entry = default_register().lookup(authority)
    if entry is None:
        err.print(f"[bold red]Error:[/] “{authority}” is not an authority in the register", highlight=False)
        err.print("Hint: use the name as Ofsted prints it, e.g. “Southend-on-Sea” or “Essex”.", highlight=False)
        raise typer.Exit(2)
    dataset = annex_a_import(
        authority=Authority.objects.get(dfe_la_code=entry.dfe_la_code),
        content=workbook.read_bytes(),
        filename=workbook.name,
        period=period,
    )  # an AnnexAError ends the command (InspireGroup)
    rows = sum(dataset.row_counts.values())
    typer.echo(
        f"Imported {workbook.name} for {entry.name}: {rows:,} rows, {dataset.problem_count:,} "
        f"problems, {dataset.values.count():,} indicator values."
    )
    from inspire.core.calendar import format_long

    typer.echo(
        f"Reporting period: {format_long(period.start)} to {format_long(period.end)}"
        + (
            f" (the return's cases run from {format_long(dataset.first_date)} to {format_long(dataset.last_date)})"
            if dataset.first_date
            else " (the return holds no dated contacts or referrals)"
        )
    )


@indicators_app.command("sync-reports")
def sync_reports() -> None:
    """Store again the area figures read from every stored report as indicator values (ingest and
    upload do this for what they store)."""
    _database()
    from inspire.web.measure.services import report_figures_sync

    typer.echo(f"{report_figures_sync():,} figures from reports stored.")


@indicators_app.command("comparators")
def comparators(
    file: Path = typer.Argument(
        ...,
        exists=True,
        dir_okay=False,
        readable=True,
        help="LAIT's long file (.parquet), a release's EES CSV, or a CSV of time_period, area_code, indicator, value.",
    ),
) -> None:
    """Load published England, region and authority figures (a newer LAIT or EES file) and say what changed."""
    _database()
    from inspire.core.indicators.published import MEASURES, POPULATION, PublishedError
    from inspire.web.measure.services import comparators_import, published_file_import

    content = file.read_bytes()
    if content[:4] != b"PAR1" and b"indicator" in content.split(b"\n", 1)[0]:  # Inspire's own CSV layout
        result = comparators_import(text=content.decode("utf-8-sig", errors="replace"))
        if result.problems:
            for problem in result.problems:
                err.print(f"[bold red]Error:[/] {problem.describe()}", highlight=False)
            err.print(f"Nothing was stored ({len(result.problems)} problems).", highlight=False)
            raise typer.Exit(2)
        typer.echo(
            f"{result.stored:,} comparator figures stored; {result.suppressed:,} suppressed or missing figures skipped."
        )
        return
    try:
        loaded = published_file_import(content=content, filename=file.name)
    except PublishedError as error:
        err.print(f"[bold red]Error:[/] {file.name}: {error}", highlight=False)
        err.print(
            "Hint: give LAIT's bds_long file (.parquet) or a CSV from a release's underlying data.", highlight=False
        )
        raise typer.Exit(2) from None
    table = Table("Measure", "New", "Changed", "Unchanged", title=f"{file.name}: {loaded.kind}")
    for measure, counts in loaded.changes.items():
        name = (
            MEASURES[measure].name
            if measure in MEASURES
            else "Children under 18 (ONS mid-year estimates)"
            if measure == POPULATION
            else measure
        )
        table.add_row(name, f"{counts['new']:,}", f"{counts['changed']:,}", f"{counts['unchanged']:,}")
    Console(width=160).print(table)
    typer.echo(
        f"{loaded.count('new'):,} new, {loaded.count('changed'):,} changed and "
        f"{loaded.count('unchanged'):,} unchanged figures."
    )
    for why, count in sorted(loaded.passed_over.items()):
        typer.echo(f"Passed over: {count:,} rows ({why}).")
