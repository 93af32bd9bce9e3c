"""The sync in the app (issue 19): Y on a laptop syncs through its own
process; Y on the team database lists the conflicts, decided with m, t, e."""

from __future__ import annotations

import asyncio
from datetime import date

from mentorterm import storage
from mentorterm.app import make_app
from mentorterm.domain.sync import conflicts
from mentorterm.models import ChangeOp, Citizen, LogbookEntry, SyncConflict

from .svg_screen import read
from .team_logins import PASSWORD
from .test_sync import Laptop, _anna_with_ali, _edit, _on, _write_week

TODAY = date(2026, 11, 23)


def _text(app) -> str:
    return "\n".join(read(app.export_screenshot()).lines)


def _conflict(team, tmp_path) -> Laptop:
    _anna_with_ali(team)
    laptop = Laptop(tmp_path / "anna.db", team["anna"])
    laptop.sync(take=True, name="Annas laptop")
    _edit(laptop.path, notes="Takes the bus alone")
    _edit(team["anna"], notes="Still needs a lift on Mondays")
    laptop.sync()
    return laptop


async def _decide(team, keys: list[str], *, text: str | None = None) -> str:
    app = make_app(team["anna"], today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("Y")
        await pilot.pause()
        assert type(app.screen).__name__ == "SyncConflictsScreen"
        shot = _text(app)
        assert "Ali H." in shot and "Citizen · Notes" in shot
        assert "Takes the bus alone" in shot and "Still needs a lift" in shot
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        if text is not None:
            area = app.screen.query_one("TextArea")
            area.text = text
            await pilot.press("ctrl+s")
            await pilot.pause()
        await pilot.pause()
        shot = _text(app)
    storage.close_database()
    return shot


async def test_keep_the_laptops_asks_first_and_then_applies_it(team, tmp_path):
    _conflict(team, tmp_path)
    shot = await _decide(team, ["m", "y"])
    assert "none to decide" in shot
    assert _on(team["bo"], lambda: Citizen.get(Citizen.name == "Ali H.").notes) == (
        "Takes the bus alone"
    )


async def test_saying_no_to_the_question_changes_nothing(team, tmp_path):
    _conflict(team, tmp_path)
    await _decide(team, ["t", "n"])
    assert _on(team["anna"], lambda: len(conflicts.open_conflicts())) == 1


async def test_a_merged_text_written_with_e_is_kept(team, tmp_path):
    _conflict(team, tmp_path)
    await _decide(team, ["e"], text="Takes the bus alone, a lift on Mondays")
    assert _on(team["bo"], lambda: Citizen.get(Citizen.name == "Ali H.").notes) == (
        "Takes the bus alone, a lift on Mondays"
    )
    assert _on(team["bo"], lambda: SyncConflict.get().resolution) == "merged"


async def test_y_on_the_laptop_syncs_and_shows_what_it_did(team, tmp_path):
    _anna_with_ali(team)
    laptop = Laptop(tmp_path / "anna.db", team["anna"])
    laptop.sync(take=True, name="Annas laptop")
    _write_week(laptop)
    app = make_app(laptop.path, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("Y")
        await pilot.pause()
        assert type(app.screen).__name__ == "SyncDialog"
        assert "5 records changed here not yet sent" in _text(app)
        await pilot.click("#sync-password")
        for char in PASSWORD:
            await pilot.press("space" if char == " " else char)
        await pilot.press("ctrl+s")
        for _ in range(100):
            await asyncio.sleep(0.1)
            if not app.screen.running:
                break
        await pilot.pause()
        shot = _text(app)
        assert "Sent 5 changes: 5 applied" in shot, shot
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseloadScreen"
    storage.close_database()
    assert _on(team["bo"], lambda: LogbookEntry.select().count()) == 5
    assert _on(laptop.path, lambda: ChangeOp.select().count()) == 0


async def test_y_on_a_database_that_holds_no_team_citizens_says_how_to_begin(db_path):
    storage.open_database(db_path)
    storage.close_database()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("Y")
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseloadScreen"
        assert any("mentorterm sync out" in str(n.message) for n in app._notifications)


async def test_colleagues_see_where_a_citizen_is_out_and_the_review_counts_conflicts(
    team, tmp_path
):
    _conflict(team, tmp_path)
    app = make_app(team["bo"], today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("M")  # the team's citizens
        await pilot.pause()
        await pilot.press("slash", "A", "l", "i", "enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "CitizenScreen"
        assert "out on Annas laptop (Anna) since" in _text(app)
        assert "1 sync conflict to decide: Y on the caseload" in _text(app)
        await pilot.press("escape", "R")
        await pilot.pause()
        await pilot.pause()
        assert type(app.screen).__name__ == "ReviewScreen"
        assert "1 sync conflict to decide (Y)" in _text(app)
    storage.close_database()


async def test_the_citizen_s_conflict_mark_goes_once_the_conflict_is_decided(team, tmp_path):
    _conflict(team, tmp_path)
    await _decide(team, ["m", "y"])
    app = make_app(team["anna"], today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "CitizenScreen"
        shot = _text(app)
        assert "Ali H." in shot and "sync conflict" not in shot
    storage.close_database()
