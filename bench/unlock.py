"""The encrypted database as a mentor meets it: passphrase -> caseload -> a citizen.

    python bench/unlock.py [--runs 8] [--src DIR ...]

The demo caseload is written into an ENCRYPTED file (the mentor's own kind;
the other benches time the plaintext demo), then ``mentorterm --db FILE``
runs on a pseudo-terminal of 120x36 rendered by pyte (bench/startup.py's
Terminal). Per run: the passphrase typed once the prompt shows, then
**unlock** = enter until the caseload shows a citizen's name, then
**citizen** = enter on the first row until that citizen's screen shows its
sub-goals (a load in a worker thread with its own connection), then ctrl+q.
``--src`` runs mentorterm from other checkouts (PYTHONPATH), interleaved
round-robin, for before/after figures in the same run. Medians with min-max.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from startup import Terminal  # noqa: E402

PASS = "bench unlock passphrase, long enough"
TODAY = "2026-11-22"
CODE = "import sys; from mentorterm.cli import main; sys.exit(main())"


def make_file(src: Path, path: Path, config: Path) -> None:
    """The demo caseload in an encrypted file, and a settings file naming the mentor."""
    env = {"PYTHONPATH": str(src), "XDG_CONFIG_HOME": str(config)}
    script = (
        "import sys; from datetime import date; from mentorterm import storage; "
        "from mentorterm.demo import generate_demo; "
        f"storage.open_database(sys.argv[1], passphrase={PASS!r}); "
        f"generate_demo(seed=1, today=date.fromisoformat({TODAY!r})); storage.close_database()"
    )
    run = {"env": dict(os.environ, **env), "check": True, "capture_output": True}
    subprocess.run([sys.executable, "-P", "-c", script, str(path)], **run)
    subprocess.run(
        [sys.executable, "-P", "-c", CODE, "settings", "--mentor-name", "Bench mentor"], **run
    )


def one_run(src: Path, path: Path, config: Path) -> tuple[float, float]:
    env = {"PYTHONPATH": str(src), "XDG_CONFIG_HOME": str(config)}
    term = Terminal([sys.executable, "-P", "-c", CODE, "--db", str(path)], env)
    try:
        term.wait_for(lambda t: "passphrase" in t.text().lower(), limit=30)
        term.quiet()
        term.send(PASS.encode())
        term.quiet()
        term.send(b"\r")
        unlock = term.wait_for(lambda t: "Ali H." in t.text(), limit=30)
        term.quiet()
        term.send(b"\r")
        citizen = term.wait_for(lambda t: "Sub-goals" in t.text(), limit=30)
        term.quiet()
        term.send(b"\x11")
        term.wait_exit()
    finally:
        term.close()
    return unlock * 1000, citizen * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=8)
    parser.add_argument("--src", type=Path, action="append", help="mentorterm checkout(s)")
    args = parser.parse_args()
    sources = [s.resolve() for s in (args.src or [HERE.parent])]
    with tempfile.TemporaryDirectory() as name:
        work = Path(name)
        files = {}
        for n, src in enumerate(sources):
            config = work / f"config{n}"
            path = work / f"mine{n}.db"
            make_file(src, path, config)
            files[src] = (path, config)
            one_run(src, path, config)  # the first, compiling run is not counted
        figures: dict[Path, list[tuple[float, float]]] = {src: [] for src in sources}
        for _ in range(args.runs):
            for src in sources:
                figures[src].append(one_run(src, *files[src]))

    def fmt(values: list[float]) -> str:
        return f"{statistics.median(values):6.0f} ms ({min(values):.0f}-{max(values):.0f})"

    print(f"terminal 120x36, {args.runs} interleaved runs each, encrypted demo caseload")
    print(f"{'checkout':<24} {'unlock -> caseload':>22} {'enter -> citizen':>22}")
    for src, runs in figures.items():
        print(f"{src.name:<24} {fmt([u for u, _ in runs]):>22} {fmt([c for _, c in runs]):>22}")


if __name__ == "__main__":
    main()
