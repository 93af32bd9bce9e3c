"""The passphrase: chosen at the first start, asked at every start, and the lock;
and the mentor's name and organisation, asked at the first start.

The lock screen covers everything: no citizen's name or note is on the
screen while it shows, the database is closed and its key dropped. It comes
after an idle period (settings: ``security.lock_after_minutes``) or on
``ctrl+l``. While it shows it is a dead end except for unlocking or quitting
(``LockGuard``). After three wrong passphrases each further try waits longer,
also after a restart and in the CLI (domain/security.py's back-off file).
"""

from __future__ import annotations

import asyncio
from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widget import AwaitMount
from textual.widgets import Input, Static

from .. import keys
from ..domain.security import FREE_TRIES, wait_after  # noqa: F401  (kept importable here)
from ..i18n import _, ngettext


def wait_message(seconds: float) -> str:
    """ "Wait 8 seconds before the next try." """
    whole = max(1, int(seconds + 0.999))
    return ngettext(
        "Wait {seconds} second before the next try.",
        "Wait {seconds} seconds before the next try.",
        whole,
    ).format(seconds=whole)


class PassphraseInput(Input):
    """A passphrase field: nothing typed in it goes to the clipboard."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("copy", "cut"):
            return False
        return super().check_action(action, parameters)


class PassphraseScreen(Screen):
    """Asks for the passphrase: ``mode`` is "create" (first start), "unlock" (a
    start) or "lock" (the app was locked). ``app.passphrase_given(text)`` opens
    the database and says whether it worked (a message when not, with the
    wait of the back-off that ``app.passphrase_wait()`` also tells)."""

    CSS_PATH = "lock.tcss"
    BINDINGS = keys.bindings("lock")
    AUTO_FOCUS = "#pass-1"

    def __init__(self, mode: str, where: str, *, encrypted: bool = True) -> None:
        super().__init__()
        self.mode = mode
        self.where = where
        # A lock over an unencrypted database hides the screen but has no
        # passphrase to ask: it says so rather than pretend.
        self.encrypted = encrypted

    def compose(self) -> ComposeResult:
        with Center(), Vertical(id="pass-box"):
            if self.mode == "create":
                yield Static(_("Choose a passphrase for your database"), id="pass-title")
                yield Static(
                    _(
                        "The notes are encrypted with it: without it nobody can read them, "
                        "not even you. Write it down somewhere safe, away from the laptop. "
                        "A few words you can remember are best."
                    )
                )
                yield PassphraseInput(password=True, placeholder=_("passphrase"), id="pass-1")
                yield PassphraseInput(password=True, placeholder=_("the same again"), id="pass-2")
            else:
                title = _("mentorterm is locked") if self.mode == "lock" else _("Unlock mentorterm")
                yield Static(title, id="pass-title")
                if self.encrypted:
                    yield Static(_("Passphrase for {where}:").format(where=self.where))
                else:
                    yield Static(
                        _(
                            "{where} is not encrypted, so it has no passphrase: press enter to "
                            "go on. Quit and run 'mentorterm encrypt' to protect it with one."
                        ).format(where=self.where)
                    )
                yield PassphraseInput(
                    password=True,
                    placeholder=_("passphrase") if self.encrypted else "",
                    id="pass-1",
                )
            yield Static(id="pass-hint")
            yield Static(id="pass-error")
            yield Static(id="pass-wait")
            yield Static(_("[b]enter[/b] go on · [b]ctrl+q[/b] quit"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "copy_text":  # ctrl+c: nothing of this screen goes to the clipboard
            return False
        return super().check_action(action, parameters)

    def on_mount(self) -> None:
        self._ticking = False
        self.keep_focus()
        self.show_wait()

    def show_wait(self) -> None:
        """The back-off, counted down each second (also when the app was just started)."""
        self._ticking = False
        wait = self.app.passphrase_wait() if self.mode != "create" else 0.0
        self.query_one("#pass-wait", Static).update(wait_message(wait) if wait else "")
        if wait:
            self._ticking = True
            self.set_timer(min(1.0, wait), self.show_wait)

    def keep_focus(self) -> None:
        """The passphrase field keeps the focus: a click or tab elsewhere brings it back."""
        if self.focused is None or not isinstance(self.focused, PassphraseInput):
            self.set_focus(self.query_one("#pass-1", Input))

    def take_key(self, event: events.Key) -> bool:
        """Called by the app for every key before it is passed on: the field gets
        the focus back, and enter in the first of the two new-passphrase fields
        moves to the second at once (typing ahead goes where it belongs; tab
        does the same for every field, widgets/type_ahead.py).
        True when the key was used up here."""
        self.keep_focus()
        if (
            self.mode == "create"
            and event.key == "enter"
            and getattr(self.focused, "id", None) == "pass-1"
        ):
            self.set_focus(self.query_one("#pass-2", Input))
            return True
        return False

    def on_descendant_blur(self, _event: events.DescendantBlur) -> None:
        self.call_after_refresh(self.keep_focus)

    @on(Input.Changed, "#pass-1")
    def _hint(self, event: Input.Changed) -> None:
        if self.mode == "create":
            from ..domain.security import passphrase_hint

            self.query_one("#pass-hint", Static).update(
                passphrase_hint(event.value, (self.where,)) if event.value else ""
            )

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.mode == "create" and event.input.id == "pass-1":
            self.set_focus(self.query_one("#pass-2", Input))  # at once: typing may run ahead
            return
        self.attempt()

    def show_error(self, message: str) -> None:
        self.query_one("#pass-error", Static).update(message)

    def _take(self) -> tuple[str, str]:
        """The typed passphrase(s), the fields emptied at once: no copy stays on the screen."""
        first_field = self.query_one("#pass-1", Input)
        first = first_field.value
        first_field.value = ""
        second = ""
        if self.mode == "create":
            second_field = self.query_one("#pass-2", Input)
            second = second_field.value
            second_field.value = ""
        self.set_focus(first_field)
        return first, second

    def attempt(self) -> None:
        first, second = self._take()
        if self.mode == "create":
            from ..domain.security import StorageError, check_new_passphrase

            try:
                check_new_passphrase(first, (self.where,))
            except StorageError as error:
                self.show_error(str(error))
                return
            if second != first:
                self.show_error(_("The two passphrases differ. Type them again."))
                return
        elif not first and self.encrypted:
            self.show_error(_("Type the passphrase, then press enter."))
            return
        problem = self.app.passphrase_given(first, self.mode)
        del first, second
        if problem is None:
            return  # the app has moved on
        if problem:  # "": not tried, the back-off still runs
            self.show_error(problem)
        if not self._ticking:
            self.show_wait()


class LockGuard:
    """The app's half of the lock: while the passphrase screen shows (``sealed``)
    nothing but unlocking or quitting gets through. No palette, no app key
    (``check_action``), no other screen pushed, switched to or popped back to,
    no notification shown over it (they wait for the unlock).

    Mixed into the App before textual's App class.
    """

    # App actions that work on the passphrase screen: quitting and moving the
    # focus between its own fields.
    OPEN_WHILE_SEALED = frozenset({"quit", "focus_next", "focus_previous", "bell"})
    _HELD_NOTES = 20

    locked: bool
    ask: str | None

    @property
    def sealed(self) -> bool:
        """The passphrase screen is up: at the start or after the lock."""
        return bool(self.locked or self.ask)

    @property
    def leaving(self) -> bool:
        """The app is ending (q, ctrl+q, the terminal gone): a key typed right
        after q opens nothing more. A screen pushed then was mounted on an app
        already taking itself down and ended it with an error."""
        return bool(getattr(self, "_leaving", False))

    def exit(self, *args: Any, **kwargs: Any) -> None:
        self._leaving = True
        super().exit(*args, **kwargs)  # type: ignore[misc]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.leaving:
            return False
        if self.sealed and action not in self.OPEN_WHILE_SEALED:
            return False
        return super().check_action(action, parameters)  # type: ignore[misc]

    def action_command_palette(self) -> None:
        if self.sealed:
            return
        super().action_command_palette()  # type: ignore[misc]

    def _refused(self, what: object) -> None:
        self.log.warning(f"locked: refused {what!r}")  # type: ignore[attr-defined]

    def push_screen(
        self, screen: Any, callback: Any = None, wait_for_dismiss: bool = False, **kwargs: Any
    ) -> Any:
        if self.leaving or (self.sealed and not isinstance(screen, PassphraseScreen)):
            self._refused(screen)
            if wait_for_dismiss:
                try:
                    future: asyncio.Future = asyncio.get_running_loop().create_future()
                except RuntimeError:  # as textual's own push_screen does outside a loop
                    future = asyncio.Future()
                future.set_result(None)  # as if the mentor had cancelled it
                return future
            return AwaitMount(self.screen, [])  # type: ignore[attr-defined]
        return super().push_screen(
            screen,
            callback,
            wait_for_dismiss,  # type: ignore[misc]
            **kwargs,
        )

    def _nothing(self) -> AwaitComplete:
        async def nothing() -> None:
            return None

        return AwaitComplete(nothing()).call_next(self)

    def pop_screen(self) -> Any:
        if self.sealed:
            self._refused("pop_screen")
            return self._nothing()
        return super().pop_screen()  # type: ignore[misc]

    def switch_screen(self, screen: Any) -> Any:
        if self.sealed:
            self._refused(screen)
            return self._nothing()
        return super().switch_screen(screen)  # type: ignore[misc]

    def switch_mode(self, mode: str) -> Any:
        if self.sealed:
            self._refused(mode)
            return AwaitMount(self.screen, [])  # type: ignore[attr-defined]
        return super().switch_mode(mode)  # type: ignore[misc]

    def notify(self, message: str, **kwargs: Any) -> None:
        if self.sealed:
            held = self.__dict__.setdefault("_held_notes", [])
            if len(held) < self._HELD_NOTES:
                held.append((message, kwargs))
            return
        super().notify(message, **kwargs)  # type: ignore[misc]

    def seal(self) -> None:
        """Called as the lock comes up: toasts already showing go (they may name someone)."""
        self.clear_notifications()  # type: ignore[attr-defined]

    def unsealed(self) -> None:
        """After the unlock: the notifications that waited are shown."""
        held = self.__dict__.pop("_held_notes", [])
        for message, kwargs in held:
            self.notify(message, **kwargs)


def __getattr__(name: str):
    # IdentityForm lives in screens/identity.py (it needs the forms and pydantic,
    # which the start does not); still importable from here.
    if name == "IdentityForm":
        from .identity import IdentityForm

        return IdentityForm
    raise AttributeError(name)
