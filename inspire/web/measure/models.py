"""Imported Annex A returns, dated indicator values, the under-18 population and comparators.

Case-level rows (with the council's child IDs) are kept only in ``CaseList`` — in the council's own
database — so any period can be recomputed and authorised users can see the cases behind a figure.
Nothing else stores identifiers, and no export includes them.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from inspire.core.calendar import format_long
from inspire.web.read.models import Authority, Inspection


class AnnexAImport(models.Model):
    """One Annex A workbook imported for an authority."""

    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="annex_a_imports")
    filename = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    #: the first and last contact or referral dates (the window the return covers)
    first_date = models.DateField(null=True, blank=True)
    last_date = models.DateField(null=True, blank=True)
    #: the reporting period the person importing chose (empty for imports from before it was asked)
    period_start = models.DateField(null=True, blank=True)
    period_end = models.DateField(null=True, blank=True)
    #: list key -> typed rows read
    row_counts = models.JSONField(default=dict)
    #: list key -> the typed columns found (a list absent here was not in the workbook)
    columns = models.JSONField(default=dict)
    problem_count = models.PositiveIntegerField(default=0)
    #: the problems, as {list, row, column, message, kind}, at most ``PROBLEMS_KEPT``
    problems = models.JSONField(default=list)

    PROBLEMS_KEPT = 2000

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"{self.authority}: {self.filename} ({format_long(self.created)})"


class CaseList(models.Model):
    """The typed rows of one list of an import, compressed (``inspire.web.measure.caselists``)."""

    dataset = models.ForeignKey(AnnexAImport, on_delete=models.CASCADE, related_name="case_lists")
    list_key = models.CharField(max_length=30)
    row_count = models.PositiveIntegerField()
    data = models.BinaryField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["dataset", "list_key"], name="unique_case_list")]


class Population(models.Model):
    """Children under 18 living in the area on a date: entered by a person or read from a report.
    (The register's population aged 0-25 is a different figure and is not used for rates.)"""

    SOURCES = [("entered", "Entered"), ("report", "Inspection report"), ("published", "ONS mid-year estimate")]

    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="populations")
    as_at = models.DateField()
    under_18 = models.PositiveIntegerField()
    source = models.CharField(max_length=10, choices=SOURCES, default="entered")
    inspection = models.ForeignKey(Inspection, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["authority", "-as_at"]
        constraints = [models.UniqueConstraint(fields=["authority", "as_at", "source"], name="unique_population")]


class IndicatorValue(models.Model):
    """An indicator's value for an authority and period: computed from an import or read from a report."""

    SOURCES = [("annex_a", "Annex A return"), ("report", "Inspection report")]

    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="indicator_values")
    indicator = models.CharField(max_length=60)
    period_start = models.DateField()
    period_end = models.DateField()
    value = models.FloatField(null=True, blank=True)
    numerator = models.FloatField(null=True, blank=True)
    denominator = models.FloatField(null=True, blank=True)
    #: reason -> rows left out
    left_out = models.JSONField(default=dict, blank=True)
    unavailable = models.CharField(max_length=300, blank=True)
    #: for a rate: which under-18 population it divides by, in words ("ONS mid-2024 estimate")
    population_source = models.CharField(max_length=200, blank=True)
    source = models.CharField(max_length=10, choices=SOURCES)
    dataset = models.ForeignKey(AnnexAImport, null=True, blank=True, on_delete=models.CASCADE, related_name="values")
    inspection = models.ForeignKey(
        Inspection, null=True, blank=True, on_delete=models.CASCADE, related_name="indicator_values"
    )
    computed = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["authority", "indicator", "period_end", "period_start"]
        indexes = [models.Index(fields=["authority", "indicator", "period_end"])]


class ComparatorValue(models.Model):
    """A published figure for England, a region or an authority (``inspire.core.indicators.published``),
    or the record that it is not published (``value`` empty, ``not_published`` says why: never 0)."""

    LEVELS = [("national", "England"), ("regional", "Region"), ("local_authority", "Local authority")]

    level = models.CharField(max_length=20, choices=LEVELS)
    code = models.CharField(max_length=10)
    indicator = models.CharField(max_length=60)
    period_end = models.DateField()
    value = models.FloatField(null=True, blank=True)
    not_published = models.CharField(max_length=120, blank=True)
    #: the area as the file names it; a former authority (Northamptonshire, "Poole (Pre LG)") is kept as such
    name = models.CharField(max_length=120, blank=True)
    former = models.BooleanField(default=False)
    #: the release (and the file it came through) the figure is from
    source = models.CharField(max_length=200, blank=True)
    imported = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["indicator", "period_end", "level", "code"]
        constraints = [
            models.UniqueConstraint(fields=["level", "code", "indicator", "period_end"], name="unique_comparator_value")
        ]
        indexes = [models.Index(fields=["indicator", "period_end"])]


class ComparatorLoad(models.Model):
    """One file of published figures loaded (the set shipped with Inspire, or a newer LAIT or EES file)."""

    kind = models.CharField(max_length=200)
    filename = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64, db_index=True)
    loaded = models.DateTimeField(auto_now_add=True)
    #: measure -> {"new": n, "changed": n, "unchanged": n}
    changes = models.JSONField(default=dict)

    class Meta:
        ordering = ["-loaded"]
