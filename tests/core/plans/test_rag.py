from datetime import date

import pytest

from inspire.core.plans.rag import (
    ITEM_RULES,
    PLAN_RULES,
    ItemFacts,
    MeasureFacts,
    OverrideError,
    apply_override,
    item_rag,
    key,
    measure_status,
    milestone_status,
    plan_rag,
)

AS_AT = date(2016, 11, 1)


def test_milestone_overdue_is_derived_from_the_date():
    assert milestone_status("on_track", date(2016, 10, 31), AS_AT) == "overdue"
    assert milestone_status("not_started", date(2016, 10, 31), AS_AT) == "overdue"
    assert milestone_status("complete", date(2016, 10, 31), AS_AT) == "complete"
    assert milestone_status("on_track", date(2016, 11, 1), AS_AT) == "on_track"  # due today is not late
    assert milestone_status("at_risk", None, AS_AT) == "at_risk"


def test_unknown_milestone_status_refused():
    with pytest.raises(ValueError, match="'overdue' is not a milestone status"):
        milestone_status("overdue", None, AS_AT)


def test_measure_status_uses_polarity_and_target_date():
    # Southend: no more than 45% of audited cases requiring improvement, reducing to 25% by September 2017
    lower = dict(target=25.0, polarity="lower_is_better", target_date=date(2017, 9, 30))
    assert measure_status(MeasureFacts(latest_value=40.0, **lower), AS_AT) == "not_met"
    assert measure_status(MeasureFacts(latest_value=24.0, **lower), AS_AT) == "met"
    assert measure_status(MeasureFacts(latest_value=30.0, **lower), date(2017, 10, 1)) == "missed"
    assert measure_status(MeasureFacts(latest_value=None, **lower), AS_AT) == "no_data"
    higher = dict(target=80.0, polarity="higher_is_better", target_date=None)
    assert measure_status(MeasureFacts(latest_value=51.3, **higher), AS_AT) == "not_met"
    assert measure_status(MeasureFacts(latest_value=80.0, **higher), AS_AT) == "met"


@pytest.mark.parametrize(
    "milestones, measures, rag, rule",
    [
        (["complete", "overdue", "on_track"], [], "red", "milestone_overdue"),
        (["on_track"], ["missed"], "red", "measure_missed"),
        (["on_track", "at_risk"], ["met"], "amber", "milestone_at_risk"),
        (["on_track"], ["not_met"], "amber", "measure_not_met"),
        (["complete", "complete"], ["met", "no_data"], "blue", "all_complete"),
        (["not_started", "not_started"], [], "grey", "not_started"),
        (["not_started", "on_track"], ["no_data"], "green", "on_track"),
        (["complete", "not_started"], [], "green", "on_track"),
    ],
)
def test_item_rules(milestones, measures, rag, rule):
    result = item_rag(ItemFacts(milestones, measures))
    assert (result.rag, result.rule) == (rag, rule)


def test_override_needs_a_reason_and_keeps_the_derived_status():
    derived = item_rag(ItemFacts(["overdue"], []))
    with pytest.raises(OverrideError, match="reason: an override needs a reason"):
        apply_override(derived, "amber", "  ")
    with pytest.raises(OverrideError, match="'purple' is not a RAG status"):
        apply_override(derived, "purple", "because")
    shown = apply_override(derived, "amber", "Milestone met in substance; report delayed to the next board")
    assert (shown.rag, shown.derived, shown.rule) == ("amber", "red", "override")


def test_plan_rag():
    assert plan_rag(["green", "red", "amber"]).rag == "red"
    assert plan_rag(["green", "amber", "blue"]).rag == "amber"
    assert plan_rag(["blue", "blue"]).rag == "blue"
    assert plan_rag(["grey", "green"]).rag == "green"
    assert plan_rag([]).rag == "grey"


def test_nothing_started_is_not_hidden_after_the_deadline():
    """Months after the submission deadline, items with nothing planned are red, so the plan is;
    a milestone not started past its date is overdue; a plan where nothing has started is amber."""
    nothing = item_rag(ItemFacts([], [], past_deadline=True))
    assert (nothing.rag, nothing.rule) == ("red", "unplanned_after_deadline")
    assert item_rag(ItemFacts([], [], past_deadline=False)).rag == "grey"
    late = item_rag(ItemFacts([milestone_status("not_started", date(2016, 9, 30), AS_AT)], [], past_deadline=True))
    assert (late.rag, late.rule) == ("red", "milestone_overdue")
    assert plan_rag([nothing.rag] * 16, past_deadline=True).rag == "red"
    waiting = item_rag(ItemFacts(["not_started"], [], past_deadline=True))  # its milestone is not yet due
    assert waiting.rag == "grey"
    assert (plan_rag(["grey", "grey"], past_deadline=True).rule) == "nothing_started_late"
    assert plan_rag(["grey", "grey"], past_deadline=True).rag == "amber"
    assert plan_rag(["grey", "grey"], past_deadline=False).rag == "grey"


def test_two_keys_every_rule_in_order_with_words_not_repeating_the_status():
    keys = key()
    assert [r["code"] for r in keys["items"]] == [r.code for r in ITEM_RULES] + ["override"]
    assert [r["code"] for r in keys["plan"]] == [r.code for r in PLAN_RULES]
    for row in keys["items"] + keys["plan"]:
        assert row["description"] and not row["description"].lower().startswith(row["label"].lower()), row


def test_measure_direction_from_baseline_and_target():
    from inspire.core.plans.rag import PolarityError, measure_polarity

    assert measure_polarity(45, 25) == "lower_is_better"  # Southend: 45% requiring improvement, reducing to 25%
    assert measure_polarity(51.3, 80) == "higher_is_better"
    assert measure_polarity(45, 25, "lower_is_better") == "lower_is_better"
    with pytest.raises(
        PolarityError,
        match=r"the target \(25\) is below the baseline \(45\), so lower is better; "
        r"'higher is better' contradicts them",
    ):
        measure_polarity(45, 25, "higher_is_better")
    with pytest.raises(PolarityError, match="say whether higher or lower values are better"):
        measure_polarity(None, 25)
    with pytest.raises(PolarityError, match="say whether"):
        measure_polarity(25, 25)
    assert measure_polarity(None, 25, None, fallback="lower_is_better") == "lower_is_better"
    assert measure_polarity(None, None) == ""  # nothing to meet yet: no direction needed
    assert measure_status(MeasureFacts(25.0, "", None, 30.0), AS_AT) == "no_direction"
