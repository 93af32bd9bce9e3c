"""The access export's group sessions: each session the citizen was called in
to, and what the roll call said (schema 10)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from ...documents import Block, Column, Heading, Table, Text
from ...enums_provider import SessionAttendance
from ...format import show_datetime, show_hours
from ...i18n import _


def session_blocks(
    participations: Sequence[dict[str, Any]], sessions: Sequence[dict[str, Any]]
) -> list[Block]:
    heading = Heading(_("Group sessions ({count})").format(count=len(participations)))
    if not participations:
        return [heading, Text(_("None."), muted=True)]
    by_key = {s["key"]: s for s in sessions}
    columns = (
        Column(_("When"), width=26),
        Column(_("Session"), width=30),
        Column(_("Attendance"), width=30),
        Column(_("Hours"), width=16),
        Column(_("Note"), width=76),
    )
    rows = []
    for p in participations:
        session = by_key.get(p["session"], {})
        at = session.get("starts_at")
        mark = p.get("attendance")
        rows.append(
            [
                show_datetime(datetime.fromisoformat(at)) if at else "–",
                session.get("title", "–")
                + (" " + _("(cancelled)") if session.get("cancelled") else ""),
                SessionAttendance(mark).label if mark else _("not called yet"),
                show_hours(p["hours"]) if p.get("hours") is not None else "",
                p.get("note") or "",
            ]
        )
    return [heading, Table(columns, rows)]
