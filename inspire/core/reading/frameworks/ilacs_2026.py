"""ILACS from April 2026: the same four graded judgements, no overall effectiveness, and each
area for improvement cross-referenced to the Children's Social Care National Framework.

The layout is otherwise that of :mod:`.ilacs`, whose title, table and list are reused.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from inspire.core.reading.frameworks import ilacs
from inspire.core.reading.frameworks.common import DeclarativeFramework

SPEC = replace(
    ilacs.SPEC,
    family="ilacs_2026",
    title="Inspection of local authority children's services (ILACS, from April 2026)",
    # the table has no "Overall effectiveness" row
    signatures=ilacs.SIGNATURES,
    absences=((ilacs.OVERALL_ROW, 2),),
    inspected_from=date(2026, 4, 1),
    inspected_to=None,
    judgements=tuple(row for row in ilacs.JUDGEMENTS if row[1] != "overall"),
    expected=("leadership", "help_and_protection", "children_in_care", "care_leavers"),
)


class Ilacs2026(DeclarativeFramework):
    spec = SPEC


FRAMEWORK = Ilacs2026()
