"""The Textual application: ``make_app(database)`` is the one way in."""

from __future__ import annotations

import time
from collections.abc import Iterable
from datetime import date
from functools import partial
from pathlib import Path

from textual.app import App, SystemCommand
from textual.command import Hit, Hits, Provider
from textual.screen import Screen

from . import keys, storage
from .domain import security
from .format import show_date
from .i18n import _
from .screens.lock import LockGuard
from .widgets.markup import escape

#: Seconds without a key press after which the -wal is checkpointed.
CHECKPOINT_EVERY = 120


class CitizenCommands(Provider):
    """ctrl+p: jump to any citizen by name."""

    async def search(self, query: str) -> Hits:
        from .domain.citizens import citizen_names

        app = self.app
        if getattr(app, "sealed", False):  # locked: no names, the database is closed
            return
        matcher = self.matcher(query)
        for citizen_id, name in citizen_names():
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(name),
                    partial(app.open_citizen, citizen_id),
                    help=_("Open this citizen"),
                )


class MentortermApp(LockGuard, App[int]):
    """The mentor's terminal. The database is open and bound before it starts.

    While the passphrase screen shows (at the start, after the lock) the app is
    ``sealed``: LockGuard lets nothing but unlocking or quitting through."""

    TITLE = "mentorterm"
    COMMANDS = App.COMMANDS | {CitizenCommands}
    BINDINGS = keys.bindings("app")
    CSS_PATH = "app.tcss"

    def __init__(
        self,
        database_label: str,
        today: date | None = None,
        *,
        target: str | Path | None = None,
        ask: str | None = None,
        lock_after_seconds: float | None = None,
        ask_identity: bool = False,
    ) -> None:
        super().__init__()
        self.database_label = database_label
        self._today = today
        self.deleted_citizens: set[int] = set()  # deleted in this session
        self.target = target  # what storage.open_database opens (again, after the lock)
        self.ask = ask  # "create" / "unlock": the passphrase comes first
        self.locked = False
        # The wrong-passphrase back-off (also kept beside the database); the
        # clock is the wall clock, so the wait holds across a restart.
        self.clock = time.time
        self._tries = security.Tries()
        self._lock_after = lock_after_seconds
        self._last_activity = time.monotonic()
        self.demo = False  # the open database holds the fictional demo (header: DEMO)
        # Ask the mentor's name at the start while it is unknown (once a session).
        self.ask_identity = ask_identity

    @property
    def today(self) -> date:
        """The app's idea of today (fixed in tests and screenshots)."""
        return self._today or date.today()

    def on_mount(self) -> None:
        self.show_title()
        self.set_interval(5, self._check_idle)
        self.set_interval(CHECKPOINT_EVERY, self._checkpoint_when_idle)
        if self.ask:
            from .screens.lock import PassphraseScreen

            self.push_screen(PassphraseScreen(self.ask, self.database_label))
            return
        self.start()

    def show_title(self) -> None:
        """The header: the database and today; DEMO while the demo is open."""
        if self.demo:
            self.title = _("mentorterm · DEMO")
            self.sub_title = _("fictional · {file} · {day}").format(
                file=self.database_label, day=show_date(self.today)
            )
        else:
            self.title = self.TITLE
            self.sub_title = f"{self.database_label} · {show_date(self.today)}"

    def _check_demo(self) -> None:
        from .demo import is_demo_database

        self.demo = is_demo_database()
        self.show_title()

    def start(self) -> None:
        """The caseload, then any note kept from last time."""
        from .screens.caseload import CaseloadScreen

        self._check_demo()
        self.push_screen(CaseloadScreen())
        for kept in storage.kept_wal_copies.values():
            self.notify(
                _(
                    "Some recently saved changes could not be read back (the -wal file "
                    "was damaged) and may be missing. A copy was kept at {kept}; run "
                    "'mentorterm check' and ask for help."
                ).format(kept=kept),
                severity="error",
                timeout=30,
            )
        # Said every time a real (not demo) database opens unencrypted: no
        # setting or variable hides it.
        if (
            storage.target_path(self.target or ":memory:") is not None
            and not self.demo
            and not storage.is_encrypted()
        ):
            self.notify(
                _(
                    "This database is not encrypted: anyone with this computer can read "
                    "it. Quit and run 'mentorterm encrypt' to protect it."
                ),
                severity="warning",
                timeout=20,
            )
        self.offer_kept_drafts()
        self.identity_at_start()

    # --- who the mentor is --------------------------------------------------------

    def identity_at_start(self) -> None:
        """The first start asks the mentor's name; a known one names the database's mentor."""
        from .domain.identity import mentor_identity, name_default_mentor

        if self.demo:  # fictional people: neither asked about nor named after the mentor
            return
        known = mentor_identity()
        if known.known:
            try:
                name_default_mentor(known.name)
            except Exception as error:  # a read-only or busy file must not stop the start
                from .domain.errors import user_message

                if user_message(error) is None:
                    raise
            return
        if not self.ask_identity:
            return
        self.ask_identity = False  # not again this session

        def answered(identity) -> None:
            if identity is None:
                self.notify(
                    _(
                        'You will be asked again at the next start; ctrl+p "Your name '
                        'and organisation" tells it any time.'
                    ),
                    timeout=10,
                )
                return
            self.notify(
                _("Thank you, {name}: your name now stands on your notes and reports.").format(
                    name=escape(identity.name)
                )
            )

        from .screens.lock import IdentityForm

        self.push_screen(IdentityForm(first_run=True), answered)

    def edit_identity(self) -> None:
        """The palette's "Your name and organisation"."""
        from .screens.lock import IdentityForm

        def answered(identity) -> None:
            if identity is not None:
                self.notify(
                    _("Saved: {name}{organisation}.").format(
                        name=escape(identity.name),
                        organisation=f", {escape(identity.organisation)}"
                        if identity.organisation
                        else "",
                    )
                )

        self.push_screen(IdentityForm(), answered)

    # --- the passphrase and the lock ------------------------------------------------

    @property
    def lock_after_seconds(self) -> float:
        if self._lock_after is None:
            from .settings import SettingsError, load_settings

            try:
                self._lock_after = load_settings().security.lock_after_minutes * 60.0
            except SettingsError:
                self._lock_after = 5 * 60.0
        return self._lock_after

    async def on_event(self, event) -> None:
        from textual import events

        if isinstance(
            event,
            (
                events.Key,
                events.MouseDown,
                events.MouseScrollDown,
                events.MouseScrollUp,
                events.Paste,
            ),
        ):
            self._last_activity = time.monotonic()
            if self.sealed and isinstance(event, events.Key) and not event.is_forwarded:
                take = getattr(self.screen, "take_key", None)
                if callable(take) and take(event):  # keys go to the passphrase fields only
                    return
        await super().on_event(event)

    def _check_idle(self) -> None:
        if (
            not self.locked
            and not self.ask
            and time.monotonic() - self._last_activity >= self.lock_after_seconds
        ):
            self.action_lock()

    def _checkpoint_when_idle(self) -> None:
        """After a quiet spell, every saved change goes from the -wal into the
        database file itself (storage.checkpoint), so a damaged or lost -wal
        cannot take committed work with it."""
        if (
            not self.locked
            and not self.ask
            and time.monotonic() - self._last_activity >= CHECKPOINT_EVERY
        ):
            storage.checkpoint()

    def keep_drafts_now(self) -> None:
        """Every open form keeps what is typed now, not at its next timer tick."""
        for screen in self.screen_stack:
            keep = getattr(screen, "keep_draft_now", None)
            if callable(keep):
                keep()

    async def action_quit(self) -> None:
        """ctrl+q (and q on the caseload): what a form holds is kept first, then quit."""
        if not self.locked and not self.ask:
            self.keep_drafts_now()
        await super().action_quit()

    def action_lock(self) -> None:
        """Hide everything, keep what is being typed, close the database, drop the key."""
        if self.locked or self.ask:
            return
        from .screens.lock import PassphraseScreen

        self.keep_drafts_now()
        self.push_screen(
            PassphraseScreen("lock", self.database_label, encrypted=storage.is_encrypted())
        )
        self.locked = True
        self.seal()
        storage.lock_database()

    def _tries_path(self) -> Path | None:
        return storage.target_path(self.target) if self.target is not None else None

    def passphrase_wait(self) -> float:
        """Seconds before the next passphrase may be tried (the back-off)."""
        self._tries = security.read_tries(self._tries_path(), self._tries)
        return self._tries.wait_left(self.clock())

    def passphrase_given(self, passphrase: str, mode: str) -> str | None:
        """Open the database with ``passphrase``; a message for the mentor when not.

        A wrong one counts toward the back-off (kept beside the database), a
        right one ends it; while the back-off runs nothing is tried ("": the
        screen shows the wait, ``passphrase_wait()``)."""
        path = self._tries_path()
        if mode != "create" and self.passphrase_wait():
            return ""
        try:
            storage.open_database(
                self.target,
                passphrase=passphrase or None,
                plaintext=False if mode == "create" else None,
            )
        except storage.StorageError as error:
            if mode == "create" or not isinstance(error, storage.WrongPassphrase):
                return str(error)
            self._tries = security.wrong_try(path, self.clock(), self._tries)
            return str(error)
        self._tries = security.right_try(path)
        self._last_activity = time.monotonic()
        from .domain.audit import unlocked

        unlocked()
        if mode == "lock":  # the screen below reloads as it resumes
            self.locked = False
            self.pop_screen()
            self.unsealed()
            return None
        self.ask = None
        self.pop_screen()
        self.unsealed()
        self.start()
        return None

    def open_demo(self) -> bool:
        """Switch to the separate demo file (made on first use); the mentor's own
        database is closed untouched. False (and a message) when it cannot."""
        from .demo import DemoRefused, open_demo_database

        try:
            path, _made = open_demo_database(today=self.today)
        except (storage.StorageError, DemoRefused) as error:
            self.notify(str(error), severity="error", timeout=15)
            return False
        self.target = path
        self.database_label = path.name
        self._check_demo()
        self.notify(
            _(
                "This is the fictional demo, in its own file {file}. Your own "
                "database was not touched: quit (ctrl+q) and start mentorterm again "
                "to return to it."
            ).format(file=path.name),
            title=_("DEMO"),
            timeout=20,
        )
        return True

    def offer_kept_drafts(self) -> None:
        """Texts being written when mentorterm last stopped (notes, logbook days, report
        texts, review decisions, any form's text) are offered back first."""
        from .domain.drafts import pending_drafts
        from .screens.meetings import RestoreDraftsScreen

        try:
            pending = pending_drafts()
        except Exception as error:  # a damaged draft must not stop the app opening
            from .domain.errors import user_message

            if user_message(error) is None:
                raise
            return
        if pending:
            self.push_screen(RestoreDraftsScreen(pending))

    def on_unmount(self) -> None:
        storage.close_database()

    # --- a crash never shows a citizen's data --------------------------------------

    def _handle_exception(self, error: Exception) -> None:
        """An unexpected failure: the traceback goes to the owner-only errors.log
        without local values; the terminal gets one line.

        Textual's own handler prints a traceback with every frame's local
        variables (a citizen's name, absence reasons, note text), which would
        stay in the terminal's scrollback.
        """
        from . import crashlog

        self._return_code = 1
        # Pilot tests re-raise the first failure, as Textual's handler does.
        if self._exception is None:
            self._exception = error
            self._exception_event.set()
        cause = (
            error.error if isinstance(getattr(error, "error", None), BaseException) else error
        )  # a worker's failure wraps the real one
        log = crashlog.write(cause)
        from rich.text import Text

        self._exit_renderables.append(Text(crashlog.one_line(cause, log)))
        self._close_messages_no_wait()

    def _fatal_error(self) -> None:  # never Textual's traceback with locals
        import sys

        error = sys.exc_info()[1]
        self._handle_exception(error if isinstance(error, Exception) else RuntimeError())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        if self.sealed:  # the palette does not open while locked; nothing to offer either
            return
        yield from super().get_system_commands(screen)
        yield SystemCommand(_("Caseload"), _("Go to the caseload (home)"), self.go_home)
        yield SystemCommand(
            _("New citizen"), _("Create a citizen and start their course"), self.new_citizen
        )
        yield SystemCommand(
            _("Weekly review"),
            _("The week's queue of citizens who need attention (R)"),
            self.action_review,
        )
        yield SystemCommand(
            _("Agenda"),
            _("Meetings across the caseload: to record, this week, next week"),
            self.show_agenda,
        )
        yield SystemCommand(
            _("Agreements"),
            _("Action items across the caseload, overdue first"),
            self.show_agreements,
        )
        from .screens.retention import open_retention

        yield SystemCommand(
            _("Retention"),
            _("Citizens kept past the retention period: erase them"),
            partial(open_retention, self),
        )
        yield SystemCommand(
            _("Lock"), _("Hide everything and close the database (ctrl+l)"), self.action_lock
        )
        yield SystemCommand(
            _("Your name and organisation"),
            _("As they stand on your notes, reports and handouts"),
            self.edit_identity,
        )
        yield SystemCommand(
            _("Help"),
            _("Every key of the current screen"),
            lambda: self.show_help(self.screen, self.screen.__class__.__name__),
        )
        citizen_id = getattr(screen, "citizen_id", None)
        if citizen_id is not None:
            from .screens.citizen import RECORD_KINDS

            for kind, title in RECORD_KINDS.items():
                yield SystemCommand(
                    title,
                    _("This citizen's {what}").format(what=title.lower()),
                    partial(self.open_records, citizen_id, kind),
                )

    # --- navigation shared by every screen -------------------------------------

    def action_review(self) -> None:
        from .screens.review import ReviewScreen

        if isinstance(self.screen, ReviewScreen):
            return
        self.go_home()
        self.push_screen(ReviewScreen())

    def show_agenda(self) -> None:
        from .screens.agenda import AgendaScreen

        self.go_home()
        self.push_screen(AgendaScreen())

    def show_agreements(self) -> None:
        from .screens.action_items import ActionItemsScreen

        self.go_home()
        self.push_screen(ActionItemsScreen())

    def go_home(self) -> None:
        if self.sealed:  # the lock is not popped by anything but the passphrase
            return
        while len(self.screen_stack) > 2:
            self.pop_screen()

    def open_citizen(self, citizen_id: int, keep_place: bool = False) -> None:
        """Open a citizen from the caseload; with ``keep_place`` on top of the
        current screen, so escape returns there (the agenda, the agreements)."""
        from .screens.citizen import CitizenScreen

        if not keep_place:
            self.go_home()
        self.push_screen(CitizenScreen(citizen_id))

    def open_records(self, citizen_id: int, kind: str) -> None:
        from .domain.citizens import get_citizen
        from .screens.citizen import RecordsScreen

        if self.sealed:  # the database is closed behind the lock
            return
        name = get_citizen(citizen_id).name
        if kind == "sub_goals":
            from .screens.subgoals import SubGoalsScreen

            self.push_screen(SubGoalsScreen(citizen_id, name))
            return
        if kind == "placements":
            from .screens.placements import PlacementsScreen

            self.push_screen(PlacementsScreen(citizen_id, name))
            return
        if kind == "meetings":
            from .screens.meetings import MeetingsScreen

            self.push_screen(MeetingsScreen(citizen_id, name))
            return
        if kind == "logbook":
            from .domain.placements import logbook_placement
            from .screens.logbook import LogbookScreen

            # The placement running today, else the latest; others via `p`.
            chosen = logbook_placement(citizen_id, self.today)
            if chosen is None:
                self.notify(_("No placement yet, so no logbook: press p to add a placement."))
                return
            self.push_screen(LogbookScreen(chosen.id, f"{name} · {chosen.workplace}"))
            return
        if kind == "courses":
            from .screens.courses import CourseHistoryScreen

            self.push_screen(CourseHistoryScreen(citizen_id, name))
            return
        self.push_screen(RecordsScreen(citizen_id, name, kind))

    def restore_note(self, draft) -> None:
        """Open a kept note draft where it was written: the citizen's meetings."""
        from .domain.citizens import get_citizen
        from .enums import MeetingKind
        from .screens.meetings import MeetingsScreen, NoteForm

        if self.sealed:
            return
        values = draft.values
        if draft.citizen_id is None or not isinstance(values.get("fields"), dict):
            self.notify(_("This draft cannot be opened; it was left as it is."), severity="warning")
            return
        from .domain.audit import viewed

        viewed([draft.citizen_id], "draft", "restored a draft")  # its text shows again
        name = get_citizen(draft.citizen_id).name
        meetings = MeetingsScreen(draft.citizen_id, name)
        self.push_screen(meetings)
        self.push_screen(
            NoteForm(
                draft.citizen_id,
                name,
                self.today,
                meeting_id=values.get("meeting_id"),
                kind=MeetingKind(values.get("kind") or MeetingKind.THREE_PARTY),
                initial=values["fields"],
                restored=True,
            ),
            lambda saved: saved and meetings.load(select_id=saved),
        )

    def new_citizen(self) -> None:
        """Create a citizen, then start their course, then open them."""
        from .screens.citizen_forms import CitizenForm, CourseForm

        def created(citizen_id: int | None) -> None:
            if citizen_id is None:
                return
            from .domain.citizens import get_citizen

            name = get_citizen(citizen_id).name
            self.open_citizen(citizen_id)
            self.push_screen(
                CourseForm(citizen_id, name, again=False, today=self.today), lambda _result: None
            )

        self.push_screen(CitizenForm(), created)

    def show_help(self, screen: Screen, title: str) -> None:
        from .screens.help import HelpScreen

        self.push_screen(HelpScreen(screen, title))


def make_app(
    database: str | Path,
    *,
    today: date | None = None,
    passphrase: str | None = None,
    lock_after_seconds: float | None = None,
    ask_identity: bool = False,
) -> MentortermApp:
    """Open ``database`` (creating it if new) and build the app on it.

    An encrypted database without ``passphrase`` is opened by the app itself
    once the mentor has typed it; a new one asks the mentor to choose one.
    Otherwise it raises storage.StorageError, with a message for the mentor,
    before any screen is drawn when the database cannot be used.
    ``ask_identity`` (the CLI's start) asks the mentor's name and
    organisation after the passphrase while they are not known.
    """
    from .domain import audit  # noqa: F401 - every backup, also before a migration, gets its anchor

    path = storage.target_path(database)
    label = path.name if path is not None else ":memory:"
    ask = storage.needs_passphrase(database, passphrase)
    if ask is None:
        storage.open_database(database, passphrase=passphrase)
    elif path is not None:
        storage.check_openable(path, create=ask == "create")
    return MentortermApp(
        label,
        today=today,
        target=database,
        ask=ask,
        lock_after_seconds=lock_after_seconds,
        ask_identity=ask_identity,
    )
