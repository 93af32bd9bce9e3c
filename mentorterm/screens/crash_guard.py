"""A crash never shows a citizen's data: the app's exception handler.

A mixin of the app (MentortermApp) in place of Textual's own handler.
"""

from __future__ import annotations


class CrashGuard:
    """The traceback to errors.log without local values; one line on the terminal."""

    def _handle_exception(self, error: Exception) -> None:
        """An unexpected failure: the traceback goes to the owner-only errors.log
        without local values; the terminal gets one line.

        Textual's own handler prints a traceback with every frame's local
        variables (a citizen's name, absence reasons, note text), which would
        stay in the terminal's scrollback.
        """
        from .. import crashlog

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
