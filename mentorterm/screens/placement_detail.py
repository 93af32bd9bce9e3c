"""One placement: its agreement and its hours steps, to correct."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Footer, Header, Static

from .. import keys
from ..domain import placements as domain
from ..enums import PlacementKind
from ..format import show_date, show_hours
from ..i18n import _
from ..widgets.confirm import confirm_then
from ..widgets.guard import safely
from ..widgets.lists import BackHelpScreen
from ..widgets.markup import escape
from .placement_forms import HoursStepForm


class PlacementScreen(BackHelpScreen):
    """One placement: its agreement, and its hours steps to add, correct or delete."""

    CSS_PATH = "placement_detail.tcss"
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
        yield Static(id="placement-title", classes="screen-title")
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
