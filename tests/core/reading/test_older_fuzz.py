"""Fuzzing the older families' units and the embedded-report finder: damaged versions of their
test documents (lines dropped, repeated, shuffled or garbled) either read or raise a ReadError,
quickly; nothing crashes or hangs."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspire.core.reading import ReadError, read_bytes
from tests.conftest import seed
from tests.core.reading import test_apa, test_cp_2012, test_slac

SOURCES = [
    "\f".join(test_slac.PAGES),
    "\f".join(test_cp_2012.PAGES),
    test_apa.LETTER_2007,
    test_apa.COUNCIL_PAPER + seed("003").read_text("utf-8") + test_apa.RESPONSE,
]


@st.composite
def damaged(draw):
    lines = draw(st.sampled_from(SOURCES)).split("\n")
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        where = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "repeat", "garble", "move", "split"]))
        if action == "drop":
            del lines[where]
        elif action == "repeat":
            lines[where:where] = lines[where : where + draw(st.integers(1, 20))] * draw(st.integers(1, 30))
        elif action == "garble":
            lines[where] = draw(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
        elif action == "move":
            lines.insert(draw(st.integers(0, len(lines))), lines.pop(where))
        else:
            text = lines[where]
            cut = draw(st.integers(0, len(text)))
            lines[where : where + 1] = [text[:cut], text[cut:]]
    return "\n".join(lines)


@settings(max_examples=80, deadline=3000, suppress_health_check=[HealthCheck.too_slow])
@given(damaged())
def test_damaged_documents_read_or_fail_cleanly(text):
    try:
        record = read_bytes(text.encode("utf-8"), "damaged.txt")
    except ReadError:
        return
    assert record.family in {"apa", "slac", "cp_2012", "sif", "lscb_review", "lac_2012", "ilacs", "ilacs_2026"}
    assert all(r.text for r in record.recommendations)


def test_pathological_council_papers_are_quick():
    """Thousands of title-like lines, huge blank lines, copyright lines everywhere: linear time."""
    import time

    text = (
        "Agenda Item 1\nReport of the Director\n"
        + "Inspection of something\n" * 20000
        + " " * 2_000_000
        + "\n"
        + "© Crown copyright 2014\n" * 5000
        + "Record of main findings\n"
        + "Overall effectiveness Good\n" * 5000
    )
    began = time.perf_counter()
    try:
        read_bytes(text.encode("utf-8"), "huge.txt")
    except ReadError:
        pass
    assert time.perf_counter() - began < 10
