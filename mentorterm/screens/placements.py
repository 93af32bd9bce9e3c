"""A citizen's placements: the individual agreement and its hours steps."""

from __future__ import annotations

from datetime import date

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Footer, Header, Input, Static

from .. import keys
from ..domain import placements as domain
from ..domain.overview import placements_of
from ..enums import PlacementKind
from ..format import show_date, show_hours
from ..i18n import _
from ..schemas import (
    HoursStepIn,
    NewPlacementIn,
    PlacementEndIn,
    PlacementIn,
    parse_number_text,
)
from ..widgets.confirm import ConfirmScreen, confirm_then
from ..widgets.fields import FieldSpec
from ..widgets.form import FormScreen
from ..widgets.guard import safely
from ..widgets.lists import BackHelpScreen, CitizenRecordsScreen
from ..widgets.markup import escape


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


class PlacementForm(AsksAboutScheduleHours, FormScreen[int]):
    TITLE = _("New placement")
    MODEL = PlacementIn
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
                self.citizen_id, data.placement(), first_step=data.first_step()
            )
        domain.update_placement(self.placement_id, data)
        return self.placement_id


class HoursStepForm(AsksAboutScheduleHours, FormScreen[int]):
    TITLE = _("New hours step")
    MODEL = HoursStepIn
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


def steps_timeline(steps) -> str:
    """The hours steps as a small timeline: 4 h → 6 h → 10 h, with their dates."""
    if not steps:
        return _("[dim]No hours steps yet: press [b]a[/b] to add the first.[/]")
    parts = [
        f"{show_date(s.from_date)}: [b]{show_hours(s.hours_per_week)} h[/b]"
        + (f" ({escape(s.schedule)})" if s.schedule else "")
        for s in steps
    ]
    return " → ".join(parts)


class PlacementsScreen(CitizenRecordsScreen):
    DEFAULT_CSS = """
    PlacementsScreen #placements-title { padding: 0 1; background: $boost; }
    PlacementsScreen #placements { height: 1fr; }
    PlacementsScreen #placement-detail { height: auto; max-height: 12; padding: 0 1;
                                         border-top: solid $primary-background-lighten-2; }
    """
    BINDINGS = keys.bindings("placements")

    HELP_TITLE = _("Placements")

    TITLE_ID = "placements-title"
    TABLE_ID = "placements"
    BOXES = ("placement-detail",)

    # Below this width the list drops Kind (the detail pane names it) and cuts
    # the workplace and the schedule; the dates and the hours now stay whole.
    NARROW_BELOW = 100

    def on_mount(self) -> None:
        self.narrow: bool | None = None
        self.load()

    def on_resize(self) -> None:
        if self.narrow is not None and self.narrow != (self.app.size.width < self.NARROW_BELOW):
            self.load()

    def _columns(self, table: DataTable) -> None:
        narrow = self.app.size.width < self.NARROW_BELOW
        if narrow == self.narrow:
            return
        self.narrow = narrow
        table.clear(columns=True)
        if narrow:
            table.add_columns(_("Workplace"), _("From"), _("To"), _("Hours now"), _("Schedule"))
        else:
            table.add_columns(
                _("Workplace"), _("Kind"), _("From"), _("To"), _("Hours now"), _("Schedule")
            )

    @safely
    def load(self, select_id: int | None = None) -> None:
        today = self.app.today
        self.rows = placements_of(self.citizen_id)
        table = self.query_one(DataTable)
        keep = table.cursor_row
        if select_id is not None:  # a new placement gets the focus
            keep = next((i for i, p in enumerate(self.rows) if p.id == select_id), keep)
        self._columns(table)
        table.clear()
        # Narrow: the dates 10 + 2 each, the hours 9 + 2, the two cut cells their
        # padding (4) and the scroll bar (2); the rest for the two cut cells.
        room = max(30, self.app.size.width - 41)
        for p in self.rows:
            step = p.step_on(today)
            hours = show_hours(step.hours_per_week) if step else ""
            schedule = step.schedule if step else ""
            if self.narrow:
                workplace = Text(p.workplace)
                workplace.truncate(room * 3 // 5, overflow="ellipsis")
                cut = Text(schedule)
                cut.truncate(room - workplace.cell_len, overflow="ellipsis")
                table.add_row(
                    workplace,
                    show_date(p.start_date),
                    show_date(p.end_date),
                    hours,
                    cut,
                    key=str(p.id),
                )
            else:
                table.add_row(
                    p.workplace,
                    PlacementKind(p.kind).label,
                    show_date(p.start_date),
                    show_date(p.end_date),
                    hours,
                    schedule,
                    key=str(p.id),
                )
        if self.rows:
            table.move_cursor(row=min(keep, len(self.rows) - 1))
        self.query_one("#placements-title", Static).update(
            _("[b]{name}[/b] · placements ({count})").format(
                name=escape(self.citizen_name), count=len(self.rows)
            )
        )
        self.show_detail()

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def show_detail(self) -> None:
        box = self.query_one("#placement-detail", Static)
        p = self.current()
        if p is None:
            box.update(_("No placements yet. Press [b]n[/b] to add the first."))
            return
        lines = [
            f"[b]{escape(p.workplace)}[/b] · {PlacementKind(p.kind).label} · "
            + _("[dim][b]enter[/b] opens it to correct its hours steps[/]"),
            _("Hours steps: {timeline}").format(timeline=steps_timeline(p.hours_steps)),
        ]
        if p.supervisor_name:
            lines.append(_("Supervisor: {name}").format(name=escape(p.supervisor_name)))
        if p.accommodations:
            lines.append(_("Accommodations: {text}").format(text=escape(p.accommodations)))
        box.update("\n".join(lines))

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        p = self.current()
        if p is not None:
            self.app.push_screen(PlacementScreen(p.id, self.citizen_name))

    def action_new(self) -> None:
        def made(placement_id: int | None) -> None:
            if placement_id:
                self.load(select_id=placement_id)
                self.notify(_("Placement created. Enter opens it and its hours steps."))

        self.app.push_screen(PlacementForm(self.citizen_id, self.app.today), made)

    def action_edit(self) -> None:
        p = self.current()
        if p is not None:
            initial = domain.placement_input(p.id).model_dump()
            self.app.push_screen(PlacementForm(self.citizen_id, self.app.today, p.id, initial))

    def action_add_step(self) -> None:
        p = self.current()
        if p is not None:
            self.app.push_screen(
                HoursStepForm(p.id, self.app.today, p.workplace),
                lambda made: made and self.notify(_("Hours step added.")),
            )

    def action_finish(self) -> None:
        p = self.current()
        if p is not None:
            self.app.push_screen(EndPlacementForm(p.id, self.app.today))

    def action_logbook(self) -> None:
        from .logbook import LogbookScreen

        p = self.current()
        if p is not None:
            self.app.push_screen(LogbookScreen(p.id, f"{self.citizen_name} · {p.workplace}"))


class PlacementScreen(BackHelpScreen):
    """One placement: its agreement, and its hours steps to add, correct or delete."""

    DEFAULT_CSS = """
    PlacementScreen #placement-title { padding: 0 1; background: $boost; }
    PlacementScreen #agreement-box { height: auto; max-height: 40%; padding: 0 1; }
    PlacementScreen #steps-title { padding: 0 1; text-style: bold; margin-top: 1; }
    PlacementScreen #steps { height: 1fr; min-height: 4; }
    """
    HELP_TITLE = _("Placement and hours steps")
    BINDINGS = keys.bindings("placement")

    def __init__(self, placement_id: int, citizen_name: str) -> None:
        super().__init__()
        self.placement_id = placement_id
        self.citizen_name = citizen_name
        self.steps: list = []
        self.workplace = ""
        self._shown = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="placement-title")
        with VerticalScroll(id="agreement-box"):
            yield Static(id="agreement")
        yield Static(_("Hours steps"), id="steps-title")
        yield DataTable(id="steps", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns(
            _("From"), _("Hours a week"), _("Schedule"), _("In force")
        )
        self.load()
        self.query_one(DataTable).focus()

    def on_screen_resume(self) -> None:
        if self._shown:
            self.load()
        self._shown = True

    @safely
    def load(self, select_id: int | None = None) -> None:
        today = self.app.today
        p = domain.placement_view(self.placement_id)
        agreement = domain.placement_input(self.placement_id)
        self.workplace = p.workplace
        self.steps = p.hours_steps
        now = p.step_on(today)
        table = self.query_one(DataTable)
        keep = table.cursor_row if self._shown else None
        table.clear()
        for step in self.steps:
            if now is not None and step.id == now.id:
                state = _("now")
            elif step.from_date > today:
                state = _("planned")
            else:
                state = ""
            table.add_row(
                show_date(step.from_date),
                show_hours(step.hours_per_week),
                step.schedule,
                state,
                key=str(step.id),
            )
        if select_id is not None:
            keep = next((i for i, s in enumerate(self.steps) if s.id == select_id), keep)
        if keep is None:  # first shown: the step in force today has the cursor
            keep = next(
                (i for i, s in enumerate(self.steps) if now and s.id == now.id), len(self.steps) - 1
            )
        if self.steps:
            table.move_cursor(row=max(0, min(keep, len(self.steps) - 1)))
        table.display = bool(self.steps)
        self.query_one("#placement-title", Static).update(
            _("[b]{name}[/b] · {workplace} · {kind}").format(
                name=escape(self.citizen_name),
                workplace=escape(p.workplace),
                kind=PlacementKind(p.kind).label,
            )
        )
        lines = [
            _("{start} to {end}").format(start=show_date(p.start_date), end=show_date(p.end_date))
            if p.end_date
            else _("Since {start}, no end date yet").format(start=show_date(p.start_date))
        ]
        for label, text in (
            (_("Supervisor"), agreement.supervisor_name),
            (_("Work functions"), agreement.work_functions),
            (_("Training goals"), agreement.training_goals),
            (_("Accommodations"), agreement.accommodations),
            (_("Follow-up"), agreement.follow_up_frequency),
        ):
            if text:
                lines.append(f"{label}: {escape(text)}")
        self.query_one("#agreement", Static).update("\n".join(lines))
        self.query_one("#steps-title", Static).update(
            _("Hours steps ({count}) · [b]n[/b] new · [b]e[/b] correct · [b]del[/b] delete").format(
                count=len(self.steps)
            )
            if self.steps
            else _("No hours steps yet: press [b]n[/b] to add the first.")
        )

    def current_step(self):
        table = self.query_one(DataTable)
        if not self.steps or not table.display:
            return None
        return self.steps[min(table.cursor_row, len(self.steps) - 1)]

    def action_new(self) -> None:
        def made(step_id: int | None) -> None:
            if step_id:
                self.load(select_id=step_id)
                self.notify(_("Hours step added."))

        self.app.push_screen(HoursStepForm(self.placement_id, self.app.today, self.workplace), made)

    def action_edit(self) -> None:
        step = self.current_step()
        if step is None:
            self.notify(_("No hours step to correct: press n to add one."), severity="warning")
            return

        def corrected(step_id: int | None) -> None:
            if step_id:
                self.load(select_id=step_id)
                self.notify(_("Hours step corrected."))

        self.app.push_screen(
            HoursStepForm(self.placement_id, self.app.today, self.workplace, step_id=step.id),
            corrected,
        )

    def action_delete(self) -> None:
        step = self.current_step()
        if step is None:
            return
        question = _(
            "Delete the hours step from {day} ({hours} h a week{schedule})? "
            "Logbook days already written keep their hours."
        ).format(
            day=show_date(step.from_date),
            hours=show_hours(step.hours_per_week),
            schedule=f", {escape(step.schedule)}" if step.schedule else "",
        )
        before = [s for s in self.steps if s.from_date < step.from_date]
        if before:
            question += " " + _(
                "From {day} the step from {earlier} ({hours} h a week) applies."
            ).format(
                day=show_date(step.from_date),
                earlier=show_date(before[-1].from_date),
                hours=show_hours(before[-1].hours_per_week),
            )

        def delete() -> None:
            domain.delete_hours_step(step.id)
            self.load()

        confirm_then(self, question, delete, _("Hours step deleted."))
