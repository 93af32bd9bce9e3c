"""The year's figures of group sessions (holdundervisning, schema 10): the
sessions with the roll called for the courses' citizens in the period, how
many attended, absent without notice, and the hours, apart from the
logbook days (pure: ``sessions_load`` reads them). A session counts for
the citizen's course running that day."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from ...i18n import N_
from ..sessions.figures import ATTENDED


class SessionDay(NamedTuple):
    day: date
    attendance: str  # a SessionAttendance value (called sessions only)
    hours: float  # attended


def session_rows(counter, cell) -> list[tuple[str, str, str, str, object]]:
    """(key, section, label, unit, cell) of the group sessions' figures for one group."""
    inside = [
        (f.course_id, s)
        for f in counter.facts
        for s in f.sessions
        if counter.start <= s.day <= counter.end
    ]
    called = len(inside)

    def having(test) -> tuple[int, ...]:
        return tuple(sorted({c for c, s in inside if test(s)}))

    def share(test):
        n = sum(1 for _c, s in inside if test(s))
        return cell(value=n, share=n / called if called else None, courses=having(test))

    hours = round(sum(s.hours for _c, s in inside), 2)
    section = N_("Attendance (group sessions in the period)")
    return [
        ("sessions_called", section, N_("Sessions with the roll called"), "days",
         cell(value=called, courses=having(lambda s: True))),
        ("sessions_attended", section, N_("Attended (present or left for a conversation)"),
         "days", share(lambda s: s.attendance in ATTENDED)),
        ("sessions_without_notice", section, N_("Absent without notice"), "days",
         share(lambda s: s.attendance == "absent_without_notice")),
        ("sessions_hours", section, N_("Hours at group sessions"), "hours",
         cell(value=hours, courses=having(lambda s: s.hours > 0))),
    ]  # fmt: skip
