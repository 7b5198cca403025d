"""Decompression bombs uploaded through every upload page (reports, plan imports, Annex A imports):
each is refused quickly with a message naming the file and the limit, and while one is being
uploaded every other request is answered (a live server, the bomb posted from another thread)."""

from __future__ import annotations

import html
import re
import threading
import time

import pytest
import requests
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests import bombs
from tests.web.factories import make_record, store

DAMAGED_OR_BOMB = "it may be damaged or built to overload the server"
PASSWORD = "a long enough password"


@pytest.fixture(scope="module")
def bomb_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bombs")
    return {
        "zeros": bombs.docx_of_zeros(folder / "report.docx"),
        "paragraphs": bombs.docx_of_paragraphs(folder / "plan.docx"),
        "rows": bombs.xlsx_of_rows(folder / "return.xlsx"),
    }


@pytest.fixture
def editor(register):
    from inspire.web.accounts.models import Membership
    from inspire.web.read.models import Authority

    user = get_user_model().objects.create_user("editor", password=PASSWORD)
    Membership.objects.create(user=user, authority=Authority.objects.get(name="Essex"), role="editor")
    return user


@pytest.fixture
def inspection(register):
    return store(make_record(authority="Essex", recommendations=[("la", "Improve return home interviews.")]))


def uploads(inspection) -> dict[str, tuple[str, str, dict]]:
    """Each upload page: its address, its file field and the other fields it posts."""
    return {
        "report": (reverse("upload"), "report", {}),
        "plan": (reverse("plans:plan_import", args=[inspection.pk]), "plan", {"form": "upload"}),
        "annex_a": (
            reverse("indicators:upload", args=["essex"]),
            "workbook",
            {  # the reporting period it asks for
                "period-start-day": "1",
                "period-start-month": "4",
                "period-start-year": "2024",
                "period-end-day": "31",
                "period-end-month": "3",
                "period-end-year": "2025",
            },
        ),
    }


EXPECTED = {
    "zeros": rf"report\.docx: unpacks to 2\.0 GB, more than the 200 MB Inspire reads; {DAMAGED_OR_BOMB}",
    "paragraphs": rf"plan\.docx: unpacks to 301 MB, more than the 200 MB Inspire reads; {DAMAGED_OR_BOMB}",
    "rows_report": rf"return\.xlsx: unpacks to 2\.0 GB, more than the 200 MB Inspire reads; {DAMAGED_OR_BOMB}",
    "rows_annex_a": rf"return\.xlsx: unpacks to 2\.0 GB, more than the 500 MB Inspire reads; {DAMAGED_OR_BOMB}",
}


@pytest.mark.parametrize(
    ("page", "bomb", "expected"),
    [
        ("report", "zeros", "zeros"),
        ("report", "paragraphs", "paragraphs"),
        ("plan", "zeros", "zeros"),
        ("plan", "paragraphs", "paragraphs"),
        ("plan", "rows", "rows_report"),
        ("annex_a", "rows", "rows_annex_a"),
    ],
)
def test_each_upload_page_refuses_each_bomb_quickly_naming_the_limit(
    client, editor, inspection, bomb_files, page, bomb, expected
):
    client.force_login(editor)
    address, field, fields = uploads(inspection)[page]
    path = bomb_files[bomb]
    started = time.perf_counter()
    response = client.post(address, {**fields, field: SimpleUploadedFile(path.name, path.read_bytes())})
    assert time.perf_counter() - started < 10
    assert response.status_code == 400
    assert re.search(EXPECTED[expected], html.unescape(response.content.decode()))


@pytest.mark.slow
def test_every_other_request_is_answered_while_each_bomb_is_uploaded(live_server, editor, inspection, bomb_files):
    session = requests.Session()
    session.headers["Referer"] = live_server.url
    page = session.get(live_server.url + reverse("login"))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    signed_in = session.post(
        live_server.url + reverse("login"),
        data={"username": "editor", "password": PASSWORD, "csrfmiddlewaretoken": token},
    )
    assert signed_in.status_code == 200 and "Sign out" in signed_in.text
    pages = uploads(inspection)
    answers: list[tuple[str, int, float, str]] = []

    def post_bombs() -> None:
        for page_name, bomb in [
            ("report", "zeros"),
            ("report", "paragraphs"),
            ("plan", "paragraphs"),
            ("annex_a", "rows"),
        ]:
            address, field, fields = pages[page_name]
            form = session.get(live_server.url + address)
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
            path = bomb_files[bomb]
            started = time.perf_counter()
            with open(path, "rb") as handle:
                response = session.post(
                    live_server.url + address,
                    files={field: (path.name, handle)},
                    data={**fields, "csrfmiddlewaretoken": token},
                    timeout=120,
                )
            answers.append(
                (
                    f"{page_name} {bomb}",
                    response.status_code,
                    time.perf_counter() - started,
                    html.unescape(response.text),
                )
            )

    poster = threading.Thread(target=post_bombs)
    poster.start()
    reader = requests.Session()
    waits = []
    while poster.is_alive() or not waits:
        started = time.perf_counter()
        response = reader.get(live_server.url + reverse("authority_list"), timeout=60)
        waits.append(time.perf_counter() - started)
        assert response.status_code == 200
    poster.join()
    assert [(name, status) for name, status, _, _ in answers] == [
        ("report zeros", 400),
        ("report paragraphs", 400),
        ("plan paragraphs", 400),
        ("annex_a rows", 400),
    ]
    assert all("it may be damaged or built to overload the server" in text for *_, text in answers)
    assert max(seconds for _, _, seconds, _ in answers) < 15, answers
    assert max(waits) < 5, f"a page took {max(waits):.1f} s while a bomb was being read"
