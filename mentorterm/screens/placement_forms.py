"""Forms of a placement: the agreement, an hours step, the end."""

from __future__ import annotations

from datetime import date

from pydantic import ValidationError
from textual import on
from textual.widgets import Input

from ..domain import placements as domain
from ..enums import PlacementKind
from ..i18n import _
from ..schemas import (
    HoursStepIn,
    NewPlacementIn,
    PlacementEndIn,
    PlacementIn,
    parse_number_text,
)
from ..widgets.confirm import ConfirmScreen
from ..widgets.fields import FieldSpec
from ..widgets.form import FormScreen
from .workplace_picker import FindsWorkplace


class AsksAboutScheduleHours:
    """A form with hours a week and a schedule: when the schedule states other
    hours ("3 x 3 h" = 9 h, the hours field says 4), saving asks first."""

    HOURS_FIELD = "hours_per_week"
    SCHEDULE_FIELD = "schedule"

    def schedule_question(self) -> str | None:
        values = self.values()
        if self.HOURS_FIELD not in values:
            return None
        try:
            hours = parse_number_text(values[self.HOURS_FIELD])
        except Exception:  # not a number: the form's own check says so
            return None
        if hours is None:
            return None
        return domain.schedule_question(hours, values.get(self.SCHEDULE_FIELD) or "")

    def action_save(self) -> None:
        try:  # a field the form refuses is shown first; the question comes after
            self.MODEL.model_validate(self.model_data(self.values()))
        except ValidationError:
            question = None
        else:
            question = self.schedule_question()
        if question is None:
            super().action_save()
            return

        def answered(save: bool | None) -> None:
            if save:
                FormScreen.action_save(self)
            else:
                self.query_one(f"#f-{self.HOURS_FIELD}").focus()

        self.app.push_screen(
            ConfirmScreen(question, yes=_("Save anyway"), no=_("Change it")), answered
        )


class PlacementForm(FindsWorkplace, AsksAboutScheduleHours, FormScreen[int]):
    TITLE = _("New placement")
    MODEL = PlacementIn
    RECORD = ("placement", "placement_id")
    FIELDS = [
        FieldSpec("kind", _("Kind"), "select", options=PlacementKind.choices(), required=True),
        FieldSpec("workplace", _("Workplace"), required=True),
        FieldSpec("start_date", _("Starts on"), "date", required=True),
        FieldSpec("end_date", _("Planned end"), "date"),
        FieldSpec("supervisor_name", _("Placement supervisor")),
        FieldSpec("supervisor_contact", _("Supervisor's phone / e-mail")),
        FieldSpec("company_consultant", _("Company consultant")),
        FieldSpec("work_functions", _("Work functions"), "area"),
        FieldSpec("training_goals", _("Training goals"), "area"),
        FieldSpec(
            "accommodations",
            _("Accommodations"),
            "area",
            hint=_("e.g. no heavy lifting; start after 10:00; may leave if overwhelmed"),
        ),
        FieldSpec("aids", _("Aids"), "area"),
        FieldSpec("support_on_site", _("Support on site"), "area"),
        FieldSpec("follow_up_frequency", _("Follow-up"), hint=_("e.g. monthly three-party")),
        FieldSpec("paid_hours_next_discussed", _("Paid hours next discussed"), "date"),
    ]

    # A new placement takes its first hours step in the same form, from its start.
    FIRST_STEP = [
        FieldSpec(
            "first_step_hours",
            _("Hours a week at first"),
            "number",
            hint=_("Later steps: enter on the placement, then n"),
        ),
        FieldSpec(
            "first_step_schedule", _("Schedule"), hint=_("e.g. 2 x 2 h Tue+Thu, or 5 x 3 h Mon-Fri")
        ),
        FieldSpec(
            "first_step_from",
            _("Hours from"),
            "date",
            hint=_("The placement's start, unless you change it"),
        ),
    ]
    HOURS_FIELD = "first_step_hours"
    SCHEDULE_FIELD = "first_step_schedule"

    def __init__(
        self,
        citizen_id: int,
        today: date,
        placement_id: int | None = None,
        initial: dict | None = None,
    ) -> None:
        title = _("Edit placement") if placement_id is not None else None
        super().__init__(initial or {"start_date": today, "first_step_from": today}, title)
        self.citizen_id = citizen_id
        self.placement_id = placement_id
        if placement_id is None:
            self.MODEL = NewPlacementIn
        self.step_follows_start = True

    def fields(self) -> list[FieldSpec]:
        if self.placement_id is not None:
            return self.FIELDS
        at = next(i for i, spec in enumerate(self.FIELDS) if spec.name == "end_date") + 1
        return [*self.FIELDS[:at], *self.FIRST_STEP, *self.FIELDS[at:]]

    def on_mount(self) -> None:
        self.start_finding(self.placement_id)

    @on(Input.Changed, "#f-workplace")
    def _workplace_changed(self, event: Input.Changed) -> None:
        self.workplace_typed(event.value, typed=self.focused is event.input)

    @on(Input.Changed, "#f-start_date")
    def _start_changed(self, event: Input.Changed) -> None:
        if self.placement_id is None and self.step_follows_start:
            self.query_one("#f-first_step_from", Input).value = event.value

    @on(Input.Changed, "#f-first_step_from")
    def _step_from_changed(self, event: Input.Changed) -> None:
        if self.focused is event.input:  # typed by hand: it no longer follows the start
            self.step_follows_start = False

    def submit(self, data: PlacementIn) -> int:
        if self.placement_id is None:
            return domain.create_placement(
                self.citizen_id,
                data.placement(),
                first_step=data.first_step(),
                site_id=self.site_id,
            )
        domain.update_placement(self.placement_id, data, site_id=self.site_id)
        return self.placement_id


class HoursStepForm(AsksAboutScheduleHours, FormScreen[int]):
    TITLE = _("New hours step")
    MODEL = HoursStepIn
    RECORD = ("hours_step", "step_id")
    FIELDS = [
        FieldSpec("from_date", _("From"), "date", required=True),
        FieldSpec("hours_per_week", _("Hours a week"), "number", required=True),
        FieldSpec("schedule", _("Schedule"), hint=_("e.g. 2 x 2 h Tue+Thu, or 5 x 3 h Mon-Fri")),
    ]

    def __init__(
        self, placement_id: int, today: date, workplace: str = "", step_id: int | None = None
    ) -> None:
        self.placement_id = placement_id
        self.step_id = step_id
        if step_id is not None:
            initial = domain.hours_step_input(step_id).model_dump()
            title = (
                _("Correct the hours step · {workplace}").format(workplace=workplace)
                if workplace
                else _("Correct the hours step")
            )
        else:
            placement = domain.placement_view(placement_id)
            # The first step starts with the placement; a later one today.
            first = placement.start_date if not placement.hours_steps else today
            initial = {"from_date": first}
            title = (
                _("New hours step · {workplace}").format(workplace=workplace) if workplace else None
            )
        super().__init__(initial, title)

    def submit(self, data: HoursStepIn) -> int:
        if self.step_id is not None:
            domain.update_hours_step(self.step_id, data)
            return self.step_id
        return domain.add_hours_step(self.placement_id, data)


class EndPlacementForm(FormScreen[bool]):
    TITLE = _("End the placement")
    MODEL = PlacementEndIn
    RECORD = ("placement", "placement_id")
    FIELDS = [
        FieldSpec("end_date", _("Ended on"), "date", required=True),
        FieldSpec("end_reason", _("Why it ended"), "area"),
    ]

    def __init__(self, placement_id: int, today: date) -> None:
        super().__init__({"end_date": today})
        self.placement_id = placement_id

    def submit(self, data: PlacementEndIn) -> bool:
        domain.end_placement(self.placement_id, data)
        return True
