"""The app's side of the lock: idle time, the passphrase tried, locking.

A mixin of the app (MentortermApp), beside ``LockGuard`` (screens/lock.py),
which keeps everything but unlocking or quitting out while the passphrase
screen shows. The app sets ``_lock_after``, ``_last_activity``, ``_tries``,
``clock``, ``target``, ``ask``, ``locked`` and ``database_label``.
"""

from __future__ import annotations

import time
from pathlib import Path

from textual import events

from ..domain import security, session
from ..widgets.type_ahead import (
    filter_now,
    follow_new_screen,
    keep_in_order,
    move_focus_now,
    note_screen,
    wait_for_screen,
)

#: Seconds without a key press after which the -wal is checkpointed.
CHECKPOINT_EVERY = 120


class Unlocking:
    """Locking after an idle spell or ctrl+l, and the passphrase that opens again."""

    @property
    def lock_after_seconds(self) -> float:
        if self._lock_after is None:
            from ..settings import LOCK_MINUTES, lock_minutes

            minutes = lock_minutes()  # without the settings' models (10 MiB)
            if minutes is None:  # something else there: the whole file checked
                from ..settings import SettingsError, load_settings

                try:
                    minutes = load_settings().security.lock_after_minutes
                except SettingsError:
                    minutes = LOCK_MINUTES
            self._lock_after = minutes * 60.0
        return self._lock_after

    async def on_event(self, event) -> None:
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
            if isinstance(event, events.Key) and not event.is_forwarded:
                if wait_for_screen(self, event):  # "n" and the name: for the form
                    return
                note_screen(self, event)
                if move_focus_now(self, event):  # tab typed ahead: before the next keys
                    return
                if keep_in_order(self, event):  # backspace typed ahead: after the last ones
                    return
                if await filter_now(self, event):  # "/tina" typed fast: all in the filter
                    return
            elif isinstance(event, events.Key) and follow_new_screen(self, event):
                return  # back up from a screen that has since given way to another
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
        database file itself (session.checkpoint), so a damaged or lost -wal
        cannot take committed work with it."""
        if (
            not self.locked
            and not self.ask
            and time.monotonic() - self._last_activity >= CHECKPOINT_EVERY
        ):
            session.checkpoint()

    def action_lock(self) -> None:
        """Hide everything, keep what is being typed, close the database, drop the key."""
        if self.locked or self.ask:
            return
        from .lock import PassphraseScreen

        self.keep_drafts_now()
        self.push_screen(
            PassphraseScreen("lock", self.database_label, encrypted=session.is_encrypted())
        )
        self.locked = True
        self.seal()
        session.lock()

    def _tries_path(self) -> Path | None:
        return session.target_path(self.target) if self.target is not None else None

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
            session.open(
                self.target,
                passphrase=passphrase or None,
                plaintext=False if mode == "create" else None,
            )
        except session.StorageError as error:
            if mode == "create" or not isinstance(error, session.WrongPassphrase):
                return str(error)
            self._tries = security.wrong_try(path, self.clock(), self._tries)
            return str(error)
        self._tries = security.right_try(path)
        self._last_activity = time.monotonic()
        from ..domain.audit import unlocked

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
