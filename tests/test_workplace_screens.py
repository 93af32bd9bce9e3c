"""The workplace register on screen, with real keys: W from the caseload, n and
ctrl+s, / finds as you type, e edits, enter opens a workplace with its
placements, ctrl+a archives (asks first); the placement form finds a workplace
as you type and links the placement to it."""

from __future__ import annotations

from datetime import date

from textual.widgets import DataTable, Input, Static

from mentorterm import storage
from mentorterm.app import make_app
from mentorterm.domain import workplaces as register
from mentorterm.domain.citizens import create_citizen
from mentorterm.domain.workplaces import site_of
from mentorterm.models import AuditEntry, Placement, Workplace
from mentorterm.schemas import CitizenIn
from mentorterm.schemas.workplaces import WorkplaceIn

TODAY = date(2026, 11, 22)
SIZE = (120, 36)


def shown(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def names(app) -> list[str]:
    table = app.screen.query_one("#workplaces", DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)] if table.display else []


async def test_the_register_new_find_edit_open_and_archive(db_path):
    storage.open_database(db_path)
    register.create_workplace(WorkplaceIn(name="Bager Hansen"))
    storage.close_database()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("W")
        await pilot.pause()
        assert type(app.screen).__name__ == "WorkplacesScreen"
        assert names(app) == ["Bager Hansen"]
        await pilot.press("n")
        await pilot.pause()
        assert type(app.screen).__name__ == "WorkplaceForm"
        await pilot.press(*"Netto Vest", "tab", *"Detail", "ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "WorkplacesScreen"
        made = Workplace.get(Workplace.name == "Netto Vest")
        assert made.sector == "Detail"
        assert names(app) == ["Bager Hansen", "Netto Vest"]
        # The same name again is refused in words, nothing written.
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"netto vest", "ctrl+s")
        await pilot.pause()
        assert shown(app, "#e-name") == "“Netto Vest” is already in the register."
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert Workplace.select().count() == 2
        # / finds as you type.
        await pilot.press("slash", *"NET")
        await pilot.pause()
        assert names(app) == ["Netto Vest"]
        await pilot.press("x")
        await pilot.pause()
        assert "No workplace matches “NETx”" in shown(app, "#workplaces-empty")
        await pilot.press("backspace", "enter")  # back to the list, the filter kept
        await pilot.pause()
        assert names(app) == ["Netto Vest"]
        # e edits the one in focus.
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#f-name", Input).value == "Netto Vest"
        app.screen.query_one("#f-supervisor_name", Input).value = "Lone Berg"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert Workplace.get_by_id(made.id).supervisor_name == "Lone Berg"
        # enter opens it.
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "WorkplaceScreen"
        assert "Netto Vest" in shown(app, "#workplace-title")
        assert "Lone Berg" in shown(app, "#workplace-facts")
        assert "No placement here yet" in shown(app, "#workplace-heading")
        # ctrl+a asks first: no keeps it, yes archives.
        await pilot.press("ctrl+a")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"
        await pilot.press("n")
        await pilot.pause()
        assert not Workplace.get_by_id(made.id).archived
        await pilot.press("ctrl+a")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert Workplace.get_by_id(made.id).archived
        assert "archived" in shown(app, "#workplace-title")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")  # the filter goes first
        await pilot.pause()
        assert names(app) == ["Bager Hansen"]
    assert AuditEntry.select().where(AuditEntry.what == "workplace").count() == 4


async def test_the_placement_form_finds_a_workplace_as_you_type(db_path):
    storage.open_database(db_path)
    citizen = create_citizen(CitizenIn(name="Ali H."))
    site = register.create_workplace(
        WorkplaceIn(name="Netto Vest", supervisor_name="Lone Berg", company_consultant="Per Ask")
    )
    register.create_workplace(WorkplaceIn(name="Kommunens Værksted"))
    storage.close_database()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        app.open_citizen(citizen)
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        form.query_one("#f-workplace", Input).focus()
        await pilot.press(*"ne")
        await pilot.pause()
        assert "In the register: Netto Vest" in shown(app, "#workplace-matches")
        await pilot.press("right")  # takes the register's name
        await pilot.pause()
        assert form.query_one("#f-workplace", Input).value == "Netto Vest"
        assert "✓ In the register: Netto Vest" in shown(app, "#workplace-matches")
        assert form.query_one("#f-supervisor_name", Input).value == "Lone Berg"
        assert form.query_one("#f-company_consultant", Input).value == "Per Ask"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "PlacementsScreen"
        placement = Placement.get()
        assert (placement.workplace, site_of(placement)) == ("Netto Vest", site)
        assert placement.supervisor_name == "Lone Berg"
        # A name the register lacks links to none; the typed name is kept.
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#f-workplace", Input).focus()
        await pilot.press(*"Café Nord")
        await pilot.pause()
        assert shown(app, "#workplace-matches") == "Not in the register: saved as typed."
        await pilot.press("ctrl+s")
        await pilot.pause()
        other = Placement.get(Placement.workplace == "Café Nord")
        assert site_of(other) is None
        # The workplace's screen lists the placement with the citizen.
        app.action_workplaces()
        await pilot.pause()
        await pilot.press("down", "enter")  # Netto Vest is second by name
        await pilot.pause()
        table = app.screen.query_one("#workplace-placements", DataTable)
        assert [str(c) for c in table.get_row_at(0)][0] == "Ali H."
        assert str(table.get_row_at(0)[4]) == "running"


async def test_L_links_the_typed_names_after_asking(db_path):
    storage.open_database(db_path)
    citizen = create_citizen(CitizenIn(name="Ali H."))
    for name, start in (("Netto Vest", date(2026, 1, 5)), ("netto  VEST", date(2026, 3, 1))):
        Placement.create(citizen=citizen, kind="company_internship", workplace=name,
                         start_date=start, end_date=start)  # fmt: skip
    storage.close_database()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("W")
        await pilot.pause()
        await pilot.press("L")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"
        question = shown(app, "#question")
        assert "Link 2 placements to the register" in question and "1 new workplace" in question
        await pilot.press("n")  # no: nothing written
        await pilot.pause()
        assert Workplace.select().count() == 0
        await pilot.press("L")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert names(app) == ["Netto Vest"]
        (site,) = Workplace.select()
        assert {site_of(p) for p in Placement.select()} == {site.id}
        await pilot.press("L")
        await pilot.pause()
        assert type(app.screen).__name__ == "WorkplacesScreen"  # nothing left: no question


async def test_editing_a_linked_placement_keeps_its_link_until_the_name_changes(db_path):
    storage.open_database(db_path)
    citizen = create_citizen(CitizenIn(name="Ali H."))
    site = register.create_workplace(WorkplaceIn(name="Netto Vest"))
    placement = Placement.create(citizen=citizen, kind="company_internship", workplace="Netto",
                                 start_date=date(2026, 11, 2), site=site)  # fmt: skip
    storage.close_database()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        app.open_citizen(citizen)
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        # Typed "Netto", linked to the register's Netto Vest: the link shows and stays.
        assert shown(app, "#workplace-matches") == "✓ In the register: Netto Vest"
        app.screen.query_one("#f-supervisor_name", Input).value = "Lone Berg"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert site_of(Placement.get_by_id(placement.id)) == site
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#f-workplace", Input).focus()
        await pilot.press("end", *" Syd")
        await pilot.pause()
        assert shown(app, "#workplace-matches") == "Not in the register: saved as typed."
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = Placement.get_by_id(placement.id)
        assert (saved.workplace, site_of(saved)) == ("Netto Syd", None)
