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

**A terminal that goes away.** When the terminal window is closed, an ssh
link drops or the system shuts down, Textual's input loop reads an empty
string from stdin and goes round again at once: the app spins on a core for
as long as the machine runs, and whatever a form holds is never kept. Its
writer thread dies at the first write to the dead terminal and the app then
blocks on a full queue. Here an empty read, a read error, SIGHUP and SIGTERM
all ask the app to end as after ``ctrl+q`` (``App.terminal_gone``: what the
forms hold is kept as drafts, the database closed), and writes to a terminal
that is gone are dropped.
"""

from __future__ import annotations

import asyncio
import os
import selectors
import signal
import threading
from codecs import getincrementaldecoder

from textual._loop import loop_last
from textual._parser import ParseError
from textual._xterm_parser import XTermParser
from textual.drivers._writer_thread import WriterThread
from textual.drivers.linux_driver import LinuxDriver

# The signals that mean "the terminal or the system is going away".
GONE_SIGNALS = (signal.SIGHUP, signal.SIGTERM)


class _StdinClosed(Exception):
    """The input thread's way out when stdin has nothing more to give."""


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


class _ForgivingWriter(WriterThread):
    """Textual's writer thread, which drops what it cannot write any more.

    Textual's own dies at the first ``OSError`` (EIO once the terminal has
    closed), and the app then waits for ever on its full queue."""

    def run(self) -> None:
        file = self._file
        get = self._queue.get
        qsize = self._queue.qsize
        broken = False
        while True:
            text = get()
            if text is None:
                break
            if broken:
                continue
            try:
                file.write(text)
                if qsize() == 0:
                    file.flush()
            except (OSError, ValueError):
                broken = True  # the terminal is gone: nothing more can reach it
        if not broken:
            try:
                file.flush()
            except (OSError, ValueError):
                pass


class QuickQuitDriver(LinuxDriver):
    """LinuxDriver whose input thread wakes as soon as input is disabled, and
    which ends the app when its terminal goes away."""

    _gone_reported = False
    _loop: asyncio.AbstractEventLoop | None = None
    _signals: tuple[signal.Signals, ...] = ()

    def start_application_mode(self) -> None:
        if not isinstance(self.exit_event, _WakingEvent):
            wake = os.pipe()
            for fd in wake:
                os.set_blocking(fd, False)
            self.exit_event = _WakingEvent(wake)
        self._loop = asyncio.get_running_loop()
        super().start_application_mode()
        writer = self._writer_thread
        if writer is not None and type(writer) is WriterThread:
            # Textual starts its own writer; ours takes over before anything
            # but the first few escape codes is written (those it has queued
            # it writes, then it stops).
            forgiving = _ForgivingWriter(self._file)
            forgiving.start()
            self._writer_thread = forgiving
            writer.stop()
        self._listen_for_gone_signals()

    def _listen_for_gone_signals(self) -> None:
        loop = self._loop
        if loop is None or threading.current_thread() is not threading.main_thread():
            return
        installed = []
        for signum in GONE_SIGNALS:
            try:
                loop.add_signal_handler(signum, self.terminal_gone)
            except (NotImplementedError, RuntimeError, ValueError):
                continue
            installed.append(signum)
        self._signals = tuple(installed)

    def terminal_gone(self) -> None:
        """Ask the app, once, to end as after ctrl+q. Safe from any thread."""
        if self._gone_reported or self._loop is None:
            return
        self._gone_reported = True
        app = self._app
        end = getattr(app, "terminal_gone", None) or app.exit
        try:
            self._loop.call_soon_threadsafe(end)
        except RuntimeError:  # the loop has already closed
            pass

    def stop_application_mode(self) -> None:
        loop = self._loop
        for signum in self._signals:
            try:
                if loop is not None:
                    loop.remove_signal_handler(signum)
            except (RuntimeError, ValueError):
                pass
        self._signals = ()
        super().stop_application_mode()

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
                    try:
                        data = read(fileno, 1024 * 4)
                    except OSError:  # EIO: the terminal has closed
                        data = b""
                    if not data:
                        # Textual breaks here and selects again: for ever,
                        # at once, on a core. The terminal is gone.
                        self.terminal_gone()
                        raise _StdinClosed
                    unicode_data = decode(data, final=final and last)
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
        except _StdinClosed:
            pass  # nothing more will come; the app has been asked to end
        finally:
            selector.close()
            try:
                for _event in feed(""):
                    pass
            except (EOFError, ParseError):
                pass
