"""The agreements (action items) across the caseload: who does what by when.

Overdue first, so that no period passes with nobody owning the next step.
``x`` marks the focused agreement done today; it stays in its place, with
its done date, until the list is read again, so ``u`` can take it back.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Header, Input, Static

from .. import keys
from ..domain.action_items import ActionItemRow
from ..domain.audit import ViewLog
from ..domain.jobsearch.followups import agreements_and_follow_ups, mark_row_done, reopen_row
from ..format import show_date
from ..i18n import N_, _, ngettext
from ..widgets.columns import Col
from ..widgets.fitting_table import FittingTable
from ..widgets.guard import safely
from ..widgets.lists import RecordListScreen
from ..widgets.markup import escape

WHAT_WIDTH = 44
NAME_WIDTH = 16

# At 80 columns the due date (with its red "overdue"), what and the citizen
# stay; who does it narrows, and the done date goes first (the line under
# the table says it, and who, in full).
# The due column is as wide as a date with a three-figure "overdue" in the
# language shown ("07-02-2026 297 d overdue", "07-02-2026 288 d. forsinket").
DUE_WIDTH = len("07-02-2026 ") + len(_("{days} d overdue").format(days=999))

COLUMNS = [
    Col("due", _("Due"), DUE_WIDTH),
    Col("what", _("What"), WHAT_WIDTH, min_width=16, flex=True),
    Col("who", _("Who"), NAME_WIDTH, min_width=7, drop=2, flex=True),
    Col("citizen", _("Citizen"), NAME_WIDTH, min_width=10, flex=True),
    Col("done", _("Done"), 10, drop=1),
]


def matches(row: ActionItemRow, needle: str) -> bool:
    """The filter: the citizen's name or who owns the agreement contains the text."""
    return needle in row.citizen_name.casefold() or needle in row.owner.casefold()


def due_cell(row: ActionItemRow) -> Text:
    if row.overdue:
        return Text.assemble(
            show_date(row.due_date),
            " ",
            (_("{days} d overdue").format(days=row.days_overdue), "bold red"),
        )
    return Text(show_date(row.due_date) if row.due_date else "–")


def _short(text: str, width: int, style: str = "") -> Text:
    # Cut with an ellipsis so the Done column stays on screen at 120 columns;
    # the line under the table shows the whole agreement.
    cell = Text(" ".join(text.split()), style=style)
    cell.truncate(width, overflow="ellipsis")
    return cell


def cells(row: ActionItemRow) -> tuple:
    done = not row.is_open
    return (
        Text(show_date(row.due_date), style="dim") if done else due_cell(row),
        _short(row.what, WHAT_WIDTH, "dim strike" if done else ""),
        _short(row.owner, NAME_WIDTH, "dim" if done else ""),
        _short(row.citizen_name, NAME_WIDTH, "dim" if done else ""),
        Text(show_date(row.done_on), style="green") if done else "",
    )


class ActionItemsScreen(RecordListScreen):
    """Every agreement of the caseload, overdue first."""

    CSS_PATH = "action_items.tcss"
    AUTO_FOCUS = "#action-items"
    HELP_TITLE = _("Agreements")
    BINDINGS = keys.bindings("action_items")

    def __init__(self) -> None:
        super().__init__()
        self.include_done = False
        self.needle = ""
        self.all_rows: list[ActionItemRow] = []
        # Marked done here: shown (with the date) even while done ones are hidden,
        # so the mentor sees it happen and can reopen a slip of the finger.
        self.done_here: set[str] = set()  # row keys (agreements and follow-ups)
        self.last_done: tuple[str, int, str] | None = None  # kind, id, what: u takes back
        self._undo_notice = ""
        # Each citizen listed is one read in the audit log, once per view.
        self._reads = ViewLog("agreements", N_("agreements across the caseload"))

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="items-title", classes="screen-title")
        yield Input(placeholder=_("Filter by citizen or by who does it…"), id="items-filter")
        yield Static(id="items-empty")
        yield FittingTable(COLUMNS, id="action-items", cursor_type="row", zebra_stripes=True)
        yield Static(id="items-detail")
        yield Static(id="items-status")
        yield Footer()

    def on_mount(self) -> None:
        self._show_filter(False)
        self.query_one("#items-title", Static).update(
            _("[b]Agreements[/b] · who does what by when, across the caseload")
        )
        self.load()

    def _show_filter(self, shown: bool) -> None:
        # Hidden and disabled, the filter cannot take focus (nor the keys).
        box = self.query_one("#items-filter", Input)
        box.display = shown
        box.disabled = not shown

    # --- data -----------------------------------------------------------------

    @safely
    def load(self, keep_order: bool = False) -> None:
        """Read the agreements again.

        ``keep_order``: rows already shown keep their place (after x or u, so
        the row does not jump to the end of the list under the mentor's eyes).
        """
        fetched = agreements_and_follow_ups(self.app.today, include_done=True)
        rows = [r for r in fetched if r.is_open or self.include_done or r.key in self.done_here]
        if keep_order:
            place = {row.key: index for index, row in enumerate(self.all_rows)}
            rows.sort(key=lambda r: place.get(r.key, len(place)))
        self.all_rows = rows
        self._reads.saw(row.citizen_id for row in rows)
        self.show()

    def show(self) -> None:
        # Filtered in Python, not with the domain's owner= parameter: the filter
        # matches the citizen's name OR the owner, and each keystroke then needs
        # no query (a caseload holds some hundred agreements at most).
        self.rows = [r for r in self.all_rows if not self.needle or matches(r, self.needle)]
        self.query_one(FittingTable).fill((row.key, cells(row)) for row in self.rows)
        self.show_empty()
        self.show_status()
        self.show_detail()

    def show_empty(self) -> None:
        empty = self.query_one("#items-empty", Static)
        table = self.query_one(DataTable)
        empty.display, table.display = not self.rows, bool(self.rows)
        if self.needle:
            empty.update(
                _(
                    "No agreement matches “{text}”. Press [b]escape[/b] in the filter to clear it."
                ).format(text=escape(self.needle))
            )
        elif self.include_done:
            empty.update(_("No agreements yet. They are made in a meeting note."))
        else:
            empty.update(
                _(
                    "No open agreements: everything agreed is done. "
                    "Press [b]d[/b] to see the done ones."
                )
            )

    def show_status(self) -> None:
        open_rows = [r for r in self.rows if r.is_open]
        overdue = sum(r.overdue for r in open_rows)
        parts = [
            _("{open} open").format(open=len(open_rows)),
            ngettext("{count} overdue", "{count} overdue", overdue).format(count=overdue),
        ]
        if self.include_done:
            parts.append(_("done ones shown (d hides them)"))
        if self.needle:
            parts.append(_("filter: “{text}”").format(text=escape(self.needle)))
        self.query_one("#items-status", Static).update(" · ".join(parts))

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def show_detail(self) -> None:
        """The whole agreement in focus (the table cuts long ones)."""
        box = self.query_one("#items-detail", Static)
        row = self.current()
        box.display = row is not None
        if row is None:
            return
        state = (
            _("done {day}").format(day=show_date(row.done_on))
            if row.done_on
            else (
                _("due {day}").format(day=show_date(row.due_date))
                if row.due_date
                else _("no due date")
            )
        )
        box.update(
            _("[b]{what}[/b]\n{owner} · {citizen} · {state}").format(
                what=escape(row.what),
                owner=escape(row.owner),
                citizen=escape(row.citizen_name),
                state=state,
            )
        )

    # --- actions --------------------------------------------------------------

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_citizen()

    def action_open_citizen(self) -> None:
        row = self.current()
        if row is not None:
            self.app.open_citizen(row.citizen_id, keep_place=True)

    @safely
    def action_done(self) -> None:
        row = self.current()
        if row is None:
            return
        if not row.is_open:
            self.notify(
                _("Already done on {day}. u opens it again.").format(day=show_date(row.done_on))
            )
            return
        mark_row_done(row.kind, row.id, self.app.today)
        self.done_here.add(row.key)
        self.last_done = (row.kind, row.id, row.what)
        self._undo_notice = _("Done {day}: {what} — u undoes").format(
            day=show_date(self.app.today), what=escape(row.what)
        )
        self.notify(self._undo_notice, timeout=8)
        self.load(keep_order=True)

    @safely
    def action_undo(self) -> None:
        """u: take back the last "done" made here, wherever its row now is (or
        hidden); without one, open the done agreement in focus again."""
        if self.last_done is not None:
            kind, item_id, what = self.last_done
            self.last_done = None
        else:
            row = self.current()
            if row is None or row.is_open:
                self.notify(_("Nothing to undo: this agreement is open."))
                return
            kind, item_id, what = row.kind, row.id, row.what
        reopen_row(kind, item_id)
        self.done_here.discard(f"{kind}-{item_id}")
        for notice in list(self.app._notifications):  # the offer no longer holds
            if notice.message == self._undo_notice:
                self.app._unnotify(notice)
        self.notify(_("Open again: {what}").format(what=escape(what)))
        self.load(keep_order=True)

    def action_toggle_done(self) -> None:
        self.include_done = not self.include_done
        self.done_here.clear()
        self.load()

    def action_filter(self) -> None:
        self._show_filter(True)
        self.set_focus(self.query_one("#items-filter", Input))  # at once: widgets/type_ahead

    @on(Input.Changed, "#items-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.needle = event.value.strip().casefold()
        self.show()

    @on(Input.Submitted, "#items-filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(DataTable).focus()

    def clear_filter(self) -> None:
        box = self.query_one("#items-filter", Input)
        box.value = ""
        self.needle = ""
        self._show_filter(False)
        self.show()
        self.query_one(DataTable).focus()

    def action_back(self) -> None:
        # escape: first the filter goes (typed in it or not), then the screen.
        if self.query_one("#items-filter", Input).display:
            self.clear_filter()
            return
        super().action_back()
