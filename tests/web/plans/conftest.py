"""Southend's 2016 inspection stored (its 12 recommendations to the council and 4 to the LSCB,
read from seed 004's text), and users of Southend and Essex with each role."""

from __future__ import annotations

import re
from datetime import date

import pytest

from tests.conftest import seed
from tests.web.factories import make_record, store


def southend_recommendations() -> list[tuple[str, str]]:
    text = seed("004").read_text(encoding="utf-8")
    la_block = text.split("\nRecommendations\n", 1)[1].split("Summary for children", 1)[0]
    la = [("la", t.strip()) for _, t in re.findall(r"^(\d+)\. (.+)$", la_block, re.M)]
    lscb_block = text.split("\nRecommendations\n", 2)[2].split("Inspection findings", 1)[0]
    lscb = [("lscb", t.strip()) for _, t in re.findall(r"^(\d+)\. (.+)$", lscb_block, re.M)]
    return la + lscb


@pytest.fixture
def southend_inspection(register):
    record = make_record(
        authority="Southend-on-Sea",
        family="sif",
        inspection_start=date(2016, 4, 25),
        inspection_end=date(2016, 5, 19),
        published=date(2016, 7, 7),
        judgements={"overall": "requires_improvement", "help_and_protection": "requires_improvement",
                    "children_in_care": "requires_improvement", "adoption": "good", "care_leavers": "good",
                    "leadership": "requires_improvement", "lscb": "requires_improvement"},
        recommendations=southend_recommendations(),
    )
    inspection = store(record)
    # the factory numbers recommendations across sections; number the LSCB's from 1 as reports do
    for ordinal, rec in enumerate(inspection.recommendations.filter(section="lscb").order_by("ordinal"), start=1):
        rec.ordinal = ordinal
        rec.save()
    return inspection


@pytest.fixture
def essex_inspection(register):
    return store(make_record(authority="Essex", family="ilacs", published=date(2019, 11, 20),
                             recommendations=[("la", "Improve the timeliness of return home interviews.")]))


@pytest.fixture
def users(register, django_user_model):
    from inspire.web.accounts.models import Membership
    from inspire.web.inspections.models import Authority

    southend = Authority.objects.get(name="Southend-on-Sea")
    essex = Authority.objects.get(name="Essex")
    made = {}
    for name, authority, role in [
        ("southend_admin", southend, "admin"),
        ("southend_editor", southend, "editor"),
        ("southend_viewer", southend, "viewer"),
        ("essex_editor", essex, "editor"),
    ]:
        user = django_user_model.objects.create_user(username=name, password="correct horse battery staple")
        Membership.objects.create(user=user, authority=authority, role=role)
        made[name] = user
    made["outsider"] = django_user_model.objects.create_user(username="outsider", password="correct horse battery staple")
    return made
