"""The filter's keystroke on the 5,000 list: when the app writes the narrowed
status line, and when the bench's emulated terminal shows it.

    python bench/filter_frames.py --big bench/bench.db [--runs 6] [--src DIR ...]

mentorterm runs on a pseudo-terminal of 120x36 (bench/startup.py's
Terminal) with a wrapper around Textual's Linux driver that notes the moment
of each write carrying the status line (the screen's row 35). "hansen" is
typed into the filter one letter at a time, each once the last shows and
150 ms more have passed (the emulator reads on meanwhile: an app whose output
is not read blocks in its write, a pty holds only a few KB). Per
letter: **written**, from the key sent to the first write of the status line
after it (what any terminal receives; the clock is the same monotonic one in
both processes), and **shown**, until pyte has rendered the status line with
the letter (bench/compare.py's figure, which adds the emulator's parsing:
7-20 ms for the 6-8 KB of a letter that redraws the list). ``--src``
checkouts run interleaved, as in compare.py. The wrapper changes nothing
the app does.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from compare import dismiss_toasts, known_mentor
from startup import Terminal, pct

HERE = Path(__file__).resolve().parent

WRAPPER = """
import re, sys, time
import textual.drivers.linux_driver as ld
log = open(sys.argv.pop(1), "a", buffering=1)
write = ld.LinuxDriver.write
def noting(self, data):
    if re.search(r"\\x1b\\[35;\\d+H", data):
        log.write(f"{time.perf_counter() * 1000:.3f}\\n")
    return write(self, data)
ld.LinuxDriver.write = noting
import mentorterm.cli as c
sys.exit(c.main())
"""


def one_run(src: Path, db: Path, config: Path, needle: str) -> tuple[list[float], list[float]]:
    """(written, shown) ms per letter of one start of the app."""
    with tempfile.NamedTemporaryFile("r", suffix=".log") as log:
        env = {"PYTHONPATH": str(src), "XDG_CONFIG_HOME": str(config)}
        argv = [sys.executable, "-P", "-c", WRAPPER, log.name, "--db", str(db)]
        term = Terminal(argv, env)
        try:
            term.wait_for(lambda t: "Ahmed Andersen" in t.text(), 60)
            term.settle(0.3)
            dismiss_toasts(term)
            term.send(b"/")
            term.wait_for(lambda t: "Filter by name" in t.text(), 5)
            term.settle(0.2)
            sent, shown, typed = [], [], ""
            for letter in needle:
                typed += letter
                sent.append(time.perf_counter() * 1000)
                term.send(letter.encode())
                wait = term.wait_for(lambda t, s=typed: f"filter: “{s}”" in t.text(), 5)
                shown.append(wait * 1000)
                term.settle(0.15)  # the next letter on a quiet app, its output read
            term.send(b"\x1b")
            term.settle(0.2)
            term.send(b"q")
            term.wait_exit()
        finally:
            term.close()
        writes = [float(line) for line in Path(log.name).read_text().split()]
    written = [min(w for w in writes if w > s) - s for s in sent]
    return written, shown


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big", type=Path, required=True, help="generate.py's database")
    parser.add_argument("--runs", type=int, default=6)
    parser.add_argument("--src", type=Path, action="append", help="mentorterm checkout(s)")
    parser.add_argument("--needle", default="hansen")
    args = parser.parse_args()
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    config = Path(tempfile.mkdtemp(prefix="mentorterm-filter-")) / "config"
    sources = [s.resolve() for s in (args.src or [HERE.parent])]
    figures: dict[Path, tuple[list[float], list[float]]] = {s: ([], []) for s in sources}
    for src in sources:
        known_mentor(src, config)
    for run in range(args.runs + 1):  # run 0 compiles bytecode, warms the disk cache
        for src in sources:
            written, shown = one_run(src, args.big, config, args.needle)
            if run:
                figures[src][0].extend(written)
                figures[src][1].extend(shown)
        print(f"run {run}/{args.runs} done", file=sys.stderr)
    print(f'"{args.needle}" typed into the filter, {args.runs} runs, ms from the key sent')
    print(f"{'checkout':<28} {'written p50/p90':>16} {'shown p50/p90':>14}")
    for src, (written, shown) in figures.items():
        w = f"{statistics.median(written):.1f} / {pct(written, 0.9):.1f}"
        s = f"{statistics.median(shown):.0f} / {pct(shown, 0.9):.0f}"
        print(f"{str(src)[-28:]:<28} {w:>16} {s:>14}")


if __name__ == "__main__":
    main()
