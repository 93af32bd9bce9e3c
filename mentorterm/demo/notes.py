"""What the builder keeps in memory between rows: logbook days, meeting drafts, and their sums."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from ..enums import AftercareSituation, MeetingKind, MeetingStatus
from .days import _days, _stamp
from .plans import Persona


@dataclass
class _Day:
    """One logbook day in memory (for the meeting notes) before it is written."""

    day: date
    attendance: str
    planned: float
    worked: float
    note: str
    left_early: bool


@dataclass
class _MeetingDraft:
    day: date
    hour: tuple[int, int]
    kind: MeetingKind
    status: MeetingStatus
    course: int | None
    place: str = ""
    duration: int = 60
    notes: str = ""
    decisions: list[str] = field(default_factory=list)
    with_supervisor: bool = False
    fixed: bool = False  # text given by the persona, not written from the logbook
    fields: dict[str, str] = field(default_factory=dict)
    next_day: date | None = None
    id: int | None = None
    aftercare_situation: AftercareSituation | None = None  # recorded once it is held

    @property
    def starts_at(self) -> datetime:
        return _stamp(self.day, *self.hour)

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration)


def _active_on(persona: Persona, day: date) -> bool:
    """Whether the citizen was in a course, or in aftercare after one, on ``day``."""
    for course in persona.courses:
        if day < course.start:
            continue
        if course.end is None:
            return True
        end, outcome, _note = course.end
        if day <= end or (outcome.starts_aftercare and day <= end + _days(100)):
            return True
    return False


def _score_path(rng: random.Random, n: int, first: int, last: int) -> list[int]:
    """Citizen scores from ``first`` to ``last``: slow, uneven, sometimes back a step."""
    if n == 1:
        return [first]
    path = []
    for i in range(n):
        value = first + (last - first) * i / (n - 1)
        if 0 < i < n - 1:
            value += rng.choice((-1, -1, 0, 0, 0, 1))
        path.append(max(1, min(10, round(value))))
    path[-1] = last
    return path


def _attendance_summary(period: list[_Day]) -> str:
    present = [d for d in period if d.attendance == "present"]
    planned = sum(d.planned for d in period)
    worked = sum(d.worked for d in period)
    text = (
        f"Present {len(present)} of {len(period)} planned days ({worked:g} of {planned:g} hours)."
    )
    away = Counter((d.attendance, d.note) for d in period if d.attendance != "present")
    if away:
        labels = {
            "sick": "sick",
            "absent_with_notice": "away with notice",
            "absent_without_notice": "away without notice",
        }
        parts = [
            f"{labels[kind]} {n}x ({note.rstrip('.').lower()})"
            for (kind, note), n in sorted(away.items())
        ]
        text += " Absence: " + "; ".join(parts) + "."
    early = [d for d in present if d.left_early]
    if early:
        text += f" Left early {len(early)}x ({early[0].note.rstrip('.').lower()})."
    if len(present) == len(period):
        text += " No absence."
    return text
