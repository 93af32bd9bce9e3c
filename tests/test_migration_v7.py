"""Schema 7 (storage/migration_v7.py): dated ends, dated status changes, own days.

The migration loses and changes no row: every old column keeps its value,
and the new ones are filled as the module's docstring says.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date, datetime

import pytest

from mentorterm import storage
from mentorterm.models import ActionItem, Course, Meeting, Placement, SubGoal

from .test_migrations import FIXTURE, FIXTURE_COUNTS, FIXTURE_V6, raw_rows, rows_as_before

FIXTURE_V7 = FIXTURE.with_name("schema_v7.db")
TABLES = (*FIXTURE_COUNTS, "draft", "report")


@pytest.fixture
def closing():
    yield
    storage.close_database()


def test_migration_to_7_keeps_every_row_and_dates_what_was_known(tmp_path, closing):
    path = tmp_path / "v6.db"
    shutil.copy(FIXTURE_V6, path)
    conn = sqlite3.connect(path)
    # The audit log knows when course 3's end was recorded (a day after its end).
    conn.execute(
        "INSERT INTO audit_entry (at, action, what, record_id, citizen_id, purpose, detail, "
        "prev_hash, hash) VALUES ('2026-02-02 15:00:00', 'update', 'course', 3, 2, "
        "'course ended', '', 'x', 'y')"
    )
    # An end recorded ahead of its day: known on the row's last change (2026-03-02).
    conn.execute("UPDATE placement SET end_date = '2026-05-01' WHERE id = 2")
    conn.commit()
    before = {t: raw_rows(conn, t) for t in TABLES}
    conn.close()
    storage.open_database(path)
    assert storage.schema_version() == storage.SCHEMA_VERSION
    assert rows_as_before(before) == before  # no row lost, no old value changed
    counts = storage.row_counts()
    assert {t: counts[t] for t in before} == {t: len(v) for t, v in before.items()}
    assert storage.integrity_problems() == []
    ends = {c.id: (c.end_date, c.end_decided_on) for c in Course.select()}
    assert ends == {
        1: (date(2025, 12, 15), date(2025, 12, 15)),  # no audit row: the end date
        2: (None, None),  # running: nothing decided
        3: (date(2026, 1, 30), date(2026, 2, 2)),  # the audit log's day
    }
    placed = {p.id: (p.end_date, p.end_decided_on) for p in Placement.select()}
    assert placed == {1: (None, None), 2: (date(2026, 5, 1), date(2026, 3, 2))}
    for row in [*SubGoal.select(), *ActionItem.select()]:
        assert row.created_on == row.created_at.date()
    assert SubGoal.get(SubGoal.title == "Handle ind efter arbejde").created_on == date(2027, 1, 1)
    assert {(m.status_before, m.status_changed_on) for m in Meeting.select()} == {(None, None)}


def test_schema_7_fixture_opens_with_its_dated_knowledge(tmp_path, closing):
    path = tmp_path / "v7.db"
    shutil.copy(FIXTURE_V7, path)
    storage.open_database(path, create=False)
    assert len(list(tmp_path.glob("v7.db.schema7-*.bak"))) == 1  # upgraded to schema 8
    course = Course.get(Course.end_date == date(2026, 6, 30))
    assert course.end_decided_on == date(2026, 6, 12)
    assert Placement.get(Placement.workplace == "Bageriet").end_decided_on == date(2026, 9, 1)
    cancelled = Meeting.get(Meeting.starts_at == datetime(2026, 4, 20, 10))
    assert (cancelled.status, cancelled.status_before) == ("cancelled", "planned")
    assert cancelled.status_changed_on == date(2026, 4, 17)
    newest_goal = SubGoal.select().order_by(SubGoal.id.desc()).get()
    assert (newest_goal.title, newest_goal.created_on) == ("Møde til tiden", date(2026, 3, 30))
    newest_item = ActionItem.select().order_by(ActionItem.id.desc()).get()
    assert (newest_item.what, newest_item.created_on) == ("Ring til lægen", date(2026, 3, 31))
