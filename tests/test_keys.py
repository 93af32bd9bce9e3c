"""The key vocabulary: house keys mean one thing on every screen; every key is in keys.py.

Introspects every Screen (and the App) class in mentorterm.screens, so a key
added straight into a screen's BINDINGS is held to the same rules as the table.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

import mentorterm.app
import mentorterm.screens
import mentorterm.widgets
from mentorterm import keys

# Where each screen class's keys live in keys.py (its id there).
SCREEN_IDS = {
    "MentortermApp": "app",
    "PassphraseScreen": "lock",
    "AgendaScreen": "agenda",
    "ActionItemsScreen": "action_items",
    "JobSearchScreen": "job_search",
    "ReviewScreen": "review",
    "StatisticsScreen": "statistics",
    "AbsenceOverviewScreen": "absence_overview",
    "CitizenScreen": "citizen",
    "RecordsScreen": "records",
    "DeleteCitizenScreen": "delete_citizen",
    "ConfirmScreen": "confirm",
    "FormScreen": "form",
    "HelpScreen": "help",
    "LogbookScreen": "logbook",
    "NoteForm": "note_form",
    "PickScreen": "pick",
    "PickManyScreen": "pick_many",
    "MeetingsScreen": "meetings",
    "NoteViewScreen": "note_view",
    "RestoreDraftsScreen": "restore_drafts",
    "PlacementsScreen": "placements",
    "ReportsScreen": "reports",
    "ReportScreen": "report",
    "RetentionScreen": "retention",
    "ScoringScreen": "scoring",
    "HistoryScreen": "subgoal_history",
    "SubGoalsScreen": "subgoals",
    "PresentationScreen": "presentation",
    "CaseloadScreen": "caseload",
    "DiscardScreen": "discard",
    "CancelMeetingScreen": "cancel_meeting",
    "NoShowScreen": "no_show",
    "PlacementScreen": "placement",
    "CourseHistoryScreen": "course_history",
    "KeptDraftScreen": "kept_draft",
    "FiguresScreen": "figures",
    "SessionsScreen": "sessions",
    "RollCallScreen": "roll_call",
    "FigureCoursesScreen": "figure_courses",
    "TeamOverviewScreen": "team_overview",
    "SyncConflictsScreen": "sync_conflicts",
    "SyncDialog": "sync_dialog",
    "WorkplacesScreen": "workplaces",
    "WorkplaceScreen": "workplace",
}


def ui_classes() -> list[type]:
    """Every Screen and App class defined in mentorterm (screens/, widgets/ and app.py)."""
    modules = [mentorterm.app] + [
        importlib.import_module(info.name)
        for package in (mentorterm.screens, mentorterm.widgets)
        for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}.")
    ]
    found = []
    for module in modules:
        for _name, cls in vars(module).items():
            if (
                inspect.isclass(cls)
                and cls.__module__ == module.__name__
                and issubclass(cls, (Screen, App))
            ):
                found.append(cls)
    return found


def own_bindings(cls: type) -> list[Binding]:
    return [b for b in cls.__dict__.get("BINDINGS", []) if isinstance(b, Binding)]


def screen_id(cls: type) -> str:
    return SCREEN_IDS.get(cls.__name__, cls.__name__)


def every_binding():
    """(screen id, single key, action) of every binding of every class, inherited ones
    counted on the class that declares them."""
    for cls in ui_classes():
        for binding in own_bindings(cls):
            for key in binding.key.split(","):
                yield screen_id(cls), key.strip(), binding.action


def test_the_screens_are_found():
    names = {cls.__name__ for cls in ui_classes()}
    assert {"CaseloadScreen", "LogbookScreen", "ConfirmScreen", "MentortermApp"} <= names
    assert len(names) >= 30


@pytest.mark.parametrize("cls", ui_classes(), ids=lambda c: c.__name__)
def test_a_house_key_means_one_thing_on_every_screen(cls):
    wrong = []
    for binding in own_bindings(cls):
        for key in binding.key.split(","):
            key = key.strip()
            if key not in keys.HOUSE:
                continue
            meaning, actions = keys.HOUSE[key]
            if binding.action in actions:
                if key == "q" and screen_id(cls) != "caseload":
                    wrong.append(f"q quits only from home (the caseload), not {cls.__name__}")
                continue
            if (screen_id(cls), key, binding.action) in keys.EXCEPTIONS:
                continue
            wrong.append(
                f"{cls.__name__}: {key} is {meaning!r} everywhere, here it does {binding.action!r}"
            )
    assert wrong == []


def test_the_table_holds_the_same_rules():
    wrong = []
    for entry in keys.TABLE:
        for key in entry.keys.split(","):
            if key not in keys.HOUSE or entry.action in keys.HOUSE[key][1]:
                continue
            if not all((screen, key, entry.action) in keys.EXCEPTIONS for screen in entry.screens):
                wrong.append((key, entry.action, entry.screens))
    assert wrong == []
    # An exception is for one screen, with a reason, and still in the table.
    for (screen, key, action), reason in keys.EXCEPTIONS.items():
        assert reason and key in keys.HOUSE
        assert any(
            screen in e.screens and key in e.keys.split(",") and e.action == action
            for e in keys.TABLE
        ), (screen, key, action)


def test_the_old_meanings_are_gone():
    """The clashes issue 13 found: n/u in the logbook, n/p in the review, a on a citizen."""

    def actions(screen: str, key: str) -> set[str]:
        return {e.action for e in keys.keys_of(screen) if key in e.keys.split(",")}

    assert actions("logbook", "n") == set()
    assert actions("logbook", "u") == {"undo"}
    assert actions("review", "n") == actions("review", "p") == set()
    assert actions("citizen", "a") == set() and actions("citizen", "ctrl+a") == {"archive"}
    # a adds wherever it is a plain letter (retention: marks all for erasure).
    a_actions = {e.action for e in keys.TABLE if "a" in e.keys.split(",")}
    assert a_actions == {"add", "add_step", "agreement", "mark_all"}


def test_every_binding_of_every_screen_is_in_the_table():
    """A key typed straight into a screen's BINDINGS belongs in keys.py (see its docstring)."""
    table = {
        (screen, key, e.action)
        for e in keys.TABLE
        for screen in e.screens
        for key in e.keys.split(",")
    }
    missing = [b for b in every_binding() if b not in table]
    assert missing == [], "move these into mentorterm/keys.py: " + repr(missing)


@pytest.mark.parametrize(
    "cls", [c for c in ui_classes() if own_bindings(c)], ids=lambda c: c.__name__
)
def test_each_screen_takes_its_bindings_from_the_table(cls):
    sid = screen_id(cls)
    assert sid in keys.screens(), (
        f"{cls.__name__} has no id in keys.py (or none in SCREEN_IDS above)"
    )
    declared = [(b.key, b.action, b.description, b.show, b.priority) for b in own_bindings(cls)]
    table = [(b.key, b.action, b.description, b.show, b.priority) for b in keys.bindings(sid)]
    assert declared == table


def test_a_key_is_bound_once_per_screen():
    for screen in keys.screens():
        seen: dict[str, str] = {}
        for entry in keys.keys_of(screen):
            for key in entry.keys.split(","):
                assert key not in seen, f"{screen}: {key} is both {seen[key]} and {entry.action}"
                seen[key] = entry.action


def test_every_shown_key_has_a_label_and_every_label_is_translated_text():
    for entry in keys.TABLE:
        if entry.show:
            assert entry.label, entry
        assert entry.label == entry.label.strip()


def test_the_caseload_sorts_only_columns_it_has():
    from mentorterm.screens.caseload import COLUMNS

    digits = [e for e in keys.keys_of("caseload") if e.action.startswith("sort_by(")]
    assert len(digits) <= len(COLUMNS)


def test_an_unknown_screen_is_a_clear_error():
    with pytest.raises(KeyError, match="no keys for a screen"):
        keys.bindings("no-such-screen")


def test_the_help_lists_a_screen_s_keys_from_the_table():
    from mentorterm.screens.help import bindings_of
    from mentorterm.screens.logbook import LogbookScreen

    screen = LogbookScreen.__new__(LogbookScreen)
    listed = dict((d, k) for k, d in bindings_of(screen))
    # Help has the longer words where the footer's label is short.
    assert listed["Present (the planned hours worked)"] == "1" and listed["Sick"] == "2"
    assert listed["Absent with notice"] == "3" and listed["Absent without notice"] == "4"
    assert listed["Undo the last attendance marked"] == "u"
    assert listed["Help"] == "?" and listed["Delete day"] == "delete"


# --- the keys at work: a key that hides a record asks first ---------------------------------


async def test_archive_is_ctrl_a_and_asks_first_restore_does_not(db_path):
    from datetime import date

    from mentorterm import storage
    from mentorterm.app import make_app
    from mentorterm.domain.citizens import create_citizen
    from mentorterm.models import Citizen
    from mentorterm.schemas import CitizenIn

    storage.open_database(db_path)
    citizen = create_citizen(CitizenIn(name="Mette Jørgensen"))
    storage.close_database()
    app = make_app(db_path, today=date(2026, 11, 22))
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_citizen(citizen)
        await pilot.pause()
        await pilot.press("a")  # a is "add" elsewhere: here it does nothing
        await pilot.pause()
        assert type(app.screen).__name__ == "CitizenScreen"
        assert Citizen.get_by_id(citizen).archived_on is None
        await pilot.press("ctrl+a")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"
        assert "Archive Mette Jørgensen?" in str(app.screen.query_one("#question").render())
        await pilot.press("n")  # no: nothing changes
        await pilot.pause()
        assert type(app.screen).__name__ == "CitizenScreen"
        assert Citizen.get_by_id(citizen).archived_on is None
        await pilot.press("ctrl+a", "escape")  # escape says no as well
        await pilot.pause()
        assert Citizen.get_by_id(citizen).archived_on is None
        await pilot.press("ctrl+a", "y")
        await pilot.pause()
        assert Citizen.get_by_id(citizen).archived_on == date(2026, 11, 22)
        assert "Archived" in str(list(app._notifications)[-1].message)
        await pilot.press("ctrl+a")  # restoring hides nothing: at once
        await pilot.pause()
        assert type(app.screen).__name__ == "CitizenScreen"
        assert Citizen.get_by_id(citizen).archived_on is None


@pytest.fixture
def demo_db(tmp_path):
    from datetime import date

    from mentorterm import storage
    from mentorterm.demo import generate_demo

    path = tmp_path / "mentorterm.db"
    storage.open_database(path)
    generate_demo(seed=1, today=date(2026, 11, 22))
    storage.close_database()
    return path


@pytest.mark.parametrize(
    "letter,screen,model",
    [
        ("l", "LogbookScreen", "LogbookEntry"),
        ("m", "MeetingsScreen", "Meeting"),
    ],
)
async def test_delete_asks_first_and_escape_keeps_everything(demo_db, letter, screen, model):
    """delete is "remove, asks first" on every list: escape in the question keeps all."""
    from datetime import date

    from mentorterm import models
    from mentorterm.app import make_app
    from mentorterm.models import Citizen, LogbookEntry

    app = make_app(demo_db, today=date(2026, 11, 22))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        with_logbook = Citizen.select().join(LogbookEntry).distinct().first()
        app.open_citizen(with_logbook.id)
        await pilot.pause()
        await pilot.press(letter)
        await pilot.pause()
        assert type(app.screen).__name__ == screen
        table = getattr(models, model)
        before = table.select().count()
        await pilot.press("delete")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == screen
        assert table.select().count() == before


def footer_overflow(app) -> list[str]:
    """The footer keys that run under the palette key (cut off), at the screen's width."""
    footer = app.screen.query_one("Footer")
    parts = list(footer.query("FooterKey")) + list(footer.query("FooterLabel"))
    palette = [part for part in parts if part.has_class("-command-palette")]
    limit = palette[0].region.x if palette else app.size.width
    return [
        str(part.render()).strip()
        for part in parts
        if part not in palette and part.region.right > limit
    ]


async def test_every_footer_fits_80_columns_with_escape_and_help(demo_db):
    from datetime import date

    from mentorterm.app import make_app

    app = make_app(demo_db, today=date(2026, 11, 22))
    seen = {}
    async with app.run_test(size=(80, 24)) as pilot:

        async def visit(*keys_pressed: str) -> None:
            await pilot.press(*keys_pressed)
            await pilot.pause()
            await pilot.pause()
            seen[type(app.screen).__name__] = footer_overflow(app)

        await visit()  # the caseload
        await visit("m")
        await visit("escape", "t")
        await visit("escape", "R")
        await visit("escape", "enter")  # Ali H., with a placement and a logbook
        for letter, inner in (
            ("g", "enter"),
            ("p", None),
            ("m", None),
            ("r", None),
            ("h", None),
            ("l", "t"),
        ):
            await visit(letter)
            if inner:
                await visit(inner)
                await visit("escape")
            await pilot.press("escape")
        await visit("l", "t", "v")
        for _ in range(4):
            await pilot.press("escape")
        await visit("G")  # the group sessions and a roll call
        await visit("enter")
    assert {
        "SessionsScreen",
        "RollCallScreen",
        "CaseloadScreen",
        "AgendaScreen",
        "ActionItemsScreen",
        "ReviewScreen",
        "CitizenScreen",
        "SubGoalsScreen",
        "HistoryScreen",
        "PlacementsScreen",
        "MeetingsScreen",
        "ReportsScreen",
        "CourseHistoryScreen",
        "LogbookScreen",
        "StatisticsScreen",
        "AbsenceOverviewScreen",
    } <= set(seen)
    assert {name: cut for name, cut in seen.items() if cut} == {}
