"""The conflicts a sync met, listed and resolved on the team database (issue 19).

A conflict keeps the laptop's value and the server's until the mentor (or
the team review) decides: keep the laptop's, keep the server's, or write a
merged text. Deciding applies the choice to the record, in its own version,
with an audit row, and dates the conflict resolved; nothing is dropped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import peewee

from ... import storage
from ...enums import AuditAction
from ...enums_sync import ConflictKind, ConflictResolution
from ...i18n import N_, _
from ...models import Citizen, Mentor, SyncConflict, db, utcnow
from .. import audit
from ..access.values import field_label
from ..errors import DomainError, NotFound
from .rows import decode, ids_of, model_of

#: What kind of record a conflict is about, as the mentor names it.
RECORD_LABELS = {
    "mentor": N_("Mentor"),
    "citizen": N_("Citizen"),
    "workplace": N_("Workplace"),
    "course": N_("Course"),
    "course_extension": N_("Extension"),
    "sub_goal": N_("Sub-goal"),
    "alliance_score": N_("Score"),
    "placement": N_("Placement"),
    "hours_step": N_("Hours step"),
    "logbook_entry": N_("Logbook day"),
    "meeting": N_("Meeting"),
    "meeting_participant": N_("Meeting participant"),
    "meeting_status_change": N_("Meeting status"),
    "action_item": N_("Agreement"),
    "review_note": N_("Review decision"),
    "report": N_("Report"),
    "handover": N_("Handover"),
    "group_series": N_("Group series"),
    "group_session": N_("Group session"),
    "session_participant": N_("Session participant"),
    "cv_status": N_("CV"),
    "job_contact": N_("Job contact"),
    "target_company": N_("Company to approach"),
}


@dataclass(frozen=True)
class ConflictView:
    id: int
    citizen: str
    citizen_id: int | None
    what: str  # the kind of record, as the table is named
    field: str
    kind: ConflictKind
    mine: Any
    theirs: Any
    author: str
    written_at: datetime | None

    @property
    def record(self) -> str:
        """The record and field, in the mentor's words: "Citizen · Phone"."""
        label = RECORD_LABELS.get(self.what)
        kind = _(label) if label else self.what
        return f"{kind} · {field_label(self.field)}" if self.field else kind


def shown(value: Any) -> str:
    """A conflict's value as the mentor reads it."""
    if value is None:
        return _("(deleted)")
    if isinstance(value, dict):
        return _("(the whole record)")
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    return str(value)


def open_conflicts(
    citizen_ids: list[int] | None = None, *, mine: bool = False, device_id: int | None = None
) -> list[ConflictView]:
    """The conflicts not yet resolved (of these citizens; ``mine``: of the
    citizens this login may write about, and the provider's own records), oldest first."""
    query = (
        SyncConflict.select(SyncConflict, Citizen, Mentor)
        .join(Citizen, peewee.JOIN.LEFT_OUTER, on=SyncConflict.citizen == Citizen.id)
        .switch(SyncConflict)
        .join(Mentor, peewee.JOIN.LEFT_OUTER, on=SyncConflict.author == Mentor.id)
        .where(SyncConflict.resolved_at.is_null())
        .order_by(SyncConflict.id)
    )
    if citizen_ids is not None:
        query = query.where(SyncConflict.citizen.in_(citizen_ids))
    if device_id is not None:
        query = query.where(SyncConflict.device == device_id)
    if mine:
        writable = storage.writable_citizen_ids()
        if writable is not None:
            query = query.where(
                SyncConflict.citizen.is_null() | SyncConflict.citizen.in_(sorted(writable))
            )
    return _views(query)


def conflict_count(citizen_id: int | None = None) -> int:
    """How many conflicts wait for a decision, in the whole team (or about
    one citizen: the citizen screen's mark)."""
    query = SyncConflict.select().where(SyncConflict.resolved_at.is_null())
    if citizen_id is not None:
        query = query.where(SyncConflict.citizen == citizen_id)
    return query.count()


def _views(query) -> list[ConflictView]:
    out = []
    for c in query:
        out.append(
            ConflictView(
                c.id,
                c.citizen.name if c.citizen_id else "",
                c.citizen_id,
                c.table_name,
                c.field,
                ConflictKind(c.kind),
                json.loads(c.mine),
                json.loads(c.theirs),
                c.author.name if c.author_id else "",
                c.written_at,
            )  # fmt: skip
        )
    return out


def _record(conflict: SyncConflict):
    model = model_of(conflict.table_name)
    return model, model.get_or_none(model.uid == conflict.record_uid)


def resolve(
    conflict_id: int,
    choice: ConflictResolution,
    text: str | None = None,
    mentor_id: int | None = None,
) -> None:
    """Decide a conflict: the laptop's value, the server's, or ``text`` (merged)."""
    if mentor_id is None and storage.is_postgres():
        mentor_id = storage.team_mentor_id()
    with db.atomic():
        conflict = SyncConflict.get_or_none(SyncConflict.id == conflict_id)
        if conflict is None or conflict.resolved_at is not None:
            raise NotFound(_("This conflict is no longer open: someone resolved it meanwhile."))
        kind = ConflictKind(conflict.kind)
        model, row = _record(conflict)
        mine = json.loads(conflict.mine)
        if choice is ConflictResolution.MERGED:
            if kind is not ConflictKind.BOTH_CHANGED or text is None:
                raise DomainError(_("Only a field changed on both sides can be merged by hand."))
            _set(model, row, conflict, text)
        elif choice is ConflictResolution.MINE:
            if kind is ConflictKind.BOTH_CHANGED:
                _set(model, row, conflict, mine)
            elif kind is ConflictKind.DELETED_HERE and row is not None:
                audit.record(AuditAction.DELETE, conflict.table_name,
                             citizen_id=conflict.citizen_id, record_id=row.id)  # fmt: skip
                model.delete().where(model.id == row.id).execute()
            elif kind in (ConflictKind.DELETED_THERE, ConflictKind.PARENT_GONE) and mine:
                _restore(model, conflict, mine)
            elif kind is ConflictKind.REFUSED:
                raise DomainError(
                    _(
                        "The team database refused this change: only keeping the server's is possible."
                    )
                )
        SyncConflict.update(
            resolved_at=utcnow(), resolved_by=mentor_id, resolution=choice.value
        ).where(SyncConflict.id == conflict.id).execute()
        audit.record(AuditAction.UPDATE, "sync_conflict", citizen_id=conflict.citizen_id,
                     record_id=conflict.id, purpose=ConflictResolution._labels()[choice.value])  # fmt: skip


def _set(model, row, conflict: SyncConflict, value: Any) -> None:
    if row is None:
        raise NotFound(
            _("The record was deleted meanwhile: only keeping the server's is possible.")
        )
    values = decode(model, [{conflict.field: value}])[0]
    values.update(version=model.version + 1, updated_at=utcnow())
    model.update(**values).where(model.id == row.id).execute()
    audit.record(AuditAction.UPDATE, conflict.table_name, citizen_id=conflict.citizen_id,
                 record_id=row.id)  # fmt: skip


def _restore(model, conflict: SyncConflict, record: dict[str, Any]) -> None:
    from .rows import MissingParent

    if ids_of(model, [record["uid"]]):
        return
    try:
        values = decode(model, [record])[0]
    except MissingParent:
        raise DomainError(
            _(
                "What this record belonged to is deleted on the server too: it cannot come "
                "back. Copy its text from here into a new record if it is still needed."
            )
        ) from None
    row_id = model.insert(**values).execute()
    audit.record(AuditAction.CREATE, conflict.table_name, citizen_id=conflict.citizen_id,
                 record_id=row_id)  # fmt: skip
