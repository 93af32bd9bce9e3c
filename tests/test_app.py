"""The app shell on a real database, driven with real keys."""

from __future__ import annotations

import json
from datetime import date

from mentorterm import storage
from mentorterm.app import make_app
from mentorterm.domain.transfer import import_document, parse_document

TODAY = date(2026, 11, 22)


async def test_an_empty_database_greets_a_new_mentor(db_path):
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        text = str(app.screen.query_one("#empty").render())
        assert "no citizens in this database yet" in text
        assert "demo caseload" in text
        assert "22-11-2026" in app.sub_title
        await pilot.press("q")
    assert app.return_code in (0, None)


async def test_the_caseload_lists_active_citizens(db_path):
    storage.open_database(db_path)
    doc = {
        "format": "mentorterm",
        "version": 1,
        "mentors": [{"key": "m", "name": "Me", "is_default": True}],
        "citizens": [
            {
                "name": "Aktiv Borger",
                "mentor": "m",
                "courses": [
                    {
                        "referral_date": "2026-10-01",
                        "start_date": "2026-10-05",
                        "planned_end": "2027-01-03",
                        "purpose": "ordinary_job",
                    }
                ],
            },
            {
                "name": "Afsluttet Borger",
                "mentor": "m",
                "courses": [
                    {
                        "referral_date": "2026-01-01",
                        "start_date": "2026-01-05",
                        "planned_end": "2026-04-05",
                        "purpose": "flexjob",
                        "end_date": "2026-04-05",
                        "outcome": "flexjob_granted",
                    }
                ],
            },
        ],
    }
    import_document(parse_document(json.dumps(doc)))
    storage.close_database()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#caseload")
        names = [table.get_row_at(i)[0] for i in range(table.row_count)]
        assert names == ["Aktiv Borger"]
        assert table.get_row_at(0)[2] == "7/13"  # 5 Oct + 48 days: week 7 of a 13-week course
        await pilot.press("q")


# --- on a real terminal: the driver that quits without idle waits -----------------

_CHILD = """
import os, sys, termios, threading
before = termios.tcgetattr(0)
fds_before = len(os.listdir("/proc/self/fd"))
from mentorterm.cli import main
code = main(["--db", sys.argv[1]])
after = termios.tcgetattr(0)
threads = sorted(t.name for t in threading.enumerate() if t is not threading.main_thread())
fds_after = len(os.listdir("/proc/self/fd"))
sys.stdout.write(f"\\nRESULT code={code} restored={before == after} threads={threads} "
                 f"fds={fds_after - fds_before}\\n")
"""


def _on_a_pty(db_path, keys_after_start: list[bytes]) -> tuple[str, str]:
    """Run the CLI's app on a pseudo-terminal, type keys, return (screen text seen, RESULT line)."""
    import os
    import pty
    import select
    import subprocess
    import sys
    import time

    master, slave = pty.openpty()
    env = dict(os.environ, TERM="xterm-256color", PYTHONPATH=os.getcwd())
    process = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(db_path)],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
    )
    os.close(slave)
    seen = b""

    def read_until(needle: bytes, limit: float, since: int = 0) -> bool:
        """Read until ``needle`` shows in what came after byte ``since``."""
        nonlocal seen
        end = time.monotonic() + limit
        while needle not in seen[since:] and time.monotonic() < end:
            ready, _, _ = select.select([master], [], [], 0.05)
            if ready:
                try:
                    data = os.read(master, 1 << 16)
                except OSError:  # the child has gone
                    break
                seen += data
                if b"\x1b[c" in data:  # answer the device-attributes query
                    os.write(master, b"\x1b[?62;22c")
        return needle in seen[since:]

    try:
        assert read_until(b"no citizens", 60), seen[-2000:]
        for key, needle in keys_after_start:
            mark = len(seen)
            os.write(master, key)
            if needle:
                assert read_until(needle, 20, since=mark), (key, seen[-2000:])
        mark = len(seen)
        assert read_until(b"RESULT", 30, since=mark), seen[-2000:]
        read_until(b"\n", 5, since=seen.index(b"RESULT"))  # the rest of its line
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(master)
    text = seen.decode("utf-8", "replace")
    return text, text[text.index("RESULT") :].splitlines()[0]


def test_on_a_terminal_keys_are_read_and_quit_leaves_nothing_behind(db_path, tmp_path):
    from mentorterm.cli import main

    assert main(["settings", "--mentor-name", "Pty Mentor"]) == 0
    storage.open_database(db_path)
    storage.close_database()
    # Keys reach the app through the driver (? opens the help, escape closes it),
    # then q quits: the input thread is gone, the wake-up pipe closed, the
    # terminal's modes as they were.
    _text, result = _on_a_pty(
        db_path, [(b"?", b"Keys: Caseload"), (b"\x1b", b"to mentorterm."), (b"q", None)]
    )
    assert result == "RESULT code=0 restored=True threads=[] fds=0", result


def test_the_app_runs_on_the_quick_quit_driver():
    from textual.drivers.linux_driver import LinuxDriver

    from mentorterm.app import MentortermApp
    from mentorterm.driver import QuickQuitDriver

    app = MentortermApp("x.db")
    assert app.driver_class is QuickQuitDriver
    assert issubclass(QuickQuitDriver, LinuxDriver)


def test_the_start_asks_drafts_and_the_demo_mark_in_one_query_each(db_path):
    from mentorterm import demo
    from mentorterm.domain import drafts, session

    assert session.DEMO_MARK == demo._DEMO_AUDIT  # the mark generate_demo writes
    storage.open_database(db_path)
    assert not session.has_drafts() and not session.is_demo()
    drafts.save_draft("meeting-note:citizen=new", {"notes": "x"}, title="t", citizen_id=None)
    assert session.has_drafts()
    from mentorterm.domain import audit

    audit.record(*demo._DEMO_AUDIT, purpose="fictional demo caseload")
    assert session.is_demo() and demo.is_demo_database()


_FIRST_FRAME_MODULES = """
import asyncio, sys
from mentorterm import storage
storage.allow_plaintext_for_tests()
from mentorterm.app import make_app

async def main():
    app = make_app(sys.argv[1])
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        print(type(app.screen).__name__)
        top = ("mentorterm", "psycopg")
        print(" ".join(sorted(m for m in sys.modules if m.split(".")[0] in top)))

asyncio.run(main())
"""


def test_the_first_frame_imports_no_form_draft_or_demo_machinery(db_path):
    """Without a kept draft the start needs neither the drafts nor the meetings
    screen, the forms, pydantic (input schemas or read models), nor the demo builder,
    nor PostgreSQL's driver (peewee would import it; mentorterm/drivers.py)."""
    import os
    import subprocess
    import sys

    storage.open_database(db_path)
    one = {
        "format": "mentorterm",
        "version": 1,
        "mentors": [{"key": "m", "name": "Me", "is_default": True}],
        "citizens": [{"name": "Aktiv Borger", "mentor": "m", "courses": []}],
    }
    import_document(parse_document(json.dumps(one)))
    storage.close_database()
    run = subprocess.run(
        [sys.executable, "-c", _FIRST_FRAME_MODULES, str(db_path)],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, PYTHONPATH=os.getcwd()),
    )
    screen, modules = run.stdout.splitlines()[-2:]
    assert screen == "CaseloadScreen", run.stderr
    loaded = set(modules.split())
    assert "mentorterm.screens.caseload" in loaded  # the list itself is there
    unneeded = {
        "mentorterm.domain.drafts",
        "mentorterm.screens.meetings",
        "mentorterm.widgets.form",
        "mentorterm.schemas",
        "mentorterm.demo",
        "mentorterm.domain.views",  # pydantic's read models
        "mentorterm.domain.audit.entry_view",
        "psycopg",
    }
    assert loaded & unneeded == set()


async def test_the_caseloads_first_layout_is_the_frame_drawn(db_path, monkeypatch):
    """Textual drops every frame drawn inside the app's mount batch: the caseload
    is laid out after that batch, so its first layout is the frame the terminal
    gets, not one drawn for nothing before the real one (bench/README.md)."""
    from textual._compositor import LayoutUpdate
    from textual.app import App

    layouts: list[tuple[str, int]] = []
    original = App._display

    def display(self, screen, renderable):
        if isinstance(renderable, LayoutUpdate):
            layouts.append((type(screen).__name__, self._batch_count))
        return original(self, screen, renderable)

    monkeypatch.setattr(App, "_display", display)
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseloadScreen"
    in_batch = [batch for name, batch in layouts if name == "CaseloadScreen"]
    assert in_batch and in_batch[0] == 0, layouts
