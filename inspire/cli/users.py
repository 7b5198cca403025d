"""``inspire users``: the people who sign in, and their roles for authorities.

- ``inspire users add NAME --email ADDRESS`` (asks for the password, or ``--password-stdin``)
- ``inspire users grant NAME AUTHORITY --role editor`` (authority by name, page slug, Ofsted URN or DfE code)
- ``inspire users list``

Roles: viewer (reads an authority's case-level pages), editor (also changes its plans and imports
its indicators), admin (also manages its people). Any signed-in user may upload a report.
"""

from __future__ import annotations

import sys

import typer
from rich.console import Console
from rich.table import Table

from inspire.cli import app
from inspire.cli.ingest import _prepare

users_app = typer.Typer(help="People who sign in, and their roles for authorities.", no_args_is_help=True)
app.add_typer(users_app, name="users")

#: Exit code for bad input (unknown user, authority or role; a name already taken).
EXIT_BAD_INPUT = 2


def _fail(message: str) -> typer.Exit:
    Console(stderr=True).print(f"[bold red]Error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(EXIT_BAD_INPUT)


def _messages(error) -> str:
    """A ValidationError's messages as one line."""
    return "; ".join(message for messages in error.message_dict.values() for message in messages)


@users_app.command()
def add(
    name: str = typer.Argument(..., help="The user name they sign in with."),
    email: str = typer.Option("", "--email", help="Their email address."),
    password: str | None = typer.Option(
        None, "--password", help="The password (visible in the shell's history: prefer the prompt or --password-stdin)."
    ),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Read the password from the first line of standard input."
    ),
    staff: bool = typer.Option(False, "--staff", help="May use the admin site and import comparator figures."),
) -> None:
    """Add a user who can sign in. Without --password or --password-stdin, asks for the password."""
    if password is not None and password_stdin:
        raise _fail("give the password one way: --password or --password-stdin")
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    elif password is None:
        if not sys.stdin.isatty():
            raise _fail("no password: give --password-stdin (and pipe it in) or --password")
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    _prepare()
    from django.core.exceptions import ValidationError

    from inspire.web.accounts.services import user_create

    try:
        user = user_create(username=name, email=email, password=password, is_staff=staff)
    except ValidationError as error:
        raise _fail(_messages(error)) from None
    typer.echo(
        f"Added {user.username}. Give them a role for an authority: "
        f"inspire users grant {user.username} AUTHORITY --role editor"
    )


@users_app.command()
def grant(
    name: str = typer.Argument(..., help="The user name."),
    authority: str = typer.Argument(
        ..., help='The authority: its name (e.g. "County Durham"), page slug, Ofsted URN or DfE code.'
    ),
    role: str = typer.Option("viewer", "--role", help="viewer, editor or admin."),
) -> None:
    """Give a user a role for an authority (replacing any role they had there)."""
    _prepare()
    from django.contrib.auth import get_user_model
    from django.core.exceptions import ValidationError

    from inspire.web.accounts.services import membership_grant
    from inspire.web.read.selectors import authority_lookup

    user = get_user_model().objects.filter(username__iexact=name.strip()).first()
    if user is None:
        raise _fail(f"there is no user called '{name}' (inspire users list shows them; inspire users add makes one)")
    found = authority_lookup(text=authority)
    if found is None:
        raise _fail(
            f"'{authority}' is not an authority in the register: give its name, page slug, Ofsted URN or DfE code"
        )
    try:
        membership = membership_grant(authority=found, user=user, role=role.strip().lower())
    except ValidationError as error:
        raise _fail(_messages(error)) from None
    typer.echo(f"{user.username} is now {membership.role} for {found.name}.")


@users_app.command("list")
def list_users() -> None:
    """Every user, with their roles for authorities."""
    _prepare()
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.order_by("username").prefetch_related("memberships__authority")
    table = Table("User", "Email", "Roles", title="Users", title_justify="left")
    for user in users:
        roles = ", ".join(f"{m.authority.name} ({m.role})" for m in user.memberships.all())
        if user.is_superuser:
            roles = "superuser (every authority)" + (f", {roles}" if roles else "")
        table.add_row(user.username, user.email, roles or "none", end_section=False)
    if not users:
        typer.echo("No users yet: inspire users add NAME")
        return
    Console().print(table)
