"""Which audit rows a mentor wrote while covering a colleague (issue 18).

Computed when the log is shown, not stored: an audit row keeps ids only and
is hash-chained, and whether a row was written "covering" follows from what
is held beside it. A row is covering when its mentor is not the mentor who
had the citizen on the row's day (the citizen's mentor then, from the
handovers) and a cover of that mentor by the row's mentor ran that day. A
cover or handover corrected later moves the label with it, as it should.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime

from ...models import Citizen, Cover, Handover, Mentor
from .labels import local_time


def _owner_on(day: date, now: int, handovers: list[Handover]) -> int | None:
    """The citizen's mentor on ``day``: after the latest handover by then, else
    before the first one, else the mentor they have now."""
    before = [h for h in handovers if h.handed_on <= day]
    if before:
        return before[-1].to_mentor_id
    if handovers:
        return handovers[0].from_mentor_id
    return now


def covering_names(rows: Iterable[tuple[int, datetime, int | None, int | None]]) -> dict[int, str]:
    """{audit row id: the colleague covered} for the rows (id, at, citizen, mentor)
    written while covering; rows not written covering are left out."""
    rows = [r for r in rows if r[2] is not None and r[3] is not None]
    covers: dict[int, list[Cover]] = defaultdict(list)
    for cover in Cover.select():
        covers[cover.mentor_id].append(cover)
    rows = [r for r in rows if r[3] in covers]  # only mentors who ever covered
    if not rows:
        return {}
    citizen_ids = sorted({r[2] for r in rows})
    mentor_now = dict(
        Citizen.select(Citizen.id, Citizen.mentor).where(Citizen.id.in_(citizen_ids)).tuples()
    )
    handovers: dict[int, list[Handover]] = defaultdict(list)
    for h in (
        Handover.select()
        .where(Handover.citizen.in_(citizen_ids))
        .order_by(Handover.handed_on, Handover.id)
    ):
        handovers[h.citizen_id].append(h)
    names = dict(Mentor.select(Mentor.id, Mentor.name).tuples())
    found: dict[int, str] = {}
    for row_id, at, citizen_id, mentor_id in rows:
        day = local_time(at).date()
        owner = _owner_on(day, mentor_now.get(citizen_id), handovers[citizen_id])
        if owner is None or owner == mentor_id:
            continue
        if any(
            c.covered_id == owner and c.starts_on <= day <= c.ends_on for c in covers[mentor_id]
        ):
            found[row_id] = names.get(owner, "?")
    return found
