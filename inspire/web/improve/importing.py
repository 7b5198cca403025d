"""The plan import's preview service: an uploaded file read within the reading limits (in a worker
process: ``core/plans/plan_import.read_upload``) and prepared for the inspection
(``plan_import.preview``: matched to its recommendations, dates before it cleared); who the plan
names that the council does not have yet; the upload held in the session until it is confirmed."""

from __future__ import annotations

import base64

from inspire.core.limits import check_package, run_bounded
from inspire.core.plans import plan_import
from inspire.core.plans.matching import RecommendationRef
from inspire.core.plans.model import PlanData
from inspire.web.accounts.models import Person
from inspire.web.read.models import Inspection
from inspire.web.toolkit.uploads import reading_bounds

#: the largest plan file the import page takes
MAX_IMPORT_BYTES = 10 * 1024 * 1024
_SESSION_KEY = "plan_import"


def plan_import_preview(*, inspection: Inspection, name: str, data: bytes) -> plan_import.Preview:
    """What importing ``data`` for ``inspection`` would store. Raises ``PlanImportError`` for a file
    that is not a plan Inspire reads, or ``LimitExceeded`` (its message naming the file and the
    limit) for one built to overload the server, refused before a worker starts or stopped in it."""
    title = f"{inspection.authority.name} improvement plan"
    check_package(data, name)  # a bomb is refused here, without starting a worker
    plan, notes, unplaced = run_bounded(
        plan_import.read_upload, name, data, title, source=name, bounds=reading_bounds()
    )
    recommendations = [RecommendationRef(r.section, r.ordinal, r.text) for r in inspection.recommendations.all()]
    return plan_import.preview(
        plan,
        notes,
        unplaced,
        title=title,
        recommendations=recommendations,
        inspection_start=inspection.inspection_start,
    )


def new_people(inspection: Inspection, plan: PlanData) -> list[str]:
    """The leads and owners the plan names that the council's people do not include yet."""
    names = (
        {a.lead for i in plan.items for a in i.actions}
        | {m.owner for i in plan.items for a in i.actions for m in a.milestones}
        | {r.owner for r in plan.risks}
    )
    known = set(Person.objects.filter(authority=inspection.authority).values_list("name", flat=True))
    return sorted(n for n in {" ".join(n.split()) for n in names} if n and n not in known)


def upload_hold(session, *, inspection: Inspection, name: str, data: bytes) -> None:
    """Keep the previewed file until the person confirms the import (nothing is stored before)."""
    session[_SESSION_KEY] = {"inspection": inspection.pk, "name": name, "data": base64.b64encode(data).decode()}


def upload_held(session, *, inspection: Inspection) -> tuple[str, bytes] | None:
    """The file held for ``inspection``'s import, or None when there is none (it expired, or was
    for another inspection)."""
    held = session.get(_SESSION_KEY)
    if not held or held.get("inspection") != inspection.pk:
        return None
    return held["name"], base64.b64decode(held["data"])


def upload_release(session) -> None:
    session.pop(_SESSION_KEY, None)
