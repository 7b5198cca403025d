"""Ingest of the whole corpus against its baseline, a plain single-process pypdfium2 text dump.

    python benchmarks/ingest.py [--rounds N] [CORPUS_FOLDER]     (default: 3 rounds, ../shared/corpus/reports)

In one run, N rounds of: (a) the baseline opens every corpus PDF with pypdfium2 in this one process and takes
every page's text (``get_textpage().get_text_bounded()``); (b) ``inspire ingest`` stores the
whole corpus into a fresh temporary SQLite database, run as a subprocess and timed from outside
(start-up, migrations and all). Prints both wall times, their ratio (target: ingest/dump <= 1.0),
both CPU times (user + system; ingest's over all its processes) and their ratio, the load
average, and ingest's peak memory, parent and worker processes together, sampled every 20 ms
(target: < 500 MB). The medians over the rounds decide (a shared machine's speed varies from
minute to minute). Exits 1 when a target is missed.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil
import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("INSPIRE_SHARED", ROOT.parent / "shared"))
MAX_RATIO = 1.0
MAX_PEAK_MB = 500


def dump(files: list[Path]) -> tuple[float, int]:
    """The baseline: seconds to take every page's text of every PDF, and how many pages."""
    pages = 0
    start = time.perf_counter()
    for file in files:
        try:
            pdf = pdfium.PdfDocument(file)
        except pdfium.PdfiumError:
            continue  # not a PDF (the corpus holds an HTML page named .pdf)
        for page in pdf:
            page.get_textpage().get_text_bounded()
            pages += 1
        pdf.close()
    return time.perf_counter() - start, pages


class TreeSampler:
    """Samples a process and its descendants: peak resident memory of them all together, and CPU
    seconds used (each process's latest reading, so workers that have ended still count)."""

    def __init__(self, process: psutil.Process):
        self.process = process
        self.peak_rss = 0
        self.cpu: dict[int, float] = {}

    def sample(self) -> None:
        rss = 0
        try:
            members = [self.process, *self.process.children(recursive=True)]
        except psutil.Error:
            return
        for member in members:
            try:
                with member.oneshot():
                    rss += member.memory_info().rss
                    times = member.cpu_times()
                self.cpu[member.pid] = times.user + times.system
            except psutil.Error:
                pass  # ended between listing and reading
        self.peak_rss = max(self.peak_rss, rss)


def ingest(folder: Path) -> tuple[float, TreeSampler, int, str]:
    """Wall seconds, the memory/CPU sampler, exit code and output of ``inspire ingest folder``."""
    with tempfile.TemporaryDirectory() as data_dir:
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "INSPIRE_SECRET_KEY")}
        env["INSPIRE_DATA_DIR"] = data_dir
        env["COLUMNS"] = "200"
        start = time.perf_counter()
        child = psutil.Popen(
            [sys.executable, "-m", "inspire", "ingest", str(folder)],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        sampler = TreeSampler(child)
        output: list[str] = []
        reader = threading.Thread(target=lambda: output.append(child.stdout.read()))
        reader.start()
        while child.poll() is None:
            sampler.sample()
            time.sleep(0.02)
        elapsed = time.perf_counter() - start
        reader.join()
        return elapsed, sampler, child.returncode, "".join(output)


def _load() -> str:
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def round_once(folder: Path, files: list[Path]) -> dict:
    """One dump then one ingest, back to back; their figures."""
    cpu_before = time.process_time()
    dump_seconds, pages = dump(files)
    dump_cpu = time.process_time() - cpu_before
    children_before = _children_cpu()
    ingest_seconds, sampler, code, output = ingest(folder)
    # CPU of the whole ingest tree: getrusage counts every descendant that was waited for; the
    # sampler also counts a process that ended unwaited (its last reading). The larger is used.
    ingest_cpu = max(_children_cpu() - children_before, sum(sampler.cpu.values()))
    summary = [line for line in output.splitlines() if line.strip().startswith("│") and any(
        word in line for word in ("Stored", "Already stored", "Failed"))]
    return dict(dump=dump_seconds, dump_cpu=dump_cpu, pages=pages, ingest=ingest_seconds, ingest_cpu=ingest_cpu,
                peak_mb=sampler.peak_rss / 1_048_576, code=code, output=output,
                summary="; ".join(" ".join(line.replace("│", " ").split()) for line in summary[:3]))


def main() -> int:
    args = sys.argv[1:]
    rounds = 3
    if "--rounds" in args:
        at = args.index("--rounds")
        rounds = int(args[at + 1])
        del args[at : at + 2]
    folder = Path(args[0]) if args else SHARED / "corpus" / "reports"
    files = sorted(folder.rglob("*.pdf"))
    if not files:
        print(f"No PDFs in {folder}", file=sys.stderr)
        return 2
    print(f"Corpus: {len(files)} PDF files, {sum(f.stat().st_size for f in files) / 1e6:.1f} MB, {folder}")
    print(f"CPU cores: {os.cpu_count()}; load average (1, 5, 15 min) before: {_load()}")
    print(f"{rounds} rounds, each (a) the baseline, a single-process pypdfium2 text dump, then (b) inspire ingest "
          "into a fresh SQLite database; the medians decide (this machine's speed varies from minute to minute)")
    results = []
    for number in range(1, rounds + 1):
        r = round_once(folder, files)
        results.append(r)
        print(f"round {number}: (a) dump {r['dump']:.2f} s wall, {r['dump_cpu']:.2f} CPU s ({r['pages']} pages); "
              f"(b) ingest {r['ingest']:.2f} s wall, {r['ingest_cpu']:.2f} CPU s, exit code {r['code']} ({r['summary']}); "
              f"wall ratio {r['ingest'] / r['dump']:.2f}")
        if r["code"] not in (0, 1):
            print(r["output"])
            print("FAIL: ingest did not finish normally")
            return 1
    dump_seconds = statistics.median(r["dump"] for r in results)
    ingest_seconds = statistics.median(r["ingest"] for r in results)
    ratio = statistics.median(r["ingest"] / r["dump"] for r in results)
    cpu_ratio = statistics.median(r["ingest_cpu"] / r["dump_cpu"] for r in results)
    peak_mb = max(r["peak_mb"] for r in results)
    print(f"median: dump {dump_seconds:.2f} s, ingest {ingest_seconds:.2f} s")
    print(f"ratio ingest / dump, wall time (median of rounds): {ratio:.2f} (target <= {MAX_RATIO:.1f}); "
          f"CPU time: {cpu_ratio:.2f} (with both cores, the wall ratio can approach half the CPU ratio)")
    print(f"peak memory of ingest (parent + workers, highest round): {peak_mb:.0f} MB (target < {MAX_PEAK_MB} MB)")
    print(f"load average after: {_load()} (on a busy machine the parallel speed-up shrinks)")
    ok = ratio <= MAX_RATIO and peak_mb < MAX_PEAK_MB
    print("OK: both targets met" if ok else "MISSED: a target is not met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
