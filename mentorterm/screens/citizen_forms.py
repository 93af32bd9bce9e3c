"""Forms for citizens and their courses.

The access export and deleting a citizen live in citizen_files and are
re-exported here.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic_core import PydanticCustomError
from textual import on
from textual.widgets import Input

from ..domain import citizens, courses
from ..enums import CourseOutcome, CoursePurpose
from ..format import show_date
from ..i18n import _
from ..schemas import (
    CitizenIn,
    CourseEndIn,
    CourseExtensionIn,
    CourseIn,
    parse_date_text,
)
from ..widgets.fields import FieldSpec
from ..widgets.form import FormScreen
from ..widgets.markup import escape as plain
from .citizen_files import (
    AccessExportForm as AccessExportForm,
)
from .citizen_files import (
    DeleteCitizenScreen as DeleteCitizenScreen,
)
from .citizen_files import (
    access_file_stem as access_file_stem,
)
from .citizen_files import (
    all_backups_text as all_backups_text,
)
from .citizen_files import (
    backups_text as backups_text,
)


class CitizenForm(FormScreen[int]):
    """Create a citizen, or edit one (``citizen_id`` given)."""

    TITLE = _("New citizen")
    MODEL = CitizenIn
    RECORD = ("citizen", "citizen_id")
    FIELDS = [
        FieldSpec("name", _("Name"), required=True, hint=_("A pseudonym or initials is fine.")),
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
        FieldSpec(
            "accommodations",
            _("Accommodations"),
            "area",
            hint=_("e.g. no heavy lifting; start after 10:00; quiet room"),
        ),
        FieldSpec("aids", _("Aids"), "area"),
        FieldSpec(
            "parallel_efforts",
            _("Parallel efforts"),
            "area",
            hint=_("psychiatry, addiction treatment, doctor, …"),
        ),
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
        FieldSpec(
            "purpose", _("Purpose"), "select", options=CoursePurpose.choices(), required=True
        ),
        FieldSpec("referral_date", _("Referred on"), "date", required=True),
        FieldSpec("start_date", _("Starts on"), "date", required=True),
        FieldSpec(
            "weeks", _("Length in weeks"), "number", hint=_("e.g. 13 or 26: sets the planned end.")
        ),
        FieldSpec(
            "planned_end",
            _("Planned end"),
            "date",
            required=True,
            hint=_("Follows start and length until typed here."),
        ),
        FieldSpec("weekly_hours", _("Hours a week"), hint=_("A band, e.g. 4-6, 12 or 16.")),
        FieldSpec("programme", _("Programme")),
        FieldSpec("meeting_cadence_days", _("Meet every … days"), "number"),
    ]


class _PlainErrors:
    """Refusals name records (a workplace, a reason): shown as text, never as markup."""

    def show_errors(self, errors: dict[str, str]) -> None:
        super().show_errors({k: plain(v) for k, v in errors.items()})  # type: ignore[misc]


def _parse_weeks(text: str) -> int | None:
    text = (text or "").strip()
    if not text.isdigit() or not 1 <= int(text) <= 156:
        return None
    return int(text)


class _CourseFields(_PlainErrors, FormScreen[Any]):
    """A course's fields, with the planned end offered from the start and the length.

    The planned end follows a changed start or length until the mentor edits
    it by hand (the length then shows what the typed end makes; typing a
    length again makes the end follow again). An edited course whose planned
    end is not a whole number of weeks after its start keeps it as saved.
    """

    MODEL = CourseIn

    def __init__(self, initial: dict[str, Any], title: str) -> None:
        weeks = courses.weeks_of(initial["start_date"], initial["planned_end"])
        super().__init__({**initial, "weeks": weeks}, title)
        self.end_by_hand = weeks is None
        self.offered_end = show_date(initial["planned_end"])
        self.shown_weeks = "" if weeks is None else str(weeks)

    def fields(self) -> list[FieldSpec]:
        return _course_fields()

    def model_data(self, values: dict[str, Any]) -> dict[str, Any]:
        data = super().model_data(values)
        data.pop("weeks", None)  # a help for the planned end, not saved
        return data

    def _start(self) -> date | None:
        try:
            day = parse_date_text(self.query_one("#f-start_date", Input).value)
        except PydanticCustomError:  # half-typed
            return None
        return day if isinstance(day, date) else None

    def _offer_end(self) -> None:
        if self.end_by_hand:
            return
        weeks = _parse_weeks(self.query_one("#f-weeks", Input).value)
        start = self._start()
        if weeks is None or start is None:
            return
        self.offered_end = show_date(courses.planned_end_for(start, weeks))
        planned = self.query_one("#f-planned_end", Input)
        if planned.value != self.offered_end:
            planned.value = self.offered_end

    @on(Input.Changed, "#f-start_date")
    def _start_changed(self, event: Input.Changed) -> None:
        if self.end_by_hand:
            self._show_length()
        self._offer_end()

    @on(Input.Changed, "#f-weeks")
    def _weeks_changed(self, event: Input.Changed) -> None:
        if event.value == self.shown_weeks:
            return  # written by _show_length, not typed
        self.end_by_hand = False  # a length typed: the planned end follows it again
        self._offer_end()

    @on(Input.Changed, "#f-planned_end")
    def _end_changed(self, event: Input.Changed) -> None:
        if event.value != self.offered_end:
            self.end_by_hand = True
            self._show_length()

    def _show_length(self) -> None:
        """A planned end typed by hand: the length shows what it makes (empty if no weeks)."""
        start = self._start()
        try:
            end = parse_date_text(self.query_one("#f-planned_end", Input).value)
        except PydanticCustomError:
            end = None
        weeks = courses.weeks_of(start, end) if start and isinstance(end, date) else None
        self.shown_weeks = "" if weeks is None else str(weeks)
        field = self.query_one("#f-weeks", Input)
        if field.value != self.shown_weeks:
            field.value = self.shown_weeks

    def action_save(self) -> None:
        text = self.query_one("#f-weeks", Input).value.strip()
        if text and _parse_weeks(text) is None:
            self.show_errors(
                {"weeks": _("Write the length as whole weeks, e.g. 13 or 26 (or leave it empty).")}
            )
            return
        super().action_save()


class CourseForm(_CourseFields):
    """Start a course: the first referral, or referring the citizen again."""

    TITLE = _("Start a course")

    def __init__(self, citizen_id: int, name: str, again: bool, today: date) -> None:
        title = (
            _("Refer {name} again: a new course") if again else _("Start a course for {name}")
        ).format(name=name)
        super().__init__(
            {
                "referral_date": today,
                "start_date": today,
                "planned_end": courses.planned_end_for(today, 13),
                "meeting_cadence_days": 14,
            },
            title,
        )
        self.citizen_id = citizen_id

    def submit(self, data: CourseIn) -> int:
        return courses.start_course(self.citizen_id, data)


class CourseEditForm(_CourseFields):
    """Correct a saved course: every field, prefilled; the change is audited old → new."""

    RECORD = ("course", "course_id")

    TITLE = _("Correct the course")

    def __init__(self, course_id: int, name: str) -> None:
        super().__init__(
            courses.course_input(course_id),
            _("Correct the course of {name}").format(name=plain(name)),
        )
        self.course_id = course_id

    def submit(self, data: CourseIn) -> bool:
        return courses.update_course(self.course_id, data)


class ExtendCourseForm(FormScreen[int]):
    TITLE = _("Extend the course")
    MODEL = CourseExtensionIn
    FIELDS = [
        FieldSpec("new_end", _("New end"), "date", required=True),
        FieldSpec("decided_on", _("Decided on"), "date", required=True),
        FieldSpec("reason", _("Reason"), "area"),
    ]

    def __init__(self, course_id: int, current_end: date, today: date) -> None:
        super().__init__(
            {"decided_on": today},
            _("Extend the course (now ends {end})").format(end=show_date(current_end)),
        )
        self.course_id = course_id

    def submit(self, data: CourseExtensionIn) -> int:
        return courses.extend_course(self.course_id, data)


class ExtensionEditForm(_PlainErrors, FormScreen[bool]):
    """Correct an extension (decided on, new end, reason); audited old → new."""

    TITLE = _("Correct the extension")
    MODEL = CourseExtensionIn
    RECORD = ("course_extension", "extension_id")
    FIELDS = ExtendCourseForm.FIELDS

    def __init__(self, extension_id: int) -> None:
        super().__init__(courses.extension_input(extension_id))
        self.extension_id = extension_id

    def submit(self, data: CourseExtensionIn) -> bool:
        return courses.update_extension(self.extension_id, data)


class EndCourseForm(_PlainErrors, FormScreen[bool]):
    """End a running course, or correct the end of an ended one (``correcting``).

    No outcome is chosen for the mentor: how a course ended is a fact the
    caseworker reads, and a preselected one gets saved unread.
    """

    TITLE = _("End the course")
    MODEL = CourseEndIn
    RECORD = ("course", "course_id")
    FIELDS = [
        # Not `required`: a required select cannot be blank, and a blank one
        # is the point. The star is in the label; the model requires it.
        FieldSpec("outcome", _("Outcome") + " *", "select", options=CourseOutcome.choices()),
        FieldSpec("end_date", _("Ended on"), "date", required=True),
        FieldSpec("end_note", _("Note"), "area"),
    ]

    def __init__(self, course_id: int, today: date, initial: dict[str, Any] | None = None) -> None:
        self.correcting = initial is not None
        super().__init__(
            initial or {"end_date": today},
            _("Correct the end of the course") if self.correcting else None,
        )
        self.course_id = course_id

    def show_errors(self, errors: dict[str, str]) -> None:
        if "outcome" in errors and not self.values().get("outcome"):
            errors = {
                **errors,
                "outcome": _("Choose how the course ended: nothing is chosen for you."),
            }
        super().show_errors(errors)

    def submit(self, data: CourseEndIn) -> bool:
        if self.correcting:
            return courses.update_end(self.course_id, data)
        courses.end_course(self.course_id, data)
        return True
