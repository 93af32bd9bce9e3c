"""End-to-end screen timings of the real app on a pseudo-terminal.

mentorterm runs on a pty; its output is fed to a terminal emulator (pyte) and
a moment counts only when the emulated screen shows the expected content —
Textual's headless mode skips writing frames and would under-report.

    python bench/startup.py --db demo.db --expect "Ali H." [--runs 15]

Prints, as median (min-max) over the runs:
- T0: ``python -c 'import textual.app'`` until exit (the baseline);
- first frame: start until the expected text is on screen, and its ratio to T0;
- cursor: ``down`` until the highlighted row has moved (p50/p90);
- filter: each typed character until the screen shows the narrowed list (p50/p90);
- quit: ``q`` until the process has exited.
"""

from __future__ import annotations

import argparse
import os
import pty
import select
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pyte

from mentorterm import storage as _storage  # noqa: E402

# The data, not the cipher (see encryption.py): new databases here are plaintext.
_storage.allow_plaintext_for_tests()

COLS, ROWS = 120, 36


class Terminal:
    """A child process on a pty, its output rendered by pyte."""

    def __init__(self, argv: list[str], env: dict[str, str] | None = None) -> None:
        self.screen = pyte.Screen(COLS, ROWS)
        self.stream = pyte.ByteStream(self.screen)
        master, slave = pty.openpty()
        os.set_blocking(master, False)
        import fcntl
        import struct
        import termios

        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        full_env = dict(os.environ, TERM="xterm-256color", COLUMNS=str(COLS), LINES=str(ROWS))
        full_env.update(env or {})
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=full_env,
            close_fds=True,
            start_new_session=True,
        )
        os.close(slave)
        self.master = master

    def pump(self, timeout: float) -> None:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if ready:
            try:
                data = os.read(self.master, 1 << 16)
            except OSError:
                return
            self.stream.feed(data)
            # Answer the terminal queries Textual sends (device attributes).
            if b"\x1b[c" in data:
                os.write(self.master, b"\x1b[?62;22c")

    def settle(self, seconds: float) -> None:
        """Keep reading for ``seconds``, as a terminal does while nobody types.

        Not ``time.sleep``: a pty holds only a few KB, so an app whose output
        is not read blocks in its write, and its next frame then comes behind
        the old one (the first letter after ``/`` measured 30-40 ms of that)."""
        end = time.perf_counter() + seconds
        while (left := end - time.perf_counter()) > 0:
            self.pump(min(left, 0.01))

    def quiet(self, gap: float = 0.1, limit: float = 2.0) -> None:
        """Read until the app has written nothing for ``gap`` seconds."""
        end = time.perf_counter() + limit
        while time.perf_counter() < end:
            ready, _, _ = select.select([self.master], [], [], gap)
            if not ready:
                return
            self.pump(0)

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def wait_for(self, predicate, limit: float = 20.0) -> float:
        """Seconds (from now) until predicate(self) holds."""
        start = time.perf_counter()
        while time.perf_counter() - start < limit:
            if predicate(self):
                return time.perf_counter() - start
            self.pump(0.002)
        raise TimeoutError("the screen never showed what was expected:\n" + self.text())

    def send(self, keys: bytes) -> None:
        os.write(self.master, keys)

    def wait_exit(self, limit: float = 10.0) -> float:
        start = time.perf_counter()
        while self.process.poll() is None:
            self.pump(0.001)
            if time.perf_counter() - start > limit:
                self.process.kill()
                raise TimeoutError("the app did not quit")
        return time.perf_counter() - start

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        os.close(self.master)


def baseline() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import textual.app"], check=True)
    return time.perf_counter() - start


def run_app(argv: list[str], expect: str, measure_keys: bool, needle: str) -> dict:
    term = Terminal(argv)
    result: dict = {}
    try:
        term.wait_for(lambda t: expect in t.text())
        result["first_frame"] = time.perf_counter() - term.started
        if measure_keys:
            term.settle(0.3)
            moves = []
            # The cursor row's colour: on start the cursor is on the first row.
            cursor_bg = term.screen.buffer[2][2].bg

            def cursor_at(t: Terminal) -> int | None:
                for y in range(2, ROWS - 2):
                    if t.screen.buffer[y][2].bg == cursor_bg:
                        return y
                return None

            row = cursor_at(term)
            for index in range(20):
                # down, down, up, up, ...: never runs off the end of a short list
                step = 1 if index % 4 < 2 else -1
                term.send(b"\x1b[B" if step == 1 else b"\x1b[A")
                row += step
                moves.append(term.wait_for(lambda t, r=row: cursor_at(t) == r, limit=5))
            result["cursor"] = moves
            term.send(b"/")
            term.wait_for(lambda t: "Filter by name" in t.text() or "filter:" in t.text(), 5)
            typed = []
            shown = ""
            for ch in needle:
                shown += ch
                term.send(ch.encode())
                typed.append(
                    term.wait_for(lambda t, s=shown: f"filter: “{s}”" in t.text(), limit=5)
                )
            result["filter"] = typed
            term.send(b"\x1b")  # leave the filter
            term.settle(0.2)
        term.send(b"q")
        result["quit"] = term.wait_exit()
    finally:
        term.close()
    return result


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    index = min(len(values) - 1, max(0, round(q * (len(values) - 1))))
    return values[index]


def summary(values: list[float]) -> str:
    ms = [v * 1000 for v in values]
    return f"{statistics.median(ms):7.1f} ms ({min(ms):.1f}-{max(ms):.1f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db")
    parser.add_argument("--expect", help="text that shows the caseload is drawn")
    parser.add_argument("--runs", type=int, default=12)
    parser.add_argument("--keys", action="store_true", help="also time cursor and filter")
    parser.add_argument("--needle", default="han", help="text typed into the filter")
    parser.add_argument(
        "--bare",
        action="store_true",
        help="time bench/bare_app.py (a 50-row DataTable) instead: the floor",
    )
    args = parser.parse_args()
    mentorterm = str(Path(sys.executable).with_name("mentorterm"))

    t0s, frames, quits, cursors, filters = [], [], [], [], []
    for run in range(args.runs):
        t0s.append(baseline())
        if args.bare:
            argv = [sys.executable, str(Path(__file__).with_name("bare_app.py"))]
            result = run_app(argv, "Citizen 20", False, "")
        else:
            result = run_app(
                [mentorterm, "--db", args.db], args.expect, args.keys and run > 0, args.needle
            )
        frames.append(result["first_frame"])
        quits.append(result["quit"])
        cursors += result.get("cursor", [])
        filters += result.get("filter", [])
    t0 = statistics.median(t0s)
    frame = statistics.median(frames)
    print(f"database: {args.db}  runs: {args.runs}  terminal: {COLS}x{ROWS}")
    print(f"T0 import textual.app : {summary(t0s)}")
    print(
        f"first frame           : {summary(frames)}   ratio to T0: {frame / t0:.2f}x "
        f"(min-max {min(frames) / t0:.2f}-{max(frames) / t0:.2f})"
    )
    print(f"quit to exit          : {summary(quits)}")
    if cursors:
        print(
            f"cursor down visible   : p50 {pct(cursors, 0.5) * 1000:.1f} ms, "
            f"p90 {pct(cursors, 0.9) * 1000:.1f} ms  (n={len(cursors)})"
        )
    if filters:
        print(
            f"filter per keystroke  : p50 {pct(filters, 0.5) * 1000:.1f} ms, "
            f"p90 {pct(filters, 0.9) * 1000:.1f} ms  (n={len(filters)})"
        )


if __name__ == "__main__":
    main()
