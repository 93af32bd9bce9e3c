"""What every list of a citizen's records shares: reload on return, the row in focus."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from .. import keys

# The last two keys of every list: back where you came from, and help.
BACK_AND_HELP = keys.bindings("back_help")


class BackHelpScreen(Screen):
    """A screen with the two keys every screen has: escape back, ? help
    (titled HELP_TITLE, listing the screen's own keys)."""

    HELP_TITLE = ""

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_help(self) -> None:
        self.app.show_help(self, self.HELP_TITLE)


class RecordListScreen(BackHelpScreen):
    """A DataTable of records (``self.rows``, in table order) that ``load()`` fills.

    Subclasses set HELP_TITLE and their own bindings (with BACK_AND_HELP).
    """

    def __init__(self) -> None:
        super().__init__()
        self.rows: list = []
        self._shown = False

    def load(self) -> None:  # pragma: no cover - every subclass has one
        raise NotImplementedError

    def on_screen_resume(self) -> None:
        # Coming back from a form shows what changed (the first show loads on mount).
        if self._shown:
            self.load()
        self._shown = True

    def current(self):
        """The record whose row has the cursor, or None."""
        table = self.query_one(DataTable)
        if not self.rows or not table.display:
            return None
        return self.rows[min(table.cursor_row, len(self.rows) - 1)]


class CitizenRecordsScreen(RecordListScreen):
    """One citizen's records: a title line, the table, and boxes under it.

    Subclasses name the widgets (TITLE_ID, TABLE_ID, BOXES) so their CSS and
    the tests can find them, and fill them in ``load()``.
    """

    TITLE_ID = ""
    TABLE_ID = ""
    BOXES: tuple[str, ...] = ()

    def __init__(self, citizen_id: int, name: str) -> None:
        super().__init__()
        self.citizen_id = citizen_id
        self.citizen_name = name

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id=self.TITLE_ID, classes="screen-title")
        yield DataTable(id=self.TABLE_ID, cursor_type="row", zebra_stripes=True)
        for box in self.BOXES:
            yield Static(id=box)
        yield Footer()
