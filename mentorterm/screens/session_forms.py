"""The forms of group sessions: a new session, a new series from a schedule,
a session or a series edited, the hours one participant was at a session."""

from __future__ import annotations

from pydantic import ValidationError

from ..domain import sessions
from ..domain.errors import DomainError
from ..domain.sessions import SeriesChange, series_change
from ..i18n import _
from ..schemas.sessions import (
    AttendedHoursIn,
    GroupSeriesEditIn,
    GroupSeriesIn,
    GroupSessionEditIn,
    GroupSessionIn,
    weekday_words,
)
from ..widgets.confirm import ConfirmScreen
from ..widgets.fields import FieldSpec
from ..widgets.form import FormScreen
from ..widgets.markup import escape


def leader_field(current: int | None) -> FieldSpec:
    options = [(name, mentor_id) for mentor_id, name in sessions.leaders(current)]
    return FieldSpec("leader_id", _("Leader"), "select", options=options)


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


class SessionEditForm(FormScreen[int]):
    """One session corrected; moving it keeps what its roll call said."""

    TITLE = _("Edit group session")
    MODEL = GroupSessionEditIn
    RECORD = ("group_session", "session_id")
    KEEPS_DRAFTS = False  # the provider's, no citizen's: drafts belong to a citizen

    def __init__(self, session_id: int) -> None:
        self.session_id = session_id
        initial = sessions.session_input(session_id).model_dump()
        self.leader_id = initial["leader_id"]
        item = sessions.session(session_id)
        in_series = item is not None and item.series_id is not None
        super().__init__(
            initial,
            _("Edit group session: this one only (E changes its series)") if in_series else None,
        )

    def fields(self) -> list[FieldSpec]:
        return [
            *SessionForm.FIELDS[:5],
            leader_field(self.leader_id),
            SessionForm.FIELDS[5],
        ]

    def submit(self, data: GroupSessionEditIn) -> int:
        sessions.update_session(self.session_id, data)
        return self.session_id


class SeriesEditForm(FormScreen[SeriesChange]):
    """A series changed from today on: the later sessions without a roll call
    follow; one the change would remove is named and asked about first. Its
    first day moves earlier (new sessions) or later (asking before removing the
    sessions before it; refused past a session held or with a roll call)."""

    TITLE = _("Edit series")
    MODEL = GroupSeriesEditIn
    RECORD = ("group_series", "series_id")
    KEEPS_DRAFTS = False

    def __init__(self, series_id: int) -> None:
        self.series_id = series_id
        initial = sessions.series_input(series_id).model_dump()
        initial["weekdays"] = weekday_words(initial["weekdays"])
        self.first_day = initial["first_day"]
        self.leader_id = initial["leader_id"]
        self.dropping: list[int] = []
        super().__init__(initial)

    def fields(self) -> list[FieldSpec]:
        by_name = {spec.name: spec for spec in SeriesForm.FIELDS}
        last_day = FieldSpec(
            "last_day",
            _("Last day"),
            "date",
            required=True,
            hint=_("Later: the new sessions are made. Earlier: asks before removing any."),
        )
        first_day = FieldSpec(
            "first_day",
            _("First day"),
            "date",
            required=True,
            hint=_(
                "Earlier: the new sessions are made. Later: asks before removing any; "
                "not after a session held or with a roll call."
            ),
        )
        return [
            *(by_name[name] for name in ("title", "weekdays", "starts", "hours")),
            first_day,
            last_day,
            by_name["place"],
            leader_field(self.leader_id),
        ]

    def action_save(self) -> None:
        """Save; a change that removes sessions names them and asks first."""
        try:
            data = GroupSeriesEditIn.model_validate(self.model_data(self.values()))
            change = series_change.plan(self.series_id, data, self.app.today)
        except (ValidationError, DomainError):
            change = None  # the save shows the problem next to its field
        question = None if change is None else series_change.question(change)
        if change is None or question is None:
            self.dropping = []
            super().action_save()
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.dropping = [dated.id for dated in change.drop]
                FormScreen.action_save(self)
            else:
                moved = data.first_day != self.first_day
                self.query_one("#f-first_day" if moved else "#f-last_day").focus()

        self.app.push_screen(
            ConfirmScreen(escape(question), yes=_("Save and remove"), no=_("Change it")), answered
        )

    def submit(self, data: GroupSeriesEditIn) -> SeriesChange:
        return sessions.update_series(self.series_id, data, self.app.today, self.dropping)


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
