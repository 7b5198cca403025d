"""Improvement plans after an inspection, their governance and their audit trail.

Statuses that can be derived are never stored: the submission deadline (from the received
date), a milestone's "overdue", RAG statuses, overall and revised risk. Progress updates and
RAG overrides are append-only: the models refuse to change or delete a saved row.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models

from inspire.core.calendar import format_long
from inspire.core.plans import deadlines
from inspire.core.plans import rag as rag_rules
from inspire.core.plans import risk as risk_rules
from inspire.core.plans.area_deadline import Deadline, plan_deadline
from inspire.core.plans.deadlines import submission_deadline
from inspire.core.reading.record import AREA_FAMILIES
from inspire.web.accounts.models import Person
from inspire.web.read.models import Authority, Inspection, Recommendation

JUDGEMENT_AREA_CHOICES = [
    ("", "Not linked"),
    ("help_and_protection", "Children who need help and protection"),
    ("children_in_care", "Children in care / looked after and achieving permanence"),
    ("adoption", "Adoption performance"),
    ("care_leavers", "Care leavers"),
    ("leadership", "Leadership, management and governance / impact of leaders"),
    ("lscb", "Local safeguarding children board"),
]
MILESTONE_STATUS_CHOICES = [(s, rag_rules.MILESTONE_STATUS_LABELS[s]) for s in rag_rules.MILESTONE_STATUSES]
POLARITY_CHOICES = list(rag_rules.POLARITIES.items())
RAG_CHOICES = [(r, rag_rules.RAG_LABELS[r]) for r in rag_rules.RAG_VALUES]
LEVEL_CHOICES = [(level, risk_rules.LEVEL_LABELS[level]) for level in risk_rules.LEVELS[::-1]]
BOARD_ROLE_CHOICES = [
    ("chair", "Chair"),
    ("sponsor", "Sponsor"),
    ("programme_executive", "Programme executive"),
    ("programme_manager", "Programme manager"),
    ("member", "Member"),
]
MEETING_ACTION_STATUS_CHOICES = [("open", "Open"), ("done", "Done"), ("dropped", "Dropped")]
BOARD_KIND_CHOICES = [
    ("improvement_board", "Improvement board"),
    ("scrutiny_panel", "Scrutiny panel"),
    ("other", "Other"),
]


class AppendOnlyError(Exception):
    """A saved progress update or override cannot be changed or deleted."""


class AppendOnly(models.Model):
    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError(f"a saved {self._meta.verbose_name} cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(f"a saved {self._meta.verbose_name} cannot be deleted")


class Versioned(models.Model):
    """An object people edit: each save names the version its editor read and adds one to it, in
    one conditional UPDATE (``services._update``), so a save based on an older version is refused
    (``services.EditConflict``) instead of silently replacing newer work."""

    version = models.PositiveIntegerField(default=1)

    class Meta:
        abstract = True


class Plan(Versioned):
    inspection = models.ForeignKey(Inspection, on_delete=models.PROTECT, related_name="plans")
    authority = models.ForeignKey(Authority, on_delete=models.PROTECT, related_name="plans")
    title = models.CharField(max_length=300)
    #: when the council received the final report, as a person confirmed it (never assumed: until
    #: confirmed the deadline is unknown; see core/plans/deadlines.py)
    received = models.DateField(null=True, blank=True)
    #: what the confirmed date is: published | estimate | entered (``deadlines.BASES``)
    received_basis = models.CharField(max_length=10, blank=True, choices=[(k, v) for k, v in deadlines.BASES.items()])
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return self.title

    @property
    def received_date(self):
        """The confirmed date the report was received; None until a person confirms one."""
        return self.received

    @property
    def deadline(self):
        """The submission deadline: for an ILACS or SIF inspection 70 working days after the confirmed
        received date, None while no date is confirmed (never counted from a date nobody confirmed); for
        an area inspection the date the report itself states, or None (``area_deadline``)."""
        if self.is_area_plan:
            return self.area_deadline.day
        return submission_deadline(self.received) if self.received else None

    @property
    def is_area_plan(self) -> bool:
        """A plan answering an area inspection (JTAI, area SEND), whose deadline the report sets."""
        return self.inspection.family in AREA_FAMILIES

    @property
    def area_deadline(self) -> Deadline:
        """An area inspection's deadline: the date its report states, quoted, or none."""
        record = self.inspection.record or {}
        stated = record.get("plan_deadline")
        quote = (record.get("provenance", {}).get("plan_deadline") or {}).get("quote", "")
        return plan_deadline(
            family=self.inspection.family,
            received=self.received,
            stated=date.fromisoformat(stated) if stated else None,
            quote=quote,
        )

    @property
    def deadline_counts_from(self) -> str:
        """What the deadline counts from, or that it is not yet known."""
        if self.is_area_plan:
            return self.area_deadline.explanation
        return deadlines.counts_from(self.received, self.received_basis)

    @property
    def deadline_line(self) -> str:
        if self.is_area_plan:
            rule = self.area_deadline
            return f"Submission deadline {format_long(rule.day)}. {rule.explanation}" if rule.day else rule.explanation
        return deadlines.deadline_line(self.received, self.received_basis)


class Theme(Versioned):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="themes")
    code = models.CharField(max_length=10)
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["plan", "code"]
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="unique_theme_code")]

    def __str__(self) -> str:
        return f"{self.code}: {self.name}"


class PlanItem(Versioned):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="items")
    ordinal = models.PositiveIntegerField()
    ref = models.CharField(max_length=40)
    title = models.TextField()
    recommendation = models.ForeignKey(
        Recommendation, null=True, blank=True, on_delete=models.PROTECT, related_name="plan_items"
    )
    judgement_area = models.CharField(max_length=30, choices=JUDGEMENT_AREA_CHOICES, blank=True)
    themes = models.ManyToManyField(Theme, blank=True, related_name="items")
    #: who answers for the item: for an area inspection, the responsible body the report names
    owner = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    #: "Outcomes to be achieved" as the plan writes them, and the report's paragraphs behind the item
    outcomes = models.TextField(blank=True)
    report_refs = models.CharField(max_length=300, blank=True, help_text="For example: Paragraph 120; Summary, page 9")

    class Meta:
        ordering = ["plan", "ordinal"]

    def __str__(self) -> str:
        return f"{self.ref}. {self.title[:80]}"

    @property
    def own(self) -> bool:
        """The council's own item, answering no recommendation of the report."""
        return self.recommendation_id is None


class Action(Versioned):
    item = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="actions")
    ordinal = models.PositiveIntegerField()
    ref = models.CharField(max_length=20)
    text = models.TextField()
    lead = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    timescale = models.CharField(max_length=300, blank=True)
    target_date = models.DateField(null=True, blank=True)
    #: the priority timeline (seed 004, part two): date commenced, expected outcome achieved by
    start_date = models.DateField(null=True, blank=True)
    outcome_by = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["item", "ordinal"]

    def __str__(self) -> str:
        return f"{self.ref}. {self.text[:80]}"


class Milestone(Versioned):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="milestones")
    ordinal = models.PositiveIntegerField()
    label = models.CharField(max_length=40, blank=True)
    text = models.TextField()
    owner = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    timescale = models.CharField(max_length=300, blank=True)
    target_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=12, choices=MILESTONE_STATUS_CHOICES, default="not_started")
    evidence = models.TextField(blank=True, help_text="Evidence of completion")

    class Meta:
        ordering = ["action", "ordinal"]

    def __str__(self) -> str:
        return f"{self.label or self.ordinal}: {self.text[:80]}"

    def shown_status(self, as_at) -> str:
        return rag_rules.milestone_status(self.status, self.target_date, as_at)


class Measure(Versioned):
    item = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="measures")
    description = models.TextField()
    unit = models.CharField(max_length=20, blank=True)
    baseline = models.FloatField(null=True, blank=True)
    baseline_date = models.DateField(null=True, blank=True)
    target = models.FloatField(null=True, blank=True)
    target_date = models.DateField(null=True, blank=True)
    #: never assumed: inferred from baseline and target, or said (see rag.measure_polarity)
    polarity = models.CharField(max_length=20, choices=POLARITY_CHOICES, blank=True)
    #: an indicator of the catalogue (for the plan's authority) whose values are the measure's
    indicator = models.CharField(max_length=60, blank=True)

    class Meta:
        ordering = ["item", "id"]

    def __str__(self) -> str:
        return self.description[:80]


class MeasureValue(models.Model):
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="values")
    date = models.DateField()
    value = models.FloatField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["measure", "date", "id"]


class ProgressUpdate(AppendOnly):
    """A dated narrative of progress and impact. Never edited, never deleted."""

    item = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="progress_updates")
    date = models.DateField()
    text = models.TextField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    #: who wrote it, as an imported plan names them (the author above is then who imported it)
    author_name = models.CharField(max_length=200, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["item", "date", "id"]

    @property
    def written_by(self) -> str:
        return self.author_name or (self.author.get_username() if self.author else "")


class RagOverride(AppendOnly):
    """A person's override of an item's derived RAG; the latest one counts, a blank ``rag`` ends
    the override. All are kept."""

    item = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="rag_overrides")
    rag = models.CharField(max_length=10, choices=RAG_CHOICES, blank=True)
    reason = models.TextField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created = models.DateTimeField(auto_now_add=True)
    #: who made it and when, as an imported plan records them (``by`` and ``created`` are then the import)
    by_name = models.CharField(max_length=200, blank=True)
    made = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["item", "created", "id"]

    @property
    def made_by(self) -> str:
        return self.by_name or (self.by.get_username() if self.by else "")

    @property
    def made_at(self):
        return self.made or self.created


class Board(Versioned):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="boards")
    kind = models.CharField(max_length=20, choices=BOARD_KIND_CHOICES)
    name = models.CharField(max_length=200)
    terms_of_reference = models.TextField(blank=True)
    frequency = models.CharField(max_length=100, blank=True, help_text="For example: bi-monthly")

    class Meta:
        ordering = ["plan", "id"]

    def __str__(self) -> str:
        return self.name


class BoardMember(Versioned):
    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(max_length=200)
    role = models.CharField(max_length=200, blank=True)  # as the council words it ("Chief Executive")
    #: the member's part in the programme (seed 004: chair, sponsor, programme executive...)
    board_role = models.CharField(max_length=20, choices=BOARD_ROLE_CHOICES, default="member")

    class Meta:
        ordering = ["board", "id"]

    def __str__(self) -> str:
        return self.name


class Meeting(Versioned):
    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField()
    agenda = models.TextField(blank=True)
    #: what the board is asked to decide at this meeting (one a line); the pack lists them
    decisions_sought = models.TextField(blank=True)
    minutes = models.TextField(blank=True)

    class Meta:
        ordering = ["board", "date"]
        constraints = [models.UniqueConstraint(fields=["board", "date"], name="unique_meeting_date")]

    def __str__(self) -> str:
        return f"{self.board.name}, {self.date.day} {self.date:%B %Y}"


class Risk(Versioned):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="risks")
    ordinal = models.PositiveIntegerField()
    description = models.TextField()
    impact = models.CharField(max_length=6, choices=LEVEL_CHOICES)
    likelihood = models.CharField(max_length=6, choices=LEVEL_CHOICES)
    mitigations = models.TextField(blank=True)
    revised_impact = models.CharField(max_length=6, choices=LEVEL_CHOICES, blank=True)
    revised_likelihood = models.CharField(max_length=6, choices=LEVEL_CHOICES, blank=True)
    owner = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    review_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["plan", "ordinal"]

    def __str__(self) -> str:
        return self.description[:80]

    @property
    def overall(self) -> str:
        return risk_rules.overall(self.impact, self.likelihood)

    @property
    def revised(self) -> str:
        if self.revised_impact and self.revised_likelihood:
            return risk_rules.overall(self.revised_impact, self.revised_likelihood)
        return ""


class AuditEntry(models.Model):
    """One changed field of a plan or its parts: who, when, what it was and what it became."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="audit_entries")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    when = models.DateTimeField(auto_now_add=True, db_index=True)
    action = models.CharField(max_length=10)  # create | update | delete
    object_type = models.CharField(max_length=40)
    object_id = models.PositiveBigIntegerField(null=True)
    object_repr = models.CharField(max_length=200)
    field = models.CharField(max_length=60, blank=True)
    before = models.TextField(blank=True)
    after = models.TextField(blank=True)
    #: the object's version this change made (blank for objects without versions and older entries)
    version = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-when", "-id"]
        verbose_name_plural = "audit entries"


class MeetingDecision(AppendOnly):
    """A decision a board made at a meeting, as minuted. Never edited."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField()
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["meeting", "id"]


class MeetingAction(Versioned):
    """An action arising from a meeting: owner, due date, status. Open ones go into the next pack."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="actions")
    text = models.TextField()
    owner = models.CharField(max_length=200, blank=True)
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=MEETING_ACTION_STATUS_CHOICES, default="open")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["meeting", "id"]

    def __str__(self) -> str:
        return self.text[:80]


class PlanNarrative(AppendOnly):
    """The plan's narrative of progress to date (seed 004, part one), dated, optionally for a
    meeting. Never edited: a newer narrative supersedes an older one."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="narratives")
    meeting = models.ForeignKey(Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="narratives")
    date = models.DateField()
    text = models.TextField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["plan", "date", "id"]
