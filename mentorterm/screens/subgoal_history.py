"""A sub-goal's scores over time: the chart, the list, corrections."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Header, Static

from .. import keys
from ..domain import subgoals as alliance
from ..format import show_date
from ..i18n import _, ngettext
from ..widgets.confirm import confirm_then
from ..widgets.guard import safely
from ..widgets.lists import BackHelpScreen
from ..widgets.markup import escape
from ..widgets.scale import history_chart

# Each status with its own sign and colour: achieved and dropped never look alike.
from .scoring import ScoringScreen


class HistoryScreen(BackHelpScreen):
    """Every score of one sub-goal with its answers, and the chart over time."""

    CSS_PATH = "subgoal_history.tcss"
    HELP_TITLE = _("Sub-goal history")
    BINDINGS = keys.bindings("subgoal_history")

    def __init__(self, sub_goal_id: int, title: str) -> None:
        super().__init__()
        self.sub_goal_id = sub_goal_id
        self.goal_title = title
        self.history: list = []  # newest first, as in the table

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="history-title", classes="screen-title")
        yield Static(id="chart")
        yield DataTable(id="scores", cursor_type="row", zebra_stripes=True)
        yield Static(id="score-detail")  # the answers whole, however narrow the table
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns(
            _("Date"),
            _("Citizen"),
            _("Mentor"),
            _("What it takes"),
            _("Can do myself"),
            _("Help needed, from whom"),
        )
        self.load()
        self.query_one(DataTable).focus()

    @safely
    def load(self, select_id: int | None = None) -> None:
        history = alliance.score_history(self.sub_goal_id)
        trend = alliance.trend([s.citizen_score for s in history])
        summary = ""
        if trend.count:
            summary = ngettext(
                " · {n} score: {latest}", " · {n} scores, from {first} to {latest}", trend.count
            ).format(n=trend.count, first=trend.first, latest=trend.latest)
        self.query_one("#history-title", Static).update(
            f"[b]{escape(self.goal_title)}[/b]{summary}"
        )
        chart_width = max(20, min(80, self.app.size.width - 10))
        self.query_one("#chart", Static).update(
            history_chart([(s.scored_on, s.citizen_score) for s in history], chart_width)
        )
        table = self.query_one(DataTable)
        keep = table.cursor_row
        table.clear()
        self.history = list(reversed(history))
        for s in self.history:
            table.add_row(
                show_date(s.scored_on),
                str(s.citizen_score),
                str(s.mentor_score),
                s.what_it_takes,
                s.own_actions,
                s.help_needed,
                key=str(s.id),
            )
        if select_id is not None:
            keep = next((i for i, s in enumerate(self.history) if s.id == select_id), keep)
        if self.history:
            table.move_cursor(row=max(0, min(keep, len(self.history) - 1)))
        self.show_detail()

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def show_detail(self) -> None:
        score = self.current()
        box = self.query_one("#score-detail", Static)
        box.display = score is not None
        if score is None:
            return
        lines = [
            _("[b]{day}[/b] · citizen {citizen} + mentor {mentor}").format(
                day=show_date(score.scored_on),
                citizen=score.citizen_score,
                mentor=score.mentor_score,
            )
        ]
        for label, text in (
            (_("What it takes"), score.what_it_takes),
            (_("Can do myself"), score.own_actions),
            (_("Help needed, from whom"), score.help_needed),
        ):
            if text:
                lines.append(f"{label}: {escape(text)}")
        box.update("\n".join(lines))

    def current(self):
        """The score whose row has the cursor, or None."""
        if not self.history:
            return None
        return self.history[min(self.query_one(DataTable).cursor_row, len(self.history) - 1)]

    def action_edit(self) -> None:
        score = self.current()
        if score is None:
            self.notify(_("No score to correct yet."), severity="warning")
            return

        def corrected(saved: bool | None) -> None:
            if saved:
                self.load(select_id=score.id)
                self.notify(_("Score corrected."))

        self.app.push_screen(
            ScoringScreen(self.sub_goal_id, self.goal_title, self.app.today, score_id=score.id),
            corrected,
        )

    def action_delete(self) -> None:
        score = self.current()
        if score is None:
            return
        question = _(
            "Delete the score of {day} ({citizen} + {mentor})? Its answers go with it."
        ).format(
            day=show_date(score.scored_on), citizen=score.citizen_score, mentor=score.mentor_score
        )

        def delete() -> None:
            alliance.delete_score(score.id)
            self.load()

        confirm_then(self, question, delete, _("Score deleted."))
