"""The practice themes of recommendations: a declared taxonomy in the field's own words.

Each theme is data: an id, the name people use, what it covers, and the phrases that place a
recommendation in it (regular expressions over the lower-cased text, straight apostrophes). A
recommendation may have several themes ("The response to disabled children, children in private
fostering arrangements and homeless 16-year-olds" is three). docs/THEMES.md lists them; the
benchmark (`benchmarks/themes.py`) measures the phrases against recommendations labelled by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Theme:
    id: str
    name: str
    covers: str
    phrases: tuple[str, ...]
    #: phrases that, found in the same text, stop a match (e.g. "early help" in a threshold document)
    unless: tuple[str, ...] = ()
    #: read in the whole text, purpose included (see ``classify.themes_of``)
    whole_text: bool = False
    #: themes that make this one part of theirs when both are found ("assessments" of homeless
    #: 16-year-olds are about homeless 16-year-olds), unless one of ``strong`` is in the text
    absorbed_by: tuple[str, ...] = ()
    strong: tuple[str, ...] = ()

    def pattern(self) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in self.phrases))

    def exclusion(self) -> re.Pattern[str] | None:
        return re.compile("|".join(f"(?:{p})" for p in self.unless)) if self.unless else None


def _theme(id: str, name: str, covers: str, *phrases: str, unless: tuple[str, ...] = (), whole_text=False,
           absorbed_by: tuple[str, ...] = (), strong: tuple[str, ...] = ()) -> Theme:
    return Theme(id, name, covers, phrases, unless, whole_text, absorbed_by, strong)


#: themes about a group of children or a service: general practice words inside them ("the assessment
#: of privately fostered children") belong to them
_GROUPS = ("exploitation", "private_fostering", "homeless_16_17", "disabled_children", "unaccompanied_children",
           "young_carers", "health", "fostering", "missing_return_interviews", "pathway_plans", "permanence",
           "education", "partnership_governance", "iro_cp_chairs", "pre_proceedings", "early_help", "adoption",
           "care_leavers_support")


#: Boards and partnerships: LSCB, safeguarding children board, "the board", the partnership.
_BOARD = r"\blscb\b|\b[a-z]{0,4}scb\b|safeguarding children(?:'s)? board|\bboard\b"

THEMES: tuple[Theme, ...] = (
    _theme(
        "management_oversight", "Management oversight and supervision",
        "Managers' oversight, direction and challenge of practice, recorded management decisions, "
        "and the regularity and quality of supervision.",
        r"management oversight", r"manager(?:s|s')? oversight", r"oversight (?:by|from) (?:\w+ )?managers",
        r"supervision", r"management (?:direction|challenge|advice|rationale|decision)",
        r"managers? (?:record|maintain|provide)", r"oversight,? direction", r"oversight and direction",
        r"management of (?:front-?line|social work)", r"management rationale", r"managerial oversight",
        r"oversight (?:and|of) (?:the )?(?:management|tracking|decisions)", r"oversight and decisions",
        r"senior managers' oversight", r"oversight (?:of|by) (?:\w+ )?(?:leaders|managers)",
        r"oversight and monitoring of children's plans", r"rigorous oversight and tracking",
        r"oversight of social workers' caseloads", r"management oversight",
        r"oversight from qualified social workers and managers", r"management advice",
        r"(?:scrutiny|oversight) and management oversight", r"oversight of children's experiences",
        r"oversight and decision making", r"oversight of practice (?:provided )?by managers",
        r"\bmanagers(?:,| and) (?:the )?(?:independent |child protection )?(?:chairs|conference|iros|independent)",
        r"managers (?:challenge|have sufficient)", r"line of sight", r"quality of oversight", r"oversight and monitoring of",
    ),
    _theme(
        "assessment", "Quality and timeliness of assessments",
        "Assessments of children's needs and risks: analysis, timeliness, updating, specialist tools, "
        "assessments of parenting and of everyone in the household.",
        r"\bassessments?\b(?! (?:tool|framework|of risks? (?:are|is)))", r"analysis of risk",
        r"(?:identification|understanding) (?:of|and response to) risk", r"response to risk",
        unless=(r"health assessments?", r"early help assessments?", r"section 11 assessments?",
                r"needs assessment", r"risk assessments? (?:in respect|tool)", r"risk assessment conference", r"assessments? (?:to|are) "
                r"(?:be )?presented to fostering panel", r"assessed and reviewed",
                r"sexual exploitation risk assessment", r"exploitation risk assessment"),
        absorbed_by=_GROUPS, strong=(r"quality (?:and \w+ )?of (?:\w+ )?assessments", r"assessments (?:are|that|consider)",
                                     r"improve assessments"),
    ),
    _theme(
        "planning", "Quality of plans and planning",
        "Child in need, child protection and care plans: clear actions and timescales, contingency "
        "plans, reviews, progress and drift and delay.",
        r"(?:quality|timeliness|clarity|coordination) of (?:\w+ )?(?:plans|planning)", r"care planning",
        r"children's plans", r"\bplans (?:and|are|contain|include)", r"child in need (?:and child protection )?plans",
        r"child protection (?:and \w+ )?plans", r"planning for children", r"contingenc", r"drift",
        r"removing child protection plans", r"plans? (?:to|that) (?:support|address)", r"children in need cases",
        r"response to children in need", r"clear plans", r"plans and reviews", r"planning where",
        r"\bplans? for (?:every|each|children|families)", r"whose circumstances are not improving",
        r"assessments and plans", r"plans need", r"\ball plans\b", r"young people's plans", r"safety planning",
        r"quality (?:and \w+ )?of (?:all )?(?:children's )?(?:and young people's )?plans", r"review meetings",
        r"looked after reviews", r"progress plans",
        unless=(r"pathway plans? (?:in place|are|which|is)", r"business plan", r"action plan",
                r"sufficiency plan", r"strategy, action plan"),
        absorbed_by=_GROUPS, strong=(r"child in need", r"child protection plans",
                                     r"quality (?:and \w+ )?of (?:plans|planning)"),
    ),
    _theme(
        "pathway_plans", "Care leavers' pathway plans",
        "The quality, timeliness and ambition of pathway plans and pathway planning with care leavers.",
        r"pathway plan",
    ),
    _theme(
        "care_leavers_support", "Care leavers: support, entitlements and accommodation",
        "The local offer and entitlements, accommodation, education, employment and training, health "
        "histories, staying in touch and support after 21 for care leavers and care-experienced adults.",
        r"care leaver", r"care-experienced", r"leaving care", r"leave the care", r"independent living",
        r"care-leavers", r"leaver", r"post 21", r"post-16 pathways", r"university", r"leave care",
        r"personal advis[eo]r",
        absorbed_by=("pathway_plans", "placement_sufficiency", "life_story_identity", "planning"),
        strong=(r"support", r"offer", r"entitlement", r"accommodation", r"housing", r"health", r"ambition",
                r"independent living", r"contact", r"transition", r"employment", r"rights"),
    ),
    _theme(
        "missing_return_interviews", "Children missing from home or care, and return home interviews",
        "The response when children go missing: return home interviews (return conversations), their "
        "take-up, recording and the use of what they show.",
        r"\bmissing\b(?! (?:from |from )?(?:education|school)\b)", r"return (?:home )?interview",
        r"return conversation",
        unless=(r"children missing (?:from )?education", r"missing from home, school and care"),
    ),
    _theme(
        "exploitation", "Child exploitation and extra-familial harm",
        "Child sexual and criminal exploitation, gangs, contextual safeguarding, and the tools, meetings "
        "and strategies that respond to them.",
        r"exploit", r"traffick", r"\bcse\b", r"\bgangs?\b", r"\bmase\b", r"extra-familial", r"county lines",
        r"contextual safeguarding",
    ),
    _theme(
        "private_fostering", "Private fostering",
        "Identifying, assessing and supporting children in private fostering arrangements, and raising "
        "awareness of them.",
        r"private(?:ly)? foster",
    ),
    _theme(
        "pre_proceedings", "Pre-proceedings, the public law outline and legal planning",
        "Pre-proceedings work and letters, the public law outline (PLO), care proceedings and the use "
        "of voluntary (section 20) care arrangements.",
        r"pre-?proceedings", r"public law outline", r"\bplo\b", r"care proceedings",
        r"voluntary care arrangements", r"section 20\b",
        absorbed_by=("homeless_16_17",),
    ),
    _theme(
        "early_help", "Early help",
        "Early help services, strategy and assessments, the edge of care offer, and help for children "
        "below the threshold for social work.",
        r"early[- ]help", r"edge of care", r"common assessment framework",
    ),
    _theme(
        "front_door", "The front door: contacts, referrals and thresholds",
        "Contacts and referrals, screening, the MASH, decision-making on first concerns, re-referrals, "
        "and the understanding and application of thresholds.",
        r"front door", r"threshold", r"screening", r"\bmash\b", r"contacts? and referrals",
        r"multi-agency safeguarding hub", r"re-referral", r"concerns received", r"initial response",
        r"point of referral", r"single point of contact", r"levels? of need'? document", r"thresholds? of need", r"domestic abuse notifications",
        r"domestic abuse level one notification", r"\breferrals?\b", r"\bcontacts\b", r"information-sharing in the",
        unless=(r"screening tools",),
    ),
    _theme(
        "child_protection_enquiries", "Strategy discussions, child protection enquiries and conferences",
        "Strategy discussions and meetings, section 47 enquiries and investigations, child protection "
        "medicals, and the timeliness of child protection conferences.",
        r"strategy (?:discussion|meeting)", r"section 47", r"child protection (?:enquir|investigation|medical)",
        r"child protection procedures", r"child protection conferences? (?:held|within)",
        r"initial child protection conference", r"identification of, and response to, risk",
    ),
    _theme(
        "iro_cp_chairs", "Independent reviewing officers and child protection chairs",
        "The oversight, challenge and capacity of independent reviewing officers (IROs) and child "
        "protection conference chairs.",
        r"independent reviewing", r"\biros?\b", r"conference chairs", r"child protection chairs",
        r"child protection coordinators", r"review(?:ing)? officers", r"independent review\b", r"\bicros?\b", r"independent chairs",
    ),
    _theme(
        "corporate_parenting", "Corporate parenting",
        "The corporate parenting board or panel and elected members' and partners' role as corporate "
        "parents.",
        r"corporate parent", r"\bpledge\b", r"corporate responsibilit",
    ),
    _theme(
        "placement_sufficiency", "Placements: sufficiency, choice, matching and stability",
        "Enough suitable homes for children in care (local, for complex needs, in an emergency), "
        "commissioning and sufficiency strategies, matching, placement stability and breakdown.",
        r"sufficien(?:cy|t) (?:\w+ )?(?:placements|strategy|plan|of placements)", r"placement (?:choice|stability|sufficiency)",
        r"placement (?:breakdown|matching)", r"breakdown of placements", r"commissioning", r"placement choice",
        r"availability of (?:local )?placements", r"sufficient placements", r"suitable,? (?:fully assessed and )?"
        r"sufficient placements", r"range of placement", r"sufficiency (?:and \w+ )?of (?:placements|homes|accommodation)",
        r"sufficiency (?:strategy|plan)", r"supply of homes",
        r"placements? (?:for care leavers|are available)", r"foster placements", r"matching processes",
        r"supported accommodation", r"homes for children in care", r"placement options", r"frequent moves",
        r"placed (?:in or )?near", r"placed at a distance", r"availability of placement",
        r"sufficient (?:numbers of )?(?:foster carers|placements|homes)", r"sufficient (?:\w+ ){0,2}(?:homes|placements)", r"residential placements",
        unless=(r"sufficiency of suitable housing", r"joint strategic needs assessment",
                r"sufficiency (?:and \w+ )?of (?:the )?(?:social care )?workforce", r"sufficiency of accommodation"),
    ),
    _theme(
        "fostering", "Foster carers and family and friends carers",
        "Recruiting, assessing, approving and supporting foster carers and connected (family and "
        "friends) carers, and the fostering service.",
        r"foster carers?\b", r"fostering (?:panel|and adoption|service)", r"special guardian", r"connected (?:persons|carers)",
        r"relatives or friends", r"wider family", r"kinship",
        r"potential carers", r"family and friends", r"regulation 24",
        unless=(r"placed with connected persons, parents and foster carers",),
    ),
    _theme(
        "workforce", "Workforce: recruitment, retention, caseloads and training",
        "Social worker recruitment and retention, stability, agency staff, caseloads and capacity, "
        "newly qualified social workers, and training and workforce development.",
        r"recruit(?:ment|ing)? (?:and retention|experienced staff|of (?:a )?sufficient)", r"retention",
        r"caseloads?", r"stability of the workforce", r"workforce", r"newly qualified", r"agency staff",
        r"training", r"capacity and experience", r"social work capacity", r"changes in social workers",
        r"recruit experienced staff", r"stability (?:and consistency )?of (?:children's )?social workers",
        r"sufficient capacity", r"permanent staff", r"turnover", r"workloads?",
        unless=(r"multi-agency (?:safeguarding )?training", r"training, apprenticeships",
                r"(?:education|employment)(?:,| and| or)? (?:\w+ )?(?:or |and )?training", r"content of training courses", r"vocational training", r"work placements", r"joint training",
                r"foster carers?(?: morale)?,? (?:\w+ )?training", r"training for (?:approved )?foster carers",
                r"training (?:for|of) (?:approved )?foster", r"recruitment and retention, including the support offered to special"),
    ),
    _theme(
        "participation", "Children's and families' voice and participation",
        "Hearing and acting on children's views, wishes and feelings, direct work, advocacy and "
        "independent visitors, the children in care council, and feedback and complaints.",
        r"\bviews\b", r"voices?\b", r"wishes and feelings", r"direct work", r"advoca", r"independent visitor",
        r"children in care council", r"complain", r"participat", r"experiences and views",
        r"perspective of children", r"(?:children|young people|families)[^.]{0,40}engaged in the work",
        r"engagement with children", r"involve(?:d)? (?:children|care leavers|young people)", r"are (?:consistently )?involved",
    ),
    _theme(
        "permanence", "Permanence",
        "Planning for and achieving permanence in time: long-term homes, children placed with parents "
        "on care orders, reunification and returning home from care.",
        r"permanen(?:ce|cy)", r"permanent (?:home|placement|carers|arrangement|families)", r"placed (?:at home )?with parents", r"return(?:ing)? home from care",
        r"plan for a child to return home", r"placed with parents", r"children who return home",
        r"entering care to adoption", r"at home .{0,30}care orders?", r"care orders? .{0,20}at home",
        r"leave care and return home", r"long-term (?:carers|foster|placement)", r"matched with carers", r"family network",
    ),
    _theme(
        "adoption", "Adoption",
        "Adoption: timeliness, decisions, adopter recruitment and support, adoption breakdown.",
        r"adoption(?! or permanency)", r"\badopt(?:ers|ed|ive)?\b",
        unless=(r"plan of adoption",),
    ),
    _theme(
        "health", "Health of children in care and care leavers",
        "Health assessments, dental checks, immunisations, emotional and mental health services "
        "(CAMHS), health histories and passports, and health partners.",
        r"health (?:assessment|histor|passport|information|services|functions|partners)",
        r"\bdental\b", r"immunisation", r"camhs", r"mental health", r"medical (?:assessments|and health)",
        r"health histories", r"health (?:records|support|and educational)",
    ),
    _theme(
        "education", "Education of children in care and children missing education",
        "Personal education plans, the virtual school, attainment and attendance, staying in education, "
        "children missing education and electively home educated.",
        r"personal education plan", r"\bpeps?\b", r"virtual school", r"attainment", r"educational",
        r"missing (?:from )?education", r"home educated", r"remain in education", r"key stage",
        r"access (?:appropriate )?education", r"education professionals", r"personal education",
        r"\bexclu(?:ded|sions?)\b",
        absorbed_by=("care_leavers_support",), strong=(r"personal education plan", r"virtual school", r"attainment",
                                                       r"key stage", r"\bschool"),
    ),
    _theme(
        "disabled_children", "Disabled children",
        "Services, assessments, plans and placements for disabled children and those with complex needs.",
        r"disabled children", r"disabilit",
    ),
    _theme(
        "homeless_16_17", "Homeless 16- and 17-year-olds",
        "The assessment of and response to 16- and 17-year-olds who present as homeless, and their "
        "accommodation.",
        r"homeless(?! (?:\(paragraph|care leavers))", r"16 or 17 years old",
        unless=(r"care leavers who are homeless",),
    ),
    _theme(
        "domestic_abuse", "Domestic abuse",
        "Children living with domestic abuse, notifications and the services that respond.",
        r"domestic abuse", r"domestic violence", r"\bmarac\b",
    ),
    _theme(
        "neglect", "Neglect",
        "The recognition of and response to neglect, including long-term and chronic neglect.",
        r"\bneglect",
    ),
    _theme(
        "quality_assurance", "Quality assurance and audit",
        "Quality assurance frameworks, case file and multi-agency audits, and acting on what they find.",
        r"quality assur", r"\baudit", r"section 11",
    ),
    _theme(
        "performance_data", "Performance information and data",
        "Performance management, data sets and reports to leaders, members and boards, and their accuracy "
        "and use.",
        r"performance (?:information|management|data|monitoring|reporting)", r"data ?-?set", r"\bdata\b",
        r"management information", r"reports are completed", r"regular reports\b",
        r"reports (?:which|that) benchmark", r"\bintelligence from audits",
        unless=(r"use of data to inform individual",),
    ),
    _theme(
        "recording", "Case recording and records systems",
        "The quality and timeliness of case records, chronologies, and the electronic recording system.",
        r"case recording", r"recording (?:system|requirements)", r"electronic (?:database|system|records?|recording)",
        r"\bit and recording", r"quality of recording", r"recording (?:and|of|in relation)", r"\bcase records?\b",
        r"\bcase files?\b", r"children's records", r"system for (?:monitoring and )?recording", r"\ba case record\b", r"chronolog", r"information added to their",
        unless=(r"recorded to inform", r"well recorded", r"recorded appropriately", r"clearly recorded in a child",
                r"rationale .{0,30}recorded", r"recording a clear rationale", r"recorded in supervision",
                r"recording all return home interviews", r"interview is recorded"),
    ),
    _theme(
        "partnership_governance", "The safeguarding partnership and its governance",
        "The LSCB or safeguarding partnership: membership and attendance, governance and links with other "
        "boards, annual reports and business plans, sub-groups, procedures, multi-agency training and "
        "learning from serious case reviews.",
        _BOARD, r"serious case review", r"\bscr\b", r"health and well-?being board", r"children's trust",
        r"section 11", r"joint strategic needs assessment", r"multi-agency (?:safeguarding )?training",
        r"partners? agencies? (?:attend|participate|are appropriately engaged)", r"partner agencies participate",
        r"sub-groups?", r"annual report", r"multi-agency (?:and single-agency )?audit", r"across the partnership",
        r"multi-agency safeguarding procedures", r"working together to safeguard",
        r"safeguarding awareness", r"faith groups", r"serious incident notification", r"joint training",
        unless=(r"corporate parenting board", r"improvement board", r"fostering panel", r"adoption panel",
                r"local family justice board"),
        whole_text=True, absorbed_by=("corporate_parenting",), strong=(_BOARD,),
    ),
    _theme(
        "lado", "Allegations against adults who work with children (LADO)",
        "The local authority designated officer's service and its oversight.",
        r"\blado\b", r"designated officer", r"\ballegations\b",
    ),
    _theme(
        "life_story_identity", "Life-story work and identity",
        "Life-story work and later-life letters, and children's identity, culture and heritage.",
        r"life[- ]story", r"later[- ]life letter", r"record of (?:their )?early childhood", r"identity", r"cultural heritage", r"ethnicity",
    ),
    _theme(
        "unaccompanied_children", "Unaccompanied asylum-seeking children",
        "Support and risk assessment for unaccompanied asylum-seeking children.",
        r"unaccompanied", r"asylum",
    ),
    _theme(
        "out_of_hours", "Out-of-hours and emergency duty services",
        "The emergency duty team or out-of-hours service.",
        r"out[- ]of[- ]hours", r"out of (?:office )?hours", r"emergency duty",
    ),
    _theme(
        "young_carers", "Young carers",
        "Recognising and supporting young carers.",
        r"young carers",
    ),
    _theme(
        "leadership_capacity", "Leadership and capacity to improve",
        "Senior leadership and management arrangements, improvement boards and the capacity to improve.",
        r"improvement board", r"senior management arrangements", r"sufficient capacity and experience",
        r"senior leaders (?:and managers )?need to", r"service review", r"peer review",
        r"senior (?:leadership|management) team", r"capacity of senior management", r"corporate governance",
    ),
)

BY_ID: dict[str, Theme] = {theme.id: theme for theme in THEMES}
