"""The first run: the mentor's name and organisation, and the demo kept out of real data.

Pressed with the real keys; checked in the settings file, the database and
the bytes of the mentor's own database file.
"""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Input, Static

from mentorterm import cli, storage
from mentorterm.app import make_app
from mentorterm.demo import demo_database_path, generate_demo
from mentorterm.domain.identity import mentor_identity
from mentorterm.models import Citizen, Mentor
from mentorterm.settings import settings_path
from tests.conftest import file_bytes

TODAY = date(2026, 11, 22)


async def type_text(pilot, text: str) -> None:
    await pilot.press(*[{" ": "space"}.get(ch, ch) for ch in text])


def notes(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


# --- the mentor's identity ------------------------------------------------------


@pytest.mark.parametrize("size", [(120, 36), (80, 24)])
async def test_the_first_start_asks_the_name_and_saves_it(db_path, size):
    app = make_app(db_path, today=TODAY, ask_identity=True)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "IdentityForm"
        assert "who keeps this database" in str(app.screen.query_one("#form-title").render())
        save_button = app.screen.query_one("#form-keys", Static)
        assert save_button.region.bottom <= size[1]
        await type_text(pilot, "Hanne Mentor")
        await pilot.press("tab")
        await type_text(pilot, "Jobhuset Nord")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseloadScreen"
        assert any("Thank you, Hanne Mentor" in n for n in notes(app))
        assert Mentor.get(Mentor.is_default == True).name == "Hanne Mentor"  # noqa: E712
    known = mentor_identity()
    assert (known.name, known.organisation) == ("Hanne Mentor", "Jobhuset Nord")
    assert "[mentor]" in settings_path().read_text(encoding="utf-8")


async def test_an_empty_name_is_refused_next_to_the_field(db_path):
    app = make_app(db_path, today=TODAY, ask_identity=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("tab")
        await type_text(pilot, "Jobhuset")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "IdentityForm"
        assert "required" in str(app.screen.query_one("#e-name").render())
    assert not settings_path().exists()


async def test_escape_skips_it_for_this_session_and_the_next_start_asks_again(db_path):
    app = make_app(db_path, today=TODAY, ask_identity=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "IdentityForm"
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseloadScreen"
        assert any("asked again at the next start" in n for n in notes(app))
        # Locking and unlocking is not a new start: no second question.
        app.identity_at_start()
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseloadScreen"
    assert not mentor_identity().known
    again = make_app(db_path, today=TODAY, ask_identity=True)
    async with again.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert type(again.screen).__name__ == "IdentityForm"


async def test_a_known_name_is_not_asked_and_can_be_changed_from_the_palette(db_path):
    from mentorterm.domain.identity import save_mentor_identity

    save_mentor_identity("Hanne Mentor", "Jobhuset Nord")
    app = make_app(db_path, today=TODAY, ask_identity=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseloadScreen"
        # The database's own mentor carries the name from the settings.
        assert Mentor.get(Mentor.is_default == True).name == "Hanne Mentor"  # noqa: E712
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "Your name")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "IdentityForm"
        assert app.screen.query_one("#f-name", Input).value == "Hanne Mentor"
        app.screen.query_one("#f-organisation", Input).value = ""
        app.screen.query_one("#f-organisation", Input).focus()
        await type_text(pilot, "Jobhuset Syd")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseloadScreen"
    assert mentor_identity().organisation == "Jobhuset Syd"


def test_tests_and_scripts_get_no_question_but_the_mentors_start_does(db_path, monkeypatch):
    from mentorterm.app import MentortermApp

    made = []
    monkeypatch.setattr(MentortermApp, "run", lambda self, *a, **k: made.append(self))
    assert cli.main(["--db", str(db_path)]) == 0
    assert made and made[0].ask_identity is True
    assert make_app(db_path).ask_identity is False
    storage.close_database()


def test_the_cli_sets_and_shows_the_name(capsys, monkeypatch):
    from mentorterm.models import db

    monkeypatch.setattr(db, "obj", None)  # as in a fresh process: no database opened
    assert cli.main(["settings", "--mentor-name", "Hanne Mentor"]) == 0
    assert cli.main(["settings", "--organisation", "Jobhuset Nord"]) == 0
    known = mentor_identity()
    assert (known.name, known.organisation) == ("Hanne Mentor", "Jobhuset Nord")
    capsys.readouterr()
    assert cli.main(["settings"]) == 0
    shown = capsys.readouterr().out
    assert "[mentor]" in shown and 'name = "Hanne Mentor"' in shown
    assert 'organisation = "Jobhuset Nord"' in shown
    assert cli.main(["settings", "--mentor-name", "  "]) == 1
    assert "Write your name" in capsys.readouterr().err
    assert mentor_identity().name == "Hanne Mentor"


# --- the demo stays out of real data --------------------------------------------


async def test_d_opens_the_demo_in_its_own_file_and_leaves_the_real_one_untouched(db_path):
    storage.open_database(db_path)
    storage.close_database()
    before = file_bytes(db_path)
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "DEMO" not in app.title + app.sub_title
        await pilot.press("d")
        await pilot.pause()
        assert app.demo and "DEMO" in app.title and "fictional" in app.sub_title
        assert app.target == demo_database_path()
        assert Citizen.select().count() >= 10  # the demo, in the demo file
        assert any("Your own database was not touched" in n for n in notes(app))
        assert type(app.screen).__name__ == "CaseloadScreen"
        assert app.screen.query_one("#caseload").display
        await pilot.press("d")
        await pilot.pause()
        assert any("already the demo" in n for n in notes(app))
    assert file_bytes(db_path) == before
    storage.open_database(db_path)
    assert Citizen.select().count() == 0
    storage.close_database()
    assert demo_database_path().exists()


async def test_d_in_a_database_with_citizens_loads_nothing(db_path):
    from mentorterm.domain.citizens import create_citizen
    from mentorterm.schemas import CitizenIn

    storage.open_database(db_path)
    create_citizen(CitizenIn(name="Mette Jørgensen"))
    storage.close_database()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        assert not app.demo
        assert Citizen.select().count() == 1
    assert not demo_database_path().exists()


async def test_the_header_says_demo_while_a_demo_database_is_open(tmp_path):
    path = tmp_path / "anything.db"
    storage.open_database(path)
    generate_demo(today=TODAY)
    storage.close_database()
    app = make_app(path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "DEMO" in app.title
        header = app.screen.query_one("Header")
        assert "DEMO" in str(header.render()) or "DEMO" in "".join(
            str(w.render()) for w in header.query("HeaderTitle")
        )


def test_mentorterm_demo_without_db_never_touches_the_real_database(db_path, monkeypatch, capsys):
    storage.open_database(db_path)
    storage.close_database()
    monkeypatch.setenv("MENTORTERM_DB", str(db_path))
    before = file_bytes(db_path)
    assert cli.main(["demo", "--today", "2026-11-22"]) == 0
    out = capsys.readouterr().out
    assert str(demo_database_path()) in out and "mentorterm --db" in out
    storage.close_database()
    assert file_bytes(db_path) == before
    assert cli.main(["demo"]) == 0  # a second time: said, not refused
    assert "already in" in capsys.readouterr().out
    storage.close_database()
    storage.open_database(demo_database_path())
    assert Citizen.select().count() >= 10
    assert not storage.is_encrypted()
    storage.close_database()


async def test_a_demo_file_with_real_records_is_not_opened_as_the_demo(db_path):
    from mentorterm.domain.citizens import create_citizen
    from mentorterm.schemas import CitizenIn

    demo_path = demo_database_path()
    demo_path.parent.mkdir(parents=True, exist_ok=True)
    storage.open_database(demo_path)
    create_citizen(CitizenIn(name="Not A Demo"))
    storage.close_database()
    before = file_bytes(demo_path)
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        assert not app.demo and app.target == db_path
        assert any("not the demo" in n for n in notes(app))
        # Still on the mentor's own (empty) database, which still answers.
        assert Citizen.select().count() == 0
    assert file_bytes(demo_path) == before


async def test_d_in_the_empty_demo_file_itself_fills_it(tmp_path):
    demo_path = demo_database_path()
    demo_path.parent.mkdir(parents=True, exist_ok=True)
    app = make_app(demo_path, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        assert app.demo and Citizen.select().count() >= 10


async def test_a_demo_database_does_not_ask_who_the_mentor_is(tmp_path):
    path = tmp_path / "demo.db"
    storage.open_database(path)
    generate_demo(today=TODAY)
    storage.close_database()
    app = make_app(path, today=TODAY, ask_identity=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseloadScreen"
        assert "DEMO" in app.title
