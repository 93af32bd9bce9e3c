"""Sync a laptop with the team database from the app (issue 19): Y on the caseload.

The sync runs as its own process (``mentorterm sync``), exactly as from the
command line: it opens this laptop's file and the team database one at a
time, and the app's open database is never switched under its screens. The
dialog asks what that process needs (the database's passphrase when the file
is encrypted, the team password unless libpq finds it), passes both through
pipes (never the command line or the environment), waits in a worker and
shows what the sync said. Escape closes; the caseload reloads after.
"""

from __future__ import annotations

import os
import subprocess
import sys

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from .. import keys
from ..domain import session
from ..domain.sync.status import LaptopStatus
from ..format import show_date
from ..i18n import _, language, ngettext
from ..widgets.markup import escape

#: A sync that has not ended after this long is stopped (a server that hangs).
TIMEOUT = 600


def _pipe(secret: str) -> int:
    """A pipe's read end holding ``secret`` (and a newline); the caller closes it."""
    read, write = os.pipe()
    os.write(write, (secret + "\n").encode("utf-8"))
    os.close(write)
    return read


class SyncDialog(ModalScreen[bool]):
    """What the laptop holds, the two secrets, ctrl+s to sync, what it said."""

    CSS_PATH = "sync_dialog.tcss"
    BINDINGS = keys.bindings("sync_dialog")

    def __init__(self, status: LaptopStatus, target: str) -> None:
        super().__init__()
        self.status = status
        self.target = str(target)
        self.encrypted = session.is_encrypted()
        self.running = False
        self.synced = False

    def compose(self) -> ComposeResult:
        s = self.status
        when = show_date(s.last_sync_at.date()) if s.last_sync_at else _("never")
        with Vertical():
            yield Static(
                _(
                    "[b]Sync with the team database[/b]\n\n{where} as {login} · this laptop: "
                    "{device}\nLast sync: {when} · "
                ).format(
                    where=escape(s.team),
                    login=escape(s.login or "?"),
                    device=escape(s.device),
                    when=when,
                )  # fmt: skip
                + (
                    ngettext(
                        "{n} record changed here not yet sent.",
                        "{n} records changed here not yet sent.",
                        s.unsent,
                    ).format(n=s.unsent)
                    if s.unsent
                    else _("Nothing written here since.")
                )
            )
            if self.encrypted:
                yield Static(_("This database's passphrase:"))
                yield Input(
                    password=True, id="sync-passphrase", compact=True, placeholder=_("passphrase")
                )
            yield Static(_("The team database's password (empty: the one saved for it):"))
            yield Input(password=True, id="sync-password", compact=True, placeholder=_("password"))
            yield Static(_("ctrl+s (or enter) syncs · escape closes"), id="sync-keys")
            with VerticalScroll(id="sync-said-box"):
                yield Static(id="sync-said")

    def on_mount(self) -> None:
        self.query(Input).first().focus()

    @on(Input.Submitted)
    def _entered(self, _event: Input.Submitted) -> None:
        self.action_save()

    def action_save(self) -> None:
        """ctrl+s (or enter in a field): sync now, the app's work saved to the team."""
        if self.running:
            return
        self.running = True
        self.query_one("#sync-said", Static).update(_("Syncing …"))
        passphrase = self.query_one("#sync-passphrase", Input).value if self.encrypted else ""
        password = self.query_one("#sync-password", Input).value
        self._run(passphrase, password)

    @work(thread=True, exclusive=True)
    def _run(self, passphrase: str, password: str) -> None:
        fds: list[int] = []
        command = [sys.executable, "-m", "mentorterm", "sync", "--db", self.target,
                   "--lang", language()]  # fmt: skip
        if self.encrypted:
            fds.append(_pipe(passphrase))
            command += ["--passphrase-fd", str(fds[-1])]
        if password:
            fds.append(_pipe(password))
            command += ["--team-password-fd", str(fds[-1])]
        try:
            done = subprocess.run(
                command, pass_fds=fds, capture_output=True, text=True, timeout=TIMEOUT,
                stdin=subprocess.DEVNULL, check=False,
            )  # fmt: skip
            ok, said = done.returncode == 0, (done.stdout if done.returncode == 0 else done.stderr)
        except subprocess.TimeoutExpired:
            ok, said = (
                False,
                _(
                    "The team database did not answer in ten minutes. Nothing was lost: sync again later."
                ),
            )
        except OSError as exc:
            ok, said = (
                False,
                _("The sync could not start: {reason}").format(reason=exc.strerror or exc),
            )
        finally:
            for fd in fds:
                os.close(fd)
        self.app.call_from_thread(self._said, ok, said)

    def _said(self, ok: bool, said: str) -> None:
        self.running = False
        self.synced = self.synced or ok
        text = said.strip().removeprefix("mentorterm: ")
        self.query_one("#sync-said", Static).update(
            escape(text) if ok else _("[b]Not synced:[/b] {why}").format(why=escape(text))
        )
        for field in self.query(Input):
            field.value = ""

    def action_back(self) -> None:
        if not self.running:
            self.dismiss(self.synced)
