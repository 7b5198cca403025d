"""Ingest against its baseline, a plain single-process pypdfium2 text dump, at several batch sizes.

    python benchmarks/ingest.py [--rounds N] [--batches 50,100,all] [CORPUS_FOLDER]
    (default: 3 rounds, batches of 50, 100 and all the corpus, ../shared/corpus/reports)

A batch of n is the first n PDFs by name (a folder of links to them). In one run, N rounds; each
round takes every batch size in turn and runs, back to back, (a) the baseline: open each of the
batch's PDFs with pypdfium2 in this one process and take every page's text
(``get_textpage().get_text_bounded()``), and (b) ``inspire ingest`` of the batch into a fresh
temporary SQLite database, run as a subprocess and timed from outside (start-up, database set-up
and all). Prints both wall times, their ratio (target: ingest/dump <= 0.6 at every batch size;
two cores make 0.5 the limit), both CPU times (user + system; ingest's over all its processes) and
their ratio, the load average, and ingest's peak memory, parent and worker processes together,
sampled every 20 ms (target: < 500 MB). The medians over the rounds decide (a shared machine's
speed varies from minute to minute). Exits 1 when a target is missed.
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
MAX_RATIO = 0.6
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
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
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
    summary = [
        line
        for line in output.splitlines()
        if line.strip().startswith("│") and any(word in line for word in ("Stored", "Already stored", "Failed"))
    ]
    return dict(
        dump=dump_seconds,
        dump_cpu=dump_cpu,
        pages=pages,
        ingest=ingest_seconds,
        ingest_cpu=ingest_cpu,
        peak_mb=sampler.peak_rss / 1_048_576,
        code=code,
        output=output,
        summary="; ".join(" ".join(line.replace("│", " ").split()) for line in summary[:3]),
    )


def batch_folder(files: list[Path], root: Path) -> Path:
    """A folder of links to ``files`` (what ``inspire ingest`` is given for a batch)."""
    folder = root / f"batch-{len(files)}"
    folder.mkdir()
    for file in files:
        (folder / file.name).symlink_to(file.resolve())
    return folder


def main() -> int:
    args = sys.argv[1:]
    rounds = 3
    if "--rounds" in args:
        at = args.index("--rounds")
        rounds = int(args[at + 1])
        del args[at : at + 2]
    sizes_text = "50,100,all"
    if "--batches" in args:
        at = args.index("--batches")
        sizes_text = args[at + 1]
        del args[at : at + 2]
    folder = Path(args[0]) if args else SHARED / "corpus" / "reports"
    files = sorted(folder.rglob("*.pdf"))
    if not files:
        print(f"No PDFs in {folder}", file=sys.stderr)
        return 2
    sizes = [len(files) if s == "all" else min(int(s), len(files)) for s in sizes_text.split(",")]
    print(f"Corpus: {len(files)} PDF files, {sum(f.stat().st_size for f in files) / 1e6:.1f} MB, {folder}")
    print(f"CPU cores: {os.cpu_count()}; load average (1, 5, 15 min) before: {_load()}")
    print(
        f"{rounds} rounds, each taking the batches of {', '.join(map(str, sizes))} in turn: (a) the baseline, a "
        "single-process pypdfium2 text dump, then (b) inspire ingest into a fresh SQLite database; the medians "
        "decide (this machine's speed varies from minute to minute)"
    )
    results: dict[int, list[dict]] = {size: [] for size in sizes}
    with tempfile.TemporaryDirectory() as links:
        folders = {size: folder if size == len(files) else batch_folder(files[:size], Path(links)) for size in sizes}
        for number in range(1, rounds + 1):
            for size in sizes:
                r = round_once(folders[size], files[:size])
                results[size].append(r)
                print(
                    f"round {number}, batch {size}: (a) dump {r['dump']:.2f} s wall, {r['dump_cpu']:.2f} CPU s "
                    f"({r['pages']} pages); (b) ingest {r['ingest']:.2f} s wall, {r['ingest_cpu']:.2f} CPU s, "
                    f"exit code {r['code']} ({r['summary']}); wall ratio {r['ingest'] / r['dump']:.2f}; "
                    f"peak {r['peak_mb']:.0f} MB; load {_load()}"
                )
                if r["code"] not in (0, 1):
                    print(r["output"])
                    print("FAIL: ingest did not finish normally")
                    return 1
    ok = True
    print(
        f"\n{'batch':>6}{'dump s':>9}{'ingest s':>10}{'wall ratio':>12}{'CPU ratio':>11}{'peak MB':>9}  "
        f"target: ratio <= {MAX_RATIO}, peak < {MAX_PEAK_MB} MB"
    )
    for size, rows in results.items():
        dump_seconds = statistics.median(r["dump"] for r in rows)
        ingest_seconds = statistics.median(r["ingest"] for r in rows)
        ratio = statistics.median(r["ingest"] / r["dump"] for r in rows)
        cpu_ratio = statistics.median(r["ingest_cpu"] / r["dump_cpu"] for r in rows)
        peak_mb = max(r["peak_mb"] for r in rows)
        met = ratio <= MAX_RATIO and peak_mb < MAX_PEAK_MB
        ok &= met
        print(
            f"{size:>6}{dump_seconds:>9.2f}{ingest_seconds:>10.2f}{ratio:>12.2f}{cpu_ratio:>11.2f}{peak_mb:>9.0f}  "
            f"{'yes' if met else 'NO'}"
        )
    print(
        f"(medians of {rounds} rounds; peak memory: the highest round; with both cores the wall ratio can approach "
        "half the CPU ratio)"
    )
    print(f"load average after: {_load()} (on a busy machine the parallel speed-up shrinks)")
    print("OK: every target met" if ok else "MISSED: a target is not met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
