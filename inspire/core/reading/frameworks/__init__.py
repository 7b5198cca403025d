"""The registry of report families. One module per family; one line here per module."""

from __future__ import annotations

from inspire.core.reading.documents import Document
from inspire.core.reading.frameworks.base import Framework

# One import and one entry per family.
from inspire.core.reading.frameworks import apa  # noqa: E402  (units import .base)
from inspire.core.reading.frameworks import slac  # noqa: E402
from inspire.core.reading.frameworks import cp_2012  # noqa: E402
from inspire.core.reading.frameworks import ilacs, ilacs_2026  # noqa: E402
from inspire.core.reading.frameworks import sif  # noqa: E402
from inspire.core.reading.frameworks import lscb_review  # noqa: E402
from inspire.core.reading.frameworks import lac_2012  # noqa: E402
from inspire.core.reading.frameworks import jtai  # noqa: E402
from inspire.core.reading.frameworks import send_2023  # noqa: E402
from inspire.core.reading.frameworks import jar_2009  # noqa: E402

FRAMEWORKS: tuple[Framework, ...] = (
    apa.FRAMEWORK,
    slac.FRAMEWORK,
    cp_2012.FRAMEWORK,
    sif.FRAMEWORK,
    lscb_review.FRAMEWORK,
    lac_2012.FRAMEWORK,
    ilacs.FRAMEWORK,
    ilacs_2026.FRAMEWORK,
    jtai.FRAMEWORK,
    send_2023.FRAMEWORK,
    jar_2009.FRAMEWORK,
)


def detect(document: Document) -> Framework | None:
    """The family whose words mark the document most strongly, or None when none does."""
    best, best_score = None, 0
    for framework in FRAMEWORKS:
        score = framework.detect(document)
        if score > best_score:
            best, best_score = framework, score
    return best
