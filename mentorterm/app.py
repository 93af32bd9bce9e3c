"""The Textual application: ``make_app(database)`` is the one way in."""

from __future__ import annotations

import time
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from textual.app import App, SystemCommand
from textual.screen import Screen

from . import frame_timer, keys
from .domain import security, session
from .format import show_date
from .i18n import _
from .screens.crash_guard import CrashGuard
from .screens.lock import LockGuard
from .screens.mentor import MentorIdentityFlow
from .screens.navigation import Navigation
from .screens.palette import BilingualCommands, CitizenCommands, app_commands
from .screens.textual_text import TextualText, textual_commands
from .screens.unlocking import CHECKPOINT_EVERY, Unlocking
from .stylesheet import ReparsingStylesheet
from .stylesheet_cache import Kept
from .widgets import cell_widths

cell_widths.install()  # Rich's character widths remembered (widgets/cell_widths.py)
frame_timer.install()  # a screen's next frame on the next tick (frame_timer.py)

#: The app's exit status when its terminal went away (128 + SIGHUP, as a shell
#: reports a process the hang-up ended).
TERMINAL_GONE = 129


class MentortermApp(
    LockGuard, Unlocking, CrashGuard, Navigation, MentorIdentityFlow, TextualText, App[int]
):
    """The mentor's terminal. The database is open and bound before it starts.

    While the passphrase screen shows (at the start, after the lock) the app is
    ``sealed``: LockGuard lets nothing but unlocking or quitting through."""

    TITLE = "mentorterm"
    # Textual's system commands provider gives way to one that reads both languages.
    COMMANDS = {BilingualCommands, CitizenCommands}
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
        kept_css: Kept | None = None,
    ) -> None:
        super().__init__()
        # A screen's first push parses only its own stylesheet, and with
        # ``kept_css`` a source parsed in an earlier session is not parsed again
        # (mentorterm/stylesheet.py, stylesheet_cache.py).
        self.stylesheet = ReparsingStylesheet(variables=self.stylesheet._variables, kept=kept_css)
        self.database_label = database_label
        self._today = today
        self.deleted_citizens: set[int] = set()  # deleted in this session
        self.target = target  # what session.open opens (again, after the lock)
        self.ask = ask  # "create" / "unlock": the passphrase comes first
        self.locked = False
        self._ending = False  # terminal_gone has asked the app to end
        # The wrong-passphrase back-off (also kept beside the database); the
        # clock is the wall clock, so the wait holds across a restart.
        self.clock = time.time
        self._tries = security.Tries()
        self._lock_after = lock_after_seconds
        self._last_activity = time.monotonic()
        self.demo = False  # the open database holds the fictional demo (header: DEMO)
        # Ask the mentor's name at the start while it is unknown (once a session).
        self.ask_identity = ask_identity

    def get_driver_class(self):
        """Textual's driver, but on Linux/macOS one that quits without idle waits."""
        from textual import constants

        driver = super().get_driver_class()
        if constants.DRIVER is None and driver.__name__ == "LinuxDriver":
            from .driver import QuickQuitDriver

            return QuickQuitDriver
        return driver

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
        # Not pushed from here: Textual runs the app's mount inside a batch that
        # drops every frame drawn in it and waits for the screens it pushes, so
        # the caseload laid out here was drawn twice and the reads meant to
        # follow its first frame came before it. From the message queue, after
        # the batch, its first layout is the frame that reaches the terminal
        # (bench/README.md: 2026-12-07).
        self.call_later(self.start)

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
        self.demo = session.is_demo()
        self.show_title()

    def start(self) -> None:
        """The caseload, then any note kept from last time."""
        from .screens.caseload import CaseloadScreen

        self._check_demo()
        self.push_screen(CaseloadScreen())
        for kept in session.damaged_wal_copies():
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
            session.target_path(self.target or ":memory:") is not None
            and not self.demo
            and not session.is_encrypted()
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
        # The mentor's name lives in the settings (pydantic): read after the
        # first frame, so the caseload shows without waiting for it.
        self.call_after_refresh(self.identity_at_start)

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

    def terminal_gone(self) -> None:
        """The terminal closed under the app (its window shut, the ssh link
        dropped, the system shutting down: the driver's empty read, SIGHUP or
        SIGTERM). What the forms hold is kept as drafts, as at ctrl+q, and the
        app ends; the next start offers the drafts back."""
        if self._ending:
            return
        self._ending = True
        if not self.locked and not self.ask:
            self.keep_drafts_now()
        self.exit(return_code=TERMINAL_GONE)

    def open_demo(self) -> bool:
        """Switch to the separate demo file (made on first use); the mentor's own
        database is closed untouched. False (and a message) when it cannot."""
        from .demo import DemoRefused, open_demo_database

        try:
            path, _made = open_demo_database(today=self.today)
        except (session.StorageError, DemoRefused) as error:
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
        try:
            # One query first: the drafts machinery (and the meetings screen with
            # it) is imported only when there is something to offer.
            if not session.has_drafts():
                return
            from .domain.drafts import pending_drafts

            pending = pending_drafts()
        except Exception as error:  # a damaged draft must not stop the app opening
            from .domain.errors import user_message

            if user_message(error) is None:
                raise
            return
        if pending:
            from .screens.meetings import RestoreDraftsScreen

            self.push_screen(RestoreDraftsScreen(pending))

    def on_unmount(self) -> None:
        session.close()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        if self.sealed:  # the palette does not open while locked; nothing to offer either
            return
        yield from textual_commands(self, screen)
        yield from app_commands(self, screen)


def make_app(
    database: str | Path,
    *,
    today: date | None = None,
    passphrase: str | None = None,
    lock_after_seconds: float | None = None,
    ask_identity: bool = False,
    kept_css: Kept | None = None,
) -> MentortermApp:
    """Open ``database`` (creating it if new) and build the app on it.

    An encrypted database without ``passphrase`` is opened by the app itself
    once the mentor has typed it; a new one asks the mentor to choose one.
    Otherwise it raises StorageError, with a message for the mentor,
    before any screen is drawn when the database cannot be used.
    ``ask_identity`` (the CLI's start) asks the mentor's name and
    organisation after the passphrase while they are not known.
    ``kept_css`` holds the stylesheets parsed in earlier sessions (the CLI's
    start; stylesheet_cache.py).
    """
    from .domain import audit  # noqa: F401 - every backup, also before a migration, gets its anchor

    path = session.target_path(database)
    label = session.label(database)
    ask = session.needs_passphrase(database, passphrase)
    if ask is None:
        session.open(database, passphrase=passphrase)
    elif path is not None:
        session.check_openable(path, create=ask == "create")
    return MentortermApp(
        label,
        today=today,
        target=database,
        ask=ask,
        lock_after_seconds=lock_after_seconds,
        ask_identity=ask_identity,
        kept_css=kept_css,
    )
