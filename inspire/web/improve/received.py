"""The date a plan's statutory deadline counts from: offered from the report, confirmed by a
person, never assumed (see ``inspire.core.plans.deadlines``).

Starting a plan asks for it first (``plan_start``); a plan started without it, or imported, shows
"Deadline not yet known — confirm the publication date" until someone confirms a date
(``received_confirm``). Every change is in the audit trail.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from inspire.core.calendar import format_long
from inspire.core.plans import deadlines
from inspire.web.improve import audit, services
from inspire.web.improve.models import Plan
from inspire.web.read.models import Inspection


def received_suggestion(inspection: Inspection) -> deadlines.Suggestion:
    """What to pre-fill: the publication date the report states, else the reader's estimate."""
    return deadlines.received_suggestion(
        inspection.published, inspection.published_estimate, inspection.published_estimate_source
    )


def plan_document(inspection: Inspection) -> str:
    """What the plan sent to Ofsted is called, from the report's overall effectiveness judgement."""
    overall = inspection.judgements.filter(area="overall").values_list("grade", flat=True).first()
    return deadlines.plan_document(overall)


def _check(plan_or_inspection: Inspection, received: date) -> None:
    ended = plan_or_inspection.inspection_end or plan_or_inspection.inspection_start
    if ended and received < ended:
        raise ValidationError(
            {"received": f"{format_long(received)} is before the inspection ended ({format_long(ended)})"}
        )
    if received > date.today():
        raise ValidationError(
            {
                "received": f"{format_long(received)} is in the future: give the date the report "
                "was published or sent to you"
            }
        )


def received_confirm(*, plan: Plan, user, received: date, version: int | None = None) -> Plan:
    """Confirm (or correct) the date the report was received; the deadline counts from it. With
    ``version`` (the plan's version the form was filled from) a change made meanwhile by someone
    else refuses the save (``services.EditConflict``)."""
    audit.require_editor(plan, user)
    _check(plan.inspection, received)
    basis = deadlines.basis_for(received, received_suggestion(plan.inspection))
    with transaction.atomic():
        audit.versioned_update(plan, user, plan, {"received": received, "received_basis": basis}, version=version)
    return plan


def plan_start(*, inspection: Inspection, user, received: date | None) -> Plan:
    """A plan for ``inspection`` (every recommendation an item) with the received date confirmed,
    or, when ``received`` is None, none yet: its deadline then shows as not yet known."""
    if received is not None:
        _check(inspection, received)
    with transaction.atomic():
        plan = services.plan_create(inspection=inspection, created_by=user)
        if received is not None:
            received_confirm(plan=plan, user=user, received=received)
    return plan
