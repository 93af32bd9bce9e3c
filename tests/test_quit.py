"""The installed command leaves without the interpreter's teardown
(``cli.run``): what a command wrote is all there when it has exited."""

from __future__ import annotations

import json
import subprocess
import sys

from mentorterm.cli import EXIT_PROBLEM


def _command(*argv: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mentorterm.cli", *argv],
        capture_output=True,
        text=True,
        timeout=180,
        **kw,
    )


def test_a_command_that_leaves_its_database_open_still_leaves_it_closed(tmp_path):
    """The demo command does not close its database itself: the quick exit
    does, so no -wal file stays behind and the audit anchor is written."""
    db = tmp_path / "demo.db"
    done = _command("demo", "--db", str(db), "--plaintext")
    assert done.returncode == 0, done.stderr
    assert db.exists()
    assert not (tmp_path / "demo.db-wal").exists()
    assert (tmp_path / "demo.db.audit-anchor").exists()
    checked = _command("check", "--db", str(db))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "no problems found" in checked.stdout


def test_all_of_a_long_output_reaches_a_pipe_before_the_exit():
    done = _command("schema")
    assert done.returncode == 0, done.stderr
    assert len(done.stdout) > 10_000  # more than one pipe buffer's worth
    json.loads(done.stdout)  # complete, not cut off at the exit


def test_the_exit_status_and_the_message_survive_the_quick_exit(tmp_path):
    done = _command("info", "--db", str(tmp_path / "none" / "x.db"))
    assert done.returncode == EXIT_PROBLEM
    assert "There is no database" in done.stderr
