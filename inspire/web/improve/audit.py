"""The audit trail and saves that two people cannot overwrite: every plan write records who,
when, each field's before and after (``AuditEntry``), and a change to an editable object is one
conditional ``UPDATE`` on its version (:func:`versioned_update`), refused with
:class:`EditConflict` when someone else saved it first."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import F

from inspire.core.calendar import format_long
from inspire.web.accounts.services import require_role
from inspire.web.improve.models import AuditEntry, Plan


def audit_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return format_long(value)
    return str(value)


_OWN = object()


def audit_entry(
    plan: Plan,
    user,
    obj,
    field: str = "",
    *,
    after: Any = "",
    before: Any = "",
    action: str = "create",
    shown=None,
    version: Any = _OWN,
) -> AuditEntry:
    """One line of the audit trail: ``obj`` (its type, id and version) as ``shown`` (else its own
    words) had ``field`` go from ``before`` to ``after``. ``version=None`` for a line that is no
    save of ``obj`` (an override beside an item), so an edit conflict does not list it."""
    return AuditEntry(
        plan=plan,
        user=user,
        action=action,
        object_type=type(obj).__name__,
        object_id=obj.pk,
        object_repr=str(obj if shown is None else shown)[:200],
        field=field,
        before=audit_text(before),
        after=audit_text(after),
        version=getattr(obj, "version", None) if version is _OWN else version,
    )


def audit_create(plan: Plan, user, obj, fields: Iterable[str]) -> None:
    """A new object in the trail: one line per field it was made with (one line if none)."""
    entries = [audit_entry(plan, user, obj, name, after=getattr(obj, name)) for name in fields]
    entries = [entry for entry in entries if entry.after] or [audit_entry(plan, user, obj)]
    AuditEntry.objects.bulk_create(entries)


def audit_change(plan: Plan, user, obj, name: str, before: Any, after: Any) -> None:
    audit_entry(plan, user, obj, name, before=before, after=after, action="update").save()


#: what people call each kind of object, in messages
OBJECT_NAMES = {
    "Plan": "plan",
    "Theme": "theme",
    "PlanItem": "plan item",
    "Action": "action",
    "Milestone": "milestone",
    "Measure": "measure",
    "Risk": "risk",
    "Board": "board",
    "BoardMember": "board member",
    "Meeting": "meeting",
}


class EditConflict(Exception):
    """Someone else saved the object after the version its editor read: nothing was written.
    ``current`` is the object as stored now, ``changes`` the audit entries of the saves since
    ``sent_version`` (who, when, each field's before and after)."""

    def __init__(self, current, sent_version: int):
        self.current = current
        self.sent_version = sent_version
        self.what = OBJECT_NAMES.get(type(current).__name__, type(current)._meta.verbose_name)
        self.changes = list(
            AuditEntry.objects.filter(
                object_type=type(current).__name__,
                object_id=current.pk,
                version__gt=sent_version,
            )
            .select_related("user")
            .order_by("when", "id")
        )
        super().__init__(
            f"Someone else changed this {self.what} while you were editing it, so your change was not "
            f"saved: you had version {sent_version}, version {current.version} is stored now"
        )

    @property
    def version(self) -> int:
        return self.current.version


def versioned_update(
    plan: Plan,
    user,
    obj,
    changes: dict[str, Any],
    version: int | None = None,
    also: Iterable[tuple[str, str, str]] = (),
) -> bool:
    """Save the fields of ``changes`` whose value differs from ``obj``'s, and only those, if the
    stored object is still at ``version`` — the one its editor read (``obj``'s own when not given);
    audit exactly what was written. ``also`` names changes the caller makes beside the row
    (field, before, after; a plan item's themes): they count as a change to the object too.

    Checking and writing are one statement (``UPDATE … WHERE id = … AND version = …`` adding one
    to the version), so of two saves from the same version only one can pass, on any database;
    the other raises :class:`EditConflict` having written nothing. Nothing changed: nothing is
    written, whatever the version. Returns whether anything was written."""
    expected = obj.version if version is None else version
    changed = {
        name: (getattr(obj, name), value)
        for name, value in changes.items()
        if audit_text(getattr(obj, name)) != audit_text(value)
    }
    also = list(also)
    if not changed and not also:
        return False
    for name, (_, value) in changed.items():
        setattr(obj, name, value)
    try:
        validate(obj)
    except ValidationError:
        for name, (before, _) in changed.items():
            setattr(obj, name, before)
        raise
    model = type(obj)
    written = model.objects.filter(pk=obj.pk, version=expected).update(
        version=F("version") + 1, **{name: value for name, (_, value) in changed.items()}
    )
    if not written:
        for name, (before, _) in changed.items():
            setattr(obj, name, before)
        raise EditConflict(model.objects.get(pk=obj.pk), expected)
    obj.version = expected + 1
    for name, (before, after) in changed.items():
        audit_change(plan, user, obj, name, before, after)
    for name, before, after in also:
        audit_change(plan, user, obj, name, before, after)
    return True


def validate(obj) -> None:
    obj.full_clean(exclude=[f.name for f in obj._meta.fields if f.is_relation])


def require_editor(plan: Plan, user) -> None:
    require_role(user=user, authority=plan.authority, role="editor")
