"""When a form keeps its draft: a debounce that never waits more than two seconds."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from textual.timer import Timer


class DraftTimer:
    """When to keep a draft: ``QUIET`` s after the last change, but never more
    than ``MAX_WAIT`` s after the first change not kept yet, so continuous
    typing or a long paste is kept too (a pure debounce would wait for a pause).

    ``owner`` gives ``set_timer`` (a screen); ``keep`` writes the draft;
    ``clock`` is replaceable in tests.
    """

    QUIET = 0.5
    MAX_WAIT = 2.0

    def __init__(
        self, owner: Any, keep: Callable[[], None], clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.owner = owner
        self.keep = keep
        self.clock = clock
        self._first: float | None = None  # the first change not kept yet
        self._timer: Timer | None = None

    @property
    def pending(self) -> bool:
        return self._first is not None

    def changed(self) -> None:
        now = self.clock()
        if self._first is None:
            self._first = now
        delay = min(self.QUIET, self._first + self.MAX_WAIT - now)
        self._cancel()
        if delay <= 0:
            self.flush()
            return
        self._timer = self.owner.set_timer(delay, self.flush)

    def flush(self) -> None:
        """Keep now (the timer ran out, or the app is about to lock)."""
        self.stop()
        self.keep()

    def stop(self) -> None:
        """Forget the pending change (the form was saved or thrown away)."""
        self._cancel()
        self._first = None

    def _cancel(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
