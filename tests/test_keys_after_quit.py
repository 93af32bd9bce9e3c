"""Keys typed right after q (a fast hand, a key held down) open nothing more:
the app ends cleanly with status 0, not with an error from a screen mounted on
an app already taking itself down (screens/lock.py, ``LockGuard.leaving``)."""

from __future__ import annotations

from datetime import date

import pytest
from textual import events

from mentorterm import storage
from mentorterm.app import make_app
from mentorterm.demo import generate_demo

TODAY = date(2026, 12, 3)


@pytest.fixture
def demo_path(db_path):
    storage.open_database(db_path)
    generate_demo(seed=1, today=TODAY)
    storage.close_database()
    return db_path


@pytest.mark.parametrize("after", ["t", "m", "n", "R", "question_mark", "enter"])
async def test_a_key_typed_straight_after_q_opens_nothing_and_the_app_ends_cleanly(
    demo_path, after
):
    app = make_app(demo_path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        # Both keys queued before either is handled, as a terminal delivers them.
        app.post_message(events.Key("q", "q"))
        app.post_message(events.Key(after, "?" if after == "question_mark" else after))
        await pilot.pause(0.3)
        assert type(app.screen).__name__ == "CaseloadScreen"
    assert app.return_code == 0
    assert not app._exit_renderables  # no "mentorterm stopped: …" message


async def test_the_same_key_without_q_still_opens_its_screen(demo_path):
    app = make_app(demo_path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.post_message(events.Key("t", "t"))
        await pilot.pause(0.3)
        assert type(app.screen).__name__ == "ActionItemsScreen"
        await pilot.press("escape", "q")
    assert app.return_code == 0
