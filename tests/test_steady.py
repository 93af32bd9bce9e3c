"""The collector's full passes kept off the app's keys (mentorterm/steady.py)."""

from __future__ import annotations

import gc
import subprocess
import sys

from mentorterm import steady


def test_settle_freezes_only_inside_the_installed_commands_session():
    gc.unfreeze()
    try:
        steady.settle()  # a test process (no begin): nothing kept for good
        assert gc.get_freeze_count() == 0
        steady.begin()
        assert gc.get_freeze_count() > 0
        kept = gc.get_freeze_count()
        made = [[n] for n in range(1000)]  # alive now: frozen by the next settle
        steady.settle()
        assert gc.get_freeze_count() >= kept + len(made)
        # Only once: a later load must not keep a closed screen's garbage for good.
        frozen = gc.get_freeze_count()
        later = [[n] for n in range(1000)]
        steady.settle()
        assert gc.get_freeze_count() == frozen and later
        steady.end()
        gc.unfreeze()
        steady.settle()
        assert gc.get_freeze_count() == 0
    finally:
        steady.end()
        gc.unfreeze()


def test_the_collector_held_at_start_runs_again_from_begin():
    assert gc.isenabled()
    try:
        steady.hold()
        assert not gc.isenabled()
        steady.begin()  # the app is about to run: frozen, then collected again
        assert gc.isenabled()
        steady.release()  # a second time: nothing more
        assert gc.isenabled()
    finally:
        steady.end()
        gc.unfreeze()
        gc.enable()


def test_a_collector_someone_else_turned_off_stays_off():
    gc.disable()
    try:
        steady.hold()
        steady.release()
        assert not gc.isenabled()  # hold did not turn it off, so release leaves it
    finally:
        gc.enable()


def _collector_during(command: str | None, tmp_path) -> str:
    """Whether the collector runs inside ``command`` (None: no command, which
    opens the app) started as the installed command starts it (``cli.run``:
    it ends the process itself)."""
    words = [command] if command else []
    code = (
        "import gc, sys, mentorterm.cli as c\n"
        "from mentorterm.cli import database\n"
        "def seen(args):\n"
        "    print('collector', gc.isenabled())\n"
        "    return 0\n"
        f"if {command!r} is None or {command!r} == 'open':\n"
        "    database_open = c.COMMANDS['open']\n"
        "    for name, found in list(c.COMMANDS.items()):\n"
        "        if found is database_open:\n"
        "            c.COMMANDS[name] = seen\n"
        "    c.cmd_open = seen\n"
        "else:\n"
        f"    c.COMMANDS[{command!r}] = seen\n"
        f"sys.argv = ['mentorterm', *{words!r}, '--db', {str(tmp_path / 'x.db')!r}]\n"
        "c.run()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_every_command_but_opening_the_app_runs_with_the_collector(tmp_path):
    # The collector is held only while the app loads: a command that reads a
    # whole database (an export, a report) makes its garbage collected as usual.
    assert _collector_during("info", tmp_path) == "collector True"
    # Opening the app, named or (as a mentor starts it) not: held until
    # cmd_open's steady.begin, just before it runs.
    assert _collector_during("open", tmp_path) == "collector False"
    assert _collector_during(None, tmp_path) == "collector False"
