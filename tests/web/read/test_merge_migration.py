"""Migration 0006 merges duplicate inspections stored before inspections were matched.

In the style of django-test-migrations: migrate back to the migration before, make duplicates with
the historical models, migrate forward, check the result with the historical models of the end.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("inspections", "0005_inspection_sources")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    executor.loader.build_graph()
    applied = executor.loader.applied_migrations
    return executor.loader.project_state(list(applied)).apps


@pytest.fixture
def before():
    """The historical models just before the merge, every other app as far as it can go without it."""
    graph = MigrationExecutor(connection).loader.graph
    leaves = graph.leaf_nodes()
    merge = ("inspections", "0006_merge_duplicate_inspections")
    apps = _migrate(
        [*BEFORE, *(node for node in leaves if node[0] != "inspections" and merge not in graph.forwards_plan(node))]
    )
    yield apps
    _migrate(leaves)  # the database back at its latest for the tests after


def _inspection(apps, authority, name, *, start, end, family="ilacs", grades, items, created):
    SourceDocument = apps.get_model("inspections", "SourceDocument")
    Inspection = apps.get_model("inspections", "Inspection")
    document = SourceDocument.objects.create(
        sha256=name.ljust(64, "0"), filename=name, format=name.rpartition(".")[2], size=4, page_count=1, content=b"body"
    )
    record = {
        "family": family,
        "judgements": grades,
        "lead_inspector": "Ann Hughes",
        "inspection_start": start and start.isoformat(),
        "inspection_end": end and end.isoformat(),
        "recommendations": [{"section": "la", "ordinal": n, "text": t} for n, t in enumerate(items, start=1)],
    }
    inspection = Inspection.objects.create(
        document=document,
        authority=authority,
        family=family,
        inspection_start=start,
        inspection_end=end,
        record=record,
        lead_inspector="Ann Hughes",
    )
    Inspection.objects.filter(pk=inspection.pk).update(created=created)
    for area, grade in grades.items():
        apps.get_model("inspections", "Judgement").objects.create(inspection=inspection, area=area, grade=grade)
    for number, text in enumerate(items, start=1):
        apps.get_model("inspections", "Recommendation").objects.create(
            inspection=inspection, section="la", ordinal=number, text=text
        )
    return inspection


def test_duplicates_are_merged_into_the_first_stored_and_what_pointed_at_them_moves(before):
    apps = before
    Authority = apps.get_model("inspections", "Authority")
    essex = Authority.objects.create(
        ofsted_urn="80520",
        dfe_la_code="881",
        ons_code="E10000012",
        name="Essex",
        slug="essex",
        region_code="E12000006",
        region_name="East of England",
    )
    start, end = date(2024, 3, 4), date(2024, 3, 15)
    kept = _inspection(
        apps,
        essex,
        "report.pdf",
        start=start,
        end=end,
        grades={"overall": "good"},
        items=["Supervision.", "Care plans."],
        created="2025-01-01T10:00:00Z",
    )
    duplicate = _inspection(
        apps,
        essex,
        "report.docx",
        start=start,
        end=end,
        grades={"overall": "outstanding"},
        items=["Supervision.", "Care plans.", "Something misread."],
        created="2025-02-01T10:00:00Z",
    )
    third = _inspection(
        apps,
        essex,
        "report.txt",
        start=start,
        end=end,
        grades={"overall": "good"},
        items=["Supervision.", "Care plans."],
        created="2025-03-01T10:00:00Z",
    )
    other_family = _inspection(
        apps,
        essex,
        "lscb.pdf",
        start=start,
        end=end,
        family="lscb_review",
        grades={"lscb": "good"},
        items=[],
        created="2025-01-01T10:00:00Z",
    )
    undated = [
        _inspection(
            apps,
            essex,
            f"letter{n}.txt",
            start=None,
            end=None,
            family="apa",
            grades={"overall": "good"},
            items=[],
            created="2025-01-01T10:00:00Z",
        )
        for n in (1, 2)
    ]
    # a plan made from the duplicate, one item linked to a recommendation the kept one has, one to one it lacks
    Plan = apps.get_model("plans", "Plan")
    PlanItem = apps.get_model("plans", "PlanItem")
    plan = Plan.objects.create(inspection=duplicate, authority=essex, title="Essex improvement plan")
    duplicate_items = {
        r.ordinal: r for r in apps.get_model("inspections", "Recommendation").objects.filter(inspection=duplicate)
    }
    linked = PlanItem.objects.create(
        plan=plan, ordinal=1, ref="1", title="Supervision", recommendation=duplicate_items[2]
    )
    orphan = PlanItem.objects.create(plan=plan, ordinal=2, ref="2", title="Misread", recommendation=duplicate_items[3])
    IndicatorValue = apps.get_model("indicators", "IndicatorValue")
    figure = IndicatorValue.objects.create(
        authority=essex,
        indicator="children_in_need",
        period_start=end,
        period_end=end,
        value=3000,
        source="report",
        inspection=duplicate,
    )
    same_figure = IndicatorValue.objects.create(
        authority=essex,
        indicator="looked_after",
        period_start=end,
        period_end=end,
        value=1000,
        source="report",
        inspection=third,
    )
    IndicatorValue.objects.create(
        authority=essex,
        indicator="looked_after",
        period_start=end,
        period_end=end,
        value=1000,
        source="report",
        inspection=kept,
    )

    apps = _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    Inspection = apps.get_model("inspections", "Inspection")
    InspectionSource = apps.get_model("inspections", "InspectionSource")
    # one inspection per authority, family and dates; undated ones are never merged
    assert sorted(Inspection.objects.values_list("pk", flat=True)) == sorted(
        [kept.pk, other_family.pk, *(u.pk for u in undated)]
    )
    sources = list(
        InspectionSource.objects.filter(inspection_id=kept.pk)
        .order_by("added", "pk")
        .values_list("document__filename", "differences")
    )
    assert [name for name, _ in sources] == ["report.pdf", "report.docx", "report.txt"]
    assert [d["field"] for d in sources[1][1]] == ["judgements.overall", "recommendations.la"]
    assert sources[2][1] == []
    assert InspectionSource.objects.count() == 6  # every inspection's file is a source
    # the kept inspection's judgements and recommendations stand; the duplicates' are gone
    Judgement = apps.get_model("inspections", "Judgement")
    assert list(Judgement.objects.filter(inspection_id=kept.pk).values_list("grade", flat=True)) == ["good"]
    assert not Judgement.objects.filter(inspection_id__in=[duplicate.pk, third.pk]).exists()
    # the plan follows, its items re-linked where the kept inspection has the same recommendation
    plan = apps.get_model("plans", "Plan").objects.get(pk=plan.pk)
    assert plan.inspection_id == kept.pk
    linked = apps.get_model("plans", "PlanItem").objects.select_related("recommendation").get(pk=linked.pk)
    assert (linked.recommendation.inspection_id, linked.recommendation.text) == (kept.pk, "Care plans.")
    assert apps.get_model("plans", "PlanItem").objects.get(pk=orphan.pk).recommendation_id is None
    audit = apps.get_model("plans", "AuditEntry").objects.filter(plan_id=plan.pk)
    assert set(audit.values_list("object_type", "field")) == {("Plan", "inspection"), ("PlanItem", "recommendation")}
    plan_entry = audit.get(object_type="Plan")
    name = "Essex: Inspection of local authority children's services (2018-26), 4 March 2024"
    assert (plan_entry.before, plan_entry.after) == (
        f"{name} (inspection {duplicate.pk}, merged)",
        f"{name} (inspection {kept.pk})",
    )
    # report figures: moved, or dropped where the kept inspection gives the same figure
    values = apps.get_model("indicators", "IndicatorValue").objects
    assert list(values.filter(indicator="looked_after").values_list("inspection_id", flat=True)) == [kept.pk]
    assert values.get(pk=figure.pk).inspection_id == kept.pk
    # each merge is recorded, with what it moved
    merges = {m.merged_id: m for m in apps.get_model("inspections", "InspectionMerge").objects.filter(kept_id=kept.pk)}
    assert set(merges) == {duplicate.pk, third.pk}
    assert merges[duplicate.pk].moved["plans.Plan"] == [plan.pk]
    assert merges[duplicate.pk].moved["plans.PlanItem"] == [linked.pk]
    assert merges[duplicate.pk].moved["plans.PlanItem (unlinked)"] == [orphan.pk]
    assert "Something misread." in merges[duplicate.pk].note and "now unlinked" in merges[duplicate.pk].note
    assert merges[duplicate.pk].moved["indicators.IndicatorValue"] == [figure.pk]
    assert merges[third.pk].moved == {
        "inspections.InspectionSource": [InspectionSource.objects.get(document__filename="report.txt").pk],
        "indicators.IndicatorValue (dropped: the kept inspection gives the same figure)": [same_figure.pk],
    }
