"""Group sessions in the interchange document (schema 10): written out as the
document's ``group_series`` and ``group_sessions`` with keys and each
citizen's ``session_participations``; read back all or nothing with the rest.

A session already here (the same title at the same moment, as from an
earlier citizen's file) is not written again: the citizen is called in to it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from types import SimpleNamespace
from typing import Any

from ... import storage
from ...models import GroupSeries, GroupSession, SessionParticipant

SERIES = ("title", "place", "weekdays", "starts", "hours", "first_day", "last_day")
SESSION = ("title", "starts_at", "hours", "place", "cancelled", "note")
PARTICIPATION = ("attendance", "hours", "note")


def _plain(value: Any, name: str = "") -> Any:
    if value is None:
        return None
    if name == "cancelled":
        return bool(value)
    if isinstance(value, int) and name in ("created_at", "updated_at"):
        from ...fields import from_micros

        value = from_micros(value)
    if name in ("starts_at", "created_at", "updated_at"):
        text = str(value).replace(" ", "T", 1)
        return text[:19] if name == "starts_at" else text
    if name in ("first_day", "last_day"):
        return str(value)[:10]
    return value


def _fields(row: SimpleNamespace, names: tuple[str, ...]) -> dict[str, Any]:
    out = {name: _plain(getattr(row, name), name) for name in names}
    out["created_at"] = _plain(row.created_at, "created_at")
    out["updated_at"] = _plain(row.updated_at, "updated_at")
    return out


def session_documents(
    citizen_ids: list[int], whole: bool, mentor_key: Callable[[int | None], str | None]
) -> tuple[dict[int, list[dict]], list[dict], list[dict]]:
    """({citizen id: participations}, series, sessions) for the document.

    The whole database's file has every session and series; one citizen's
    those the citizen was called in to.
    """
    rows = storage.rows_by_parent(SessionParticipant, "citizen_id", citizen_ids, "session_id, id")
    wanted = {p.session_id for group in rows.values() for p in group}
    sessions = [
        s
        for s in storage.plain_rows(GroupSession, order="starts_at, id")
        if whole or s.id in wanted
    ]
    series_wanted = {s.series_id for s in sessions}
    series = [
        s
        for s in storage.plain_rows(GroupSeries, order="first_day, id")
        if whole or s.id in series_wanted
    ]
    # Keys by position in the file, not by id: a file read back and written
    # again names its sessions the same (ids follow the order they are written in).
    series_key = {s.id: f"series-{n}" for n, s in enumerate(series, 1)}
    session_key = {s.id: f"session-{n}" for n, s in enumerate(sessions, 1)}
    series_docs = [
        {"key": series_key[s.id], **_fields(s, SERIES), "leader": mentor_key(s.leader_id)}
        for s in series
    ]
    session_docs = [
        {
            "key": session_key[s.id],
            "series": series_key.get(s.series_id),
            **_fields(s, SESSION),
            "leader": mentor_key(s.leader_id),
        }
        for s in sessions
    ]
    order = {s.id: n for n, s in enumerate(sessions)}
    participations = {
        cid: [
            {"session": session_key[p.session_id], **_fields(p, PARTICIPATION)}
            for p in sorted(group, key=lambda p: (order[p.session_id], p.id))
        ]
        for cid, group in rows.items()
    }
    return participations, series_docs, session_docs


def _stamps(doc, now: datetime) -> dict[str, Any]:
    created = doc.created_at or now
    return {"created_at": created, "updated_at": doc.updated_at or created}


def import_sessions(
    document, citizen_ids: list[int], mentor_ids: dict[str, int], now: datetime
) -> int:
    """The document's sessions and the citizens' roll-call rows written; how many rows.

    ``citizen_ids``: the new ids of the document's citizens, in its order.
    Inside the import's transaction (all or nothing).
    """
    count = 0
    series_ids: dict[str, int] = {}
    for doc in document.group_series:
        found = GroupSeries.get_or_none(
            (GroupSeries.title == doc.title)
            & (GroupSeries.first_day == doc.first_day)
            & (GroupSeries.weekdays == doc.weekdays)
            & (GroupSeries.starts == doc.starts)
        )
        if found is None:
            values = {name: getattr(doc, name) for name in SERIES}
            found = GroupSeries.create(
                **values,
                leader=mentor_ids.get(doc.leader) if doc.leader else None,
                **_stamps(doc, now),
            )
            count += 1
        series_ids[doc.key] = found.id
    session_ids: dict[str, int] = {}
    for doc in document.group_sessions:
        found = GroupSession.get_or_none(
            (GroupSession.title == doc.title) & (GroupSession.starts_at == doc.starts_at)
        )
        if found is None:
            values = {name: getattr(doc, name) for name in SESSION}
            found = GroupSession.create(
                **values,
                series=series_ids.get(doc.series) if doc.series else None,
                leader=mentor_ids.get(doc.leader) if doc.leader else None,
                **_stamps(doc, now),
            )
            count += 1
        session_ids[doc.key] = found.id
    for citizen_id, citizen in zip(citizen_ids, document.citizens, strict=True):
        for doc in citizen.session_participations:
            SessionParticipant.create(
                session=session_ids[doc.session],
                citizen=citizen_id,
                attendance=doc.attendance.value if doc.attendance else None,
                hours=doc.hours,
                note=doc.note,
                **_stamps(doc, now),
            )
            count += 1
    return count
