"""A realistic synthetic Annex A return for a large county: the only case-level data Inspire ships.

Seeded and deterministic. The volumes follow a large shire county over one year (the default:
about 65,000 contacts, 14,000 referrals, 8,000 children in need, 1,000 children on plans, 1,000
children looked after, 700 care leavers) and the children flow through the lists as they do in a
council: the same child IDs go contact → referral → assessment → section 47 enquiry → initial
conference → child protection plan → care, with plausible timescales (most assessments within
45 working days, most conferences within 15). Earlier caseload (plans, care episodes, adoptions
from the three years before) is there too, so snapshot and three-year indicators have data.

The workbook copies the layout of Ofsted's template as councils fill it (the reference sample's
sheets and headers, code-prefixed categories, an Age column), with the mess of real returns in
small, seeded doses: dates typed as text, a date column holding "TBC", blank rows, a totals row
without a child ID, and formulas without saved results in the adoption lists (``=H2+35``).

``inspire indicators generate --seed N --out file.xlsx`` writes one.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from inspire.core.calendar import add_working_days
from inspire.core.indicators.catalogue.base import add_years

HEADERS: dict[int, tuple[str, ...]] = {
    1: ("Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age", "Date of Contact", "Contact Source"),
    2: (
        "Child Unique ID",
        "Gender",
        "Ethnicity",
        "Date of Birth",
        "Age",
        "Assessment start date",
        "Assessment completion date",
        "Organisation completing assessment",
    ),
    3: (
        "Child Unique ID",
        "Gender",
        "Ethnicity",
        "Date of Birth",
        "Age",
        "Date of Referral",
        "Referral Source",
        "Referral NFA?",
        "Number of Referrals in Last 12 Months",
        "Allocated Team",
        "Allocated Worker",
    ),
    4: (
        "Child Unique ID",
        "Gender",
        "Ethnicity",
        "Date of Birth",
        "Age",
        "Does the Child have a Disability",
        "Continuous Assessment Start Date",
        "Child Seen During Continuous Assessment",
        "Continuous Assessment Date of Authorisation",
        "Was the child assessed as requiring LA children's social care support?",
        "Allocated Team",
        "Allocated Worker",
    ),
    5: (
        "Child Unique ID",
        "Gender",
        "Ethnicity",
        "Date of Birth",
        "Age",
        "Does the Child have a Disability",
        "Strategy discussion initiating Section 47 Enquiry Start Date",
        "Was an Initial Child Protection Conference deemed unnecessary?",
        "Date of Initial Child Protection Conference",
        "Did the Initial Child Protection Conference Result in a Child Protection Plan",
        "Number of Section 47 Enquiries in the last 12 months",
        "Number of ICPCs in the last 12 months",
        "Allocated Team",
        "Allocated Worker",
    ),
    6: (
        "Child Unique ID",
        "Gender",
        "Ethnicity",
        "Date of Birth",
        "Age",
        "Does the Child have a Disability",
        "CIN Start Date",
        "Primary Need Code",
        "Date Child Was Last Seen",
        "CIN Closure Date",
        "Reason for Closure",
        "Case Status",
        "Allocated Team",
        "Allocated Worker",
    ),
    7: (
        "Child Unique ID",
        "Gender",
        "Ethnicity",
        "Date of Birth",
        "Age",
        "Does the Child have a Disability",
        "Child Protection Plan Start Date",
        "Initial Category of Abuse",
        "Latest Category of Abuse",
        "Date of the Last Statutory Visit",
        "Was the Child Seen Alone?",
        "Date of latest review conference",
        "Child Protection Plan End Date",
        "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",
        "Number of Previous Child Protection Plans",
        "Allocated Team",
        "Allocated Worker",
    ),
    8: (
        "Child Unique ID",
        "Gender",
        "Ethnicity",
        "Date of Birth",
        "Age",
        "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N))",
        "Does the Child have a Disability",
        "Date Started to be Looked After",
        "Child's Category of Need",
        "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)",
        "Start date of current legal status",
        "Child's Legal Status",
        "Date of Latest Statutory Review",
        "Date of Last Social Work Visit",
        "What is the permanence plan for this child?",
        "Date of Last IRO Visit / Contact to the Child",
        "Date of Last Health Assessment",
        "Date of Last Dental Check",
        "Number of Placements in the Last 12 months",
        "Date Ceased to be Looked After",
        "Reason Ceased to be Looked After",
        "Start Date of Most Recent Placement",
        "Placement Type",
        "Placement Provider",
        "Placement postcode",
        "URN of Placement",
        "Placement Location",
        "LA of Placement",
        "Number of Episodes the Child has been ‘Missing’ from their Placement in the last 12 months",
        "Number of Episodes the Child has been ‘Absent’ from their Placement in the last 12 months",
        "Was the child offered a Return Interview after their last missing episode (Y/N)?",
        "Did the child accept a Return Interview after their last missing episode (Y/N)?",
        "Allocated Team",
        "Allocated Worker",
    ),
    9: (
        "Child Unique ID",
        "Gender",
        "Ethnicity",
        "Date of Birth",
        "Age",
        "Does the Child have a Disability",
        "Allocated Team",
        "Allocated Worker",
        "Eligibility Category",
        "LA in Touch",
        "Type of Accommodation",
        "Suitability of Accommodation",
        "Activity Status",
    ),
    10: (
        "Child Unique ID",
        "Family identifier",
        "Gender",
        "Ethnicity",
        "Date of Birth",
        "Age of Child (Years)",
        "Does the Child have a Disability",
        "Date the Child Entered Care",
        "Date of Decision that Child Should be Placed for Adoption",
        "Date of Placement Order",
        "Date of Matching Child and Prospective Adopters",
        "Date Placed for Adoption",
        "Date of Adoption Order ",
        "Date of Decision that Child Should No Longer be Placed for Adoption",
        "Reason Why Child No Longer Placed for Adoption",
        "Date the child was placed for fostering in FFA or concurrent planning placement",
    ),
    11: (
        "Individual adopter identifier",
        "Family identifier",
        "Gender",
        "Ethnicity",
        "Disability",
        "Is the (prospective) adopter fostering for adoption?",
        "Date enquiry received",
        "Date Stage 1 started",
        "Date Stage 1 ended",
        "Date Stage 2 started",
        "Date Stage 2 ended",
        "Date application submitted",
        "Date application approved",
        "Date adopter matched with child(ren)",
        "Date child/children placed with adopter(s)",
        "No. of children placed",
        "Date of Adoption Order",
        "Date of leaving adoption process",
        "Reason for leaving adoption process",
    ),
}

#: the chance that a referral had an earlier one in a whole year before the window (what the council's
#: system counts in "Number of Referrals in Last 12 Months"): set so that the first quarter's
#: re-referral rate reads like the later quarters', whose look-back lies inside the window
RE_REFERRAL_SHARE = 0.2
GENDERS = (("a) Male", 51), ("b) Female", 48), ("c) Not stated/recorded", 1))
ETHNICITIES = (
    ("a) WBRI", 78),
    ("d) WOTH", 5),
    ("f) MWBC", 2),
    ("i) MOTH", 3),
    ("k) APKN", 2),
    ("l) ABAN", 1),
    ("o) BAFR", 2),
    ("r) OOTH", 2),
    ("s) NOBT", 5),
)
SOURCES = (
    ("q) 6: Police", 30),
    ("e) 2A: Schools", 20),
    ("j) 3D: Health services", 14),
    ("a) 1A: Individual", 8),
    ("c) 1C: Individual", 3),
    ("p) 5C: LA services", 6),
    ("m) 4: Housing", 2),
    ("s) 8: Other", 10),
    ("t) 9: Anonymous", 4),
    ("u) 10: Unknown", 3),
)
CATEGORIES = (("Neglect", 48), ("Emotional abuse", 36), ("Physical abuse", 9), ("Sexual abuse", 4), ("Multiple", 3))
NEEDS = (
    ("N1 - Abuse or Neglect", 60),
    ("N2 - Child's disability", 9),
    ("N3 - Parental illness or disability", 4),
    ("N4 - Family in acute stress", 8),
    ("N5 - Family dysfunction", 12),
    ("N8 - Absent parenting", 4),
    ("N9 - Cases other than children in need", 3),
)
PLACEMENTS = (
    ("d) U4: Foster placement - long term", 35),
    ("f) U6: Foster placement - not FFA", 30),
    ("a) U1: Foster placement - relatives - long term", 12),
    ("n) H5: Residential accommodation", 10),
    ("p) P1: Placed with parents", 7),
    ("k) K2: Children's home", 6),
)
LEGAL = (("C2: FCO", 60), ("C1: ICO", 18), ("V2: Section 20", 17), ("E1: Placement order", 5))
ACTIVITY = (
    ("F1: Full time in higher education", 7),
    ("F2: Full time in education other than higher", 18),
    ("F3: Full time in training or employment", 22),
    ("P3: Part time in training or employment", 6),
    ("G4: Not in education, employment or training - illness/disability", 8),
    ("G5: Not in education, employment or training - other", 30),
    ("G6: Not in education, employment or training - pregnancy or parenting", 5),
    ("", 4),
)
ACCOMMODATION = (
    ("U: Independent living", 40),
    ("Y: Other accommodation", 12),
    ("T: With parents or relatives", 15),
    ("S: Semi-independent, transitional accommodation", 18),
    ("V: Emergency accommodation", 3),
    ("Z: In custody", 2),
    ("", 10),
)
TEAMS = (
    "Multi Agency Safeguarding Hub",
    "Locality 1 Duty Team",
    "Locality 2 Duty Team",
    "Locality 3 Duty Team",
    "Locality 4 Duty Team",
    "Locality 1 Unit 1",
    "Locality 2 Unit 1",
    "Locality 3 Unit 2",
    "Locality 4 Unit 2",
    "Children with Disabilities Team",
)
CARE_TEAMS = (
    "Children in Care Team 1",
    "Children in Care Team 2",
    "Children in Care Team 3",
    "Children in Care Team 4",
)


@dataclass
class Child:
    id: int
    gender: str
    ethnicity: str
    dob: date
    disabled: bool


class _Synth:
    def __init__(self, seed: int, end: date, contacts: int):
        self.rng = random.Random(seed)
        self.end = end
        self.start = add_years(end, -1) + timedelta(days=1)
        self.contacts_target = contacts
        self.scale = contacts / 65_000
        self._ids = iter(self.rng.sample(range(1_000_000, 19_999_999), int(200_000 * max(self.scale, 0.05)) + 5_000))
        self.rows: dict[int, list[tuple]] = {n: [] for n in HEADERS}

    # --- helpers
    def pick(self, table):
        return self.rng.choices([v for v, _ in table], weights=[w for _, w in table])[0]

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def day_between(self, first: date, last: date) -> date:
        return first + timedelta(days=self.rng.randint(0, max((last - first).days, 0)))

    def child(self, *, min_age: float = 0, max_age: float = 17.9, on: date | None = None) -> Child:
        on = on or self.end
        age_days = int(self.rng.uniform(min_age, max_age) * 365.25)
        return Child(
            next(self._ids),
            self.pick(GENDERS),
            self.pick(ETHNICITIES),
            on - timedelta(days=age_days),
            self.chance(0.06),
        )

    def worker(self) -> str:
        return f"Practitioner {self.rng.randint(1, 420):03d}"

    def person(self, c: Child) -> tuple:
        return (c.id, c.gender, c.ethnicity, c.dob, round((self.end - c.dob).days / 365.25, 2))

    def yes_no(self, value: bool) -> str:
        return "a) Yes" if value else "b) No"

    def capped(self, day: date | None) -> date | None:
        return day if day is not None and day <= self.end else None

    # --- the flow of the year
    def run(self) -> None:
        self.front_door()
        self.existing_caseload()
        self.looked_after()
        self.care_leavers()
        self.adoption()
        self.early_help()

    def front_door(self) -> None:
        rng = self.rng
        # children contacted more than once: a pool smaller than the number of contacts
        pool = [self.child() for _ in range(int(self.contacts_target * 0.72))]
        referral_dates: dict[int, list[date]] = {}
        for _ in range(self.contacts_target):
            c = pool[int(rng.random() ** 1.6 * len(pool))]
            when = self.day_between(self.start, self.end)
            self.rows[1].append((*self.person(c), when, self.pick(SOURCES)))
            if self.chance(0.215):
                referred = when + timedelta(days=rng.choice((0, 0, 0, 1, 1, 2, 3, 5)))
                if referred <= self.end:
                    self.referral(c, referred, referral_dates)

    def referral(self, c: Child, when: date, referral_dates: dict[int, list[date]]) -> None:
        rng = self.rng
        look_back = add_years(when, -1)
        earlier = [d for d in referral_dates.get(c.id, ()) if d >= look_back]
        # the council's system also counts referrals from before the return's window: as often as the
        # window itself gives them, for the share of the 12 months that falls before it
        before = max(0, (self.start - look_back).days) / 365
        previous = len(earlier) or int(self.chance(1 - (1 - RE_REFERRAL_SHARE) ** before))
        referral_dates.setdefault(c.id, []).append(when)
        nfa = self.chance(0.07)
        self.rows[3].append(
            (
                *self.person(c),
                when,
                self.pick(SOURCES),
                "Yes" if nfa else "No",
                previous,
                rng.choice(TEAMS),
                self.worker(),
            )
        )
        if nfa:
            return
        start = when + timedelta(days=rng.choice((0, 0, 1, 2)))
        working_days = max(1, int(rng.lognormvariate(3.25, 0.45)))  # median ~26, ~88% within 45
        authorised = add_working_days(start, working_days)
        support = self.chance(0.62)
        self.rows[4].append(
            (
                *self.person(c),
                self.yes_no(c.disabled),
                start,
                "Yes" if self.chance(0.97) else "No",
                self.capped(authorised),
                ("a) Yes" if support else "b) No") if authorised <= self.end else None,
                rng.choice(TEAMS),
                self.worker(),
            )
        )
        if self.chance(0.27):
            self.section47(c, start + timedelta(days=rng.randint(0, 6)))
        elif support and authorised <= self.end:
            self.child_in_need(c, authorised)

    def section47(self, c: Child, strategy: date) -> None:
        rng = self.rng
        if strategy > self.end:
            return
        conference = self.chance(0.42)
        icpc = add_working_days(strategy, max(3, int(rng.gauss(12, 4)))) if conference else None
        held = icpc is not None and icpc <= self.end
        plan = held and self.chance(0.88)
        self.rows[5].append(
            (
                *self.person(c),
                self.yes_no(c.disabled),
                strategy,
                "No" if conference else "Yes",
                icpc if held else None,
                ("Yes" if plan else "No") if held else "",
                1 + (1 if self.chance(0.1) else 0),
                1 if held else 0,
                rng.choice(TEAMS),
                self.worker(),
            )
        )
        if plan:
            self.protection_plan(c, icpc, previous=1 if self.chance(0.21) else 0)
        else:
            self.child_in_need(c, strategy)

    def child_in_need(self, c: Child, start: date) -> None:
        rng = self.rng
        closed = start + timedelta(days=int(rng.lognormvariate(5.2, 0.7)))
        closed = self.capped(closed)
        last_seen = (
            self.day_between(max(start, self.end - timedelta(days=40)), self.end)
            if closed is None
            else closed - timedelta(days=rng.randint(0, 20))
        )
        self.rows[6].append(
            (
                *self.person(c),
                self.yes_no(c.disabled),
                start,
                self.pick(NEEDS),
                max(last_seen, start),
                closed,
                "RC4 - Case closed after assessment" if closed else None,
                "c) Child in need plan",
                rng.choice(TEAMS),
                self.worker(),
            )
        )

    def protection_plan(self, c: Child, start: date, *, previous: int, end: date | None = None) -> None:
        rng = self.rng
        if end is None:
            months = rng.lognormvariate(2.1, 0.6)
            end = self.capped(start + timedelta(days=int(months * 30.4)))
        if end is None:
            # open: visited recently (most within 10 working days), reviewed
            last_visit = self.end - timedelta(days=int(rng.expovariate(1 / 7)))
        else:
            last_visit = end - timedelta(days=rng.randint(1, 14))
        last_visit = max(last_visit, start)
        review = start + timedelta(days=90) if start + timedelta(days=90) <= (end or self.end) else None
        category = self.pick(CATEGORIES)
        self.rows[7].append(
            (
                *self.person(c),
                self.yes_no(c.disabled),
                start,
                category,
                category,
                last_visit,
                self.yes_no(self.chance(0.83)),
                review,
                end,
                "b) No",
                previous,
                rng.choice(TEAMS),
                self.worker(),
            )
        )
        if end is not None and self.chance(0.08):
            self.care_episode(c, end)

    def existing_caseload(self) -> None:
        """Cases that began before the year: open plans (a few over two years old) and CIN cases."""
        rng = self.rng
        for _ in range(int(560 * self.scale)):
            c = self.child()
            start = self.start - timedelta(days=int(rng.expovariate(1 / 160)) + 1)
            end = self.capped(start + timedelta(days=int(rng.lognormvariate(5.6, 0.55))))
            if end is not None and end < self.start:
                end = self.day_between(self.start, self.end)
            self.protection_plan(c, start, previous=1 if self.chance(0.2) else 0, end=end)
        for _ in range(int(6200 * self.scale)):
            c = self.child()
            start = self.start - timedelta(days=int(rng.expovariate(1 / 500)) + 1)
            closed = self.capped(self.start + timedelta(days=int(rng.expovariate(1 / 900))))
            last_seen = self.day_between(self.end - timedelta(days=60), self.end)
            self.rows[6].append(
                (
                    *self.person(c),
                    self.yes_no(c.disabled),
                    start,
                    self.pick(NEEDS),
                    last_seen if closed is None else closed,
                    closed,
                    "RC1 - Adopted" if closed and self.chance(0.01) else ("RC8 - Case closed" if closed else None),
                    "c) Child in need plan",
                    rng.choice(TEAMS),
                    self.worker(),
                )
            )

    def care_episode(self, c: Child, start: date, *, ceased: date | None = None) -> None:
        rng = self.rng
        if start > self.end:
            return
        if ceased is None and self.chance(0.3):
            ceased = self.capped(start + timedelta(days=int(rng.lognormvariate(5.5, 0.9))))
        in_care_to = ceased or self.end
        first_review = add_working_days(start, 20)
        review = None
        if first_review <= in_care_to:
            review = in_care_to - timedelta(days=rng.randint(0, 200 if self.chance(0.92) else 400))
            review = max(review, first_review)
        visit = in_care_to - timedelta(days=int(rng.expovariate(1 / 22)))
        visit = max(visit, start)
        health = in_care_to - timedelta(days=rng.randint(0, 330 if self.chance(0.9) else 600))
        placements = rng.choices((1, 2, 3, 4, 5), weights=(68, 22, 6, 3, 1))[0]
        self.rows[8].append(
            (
                *self.person(c),
                self.yes_no(self.chance(0.06)),
                self.yes_no(c.disabled),
                start,
                self.pick(NEEDS),
                self.yes_no(self.chance(0.05)),
                start,
                self.pick(LEGAL),
                review,
                visit,
                "Long-term fostering",
                visit,
                health if health >= start else None,
                health if health >= start else None,
                placements,
                ceased,
                "E13: Left care to live with parent(s)" if ceased else None,
                start,
                self.pick(PLACEMENTS),
                "b) PR1 - Own provision",
                None,
                None,
                None,
                "Home Town",
                0,
                0,
                None,
                None,
                rng.choice(CARE_TEAMS),
                self.worker(),
            )
        )

    def looked_after(self) -> None:
        rng = self.rng
        for _ in range(int(780 * self.scale)):  # in care before the year began
            c = self.child(min_age=1, max_age=17.9)
            start = max(c.dob, self.start - timedelta(days=int(rng.expovariate(1 / 1100)) + 1))
            ceased = self.day_between(self.start, self.end) if self.chance(0.22) else None
            self.care_episode(c, start, ceased=ceased)
        for _ in range(int(380 * self.scale)):  # came into care during the year
            self.care_episode(self.child(), self.day_between(self.start, self.end))

    def care_leavers(self) -> None:
        rng = self.rng
        for _ in range(int(720 * self.scale)):
            c = self.child(min_age=17.5, max_age=21.9)
            in_touch = self.chance(0.9)
            self.rows[9].append(
                (
                    *self.person(c),
                    self.yes_no(c.disabled),
                    "Care Leavers Team",
                    self.worker(),
                    rng.choice(("b) Former relevant child", "a) Relevant child")),
                    "a) Yes" if in_touch else rng.choice(("b) No", "c) Refused")),
                    self.pick(ACCOMMODATION),
                    rng.choices(("a) Suitable", "b) Unsuitable", ""), weights=(84, 8, 8))[0],
                    self.pick(ACTIVITY),
                )
            )

    def adoption(self) -> None:
        """Three years of adoptions, some rows with formulas and no saved results (as script-built
        returns have); a few children whose plan changed."""
        rng = self.rng
        for i in range(int(190 * self.scale)):
            c = self.child(min_age=0.5, max_age=6)
            adopted = self.day_between(add_years(self.end, -3), self.end)
            to_match = int(rng.lognormvariate(4.6, 0.6))  # placement order to match, median ~100 days
            to_place = int(rng.lognormvariate(5.85, 0.35))  # entering care to moving in, median ~350
            entered = adopted - timedelta(days=to_place + rng.randint(60, 200))
            placed = entered + timedelta(days=to_place)
            matched = placed - timedelta(days=rng.randint(7, 40))
            order = matched - timedelta(days=to_match)
            decision = order - timedelta(days=rng.randint(20, 90))
            ffa = entered + timedelta(days=rng.randint(10, 60)) if self.chance(0.1) else None
            family = next(self._ids)
            if adopted > self.end or self.chance(0.05):
                adopted = None
            values = [
                c.id,
                family,
                c.gender,
                c.ethnicity,
                c.dob,
                (self.end - c.dob).days // 365,
                self.yes_no(c.disabled),
                entered,
                decision,
                order,
                matched,
                placed,
                adopted,
                None,
                None,
                ffa,
            ]
            if i % 4 == 0 and adopted is not None:
                row = len(self.rows[10]) + 2
                # =H{row}+n: the placement date written as a formula over the date entered care
                values[11] = f"=H{row}+{(placed - entered).days}"
            self.rows[10].append(tuple(values))
            self.rows[11].append(
                (
                    next(self._ids),
                    family,
                    rng.choice(("a) Male", "b) Female")),
                    "a) WBRI",
                    "b) No",
                    "No",
                    decision - timedelta(days=200),
                    None,
                    None,
                    None,
                    None,
                    None,
                    decision - timedelta(days=20),
                    matched,
                    placed,
                    1,
                    adopted,
                    None,
                    None,
                )
            )

    def early_help(self) -> None:
        for _ in range(int(5200 * self.scale)):
            c = self.child()
            start = self.day_between(self.start, self.end)
            done = self.capped(start + timedelta(days=self.rng.randint(5, 60)))
            self.rows[2].append(
                (
                    *self.person(c),
                    start,
                    done,
                    self.rng.choice(("Early Help Locality 1", "Early Help Locality 2", "Early Help Service")),
                )
            )


def _mess(
    rows: list[tuple], rng: random.Random, date_columns: tuple[int, ...], *, blank_rows: bool = True
) -> list[tuple]:
    """A little of the mess of real returns: dates as text, "TBC" in a date column, blank rows."""
    out = []
    for values in rows:
        if rng.random() < 0.004:
            values = list(values)
            column = rng.choice(date_columns)
            if isinstance(values[column], date):
                values[column] = values[column].strftime("%d/%m/%Y")
            values = tuple(values)
        elif rng.random() < 0.0004:
            values = list(values)
            values[rng.choice(date_columns)] = "TBC"
            values = tuple(values)
        out.append(values)
        if blank_rows and rng.random() < 0.0005:
            out.append(())
    return out


_DATE_COLUMNS = {1: (5,), 3: (5,), 4: (6, 8), 5: (6, 8), 6: (6, 9), 7: (6, 9, 12), 8: (7, 12, 13), 10: (10,)}


def generate(
    path: str | Path, *, seed: int = 1, end: date = date(2025, 3, 31), contacts: int = 65_000
) -> dict[str, int]:
    """Write a synthetic Annex A workbook covering the year to ``end``; returns rows per sheet."""
    synth = _Synth(seed, end, contacts)
    synth.run()
    workbook = Workbook(write_only=True)
    counts = {}
    for number, headers in HEADERS.items():
        sheet = workbook.create_sheet(f"List {number}")
        sheet.column_dimensions[get_column_letter(1)].width = 16
        rows = synth.rows[number]
        if number in _DATE_COLUMNS:
            rows = _mess(
                rows, synth.rng, _DATE_COLUMNS[number], blank_rows=number != 10
            )  # List 10's formulas name rows
        sheet.append(headers)
        for values in rows:
            sheet.append(values)
        if number == 1:
            sheet.append((None, None, None, None, None, f"Total contacts: {len(synth.rows[1])}"))
        counts[f"List {number}"] = len(synth.rows[number])
    workbook.save(path)
    return counts
