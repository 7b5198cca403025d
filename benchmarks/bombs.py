"""Decompression bombs: how long and how much memory Inspire spends refusing each one.

``python benchmarks/bombs.py [--cap SECONDS]`` makes the bombs of ``tests/bombs.py`` (a 2 MB .docx
of 2 GiB of zeros, a 1 MB .docx of 300 MB of valid paragraphs, a 5 MB .xlsx of 2 GiB of rows)
and gives each to the command a person would use (``inspire read`` for the Word files,
``inspire indicators compute`` and ``inspire plan word`` where they apply), sampling the memory of
the command's whole process tree (workers included) every 20 ms. A run past ``--cap`` seconds
(default 400) is stopped and shown as "> cap". A small real report is read first: the command's
own start-up, which the machine's load can make several seconds. Targets: each bomb refused in no
more than that time plus 2 s, and within 300 MB (the whole process tree).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import bombs  # noqa: E402

INSPIRE = [sys.executable, "-m", "inspire"]
MAX_EXTRA_SECONDS = 2.0
MAX_PEAK_MB = 300


def tree_rss(process: psutil.Process) -> int:
    total = 0
    try:
        members = [process, *process.children(recursive=True)]
    except psutil.Error:
        return 0
    for member in members:
        try:
            total += member.memory_info().rss
        except psutil.Error:
            pass
    return total


def measure(command: list[str], cap: float, env: dict[str, str]) -> tuple[float, int, int | None, str]:
    """Wall seconds, peak memory (bytes, whole tree), exit code (None: stopped at the cap), last line."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
    process = psutil.Process(child.pid)
    peak = 0
    code = None
    while time.perf_counter() - start < cap:
        peak = max(peak, tree_rss(process))
        if (code := child.poll()) is not None:
            break
        time.sleep(0.02)
    else:
        for member in [*process.children(recursive=True), process]:
            try:
                member.kill()
            except psutil.Error:
                pass
    output = child.communicate()[0].decode(errors="replace").strip().splitlines()
    return time.perf_counter() - start, peak, code, " ".join(output[-3:])[:200] if output else ""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cap", type=float, default=400.0)
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "INSPIRE_SECRET_KEY")}
    failed = False
    with tempfile.TemporaryDirectory() as folder:
        env["INSPIRE_DATA_DIR"] = folder
        work = Path(folder)
        zeros = bombs.docx_of_zeros(work / "zeros.docx")
        paragraphs = bombs.docx_of_paragraphs(work / "paragraphs.docx")
        rows = bombs.xlsx_of_rows(work / "rows.xlsx")
        seed = sorted((ROOT.parent / "shared" / "seeds").glob("000_*"))
        runs = [("read (a real report)", seed[0], [*INSPIRE, "read", str(seed[0])])] if seed else []
        runs += [
            ("read", zeros, [*INSPIRE, "read", str(zeros)]),
            ("read", paragraphs, [*INSPIRE, "read", str(paragraphs)]),
            ("plan word", paragraphs, [*INSPIRE, "plan", "word", str(paragraphs)]),
            (
                "indicators compute",
                rows,
                [*INSPIRE, "indicators", "compute", str(rows), "--start", "2024-04-01", "--end", "2025-03-31"],
            ),
        ]
        start_up = None
        print(f"{'command':<22} {'file':<16} {'packed':>8} {'seconds':>9} {'peak MB':>8}  exit  output")
        for name, file, command in runs:
            seconds, peak, code, output = measure(command, args.cap, env)
            shown = f"> {args.cap:.0f}" if code is None else f"{seconds:.1f}"
            print(
                f"{name:<22} {file.name[:16]:<16} {file.stat().st_size / 1048576:>6.1f}MB {shown:>9} "
                f"{peak / 1048576:>8.0f}  {code if code is not None else '-':>4}  {output}",
                flush=True,
            )
            if file.suffix not in (".docx", ".xlsx"):
                start_up = seconds  # the command's own start-up, for comparison
                continue
            if code is None or seconds > (start_up or 3.0) + MAX_EXTRA_SECONDS or peak > MAX_PEAK_MB * 1048576:
                failed = True
    print(
        f"Target: each refused within the start-up time + {MAX_EXTRA_SECONDS:g} s and {MAX_PEAK_MB} MB: "
        f"{'missed' if failed else 'met'}"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
