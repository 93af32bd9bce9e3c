"""The group sessions (holdundervisning): coming ones first, enter calls the
roll, n a new session, N a new series from a schedule, e edits the session,
E its series (from today on), c cancels (asks first)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Header, Input, Static

from .. import keys
from ..domain import sessions
from ..domain.sessions import SessionItem
from ..format import show_date, show_hours, show_weekday_short
from ..i18n import _, ngettext
from ..widgets.columns import Col
from ..widgets.confirm import confirm_then
from ..widgets.fitting_table import FittingTable
from ..widgets.guard import safely
from ..widgets.lists import RecordListScreen
from ..widgets.markup import escape

COLUMNS = [
    Col("day", _("Day"), len("man 07-02-2026")),
    Col("time", _("Time"), 5),
    Col("title", _("Session"), 30, min_width=12, flex=True),
    Col("called", _("Roll call"), 9),
    Col("place", _("Place"), 30, min_width=6, drop=2, flex=True),
    Col("leader", _("Leader"), 20, min_width=6, drop=1, flex=True),
]


def matches(item: SessionItem, needle: str) -> bool:
    """The filter: the title, the place or the leader contains the text."""
    return any(needle in text.casefold() for text in (item.title, item.place, item.leader_name))


def cells(item: SessionItem) -> tuple:
    style = "dim strike" if item.cancelled else ""
    called = _("cancelled") if item.cancelled else f"{item.marked}/{item.participants}"
    return (
        Text(
            f"{show_weekday_short(item.starts_at.date())} {show_date(item.starts_at)}", style=style
        ),
        Text(item.starts_at.strftime("%H:%M"), style=style),
        Text(item.title, style=style),
        Text(called, style="dim" if item.cancelled else ""),
        Text(item.place, style=style),
        Text(item.leader_name, style=style),
    )


class SessionsScreen(RecordListScreen):
    """Every group session: coming ones (from today) or all."""

    CSS_PATH = "sessions.tcss"
    AUTO_FOCUS = "#sessions"
    HELP_TITLE = _("Group sessions")
    BINDINGS = keys.bindings("sessions")

    def __init__(self) -> None:
        super().__init__()
        self.everything = False
        self.needle = ""
        self.all_rows: list[SessionItem] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="sessions-title", classes="screen-title")
        yield Input(placeholder=_("Filter by title, place or leader…"), id="sessions-filter")
        yield Static(id="sessions-empty")
        yield FittingTable(COLUMNS, id="sessions", cursor_type="row", zebra_stripes=True)
        yield Static(id="sessions-status")
        yield Footer()

    def on_mount(self) -> None:
        self._show_filter(False)
        self.load()

    def _show_filter(self, shown: bool) -> None:
        box = self.query_one("#sessions-filter", Input)
        box.display = shown
        box.disabled = not shown

    @safely
    def load(self) -> None:
        self.all_rows = sessions.sessions(None if self.everything else self.app.today)
        self.show()

    def show(self, focus_id: int | None = None) -> None:
        self.rows = [r for r in self.all_rows if not self.needle or matches(r, self.needle)]
        table = self.query_one(FittingTable)
        table.fill((str(row.id), cells(row)) for row in self.rows)
        ids = [row.id for row in self.rows]
        if focus_id in ids:
            table.move_cursor(row=ids.index(focus_id))
        title = (
            _("[b]Group sessions[/b] · all")
            if self.everything
            else _("[b]Group sessions[/b] · from today")
        )
        self.query_one("#sessions-title", Static).update(title)
        empty = self.query_one("#sessions-empty", Static)
        empty.display, table.display = not self.rows, bool(self.rows)
        if self.needle:
            empty.update(
                _("No session matches “{text}”. Press [b]escape[/b] to clear the filter.").format(
                    text=escape(self.needle)
                )
            )
        else:
            empty.update(
                _(
                    "No group sessions yet. Press [b]n[/b] for a session "
                    "or [b]N[/b] for a series from a schedule."
                )
            )
        parts = [
            ngettext("{count} session", "{count} sessions", len(self.rows)).format(
                count=len(self.rows)
            ),
            _("enter: the roll call · E: the series"),
            _("v: all sessions") if not self.everything else _("v: from today"),
        ]
        if self.needle:
            parts.append(_("filter: “{text}”").format(text=escape(self.needle)))
        self.query_one("#sessions-status", Static).update(" · ".join(parts))

    # --- actions --------------------------------------------------------------

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        row = self.current()
        if row is not None:
            from .rollcall import RollCallScreen

            self.app.push_screen(RollCallScreen(row.id))

    def action_new(self) -> None:
        from .session_forms import SessionForm

        self.app.push_screen(
            SessionForm({"day": self.app.today, "starts": "09:00", "hours": 2.0}), self._made
        )

    def action_new_series(self) -> None:
        from .session_forms import SeriesForm

        self.app.push_screen(
            SeriesForm({"first_day": self.app.today, "starts": "09:00", "hours": 2.0}),
            self._made_series,
        )

    def action_edit(self) -> None:
        row = self.current()
        if row is not None:
            from .session_forms import SessionEditForm

            self.app.push_screen(SessionEditForm(row.id), self._edited)

    def action_edit_series(self) -> None:
        row = self.current()
        if row is None:
            return
        if row.series_id is None:
            self.notify(_("This session is not part of a series: e edits it."))
            return
        from .session_forms import SeriesEditForm

        self.app.push_screen(SeriesEditForm(row.series_id), self._series_edited)

    def _edited(self, edited: int | None) -> None:
        if edited is not None:
            self.load()
            self.show(focus_id=edited)

    def _series_edited(self, change) -> None:
        if change is None:
            return
        row = self.current()
        self.load()
        self.show(focus_id=row.id if row is not None else None)
        from ..domain.sessions.series_change import done_words

        self.notify(escape(done_words(change)))

    def _made(self, made: int | None) -> None:
        if made is not None:
            self.load()
            self.show(focus_id=made)

    def _made_series(self, series_id: int | None) -> None:
        if series_id is None:
            return
        self.everything = True  # the series may start before today
        self.load()
        made = [row for row in self.all_rows if row.series_id == series_id]
        self.show(focus_id=made[0].id if made else None)
        self.notify(
            ngettext(
                "The series has {count} session: enter calls its roll",
                "The series has {count} sessions: enter calls the first one's roll",
                len(made),
            ).format(count=len(made))
        )

    @safely
    def action_cancel_session(self) -> None:
        row = self.current()
        if row is None:
            return
        when = show_date(row.starts_at)
        if row.cancelled:
            question = _("Hold “{title}” on {day} after all?").format(
                title=escape(row.title), day=when
            )
        else:
            question = _("Cancel “{title}” on {day}? Its roll call is kept.").format(
                title=escape(row.title), day=when
            )

        def answered() -> None:
            sessions.set_cancelled(row.id, not row.cancelled)
            self.load()
            self.show(focus_id=row.id)

        if row.cancelled:
            confirm_then(self, question, answered, yes=_("Hold it"), no=_("Keep it cancelled"))
        else:
            confirm_then(self, question, answered, yes=_("Cancel it"), no=_("Keep it"))

    def action_switch_view(self) -> None:
        self.everything = not self.everything
        self.load()

    def action_filter(self) -> None:
        self._show_filter(True)
        self.set_focus(self.query_one("#sessions-filter", Input))  # at once: widgets/type_ahead

    @on(Input.Changed, "#sessions-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.needle = event.value.strip().casefold()
        self.show()

    @on(Input.Submitted, "#sessions-filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(DataTable).focus()

    def action_back(self) -> None:
        box = self.query_one("#sessions-filter", Input)
        if box.display:
            box.value = ""
            self.needle = ""
            self._show_filter(False)
            self.show()
            self.query_one(DataTable).focus()
            return
        super().action_back()


def session_heading(item: SessionItem) -> str:
    """ "Mon 02-11-2026 09:30 · CV and applications · 2 hours · Room 2"."""
    parts = [
        f"{show_weekday_short(item.starts_at.date())} {show_date(item.starts_at)} "
        f"{item.starts_at.strftime('%H:%M')}",
        f"[b]{escape(item.title)}[/b]",
        _("{hours} hours").format(hours=show_hours(item.hours)),
    ]
    if item.place:
        parts.append(escape(item.place))
    if item.cancelled:
        parts.append(_("[b red]cancelled[/b red]"))
    return " · ".join(parts)
