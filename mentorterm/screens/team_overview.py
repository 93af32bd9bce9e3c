"""The lead's overview of the team: per mentor the caseload size, the week's
review signals not yet reviewed and the agreements past their day.

Reached from the caseload (``O``, the palette); enter on a mentor lists
their caseload. On a mentor's own database there is no team: the screen
says so.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Header, Static

from .. import keys
from ..domain import session
from ..domain.team import OVERVIEW_COLUMNS, overview_cells, team_overview
from ..format import show_date
from ..i18n import _
from ..widgets.guard import safely
from ..widgets.lists import BackHelpScreen


class TeamOverviewScreen(BackHelpScreen):
    """Caseload sizes, open signals and overdue agreements, mentor by mentor."""

    CSS_PATH = "team_overview.tcss"
    HELP_TITLE = _("The team's overview")
    BINDINGS = keys.bindings("team_overview")

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="overview-title", classes="screen-title")
        yield DataTable(id="team-overview", cursor_type="row", zebra_stripes=True)
        yield Static(id="overview-note")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(*(_(label) for label in OVERVIEW_COLUMNS))
        self.load()

    @on(DataTable.RowSelected, "#team-overview")
    def _chosen(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        """The highlighted mentor's caseload (the caseload's scope set to theirs)."""
        table = self.query_one(DataTable)
        if not table.display or not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        name = str(table.get_row(key)[0])
        self.app.go_home()
        home = self.app.screen
        if hasattr(home, "show_colleague"):
            home.show_colleague(int(key), name)

    def on_screen_resume(self) -> None:
        self.load()

    @safely
    def load(self) -> None:
        from ..settings import ReviewThresholds, SettingsError, load_settings

        title = self.query_one("#overview-title", Static)
        note = self.query_one("#overview-note", Static)
        table = self.query_one(DataTable)
        table.clear()
        if session.my_mentor_on_a_team() is None:
            title.update(_("[b]The team's overview[/b]"))
            note.update(
                _(
                    "This is your own database: every citizen in it is yours, so there is "
                    "no team to look across. The overview is for a team database "
                    "(mentorterm --db postgresql://…)."
                )
            )
            table.display = False
            return
        try:
            thresholds = load_settings().review
        except SettingsError:
            thresholds = ReviewThresholds()
        rows = team_overview(self.app.today, thresholds)
        for load in rows:
            name, *figures = overview_cells(load)
            table.add_row(Text(name), *figures, key=str(load.mentor_id))
        title.update(
            _("[b]The team's overview[/b] · as of {day}").format(day=show_date(self.app.today))
        )
        note.update(
            _(
                "Citizens: on the active caseload. In review: citizens in this week's "
                "queue. Open signals: of those not yet reviewed. Overdue agreements: open, "
                "past their day."
            )
        )
        table.focus()
