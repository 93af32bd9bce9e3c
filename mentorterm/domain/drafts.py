"""Drafts: what was typed into a form and not saved yet.

A form saves its values here as the mentor types, so a crash, a closed
laptop lid or a closed terminal loses nothing; the draft goes when the form
is saved or thrown away. One row per form, named by ``draft_key``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from peewee import JOIN

from ..models import (
    Citizen,
    Course,
    CourseExtension,
    Draft,
    LogbookEntry,
    Meeting,
    Placement,
    Report,
    SubGoal,
    db,
    utcnow,
)
from .views import View

_TITLE_LENGTH = 300  # Draft.title


class DraftView(View):
    key: str
    title: str
    citizen_id: int | None
    citizen_name: str | None
    values: dict[str, Any]
    saved_at: datetime  # UTC, when last saved


def draft_key(form: str, **ids: int | str | None) -> str:
    """The key of one form's draft.

    draft_key("meeting-note", citizen=3, meeting=None) ->
    "meeting-note:citizen=3:meeting=new" (ids sorted by name; None = a new record).
    """
    parts = [form] + [
        f"{name}={'new' if value is None else value}" for name, value in sorted(ids.items())
    ]
    return ":".join(parts)


def save_draft(
    key: str, values: dict[str, str | list | dict], *, title: str, citizen_id: int | None
) -> None:
    """Keep the form's values under ``key`` (replacing an older draft of the form)."""
    payload = json.dumps(values, ensure_ascii=False, default=str)
    with db.atomic():
        draft = Draft.get_or_none(Draft.key == key)
        if draft is None:
            draft = Draft(key=key)
        draft.citizen = citizen_id
        draft.title = title[:_TITLE_LENGTH]
        draft.payload = payload
        draft.updated_at = utcnow()
        draft.save()


def _values(payload: str) -> dict[str, Any] | None:
    """The form's values, or None when the payload is no JSON object (hand-edited?)."""
    try:
        values = json.loads(payload)
    except (TypeError, ValueError):
        return None
    return values if isinstance(values, dict) else None


def _view(draft: Draft) -> DraftView | None:
    values = _values(draft.payload)
    if values is None:
        return None
    citizen = draft.citizen if draft.citizen_id is not None else None
    return DraftView(
        key=draft.key,
        title=draft.title,
        citizen_id=draft.citizen_id,
        citizen_name=citizen.name if citizen is not None else None,
        values=values,
        saved_at=draft.updated_at,
    )


def _query():
    return Draft.select(Draft, Citizen).join(Citizen, join_type=JOIN.LEFT_OUTER)


def load_draft(key: str) -> DraftView | None:
    """The draft saved under ``key``; None when there is none or it cannot be read."""
    draft = _query().where(Draft.key == key).first()
    return _view(draft) if draft is not None else None


def discard_draft(key: str) -> None:
    """Throw the draft away (the form was saved or cancelled); no draft is fine."""
    with db.atomic():
        Draft.delete().where(Draft.key == key).execute()


def pending_drafts() -> list[DraftView]:
    """Every readable draft, newest first, to offer restoring after a crash."""
    query = _query().order_by(Draft.updated_at.desc(), Draft.id.desc())
    return [view for view in map(_view, query) if view is not None]


@contextmanager
def saved_with(key: str | None) -> Iterator[None]:
    """Save a form and remove its draft in one transaction.

    ``with saved_with(key): submit(...)``: the record and the draft's removal
    commit together, so a crash leaves either the draft or the saved record.
    An error inside rolls both back and the draft stays.
    """
    with db.atomic():
        yield
        if key is not None:
            Draft.delete().where(Draft.key == key).execute()


# The record a form's id names -> how to find its citizen (drafts are tied to
# the citizen, so erasing a citizen erases their drafts and the access export
# lists them).
_OWNERS: dict[str, Any] = {
    "placement": lambda i: Placement.select(Placement.citizen).where(Placement.id == i),
    "entry": lambda i: LogbookEntry.select(LogbookEntry.citizen).where(LogbookEntry.id == i),
    "course": lambda i: Course.select(Course.citizen).where(Course.id == i),
    "sub_goal": lambda i: SubGoal.select(SubGoal.citizen).where(SubGoal.id == i),
    "meeting": lambda i: Meeting.select(Meeting.citizen).where(Meeting.id == i),
    "report": lambda i: Report.select(Report.citizen).where(Report.id == i),
    "extension": lambda i: (
        Course.select(Course.citizen)
        .join(CourseExtension, on=CourseExtension.course == Course.id)
        .where(CourseExtension.id == i)
    ),
}


def owner_citizen(**ids: int | None) -> int | None:
    """The citizen a form's record belongs to: ``citizen`` when given, else the
    first of its other ids that names a record (placement, entry, course...)."""
    if ids.get("citizen") is not None:
        return ids["citizen"]
    for name, value in ids.items():
        query = _OWNERS.get(name)
        if value is None or query is None:
            continue
        row = query(value).tuples().first()
        if row is not None:
            return row[0]
    return None
