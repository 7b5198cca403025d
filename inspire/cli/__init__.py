"""The ``inspire`` command: a thin layer over the Python API. One module per group of commands."""

from __future__ import annotations

import typer

from inspire.cli.errors import InspireGroup

app = typer.Typer(
    name="inspire",
    cls=InspireGroup,
    help="Inspire: read Ofsted reports on council children's services, see the picture, plan improvement.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def main() -> None:
    """Inspire's commands. Run ``inspire COMMAND --help`` for each."""


# each module registers its commands on ``app``, so it is imported after ``app`` exists
from inspire.cli import (  # noqa: E402, F401
    indicators,
    ingest,
    official,
    plans,
    reading,
    serve,
    users,
)
