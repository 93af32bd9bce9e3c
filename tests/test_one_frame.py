"""A change drawn in one frame (mentorterm/widgets/one_frame.py).

A small app with a box and a line below it: the box's change is handled on
the screen and takes longer than a frame (as the caseload's filter does on
5,000 citizens) before it rewrites the line. The app notes each frame the
screen draws; the frames are counted, not timed.
"""

from __future__ import annotations

import time

import pytest
from textual import on
from textual.app import App, ComposeResult
from textual.widgets import Input, Static

from mentorterm.frame_timer import source_digest
from mentorterm.widgets import one_frame
from mentorterm.widgets.one_frame import join_frame


class Typing(App):
    def __init__(self, joined: bool) -> None:
        super().__init__()
        self.joined = joined
        self.frames = 0

    def compose(self) -> ComposeResult:
        yield Input(id="box")
        yield Static("nothing yet", id="line")

    @on(Input.Changed, "#box")
    def _changed(self, event: Input.Changed) -> None:
        time.sleep(0.04)  # the narrowing: more than two frames' time
        line = self.query_one("#line", Static)
        line.update(f"typed: {event.value}")
        if self.joined:
            join_frame(self.screen, line)

    def _display(self, screen, renderable) -> None:
        if renderable is not None:
            self.frames += 1
        super()._display(screen, renderable)


async def frames_of_a_letter(joined: bool) -> tuple[int, str]:
    app = Typing(joined)
    async with app.run_test(size=(40, 6)) as pilot:
        await pilot.pause(0.1)
        app.frames = 0
        await pilot.press("a")
        await pilot.pause(0.1)
        return app.frames, str(app.query_one("#line", Static).render())


async def test_the_letter_and_what_it_changed_come_in_one_frame():
    frames, line = await frames_of_a_letter(joined=True)
    assert line == "typed: a"
    assert frames == 1


async def test_without_it_the_line_comes_a_frame_after_the_letter():
    # What join_frame is for: Textual's own way draws the box's letter first.
    frames, line = await frames_of_a_letter(joined=False)
    assert line == "typed: a"
    assert frames == 2


async def test_a_widget_not_on_screen_is_left_to_textual():
    app = Typing(joined=True)
    async with app.run_test(size=(40, 6)) as pilot:
        await pilot.pause(0.1)
        line = app.query_one("#line", Static)
        line.display = False
        await pilot.pause(0.1)
        line.update("hidden")
        assert join_frame(app.screen, line) == 0
        line.display = True
        line.update("shown again")
        await pilot.pause(0.1)
        assert str(line.render()) == "shown again"


async def test_on_another_textual_it_does_nothing(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(one_frame, "follows_textual", lambda: False)
    app = Typing(joined=True)
    async with app.run_test(size=(40, 6)) as pilot:
        await pilot.pause(0.1)
        line = app.query_one("#line", Static)
        line.update("later")
        assert join_frame(app.screen, line) == 0
        await pilot.pause(0.1)
        assert str(line.render()) == "later"


def test_the_pinned_textual_is_the_one_it_follows():
    # A Textual update that changes the repaint path turns join_frame off or,
    # were the lines kept, follows a changed path: this says so, so the path
    # is read again and the digests and lines with it.
    assert one_frame.follows_textual()
    for name, (digest, first, last) in one_frame.FOLLOWED.items():
        function = one_frame.FOLLOWED_FUNCTIONS[name]
        assert source_digest(function) == digest
        assert one_frame.lines_of(function) == (first, last)


def test_a_repaint_path_on_other_lines_is_not_followed(monkeypatch: pytest.MonkeyPatch):
    one_frame.follows_textual.cache_clear()
    monkeypatch.setitem(one_frame.FOLLOWED, "_on_update", ("0" * 16, 1, 2))
    try:
        assert not one_frame.follows_textual()
    finally:
        one_frame.follows_textual.cache_clear()
