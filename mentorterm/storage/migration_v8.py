"""Schema 8: a meeting's whole status history and the day it was booked (issue 17).

- ``meeting_status_change``: one row per change of a meeting's status (day,
  status from, status to, the meeting's mentor). Schema 7 kept only the last
  change (``meeting.status_before`` / ``status_changed_on``); each meeting
  that has one gets it as its first history row. The two columns stay: they
  are the last change, kept by ``Meeting.save``, so a reading as of a day on
  or after it needs no look into the history.
- ``meeting.booked_on``: the day the meeting was recorded. For an existing
  meeting, the day of its "create" row in the audit log when there is one
  (schema 4 on), else the UTC day of the row's ``created_at``.

The new column changes the meeting table's CREATE statement, so the table is
rebuilt (``rebuild.rebuild_table``, as schemas 6 and 7 did), every row kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from peewee import SQL, fn

from ..models import AuditEntry, Meeting, MeetingStatusChange
from .rebuild import rebuild_table

if TYPE_CHECKING:
    import peewee
    from playhouse.migrate import SqliteMigrator


def _history_from_last_change() -> None:
    """Each meeting's schema-7 last change as its first history row."""
    last = Meeting.select(
        Meeting.id,
        Meeting.status_changed_on,
        Meeting.status_before,
        Meeting.status,
        Meeting.mentor,
        Meeting.updated_at,
        Meeting.updated_at,
    ).where(
        Meeting.status_before.is_null(False)
        & Meeting.status_changed_on.is_null(False)
        & (Meeting.status_before != Meeting.status)
    )
    MeetingStatusChange.insert_from(
        last,
        [
            MeetingStatusChange.meeting,
            MeetingStatusChange.changed_on,
            MeetingStatusChange.status_from,
            MeetingStatusChange.status_to,
            MeetingStatusChange.mentor,
            MeetingStatusChange.created_at,
            MeetingStatusChange.updated_at,
        ],
    ).execute()


def _booked_on() -> None:
    """The audit log's creation day, else the row's own creation day (UTC)."""
    created = AuditEntry.select(fn.substr(fn.min(AuditEntry.at), 1, 10)).where(
        (AuditEntry.what == "meeting")
        & (AuditEntry.record_id == Meeting.id)
        & (AuditEntry.action == "create")
    )
    # created_at is integer microseconds (schema 6): SQLite's date() of the seconds.
    own_day = fn.date(Meeting.created_at.cast("INTEGER") / 1000000, SQL("'unixepoch'"))
    Meeting.update(booked_on=fn.COALESCE(created, own_day)).execute()


def to_schema_8(database: peewee.SqliteDatabase, migrator: SqliteMigrator) -> None:
    """Rebuild the meeting table with ``booked_on``, make the history, fill both."""
    del migrator  # the step works on the tables directly, as schema 7's did
    rebuild_table(database, Meeting, aside_suffix="schema7")
    database.create_tables([MeetingStatusChange])
    _history_from_last_change()
    _booked_on()
