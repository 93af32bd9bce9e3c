"""The forms of group sessions: a new session, a new series from a schedule,
the hours one participant was at a session."""

from __future__ import annotations

from ..domain import sessions
from ..i18n import _
from ..schemas.sessions import AttendedHoursIn, GroupSeriesIn, GroupSessionIn
from ..widgets.fields import FieldSpec
from ..widgets.form import FormScreen
from ..widgets.markup import escape


class SessionForm(FormScreen[int]):
    TITLE = _("New group session")
    MODEL = GroupSessionIn
    KEEPS_DRAFTS = False
    FIELDS = [
        FieldSpec("title", _("Title"), required=True, placeholder=_("e.g. CV and applications")),
        FieldSpec("day", _("Day"), "date", required=True),
        FieldSpec("starts", _("Starts at"), placeholder=_("HH:MM, e.g. 09:30")),
        FieldSpec("hours", _("Hours"), "number"),
        FieldSpec("place", _("Place")),
        FieldSpec("note", _("Note")),
    ]

    def submit(self, data: GroupSessionIn) -> int:
        return sessions.create_session(data)


class SeriesForm(FormScreen[int]):
    TITLE = _("New series of group sessions")
    MODEL = GroupSeriesIn
    KEEPS_DRAFTS = False
    FIELDS = [
        FieldSpec("title", _("Title"), required=True, placeholder=_("e.g. The labour market")),
        FieldSpec(
            "weekdays",
            _("Weekdays"),
            required=True,
            placeholder=_("e.g. mon, wed, fri"),
            hint=_("Names or numbers: 1 is Monday."),
        ),
        FieldSpec("starts", _("Starts at"), placeholder=_("HH:MM, e.g. 09:30")),
        FieldSpec("hours", _("Hours"), "number"),
        FieldSpec("first_day", _("First day"), "date", required=True),
        FieldSpec("last_day", _("Last day"), "date", required=True),
        FieldSpec("place", _("Place")),
    ]

    def submit(self, data: GroupSeriesIn) -> int:
        return sessions.create_series(data)


class HoursForm(FormScreen[bool]):
    TITLE = _("Hours at the session")
    MODEL = AttendedHoursIn
    KEEPS_DRAFTS = False
    FIELDS = [
        FieldSpec(
            "hours",
            _("Hours"),
            "number",
            hint=_("Empty: the session's hours."),
        )
    ]

    def __init__(self, participant_id: int, name: str, hours: float | None) -> None:
        super().__init__(
            {"hours": hours},
            title=_("Hours at the session: {name}").format(name=escape(name)),
        )
        self.participant_id = participant_id

    def submit(self, data: AttendedHoursIn) -> bool:
        sessions.set_hours(self.participant_id, data.hours)
        return True
