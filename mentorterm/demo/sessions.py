"""The demo's group sessions (holdundervisning): a series twice a week, from
five weeks before today to three weeks after, with the caseload's active
citizens called in and the roll called for every session held so far; one
session cancelled, some participants leaving for an individual conversation.
Written through the domain, the clock held at each moment."""

from __future__ import annotations

import random
from datetime import date, timedelta

from ..clock import stopped_at
from ..domain import sessions
from ..schemas.sessions import GroupSeriesIn, GroupSessionIn
from .days import _dmy, _stamp
from .plans import Persona

TITLE = "Vejen til job"
PLACE = "Undervisningslokalet, 1. sal"


def _active(persona: Persona, today: date) -> bool:
    course = persona.courses[-1]
    if persona.citizen.get("archived_on") or course.end is not None:
        return False
    return course.start <= today - timedelta(days=35)


def _mark(rng: random.Random, persona: Persona) -> tuple[str, float | None]:
    """What the roll call says of one citizen at one session, by their absences."""
    away = min(0.6, persona.absences.rate * 1.5 + persona.absences.surge_share * 0.5)
    if rng.random() < away:
        kind, _reason = rng.choice(persona.absences.kinds)
        return str(kind.value if hasattr(kind, "value") else kind), None
    if rng.random() < 0.12:
        return "left_for_conversation", rng.choice((1.0, 1.5, 2.0))
    return "present", None


def add_group_sessions(
    rng: random.Random, today: date, personas: list[Persona], citizen_ids: list[int], mentor: int
) -> None:
    first = today - timedelta(days=35)
    first -= timedelta(days=first.weekday())  # a Monday
    data = GroupSeriesIn(
        title=TITLE,
        place=PLACE,
        weekdays="1,3",
        starts="09:30",
        hours=2.5,
        first_day=_dmy(first),
        last_day=_dmy(today + timedelta(days=21)),
    )
    called = [
        (persona, cid)
        for persona, cid in zip(personas, citizen_ids, strict=True)
        if _active(persona, today)
    ][:8]
    with stopped_at(_stamp(first - timedelta(days=7), 14, 0)):
        series = sessions.create_series(data, leader_id=mentor)
        for _persona, cid in called:
            sessions.add_to_series(series, cid, first)
        workshop = sessions.create_session(
            GroupSessionIn(
                title="CV-værksted",
                day=_dmy(first + timedelta(days=11)),
                starts="13:00",
                hours=2,
                place="Computerrummet",
                note="Medbring gerne det gamle CV på en USB-nøgle.",
            ),
            leader_id=mentor,
        )
        for _persona, cid in called[:4]:
            sessions.add_participant(workshop, cid)
    held = [s for s in sessions.sessions(first, today - timedelta(days=1))]
    cancelled = held[len(held) // 2].id if len(held) > 3 else None
    by_citizen = dict((cid, persona) for persona, cid in called)
    for item in held:
        moment = item.starts_at + timedelta(hours=item.hours)
        with stopped_at(moment):
            if item.id == cancelled:
                sessions.set_cancelled(item.id)
                continue
            for line in sessions.participants(item.id):
                mark, hours = _mark(rng, by_citizen[line.citizen_id])
                sessions.mark(line.id, mark, hours)
