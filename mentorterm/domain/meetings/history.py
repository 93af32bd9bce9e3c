"""A meeting's status history (schema 8): its status as of a day, and its dated changes.

As of a day D a meeting stood at the ``status_to`` of its last change on or
before D, else at the ``status_from`` of its first change after D, else at
its status now. A meeting whose last change (``status_changed_on``) is on or
before D stands as it is now: no look into the history. The review's SQL
(``domain/review/queries.py`` STATUS) reads it the same way.
"""

from __future__ import annotations

from datetime import date

from peewee import Case, fn

from ...enums import MeetingStatus
from ...models import Meeting, MeetingStatusChange
from ..views import View


class StatusChangeView(View):
    changed_on: date
    status_from: MeetingStatus
    status_to: MeetingStatus


def status_on(as_of: date, meeting=Meeting):
    """A peewee expression: ``meeting``'s status (a model or an alias) as it stood on ``as_of``."""
    change = MeetingStatusChange.alias("change")
    last_to = (
        change.select(change.status_to)
        .where((change.meeting == meeting.id) & (change.changed_on <= as_of))
        .order_by(change.changed_on.desc(), change.id.desc())
        .limit(1)
    )
    first_from = (
        change.select(change.status_from)
        .where((change.meeting == meeting.id) & (change.changed_on > as_of))
        .order_by(change.changed_on, change.id)
        .limit(1)
    )
    settled = meeting.status_changed_on.is_null() | (meeting.status_changed_on <= as_of)
    return Case(None, [(settled, meeting.status)], fn.COALESCE(last_to, first_from, meeting.status))


def status_history(meeting_id: int) -> list[StatusChangeView]:
    """The meeting's status changes, oldest first."""
    rows = (
        MeetingStatusChange.select()
        .where(MeetingStatusChange.meeting == meeting_id)
        .order_by(MeetingStatusChange.changed_on, MeetingStatusChange.id)
    )
    return [StatusChangeView.model_validate(r) for r in rows]
