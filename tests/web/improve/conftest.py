"""Southend's 2016 and East Sussex's 2014 inspections as Inspire reads them from seeds 004 and
002 (the committee papers that embed the reports), and users of Southend and Essex with each role."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import seed
from tests.web.factories import make_record, store


def read_seed(prefix: str):
    """Read a seed with Inspire's reader and store it, as an upload would."""
    from inspire.web.read.uploads import report_upload

    path = seed(prefix)
    return report_upload(content=path.read_bytes(), filename=path.name).inspection


@pytest.fixture
def southend_inspection(register):
    inspection = read_seed("004")
    assert inspection.recommendations.filter(section="la").count() == 12
    return inspection


@pytest.fixture
def east_sussex_inspection(register):
    return read_seed("002")


@pytest.fixture
def essex_inspection(register):
    return store(
        make_record(
            authority="Essex",
            family="ilacs",
            published=date(2019, 11, 20),
            recommendations=[("la", "Improve the timeliness of return home interviews.")],
        )
    )


@pytest.fixture
def users(register, django_user_model):
    from inspire.web.accounts.models import Membership
    from inspire.web.read.models import Authority

    southend = Authority.objects.get(name="Southend-on-Sea")
    essex = Authority.objects.get(name="Essex")
    east_sussex = Authority.objects.get(name="East Sussex")
    made = {}
    for name, authority, role in [
        ("southend_admin", southend, "admin"),
        ("southend_editor", southend, "editor"),
        ("southend_viewer", southend, "viewer"),
        ("essex_editor", essex, "editor"),
        ("east_sussex_editor", east_sussex, "editor"),
    ]:
        user = django_user_model.objects.create_user(username=name, password="correct horse battery staple")
        Membership.objects.create(user=user, authority=authority, role=role)
        made[name] = user
    made["outsider"] = django_user_model.objects.create_user(
        username="outsider", password="correct horse battery staple"
    )
    return made
