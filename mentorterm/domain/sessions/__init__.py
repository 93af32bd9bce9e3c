"""Group sessions (holdundervisning): a series from a schedule makes its
sessions; each session has its participants and a roll call.

- ``schedule``: weekdays between two days (pure);
- ``writing``: series, sessions, participants, cancelling (audited);
- ``editing``: one session corrected, a citizen taken off a series from a day;
- ``series_change``: a series changed, its later sessions following (asked
  first when sessions would go; never one with marks);
- ``rollcall``: one mark per participant, the hours, undo (audited);
- ``queries``: the list, a session's roll call, a citizen's sessions;
- ``figures``: a citizen's sessions counted (pure), kept apart from
  a placement's logbook days;
- ``lines``: the "Group sessions: 5 of 6 attended, 9 hours" line the
  statistics, the report and the citizen screen show.
"""

from __future__ import annotations

from .editing import TakenOff, leaders, session_input, take_off_series, update_session
from .figures import SessionFigures, SessionRow, count
from .queries import (
    CitizenSession,
    ParticipantLine,
    SessionItem,
    active_citizens,
    citizen_figures,
    citizen_sessions,
    participants,
    session,
    sessions,
)
from .rollcall import Mark, mark, set_hours, undo
from .series_change import SeriesChange, series_input, update_series
from .writing import (
    add_participant,
    add_participants,
    add_to_series,
    create_series,
    create_session,
    make_sessions,
    remove_participant,
    set_cancelled,
    standing_participants,
)

__all__ = [
    "CitizenSession",
    "Mark",
    "ParticipantLine",
    "SessionFigures",
    "SessionItem",
    "SessionRow",
    "SeriesChange",
    "TakenOff",
    "active_citizens",
    "add_participant",
    "add_participants",
    "add_to_series",
    "citizen_figures",
    "citizen_sessions",
    "count",
    "create_series",
    "create_session",
    "leaders",
    "make_sessions",
    "mark",
    "participants",
    "remove_participant",
    "session",
    "session_input",
    "series_input",
    "sessions",
    "set_cancelled",
    "set_hours",
    "standing_participants",
    "take_off_series",
    "undo",
    "update_series",
    "update_session",
]
