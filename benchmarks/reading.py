"""Parsing against extraction: what Inspire's reading adds to taking the text out of the PDFs.

    python benchmarks/reading.py [CORPUS_FOLDER]     (default: ../shared/corpus/reports)

In one run, in this one process: (a) the baseline, text extraction alone: every corpus PDF
loaded into a ``Document`` by Inspire's PDF backend (pypdfium2, every page's text); (b) detection
and parsing alone on those already-extracted Documents (``read_document``: the embedded-report
search, the family's detection and its reading into a Record). Prints both, the ratio
parse / extract (parsing should be nearly free: a small fraction of extraction) and the five
slowest files to parse. ``benchmarks/ingest.py`` times the whole ingest against a text dump.
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from anywhere

from inspire.core.reading.documents import Document, load_path  # noqa: E402
from inspire.core.reading.errors import ReadError  # noqa: E402
from inspire.core.reading.reader import read_document  # noqa: E402
from inspire.core.register import default_register  # noqa: E402

SHARED = Path(os.environ.get("INSPIRE_SHARED", ROOT.parent / "shared"))


def extract(files: list[Path]) -> tuple[float, list[Document], list[str]]:
    """The baseline: seconds to load every file's text, the Documents, and the files refused."""
    documents, refused = [], []
    start = time.perf_counter()
    for file in files:
        try:
            documents.append(load_path(file))
        except ReadError as error:
            refused.append(str(error))
    return time.perf_counter() - start, documents, refused


def parse(documents: list[Document]) -> tuple[float, list[tuple[float, str]], int]:
    """Seconds to read every Document into a Record, each file's seconds, and how many were refused."""
    register = default_register()  # loaded once, outside the timing, as ingest's workers do
    each, refused = [], 0
    start = time.perf_counter()
    for document in documents:
        began = time.perf_counter()
        try:
            read_document(document, register=register)
        except ReadError:
            refused += 1
        each.append((time.perf_counter() - began, document.filename))
    return time.perf_counter() - start, each, refused


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else SHARED / "corpus" / "reports"
    files = sorted(folder.rglob("*.pdf"))
    if not files:
        print(f"No PDFs in {folder}", file=sys.stderr)
        return 2
    print(f"Corpus: {len(files)} PDF files, {sum(f.stat().st_size for f in files) / 1e6:.1f} MB, {folder}")
    gc.collect()
    extract_seconds, documents, refused = extract(files)
    pages = sum(len(d.pages) for d in documents)
    print(
        f"(a) baseline, text extraction alone (pypdfium2, one process): {extract_seconds:.2f} s "
        f"({len(documents)} documents, {pages} pages; {len(refused)} files refused)"
    )
    for reason in refused:
        print(f"    refused: {reason}")
    gc.collect()
    parse_seconds, each, not_reports = parse(documents)
    print(
        f"(b) detection + parsing alone on the extracted documents: {parse_seconds:.2f} s "
        f"({1000 * parse_seconds / len(documents):.1f} ms a report on average, median "
        f"{1000 * statistics.median(seconds for seconds, _ in each):.1f} ms; {not_reports} not read as reports)"
    )
    ratio = parse_seconds / extract_seconds
    print(f"ratio parse / extract: {ratio:.3f}")
    print("slowest to parse:")
    for seconds, name in sorted(each, reverse=True)[:5]:
        print(f"  {1000 * seconds:7.1f} ms  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
