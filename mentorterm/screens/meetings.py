"""A citizen's meetings, and the follow-up note written during or right after one.

The note form keeps what is typed as a draft (half a second after the last
key, at most 2 s after a change while typing goes on): if the terminal is
closed or the laptop dies mid-note, the next start offers it back word for
word. Saving the note deletes the draft in the same transaction.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import (
    Checkbox,
    DataTable,
    Footer,
    Header,
    Input,
    OptionList,
    Select,
    Static,
    TextArea,
)

from .. import keys
from ..domain import drafts
from ..domain import meetings as domain
from ..domain.overview import meetings_of
from ..domain.subgoals import sub_goal_rows
from ..enums import CancelledBy, MeetingKind, MeetingStatus, ParticipantRole
from ..format import days_ago, show_date, show_datetime
from ..i18n import _, ngettext
from ..schemas import MeetingIn
from ..widgets.confirm import ConfirmScreen, DiscardScreen, confirm_then
from ..widgets.draft_timer import DraftTimer
from ..widgets.fields import FieldSpec
from ..widgets.form import FormScreen
from ..widgets.guard import safely
from ..widgets.lists import BackHelpScreen, CitizenRecordsScreen
from ..widgets.markup import escape

NOTE_FORM = "meeting-note"
ACTION_ROWS = 4  # agreement rows on a note; more go on the next note or the list

# (role, field name, label) of the participant fields, in the order shown.
ROLES = [
    (ParticipantRole.CITIZEN, "p_citizen", _("Citizen")),
    (ParticipantRole.MENTOR, "p_mentor", _("Mentor")),
    (ParticipantRole.PLACEMENT_SUPERVISOR, "p_supervisor", _("Placement supervisor")),
    (ParticipantRole.COMPANY_CONSULTANT, "p_consultant", _("Company consultant")),
    (ParticipantRole.CASEWORKER, "p_caseworker", _("Caseworker")),
    (ParticipantRole.INTERPRETER, "p_interpreter", _("Interpreter")),
    (ParticipantRole.OTHER, "p_other", _("Others")),
]


def participant_fields() -> list[FieldSpec]:
    specs = [FieldSpec(name, label) for _role, name, label in ROLES]
    specs[-1].hint = _("Names separated by commas")
    return specs


def participants_from(values: dict[str, Any]) -> list[dict[str, str]]:
    """The participant fields as ParticipantIn data: an empty field is nobody."""
    people = []
    for role, name, _label in ROLES:
        text = (values.get(name) or "").strip()
        names = [n.strip() for n in text.split(",")] if role == ParticipantRole.OTHER else [text]
        people += [{"name": n, "role": role.value} for n in names if n]
    return people


def participant_values(participants) -> dict[str, str]:
    """Participants (views or ParticipantIn) back into the form's fields."""
    values: dict[str, list[str]] = {}
    for p in participants:
        field = next(name for role, name, _label in ROLES if role == p.role)
        values.setdefault(field, []).append(p.name)
    return {field: ", ".join(names) for field, names in values.items()}


class MeetingForm(FormScreen[int]):
    """Plan a meeting, or record one that took place without a note."""

    TITLE = _("New meeting")
    MODEL = MeetingIn

    def __init__(self, citizen_id: int, initial: dict, meeting_id: int | None = None) -> None:
        title = _("Edit the meeting") if meeting_id is not None else None
        super().__init__(initial, title)
        self.citizen_id = citizen_id
        self.meeting_id = meeting_id
        self._accepted: tuple[datetime, int] | None = None  # an overlap the mentor accepted
        self._saved_time: tuple[datetime, int] | None = None  # an edited meeting's own time
        if meeting_id is not None:
            saved = domain.meeting_input(meeting_id)
            self._saved_time = (saved.starts_at, saved.duration_minutes)

    def fields(self) -> list[FieldSpec]:
        status = FieldSpec(
            "status", _("Status"), "select", options=MeetingStatus.choices(), required=True
        )
        # Correcting a saved meeting: its outcome too (who cancelled, the note).
        outcome = (
            [
                FieldSpec(
                    "cancelled_by",
                    _("Cancelled by"),
                    "select",
                    options=CancelledBy.choices(),
                    hint=_("Only for a cancelled meeting"),
                ),
                FieldSpec("outcome_note", _("Why cancelled / no-show note")),
            ]
            if self.meeting_id is not None
            else []
        )
        if outcome:
            status.hint = _("Back to Planned undoes a no-show or cancellation recorded by mistake")
        return [
            FieldSpec("kind", _("Kind"), "select", options=MeetingKind.choices(), required=True),
            FieldSpec("starts_at", _("Date and time"), "datetime", required=True),
            FieldSpec("duration_minutes", _("Minutes"), "number"),
            FieldSpec("place", _("Place")),
            status,
            *outcome,
            *participant_fields(),
        ]

    def action_save(self) -> None:
        """Save; a time that overlaps a booked meeting asks first, naming it."""
        from pydantic import ValidationError

        try:
            data = MeetingIn.model_validate(self.model_data(self.values()))
        except ValidationError:
            super().action_save()  # shows the errors next to the fields
            return
        moment = (data.starts_at, data.duration_minutes)
        if (
            data.status != MeetingStatus.PLANNED
            or moment == self._accepted
            or (self.meeting_id is not None and moment == self._saved_time)
        ):
            super().action_save()
            return
        clashes = domain.overlapping(data.starts_at, data.duration_minutes, self.meeting_id)
        if not clashes:
            super().action_save()
            return
        names = ", ".join(c.text for c in clashes[:3])
        error = self.query_one("#form-error", Static)
        error.update(_("Overlaps a booked meeting: {meetings}").format(meetings=escape(names)))
        error.add_class("shown")

        def answered(yes: bool | None) -> None:
            if yes:
                self._accepted = moment
                super(MeetingForm, self).action_save()

        self.app.push_screen(
            ConfirmScreen(
                ngettext(
                    "This time overlaps a meeting already booked: {meetings}. Save anyway?",
                    "This time overlaps meetings already booked: {meetings}. Save anyway?",
                    len(clashes),
                ).format(meetings=escape(names)),
                yes=_("Save anyway"),
                no=_("Change the time"),
            ),
            answered,
        )

    def model_data(self, values: dict[str, Any]) -> dict[str, Any]:
        data = {k: v for k, v in values.items() if v is not None and not k.startswith("p_")}
        if data.get("duration_minutes") == "":
            del data["duration_minutes"]
        data["participants"] = participants_from(values)
        if self.meeting_id is not None:  # keep what the note says
            current = domain.meeting_input(self.meeting_id).model_dump()
            current.update(data)
            data = current
        return data

    def submit(self, data: MeetingIn) -> int:
        if self.meeting_id is None:
            return domain.create_meeting(self.citizen_id, data)
        domain.update_meeting(self.meeting_id, data)
        return self.meeting_id


def _point_fields(kind: MeetingKind) -> list[FieldSpec]:
    """The standard points of a note; a three-party note has the workplace's view too."""
    specs = [
        FieldSpec(
            "attendance_note",
            _("1. Attendance"),
            "area",
            hint=_("Prefilled from the logbook since the previous follow-up"),
        ),
        FieldSpec("tasks_note", _("2. Tasks and work capacity"), "area"),
        FieldSpec("motivation_note", _("3. Motivation and well-being"), "area"),
        FieldSpec("accommodations_note", _("4. Accommodations and life after work"), "area"),
        FieldSpec("citizen_view", _("5. The citizen's view"), "area"),
    ]
    if kind in (MeetingKind.THREE_PARTY, MeetingKind.NETWORK):
        specs.append(FieldSpec("workplace_view", _("5. The workplace's view"), "area"))
    specs.append(FieldSpec("notes", _("Other notes"), "area"))
    return specs


class NoteForm(FormScreen[int]):
    """The follow-up note: the points, decisions, an hours change, agreements, next date."""

    MODEL = domain.MeetingNoteIn
    BINDINGS = keys.bindings("note_form")
    KEEPS_DRAFTS = False  # the note keeps its own draft, removed in save_note's transaction
    DEFAULT_CSS = """
    NoteForm > #form { width: 110; }
    NoteForm #note-goals { color: $text-muted; margin-left: 31; }
    """

    def __init__(
        self,
        citizen_id: int,
        citizen_name: str,
        today: date,
        *,
        meeting_id: int | None = None,
        kind: MeetingKind = MeetingKind.THREE_PARTY,
        initial: dict | None = None,
        restored: bool = False,
    ) -> None:
        self.citizen_id = citizen_id
        self.citizen_name = citizen_name
        self.meeting_id = meeting_id
        self.kind = MeetingKind(kind)
        self.today = today
        self.draft_key = drafts.draft_key(NOTE_FORM, citizen=citizen_id, meeting=meeting_id)
        self._note_timer = DraftTimer(self, self.save_draft)
        self._saved_values: dict[str, Any] | None = None
        self.restored = restored
        if initial is None and meeting_id is not None:
            start = domain.meeting_input(meeting_id).starts_at
        else:
            start = self._starts_at(initial, today)
        self.defaults = domain.note_defaults(citizen_id, start.date())
        values = initial if initial is not None else self._fresh(start)
        title = _("{kind} note · {name}").format(kind=self.kind.label, name=citizen_name)
        if restored:
            title += " " + _("(restored draft)")
        super().__init__(values, title)

    @staticmethod
    def _starts_at(initial: dict | None, today: date) -> datetime:
        from ..schemas import parse_datetime_text

        try:
            value = parse_datetime_text((initial or {}).get("starts_at"))
            if isinstance(value, datetime):
                return value
        except (TypeError, ValueError):
            pass
        # A note is written during or right after the meeting: its start, to the
        # quarter hour before now, is the likeliest time (the mentor corrects it).
        now = datetime.now().replace(second=0, microsecond=0)
        return datetime.combine(today, now.time().replace(minute=now.minute - now.minute % 15))

    def _fresh(self, start: datetime) -> dict[str, Any]:
        """A new note: the logbook figures, the usual participants, the next date."""
        d = self.defaults
        values: dict[str, Any] = {
            "kind": self.kind.value,
            "starts_at": start,
            "status": MeetingStatus.HELD.value,
            "duration_minutes": 60,
            "p_citizen": d.citizen,
            "p_mentor": d.mentor,
            "p_interpreter": d.interpreter,
            "attendance_note": domain.prefill_attendance_note(
                self.citizen_id, start.date(), self.today
            ),
            "next_meeting_date": domain.default_next_meeting_date(self.citizen_id, start.date()),
        }
        if self.kind in (MeetingKind.THREE_PARTY, MeetingKind.NETWORK):
            values.update(p_supervisor=d.supervisor, p_consultant=d.consultant)
        if self.kind in (MeetingKind.CASEWORKER, MeetingKind.NETWORK):  # the caseworker takes part
            values["p_caseworker"] = d.caseworker
        if self.meeting_id is not None:  # a planned meeting: its time, place and people
            planned = domain.meeting_input(self.meeting_id)
            values.update(
                starts_at=planned.starts_at,
                place=planned.place,
                duration_minutes=planned.duration_minutes,
            )
            for field in (
                "attendance_note",
                "tasks_note",
                "motivation_note",
                "accommodations_note",
                "citizen_view",
                "workplace_view",
                "notes",
                "decisions",
            ):
                if getattr(planned, field):
                    values[field] = getattr(planned, field)
            values.update(participant_values(planned.participants) or {})
            if planned.next_meeting_date:
                values["next_meeting_date"] = planned.next_meeting_date
        return values

    def fields(self) -> list[FieldSpec]:
        specs = [
            FieldSpec("kind", _("Kind"), "select", options=MeetingKind.choices(), required=True),
            FieldSpec("starts_at", _("Date and time"), "datetime", required=True),
            FieldSpec("duration_minutes", _("Minutes"), "number"),
            FieldSpec("place", _("Place")),
            FieldSpec(
                "status", _("Status"), "select", options=MeetingStatus.choices(), required=True
            ),
            *participant_fields(),
            *_point_fields(self.kind),
            FieldSpec("decisions", _("Decisions"), "area"),
        ]
        if self.defaults.placement_id is not None:
            specs += [
                FieldSpec(
                    "hours_from",
                    _("Hours change from"),
                    "date",
                    hint=_("Decided here? It becomes the next hours step at {place}.").format(
                        place=self.defaults.workplace
                    ),
                ),
                FieldSpec("hours_per_week", _("New hours a week"), "number"),
                FieldSpec(
                    "hours_schedule", _("New schedule"), hint=_("e.g. 3 x 4 h Mon, Wed, Fri")
                ),
            ]
        for n in range(1, ACTION_ROWS + 1):
            specs += [
                FieldSpec(f"a{n}_what", _("Agreement {n}: what").format(n=n)),
                FieldSpec(f"a{n}_owner", _("Agreement {n}: who").format(n=n)),
                FieldSpec(f"a{n}_due", _("Agreement {n}: by").format(n=n), "date"),
            ]
        specs.append(
            FieldSpec(
                "next_meeting_date",
                _("Next meeting"),
                "date",
                hint=_("Planned at the same time and place"),
            )
        )
        return specs

    def on_mount(self) -> None:
        super().on_mount()
        # The sub-goals under review sit right after the decisions.
        self.query_one("#fields").mount(
            Static(self._goals_text(), id="note-goals"), after=self.query_one("#e-decisions")
        )
        if self.restored:  # the restored text is kept already: nothing new to keep yet
            self._saved_values = self.values()

    def _goals_text(self) -> str:
        rows = [r for r in sub_goal_rows(self.citizen_id, self.today) if r.status == "active"]
        if not rows:
            return _("No active sub-goals to review.")
        lines = [_("Sub-goals (ctrl+g scores one through the alliance scale):")]
        for r in rows:
            score = (
                _("citizen {c} / mentor {m}, {ago}").format(
                    c=r.latest_score, m=r.mentor_score, ago=days_ago(r.days_since_scored)
                )
                if r.latest_score
                else _("not scored yet")
            )
            lines.append(f"  • {escape(r.title)}: {score}")
        return "\n".join(lines)

    # --- reading the form into the note ----------------------------------------------

    def model_data(self, values: dict[str, Any]) -> dict[str, Any]:
        meeting = {
            k: v for k, v in values.items() if v is not None and not re.match(r"p_|a\d+_|hours_", k)
        }
        if meeting.get("duration_minutes") == "":
            del meeting["duration_minutes"]
        meeting["participants"] = participants_from(values)
        items = []
        for n in range(1, ACTION_ROWS + 1):
            what, owner, due = (
                values.get(f"a{n}_{part}") or "" for part in ("what", "owner", "due")
            )
            if what.strip() or owner.strip() or due.strip():
                items.append({"what": what, "owner": owner, "due_date": due or None})
        data: dict[str, Any] = {"meeting": meeting, "action_items": items}
        hours = [values.get(k) or "" for k in ("hours_from", "hours_per_week", "hours_schedule")]
        if any(h.strip() for h in hours):
            data["hours_change"] = {
                "placement_id": self.defaults.placement_id,
                "from_date": hours[0],
                "hours_per_week": hours[1],
                "schedule": hours[2],
            }
        return data

    def show_errors(self, errors: dict[str, str]) -> None:
        # The note is nested (meeting.place, action_items.0.what, hours_change.from_date):
        # each problem goes under the field the mentor typed it in.
        flat: dict[str, str] = {}
        for location, message in errors.items():
            parts = location.split(".")
            if parts[0] == "meeting" and len(parts) > 1:
                name = "p_citizen" if parts[1] == "participants" else parts[1]
            elif parts[0] == "action_items" and len(parts) > 2:
                part = {"due_date": "due"}.get(parts[2], parts[2])
                name = f"a{int(parts[1]) + 1}_{part}"
            elif parts[0] == "hours_change" and len(parts) > 1:
                name = {"from_date": "hours_from", "schedule": "hours_schedule"}.get(
                    parts[1], parts[1]
                )
            elif parts[0] in ("from_date", "hours_per_week", "schedule", "placement_id"):
                name = {
                    "from_date": "hours_from",
                    "schedule": "hours_schedule",
                    "placement_id": "hours_from",
                }.get(parts[0], parts[0])
            else:
                name = location
            flat.setdefault(name, message)
        super().show_errors(flat)

    def submit(self, data: domain.MeetingNoteIn) -> int:
        meeting_id = domain.save_note(
            self.citizen_id, data, self.meeting_id, draft_key=self.draft_key
        )
        self._stop_timer()
        self._warn_next_overlap(data.meeting)
        return meeting_id

    def _warn_next_overlap(self, meeting: MeetingIn) -> None:
        """The next meeting is planned at the same time of day: say if that time is taken."""
        if meeting.next_meeting_date is None:
            return
        start = datetime.combine(meeting.next_meeting_date, meeting.starts_at.time())
        clashes = [
            c
            for c in domain.overlapping(start, meeting.duration_minutes)
            if c.starts_at != start or c.citizen_name != self.citizen_name
        ]
        if clashes:
            self.app.notify(
                _(
                    "The next meeting ({when}) overlaps {meetings}: e on it in the "
                    "meetings list moves it."
                ).format(
                    when=show_datetime(start),
                    meetings=escape(", ".join(c.text for c in clashes[:3])),
                ),
                severity="warning",
                timeout=10,
            )

    # --- the draft -------------------------------------------------------------------

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    def _changed(self) -> None:
        if not self.is_mounted or not self._start_values:
            return
        # Half a second after the last change, at most 2 s after the first one
        # not kept yet: continuous typing or a paste is kept too.
        self._note_timer.changed()

    def keep_draft_now(self) -> None:
        """Keep what is typed at once (the app is about to lock)."""
        self._stop_timer()
        if self.is_mounted:
            self.save_draft()

    def _stop_timer(self) -> None:
        self._note_timer.stop()

    @safely
    def save_draft(self) -> None:
        """Keep what is typed (only when it differs from what the form opened with)."""
        values = self.values()
        if values == self._start_values and not self.restored:
            return
        if values == self._saved_values:
            return
        drafts.save_draft(
            self.draft_key,
            {
                "meeting_id": self.meeting_id,
                "kind": self.kind.value,
                "fields": values,
            },
            title=_("{kind} note · {name} · {when}").format(
                kind=self.kind.label, name=self.citizen_name, when=values.get("starts_at") or ""
            ),
            citizen_id=self.citizen_id,
        )
        self._saved_values = values

    def action_cancel(self) -> None:
        if not self.is_dirty and not self.restored:
            self._stop_timer()
            drafts.discard_draft(self.draft_key)
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self._stop_timer()
                drafts.discard_draft(self.draft_key)
                self.dismiss(None)

        self.app.push_screen(
            DiscardScreen(
                _("Throw away this note? The draft is deleted too."),
                yes=_("Discard"),
                no=_("Keep writing"),
            ),
            answered,
        )

    def action_score(self) -> None:
        rows = [r for r in sub_goal_rows(self.citizen_id, self.today) if r.status == "active"]
        if not rows:
            self.notify(_("No active sub-goals to score."))
            return
        from .subgoals import ScoringScreen

        def picked(goal_id: int | None) -> None:
            if goal_id is None:
                return
            title = next(r.title for r in rows if r.id == goal_id)
            self.app.push_screen(
                ScoringScreen(goal_id, title, self.today),
                lambda _done: self.query_one("#note-goals", Static).update(self._goals_text()),
            )

        self.app.push_screen(
            PickScreen(_("Which sub-goal?"), [(r.id, r.title) for r in rows]), picked
        )


class PickScreen(ModalScreen[int | None]):
    """Choose one of a few things with the arrow keys and enter."""

    DEFAULT_CSS = """
    PickScreen { align: center middle; }
    PickScreen > Vertical { width: 70; max-width: 100%; height: auto; max-height: 80%;
                            border: thick $primary; background: $surface; padding: 0 1; }
    PickScreen DataTable { height: auto; max-height: 20; }
    """
    BINDINGS = keys.bindings("pick")

    def __init__(self, question: str, choices: list[tuple[int, str]]) -> None:
        super().__init__()
        self.question = question
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"[b]{escape(self.question)}[/b]  " + _("enter chooses · escape cancels"))
            table = DataTable(cursor_type="row", show_header=False)
            table.add_column("choice")
            for key, label in self.choices:
                table.add_row(label, key=str(key))
            yield table

    @on(DataTable.RowSelected)
    def _chosen(self, event: DataTable.RowSelected) -> None:
        self.dismiss(int(event.row_key.value))

    def action_cancel(self) -> None:
        self.dismiss(None)


# Who can call a meeting off, in the order of the keys 1-5.
CANCELLERS = list(CancelledBy)


class CancelMeetingScreen(ModalScreen[domain.CancellationIn | None]):
    """Who cancelled the meeting (the citizen preselected; 1-5 choose) and why.

    Enter saves (the citizen, no reason: two keys in all); escape keeps the
    meeting as it was.
    """

    DEFAULT_CSS = """
    CancelMeetingScreen { align: center middle; }
    CancelMeetingScreen > VerticalScroll { width: 76; max-width: 100%; height: auto;
        max-height: 100%; border: thick $warning; background: $surface; padding: 0 1; }
    CancelMeetingScreen OptionList { height: auto; max-height: 7; }
    CancelMeetingScreen Input { border: none; height: 1; padding: 0 1; background: $panel; }
    CancelMeetingScreen Input:focus { border: none; background: $primary 40%; }
    CancelMeetingScreen .dialog-keys { color: $text-muted; }
    """
    BINDINGS = keys.bindings("cancel_meeting")

    def __init__(self, what: str) -> None:
        super().__init__()
        self.what = what

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(_("[b]Cancel {what}[/b]").format(what=escape(self.what)))
            yield Static(_("Who cancelled it?"), id="cancel-who-label")
            yield OptionList(
                *(f"{n}  {who.label}" for n, who in enumerate(CANCELLERS, 1)), id="cancel-who"
            )
            yield Static(_("Why (optional)"))
            yield Input(
                id="cancel-why",
                placeholder=_("e.g. ill, the supervisor is away"),
                select_on_focus=False,
            )
            yield Static(
                _(
                    "[b]1[/b]–[b]5[/b] who · [b]tab[/b] why · [b]enter[/b] saves · "
                    "[b]escape[/b] keeps the meeting"
                ),
                classes="dialog-keys",
            )

    def on_mount(self) -> None:
        who = self.query_one(OptionList)
        who.highlighted = 0
        who.focus()

    @on(OptionList.OptionHighlighted)
    def _who_shown(self, event: OptionList.OptionHighlighted) -> None:
        # Named beside the question too: the choice stays readable once "why" has focus.
        self.query_one("#cancel-who-label", Static).update(
            _("Who cancelled it? [b]{who}[/b]").format(who=CANCELLERS[event.option_index].label)
        )

    def on_key(self, event) -> None:
        # Typing on the list of people starts the reason: nothing typed is lost.
        if (
            not isinstance(self.focused, Input)
            and event.character
            and event.character.isprintable()
            and event.character not in "12345"
        ):
            reason = self.query_one(Input)
            reason.focus()
            reason.insert_text_at_cursor(event.character)
            event.stop()
            event.prevent_default()

    def action_who(self, index: int) -> None:
        self.query_one(OptionList).highlighted = index
        self.query_one(Input).focus()

    @on(OptionList.OptionSelected)
    @on(Input.Submitted)
    def _enter(self, event) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        index = self.query_one(OptionList).highlighted or 0
        self.dismiss(
            domain.CancellationIn(
                cancelled_by=CANCELLERS[index], reason=self.query_one(Input).value
            )
        )

    def action_close(self) -> None:
        self.dismiss(None)


class NoShowScreen(ModalScreen[str | None]):
    """The citizen did not come: an optional note; enter saves, escape changes nothing."""

    DEFAULT_CSS = """
    NoShowScreen { align: center middle; }
    NoShowScreen > VerticalScroll { width: 76; max-width: 100%; height: auto;
        max-height: 100%; border: thick $warning; background: $surface; padding: 0 1; }
    NoShowScreen Input { border: none; height: 1; padding: 0 1; background: $panel; }
    NoShowScreen Input:focus { border: none; background: $primary 40%; }
    NoShowScreen .dialog-keys { color: $text-muted; }
    """
    BINDINGS = keys.bindings("no_show")

    def __init__(self, what: str) -> None:
        super().__init__()
        self.what = what

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(_("[b]No-show: {what}[/b]").format(what=escape(self.what)))
            yield Static(_("Note (optional): what do you know, what did you do?"))
            yield Input(id="no-show-note", placeholder=_("e.g. did not answer the phone"))
            yield Static(
                _("[b]enter[/b] records the no-show · [b]escape[/b] keeps the meeting planned"),
                classes="dialog-keys",
            )

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        self.dismiss(self.query_one(Input).value)

    def action_close(self) -> None:
        self.dismiss(None)


def meeting_detail_text(detail: domain.MeetingDetail) -> str:
    outcome = domain.outcome_text(detail.status, detail.cancelled_by, detail.outcome_note)
    lines = [
        f"[b]{detail.kind.label}[/b] · {show_datetime(detail.starts_at)} · "
        f"{escape(outcome)}" + (f" · {escape(detail.place)}" if detail.place else "")
    ]
    if detail.outcome_note and detail.status not in (
        MeetingStatus.CANCELLED,
        MeetingStatus.NO_SHOW,
    ):
        lines.append(_("Earlier outcome note: {note}").format(note=escape(detail.outcome_note)))
    if detail.participants:
        lines.append(
            _("With: {names}").format(
                names=escape(", ".join(f"{p.name} ({p.role.label})" for p in detail.participants))
            )
        )
    for label, text in (
        (_("Attendance"), detail.attendance_note),
        (_("Tasks"), detail.tasks_note),
        (_("Motivation"), detail.motivation_note),
        (_("Accommodations"), detail.accommodations_note),
        (_("Citizen"), detail.citizen_view),
        (_("Workplace"), detail.workplace_view),
        (_("Decisions"), detail.decisions),
        (_("Notes"), detail.notes),
    ):
        if text:
            lines.append(f"{label}: {escape(' '.join(text.split()))}")
    for item in detail.action_items:
        due = _(" by {day}").format(day=show_date(item.due_date)) if item.due_date else ""
        done = _(" (done {day})").format(day=show_date(item.done_on)) if item.done_on else ""
        lines.append(f"→ {escape(item.what)} · {escape(item.owner)}{due}{done}")
    if detail.next_meeting_date:
        lines.append(_("Next meeting: {day}").format(day=show_date(detail.next_meeting_date)))
    return "\n".join(lines)


class MeetingsScreen(CitizenRecordsScreen):
    """A citizen's meetings, newest first; the note of the one in focus below."""

    DEFAULT_CSS = """
    MeetingsScreen #meetings-title { padding: 0 1; background: $boost; }
    MeetingsScreen #meetings { height: 1fr; }
    MeetingsScreen #meeting-detail { height: auto; max-height: 14; padding: 0 1;
                                     border-top: solid $primary-background-lighten-2; }
    """
    BINDINGS = keys.bindings("meetings")
    HELP_TITLE = _("Meetings")

    TITLE_ID = "meetings-title"
    TABLE_ID = "meetings"
    BOXES = ("meeting-detail",)

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns(
            _("When"), _("Kind"), _("Status"), _("Place"), _("Decisions")
        )
        self.load()

    @safely
    def load(self, select_id: int | None = None) -> None:
        self.rows = meetings_of(self.citizen_id)
        table = self.query_one(DataTable)
        keep = table.cursor_row
        if select_id is not None:
            keep = next((i for i, m in enumerate(self.rows) if m.id == select_id), keep)
        table.clear()
        for m in self.rows:
            status = escape(domain.outcome_text(m.status, m.cancelled_by, ""))
            if m.status == MeetingStatus.PLANNED and m.starts_at.date() < self.app.today:
                status = _("[b red]{status}: record it[/]").format(status=status)
            table.add_row(
                show_datetime(m.starts_at),
                m.kind.label,
                status,
                m.place,
                " ".join(m.decisions.split())[:60],
                key=str(m.id),
            )
        if self.rows:
            table.move_cursor(row=min(keep, len(self.rows) - 1))
        self.query_one("#meetings-title", Static).update(
            _("[b]{name}[/b] · meetings ({count})").format(
                name=escape(self.citizen_name), count=len(self.rows)
            )
        )
        self.show_detail()

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        self.action_write_note()

    @safely
    def show_detail(self) -> None:
        box = self.query_one("#meeting-detail", Static)
        m = self.current()
        if m is None:
            box.update(
                _(
                    "No meetings yet. [b]W[/b] writes the note of a meeting held now; "
                    "[b]n[/b] plans one."
                )
            )
            return
        box.update(meeting_detail_text(domain.meeting_detail(m.id)))

    def open_note(self, meeting_id: int | None, kind: MeetingKind) -> None:
        """The note form, offering a kept draft of the same note first."""
        key = drafts.draft_key(NOTE_FORM, citizen=self.citizen_id, meeting=meeting_id)
        draft = drafts.load_draft(key)

        def push(values: dict | None) -> None:
            self.app.push_screen(
                NoteForm(
                    self.citizen_id,
                    self.citizen_name,
                    self.app.today,
                    meeting_id=meeting_id,
                    kind=kind,
                    initial=values,
                    restored=values is not None,
                ),
                lambda saved: saved and self.load(select_id=saved),
            )

        if draft is None or not isinstance(draft.values.get("fields"), dict):
            push(None)
            return

        def answered(restore: bool | None) -> None:
            if restore:
                push(draft.values["fields"])
            else:
                drafts.discard_draft(key)
                push(None)

        self.app.push_screen(
            ConfirmScreen(
                _("A draft of this note was kept on {when}. Restore it?").format(
                    when=show_datetime(draft.saved_at)
                ),
                yes=_("Restore"),
                no=_("Start afresh"),
            ),
            answered,
        )

    def action_write_note(self) -> None:
        m = self.current()
        if m is None or m.status in (
            MeetingStatus.NO_SHOW,
            MeetingStatus.CANCELLED,
            MeetingStatus.RESCHEDULED,
        ):
            if m is not None:
                self.notify(_("That meeting did not take place; W writes a new note."))
            return
        self.open_note(m.id, m.kind)

    @safely
    def action_view(self) -> None:
        m = self.current()
        if m is not None:
            self.app.push_screen(
                NoteViewScreen(self.citizen_name, meeting_detail_text(domain.meeting_detail(m.id)))
            )

    def action_new_note(self) -> None:
        self.open_note(None, MeetingKind.THREE_PARTY)

    def action_new_meeting(self) -> None:
        # The default day at 10:00, or the next time not already booked; the
        # mentor takes part in every meeting (the others depend on its kind).
        starts_at = domain.next_free_slot(
            datetime.combine(
                domain.default_next_meeting_date(self.citizen_id, self.app.today),
                datetime.min.time().replace(hour=10),
            )
        )
        people = domain.note_defaults(self.citizen_id, starts_at.date())
        initial = {
            "kind": MeetingKind.THREE_PARTY.value,
            "starts_at": starts_at,
            "status": MeetingStatus.PLANNED.value,
            "p_citizen": self.citizen_name,
            "p_mentor": people.mentor,
        }
        self.app.push_screen(
            MeetingForm(self.citizen_id, initial), lambda made: made and self.load(select_id=made)
        )

    def action_edit(self) -> None:
        m = self.current()
        if m is None:
            return
        current = domain.meeting_input(m.id)
        initial = {
            **current.model_dump(exclude={"participants"}),
            **participant_values(current.participants),
        }
        self.app.push_screen(
            MeetingForm(self.citizen_id, initial, m.id),
            lambda saved: saved and self.load(select_id=saved),
        )

    @safely
    def action_status(self, status: str) -> None:
        """o and c: a small dialog asks for the no-show's note, or who cancelled and why."""
        m = self.current()
        if m is None:
            return
        if m.status != MeetingStatus.PLANNED:
            self.notify(
                _(
                    "Only a planned meeting can become a no-show or be cancelled; "
                    "this one is {status}. e edits it."
                ).format(status=m.status.label)
            )
            return
        what = _("the meeting of {when}").format(when=show_datetime(m.starts_at))
        if MeetingStatus(status) == MeetingStatus.NO_SHOW:
            if m.starts_at.date() > self.app.today:
                self.notify(
                    _("The meeting on {when} has not taken place yet; c cancels it.").format(
                        when=show_datetime(m.starts_at)
                    ),
                    severity="warning",
                )
                return
            self.app.push_screen(NoShowScreen(what), lambda note: self._no_show(m, note))
        else:
            self.app.push_screen(CancelMeetingScreen(what), lambda data: self._cancelled(m, data))

    @safely
    def _no_show(self, m, note: str | None) -> None:
        if note is None:
            return
        domain.record_no_show(m.id, note)
        self.load(select_id=m.id)
        self.notify(_("{when}: no-show recorded.").format(when=show_datetime(m.starts_at)))

    @safely
    def _cancelled(self, m, data: domain.CancellationIn | None) -> None:
        if data is None:
            return
        domain.cancel_meeting(m.id, data)
        self.load(select_id=m.id)
        self.notify(
            _("{when}: cancelled by {who}.").format(
                when=show_datetime(m.starts_at), who=data.cancelled_by.label
            )
        )

    @safely
    def action_reschedule(self) -> None:
        m = self.current()
        if m is None or m.status != MeetingStatus.PLANNED:
            return
        domain.set_status(m.id, MeetingStatus.RESCHEDULED)
        current = domain.meeting_input(m.id)
        initial = {
            **current.model_dump(exclude={"participants", "status"}),
            **participant_values(current.participants),
            "status": MeetingStatus.PLANNED.value,
        }
        self.load(select_id=m.id)
        self.app.push_screen(
            MeetingForm(self.citizen_id, initial), lambda made: made and self.load(select_id=made)
        )

    def action_delete(self) -> None:
        m = self.current()
        if m is None:
            return

        def delete() -> None:
            domain.delete_meeting(m.id)
            self.load()

        confirm_then(
            self,
            _("Delete the meeting of {when} with its note?").format(
                when=show_datetime(m.starts_at)
            ),
            delete,
        )


class NoteViewScreen(BackHelpScreen):
    """A meeting's whole note, to read (the box under the list shows its start)."""

    DEFAULT_CSS = """
    NoteViewScreen #note-view-title { padding: 0 1; background: $boost; }
    NoteViewScreen #note-view { height: 1fr; padding: 0 1; }
    """
    HELP_TITLE = _("The meeting's note")
    BINDINGS = keys.bindings("note_view")

    def __init__(self, name: str, text: str) -> None:
        super().__init__()
        self.citizen_name = name
        self.text = text

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            _("[b]{name}[/b] · the meeting's note").format(name=escape(self.citizen_name)),
            id="note-view-title",
        )
        with VerticalScroll(id="note-view"):
            yield Static(self.text)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#note-view").focus()


class RestoreDraftsScreen(ModalScreen[None]):
    """At start: notes and other texts that were being written when mentorterm stopped."""

    DEFAULT_CSS = """
    RestoreDraftsScreen { align: center middle; }
    RestoreDraftsScreen > Vertical { width: 90; max-width: 100%; height: auto;
        border: thick $warning; background: $surface; padding: 0 1; }
    RestoreDraftsScreen DataTable { height: auto; max-height: 12; }
    """
    BINDINGS = keys.bindings("restore_drafts")

    def __init__(self, pending: list[drafts.DraftView]) -> None:
        super().__init__()
        self.pending = pending

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                _(
                    "[b]Unsaved texts were kept[/b] when mentorterm last stopped. "
                    "[b]r[/b] or enter restores the one in focus, word for word, in "
                    "its own form; [b]d[/b] discards it; [b]escape[/b] keeps them for "
                    "later (they come back when you open the form)."
                )
            )
            table = DataTable(cursor_type="row", id="drafts")
            table.add_columns(_("Kept"), _("Draft"))
            for draft in self.pending:
                title = draft.title
                if draft.citizen_name and draft.citizen_name not in title:
                    title = f"{draft.citizen_name} · {title}"
                table.add_row(show_datetime(draft.saved_at), Text(title), key=draft.key)
            yield table

    @safely
    def on_mount(self) -> None:
        from ..domain.audit import ViewLog

        # The list names each citizen: one read each, as every list of citizens logs.
        ViewLog("kept_drafts", "kept unsaved texts offered").saw(
            draft.citizen_id for draft in self.pending
        )

    def _current(self) -> drafts.DraftView | None:
        table = self.query_one(DataTable)
        return self.pending[table.cursor_row] if self.pending else None

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        self.action_restore()

    def action_restore(self) -> None:
        draft = self._current()
        if draft is None:
            return
        self.dismiss(None)
        from .drafts import restore_kept

        restore_kept(self.app, draft)

    def action_discard(self) -> None:
        draft = self._current()
        if draft is None:
            return

        def discard() -> None:
            drafts.discard_draft(draft.key)
            self.pending.remove(draft)
            if not self.pending:
                self.dismiss(None)
                return
            self.query_one(DataTable).remove_row(draft.key)

        confirm_then(
            self,
            _("Throw away the kept draft “{title}”?").format(title=draft.title),
            discard,
            yes=_("Discard"),
        )

    def action_later(self) -> None:
        self.dismiss(None)
