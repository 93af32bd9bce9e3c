"""A citizen's sub-goals on the asymmetric-alliance scale: the list and its keys.

Scoring, history, presentation and the forms live beside it (scoring,
subgoal_history, presentation, subgoal_forms) and are re-exported here.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.widgets import DataTable, Static

from .. import keys
from ..domain import subgoals as alliance
from ..enums import SubGoalStatus
from ..format import show_date
from ..i18n import _
from ..widgets.guard import safely
from ..widgets.lists import CitizenRecordsScreen
from ..widgets.markup import escape
from ..widgets.scale import sparkline
from .presentation import (
    PresentationScreen as PresentationScreen,
)
from .scoring import (
    ScoringScreen as ScoringScreen,
)

# Each status with its own sign and colour: achieved and dropped never look alike.
from .subgoal_forms import (
    StatusForm as StatusForm,
)
from .subgoal_forms import (
    SubGoalForm as SubGoalForm,
)
from .subgoal_history import (
    HistoryScreen as HistoryScreen,
)

_STATUS_LOOK = {
    "active": ("●", "green"),
    "paused": ("‖", "yellow"),
    "achieved": ("✓", "bold green"),
    "dropped": ("✗", "dim"),
}


def status_cell(status: str) -> Text:
    """'✓ Achieved', '✗ Dropped', '‖ Paused', '● Active', each in its own style."""
    sign, style = _STATUS_LOOK.get(status, ("", ""))
    return Text(f"{sign} {SubGoalStatus(status).label}".strip(), style=style)


def _bar(score: int | None, compact: bool = False) -> Text:
    if score is None:
        return Text(_("not scored") if not compact else "–", style="dim")
    if compact:
        text = Text()
        text.append(str(score), style="bold green")
        text.append("+")
        text.append(str(10 - score), style="bold blue")
        return text
    text = Text()
    text.append("█" * score, style="green")
    text.append("░" * (10 - score), style="blue")
    text.append(f" {score}+{10 - score}")
    return text


class SubGoalsScreen(CitizenRecordsScreen):
    """A citizen's sub-goals: active first in priority order, each with its scale."""

    CSS_PATH = "subgoals.tcss"
    BINDINGS = keys.bindings("subgoals")

    HELP_TITLE = _("Sub-goals")

    TITLE_ID = "goals-title"
    TABLE_ID = "goals"
    BOXES = ("goals-empty", "goal-detail")

    # Below this width the list is narrow: the score as "3+7", the last six
    # scores of the trend, no status date (the detail pane has it). The number,
    # the status and a passed target (red) stay; the title takes what is left.
    NARROW_BELOW = 100

    def on_mount(self) -> None:
        self.narrow: bool | None = None
        self.load()

    def on_resize(self) -> None:
        if self.narrow is not None and self.narrow != self._is_narrow():
            self.load()

    def _is_narrow(self) -> bool:
        return self.app.size.width < self.NARROW_BELOW

    def _columns(self, table: DataTable) -> None:
        narrow = self._is_narrow()
        if narrow == self.narrow:
            return
        self.narrow = narrow
        table.clear(columns=True)
        table.add_columns(
            _("#"),
            _("Sub-goal"),
            _("Score") if narrow else _("Citizen + mentor"),
            _("Trend"),
            _("Scored") if narrow else _("Last scored"),
            _("Target"),
            _("Status"),
        )

    def _title_room(self, table: DataTable, cells: list[list]) -> int:
        """The width left for the title: the other columns take what they need
        (each with a cell's padding of 2), the scroll bar 2."""
        headers = [column.label for column in table.columns.values()]
        others = sum(
            max((Text(c) if isinstance(c, str) else c).cell_len for c in (headers[i], *column)) + 2
            for i, column in enumerate(zip(*cells, strict=True))
            if i != 1
        )
        return max(16, self.app.size.width - others - 2)

    @safely
    def load(self) -> None:
        today = self.app.today
        self.rows = alliance.sub_goal_rows(self.citizen_id, today=today)
        table = self.query_one(DataTable)
        keep = table.cursor_row
        self._columns(table)
        narrow = self.narrow
        table.clear()
        cells = []
        for row in self.rows:
            target = show_date(row.target_date)
            target_cell = Text(target, style="bold red") if row.target_passed else Text(target)
            if row.days_since_scored is None:
                since = ""
            elif row.days_since_scored == 0:
                since = _("today")
            elif narrow:
                since = _("{d} d").format(d=row.days_since_scored)
            else:
                since = _("{d} d ago").format(d=row.days_since_scored)
            status = status_cell(row.status)
            if row.status != "active" and row.status_date and not narrow:
                status.append(f" {show_date(row.status_date)}")
            cells.append(
                [
                    str(row.priority) if row.status == "active" else "",
                    row.title,
                    _bar(row.latest_score, compact=narrow),
                    sparkline(row.history[-6:] if narrow else row.history),
                    since,
                    target_cell,
                    status,
                ]
            )
        if cells:
            # At any width the status stays in sight. Where the titles do not
            # fit, first the status dates go (the detail pane has them), then a
            # long title is cut to what is left (whole in the detail pane).
            room = self._title_room(table, cells)
            if room < max(len(line[1]) for line in cells):
                for line, row in zip(cells, self.rows, strict=True):
                    line[6] = status_cell(row.status)
                room = self._title_room(table, cells)
            for line in cells:
                if len(line[1]) > room:
                    title = Text(line[1])
                    title.truncate(room, overflow="ellipsis")
                    line[1] = title
        for row, line in zip(self.rows, cells, strict=True):
            table.add_row(*line, key=str(row.id))
        if self.rows:
            table.move_cursor(row=min(keep, len(self.rows) - 1))
        active = sum(1 for r in self.rows if r.status == "active")
        self.query_one("#goals-title", Static).update(
            _("[b]{name}[/b] · sub-goals ({active} active of {total})").format(
                name=escape(self.citizen_name), active=active, total=len(self.rows)
            )
        )
        self.query_one("#goals-empty", Static).update(
            ""
            if self.rows
            else _(
                "No sub-goals yet. Press [b]n[/b] to set the first one together with the citizen."
            )
        )
        table.display = bool(self.rows)
        self.show_detail()

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def show_detail(self) -> None:
        row = self.current()
        box = self.query_one("#goal-detail", Static)
        if row is None:
            box.update("")
            return
        lines = [f"[b]{escape(row.title)}[/b]"]
        if row.status != "active":
            status = SubGoalStatus(row.status).label
            if row.status_date:
                status += f" {show_date(row.status_date)}"
            lines.append(_("Status: {status}").format(status=status))
        if row.success_criterion:
            lines.append(_("Reached when: {text}").format(text=escape(row.success_criterion)))
        if row.own_actions:
            lines.append(_("Next step (citizen): {text}").format(text=escape(row.own_actions)))
        if row.help_needed:
            lines.append(_("Help (from whom): {text}").format(text=escape(row.help_needed)))
        if row.status_note:
            lines.append(_("Note: {text}").format(text=escape(row.status_note)))
        box.update("\n".join(lines))

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_history()

    def action_score(self) -> None:
        row = self.current()
        if row is None:
            self.notify(_("Create a sub-goal first (n)."), severity="warning")
            return
        if row.status != "active":
            self.notify(
                _("Only an active sub-goal is scored. Make it active again with t."),
                severity="warning",
            )
            return
        self.app.push_screen(
            ScoringScreen(row.id, row.title, self.app.today),
            lambda saved: saved and self.notify(_("Score saved.")),
        )

    def action_new(self) -> None:
        self.app.push_screen(
            SubGoalForm(self.citizen_id), lambda made: made and self.notify(_("Sub-goal created."))
        )

    def action_edit(self) -> None:
        row = self.current()
        if row is not None:
            self.app.push_screen(SubGoalForm(self.citizen_id, row.id))

    def action_history(self) -> None:
        row = self.current()
        if row is not None:
            self.app.push_screen(HistoryScreen(row.id, row.title))

    def action_status(self) -> None:
        row = self.current()
        if row is not None:
            self.app.push_screen(StatusForm(row.id, row.status, self.app.today))

    @safely
    def action_move(self, step: int) -> None:
        row = self.current()
        if row is None or row.status != "active":
            return
        alliance.move_priority(row.id, step)
        self.load()
        for index, moved in enumerate(self.rows):
            if moved.id == row.id:
                self.query_one(DataTable).move_cursor(row=index)

    def action_present(self) -> None:
        self.app.push_screen(PresentationScreen(self.citizen_id))
