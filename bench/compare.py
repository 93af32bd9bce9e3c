"""First frame, quit, filter and memory of mentorterm against Textual itself (and peers).

    python bench/compare.py --demo demo.db --big bench/bench.db [--runs 15] [--src DIR] [--peers]

Every program runs on a pseudo-terminal of 120x36 whose output a terminal
emulator (pyte) renders (bench/startup.py's Terminal): a moment counts only
when the emulated screen shows it. The programs run interleaved, round-robin,
``--runs`` times each, so a loaded machine slows all of them alike:

- T0: ``python -c 'import textual.app'``, start to exit (the baseline);
- bare: bench/bare_app.py, a Textual app with a 50-row DataTable (the floor);
- demo: mentorterm on the demo caseload; big: on the 5,000-citizen database
  (``python bench/generate.py`` makes it), where the filter is timed as well;
- peers (``--peers``): toolong, posting and harlequin, each from its own venv
  under /tmp (made with pip on first use), each on a small file of its kind.

Per program: first frame (start until the expected text shows) and its ratio
to T0's median, the CPU time the process had by then (its threads' /proc
schedstat: what another load on the machine hardly moves), quit (``q``/``ctrl+q`` until the process has exited), peak
memory (VmHWM from /proc/<pid>/status just before quitting), and on the big
database the filter per keystroke (p50/p90: "hansen" typed once the filter
box has finished drawing, each letter as soon as the last one shows, the
emulator reading all the while as a terminal does). ``--src`` runs mentorterm from
another checkout (PYTHONPATH), for before/after figures in the same run.
Bytecode is written and used as in a normal install (PYTHONDONTWRITEBYTECODE
is dropped for the children); the first, compiling run of each is not counted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from startup import Terminal, baseline, pct

HERE = Path(__file__).resolve().parent
PEERS_VENV = str(
    Path(tempfile.gettempdir()) / "mentorterm-peers-venv-{name}"
)  # one each: they pin different Textuals
PEERS = ("toolong", "posting", "harlequin")


@dataclass
class Program:
    """One thing to start: its argv, what shows its first frame, how it quits."""

    name: str
    argv: list[str]
    expect: str
    quit_keys: bytes = b"q"
    env: dict[str, str] = field(default_factory=dict)
    needle: str = ""  # typed into mentorterm's filter ("/") when given
    frames: list[float] = field(default_factory=list)
    quits: list[float] = field(default_factory=list)
    memory: list[float] = field(default_factory=list)  # MiB
    filters: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)  # CPU seconds by the first frame
    failures: int = 0


def peak_mib(pid: int) -> float:
    """The process's resident-set high-water mark (VmHWM), in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid: int) -> float:
    """The CPU time the process's threads have had so far, in seconds: the first
    field of each thread's /proc schedstat (nanoseconds on a CPU). Unlike the
    wall clock, another program's load on the machine hardly moves it: the
    figure for comparing two builds on a noisy machine."""
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            total += int((task / "schedstat").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            continue  # a thread that ended meanwhile
    return total / 1e9


def dismiss_toasts(term: Terminal, marker: str = "not encrypted") -> None:
    """Click away the warning a plaintext database shows (it covers the status line)."""
    term.wait_for(lambda t: marker in t.text(), limit=10)
    for y, line in enumerate(term.screen.display):
        if marker in line:
            x = line.index(marker) + 1
            term.send(f"\x1b[<0;{x};{y + 1}M\x1b[<0;{x};{y + 1}m".encode())  # SGR click
            break
    term.wait_for(lambda t: marker not in t.text(), limit=10)


def time_filter(term: Terminal, needle: str) -> list[float]:
    """Each typed character until mentorterm's status line shows the narrowed filter."""
    term.settle(0.3)
    dismiss_toasts(term)
    term.send(b"/")
    term.wait_for(lambda t: "Filter by name" in t.text() or "filter:" in t.text(), 5)
    # The box shows at once; the footer, the list's focus tint and its
    # scrollbar follow over 40-60 ms. A mentor types the first letter after
    # seeing the box, not 5 ms into its drawing: each letter is timed alone.
    term.quiet()
    typed, shown = [], ""
    for ch in needle:
        shown += ch
        term.send(ch.encode())
        typed.append(term.wait_for(lambda t, s=shown: f"filter: “{s}”" in t.text(), limit=5))
    term.send(b"\x1b")  # leave the filter
    term.settle(0.2)
    return typed


def run_once(program: Program, count: bool) -> None:
    term = Terminal(program.argv, program.env)
    try:
        term.wait_for(lambda t: program.expect in t.text(), limit=60)
        frame = time.perf_counter() - term.started
        cpu = cpu_seconds(term.process.pid)
        filters = time_filter(term, program.needle) if program.needle else []
        term.settle(0.1)  # what it holds once shown, not mid-start
        memory = peak_mib(term.process.pid)
        term.send(program.quit_keys)
        quit_s = term.wait_exit()
    except TimeoutError as error:
        program.failures += 1
        print(f"  {program.name}: {error}", file=sys.stderr)
        return
    finally:
        term.close()
    if count:
        program.frames.append(frame)
        program.cpus.append(cpu)
        program.quits.append(quit_s)
        program.memory.append(memory)
        program.filters += filters


def mentorterm_program(name: str, db: Path, expect: str, src: Path, config: Path, needle=""):
    # The installed command's entry point; -P: the checkout named by --src, not
    # whatever mentorterm the current folder holds.
    code = (
        "import sys; import mentorterm.cli as c; "
        "c.run() if hasattr(c, 'run') else sys.exit(c.main())"
    )
    env = {"PYTHONPATH": str(src), "XDG_CONFIG_HOME": str(config)}
    return Program(
        name, [sys.executable, "-P", "-c", code, "--db", str(db)], expect, env=env, needle=needle
    )


def known_mentor(src: Path, config: Path) -> None:
    """A settings file that names the mentor, so no first-run question covers the list."""
    env = dict(os.environ, PYTHONPATH=str(src), XDG_CONFIG_HOME=str(config))
    code = "import sys; from mentorterm.cli import main; sys.exit(main())"
    subprocess.run(
        [sys.executable, "-P", "-c", code, "settings", "--mentor-name", "Bench mentor"],
        env=env,
        check=True,
        capture_output=True,
    )


def peer_programs(work: Path) -> list[Program]:
    """toolong, posting and harlequin from their own venvs (made on first use)."""
    bins = {}
    for name in PEERS:
        venv = Path(PEERS_VENV.format(name=name))
        if not (venv / "bin" / "python").exists():
            print(f"making {venv} with {name} from PyPI ...", file=sys.stderr)
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
            subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", name])
        bins[name] = venv / "bin"
    log = work / "app.log"
    log.write_text(
        "".join(f"2026-11-22 10:{n // 60:02d}:{n % 60:02d} INFO line {n}\n" for n in range(500))
    )
    collection = work / "collection"
    collection.mkdir(exist_ok=True)
    (collection / "hello.posting.yaml").write_text(
        "name: hello\nmethod: GET\nurl: http://localhost/\n"
    )
    env = {"PYTHONPATH": ""}
    return [
        Program("toolong", [str(bins["toolong"] / "tl"), str(log)], "line 499", b"\x11", env),
        Program(
            "posting",
            [str(bins["posting"] / "posting"), "--collection", str(collection)],
            "hello",
            b"\x11",
            env,
        ),
        Program(
            "harlequin", [str(bins["harlequin"] / "harlequin"), ":memory:"], "Query", b"\x11", env
        ),
    ]


def ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.0f}" if values else "-"


def report(t0s: list[float], programs: list[Program], runs: int) -> None:
    t0 = statistics.median(t0s)
    print(f"terminal 120x36, {runs} interleaved runs each (first, compiling run not counted)")
    print(f"T0 (python -c 'import textual.app'): median {t0 * 1000:.0f} ms")
    header = (
        f"{'program':<14} {'first frame':>12} {'ratio':>7} {'range':>11} {'cpu ms':>7} {'quit ms':>8} "
        f"{'peak MiB':>9} {'filter p50/p90 ms':>18}"
    )
    print(header)
    print("-" * len(header))
    for p in programs:
        if not p.frames:
            print(f"{p.name:<14} (no run succeeded: {p.failures} failed)")
            continue
        frame = statistics.median(p.frames)
        spread = f"{min(p.frames) / t0:.2f}-{max(p.frames) / t0:.2f}"
        filt = (
            f"{pct(p.filters, 0.5) * 1000:.0f} / {pct(p.filters, 0.9) * 1000:.0f}"
            if p.filters
            else "-"
        )
        print(
            f"{p.name:<14} {frame * 1000:>9.0f} ms {frame / t0:>6.2f}x {spread:>11} "
            f"{ms(p.cpus):>7} {ms(p.quits):>8} {statistics.median(p.memory):>9.1f} {filt:>18}"
            + (f"  ({p.failures} failed)" if p.failures else "")
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--demo", type=Path, required=True, help="a demo database")
    parser.add_argument("--big", type=Path, help="the 5,000-citizen database (generate.py)")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--src", type=Path, action="append", help="mentorterm checkout(s)")
    parser.add_argument("--expect-demo", default="Tina Mikkelsen")
    parser.add_argument("--expect-big", default="Ahmed Andersen")
    parser.add_argument("--needle", default="hansen", help="typed into the filter (big)")
    parser.add_argument("--peers", action="store_true", help="also toolong, posting, harlequin")
    args = parser.parse_args()
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    work = Path(tempfile.mkdtemp(prefix="mentorterm-compare-"))
    config = work / "config"
    programs = [Program("bare", [sys.executable, str(HERE / "bare_app.py")], "Citizen 20", env={})]
    sources = args.src or [HERE.parent]
    for src in sources:
        src = src.resolve()
        tag = "" if len(sources) == 1 else f"[{src.name}]"
        known_mentor(src, config)
        programs.append(mentorterm_program(f"demo{tag}", args.demo, args.expect_demo, src, config))
        if args.big:
            programs.append(
                mentorterm_program(
                    f"5000{tag}", args.big, args.expect_big, src, config, needle=args.needle
                )
            )
    if args.peers:
        programs += peer_programs(work)
    t0s: list[float] = []
    for run in range(args.runs + 1):  # run 0 compiles bytecode and warms the disk cache
        t0 = baseline()
        if run:
            t0s.append(t0)
        for program in programs:
            run_once(program, count=run > 0)
        print(f"run {run}/{args.runs} done", file=sys.stderr)
        if run and run < args.runs:  # the figures so far, in case the run is cut short
            report(t0s, programs, run)
            print(flush=True)
    report(t0s, programs, args.runs)


if __name__ == "__main__":
    main()
