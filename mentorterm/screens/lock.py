"""The passphrase: chosen at the first start, asked at every start, and the lock;
and the mentor's name and organisation, asked at the first start.

The lock screen covers everything: no citizen's name or note is on the
screen while it shows, the database is closed and its key dropped. It comes
after an idle period (settings: ``security.lock_after_minutes``) or on
``ctrl+l``. After three wrong passphrases each further try waits longer.
"""

from __future__ import annotations

import time

from textual import on
from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Input, Static

from .. import keys
from ..domain.identity import MentorIdentity, mentor_identity, save_mentor_identity
from ..i18n import _, ngettext
from ..schemas import MentorIdentityIn
from .forms import FieldSpec, FormScreen

FREE_TRIES = 3


def wait_after(failures: int) -> float:
    """Seconds before the next try: none for the first three, then 2, 4, 8 ... 60."""
    if failures < FREE_TRIES:
        return 0.0
    return float(min(60, 2 ** (failures - FREE_TRIES + 1)))


class PassphraseScreen(Screen):
    """Asks for the passphrase: ``mode`` is "create" (first start), "unlock" (a
    start) or "lock" (the app was locked). ``app.passphrase_given(text)`` opens
    the database and says whether it worked (a message when not)."""

    DEFAULT_CSS = """
    PassphraseScreen { align: center middle; background: $background; }
    PassphraseScreen #pass-box { width: 72; max-width: 100%; height: auto;
        border: thick $primary; background: $surface; padding: 1 2; }
    PassphraseScreen #pass-title { text-style: bold; margin-bottom: 1; }
    PassphraseScreen Input { border: none; height: 1; padding: 0 1; margin-bottom: 1;
                             background: $panel; }
    PassphraseScreen Input:focus { border: none; background: $primary 40%; }
    PassphraseScreen #pass-hint { color: $text-muted; }
    PassphraseScreen #pass-error { color: $error; }
    """
    BINDINGS = keys.bindings("lock")

    def __init__(self, mode: str, where: str) -> None:
        super().__init__()
        self.mode = mode
        self.where = where
        self.failures = 0
        self.blocked_until = 0.0

    def compose(self) -> ComposeResult:
        with Center(), Vertical(id="pass-box"):
            if self.mode == "create":
                yield Static(_("Choose a passphrase for your database"), id="pass-title")
                yield Static(_(
                    "The notes are encrypted with it: without it nobody can read them, "
                    "not even you. Write it down somewhere safe, away from the laptop. "
                    "A few words you can remember are best."))
                yield Input(password=True, placeholder=_("passphrase"), id="pass-1")
                yield Input(password=True, placeholder=_("the same again"), id="pass-2")
            else:
                title = (_("mentorterm is locked") if self.mode == "lock"
                         else _("Unlock mentorterm"))
                yield Static(title, id="pass-title")
                yield Static(_("Passphrase for {where}:").format(where=self.where))
                yield Input(password=True, placeholder=_("passphrase"), id="pass-1")
            yield Static(id="pass-hint")
            yield Static(id="pass-error")
            yield Static(_("[b]enter[/b] go on · [b]ctrl+q[/b] quit"))

    def on_mount(self) -> None:
        self.query_one("#pass-1", Input).focus()

    @on(Input.Changed, "#pass-1")
    def _hint(self, event: Input.Changed) -> None:
        if self.mode == "create":
            from ..domain.security import passphrase_hint

            self.query_one("#pass-hint", Static).update(
                passphrase_hint(event.value) if event.value else "")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        if self.mode == "create" and event.input.id == "pass-1":
            self.query_one("#pass-2", Input).focus()
            return
        self.attempt()

    def show_error(self, message: str) -> None:
        self.query_one("#pass-error", Static).update(message)

    def attempt(self) -> None:
        now = time.monotonic()
        if now < self.blocked_until:
            seconds = int(self.blocked_until - now) + 1
            self.show_error(ngettext("Wait {seconds} second before the next try.",
                                     "Wait {seconds} seconds before the next try.",
                                     seconds).format(seconds=seconds))
            return
        first = self.query_one("#pass-1", Input).value
        if self.mode == "create":
            from ..domain.security import StorageError, check_new_passphrase

            try:
                check_new_passphrase(first)
            except StorageError as error:
                self.show_error(str(error))
                for field in ("#pass-1", "#pass-2"):
                    self.query_one(field, Input).value = ""
                self.query_one("#pass-1", Input).focus()
                return
            if self.query_one("#pass-2", Input).value != first:
                self.show_error(_("The two passphrases differ. Type them again."))
                for field in ("#pass-1", "#pass-2"):
                    self.query_one(field, Input).value = ""
                self.query_one("#pass-1", Input).focus()
                return
        problem = self.app.passphrase_given(first, self.mode)
        if problem is None:
            return  # the app has moved on
        self.failures += 1
        wait = wait_after(self.failures)
        self.blocked_until = time.monotonic() + wait
        self.query_one("#pass-1", Input).value = ""
        extra = (_(" Wait {seconds} seconds before the next try.").format(seconds=int(wait))
                 if wait else "")
        self.show_error(problem + extra)


class IdentityForm(FormScreen[MentorIdentity]):
    """Who keeps this database: the name on the mentor's notes, reports and
    handouts. Asked at the first start (escape skips it until the next start);
    the palette's "Your name and organisation" changes it later."""

    TITLE = _("Your name and organisation")
    MODEL = MentorIdentityIn
    FIELDS = [
        FieldSpec("name", _("Your name"), required=True,
                  hint=_("As it stands on your notes, reports and handouts")),
        FieldSpec("organisation", _("Your organisation"),
                  hint=_("The provider you work for, as it stands on reports")),
    ]

    def __init__(self, first_run: bool = False) -> None:
        self.first_run = first_run
        known = mentor_identity()
        super().__init__({"name": known.name, "organisation": known.organisation},
                         _("Welcome: who keeps this database?") if first_run else None)

    def keys_line(self) -> str:
        if self.first_run:
            return _("[b]ctrl+s[/b] save · [b]escape[/b] skip for now · [b]tab[/b] next field"
                     "\nIt stays on this computer, in your settings. Skipped, it is asked "
                     "again at the next start; ctrl+p \"Your name and organisation\" "
                     "changes it any time.")
        return super().keys_line()

    def submit(self, data: MentorIdentityIn) -> MentorIdentity:
        return save_mentor_identity(data.name, data.organisation)
