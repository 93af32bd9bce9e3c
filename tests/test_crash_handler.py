"""Issue 14, item 3: no traceback with local values reaches the terminal.

Textual's own handler prints a traceback with every frame's locals; a
citizen's name and absence reasons then stay in the terminal's scrollback.
mentorterm's handler writes a plain traceback (no locals) to the owner-only
errors.log and tells the mentor in one line.
"""

from __future__ import annotations

import os
import pty
import re
import select
import signal
import stat
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from mentorterm import cli, crashlog, storage
from mentorterm.app import make_app

from .factories import full_citizen

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 22)
NAME = "Ali Hassan"
REASON = "skilsmisse og ondt i ryggen"


@pytest.fixture
def caseload(db_path):
    storage.open_database(db_path)
    rows = full_citizen(NAME)
    rows["entry"].absence_reason = REASON
    rows["entry"].save()
    storage.close_database()
    return db_path


def planted_failure(self) -> None:
    """A bug in a screen action, with a citizen's data in its local variables."""
    from mentorterm.domain.citizens import citizen_names

    names = [name for _id, name in citizen_names()]  # noqa: F841 - the locals at stake
    reasons = {"absence": REASON}  # noqa: F841
    raise RuntimeError("planted failure")


def read_log() -> str:
    return crashlog.log_path().read_text(encoding="utf-8")


def assert_log_has_the_traceback_without_locals() -> None:
    log = crashlog.log_path()
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    text = read_log()
    assert "Traceback (most recent call last)" in text
    assert "RuntimeError: planted failure" in text
    assert "planted_failure" in text  # the frame is named
    assert NAME not in text and "ondt i ryggen" not in text  # no local values


async def test_a_bug_in_a_screen_action_shows_one_line_and_no_citizen_data(
    caseload, monkeypatch, capsys
):
    from mentorterm.screens.caseload import CaseloadScreen

    monkeypatch.setattr(CaseloadScreen, "action_sort_next", planted_failure)
    app = make_app(caseload, today=TODAY)
    with pytest.raises(RuntimeError, match="planted failure"):  # Pilot re-raises it
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            await pilot.press("s")
            await pilot.pause()
    assert app.return_code == 1
    captured = capsys.readouterr()
    shown = captured.err + captured.out  # what Textual printed on leaving
    assert NAME not in shown and "ondt i ryggen" not in shown
    assert "Traceback" not in shown and "locals" not in shown
    joined = " ".join(shown.split())
    assert joined.startswith("mentorterm stopped:") and joined.count(". ") <= 2, shown
    assert "RuntimeError" in joined and str(crashlog.log_path()) in shown.replace("\n", "")
    assert_log_has_the_traceback_without_locals()


async def test_a_failed_worker_is_logged_as_its_own_error(caseload, monkeypatch, capsys):
    from textual import work

    from mentorterm.screens.caseload import CaseloadScreen

    @work(thread=True)
    def failing_worker(self) -> None:
        planted_failure(self)

    monkeypatch.setattr(CaseloadScreen, "action_sort_next", failing_worker)
    app = make_app(caseload, today=TODAY)
    with pytest.raises(Exception):  # noqa: B017 - WorkerFailed, re-raised by Pilot
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            await pilot.press("s")
            await app.workers.wait_for_complete()
            await pilot.pause()
    shown = capsys.readouterr().err
    assert "RuntimeError" in shown and NAME not in shown and "Traceback" not in shown
    assert_log_has_the_traceback_without_locals()


_CHILD = r"""
import sys
from datetime import date
from mentorterm import storage
from mentorterm.app import make_app
from mentorterm.screens.caseload import CaseloadScreen
from tests.test_crash_handler import planted_failure

CaseloadScreen.action_sort_next = planted_failure
app = make_app(sys.argv[1], today=date(2026, 11, 22))
app.run()
storage.close_database()
sys.exit(app.return_code or 0)
"""


def _read_until(
    master: int, deadline: float, child: subprocess.Popen, until: bytes | None = None
) -> bytes:
    out = b""
    while time.monotonic() < deadline:
        ready, _w, _x = select.select([master], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            out += chunk
            if until is not None and until in out:
                break
        elif child.poll() is not None:
            break
    return out


def test_in_a_real_terminal_the_scrollback_holds_no_citizen_data(caseload):
    """The app in a pseudo-terminal: after the crash, what stays on the terminal
    (everything after the app leaves its alternate screen) names no citizen."""
    master, slave = pty.openpty()
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "COLUMNS": "100",
        "LINES": "30",
        "TEXTUAL_ANIMATIONS": "none",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("TEXTUAL", None)
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(caseload)],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        cwd=ROOT,
        close_fds=True,
        start_new_session=True,
    )
    os.close(slave)
    try:
        seen = _read_until(master, time.monotonic() + 60, child, until=b"Ali H")
        assert b"Ali H" in seen, seen[-2000:]  # the caseload is on screen
        time.sleep(0.5)
        os.write(master, b"s")
        seen += _read_until(master, time.monotonic() + 30, child)
        child.wait(30)
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait(10)
        os.close(master)
    assert child.returncode == 1
    text = seen.decode("utf-8", "replace")
    after = text.rsplit("\x1b[?1049l", 1)[-1]  # what the scrollback keeps
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", after)
    assert "mentorterm stopped" in plain, plain
    assert NAME not in plain and "ondt i ryggen" not in plain
    assert "Traceback" not in text and "locals" not in text
    assert_log_has_the_traceback_without_locals()


def test_the_command_line_logs_a_failure_without_locals(caseload, monkeypatch, capsys):
    def planted(args):
        from mentorterm.domain.citizens import citizen_names

        storage.open_database(caseload)
        names = [name for _id, name in citizen_names()]  # noqa: F841
        raise RuntimeError("planted failure")

    planted.__name__ = "planted_failure"
    monkeypatch.setitem(cli.COMMANDS, "info", planted)
    assert cli.main(["info", "--db", str(caseload)]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "RuntimeError" in err and NAME not in err
    storage.close_database()
    text = read_log()
    assert "RuntimeError: planted failure" in text and NAME not in text
    assert stat.S_IMODE(crashlog.log_path().stat().st_mode) == 0o600
