"""One group session's roll call: a digit per participant (1 present, 2 sick,
3 absent with notice, 4 without notice, 5 left for an individual
conversation), each moving to the next; u undoes the last mark, h asks the
hours at the session, a / A add a participant (to this session / the series
from here on), delete / D take one off (this session / the series from here
on; both ask first); e edits the session, E its series."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Footer, Header, Static

from .. import keys
from ..domain import sessions
from ..domain.audit import ViewLog
from ..domain.sessions import Mark, ParticipantLine, SessionItem
from ..enums_provider import SessionAttendance
from ..format import show_date, show_hours
from ..i18n import N_, _, ngettext
from ..widgets.columns import Col
from ..widgets.confirm import confirm_then
from ..widgets.fitting_table import FittingTable
from ..widgets.guard import safely
from ..widgets.lists import RecordListScreen
from ..widgets.markup import escape
from ..widgets.pick import PickManyScreen
from .sessions import session_heading

COLUMNS = [
    Col("name", _("Participant"), 30, min_width=12, flex=True),
    Col("mark", _("Attendance"), len("Left for an individual conversation"), min_width=12),
    Col("hours", _("Hours"), 6),
]

STYLES = {
    "present": "green",
    "left_for_conversation": "green",
    "sick": "yellow",
    "absent_with_notice": "yellow",
    "absent_without_notice": "bold red",
}


def hours_cell(line: ParticipantLine, item: SessionItem) -> str:
    if line.attendance is None:
        return ""
    if line.hours is not None:
        return show_hours(line.hours)
    attended = line.attendance in ("present", "left_for_conversation")
    return show_hours(item.hours) if attended else "0"


def cells(line: ParticipantLine, item: SessionItem) -> tuple:
    if line.attendance is None:
        mark = Text("–", style="dim")
    else:
        mark = Text(SessionAttendance(line.attendance).label, style=STYLES[line.attendance])
    return (Text(line.citizen_name), mark, Text(hours_cell(line, item), justify="right"))


class RollCallScreen(RecordListScreen):
    """The participants of one session, by name, and how each was marked."""

    CSS_PATH = "sessions.tcss"
    AUTO_FOCUS = "#roll"
    HELP_TITLE = _("Roll call")
    BINDINGS = keys.bindings("roll_call")

    def __init__(self, session_id: int) -> None:
        super().__init__()
        self.session_id = session_id
        self.item: SessionItem | None = None
        self.undo_stack: list[tuple[int, str, Mark]] = []
        self._reads = ViewLog("group_session", N_("group session roll call"))

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="roll-title", classes="screen-title")
        yield Static(id="roll-empty")
        yield FittingTable(COLUMNS, id="roll", cursor_type="row", zebra_stripes=True)
        yield Static(id="roll-status")
        yield Footer()

    def on_mount(self) -> None:
        self.load()
        self.focus_first_unmarked()

    @safely
    def load(self) -> None:
        self.item = sessions.session(self.session_id)
        if self.item is None:
            self.notify(_("That session is gone (deleted meanwhile?)."), severity="warning")
            self.app.pop_screen()
            return
        self.rows = sessions.participants(self.session_id)
        self._reads.saw(line.citizen_id for line in self.rows)
        self.show()

    def show(self, cursor: int | None = None) -> None:
        assert self.item is not None
        table = self.query_one(FittingTable)
        place = table.cursor_row if cursor is None else cursor
        table.fill((str(line.id), cells(line, self.item)) for line in self.rows)
        if self.rows:
            table.move_cursor(row=max(0, min(place, len(self.rows) - 1)))
        self.query_one("#roll-title", Static).update(session_heading(self.item))
        empty = self.query_one("#roll-empty", Static)
        empty.display, table.display = not self.rows, bool(self.rows)
        empty.update(
            _(
                "Nobody is called in to this session yet. Press [b]a[/b] to add a participant "
                "or [b]A[/b] to add one to the series from here on."
            )
        )
        self.show_status()

    def show_status(self) -> None:
        marked = [line for line in self.rows if line.attendance is not None]
        counts = {kind: 0 for kind in SessionAttendance}
        for line in marked:
            counts[SessionAttendance(line.attendance)] += 1
        parts = [_("{marked} of {count} marked").format(marked=len(marked), count=len(self.rows))]
        parts += [f"{kind.label} {n}" for kind, n in counts.items() if n]
        keys_line = _("1 present · 2 sick · 3 notice · 4 no notice · 5 conversation · u undo")
        self.query_one("#roll-status", Static).update(" · ".join(parts) + "\n" + keys_line)

    def focus_first_unmarked(self) -> None:
        for index, line in enumerate(self.rows):
            if line.attendance is None:
                self.query_one(FittingTable).move_cursor(row=index)
                return

    # --- the roll call --------------------------------------------------------

    @safely
    def action_mark(self, attendance: str) -> None:
        line = self.current()
        if line is None:
            return
        index = self.rows.index(line)
        before = sessions.mark(line.id, attendance)
        self.undo_stack.append((line.id, line.citizen_name, before))
        self.rows = sessions.participants(self.session_id)
        last = index + 1 >= len(self.rows)
        self.show(cursor=index if last else index + 1)
        if attendance == SessionAttendance.LEFT_FOR_CONVERSATION:
            self.notify(
                _("{name}: left for an individual conversation — h sets the hours").format(
                    name=escape(line.citizen_name)
                )
            )
        if last and all(row.attendance is not None for row in self.rows):
            self.notify(
                ngettext(
                    "The roll is called: {count} participant marked — u undoes the last",
                    "The roll is called: {count} participants marked — u undoes the last",
                    len(self.rows),
                ).format(count=len(self.rows))
            )

    @safely
    def action_undo(self) -> None:
        if not self.undo_stack:
            self.notify(_("Nothing to undo here."))
            return
        participant_id, name, before = self.undo_stack.pop()
        sessions.undo(participant_id, before)
        self.rows = sessions.participants(self.session_id)
        ids = [line.id for line in self.rows]
        self.show(cursor=ids.index(participant_id) if participant_id in ids else None)
        self.notify(_("Undone: {name}").format(name=escape(name)))

    def action_hours(self) -> None:
        line = self.current()
        if line is None:
            return
        if line.attendance is None:
            self.notify(_("Mark the participant first, then the hours."))
            return
        from .session_forms import HoursForm

        index = self.rows.index(line)

        def saved(done: bool | None) -> None:
            if done:
                self.rows = sessions.participants(self.session_id)
                self.show(cursor=index)

        self.app.push_screen(HoursForm(line.id, line.citizen_name, line.hours), saved)

    # --- who is called in -----------------------------------------------------

    def _pick(self, question: str, then) -> None:
        here = {line.citizen_id for line in self.rows}
        choices = [(cid, name) for cid, name in sessions.active_citizens() if cid not in here]
        if not choices:
            self.notify(_("Every active citizen is on this session already."))
            return
        self.app.push_screen(PickManyScreen(question, choices), then)

    @safely
    def action_add(self) -> None:
        def chosen(citizen_ids: list[int] | None) -> None:
            if not citizen_ids:
                return
            try:
                sessions.add_participants(self.session_id, citizen_ids)
            except Exception as error:  # noqa: BLE001 - told in words or raised
                from ..widgets.guard import tell_or_raise

                tell_or_raise(self.app, error)
            self.load()
            self.focus_first_unmarked()

        self._pick(_("Add to this session"), chosen)

    @safely
    def action_add_standing(self) -> None:
        assert self.item is not None
        item = self.item
        if item.series_id is None:
            self.notify(_("This session is not part of a series: a adds to this one."))
            return

        def chosen(citizen_ids: list[int] | None) -> None:
            if not citizen_ids:
                return
            added = 0
            try:
                for citizen_id in citizen_ids:
                    added += sessions.add_to_series(
                        item.series_id, citizen_id, item.starts_at.date()
                    )
            except Exception as error:  # noqa: BLE001 - told in words or raised
                from ..widgets.guard import tell_or_raise

                tell_or_raise(self.app, error)
            if added and len(citizen_ids) > 1:
                self.notify(
                    ngettext(
                        "{count} participant added to this and every later session",
                        "{count} participants added to this and every later session",
                        len(citizen_ids),
                    ).format(count=len(citizen_ids))
                )
            elif added:
                self.notify(
                    ngettext(
                        "Added to {count} session of the series",
                        "Added to {count} sessions of the series",
                        added,
                    ).format(count=added)
                )
            self.load()
            self.focus_first_unmarked()

        self._pick(_("Add to this and every later session of the series"), chosen)

    @safely
    def action_take_off_series(self) -> None:
        assert self.item is not None
        item, line = self.item, self.current()
        if line is None:
            return
        if item.series_id is None:
            self.notify(_("This session is not part of a series: delete takes them off this one."))
            return
        day = item.starts_at.date()

        def take_off() -> None:
            taken = sessions.take_off_series(item.series_id, line.citizen_id, day)
            words = ngettext(
                "{name} is off {count} session of the series.",
                "{name} is off {count} sessions of the series.",
                taken.removed,
            ).format(name=escape(line.citizen_name), count=taken.removed)
            if taken.kept:
                words += " " + ngettext(
                    "One session with their roll call keeps them.",
                    "{count} sessions with their roll call keep them.",
                    len(taken.kept),
                ).format(count=len(taken.kept))
            self.notify(words)

        confirm_then(
            self,
            _(
                "Take {name} off this and every later session of the series, from {day}? "
                "A session whose roll call marked them keeps them."
            ).format(name=escape(line.citizen_name), day=show_date(day)),
            take_off,
            yes=_("Take off"),
            no=_("Keep"),
            then=self.load,
        )

    def action_edit(self) -> None:
        from .session_forms import SessionEditForm

        def edited(done: int | None) -> None:
            if done is not None:
                self.load()

        self.app.push_screen(SessionEditForm(self.session_id), edited)

    def action_edit_series(self) -> None:
        assert self.item is not None
        if self.item.series_id is None:
            self.notify(_("This session is not part of a series: e edits it."))
            return
        from ..domain.sessions.series_change import done_words
        from .session_forms import SeriesEditForm

        def edited(change) -> None:
            if change is not None:
                self.notify(escape(done_words(change)))
                self.load()

        self.app.push_screen(SeriesEditForm(self.item.series_id), edited)

    def action_delete(self) -> None:
        line = self.current()
        if line is None:
            return
        confirm_then(
            self,
            _("Take {name} off this session? What the roll call said goes too.").format(
                name=escape(line.citizen_name)
            ),
            lambda: sessions.remove_participant(line.id),
            yes=_("Take off"),
            no=_("Keep"),
            then=self.load,
        )
