"""A citizen's placements: the list, with the individual agreement and its hours steps.

The forms (placement_forms) and one placement's screen (placement_detail) live
beside it and are re-exported here.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.widgets import DataTable, Static

from .. import keys
from ..domain import placements as domain
from ..domain.overview import placements_of
from ..enums import PlacementKind
from ..format import show_date, show_hours
from ..i18n import _
from ..widgets.guard import safely
from ..widgets.lists import CitizenRecordsScreen
from ..widgets.markup import escape
from .placement_detail import (
    PlacementScreen as PlacementScreen,
)
from .placement_forms import (
    AsksAboutScheduleHours as AsksAboutScheduleHours,
)
from .placement_forms import (
    EndPlacementForm as EndPlacementForm,
)
from .placement_forms import (
    HoursStepForm as HoursStepForm,
)
from .placement_forms import (
    PlacementForm as PlacementForm,
)


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
    CSS_PATH = "placements.tcss"
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
