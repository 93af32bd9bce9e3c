"""Textual's timers back on their next tick after a wait, not the one after.

A screen draws its frames from a timer (``Screen._update_timer``, an interval
of 1/60 s) that is paused between frames and resumed when a widget needs a
repaint. Textual 8.2.8's ``Timer._run`` skips the ticks a paused or late
timer missed with ``count = int((now - start) / interval + 1)``: one tick too
many, so the next tick is 1-2 intervals away instead of 0-1. A change that
takes two frames (a filter keystroke: the box's letter in the first, the
narrowed list and the status line, whose repaints reach the screen a moment
later, in the second) showed its second frame 17-33 ms after the first
(bench/README.md "The filter's second frame").

``install`` puts ``_run`` below in Textual's ``Timer``: the same loop with the
skip landing on the next tick (``ticks_due``). Nothing else changes: a timer
that is on time ticks exactly as before, a paused one still ticks at once when
resumed, ``repeat`` counts the same ticks. Textual is pinned (pyproject), and
``install`` refuses a Textual whose loop is not the one this replaces.
"""

from __future__ import annotations

import hashlib
import inspect
import linecache

from textual import timer as _timer
from textual.timer import EventTargetGone, Timer

# The digest of Textual 8.2.8's Timer._run source, which _run below replaces.
_REPLACED = "60c942a84c1a8765"


def ticks_due(start: float, interval: float, now: float) -> int:
    """How many ticks of a timer started at ``start`` are due by ``now``: the
    next one, ``start + (ticks_due + 1) * interval``, is still to come."""
    return int((now - start) / interval)


async def _run(self: Timer) -> None:
    """Textual's ``Timer._run`` with the skip of ``ticks_due`` (its clock and
    sleep looked up in ``textual.timer`` as there)."""
    count = 0
    _repeat = self._repeat
    _interval = self._interval
    self._active  # noqa: B018 (Textual: the Event made in this thread)
    await self._active.wait()
    start = _timer._time.get_time()

    while _repeat is None or count <= _repeat:
        next_timer = start + ((count + 1) * _interval)
        now = _timer._time.get_time()
        if self._skip and next_timer < now:
            count = ticks_due(start, _interval, now)
            continue
        now = _timer._time.get_time()
        wait_time = max(0, next_timer - now)
        await _timer.sleep(wait_time)
        count += 1
        await self._active.wait()
        if self._reset:
            start = _timer._time.get_time()
            count = 0
            self._reset = False
            continue
        try:
            await self._tick(next_timer=next_timer, count=count)
        except EventTargetGone:
            break


def source_lines(function) -> list[str]:
    """The lines of a function's source as ``inspect.getsource`` gives them: from
    its first line to its last line of code, and on over the lines indented
    further than the ``def`` (what closes the last statement), up to the last
    that is not blank. ``inspect`` tokenizes the whole module to find the end
    (15-20 ms at start-up, for ``install``); this reads the lines the module
    was loaded from and the line numbers in the function's code."""
    code = inspect.unwrap(function).__code__
    lines = linecache.getlines(code.co_filename)
    first = code.co_firstlineno - 1
    head = lines[first]
    indent = len(head) - len(head.lstrip())
    end = max((line for _, _, line in code.co_lines() if line), default=first + 1)
    while end < len(lines) and (
        not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent
    ):
        end += 1
    while end > first + 1 and not lines[end - 1].strip():
        end -= 1
    return lines[first:end]


def source_digest(function) -> str:
    """A short digest of a function's source (what ``_REPLACED`` holds)."""
    return hashlib.sha256("".join(source_lines(function)).encode()).hexdigest()[:16]


_original = Timer._run


def install() -> bool:
    """Textual's timers run ``_run`` from now on (once per process; False when
    this Textual's loop is not the one ``_run`` was made from: left as it is)."""
    if Timer._run is _run:
        return True
    if source_digest(_original) != _REPLACED:
        return False
    Timer._run = _run
    return True
