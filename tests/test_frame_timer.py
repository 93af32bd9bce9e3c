"""Textual's timers on their next tick after a wait (mentorterm/frame_timer.py).

The timer's loop runs on a made-up clock (its ``get_time`` and ``sleep``
replaced in ``textual.timer``), so the ticks' moments are exact, not timed.
"""

from __future__ import annotations

import asyncio

from hypothesis import given
from hypothesis import strategies as st
from textual import timer as textual_timer
from textual.timer import Timer

from mentorterm import frame_timer


@given(
    start=st.floats(0, 1e6),
    interval=st.floats(0.001, 10),
    elapsed=st.floats(0, 1e4),
)
def test_the_next_tick_after_a_wait_is_within_one_interval(start, interval, elapsed):
    now = start + elapsed
    due = frame_timer.ticks_due(start, interval, now)
    following = start + (due + 1) * interval
    assert following > now - 1e-9 * max(1.0, now)  # not in the past (float rounding aside)
    assert following <= now + interval * (1 + 1e-9) + 1e-9 * max(1.0, now)


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def get_time(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds
        await asyncio.sleep(0)


class Recording(Timer):
    """A timer that notes the clock at each tick and pauses after the first."""

    def __init__(self, clock: Clock) -> None:
        super().__init__(clock, 1.0, name="recording")
        self.clock, self.ticks = clock, []

    async def _tick(self, *, next_timer: float, count: int) -> None:
        self.ticks.append(round(self.clock.now, 6))
        if len(self.ticks) == 1:
            self.pause()  # as a screen's update timer does after each frame


def ticks_after_a_pause(monkeypatch, run) -> list[float]:
    """A 1 s timer ticks at 1, pauses, is resumed at 10.3: when are the ticks?"""
    clock = Clock()
    monkeypatch.setattr(textual_timer._time, "get_time", clock.get_time)
    monkeypatch.setattr(textual_timer, "sleep", clock.sleep)

    async def scenario() -> list[float]:
        timer = Recording(clock)
        task = asyncio.create_task(run(timer))
        while not timer.ticks or clock.now < 2.0:  # ticked, and waiting while paused
            await asyncio.sleep(0)
        for _ in range(10):
            await asyncio.sleep(0)
        assert len(timer.ticks) == 1, "a paused timer ticked"
        clock.now = 10.3
        timer.resume()
        while len(timer.ticks) < 3:
            await asyncio.sleep(0)
        task.cancel()
        return timer.ticks

    return asyncio.run(scenario())


def test_a_resumed_timer_ticks_at_once_then_on_the_next_tick(monkeypatch):
    assert ticks_after_a_pause(monkeypatch, frame_timer._run) == [1.0, 10.3, 11.0]


def test_textuals_own_loop_waits_one_tick_too_many(monkeypatch):
    """What frame_timer replaces (Textual 8.2.8): the tick after 10.3 at 12, not 11.
    When Textual mends it, this fails, and frame_timer.install refuses the new
    loop anyway (its source differs): the patch can then go."""
    assert ticks_after_a_pause(monkeypatch, frame_timer._original) == [1.0, 10.3, 12.0]


def test_a_timer_on_time_ticks_as_textuals_does(monkeypatch):
    """No wait: every tick on the second, the same with either loop."""
    clock = Clock()
    monkeypatch.setattr(textual_timer._time, "get_time", clock.get_time)
    monkeypatch.setattr(textual_timer, "sleep", clock.sleep)

    class Counting(Timer):
        def __init__(self) -> None:
            super().__init__(clock, 0.5, repeat=4)
            self.ticks: list[tuple[float, int]] = []

        async def _tick(self, *, next_timer: float, count: int) -> None:
            self.ticks.append((round(clock.now, 6), count))

    results = []
    for run in (frame_timer._run, frame_timer._original):
        clock.now = 0.0
        timer = Counting()
        asyncio.run(run(timer))
        results.append(timer.ticks)
    assert results[0] == results[1] == [(0.5, 1), (1.0, 2), (1.5, 3), (2.0, 4), (2.5, 5)]


def test_the_app_runs_textuals_timers_on_it():
    import mentorterm.app  # noqa: F401  (installs it)

    assert Timer._run is frame_timer._run
    assert frame_timer.install() is True  # a second time: nothing more


def test_another_textual_loop_is_left_alone(monkeypatch):
    monkeypatch.setattr(Timer, "_run", frame_timer._original)
    monkeypatch.setattr(frame_timer, "_REPLACED", "0" * 16)
    assert frame_timer.install() is False
    assert Timer._run is frame_timer._original


def test_the_replaced_loop_is_textuals_own():
    assert frame_timer.source_digest(frame_timer._original) == frame_timer._REPLACED


def test_the_source_read_by_indentation_is_inspects():
    # source_lines stands in for inspect.getsource (which tokenizes the whole
    # module: 15-20 ms at start-up): over every function of Textual's busiest
    # modules and peewee (multi-line signatures, closing brackets, nested
    # functions, decorators, blank lines at the end) they give the same text.
    import inspect

    import peewee
    import textual.app
    import textual.screen
    import textual.widget
    import textual.widgets._data_table

    compared = 0
    for module in (
        textual.app,
        textual.screen,
        textual.widget,
        textual.widgets._data_table,
        peewee,
    ):
        for cls in vars(module).values():
            if not (inspect.isclass(cls) and cls.__module__ == module.__name__):
                continue
            for function in vars(cls).values():
                if not inspect.isfunction(function):
                    continue
                try:
                    expected = inspect.getsource(inspect.unwrap(function))
                except OSError:
                    continue
                assert "".join(frame_timer.source_lines(function)) == expected, function
                compared += 1
    assert compared > 1000
