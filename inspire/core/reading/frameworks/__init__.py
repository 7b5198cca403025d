"""The registry of report families. One module per family; one line here per module."""

from __future__ import annotations

from inspire.core.reading.documents import Document

# One import and one entry per family.
from inspire.core.reading.frameworks import (  # noqa: E402
    apa,  # noqa: E402  (units import .base)
    cp_2012,  # noqa: E402
    ilacs,
    ilacs_2026,
    jar_2009,  # noqa: E402
    jtai,  # noqa: E402
    lac_2012,  # noqa: E402
    lscb_review,  # noqa: E402
    send_2023,  # noqa: E402
    sif,  # noqa: E402
    slac,  # noqa: E402
)
from inspire.core.reading.frameworks.base import Framework

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
