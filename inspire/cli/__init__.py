"""The ``inspire`` command: a thin layer over the Python API. One module per group of commands."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="inspire",
    help="Inspire: read Ofsted reports on council children's services, see the picture, plan improvement.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)



@app.callback()
def main() -> None:
    """Inspire's commands. Run ``inspire COMMAND --help`` for each."""


from inspire.cli import reading  # noqa: E402,F401  (registers its commands on app)
from inspire.cli import ingest  # noqa: E402,F401
from inspire.cli import serve  # noqa: E402,F401
from inspire.cli import plans  # noqa: E402,F401
from inspire.cli import indicators  # noqa: E402,F401
from inspire.cli import users  # noqa: E402,F401
from inspire.cli import official  # noqa: E402,F401
