"""The one place the command turns an application error into what a person sees: the message,
its hint, and exit code 2 (the CLI's code for input Inspire cannot use).

Every command runs inside :class:`InspireGroup`, so an :class:`~inspire.core.errors.InspireError`
a command does not handle itself ends the command this way; a command calls :func:`fail` only to
name the file the error is about.
"""

from __future__ import annotations

from typing import NoReturn

import typer
from rich.console import Console
from typer.core import TyperGroup

from inspire.core.errors import InspireError

#: The exit code for input Inspire cannot use (a missing path is 2 as well, as click gives it).
EXIT_BAD_INPUT = 2

err = Console(stderr=True)


def fail(error: InspireError, *, source: str = "") -> NoReturn:
    """Print the error (after ``source``, the file it is about, when the message does not name it)
    and its hint, and leave with exit code 2."""
    err.print(f"[bold red]Error:[/] {source + ': ' if source else ''}{error}", highlight=False, soft_wrap=True)
    if error.hint:
        err.print(f"Hint: {error.hint}", highlight=False, soft_wrap=True)
    raise typer.Exit(EXIT_BAD_INPUT)


class InspireGroup(TyperGroup):
    """The ``inspire`` command group: any InspireError from a command (or a sub-group's) is
    reported by :func:`fail`, never as a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except InspireError as error:
            fail(error)
