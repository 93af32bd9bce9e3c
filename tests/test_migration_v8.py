"""Schema 8 (storage/migration_v8.py): a meeting's whole status history, the day it was booked.

The migration loses and changes no row: every old column keeps its value, each
meeting's schema-7 last change becomes its first history row, and each meeting
gets the day it was booked (the audit log's creation, else its own created_at).
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date, datetime

import pytest

from mentorterm import storage
from mentorterm.domain import meetings
from mentorterm.models import Meeting, MeetingStatusChange

from .test_migrations import FIXTURE, FIXTURE_COUNTS, raw_rows, rows_as_before

FIXTURE_V7 = FIXTURE.with_name("schema_v7.db")
FIXTURE_V8 = FIXTURE.with_name("schema_v8.db")
TABLES = (*FIXTURE_COUNTS, "draft", "report")


@pytest.fixture
def closing():
    yield
    storage.close_database()


def _history() -> set[tuple]:
    return {
        (c.meeting_id, c.changed_on, c.status_from, c.status_to, c.mentor_id)
        for c in MeetingStatusChange.select()
    }


def test_migration_to_8_keeps_every_last_change_and_dates_the_booking(tmp_path, closing):
    path = tmp_path / "v7.db"
    shutil.copy(FIXTURE_V7, path)
    conn = sqlite3.connect(path)
    # A second meeting with a last change (held, the day before it was re-planned),
    # and an audit row knowing when meeting 2 was created.
    conn.execute(
        "UPDATE meeting SET status_before = 'cancelled', status_changed_on = '2026-03-01' "
        "WHERE id = 2"
    )
    conn.execute(
        "INSERT INTO audit_entry (at, action, what, record_id, citizen_id, purpose, detail, "
        "prev_hash, hash) VALUES ('2026-02-20 08:30:00', 'create', 'meeting', 2, 1, "
        "'', '', 'x', 'y')"
    )
    conn.commit()
    before = {t: raw_rows(conn, t) for t in TABLES}
    last = {
        row[0]: row[1:]
        for row in conn.execute(
            "SELECT id, status_before, status, status_changed_on, mentor_id FROM meeting "
            "WHERE status_before IS NOT NULL"
        )
    }
    conn.close()
    storage.open_database(path)
    assert storage.schema_version() == storage.SCHEMA_VERSION
    assert rows_as_before(before) == before  # no row lost, no old value changed
    assert storage.integrity_problems() == []
    assert len(last) == 2
    assert _history() == {
        (mid, date.fromisoformat(day), old, new, mentor)
        for mid, (old, new, day, mentor) in last.items()
    }
    booked = {m.id: m.booked_on for m in Meeting.select()}
    assert booked[2] == date(2026, 2, 20)  # the audit log's day
    for meeting in Meeting.select().where(Meeting.id != 2):
        assert booked[meeting.id] == meeting.created_at.date()  # the row's own day


def test_schema_8_fixture_opens_with_its_history(tmp_path, closing):
    path = tmp_path / "v8.db"
    shutil.copy(FIXTURE_V8, path)
    storage.open_database(path, create=False)
    assert len(list(tmp_path.glob("v8.db.schema8-*.bak"))) == 1  # upgraded to schema 9
    meeting = Meeting.get(Meeting.starts_at == datetime(2026, 5, 4, 10))
    assert (meeting.status, meeting.booked_on) == ("held", date(2026, 4, 22))
    changes = meetings.status_history(meeting.id)
    assert [(c.changed_on, c.status_from, c.status_to) for c in changes] == [
        (date(2026, 4, 28), "planned", "cancelled"),
        (date(2026, 4, 29), "cancelled", "planned"),
        (date(2026, 5, 4), "planned", "held"),
    ]
    # The schema-7 meeting's one change came through as it was written.
    cancelled = Meeting.get(Meeting.starts_at == datetime(2026, 4, 20, 10))
    assert [(c.status_from, c.status_to) for c in meetings.status_history(cancelled.id)] == [
        ("planned", "cancelled")
    ]
