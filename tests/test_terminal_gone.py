"""The terminal goes away under the app (the window is closed, the ssh link
drops, the system shuts down): the app keeps what the open form holds as a
draft and ends within a second, instead of spinning on a core for as long as
the machine runs (Textual's input loop reads an empty string from a closed
terminal and selects again at once) or dying on the hang-up with the last
words typed lost.

Each case runs the installed command's code path (``python -m mentorterm.cli``)
in a real pseudo-terminal and types into a logbook day's notes with the keys.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import subprocess
import sys
import termios
import time
from pathlib import Path

import pyte
import pytest

from mentorterm import storage
from mentorterm.models import Draft
from tests.test_drafts_everywhere import seed

ROOT = Path(__file__).resolve().parents[1]
WORDS = "Mødte til tiden, ville gerne blive længere"


def _take_the_terminal() -> None:
    """In the child: the pseudo-terminal becomes its controlling terminal,
    as a terminal window's shell gives it (so closing it sends SIGHUP)."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Terminal:
    """What the pseudo-terminal shows, as a mentor would read it (pyte)."""

    def __init__(self, master: int) -> None:
        self.master = master
        self.screen = pyte.Screen(100, 30)
        self.stream = pyte.ByteStream(self.screen)

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def wait_for(self, words: str, seconds: float = 30) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if words in self.text():
                return True
            ready, _w, _x = select.select([self.master], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:
                    return False
                if not chunk:
                    return False
                self.stream.feed(chunk)
        return words in self.text()


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@pytest.mark.parametrize("how", ["closed", "hang-up", "terminate"])
def test_a_terminal_that_goes_away_keeps_the_draft_and_ends_the_app(tmp_path, how):
    db = tmp_path / "mentorterm.db"
    ids = seed(db)
    master, slave = pty.openpty()
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "TEXTUAL_ANIMATIONS": "none",
        "COLUMNS": "100",
        "LINES": "30",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("TEXTUAL", None)
    child = subprocess.Popen(
        [sys.executable, "-m", "mentorterm.cli", "--db", str(db)],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        cwd=tmp_path,
        close_fds=True,
        start_new_session=True,
        preexec_fn=_take_the_terminal if how == "hang-up" else None,
    )
    os.close(slave)
    closed = False
    try:
        terminal = Terminal(master)
        assert terminal.wait_for("Mette", 60), terminal.text()
        # A new database asks who keeps it (after the first frame): skipped.
        assert terminal.wait_for("who keeps this database?"), terminal.text()
        os.write(master, b"\x1b")
        assert terminal.wait_for("Active courses"), terminal.text()
        time.sleep(0.3)
        # The citizen, her logbook, "a chosen day"; the words go into its first field.
        for key, words in ((b"\r", "l logbook"), (b"l", "logbook ("), (b"A", "New logbook day")):
            time.sleep(0.3)
            os.write(master, key)
            assert terminal.wait_for(words), (key, "\n" + terminal.text())
        time.sleep(0.5)
        os.write(master, WORDS.encode())
        assert terminal.wait_for(WORDS[-12:], 10), terminal.text()
        # At once, before the form's own draft timer would have kept it.
        if how == "terminate":
            os.kill(child.pid, signal.SIGTERM)
        else:
            os.close(master)
            closed = True
        started = time.monotonic()
        try:
            child.wait(10)
        except subprocess.TimeoutExpired:
            spent = _cpu_seconds(child.pid)
            pytest.fail(f"the app did not end ({spent:.1f} s of CPU since the start)")
        took = time.monotonic() - started
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait(10)
        if not closed:
            os.close(master)
    assert child.returncode == 129, child.returncode
    assert took < 3, took
    assert not (tmp_path / "mentorterm.db-wal").exists()  # closed, checkpointed
    storage.open_database(db)
    try:
        kept = [d for d in Draft.select() if d.citizen_id == ids["mette"]]
    finally:
        storage.close_database()
    assert kept, "the typed notes were lost"
    assert any(WORDS in d.payload for d in kept), [d.payload for d in kept]
