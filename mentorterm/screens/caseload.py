"""The caseload: the home screen, one row per citizen, who needs attention first."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Header, Input, Static

from .. import keys, steady
from ..domain.caseload import CaseloadRow, CourseFilter
from ..i18n import _
from ..widgets.caselist import CaseList
from ..widgets.columns import Shown
from ..widgets.filter_box import FilterBox
from ..widgets.guard import safely
from ..widgets.loader import Loader
from ..widgets.one_frame import join_frame
from ..widgets.steady_footer import SteadyFooter
from .caseload_columns import (
    COLUMNS,
    NEXT_VIEW,
    SORT_MARK,
    VIEW_LABELS,
    Column,
    Narrowing,
    cells,
    matches,
    searched_text,
)

# The columns, their cells and the filter's match (re-exported: the old names hold).
from .caseload_reads import ReadsLogged
from .caseload_says import CaseloadSays
from .caseload_scope import CaseloadScope

# A hundred rows fill three screens; the filter narrows the rest (bench/README.md).
MAX_ROWS = 100
# Read at once, before the first frame: a screenful and more. A longer list
# comes whole from a worker a moment later.
FIRST_PAGE = 40

__all__ = ["COLUMNS", "NEXT_VIEW", "SORT_MARK", "VIEW_LABELS", "CaseloadScreen", "Column"]
__all__ += ["cells", "matches"]


class CaseloadScreen(ReadsLogged, CaseloadSays, CaseloadScope, Loader, Screen):
    """Who needs attention today, at a glance."""

    CSS_PATH = "caseload.tcss"
    AUTO_FOCUS = "#caseload"
    BINDINGS = keys.bindings("caseload")

    def __init__(self) -> None:
        super().__init__()
        self.view = CourseFilter.ACTIVE
        self.sort_column = 0
        self.sort_reverse = False
        self._sorted: list[CaseloadRow] = []
        self._sorted_for: tuple | None = None
        self._searched: list[str] = []  # what the filter looks in, per sorted row
        self.rows: list[CaseloadRow] = []
        self.needle = ""
        self._shown_rows: list[CaseloadRow] = []
        self.complete = True  # False while the rest of a long list is on its way
        self._loads = 0  # how many times the list was read (a late rest is dropped)
        self._detail: str | None = None  # the detail and status texts shown (None: not yet)
        self._status: str | None = None
        self._cells: dict[CaseloadRow, tuple] = {}  # each row's cells, made once per load
        self.reads_logged("caseload", "caseload list")
        self._narrowing = Narrowing()  # the filter's last matches, narrowed per keystroke

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="body"):
            yield FilterBox(placeholder=_("Filter by name, workplace or caseworker…"), id="filter")
            yield Static(id="empty")
            yield CaseList(
                [c.fit for c in COLUMNS],
                header_extra=SORT_MARK,
                header=self.header,
                id="caseload",
                zebra_stripes=True,
            )
            yield Static(id="caseload-detail")
            yield Static(id="status")
        yield SteadyFooter()  # not rebuilt by / and escape: the same keys

    def on_mount(self) -> None:
        self._show_filter(False)
        # Filled before the first frame is drawn: the mentor's first sight is the list.
        self.load()
        self._resumed_once = False

    def _show_filter(self, shown: bool) -> None:
        # A hidden, disabled filter cannot take focus (and swallow the keys).
        box = self.query_one("#filter", Input)
        box.display = shown
        box.disabled = not shown

    def on_screen_resume(self) -> None:
        # Coming back from a citizen (or a form) shows what changed meanwhile.
        if self._resumed_once:
            if len(self.rows) > FIRST_PAGE and self.complete:
                # A long list stays as it is until the worker brings it anew.
                self.load_in_worker("caseload", self.read_caseload)
            else:
                self.load()
            # Back from a citizen, keys belong to the list, not to the filter
            # box (the citizen may even have left this view).
            self._focus_list()
        self._resumed_once = True

    def _focus_list(self) -> None:
        table = self.query_one(CaseList)
        self.set_focus(table if table.display else None)

    # --- data -----------------------------------------------------------------

    @safely
    def load(self) -> None:
        """Read the caseload again (after a change, or a switch of view).

        The first page is read at once; a longer list follows from a worker.
        """
        first = self.read_caseload(limit=FIRST_PAGE + 1)
        self.complete = len(first) <= FIRST_PAGE
        self._cells = {}
        self.rows = first if self.complete else first[:FIRST_PAGE]
        self._loads += 1
        if not self.complete:
            # Once the first page is drawn: a worker started now would take the
            # interpreter from the first frame (the whole list is the slow part).
            self.call_after_refresh(self._load_the_rest, self._loads, self.view)
        else:
            self.call_after_refresh(steady.settle)
        self.show()

    def _load_the_rest(self, serial: int, view: CourseFilter) -> None:
        if serial == self._loads:  # no newer load (a switch of view) since
            self.load_in_worker("caseload", self.read_caseload, view)

    def loaded_caseload(self, rows: list[CaseloadRow]) -> None:
        self._cells = {}
        self.rows = rows
        self.complete = True
        self.show()
        steady.settle()  # the whole list stays: out of the collector's passes

    def visible_rows(self) -> list[CaseloadRow]:
        # Sorted once per load or sort change, filtered per keystroke: the
        # filter keeps the order, and sorting thousands of rows is the slow part.
        order = (self.sort_column, self.sort_reverse, id(self.rows))
        if self._sorted_for != order:
            column = COLUMNS[self.sort_column]
            self._sorted = sorted(self.rows, key=column.sort, reverse=self.sort_reverse)
            self._sorted_for = order
            self._searched = [searched_text(r) for r in self._sorted]
            self._narrowing.forget()
        if self.needle:
            found = self._narrowing.matching(order, self._searched, self.needle)
            return [self._sorted[i] for i in found]
        return self._sorted

    def show(self) -> None:
        table = self.query_one(CaseList)
        selected = self.selected_citizen()
        rows = self.visible_rows()
        shown = rows[:MAX_ROWS]
        self.log_reads(row.citizen_id for row in shown)
        keep = str(selected) if selected is not None else None  # the highlight stays on them
        table.fill(((str(row.citizen_id), self._cells_of(row)) for row in shown), keep=keep)
        self._shown_rows = shown
        self.show_empty(rows)
        self.show_status(len(rows), len(shown))
        self.show_detail()
        # In the frame the screen draws next, with the filter box's letter.
        join_frame(self, table, self.query_one("#status"), self.query_one("#caseload-detail"))

    def _cells_of(self, row: CaseloadRow) -> tuple:
        # The same row gives the same cells object: the list then knows it unchanged.
        found = self._cells.get(row)
        if found is None:
            found = self._cells[row] = self.scope_cells(row, cells(row))
        return found

    @property
    def shown_columns(self) -> list[Shown]:
        """The columns on screen now (the terminal's width chose them)."""
        return self.query_one(CaseList).shown

    def header(self, column: Shown) -> str:
        """A column's title, the sorted one with its arrow (the same width either way)."""
        sorted_key = COLUMNS[self.sort_column].key
        mark = ("↓" if self.sort_reverse else "↑") if column.key == sorted_key else " "
        return f"{column.label} {mark}"

    @on(CaseList.RowHighlighted, "#caseload")
    def _highlighted(self, event: CaseList.RowHighlighted) -> None:
        self.show_detail()

    def show_detail(self) -> None:
        """The highlighted citizen's values the table drops or cuts for the width."""
        box = self.query_one("#caseload-detail", Static)
        selected = self.selected_citizen()
        hidden = self.query_one(CaseList).hidden(str(selected)) if selected is not None else []
        text = " · ".join(f"{label}: {value}" for label, value in hidden)
        before = self._detail
        if text == before:
            return  # unchanged: no repaint, no layout
        self._detail = text
        # The box keeps its line when nothing is cut (caseload.tcss: min-height),
        # so the list does not grow and shrink as the cursor moves. A new text
        # on as many lines as the box has now keeps its size: no layout.
        width = box.content_region.width
        lines = min(2, max(1, -(-cell_len(text) // width))) if width else 0
        box.update(Text(text), layout=not lines or lines != box.size.height)

    def selected_citizen(self) -> int | None:
        table = self.query_one(CaseList)
        key = table.selected_key
        if key is None or not table.display:
            return None
        return int(key)

    # --- actions --------------------------------------------------------------

    @on(CaseList.RowSelected)
    def _row_selected(self, event: CaseList.RowSelected) -> None:
        event.stop()
        self.open_citizen(int(event.row_key))

    def action_open_citizen(self) -> None:
        citizen_id = self.selected_citizen()
        if citizen_id is not None:
            self.open_citizen(citizen_id)

    def open_citizen(self, citizen_id: int) -> None:
        from .citizen import CitizenScreen

        self.app.push_screen(CitizenScreen(citizen_id))

    def action_agenda(self) -> None:
        from .agenda import AgendaScreen

        self.app.push_screen(AgendaScreen())

    def action_action_items(self) -> None:
        from .action_items import ActionItemsScreen

        self.app.push_screen(ActionItemsScreen())

    def action_new_citizen(self) -> None:
        self.app.new_citizen()

    def action_filter(self) -> None:
        self._show_filter(True)
        box = self.query_one("#filter", Input)
        box.can_focus = True
        self.set_focus(box)  # at once, not after the keys queued: widgets/type_ahead

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.needle = event.value.strip().casefold()
        self.show()

    @on(Input.Submitted, "#filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        if not event.input.can_focus:
            # Submitted again after it gave up the focus: an enter typed behind the
            # first before the list had the focus ("/jo", enter, enter at once).
            # It was the list's: it opens the citizen the narrowed list shows
            # first, as when typed slowly (every letter was narrowed before the
            # first enter got here, so never the one highlighted before).
            self.action_open_citizen()
            return
        # The filter stays shown but takes focus again only through "/": keys
        # typed later belong to the list, even when it is empty.
        event.input.can_focus = False
        self._focus_list()

    def key_escape(self) -> None:
        box = self.query_one("#filter", Input)
        if box.display:
            box.value = ""
            self._show_filter(False)
            self.needle = ""
            self.show()

    def action_switch_view(self) -> None:
        self.view = NEXT_VIEW[self.view]
        self.load()

    def _column_index(self, key: str) -> int:
        return next(i for i, c in enumerate(COLUMNS) if c.key == key)

    def action_sort_next(self) -> None:
        # Through the columns on screen (a dropped one would sort invisibly).
        keys = [c.key for c in self.shown_columns] or [c.key for c in COLUMNS]
        current = COLUMNS[self.sort_column].key
        position = keys.index(current) if current in keys else -1
        self.sort_column = self._column_index(keys[(position + 1) % len(keys)])
        self.sort_reverse = False
        self.show()

    def action_sort_by(self, column: int) -> None:
        # The digit counts the columns on screen, as the mentor sees them.
        if self.shown_columns:
            if column >= len(self.shown_columns):
                return
            column = self._column_index(self.shown_columns[column].key)
        if column == self.sort_column:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_column, self.sort_reverse = column, False
        self.show()

    def action_sort_reverse(self) -> None:
        self.sort_reverse = not self.sort_reverse
        self.show()

    @safely
    def action_load_demo(self) -> None:
        # The demo goes into its own file, never into the mentor's database.
        if getattr(self.app, "demo", False):
            self.notify(_("This is already the demo."))
            return
        if self.app_has_citizens():
            self.notify(
                _(
                    "The demo is offered only while your database is empty. Run "
                    "'mentorterm demo' in a terminal to make it in its own file."
                ),
                severity="warning",
            )
            return
        if self.app.open_demo():
            self.load()

    def action_help(self) -> None:
        self.app.show_help(self, _("Caseload"))
