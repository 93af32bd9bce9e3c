"""The terminal driver: Textual's Linux driver without its two idle waits at quit.

Textual 8.2.8's ``LinuxDriver.run_input_thread`` polls stdin with
``select(0.1)``. At quit ``disable_input`` sets ``exit_event`` and joins the
thread, which notices only when its current ``select`` times out (up to
100 ms), and then calls ``select(0.1)`` once more with stdin already
unregistered: an empty select that always sleeps its full 100 ms. Every
Textual app on Linux spends 100-200 ms of its quit there.

Here the input thread also watches a wake-up pipe that ``exit_event.set()``
writes to, so it leaves at once, and the last (empty) select does not wait.
Everything else (reading and parsing keys, the final parser flush) is
Textual's own code path, unchanged.
"""

from __future__ import annotations

import os
import selectors
import threading
from codecs import getincrementaldecoder

from textual._loop import loop_last
from textual._parser import ParseError
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver


class _WakingEvent(threading.Event):
    """An Event whose set() also wakes a select() watching ``wake[0]``."""

    def __init__(self, wake: tuple[int, int]) -> None:
        super().__init__()
        self.wake = wake

    def set(self) -> None:
        super().set()
        try:
            os.write(self.wake[1], b"\0")
        except OSError:  # closed: nobody is waiting any more
            pass

    def clear(self) -> None:
        super().clear()
        try:  # a wake-up left unread would make the next select return at once
            while os.read(self.wake[0], 64):
                pass
        except OSError:  # nothing left (non-blocking) or closed
            pass


class QuickQuitDriver(LinuxDriver):
    """LinuxDriver whose input thread wakes as soon as input is disabled."""

    def start_application_mode(self) -> None:
        if not isinstance(self.exit_event, _WakingEvent):
            wake = os.pipe()
            for fd in wake:
                os.set_blocking(fd, False)
            self.exit_event = _WakingEvent(wake)
        super().start_application_mode()

    def close(self) -> None:
        super().close()
        event = self.exit_event
        if isinstance(event, _WakingEvent) and (
            self._key_thread is None or not self._key_thread.is_alive()
        ):
            self.exit_event = threading.Event()
            for fd in event.wake:
                try:
                    os.close(fd)
                except OSError:
                    pass

    def run_input_thread(self) -> None:
        """Textual's input loop, with the wake-up pipe beside stdin."""
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        event = self.exit_event
        wake = event.wake[0] if isinstance(event, _WakingEvent) else None
        if wake is not None:
            selector.register(wake, selectors.EVENT_READ)

        fileno = self.fileno
        EVENT_READ = selectors.EVENT_READ

        parser = XTermParser(self._debug)
        feed = parser.feed
        tick = parser.tick

        decode = getincrementaldecoder("utf-8")().decode
        read = os.read

        def process_selector_events(
            selector_events: list[tuple[selectors.SelectorKey, int]],
            final: bool = False,
        ) -> None:
            for last, (selector_key, mask) in loop_last(selector_events):
                if selector_key.fd == wake:
                    continue  # only says "look at exit_event now"
                if mask & EVENT_READ:
                    unicode_data = decode(read(fileno, 1024 * 4), final=final and last)
                    if not unicode_data:
                        break  # stdin is a closed pipe
                    for event in feed(unicode_data):
                        self.process_message(event)
            for event in tick():
                self.process_message(event)

        try:
            while not self.exit_event.is_set():
                process_selector_events(selector.select(0.1))
            selector.unregister(self.fileno)
            if wake is not None:
                selector.unregister(wake)
            # Textual waits 0.1 s here on a selector with nothing registered.
            process_selector_events(selector.select(0), final=True)
        finally:
            selector.close()
            try:
                for _event in feed(""):
                    pass
            except (EOFError, ParseError):
                pass
