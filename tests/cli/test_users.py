"""``inspire users``: add people who sign in and give them roles for authorities."""

from __future__ import annotations

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.test import RequestFactory
from typer.testing import CliRunner

from inspire.cli import app
from inspire.web.accounts.models import Membership
from inspire.web.accounts.services import authority_role

pytestmark = pytest.mark.django_db

PASSWORD = "a long enough password"


def users(*args: str, input: str | None = None):
    return CliRunner().invoke(app, ["users", *args], input=input)


def test_add_reads_the_password_from_stdin_and_the_user_can_sign_in():
    result = users("add", "dana", "--email", "dana@example.gov.uk", "--password-stdin", input="plum orchard evening\n")
    assert result.exit_code == 0, result.output
    assert "Added dana" in result.output
    user = authenticate(RequestFactory().post("/accounts/login/"), username="dana", password="plum orchard evening")
    assert user is not None and user.email == "dana@example.gov.uk" and not user.is_staff


def test_add_with_password_option_and_staff():
    assert users("add", "sam", "--password", PASSWORD, "--staff").exit_code == 0
    assert authenticate(RequestFactory().post("/accounts/login/"), username="sam", password=PASSWORD).is_staff


def test_add_without_a_password_and_no_terminal_is_refused():
    result = users("add", "dana")  # CliRunner's stdin is not a terminal
    assert result.exit_code == 2
    assert "no password" in result.output
    assert not get_user_model().objects.exists()


def test_add_refuses_a_name_taken_and_an_empty_password():
    users("add", "dana", "--password", PASSWORD)
    taken = users("add", "Dana", "--password", "another long passphrase")
    assert taken.exit_code == 2 and "there is already a user called 'Dana'" in taken.output
    empty = users("add", "lee", "--password-stdin", input="\n")
    assert empty.exit_code == 2 and "the password is empty" in empty.output
    assert get_user_model().objects.count() == 1


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("pw", "This password is too short. It must contain at least 12 characters."),
        ("password1234", "This password is too common."),
        ("804652391770", "This password is entirely numeric."),
    ],
)
def test_add_refuses_a_short_common_or_numeric_password(password, message):
    result = users("add", "dana", "--password", password)
    assert result.exit_code == 2 and message in result.output
    assert not get_user_model().objects.exists()


@pytest.mark.parametrize("authority", ["County Durham", "durham", "80465", "840", "St Helens"])
def test_grant_finds_the_authority_by_name_slug_urn_or_code(authority):
    users("add", "dana", "--password", PASSWORD)
    result = users("grant", "dana", authority, "--role", "editor")
    assert result.exit_code == 0, result.output
    membership = Membership.objects.get()
    assert membership.role == "editor"
    expected = "St. Helens" if authority == "St Helens" else "Durham"
    assert membership.authority.name == expected
    assert f"dana is now editor for {expected}." in result.output
    assert authority_role(user=membership.user, authority=membership.authority) == "editor"


def test_grant_again_replaces_the_role():
    users("add", "dana", "--password", PASSWORD)
    users("grant", "dana", "Essex", "--role", "editor")
    assert users("grant", "dana", "Essex", "--role", "Admin").exit_code == 0
    assert Membership.objects.get().role == "admin"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nobody", "Essex"], "there is no user called 'nobody'"),
        (["dana", "Atlantis"], "'Atlantis' is not an authority in the register"),
        (["dana", "Essex", "--role", "owner"], "'owner' is not a role (viewer, editor, admin)"),
    ],
)
def test_grant_explains_unknown_user_authority_or_role(args, message):
    users("add", "dana", "--password", PASSWORD)
    result = users("grant", *args)
    assert result.exit_code == 2
    assert message in " ".join(result.output.split())
    assert not Membership.objects.exists()


def test_list_shows_users_and_their_roles():
    assert "No users yet" in users("list").output
    users("add", "dana", "--email", "dana@example.gov.uk", "--password", PASSWORD)
    users("add", "lee", "--password", PASSWORD)
    users("grant", "dana", "Essex", "--role", "editor")
    users("grant", "dana", "Blackpool")
    result = users("list")
    assert result.exit_code == 0
    lines = {line.split("│")[1].strip(): line for line in result.output.splitlines() if line.count("│") == 4}
    assert "Blackpool (viewer), Essex (editor)" in lines["dana"] and "dana@example.gov.uk" in lines["dana"]
    assert "none" in lines["lee"]
