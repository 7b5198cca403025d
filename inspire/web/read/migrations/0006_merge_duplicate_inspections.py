"""Every inspection's file becomes its first source; duplicates are merged into one inspection.

Before, each file was an inspection of its own, so the same inspection read from a PDF and a Word
copy (or a re-saved PDF) was stored twice. Inspections with the same authority, family, first and
last day are one inspection: the first stored is kept (its judgements, recommendations and primary
file), each later one's files become further sources of it (with what they read differently), and
everything that pointed at the later one is moved to the kept one:

- plans (``plans.Plan.inspection``), with an entry in each plan's audit trail;
- plan items linked to one of its recommendations (``PlanItem.recommendation``): linked to the kept
  inspection's recommendation with the same section and number if its text is the same, else to
  the kept one's item with the same text, else unlinked (audited, and counted in the merge record);
- report figures (``indicators.Population``, ``indicators.IndicatorValue``): moved, or dropped where
  the kept inspection already gives the same figure;
- anything else pointing at an inspection (relations added later) is moved as it is.

Its judgements and recommendations are then dropped in favour of the kept one's (they are still in
its source's record), and the merge is recorded (``InspectionMerge``). Inspections without an
authority or either inspection date are never matched: nothing is merged on a guess.
"""

from __future__ import annotations

from django.db import migrations
from django.db.models import Count

from inspire.core.national import HAPPENED
from inspire.core.reading.compare import record_differences

_SECTION_WORDS = {"la": "Recommendation", "lscb": "LSCB recommendation"}


def _name(inspection) -> str:
    """As the pages name it: "Essex: Single inspection framework (2013-18), 25 April 2016"."""
    families = dict(inspection._meta.get_field("family").choices)
    who = inspection.authority.name if inspection.authority_id else "Unknown authority"
    when = HAPPENED.of(inspection)
    day = f", {when.day} {when:%B %Y}" if when else ""
    return f"{who}: {families.get(inspection.family, inspection.family)}{day}"


def _plain(text: str) -> str:
    return " ".join((text or "").split()).casefold()


def _recommendation_words(recommendation) -> str:
    if recommendation is None:
        return ""
    return f"{_SECTION_WORDS.get(recommendation.section, 'Recommendation')} {recommendation.ordinal}: {recommendation.text}"[:500]


def sources_fill(apps) -> None:
    Inspection = apps.get_model("inspections", "Inspection")
    InspectionSource = apps.get_model("inspections", "InspectionSource")
    have = set(InspectionSource.objects.values_list("document_id", flat=True))
    rows = Inspection.objects.values_list("id", "document_id", "created", "record").iterator(chunk_size=200)
    batch = []
    for inspection_id, document_id, created, record in rows:
        if document_id not in have:
            batch.append(InspectionSource(inspection_id=inspection_id, document_id=document_id, added=created, record=record))
        if len(batch) >= 200:
            InspectionSource.objects.bulk_create(batch)
            batch = []
    InspectionSource.objects.bulk_create(batch)


def _matching_recommendation(old, kept_items):
    same_place = kept_items.get((old.section, old.ordinal))
    if same_place is not None and _plain(same_place.text) == _plain(old.text):
        return same_place
    return next((r for r in kept_items.values() if r.section == old.section and _plain(r.text) == _plain(old.text)), None)


def merge(apps, kept, duplicate) -> None:
    """Merge ``duplicate`` into ``kept`` (both historical model instances), recording it."""
    InspectionSource = apps.get_model("inspections", "InspectionSource")
    InspectionMerge = apps.get_model("inspections", "InspectionMerge")
    Recommendation = apps.get_model("inspections", "Recommendation")
    Judgement = apps.get_model("inspections", "Judgement")
    AuditEntry = apps.get_model("plans", "AuditEntry")
    moved: dict[str, list[int]] = {}
    notes: list[str] = []
    kept_name, duplicate_name = _name(kept), _name(duplicate)

    for source in InspectionSource.objects.filter(inspection=duplicate):
        source.inspection = kept
        source.differences = record_differences(kept.record, source.record)
        source.save(update_fields=["inspection", "differences"])
        moved.setdefault("inspections.InspectionSource", []).append(source.pk)

    # what pointed at the duplicate's recommendations and judgements: to the kept one's equivalents
    kept_items = {(r.section, r.ordinal): r for r in Recommendation.objects.filter(inspection=kept)}
    kept_grades = {j.area: j for j in Judgement.objects.filter(inspection=kept)}
    for model, match in ((Recommendation, lambda old: _matching_recommendation(old, kept_items)),
                         (Judgement, lambda old: kept_grades.get(old.area))):
        for relation in model._meta.related_objects:
            if not (relation.one_to_many or relation.one_to_one):
                continue
            referrer, field = relation.related_model, relation.field
            for row in referrer.objects.filter(**{f"{field.name}__inspection": duplicate}).select_related(field.name):
                old = getattr(row, field.name)
                new = match(old)
                if new is None and not field.null:
                    raise RuntimeError(f"{referrer._meta.label} {row.pk} points at {old!r} of {duplicate_name}, "
                                       f"which has no equivalent in {kept_name}")
                setattr(row, field.attname, new.pk if new else None)
                row.save(update_fields=[field.name])
                label = referrer._meta.label
                moved.setdefault(label if new else f"{label} (unlinked)", []).append(row.pk)
                if label == "plans.PlanItem":
                    AuditEntry.objects.create(
                        plan_id=row.plan_id, user=None, action="update", object_type="PlanItem", object_id=row.pk,
                        object_repr=f"{row.ref}. {row.title}"[:200], field=field.name,
                        before=_recommendation_words(old), after=_recommendation_words(new),
                    )
                if new is None:
                    notes.append(f"{label} {row.pk} was linked to {_recommendation_words(old)[:120]}, which "
                                 f"{kept_name} does not have: now unlinked")

    # everything else pointing at the duplicate inspection
    Inspection = type(kept)
    for relation in Inspection._meta.related_objects:
        if not (relation.one_to_many or relation.one_to_one):
            continue
        referrer, field = relation.related_model, relation.field
        label = referrer._meta.label
        if label in ("inspections.Judgement", "inspections.Recommendation", "inspections.InspectionSource",
                     "inspections.InspectionMerge"):
            continue
        rows = list(referrer.objects.filter(**{field.name: duplicate}))
        for row in rows:
            if label == "indicators.IndicatorValue" and referrer.objects.filter(
                inspection=kept, indicator=row.indicator, period_start=row.period_start,
                period_end=row.period_end, source=row.source,
            ).exists():
                moved.setdefault(f"{label} (dropped: the kept inspection gives the same figure)", []).append(row.pk)
                row.delete()
                continue
            setattr(row, field.attname, kept.pk)
            row.save(update_fields=[field.name])
            moved.setdefault(label, []).append(row.pk)
            if label == "plans.Plan":
                AuditEntry.objects.create(
                    plan_id=row.pk, user=None, action="update", object_type="Plan", object_id=row.pk,
                    object_repr=str(row.title)[:200], field="inspection",
                    before=f"{duplicate_name} (inspection {duplicate.pk}, merged)", after=f"{kept_name} (inspection {kept.pk})",
                )

    InspectionMerge.objects.create(
        kept=kept, merged_id=duplicate.pk, merged_name=duplicate_name[:300], moved=moved,
        note="\n".join([
            f"Another file of the same inspection ({kept_name}) had been stored as a second inspection "
            f"(id {duplicate.pk}). Its files are now sources of inspection {kept.pk}; its judgements and "
            "recommendations were dropped in favour of the kept inspection's (they remain in its source's record).",
            *notes,
        ]),
    )
    duplicate.delete()  # its judgements and recommendations go with it; its files stay, as sources of the kept one


def forwards(apps, schema_editor) -> None:
    sources_fill(apps)
    Inspection = apps.get_model("inspections", "Inspection")
    identity = ("authority_id", "family", "inspection_start", "inspection_end")
    groups = (
        Inspection.objects.filter(authority__isnull=False, inspection_start__isnull=False, inspection_end__isnull=False)
        .values(*identity).annotate(copies=Count("id")).filter(copies__gt=1).order_by(*identity)
    )
    for group in list(groups):
        same = list(
            Inspection.objects.filter(**{key: group[key] for key in identity}).select_related("authority").order_by("created", "id")
        )
        kept, *duplicates = same
        for duplicate in duplicates:
            merge(apps, kept, duplicate)


class Migration(migrations.Migration):

    dependencies = [
        ('inspections', '0005_inspection_sources'),
        ('plans', '0003_measure_indicator_polarity_override_author'),
        ('indicators', '0001_initial'),
    ]

    operations = [
        migrations.RunPython(forwards, migrations.RunPython.noop, elidable=False),
    ]
