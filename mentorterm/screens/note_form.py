"""The follow-up note written during or right after a meeting, kept as a draft while typed.

The note form keeps what is typed as a draft (half a second after the last
key, at most 2 s after a change while typing goes on): if the terminal is
closed or the laptop dies mid-note, the next start offers it back word for
word. Saving the note deletes the draft in the same transaction.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from textual import on
from textual.widgets import (
    Checkbox,
    Input,
    Select,
    Static,
    TextArea,
)

from .. import keys
from ..domain import drafts
from ..domain import meetings as domain
from ..domain.subgoals import sub_goal_rows
from ..enums import AftercareSituation, MeetingKind, MeetingStatus
from ..format import days_ago, show_datetime
from ..i18n import _
from ..schemas import MeetingIn
from ..widgets.confirm import DiscardScreen
from ..widgets.draft_timer import DraftTimer
from ..widgets.fields import FieldSpec
from ..widgets.form import FormScreen
from ..widgets.guard import safely
from ..widgets.markup import escape
from ..widgets.pick import PickScreen
from .note_mapping import (
    ACTION_ROWS,
    NOTE_FORM,
    error_field,
    note_data,
    participant_fields,
    planned_values,
)


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


def aftercare_fields(kind: MeetingKind) -> list[FieldSpec]:
    """An aftercare follow-up asks where the citizen stands (the year's figures count it)."""
    if kind != MeetingKind.AFTERCARE:
        return []
    return [
        FieldSpec(
            "aftercare_situation",
            _("Where the citizen stands now"),
            "select",
            options=AftercareSituation.choices(),
            hint=_("Recorded when the follow-up is held; the year's figures count it"),
        )
    ]


class NoteForm(FormScreen[int]):
    """The follow-up note: the points, decisions, an hours change, agreements, next date."""

    MODEL = domain.MeetingNoteIn
    RECORD = ("meeting", "meeting_id")
    BINDINGS = keys.bindings("note_form")
    KEEPS_DRAFTS = False  # the note keeps its own draft, removed in save_note's transaction
    CSS_PATH = "note_form.tcss"

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
            values.update(planned_values(domain.meeting_input(self.meeting_id)))
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
            *aftercare_fields(self.kind),
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
        return note_data(values, self.defaults.placement_id)

    def show_errors(self, errors: dict[str, str]) -> None:
        # The note is nested: each problem goes under the field the mentor typed it in.
        flat: dict[str, str] = {}
        for location, message in errors.items():
            flat.setdefault(error_field(location), message)
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
