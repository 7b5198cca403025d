"""Who may do what: a user changes only the plans of authorities they belong to, with a role of
editor or admin; viewers read only. Superusers may do anything."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from inspire.web.accounts.models import ROLE_ORDER, Membership, Person
from inspire.web.read.models import Authority


def authority_role(*, user, authority: Authority) -> str | None:
    """The user's role for ``authority`` ("viewer", "editor", "admin") or None."""
    if user is None or not user.is_authenticated:
        return None
    if user.is_superuser:
        return "admin"
    membership = Membership.objects.filter(user=user, authority=authority).only("role").first()
    return membership.role if membership else None


def require_role(*, user, authority: Authority, role: str) -> None:
    """Raise PermissionDenied unless the user has at least ``role`` for ``authority``."""
    have = authority_role(user=user, authority=authority)
    if have is None:
        raise PermissionDenied(f"you are not a member of {authority.name}")
    if ROLE_ORDER[have] < ROLE_ORDER[role]:
        raise PermissionDenied(f"your role for {authority.name} is {have}; this needs {role}")


def membership_set(*, authority: Authority, user, role: str, by) -> Membership:
    """Give ``user`` a role for ``authority`` (admins of that authority only)."""
    require_role(user=by, authority=authority, role="admin")
    return membership_grant(authority=authority, user=user, role=role)


def membership_grant(*, authority: Authority, user, role: str) -> Membership:
    """Give ``user`` a role for ``authority``, replacing any role they had there. No permission
    check: for the operator (``inspire users grant``) and for :func:`membership_set`."""
    if role not in ROLE_ORDER:
        raise ValidationError({"role": f"'{role}' is not a role ({', '.join(ROLE_ORDER)})"})
    membership, _ = Membership.objects.update_or_create(user=user, authority=authority, defaults={"role": role})
    return membership


def user_create(*, username: str, email: str = "", password: str, is_staff: bool = False):
    """A new user who can sign in with ``username`` and ``password``."""
    User = get_user_model()
    username = username.strip()
    if not username:
        raise ValidationError({"username": "a user name is needed"})
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": f"there is already a user called '{username}'"})
    if not password:
        raise ValidationError({"password": "the password is empty"})
    user = User(username=username, email=email.strip(), is_staff=is_staff)
    user.full_clean(exclude=["password"])
    try:
        validate_password(password, user)  # the validators of AUTH_PASSWORD_VALIDATORS: 12+ characters...
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from None
    user.set_password(password)
    user.save()
    return user


def person_get_or_create(*, authority: Authority, name: str) -> Person | None:
    name = " ".join((name or "").split())[:300]
    if not name:
        return None
    with transaction.atomic():
        person, _ = Person.objects.get_or_create(authority=authority, name=name)
    return person


def person_lookup(*, authority: Authority, name: str, field: str) -> Person | None:
    """The known owner called ``name``; an unknown name is refused with the field named."""
    name = " ".join((name or "").split())
    if not name:
        return None
    person = Person.objects.filter(authority=authority, name=name).first()
    if person is None:
        raise ValidationError(
            {field: f"'{name}' is not a known owner for {authority.name}: add them under people first"}
        )
    return person
