"""Stored inspections: the register of authorities, source documents and what was read from them.

The record read by ``inspire.core.reading`` is stored whole (``Inspection.record``, the stable
JSON shape) and also in relational form (judgements, recommendations) for queries.

An inspection is one inspection however many files it was read from: it is identified by its
authority, family and inspection dates (first and last day), not by file bytes. Each file is an
``InspectionSource``; the first is also ``Inspection.document``, the primary, which provenance and
page links point into. Duplicates stored before this rule were merged (``InspectionMerge``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce
from django.utils import timezone

from inspire.core.calendar import format_long
from inspire.core.national import EFFECTIVE, HAPPENED, DateRule

GRADE_CHOICES = [
    ("outstanding", "Outstanding"),
    ("good", "Good"),
    ("requires_improvement", "Requires improvement"),
    ("adequate", "Adequate"),
    ("inadequate", "Inadequate"),
]

FAMILY_CHOICES = [
    ("apa", "Annual performance assessment (2005-08)"),
    ("slac", "Safeguarding and looked after children (2009-12)"),
    ("lac_2012", "Looked after children services (2012-13)"),
    ("cp_2012", "Arrangements for the protection of children (2012-13)"),
    ("sif", "Single inspection framework (2013-18)"),
    ("lscb_review", "Review of the local safeguarding children board"),
    ("ilacs", "Inspection of local authority children's services (2018-26)"),
    ("ilacs_2026", "Inspection of local authority children's services (from April 2026)"),
    ("jtai", "Joint targeted area inspection (JTAI, from 2016)"),
    ("send_2023", "Area SEND inspection (from 2023)"),
    ("jar_2009", "Joint area review progress inspection (2009)"),
]


class Authority(models.Model):
    """A local authority with children's services (from the register; see ``register_sync``)."""

    ofsted_urn = models.CharField(max_length=10, unique=True)
    dfe_la_code = models.CharField(max_length=3, unique=True)
    ons_code = models.CharField(max_length=9)
    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True)
    region_code = models.CharField(max_length=10)
    region_name = models.CharField(max_length=50, db_index=True)
    la_type = models.CharField(max_length=50, blank=True)
    population_0_25 = models.PositiveIntegerField(null=True, blank=True)
    #: DfE codes of the ten statistical neighbours (current set)
    stat_neighbours = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "authorities"

    def __str__(self) -> str:
        return self.name


class SourceDocument(models.Model):
    """The original file, kept so a person can check any value against it. Never executed."""

    sha256 = models.CharField(max_length=64, unique=True)
    filename = models.CharField(max_length=255)
    format = models.CharField(max_length=10)
    size = models.PositiveBigIntegerField()
    page_count = models.PositiveIntegerField()
    content = models.BinaryField(editable=False)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.filename


class DocumentPage(models.Model):
    """A page's text, for provenance and full-text search."""

    document = models.ForeignKey(SourceDocument, on_delete=models.CASCADE, related_name="pages")
    number = models.PositiveIntegerField()
    text = models.TextField()

    class Meta:
        ordering = ["document", "number"]
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="unique_page_number")]


class Inspection(models.Model):
    #: the primary source: the first file stored, which provenance and page links point into
    document = models.OneToOneField(SourceDocument, on_delete=models.CASCADE, related_name="inspection")
    authority = models.ForeignKey(
        Authority, null=True, blank=True, on_delete=models.PROTECT, related_name="inspections"
    )
    family = models.CharField(max_length=20, choices=FAMILY_CHOICES, db_index=True)
    inspection_start = models.DateField(null=True, blank=True, db_index=True)
    inspection_end = models.DateField(null=True, blank=True)
    published = models.DateField(null=True, blank=True)
    #: where the report states no publication date: an estimate and its source (see docs/RECORD.md)
    published_estimate = models.DateField(null=True, blank=True)
    published_estimate_source = models.CharField(max_length=100, blank=True)
    lead_inspector = models.CharField(max_length=200, blank=True)
    #: area inspections (see docs/RECORD.md): a JTAI's theme and letter date, an area SEND outcome
    #: ("1"-"3") and the next inspection it states
    theme = models.CharField(max_length=300, blank=True)
    letter_date = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=10, blank=True, db_index=True)
    next_inspection = models.CharField(max_length=200, blank=True)
    facts = models.JSONField(default=dict, blank=True)
    warnings = models.JSONField(default=list, blank=True)
    #: the whole record as ``inspire read --json`` prints it
    record = models.JSONField()
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-inspection_start"]
        indexes = [models.Index(fields=["authority", "inspection_start"])]
        constraints = [
            # one inspection per authority, family and dates (rows missing any of them are never matched:
            # NULLs are distinct in a unique constraint, on SQLite and PostgreSQL alike)
            models.UniqueConstraint(
                fields=["authority", "family", "inspection_start", "inspection_end"], name="one_inspection_per_identity"
            )
        ]

    def __str__(self) -> str:
        """As people read it: "Essex: Single inspection framework (2013-18), 25 April 2016" (the
        date it ``HAPPENED``, as the pages place inspections)."""
        who = self.authority.name if self.authority else "Unknown authority"
        when = HAPPENED.of(self)
        return f"{who}: {self.get_family_display()}" + (f", {format_long(when)}" if when else "")

    @property
    def effective_date(self):
        """The date its judgements took effect (``core.national.EFFECTIVE``): publication if stated,
        else the last day of the inspection, else its first."""
        return EFFECTIVE.of(self)


class InspectionSource(models.Model):
    """A file an inspection was read from: its primary (``Inspection.document``) or another copy
    (a Word, HTML or text copy, a re-saved PDF) of the same inspection, with what was read from it
    and where that differs from the inspection's values."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="sources")
    document = models.OneToOneField(SourceDocument, on_delete=models.CASCADE, related_name="source")
    added = models.DateTimeField(default=timezone.now)
    #: the record read from this file (``inspire read --json``)
    record = models.JSONField()
    #: where this file reads differently from the inspection: [{"field", "label", "kept", "this"}]
    differences = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["inspection", "added", "pk"]

    def __str__(self) -> str:
        return f"{self.document.filename} ({self.document.format})"

    @property
    def primary(self) -> bool:
        return self.document_id == self.inspection.document_id


class InspectionMerge(models.Model):
    """A duplicate inspection (another file of the same inspection, stored as a second inspection
    before inspections were matched) merged into the one kept: what it was and what was moved."""

    kept = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="merges")
    #: the id and name the duplicate had (its row is gone; its file is now one of ``kept``'s sources)
    merged_id = models.PositiveBigIntegerField()
    merged_name = models.CharField(max_length=300)
    #: what pointed at the duplicate and now points at the kept one, by model: {"plans.Plan": [ids], ...}
    moved = models.JSONField(default=dict, blank=True)
    note = models.TextField(blank=True)
    merged = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["kept", "merged"]


class Judgement(models.Model):
    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="judgements")
    area = models.CharField(max_length=60)
    grade = models.CharField(max_length=24, choices=GRADE_CHOICES)
    #: APA-style numeric grade (4 best), where the framework grades in numbers
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    page = models.PositiveIntegerField(null=True, blank=True)
    quote = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["inspection", "area"], name="unique_judgement_area")]
        indexes = [models.Index(fields=["area", "grade"])]


class Recommendation(models.Model):
    SECTION_CHOICES = [
        ("la", "Local authority"),
        ("lscb", "Local safeguarding children board"),
        ("area", "Local area partnership"),
    ]

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="recommendations")
    section = models.CharField(max_length=4, choices=SECTION_CHOICES)
    ordinal = models.PositiveIntegerField()
    text = models.TextField()
    page = models.PositiveIntegerField(null=True, blank=True)
    KIND_CHOICES = [("priority", "Priority action"), ("improvement", "Area for improvement")]
    #: the report's group for it, where the list is grouped (see ``core.reading.record.Recommendation``)
    kind = models.CharField(max_length=12, choices=KIND_CHOICES, blank=True)
    topic = models.CharField(max_length=200, blank=True)
    agency = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["inspection", "section", "-kind", "ordinal"]  # priority actions before improvements
        constraints = [
            # area inspections number their priority actions and improvements each from 1
            models.UniqueConstraint(
                fields=["inspection", "section", "kind", "ordinal"], name="unique_recommendation_kind_ordinal"
            )
        ]


def inspection_date(rule: DateRule, prefix: str = "") -> Coalesce:
    """A date rule of :mod:`inspire.core.national` as the one ORM expression for querysets: over an
    inspection's fields, or a related inspection's with ``prefix`` (``"inspection__"`` from a
    judgement, ``"inspections__"`` from an authority)."""
    return Coalesce(*(prefix + field for field in rule.fields))
