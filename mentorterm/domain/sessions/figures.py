"""A citizen's group sessions counted (pure): how many, how many attended,
the hours, the absence by kind. Kept apart from a placement's logbook days."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from ...enums_provider import SessionAttendance

ATTENDED = frozenset(
    {SessionAttendance.PRESENT.value, SessionAttendance.LEFT_FOR_CONVERSATION.value}
)


@dataclass(frozen=True)
class SessionRow:
    """One participation: the session's moment and hours, the roll call's mark."""

    starts_at: datetime
    session_hours: float
    attendance: str | None  # None: the roll has not been called
    hours: float | None  # attended; None: the session's hours when attended


@dataclass(frozen=True)
class SessionFigures:
    called: int  # sessions with the roll called for the citizen
    attended: int  # present or left for an individual conversation
    hours: float
    sick: int
    absent_with_notice: int
    absent_without_notice: int
    left_for_conversation: int
    not_called: int  # sessions held with no mark yet

    @property
    def rate(self) -> float | None:
        return self.attended / self.called if self.called else None


def hours_attended(row: SessionRow) -> float:
    if row.attendance not in ATTENDED:
        return 0.0 if row.hours is None else row.hours
    return row.session_hours if row.hours is None else row.hours


def count(rows: Iterable[SessionRow]) -> SessionFigures:
    marks: dict[str | None, int] = {}
    hours = 0.0
    for row in rows:
        marks[row.attendance] = marks.get(row.attendance, 0) + 1
        if row.attendance is not None:
            hours += hours_attended(row)
    attended = sum(marks.get(a, 0) for a in ATTENDED)
    return SessionFigures(
        called=sum(n for mark, n in marks.items() if mark is not None),
        attended=attended,
        hours=round(hours, 2),
        sick=marks.get(SessionAttendance.SICK.value, 0),
        absent_with_notice=marks.get(SessionAttendance.ABSENT_WITH_NOTICE.value, 0),
        absent_without_notice=marks.get(SessionAttendance.ABSENT_WITHOUT_NOTICE.value, 0),
        left_for_conversation=marks.get(SessionAttendance.LEFT_FOR_CONVERSATION.value, 0),
        not_called=marks.get(None, 0),
    )
