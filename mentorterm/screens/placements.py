"""A citizen's placements: the individual agreement and its hours steps."""

from __future__ import annotations

from datetime import date

from rich.markup import escape
from textual import on
from textual.binding import Binding
from textual.widgets import DataTable, Static

from ..domain import placements as domain
from ..domain.overview import placements_of
from ..enums import PlacementKind
from ..format import show_date, show_hours
from ..i18n import _
from ..schemas import HoursStepIn, PlacementEndIn, PlacementIn
from .forms import FieldSpec, FormScreen
from .guard import safely
from .lists import BACK_AND_HELP, CitizenRecordsScreen


class PlacementForm(FormScreen[int]):
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
        FieldSpec("accommodations", _("Accommodations"), "area",
                  hint=_("e.g. no heavy lifting; start after 10:00; may leave if overwhelmed")),
        FieldSpec("aids", _("Aids"), "area"),
        FieldSpec("support_on_site", _("Support on site"), "area"),
        FieldSpec("follow_up_frequency", _("Follow-up"), hint=_("e.g. monthly three-party")),
        FieldSpec("paid_hours_next_discussed", _("Paid hours next discussed"), "date"),
    ]

    def __init__(self, citizen_id: int, today: date, placement_id: int | None = None,
                 initial: dict | None = None) -> None:
        title = _("Edit placement") if placement_id is not None else None
        super().__init__(initial or {"start_date": today}, title)
        self.citizen_id = citizen_id
        self.placement_id = placement_id

    def submit(self, data: PlacementIn) -> int:
        if self.placement_id is None:
            return domain.create_placement(self.citizen_id, data)
        domain.update_placement(self.placement_id, data)
        return self.placement_id


class HoursStepForm(FormScreen[int]):
    TITLE = _("New hours step")
    MODEL = HoursStepIn
    FIELDS = [
        FieldSpec("from_date", _("From"), "date", required=True),
        FieldSpec("hours_per_week", _("Hours a week"), "number", required=True),
        FieldSpec("schedule", _("Schedule"), hint=_("e.g. 2 x 2 h Tue+Thu, or 5 x 3 h Mon-Fri")),
    ]

    def __init__(self, placement_id: int, today: date, workplace: str = "") -> None:
        title = _("New hours step · {workplace}").format(workplace=workplace) \
            if workplace else None
        super().__init__({"from_date": today}, title)
        self.placement_id = placement_id

    def submit(self, data: HoursStepIn) -> int:
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
    parts = [f"{show_date(s.from_date)}: [b]{show_hours(s.hours_per_week)} h[/b]"
             + (f" ({escape(s.schedule)})" if s.schedule else "") for s in steps]
    return " → ".join(parts)


class PlacementsScreen(CitizenRecordsScreen):
    DEFAULT_CSS = """
    PlacementsScreen #placements-title { padding: 0 1; background: $boost; }
    PlacementsScreen #placements { height: 1fr; }
    PlacementsScreen #placement-detail { height: auto; max-height: 12; padding: 0 1;
                                         border-top: solid $primary-background-lighten-2; }
    """
    BINDINGS = [
        Binding("n", "new", _("New placement")),
        Binding("e", "edit", _("Edit"), show=False),
        Binding("a", "add_step", _("Add hours step")),
        Binding("f", "finish", _("End placement"), show=False),
        Binding("l", "logbook", _("Logbook")),
        *BACK_AND_HELP,
    ]

    HELP_TITLE = _("Placements")

    TITLE_ID = "placements-title"
    TABLE_ID = "placements"
    BOXES = ('placement-detail',)

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns(
            _("Workplace"), _("Kind"), _("From"), _("To"), _("Hours now"), _("Schedule"))
        self.load()


    @safely
    def load(self, select_id: int | None = None) -> None:
        today = self.app.today
        self.rows = placements_of(self.citizen_id)
        table = self.query_one(DataTable)
        keep = table.cursor_row
        if select_id is not None:  # a new placement gets the focus
            keep = next((i for i, p in enumerate(self.rows) if p.id == select_id), keep)
        table.clear()
        for p in self.rows:
            step = p.step_on(today)
            table.add_row(p.workplace, PlacementKind(p.kind).label, show_date(p.start_date),
                          show_date(p.end_date), show_hours(step.hours_per_week) if step else "",
                          step.schedule if step else "", key=str(p.id))
        if self.rows:
            table.move_cursor(row=min(keep, len(self.rows) - 1))
        self.query_one("#placements-title", Static).update(
            _("[b]{name}[/b] · placements ({count})").format(
                name=escape(self.citizen_name), count=len(self.rows)))
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
        lines = [f"[b]{escape(p.workplace)}[/b] · {PlacementKind(p.kind).label}",
                 _("Hours steps: {timeline}").format(timeline=steps_timeline(p.hours_steps))]
        if p.supervisor_name:
            lines.append(_("Supervisor: {name}").format(name=escape(p.supervisor_name)))
        if p.accommodations:
            lines.append(_("Accommodations: {text}").format(text=escape(p.accommodations)))
        box.update("\n".join(lines))

    def action_new(self) -> None:
        def made(placement_id: int | None) -> None:
            if placement_id:
                self.load(select_id=placement_id)
                self.notify(_("Placement created. Press a to add its hours."))

        self.app.push_screen(PlacementForm(self.citizen_id, self.app.today), made)

    def action_edit(self) -> None:
        p = self.current()
        if p is not None:
            initial = domain.placement_input(p.id).model_dump()
            self.app.push_screen(PlacementForm(self.citizen_id, self.app.today, p.id, initial))

    def action_add_step(self) -> None:
        p = self.current()
        if p is not None:
            self.app.push_screen(HoursStepForm(p.id, self.app.today, p.workplace),
                                 lambda made: made and self.notify(_("Hours step added.")))

    def action_finish(self) -> None:
        p = self.current()
        if p is not None:
            self.app.push_screen(EndPlacementForm(p.id, self.app.today))

    def action_logbook(self) -> None:
        from .logbook import LogbookScreen

        p = self.current()
        if p is not None:
            self.app.push_screen(LogbookScreen(p.id, f"{self.citizen_name} · {p.workplace}"))

