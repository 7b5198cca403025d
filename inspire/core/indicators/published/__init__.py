"""Published comparators: the Department for Education's figures for England, the regions and every
authority, read from the Local Authority Interactive Tool's long file (LAIT) or from a release's own
underlying data (explore-education-statistics CSVs, "EES"), mapped to Inspire's indicators.

- ``MEASURES``: every published measure Inspire shows, with its LAIT code, the EES file and column
  that carry it, its unit and polarity (as LAIT's data dictionary gives it), and, where Inspire's own
  Annex A indicator of the same name is defined differently, how.
- ``read_published(data, register)``: a LAIT parquet file or an EES CSV (told apart by content, never
  by file name) → ``PublishedFile`` of ``Figure``. Areas are matched by the register's DfE (LAIT's
  "LA Number", EES ``old_la_code``) and ONS codes (``new_la_code``); authorities that no longer exist
  (Northamptonshire, Cumbria, "Bournemouth (Pre LG)") are kept as former authorities under their own
  code, never merged into their successors. A suppressed or missing figure is a ``Figure`` with no
  value and the reason the file's symbol gives ("c": suppressed to protect confidentiality), never 0.
  Float artefacts (``17.899999999999999``) are rounded to the figure as published (17.9).
- ``benchmark(...)``: an authority's value beside England, its region, each statistical neighbour and
  every authority (rank, quartile in the measure's direction), and ``reading``: the one line a
  performance meeting reads.

Each figure keeps the release it comes from and its year: ``Figure.source`` and ``period_label``.
"""

from __future__ import annotations

from inspire.core.indicators.published.compare import (  # noqa: F401
    Benchmark,
    Neighbour,
    benchmark,
    quartile_of,
    rank,
    reading,
    trend_words,
)
from inspire.core.indicators.published.files import (  # noqa: F401
    EES_STANDARD,
    LAIT_COLUMNS,
    Figure,
    PublishedError,
    PublishedFile,
    clean_number,
    is_former,
    populations,
    read_ees,
    read_lait,
    read_published,
    region_of,
)
from inspire.core.indicators.published.measures import (  # noqa: F401
    BY_INDICATOR,
    BY_LAIT,
    CIN_RELEASE,
    CLA_RELEASE,
    ENGLAND,
    LAIT_AREAS,
    LOCAL,
    MEASURES,
    NATIONAL,
    NOT_WORKED_OUT,
    ONS_REGIONS,
    POPULATION,
    POPULATION_RELEASE,
    REGION_NAMES,
    REGIONAL,
    SYMBOLS,
    WORKFORCE_RELEASE,
    EesColumn,
    Measure,
    format_published,
)
from inspire.core.indicators.published.shipped import (  # noqa: F401
    SHIPPED,
    read_compact,
    shipped_text,
    write_compact,
)
