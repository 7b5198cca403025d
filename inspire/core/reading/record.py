"""The structured record read from one report: the stable shape of ``inspire read --json``.

Every value the reader found carries a :class:`Provenance` (page and quoted text) in
``Record.provenance`` keyed by the value's path, e.g. ``"inspection_start"``,
``"judgements.overall"``, ``"facts.looked_after"``, ``"recommendations.3"``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

FAMILIES = (
    "apa",
    "slac",
    "lac_2012",
    "cp_2012",
    "sif",
    "lscb_review",
    "ilacs",
    "ilacs_2026",
    "jtai",
    "send_2023",
    "jar_2009",
)

#: families of area inspections: the partnership (council, health, police) inspected together, with no
#: graded judgement of the council's children's services (never counted as one)
AREA_FAMILIES = ("jtai", "send_2023", "jar_2009")

#: whom a list of items is addressed to: ``la`` the council, ``lscb`` the local safeguarding children
#: board, ``area`` the local area partnership (area inspections)
SECTIONS = ("la", "lscb", "area")

GRADES = ("outstanding", "good", "requires_improvement", "adequate", "inadequate")

#: Judgement keys shared across frameworks (see docs/RECORD.md for the older families' own keys).
JUDGEMENT_KEYS = (
    "overall",
    "help_and_protection",
    "children_in_care",
    "adoption",
    "care_leavers",
    "leadership",
    "lscb",
)


@dataclass(frozen=True)
class Provenance:
    """Where a value was read: the 1-based page (None for documents without pages) and the quote."""

    page: int | None
    quote: str


@dataclass(frozen=True)
class AuthorityRef:
    name: str
    ofsted_urn: str
    dfe_la_code: str


@dataclass(frozen=True)
class Recommendation:
    """One recommendation, area for improvement or area for priority action, in printed order."""

    section: Literal["la", "lscb", "area"]
    ordinal: int
    text: str
    page: int | None
    #: the group the report puts it in, where it has groups: ``priority`` (priority and immediate
    #: action, areas for priority action) or ``improvement`` (areas for improvement)
    kind: Literal["priority", "improvement"] | None = None
    #: the topic heading printed above it inside the list ("Capacity", "Quality of practice")
    topic: str | None = None
    #: the agency the item is addressed to, where the report says (area inspections)
    agency: str | None = None


@dataclass(frozen=True)
class SourceInfo:
    sha256: str
    format: str  # pdf, docx, html, text
    pages: int
    filename: str
    #: for a report embedded in a committee paper: the first and last page of the report within it
    embedded_pages: tuple[int, int] | None = None


@dataclass
class Record:
    family: str
    source: SourceInfo
    authority: AuthorityRef | None = None
    inspection_start: date | None = None
    inspection_end: date | None = None
    published: date | None = None
    #: an estimate of the publication date where the report states none, and where it came from
    #: (e.g. "PDF creation date"); never from the file name. ``published`` is always preferred.
    published_estimate: date | None = None
    published_estimate_source: str | None = None
    lead_inspector: str | None = None
    judgements: dict[str, str] = field(default_factory=dict)
    #: numeric grades where a framework grades in numbers (APA: 1-4, 4 best), by judgement key
    grades: dict[str, int] = field(default_factory=dict)
    recommendations: list[Recommendation] = field(default_factory=list)
    #: "information about this local authority area": counts, rates per 10,000 and ``as_at``
    facts: dict[str, Any] = field(default_factory=dict)
    provenance: dict[str, Provenance] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # Area inspections (families in AREA_FAMILIES); empty for the others.
    #: the letter's date, as printed at its top (JTAI letters; not said to be the publication date)
    letter_date: date | None = None
    #: a JTAI's theme ("serious youth violence"), lower-cased, in the letter's own words
    theme: str | None = None
    #: an area SEND outcome: "1", "2" or "3" (2023 framework), with its words in ``outcome_wording``
    outcome: str | None = None
    outcome_wording: str | None = None
    #: the next inspection as the report states it ("full inspection within approximately 3 years")
    next_inspection: str | None = None
    #: every lead inspector the report names (area SEND: one per inspectorate, titles dropped)
    lead_inspectors: list[str] = field(default_factory=list)
    #: the inspectorates that carried out the inspection ("Ofsted", "CQC", "HMICFRS", "HMI Probation")
    inspectorates: list[str] = field(default_factory=list)
    #: a JTAI letter's addressees, one line each as printed ("Name, Director of Children's Services, …")
    addressees: list[str] = field(default_factory=list)
    #: the date the report itself sets for the partnership's written statement of action (its sentence
    #: quoted in provenance ``plan_deadline``); None when it states none — never assumed
    plan_deadline: date | None = None

    def to_json(self) -> dict[str, Any]:
        """The stable JSON shape (dates as ISO strings, absent values as null)."""
        return {
            "family": self.family,
            "authority": dataclasses.asdict(self.authority) if self.authority else None,
            "inspection_start": _iso(self.inspection_start),
            "inspection_end": _iso(self.inspection_end),
            "published": _iso(self.published),
            "published_estimate": _iso(self.published_estimate),
            "published_estimate_source": self.published_estimate_source,
            "lead_inspector": self.lead_inspector,
            "judgements": dict(self.judgements),
            "grades": dict(self.grades),
            "recommendations": [dataclasses.asdict(r) for r in self.recommendations],
            "facts": {k: _iso(v) if isinstance(v, date) else v for k, v in self.facts.items()},
            "provenance": {k: dataclasses.asdict(p) for k, p in self.provenance.items()},
            "warnings": list(self.warnings),
            "letter_date": _iso(self.letter_date),
            "theme": self.theme,
            "outcome": self.outcome,
            "outcome_wording": self.outcome_wording,
            "next_inspection": self.next_inspection,
            "lead_inspectors": list(self.lead_inspectors),
            "inspectorates": list(self.inspectorates),
            "addressees": list(self.addressees),
            "plan_deadline": _iso(self.plan_deadline),
            "source": {
                **dataclasses.asdict(self.source),
                "embedded_pages": list(self.source.embedded_pages) if self.source.embedded_pages else None,
            },
        }


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
