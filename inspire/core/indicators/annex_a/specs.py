"""What each Annex A list holds and how it is recognised: a ``ListSpec`` per list (its number,
title, the words naming its sheet, its ``Column``s, each found by patterns on the normalised
header, as headers vary between years and councils)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Column:
    field: str
    kind: str  # id, date, bool, int, text (code prefix removed)
    patterns: tuple[str, ...]  # regular expressions on the normalised header
    label: str  # the header as Ofsted's template prints it, for messages


@dataclass(frozen=True)
class ListSpec:
    key: str
    number: int
    title: str
    sheet_words: tuple[str, ...]  # words that identify the sheet when it is not named "List N"
    columns: tuple[Column, ...]

    @property
    def name(self) -> str:
        return f"List {self.number}"


def _c(field: str, kind: str, label: str, *patterns: str) -> Column:
    return Column(field, kind, patterns, label)


CHILD_ID = _c("child_id", "id", "Child Unique ID", r"\bchild\b.*\bid", r"unique id", r"^id$", r"^child id")
DOB = _c("dob", "date", "Date of Birth", r"date of birth", r"^dob$")

LISTS: tuple[ListSpec, ...] = (
    ListSpec(
        "contacts",
        1,
        "Contacts",
        ("contact",),
        (
            CHILD_ID,
            _c("contact_date", "date", "Date of Contact", r"date of contact", r"contact date"),
            _c("source", "text", "Contact Source", r"contact source", r"source of contact", r"^source$"),
        ),
    ),
    ListSpec(
        "early_help",
        2,
        "Early help",
        ("early help",),
        (
            CHILD_ID,
            _c("start", "date", "Assessment start date", r"start date"),
            _c("completed", "date", "Assessment completion date", r"complet"),
        ),
    ),
    ListSpec(
        "referrals",
        3,
        "Referrals",
        ("referral",),
        (
            CHILD_ID,
            _c("referral_date", "date", "Date of Referral", r"date of referral", r"referral date"),
            _c("source", "text", "Referral Source", r"referral source", r"source of referral"),
            _c("nfa", "bool", "Referral NFA?", r"\bnfa\b", r"no further action"),
            _c(
                "previous_referrals_12m",
                "int",
                "Number of Referrals in Last 12 Months",
                r"number of referrals",
                r"referrals in (the )?last 12",
            ),
        ),
    ),
    ListSpec(
        "assessments",
        4,
        "Assessments",
        ("assessment",),
        (
            CHILD_ID,
            _c("start", "date", "Continuous Assessment Start Date", r"assessment (actual )?start date", r"start date"),
            _c("child_seen", "bool", "Child Seen During Continuous Assessment", r"child seen"),
            _c(
                "authorised",
                "date",
                "Continuous Assessment Date of Authorisation",
                r"authoris",
                r"authoriz",
                r"complet",
            ),
            _c(
                "needs_support",
                "text",
                "Was the child assessed as requiring LA children's social care support?",
                r"requiring",
                r"social care support",
            ),
        ),
    ),
    ListSpec(
        "section47",
        5,
        "Section 47 enquiries",
        ("section 47", "s47"),
        (
            CHILD_ID,
            _c(
                "strategy_date",
                "date",
                "Strategy discussion initiating Section 47 Enquiry Start Date",
                r"strategy discussion",
                r"(section 47|s47) enquiry start",
                r"start date",
            ),
            _c(
                "icpc_unnecessary",
                "bool",
                "Was an Initial Child Protection Conference deemed unnecessary?",
                r"unnecessary",
                r"not required",
            ),
            _c(
                "icpc_date",
                "date",
                "Date of Initial Child Protection Conference",
                r"date of (the )?initial child protection conference",
                r"icpc date",
                r"date of (the )?icpc",
            ),
            _c(
                "icpc_plan",
                "bool",
                "Did the Initial Child Protection Conference Result in a Child Protection Plan",
                r"result in a child protection plan",
                r"resulted in",
            ),
            _c(
                "enquiries_12m",
                "int",
                "Number of Section 47 Enquiries in the last 12 months",
                r"number of (section 47|s47)",
            ),
        ),
    ),
    ListSpec(
        "children_in_need",
        6,
        "Children in need",
        ("children in need", "child in need", "cin"),
        (
            CHILD_ID,
            DOB,
            _c("start", "date", "CIN Start Date", r"cin start date", r"start date"),
            _c("last_seen", "date", "Date Child Was Last Seen", r"last seen"),
            _c("closed", "date", "CIN Closure Date", r"closure date", r"date closed", r"end date"),
            _c("case_status", "text", "Case Status", r"case status"),
        ),
    ),
    ListSpec(
        "protection_plans",
        7,
        "Child protection",
        ("child protection", "cp plan"),
        (
            CHILD_ID,
            DOB,
            _c("start", "date", "Child Protection Plan Start Date", r"plan start date", r"start date"),
            _c("last_visit", "date", "Date of the Last Statutory Visit", r"last statutory visit", r"last visit"),
            _c("seen_alone", "bool", "Was the Child Seen Alone?", r"seen alone"),
            _c("latest_review", "date", "Date of latest review conference", r"review conference", r"latest review"),
            _c("end", "date", "Child Protection Plan End Date", r"plan end date", r"end date"),
            _c(
                "previous_plans",
                "int",
                "Number of Previous Child Protection Plans",
                r"previous child protection plans",
                r"number of previous",
            ),
        ),
    ),
    ListSpec(
        "looked_after",
        8,
        "Children looked after",
        ("looked after", "cla", "children in care"),
        (
            CHILD_ID,
            DOB,
            _c(
                "start",
                "date",
                "Date Started to be Looked After",
                r"started to be looked after",
                r"date (child )?entered care",
                r"date looked after",
            ),
            _c("latest_review", "date", "Date of Latest Statutory Review", r"statutory review", r"latest review"),
            _c("last_visit", "date", "Date of Last Social Work Visit", r"last social work(er)? visit"),
            _c("last_health_assessment", "date", "Date of Last Health Assessment", r"health assessment"),
            _c("placements_12m", "int", "Number of Placements in the Last 12 months", r"number of placements"),
            _c("ceased", "date", "Date Ceased to be Looked After", r"date ceased", r"ceased to be looked after"),
        ),
    ),
    ListSpec(
        "care_leavers",
        9,
        "Care leavers",
        ("care leaver",),
        (
            CHILD_ID,
            DOB,
            _c("eligibility", "text", "Eligibility Category", r"eligibility"),
            _c("in_touch", "text", "LA in Touch", r"in touch"),
            _c("accommodation", "text", "Type of Accommodation", r"type of accommodation", r"accommodation type"),
            _c("suitability", "text", "Suitability of Accommodation", r"suitab"),
            _c("activity", "text", "Activity Status", r"activity", r"main activity"),
        ),
    ),
    ListSpec(
        "adoptions",
        10,
        "Adoption",
        ("adoption",),
        (
            CHILD_ID,
            DOB,
            _c("entered_care", "date", "Date the Child Entered Care", r"entered care", r"date looked after"),
            _c(
                "no_longer_decision",
                "date",
                "Date of Decision that Child Should No Longer be Placed for Adoption",
                r"no longer be placed",
            ),
            _c(
                "decision",
                "date",
                "Date of Decision that Child Should be Placed for Adoption",
                r"decision that (the )?child should be placed",
                r"should be placed for adoption",
            ),
            _c("placement_order", "date", "Date of Placement Order", r"placement order"),
            _c("matched", "date", "Date of Matching Child and Prospective Adopters", r"match"),
            _c("placed", "date", "Date Placed for Adoption", r"^date placed for adoption", r"placed for adoption$"),
            _c("adopted", "date", "Date of Adoption Order", r"adoption order"),
            _c(
                "ffa_placed",
                "date",
                "Date the child was placed for fostering in FFA or concurrent planning placement",
                r"\bffa\b",
                r"concurrent",
            ),
        ),
    ),
)
BY_KEY = {spec.key: spec for spec in LISTS}
#: List 11 (adopters) is recognised, and its rows counted, but read by no indicator: number -> key
UNUSED_LISTS = {11: "adopters"}


def list_name(list_key: str) -> str:
    if list_key in UNUSED_LISTS.values():
        number = next(n for n, key in UNUSED_LISTS.items() if key == list_key)
        return f"List {number} ({list_key})"
    spec = BY_KEY[list_key]
    return f"{spec.name} ({spec.title.lower()})"


def normalise_header(text: Any) -> str:
    text = str(text or "").replace("\xa0", " ").lower().replace("’", "'")
    text = re.sub(r"[^a-z0-9']+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def identify_sheet(title: str) -> int | None:
    """The list number a sheet holds, from its name ("List 3", "L3 Referrals", "Referrals")."""
    name = normalise_header(title)
    m = re.match(r"^(?:annex a )?(?:list|l)\s?(\d{1,2})\b", name)
    if m and 1 <= int(m.group(1)) <= 11:
        return int(m.group(1))
    if "adopter" in name:
        return 11
    for spec in LISTS:
        if any(re.search(rf"\b{re.escape(word)}", name) for word in spec.sheet_words):
            return spec.number
    return None


def match_columns(spec: ListSpec, headers: list[Any]) -> dict[str, int]:
    """Typed field -> column index, each header used once, fields in the spec's order."""
    normalised = [normalise_header(h) for h in headers]
    found: dict[str, int] = {}
    used: set[int] = set()
    for column in spec.columns:
        for pattern in column.patterns:
            regex = re.compile(pattern)
            index = next((i for i, h in enumerate(normalised) if h and i not in used and regex.search(h)), None)
            if index is not None:
                found[column.field] = index
                used.add(index)
                break
    return found
