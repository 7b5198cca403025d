"""People: users' memberships of authorities (with a role) and the named owners of plan work."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from inspire.web.read.models import Authority

ROLE_CHOICES = [("viewer", "Viewer"), ("editor", "Editor"), ("admin", "Admin")]
#: what each role may do, in increasing order
ROLE_ORDER = {"viewer": 0, "editor": 1, "admin": 2}


class Membership(models.Model):
    """A user belongs to an authority with a role: viewers read, editors change plans, admins
    also manage people and see the audit trail."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=10, choices=ROLE_CHOICES, default="viewer")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "authority"], name="unique_membership")]
        ordering = ["authority__name", "user__username"]

    def __str__(self) -> str:
        return f"{self.user} – {self.authority} ({self.role})"


class Person(models.Model):
    """Someone who owns or leads plan work, by name or post as the plan writes it
    ("GM – Fieldwork Services", "Diane Williamson"); optionally a user of the service."""

    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="people")
    name = models.CharField(max_length=300)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["authority", "name"], name="unique_person_name")]
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return self.name
