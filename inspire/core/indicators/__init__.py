"""Performance indicators from Annex A case lists (pure Python).

- ``cases``: typed rows per list; ``annex_a``: reading a council's workbook into them, with problems;
- ``catalogue``: one declarative unit per indicator; ``compute``: any indicator for any period;
- ``generator``: a seeded synthetic Annex A of a large county (the only case-level data shipped);
- ``comparators``: England, region and statistical neighbour values, and quartiles.
"""

from inspire.core.indicators.annex_a import AnnexAError, read_annex_a
from inspire.core.indicators.cases import CaseLists, Problem
from inspire.core.indicators.catalogue import CATALOGUE, Indicator, Period, Polarity, Unit
from inspire.core.indicators.compute import Case, Result, compute, compute_all

__all__ = [
    "CATALOGUE",
    "AnnexAError",
    "Case",
    "CaseLists",
    "Indicator",
    "Period",
    "Polarity",
    "Problem",
    "Result",
    "Unit",
    "compute",
    "compute_all",
    "read_annex_a",
]
