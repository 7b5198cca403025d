"""The one application error family: every error a person can cause is an InspireError with a
message and a hint, in a base per part of the product; the message texts are unchanged."""

from __future__ import annotations

import io
import pickle
from datetime import date

import pytest

from inspire.core.errors import FieldError, IndicatorError, InspireError, PlanError, PlanImportError
from inspire.core.indicators import AnnexAError, Period, read_annex_a
from inspire.core.plans import excel, rag, risk, word_import
from inspire.core.reading import ReadError, read_bytes
from inspire.core.reading.errors import EncryptedFile, FileTooLarge


def test_a_base_per_part():
    assert issubclass(ReadError, InspireError) and issubclass(EncryptedFile, ReadError)
    for kind in (PlanImportError, rag.PolarityError, rag.OverrideError, risk.RiskLevelError):
        assert issubclass(kind, PlanError)
    assert issubclass(AnnexAError, IndicatorError)
    # plans' and indicators' errors stay ValueErrors, as the classes they replaced were
    assert issubclass(PlanError, ValueError) and issubclass(IndicatorError, ValueError)
    assert not issubclass(ReadError, ValueError)


def test_message_hint_and_errors():
    error = InspireError(
        "the file is empty", hint="Choose another file.", errors=[FieldError("Items, row 2", "is blank")]
    )
    assert (str(error), error.message, error.hint) == ("the file is empty", "the file is empty", "Choose another file.")
    assert [str(e) for e in error.errors] == ["Items, row 2: is blank"]
    assert str(FieldError("", "no location")) == "no location"
    assert InspireError("no hint").hint == "" and InspireError("no hint").errors == ()
    # a kind's class-wide hint is kept unless the raiser gives one
    assert (
        AnnexAError("x").hint.startswith("Save the return from Excel")
        and AnnexAError("x", hint="other").hint == "other"
    )


def test_read_errors_keep_their_messages_hints_and_survive_pickling():
    with pytest.raises(EncryptedFile, match=r"^report\.pdf: the PDF is encrypted \(password-protected\)") as caught:
        raise EncryptedFile("report.pdf")
    assert caught.value.hint == "Save an unprotected copy of the report and read that."
    restored = pickle.loads(pickle.dumps(FileTooLarge("big.pdf", 60 * 1_048_576, 50 * 1_048_576)))
    assert (
        type(restored) is FileTooLarge
        and str(restored) == "big.pdf: the file is 60.0 MB, over the 50 MB limit for one report"
    )
    with pytest.raises(InspireError, match=r"^empty\.txt: the file is empty"):
        read_bytes(b"", "empty.txt")


def test_plan_import_errors():
    with pytest.raises(PlanImportError, match=r"^the file is not a Word document that can be opened") as caught:
        word_import.read_plan(b"not a word file")
    assert caught.value.hint == word_import.NOT_A_PLAN_FILE_HINT
    with pytest.raises(
        PlanImportError, match="^CSV, row 1, column item: the column is missing; CSV, row 1, column item_title: "
    ) as caught:
        excel.from_csv("nothing,here\n1,2\n")
    assert "CSV, row 1, column item_title: the column is missing" in [str(e) for e in caught.value.errors]
    assert all(e.location.startswith("CSV, row 1, column ") for e in caught.value.errors)
    assert caught.value.hint.startswith("Correct these rows")


def test_indicator_errors():
    with pytest.raises(IndicatorError, match=r"^the period starts \(31 March 2025\) after it ends \(1 April 2024\)"):
        Period(date(2025, 3, 31), date(2024, 4, 1))
    with pytest.raises(IndicatorError, match="not a readable Excel workbook"):
        read_annex_a(io.BytesIO(b"not a workbook"))
