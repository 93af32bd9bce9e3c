"""Retention: the citizens kept longer than needed, marked and erased in bulk."""

from __future__ import annotations

from textual import work
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, ProgressBar, Static

from .. import keys
from ..domain import retention as domain
from ..domain.audit import ViewLog
from ..domain.errors import user_message
from ..domain.retention import RetentionItem
from ..format import show_date
from ..i18n import N_, _, ngettext
from ..widgets.confirm import confirm_then
from ..widgets.guard import safely
from ..widgets.markup import escape
from .citizen_files import all_backups_text

MARK = "✔"


def retention_years() -> tuple[int, str]:
    """(years, a note when the settings could not be read) from the settings file."""
    try:
        from ..settings import load_settings

        settings = load_settings()
    except Exception as exc:  # noqa: BLE001 - a broken settings file: the default, and why
        return domain.DEFAULT_YEARS, str(exc)
    # The setting may live at the top or in a [retention] table; else the default.
    years = getattr(settings, "retention_years", None)
    if years is None:
        years = getattr(getattr(settings, "retention", None), "years", None)
    return (years if isinstance(years, int) and years > 0 else domain.DEFAULT_YEARS), ""


class RetentionScreen(Screen):
    """Who is due for erasure; `space` marks, `a` marks all, `E` erases the marked."""

    CSS_PATH = "retention.tcss"
    BINDINGS = keys.bindings("retention")

    def __init__(self) -> None:
        super().__init__()
        self.items: list[RetentionItem] = []
        self.marked: set[int] = set()
        self.years = domain.DEFAULT_YEARS
        self.erasing = False
        self._reads = ViewLog("retention", N_("retention review"))  # once per citizen listed

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="retention-title", classes="screen-title")
        yield DataTable(id="due", cursor_type="row", zebra_stripes=True)
        yield Static(id="retention-empty")
        yield ProgressBar(id="erase-progress", show_eta=False)
        yield Footer()

    def on_mount(self) -> None:
        self.years, problem = retention_years()
        if problem:
            self.notify(
                ngettext(
                    "{problem} Using {years} year.", "{problem} Using {years} years.", self.years
                ).format(problem=escape(problem), years=self.years),
                severity="warning",
                timeout=15,
            )
        table = self.query_one(DataTable)
        self.columns = [
            table.add_column(" ", width=1, key="mark"),
            *table.add_columns(_("Name"), _("Last course ended"), _("Time since")),
        ]
        self.load()
        table.focus()

    @safely
    def load(self) -> None:
        self.items = domain.due_for_erasure(self.app.today, self.years)
        self._reads.saw(item.citizen_id for item in self.items)
        self.marked &= {i.citizen_id for i in self.items}
        table = self.query_one(DataTable)
        keep = table.cursor_row
        table.clear()
        for item in self.items:
            ended = (
                show_date(item.last_end)
                if item.had_course
                else _("no course (created {date})").format(date=show_date(item.last_end))
            )
            table.add_row(
                self._mark(item.citizen_id),
                item.name,
                ended,
                item.how_long_ago,
                key=str(item.citizen_id),
            )
        if self.items:
            table.move_cursor(row=min(keep, len(self.items) - 1))
        table.display = bool(self.items)
        self.query_one("#retention-empty", Static).update(
            "" if self.items else _("Nobody is due for erasure today.")
        )
        self.show_title()

    def show_title(self) -> None:
        self.query_one("#retention-title", Static).update(
            _(
                "[b]Due for erasure[/b] · kept more than {years} after their last course "
                "ended (or, with no course, after they were created) · {count} due · "
                "{marked} marked"
            ).format(
                years=ngettext("{n} year", "{n} years", self.years).format(n=self.years),
                count=len(self.items),
                marked=len(self.marked),
            )
        )

    def _mark(self, citizen_id: int) -> str:
        return f"[b red]{MARK}[/]" if citizen_id in self.marked else ""

    def _refresh_marks(self) -> None:
        table = self.query_one(DataTable)
        for item in self.items:
            table.update_cell(str(item.citizen_id), self.columns[0], self._mark(item.citizen_id))
        self.show_title()

    def current(self) -> RetentionItem | None:
        table = self.query_one(DataTable)
        if not self.items:
            return None
        return self.items[min(table.cursor_row, len(self.items) - 1)]

    def action_toggle(self) -> None:
        item = self.current()
        if item is None or self.erasing:
            return
        self.marked ^= {item.citizen_id}
        self._refresh_marks()
        table = self.query_one(DataTable)
        if table.cursor_row < len(self.items) - 1:
            table.move_cursor(row=table.cursor_row + 1)

    def action_mark_all(self) -> None:
        if self.erasing:
            return
        everyone = {i.citizen_id for i in self.items}
        self.marked = set() if self.marked == everyone else everyone
        self._refresh_marks()

    def action_erase(self) -> None:
        if self.erasing:
            return
        chosen = [i for i in self.items if i.citizen_id in self.marked]
        if not chosen:
            self.notify(_("Mark the citizens to erase first: space marks one, a marks all."))
            return
        names = ", ".join(escape(i.name) for i in chosen[:8])
        if len(chosen) > 8:
            names += _(" and {count} more").format(count=len(chosen) - 8)
        question = ngettext(
            "[b]Erase {count} citizen and every record about them?[/b]\n{names}\n\n"
            "Their text is overwritten in the database file. This cannot be undone.\n\n"
            "{backups}",
            "[b]Erase {count} citizens and every record about them?[/b]\n{names}\n\n"
            "Their text is overwritten in the database file. This cannot be undone.\n\n"
            "{backups}",
            len(chosen),
        ).format(count=len(chosen), names=names, backups=all_backups_text())
        confirm_then(
            self,
            question,
            lambda: self.start_erasing([i.citizen_id for i in chosen]),
            yes=_("Erase"),
            no=_("Keep"),
        )

    def start_erasing(self, ids: list[int]) -> None:
        self.erasing = True
        bar = self.query_one("#erase-progress", ProgressBar)
        bar.update(total=len(ids), progress=0)
        bar.add_class("shown")
        self._erase(ids)

    @work(thread=True, exclusive=True, group="retention-erase")
    def _erase(self, ids: list[int]) -> None:
        from ..domain.threads import in_own_connection

        bar = self.query_one("#erase-progress", ProgressBar)

        def progress(done: int, total: int) -> None:
            self.app.call_from_thread(bar.update, progress=done)

        try:
            erased = in_own_connection(domain.erase_many, ids, progress)
        except Exception as exc:  # noqa: BLE001 - shown as a message, the rest kept
            self.app.call_from_thread(self._erased, ids, None, exc)
            return
        self.app.call_from_thread(self._erased, ids, erased, None)

    def _erased(self, ids: list[int], erased: int | None, error: Exception | None) -> None:
        self.erasing = False
        self.query_one("#erase-progress", ProgressBar).remove_class("shown")
        self.app.deleted_citizens.update(ids)
        if error is not None:
            message = user_message(error) or str(error)
            self.notify(
                _(
                    "Erasing stopped: {message} The citizens before it were erased; "
                    "the rest are kept."
                ).format(message=escape(message)),
                severity="error",
                timeout=15,
            )
        else:
            self.notify(
                ngettext(
                    "{count} citizen and all their records were erased.",
                    "{count} citizens and all their records were erased.",
                    erased,
                ).format(count=erased)
            )
        self.load()

    def action_back(self) -> None:
        if self.erasing:
            self.notify(_("Erasing… wait until it is done."))
            return
        self.app.pop_screen()

    def action_help(self) -> None:
        self.app.show_help(self, _("Retention"))


def open_retention(app: App) -> None:
    """Show who is due for erasure, on top of the caseload (for a key or the palette)."""
    go_home = getattr(app, "go_home", None)
    if go_home is not None:
        go_home()
    app.push_screen(RetentionScreen())
