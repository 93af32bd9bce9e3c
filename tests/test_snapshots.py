"""Snapshots of the main screens at 120x36, and at 80x24, on the demo caseload with a
frozen date.

Update after an intended change with ``pytest tests/test_snapshots.py --snapshot-update``
and look at the pictures (snapshot_report.html) before committing them.
The same screens in Danish, at 80x24 and 120x36, are tests/test_danish_layout.py's
(its snapshots in tests/snapshots_da/, rewritten with the same flag).
"""

from __future__ import annotations

from datetime import date

import pytest

from mentorterm import storage
from mentorterm.app import make_app
from mentorterm.demo import generate_demo

TODAY = date(2026, 11, 22)
SIZE = (120, 36)


@pytest.fixture
def demo_db(tmp_path):
    path = tmp_path / "mentorterm.db"
    storage.open_database(path)
    generate_demo(seed=1, today=TODAY)
    storage.close_database()
    return path


def test_caseload_on_demo_data(snap_compare, demo_db):
    assert snap_compare(make_app(demo_db, today=TODAY), terminal_size=SIZE)


def test_citizen_overview(snap_compare, demo_db):
    assert snap_compare(make_app(demo_db, today=TODAY), terminal_size=SIZE, press=["enter"])


def test_first_run_panel(snap_compare, tmp_path):
    app = make_app(tmp_path / "mentorterm.db", today=TODAY)
    assert snap_compare(app, terminal_size=SIZE)


def test_help_screen(snap_compare, demo_db):
    assert snap_compare(make_app(demo_db, today=TODAY), terminal_size=SIZE, press=["question_mark"])


def test_scoring_scale(snap_compare, demo_db):
    assert snap_compare(
        make_app(demo_db, today=TODAY), terminal_size=SIZE, press=["enter", "g", "s", "7"]
    )


def test_presentation_mode(snap_compare, demo_db):
    assert snap_compare(
        make_app(demo_db, today=TODAY), terminal_size=SIZE, press=["enter", "g", "v"]
    )


def test_presentation_mode_small_terminal(snap_compare, demo_db):
    assert snap_compare(
        make_app(demo_db, today=TODAY), terminal_size=(80, 24), press=["enter", "g", "v"]
    )


# --------------------------------------------------------------------------- 80x24
# The same demo caseload at the smallest terminal a mentor is told to use:
# the essential columns, the red signals, the footer's keys and the dialogs
# must all be on screen (tests/test_narrow.py checks the same by assertion).

NARROW = (80, 24)


SMALL_TERMINAL_KEYS = {
    "caseload": [],
    "citizen": ["enter"],
    "sub_goals": ["enter", "g"],
    "scoring": ["enter", "g", "s", "7"],
    "logbook": ["enter", "l"],
    "meetings": ["enter", "m"],
    "agreements": ["t"],
    "review": ["R"],
    "help": ["question_mark"],
}


@pytest.mark.parametrize("screen", list(SMALL_TERMINAL_KEYS))
def test_small_terminal(snap_compare, demo_db, screen):
    assert snap_compare(
        make_app(demo_db, today=TODAY), terminal_size=NARROW, press=SMALL_TERMINAL_KEYS[screen]
    )
