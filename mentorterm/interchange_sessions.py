"""Group sessions in the interchange format (added with schema 10).

The sessions and their series are the provider's, not one citizen's: they
stand once at the document's level, each with a key (``group_series``,
``group_sessions``); a citizen's roll-call rows name their session by that
key (``session_participations``). Files written before schema 10 have none
and import unchanged.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from .enums_provider import SessionAttendance
from .i18n import _
from .schemas import InputModel, Line, Moment, Name, Text, _field_error
from .schemas.sessions import AttendedHours, GroupSeriesIn, SessionHours


class GroupSeriesDoc(GroupSeriesIn):
    """A recurring session from a schedule."""

    key: str = Field(description="The series' key in this document")
    leader: str | None = Field(default=None, description="Key of the leading mentor")
    created_at: datetime | None = None
    updated_at: datetime | None = None


class GroupSessionDoc(InputModel):
    """One group session (holdundervisning) on one day."""

    key: str = Field(description="The session's key in this document")
    series: str | None = Field(default=None, description="Key of its series, if any")
    title: Name
    starts_at: Moment
    hours: SessionHours = 2.0
    place: Line = ""
    leader: str | None = Field(default=None, description="Key of the leading mentor")
    cancelled: bool = False
    note: Text = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None


class SessionParticipationDoc(InputModel):
    """A citizen called in to a session, and how the roll call marked them."""

    session: str = Field(description="Key of the session in the document's group_sessions")
    attendance: SessionAttendance | None = None
    hours: AttendedHours = None
    note: Text = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None


def check_session_keys(document) -> None:
    """Every key unique and every reference known (raises a field error)."""
    mentors = {m.key for m in document.mentors}
    series = {s.key for s in document.group_series}
    sessions = {s.key for s in document.group_sessions}
    if len(series) < len(document.group_series) or len(sessions) < len(document.group_sessions):
        raise _field_error("group_sessions", _("Two group sessions or series with the same key."))
    for kind, items in (
        ("group_series", document.group_series),
        ("group_sessions", document.group_sessions),
    ):
        for index, item in enumerate(items):
            if item.leader is not None and item.leader not in mentors:
                raise _field_error(
                    f"{kind}[{index}].leader",
                    _("Names the mentor '{key}', who is not in the mentors list.").format(
                        key=item.leader
                    ),
                )
    for index, session in enumerate(document.group_sessions):
        if session.series is not None and session.series not in series:
            raise _field_error(
                f"group_sessions[{index}].series",
                _("Names the series '{key}', which is not in group_series.").format(
                    key=session.series
                ),
            )
    for c_index, citizen in enumerate(document.citizens):
        seen: set[str] = set()
        for p_index, row in enumerate(citizen.session_participations):
            where = f"citizens[{c_index}].session_participations[{p_index}].session"
            if row.session not in sessions:
                raise _field_error(
                    where,
                    _("Names the session '{key}', which is not in group_sessions.").format(
                        key=row.session
                    ),
                )
            if row.session in seen:
                raise _field_error(where, _("The citizen is on the same session twice."))
            seen.add(row.session)
