"""``inspire plan``: improvement-plan tools that need no database.

Each command imports what it uses when it runs, so every ``inspire`` command starts quickly.

- ``inspire plan deadline 2016-07-07``: the statutory submission deadline.
- ``inspire plan word PLAN.docx``: what Inspire reads from a council's Word plan tables.
- ``inspire plan template PATH.xlsx``: the Excel import template.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import typer

from inspire.cli import app

plan_app = typer.Typer(help="Improvement plans: deadlines, reading Word plans, templates.", no_args_is_help=True)
app.add_typer(plan_app, name="plan")


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"'{value}' is not a date: write it YYYY-MM-DD, e.g. 2016-07-07") from None


@plan_app.command()
def deadline(
    received: str = typer.Argument(..., help="When the report was received (its publication date), YYYY-MM-DD."),
) -> None:
    """The last day to send Ofsted the plan: 70 working days after the report was received."""
    from inspire.core.calendar import format_long
    from inspire.core.plans.deadlines import STATUTORY_WORKING_DAYS, submission_deadline

    day = _day(received)
    typer.echo(
        f"{format_long(submission_deadline(day))} ({STATUTORY_WORKING_DAYS} working days after "
        f"{format_long(day)}, not counting weekends or England and Wales bank holidays)"
    )


@plan_app.command()
def word(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, readable=True, help="A .docx with plan tables."),
    as_json: bool = typer.Option(False, "--json", help="Print the items, actions and milestones as JSON."),
) -> None:
    """Read the plan tables of a Word document and say what was found and what did not line up."""
    from inspire.cli.errors import fail
    from inspire.core.errors import PlanImportError
    from inspire.core.limits import LimitExceeded, check_package, run_bounded
    from inspire.core.plans.plan_import import read_word_plan

    try:  # in a worker process stopped past the time and memory one file may take
        data = file.read_bytes()
        check_package(data, file.name)  # a bomb is refused here, without starting a worker
        result = run_bounded(read_word_plan, file.name, data, file.stem, source=file.name)
    except LimitExceeded as error:
        fail(error)  # its message names the file
    except PlanImportError as error:
        fail(error, source=file.name)
    plan = result.plan
    if as_json:
        import dataclasses

        typer.echo(json.dumps(dataclasses.asdict(plan), default=str, indent=2, ensure_ascii=False))
        return
    milestones = sum(len(a.milestones) for i in plan.items for a in i.actions)
    typer.echo(
        f"{len(plan.items)} items, {sum(len(i.actions) for i in plan.items)} actions, {milestones} milestones, "
        f"{len(plan.themes)} themes, {len(plan.risks)} risks"
    )
    for line in result.unplaced:
        typer.echo(f"Could not place: {line}")
    for line in result.notes:
        typer.echo(f"Check: {line}")


@plan_app.command()
def template(path: Path = typer.Argument(..., help="Where to write the Excel template (.xlsx).")) -> None:
    """Write the Excel import template, its Read me sheet documenting every column."""
    from inspire.core.plans import excel

    path.write_bytes(excel.to_xlsx(None))
    typer.echo(f"Template written to {path}")
