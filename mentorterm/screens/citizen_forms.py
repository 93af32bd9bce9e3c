"""Forms for citizens and their courses."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ..domain import citizens, courses
from ..domain.errors import user_message
from ..enums import CourseOutcome, CoursePurpose
from ..format import show_date
from ..i18n import _
from ..schemas import CitizenIn, CourseEndIn, CourseExtensionIn, CourseIn
from .forms import FieldSpec, FormScreen


class CitizenForm(FormScreen[int]):
    """Create a citizen, or edit one (``citizen_id`` given)."""

    TITLE = _("New citizen")
    MODEL = CitizenIn
    FIELDS = [
        FieldSpec("name", _("Name"), required=True,
                  hint=_("A pseudonym or initials is fine.")),
        FieldSpec("phone", _("Phone")),
        FieldSpec("email", _("E-mail")),
        FieldSpec("address", _("Address"), "area"),
        FieldSpec("caseworker_name", _("Caseworker")),
        FieldSpec("caseworker_phone", _("Caseworker's phone")),
        FieldSpec("caseworker_email", _("Caseworker's e-mail")),
        FieldSpec("jobcenter", _("Jobcenter")),
        FieldSpec("interpreter_needed", _("Needs an interpreter"), "bool"),
        FieldSpec("interpreter_language", _("Interpreter's language")),
        FieldSpec("job_goal", _("Job goal"), "area"),
        FieldSpec("job_wish_1", _("Job wish 1 (first priority)")),
        FieldSpec("job_wish_2", _("Job wish 2")),
        FieldSpec("job_wish_3", _("Job wish 3")),
        FieldSpec("accommodations", _("Accommodations"), "area",
                  hint=_("e.g. no heavy lifting; start after 10:00; quiet room")),
        FieldSpec("aids", _("Aids"), "area"),
        FieldSpec("parallel_efforts", _("Parallel efforts"), "area",
                  hint=_("psychiatry, addiction treatment, doctor, …")),
        FieldSpec("notes", _("Notes"), "area"),
    ]

    def __init__(self, citizen_id: int | None = None) -> None:
        initial = None
        title = None
        if citizen_id is not None:
            initial = citizens.citizen_input(citizen_id).model_dump()
            title = _("Edit {name}").format(name=initial["name"])
        super().__init__(initial, title)
        self.citizen_id = citizen_id

    def model_data(self, values: dict[str, Any]) -> dict[str, Any]:
        data = super().model_data(values)
        if self.citizen_id is not None:
            data["archived_on"] = self.initial.get("archived_on")
        return data

    def submit(self, data: CitizenIn) -> int:
        if self.citizen_id is None:
            return citizens.create_citizen(data)
        citizens.update_citizen(self.citizen_id, data)
        return self.citizen_id


def _course_fields() -> list[FieldSpec]:
    return [
        FieldSpec("purpose", _("Purpose"), "select", options=CoursePurpose.choices(),
                  required=True),
        FieldSpec("referral_date", _("Referred on"), "date", required=True),
        FieldSpec("start_date", _("Starts on"), "date", required=True),
        FieldSpec("planned_end", _("Planned end"), "date", required=True,
                  hint=_("Filled in for 13 weeks; 26 weeks is start + 181 days.")),
        FieldSpec("weekly_hours", _("Hours a week"), hint=_("A band, e.g. 4-6, 12 or 16.")),
        FieldSpec("programme", _("Programme")),
        FieldSpec("meeting_cadence_days", _("Meet every … days"), "number"),
    ]


class CourseForm(FormScreen[int]):
    """Start a course: the first referral, or referring the citizen again."""

    TITLE = _("Start a course")
    MODEL = CourseIn

    def __init__(self, citizen_id: int, name: str, again: bool, today: date) -> None:
        title = (_("Refer {name} again: a new course") if again
                 else _("Start a course for {name}")).format(name=name)
        super().__init__({"referral_date": today, "start_date": today,
                          "planned_end": today + timedelta(days=90),
                          "meeting_cadence_days": 14}, title)
        self.citizen_id = citizen_id

    def fields(self) -> list[FieldSpec]:
        return _course_fields()

    def submit(self, data: CourseIn) -> int:
        return courses.start_course(self.citizen_id, data)


class ExtendCourseForm(FormScreen[int]):
    TITLE = _("Extend the course")
    MODEL = CourseExtensionIn
    FIELDS = [
        FieldSpec("new_end", _("New end"), "date", required=True),
        FieldSpec("decided_on", _("Decided on"), "date", required=True),
        FieldSpec("reason", _("Reason"), "area"),
    ]

    def __init__(self, course_id: int, current_end: date, today: date) -> None:
        super().__init__({"decided_on": today},
                         _("Extend the course (now ends {end})").format(end=show_date(current_end)))
        self.course_id = course_id

    def submit(self, data: CourseExtensionIn) -> int:
        return courses.extend_course(self.course_id, data)


class EndCourseForm(FormScreen[bool]):
    TITLE = _("End the course")
    MODEL = CourseEndIn
    FIELDS = [
        FieldSpec("outcome", _("Outcome"), "select", options=CourseOutcome.choices(),
                  required=True),
        FieldSpec("end_date", _("Ended on"), "date", required=True),
        FieldSpec("end_note", _("Note"), "area"),
    ]

    def __init__(self, course_id: int, today: date) -> None:
        super().__init__({"end_date": today})
        self.course_id = course_id

    def submit(self, data: CourseEndIn) -> bool:
        courses.end_course(self.course_id, data)
        return True


class DeleteCitizenScreen(ModalScreen[bool]):
    """Deleting is final: the mentor types the citizen's name to confirm."""

    DEFAULT_CSS = """
    DeleteCitizenScreen { align: center middle; }
    DeleteCitizenScreen > Vertical {
        width: 70; max-width: 100%; height: auto; border: thick $error;
        background: $surface; padding: 1 2;
    }
    DeleteCitizenScreen #delete-error { color: $error; }
    """
    BINDINGS = [Binding("escape", "cancel", _("Cancel"))]

    def __init__(self, citizen_id: int, name: str) -> None:
        super().__init__()
        self.citizen_id = citizen_id
        self.citizen_name = name

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(_(
                "[b]Delete {name} and every record about them?[/b]\n\n"
                "Courses, sub-goals and scores, placements and logbook, meetings and "
                "notes are all deleted. This cannot be undone.\n\n"
                "Type the name to confirm, then press enter:"
            ).format(name=self.citizen_name))
            yield Input(placeholder=self.citizen_name, id="confirm-name")
            yield Static(id="delete-error")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        try:
            citizens.delete_citizen(self.citizen_id, event.value)
        except Exception as exc:  # a wrong name, or the database said no
            message = user_message(exc)
            if message is None:
                raise
            self.query_one("#delete-error", Static).update(message)
            return
        self.app.deleted_citizens.add(self.citizen_id)
        self.app.notify(_("{name} and all their records were deleted.").format(
            name=self.citizen_name))
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
