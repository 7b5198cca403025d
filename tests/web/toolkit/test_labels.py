"""Judgement areas are listed in one order whatever the framework."""

from inspire.web.toolkit.labels import area_order


def test_shared_areas_in_one_order_then_family_keys():
    sif = ["lscb", "leadership", "adoption", "care_leavers", "children_in_care", "help_and_protection", "overall"]
    assert sorted(sif, key=area_order) == [
        "overall",
        "help_and_protection",
        "children_in_care",
        "care_leavers",
        "adoption",
        "leadership",
        "lscb",
    ]
    ilacs = ["leadership", "care_leavers", "overall", "children_in_care", "help_and_protection"]
    assert sorted(ilacs, key=area_order) == [
        "overall",
        "help_and_protection",
        "children_in_care",
        "care_leavers",
        "leadership",
    ]
    apa = ["management_of_services", "staying_safe", "capacity_to_improve", "being_healthy", "overall", "social_care"]
    assert sorted(apa, key=area_order) == [
        "overall",
        "capacity_to_improve",
        "social_care",
        "being_healthy",
        "staying_safe",
        "management_of_services",
    ]
    slac = ["lac_overall", "safeguarding_capacity", "safeguarding_overall", "lac_being_healthy", "zzz_unknown"]
    assert sorted(slac, key=area_order) == [
        "safeguarding_overall",
        "safeguarding_capacity",
        "lac_overall",
        "lac_being_healthy",
        "zzz_unknown",
    ]
