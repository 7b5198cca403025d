"""Two people editing at once: a save over a newer version (``services.EditConflict``) is shown
with the other person's change, what is stored now, and the user's own input kept in the form,
so that saving again is a choice made knowing the other change."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone

from inspire.core.calendar import format_long
from inspire.web.improve import services
from inspire.web.toolkit.params import Params, whole_number

#: the fields each edit form shows, as its labels name them (for a conflict's "what is stored now")
PLAN_FIELDS = {"title": "Title", "received": "Date the report was received"}
ITEM_FIELDS = {"judgement_area": "Judgement area", "themes": "Themes"}
ACTION_FIELDS = {
    "text": "Overarching action",
    "lead": "Lead",
    "target_date": "Target date",
    "timescale": "Timescale as written",
}
MILESTONE_FIELDS = {
    "text": "Milestone",
    "owner": "Owner",
    "target_date": "Target date",
    "status": "Status",
    "evidence": "Evidence of completion",
}
RISK_FIELDS = {
    "description": "Risk",
    "impact": "Impact",
    "likelihood": "Likelihood",
    "revised_impact": "Revised impact",
    "revised_likelihood": "Revised likelihood",
    "mitigations": "Mitigations",
    "owner": "Owner",
    "review_date": "Review date",
}


def sent_version(params: Params) -> int:
    """The version of the object the form was filled from; 0 (which no object has, so the save
    is refused as a conflict and the stored values shown) when the form did not say."""
    return whole_number(params.data.get("version", "").strip()) or 0


def in_words(obj, name: str, value: str) -> str:
    """A stored or audited value as the form's options word it ("on_track" is "On track")."""
    try:
        choices = dict(obj._meta.get_field(name).flatchoices)
    except FieldDoesNotExist:
        return value
    return str(choices.get(value, value))


def stored_value(obj, name: str) -> str:
    if name == "themes":
        return ", ".join(t.code for t in obj.themes.all())
    value = getattr(obj, name)
    if value is None or value == "":
        return ""
    if isinstance(value, date):
        return format_long(value)
    return in_words(obj, name, str(value))


def conflict_shown(params: Params, conflict: services.EditConflict, fields: dict[str, str]) -> dict:
    """Show a refused save: the message in the error summary (linking to the panel that shows the
    other person's change and what is stored now), the user's own input kept in the form, and the
    stored version in it, so that saving again is a choice made knowing the other change."""
    params.data = params.data.copy()
    params.data["version"] = str(conflict.version)
    params.errors["conflict"] = (
        f"Someone else changed this {conflict.what} while you were editing it, so your "
        "changes have not been saved. Check their change, then save again to replace it "
        "with yours"
    )
    return conflict_panel(conflict, fields)


def conflict_panel(conflict: services.EditConflict, fields: dict[str, str]) -> dict:
    current = conflict.current
    saves: dict[int | None, dict] = {}
    for entry in conflict.changes:
        when = timezone.localtime(entry.when)
        save = saves.setdefault(
            entry.version,
            {
                "who": entry.user.get_username() if entry.user else "Someone no longer a user",
                "when": f"{format_long(when.date())} at {when:%H:%M}",
                "fields": [],
            },
        )
        save["fields"].append(
            (
                fields.get(entry.field, entry.field.replace("_", " ").capitalize()),
                in_words(current, entry.field, entry.before),
                in_words(current, entry.field, entry.after),
            )
        )
    return {
        "what": conflict.what,
        "version": conflict.version,
        "saves": list(saves.values()),
        "stored": [(label, stored_value(current, name)) for name, label in fields.items()],
    }
