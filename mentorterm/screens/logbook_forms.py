"""Forms of a logbook day: the day itself, left early, the reason for an absence."""

from __future__ import annotations

from ..domain import logbook as domain
from ..domain.identity import mentor_identity
from ..domain.placements import placement_view
from ..enums import Attendance, Author
from ..format import show_date
from ..i18n import _
from ..schemas import LogbookEntryIn
from ..widgets.fields import FieldSpec
from ..widgets.form import FormScreen


class LeftEarlyForm(FormScreen[bool]):
    """The citizen came but went home early: why, and how many hours were worked."""

    TITLE = _("Left early")
    MODEL = LogbookEntryIn
    RECORD = ("logbook_entry", "entry_id")
    FIELDS = [
        FieldSpec("left_early_reason", _("Why?"), required=True),
        FieldSpec("hours_worked", _("Hours worked"), "number", required=True),
    ]

    def __init__(self, entry_id: int) -> None:
        self.entry_id = entry_id
        self.current = domain.entry_input(entry_id)
        super().__init__(
            {"hours_worked": self.current.hours_worked / 2 if self.current.hours_worked else 0}
        )

    def model_data(self, values):
        data = self.current.model_dump()
        data.update(super().model_data(values))
        data.update(attendance=Attendance.PRESENT, left_early=True, absence_reason="")
        return data

    def submit(self, data: LogbookEntryIn) -> bool:
        domain.update_entry(self.entry_id, data)
        return True


class ReasonForm(FormScreen[bool]):
    """Why the citizen was away on a day already marked sick or absent."""

    TITLE = _("Reason for the absence")
    MODEL = LogbookEntryIn
    RECORD = ("logbook_entry", "entry_id")
    FIELDS = [
        FieldSpec(
            "absence_reason",
            _("Why?"),
            required=True,
            hint=_("In the citizen's words, e.g. migraine, child ill, dentist"),
        )
    ]

    def __init__(self, entry_id: int) -> None:
        self.entry_id = entry_id
        self.current = domain.entry_input(entry_id)
        super().__init__(
            {"absence_reason": self.current.absence_reason},
            _("Why was the citizen away on {day}? ({kind})").format(
                day=show_date(self.current.entry_date), kind=self.current.attendance.label
            ),
        )

    def model_data(self, values):
        data = self.current.model_dump()
        data.update(super().model_data(values))
        return data

    def submit(self, data: LogbookEntryIn) -> bool:
        domain.update_entry(self.entry_id, data)
        return True


class LogbookEntryForm(FormScreen[int]):
    """Every field of a logbook day: a new day of the mentor's choosing, or an edit."""

    TITLE = _("Logbook day")
    MODEL = LogbookEntryIn
    RECORD = ("logbook_entry", "entry_id")
    FIELDS = [
        FieldSpec("entry_date", _("Day"), "date", required=True),
        FieldSpec(
            "attendance", _("Attendance"), "select", options=Attendance.choices(), required=True
        ),
        FieldSpec("hours_planned", _("Hours planned"), "number"),
        FieldSpec("hours_worked", _("Hours worked"), "number"),
        FieldSpec(
            "absence_reason",
            _("Reason for the absence"),
            hint=_("Only for a day away: sick, with or without notice"),
        ),
        FieldSpec("left_early", _("Left early"), "bool"),
        FieldSpec("left_early_reason", _("Why did they leave early?")),
        FieldSpec("tasks", _("Tasks"), "area"),
        FieldSpec("breaks", _("Breaks")),
        FieldSpec("energy", _("Energy (1-10)"), "number"),
        FieldSpec("pain", _("Pain (1-10)"), "number"),
        FieldSpec(
            "life_after_work",
            _("Life after work"),
            "area",
            hint=_("How the rest of the day went: rest, family, sleep"),
        ),
        FieldSpec("notes", _("Notes"), "area"),
        FieldSpec("written_by", _("Written by"), "select", options=Author.choices(), required=True),
    ]

    def __init__(
        self, placement_id: int, entry_id: int | None = None, initial: dict | None = None
    ) -> None:
        self.placement_id = placement_id
        self.entry_id = entry_id
        title = (
            _("Edit the logbook day {day}").format(day=show_date(initial["entry_date"]))
            if entry_id is not None and initial
            else _("New logbook day")
        )
        super().__init__(initial, title)

    def fields(self) -> list[FieldSpec]:
        mentor = mentor_name()
        if not mentor:
            return self.FIELDS
        # "Mentor (Anna Holm)": the mentor sees their own name among the authors.
        options = [
            (author_label(Author(value), mentor), value) for _label, value in Author.choices()
        ]
        return [
            FieldSpec(
                spec.name,
                spec.label,
                spec.kind,
                options,
                spec.placeholder,
                spec.hint,
                spec.required,
            )
            if spec.name == "written_by"
            else spec
            for spec in self.FIELDS
        ]

    def draft_title(self) -> str:
        day = self.values().get("entry_date") or ""
        try:
            workplace = placement_view(self.placement_id).workplace
        except Exception:  # the title is a help, not a must
            workplace = ""
        return " · ".join(
            part for part in (_("Logbook day {day}").format(day=day), workplace) if part
        )

    def submit(self, data: LogbookEntryIn) -> int:
        if self.entry_id is None:
            return domain.add_entry(self.placement_id, data)
        domain.update_entry(self.entry_id, data)
        return self.entry_id


def mentor_name() -> str:
    """The mentor's own name from the settings ("" until they have said it)."""
    return mentor_identity().name


def author_label(author: Author, mentor: str = "") -> str:
    """Who wrote a day: "Mentor (Anna Holm)" once the mentor's name is known."""
    if author == Author.MENTOR and mentor:
        return _("Mentor ({name})").format(name=mentor)
    return author.label
