"""Sign-in protection (django-axes): after 5 failed sign-ins for one account, or from one address,
sign-in is paused for 15 minutes on the site and the admin alike, with a GOV.UK page in plain words."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client, RequestFactory
from django.urls import reverse

from inspire.web.accounts.lockout import client_address

PASSWORD = "a long enough password"
PAUSED = "Signing in is paused for 15 minutes"


@pytest.fixture
def reader(db):
    return get_user_model().objects.create_user("reader", password=PASSWORD)


def sign_in(username: str, password: str, address: str = "192.0.2.1", admin: bool = False):
    client = Client(REMOTE_ADDR=address)
    url = reverse("admin:login") if admin else reverse("login")
    return client.post(url, {"username": username, "password": password, "next": "/"})


def test_five_wrong_passwords_pause_the_account_even_for_the_right_one(reader):
    for _ in range(4):
        failed = sign_in("reader", "wrong password guess")
        assert failed.status_code == 200 and PAUSED not in failed.content.decode()
    locked = sign_in("reader", "wrong password guess")
    assert locked.status_code == 429 and PAUSED in locked.content.decode()
    right = sign_in("reader", PASSWORD)
    assert right.status_code == 429 and PAUSED in right.content.decode()
    assert "_auth_user_id" not in right.wsgi_request.session


def test_the_account_is_paused_whichever_address_the_guesses_come_from(reader):
    for n in range(5):
        sign_in("reader", "wrong password guess", address=f"198.51.100.{n}")
    assert sign_in("reader", PASSWORD, address="203.0.113.9").status_code == 429


def test_one_address_guessing_many_accounts_is_paused(reader):
    for n in range(5):
        sign_in(f"someone{n}", "wrong password guess", address="198.51.100.7")
    assert sign_in("reader", PASSWORD, address="198.51.100.7").status_code == 429
    assert sign_in("reader", PASSWORD, address="198.51.100.8").status_code == 302  # others still sign in


def test_the_admin_sign_in_is_protected_too(reader):
    reader.is_staff = True
    reader.save()
    for _ in range(5):
        sign_in("reader", "wrong password guess", admin=True)
    locked = sign_in("reader", PASSWORD, admin=True)
    assert locked.status_code == 429 and PAUSED in locked.content.decode()


def test_the_lock_out_page_says_what_happened_and_what_to_do(reader):
    for _ in range(5):
        page = sign_in("reader", "wrong password guess")
    html = " ".join(page.content.decode().split())
    assert '<h1 class="govuk-heading-xl">Signing in is paused for 15 minutes</h1>' in html
    assert "The wrong user name or password was given 5 times" in html
    assert "ask your Inspire administrator" in html


def test_a_right_password_before_the_limit_signs_in_and_starts_the_count_again(reader):
    for _ in range(4):
        sign_in("reader", "wrong password guess")
    assert sign_in("reader", PASSWORD).status_code == 302
    for _ in range(4):
        sign_in("reader", "wrong password guess")
    assert sign_in("reader", PASSWORD).status_code == 302


def test_behind_a_proxy_the_address_is_the_one_the_proxy_added(settings):
    request = RequestFactory().post("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.4")
    settings.INSPIRE_BEHIND_PROXY = True
    assert client_address(request) == "198.51.100.4"  # the client's own claim (6.6.6.6) is not trusted
    settings.INSPIRE_BEHIND_PROXY = False
    assert client_address(request) == "10.0.0.2"
