"""The job search and the workplace register together, with real keys: the company
of a contact and of a company to approach is found in the register as you type
(a name it lacks is kept as typed); a workplace's screen lists the citizens'
contacts with it and the lists it is on, matched by name (case and spaces aside),
and its help says so."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.widgets import DataTable, Input, Static

from mentorterm import storage
from mentorterm.app import make_app
from mentorterm.domain import jobsearch as js
from mentorterm.domain import workplaces as register
from mentorterm.domain.citizens import create_citizen
from mentorterm.domain.jobsearch.by_company import job_search_at
from mentorterm.models import AuditEntry, JobContact, TargetCompany
from mentorterm.schemas import CitizenIn, JobContactIn, TargetCompanyIn
from mentorterm.schemas.workplaces import WorkplaceIn

TODAY = date(2026, 11, 22)
SIZE = (120, 36)


def shown(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def rows(app, selector: str) -> list[list[str]]:
    table = app.screen.query_one(selector, DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


def contact(company: str, day: str = "10-11-2026", **more) -> JobContactIn:
    return JobContactIn(company=company, how="application", contacted_on=day, **more)


def test_the_job_search_at_a_company_is_matched_by_name(database):
    ali = create_citizen(CitizenIn(name="Ali H."))
    bo = create_citizen(CitizenIn(name="Bo K."))
    js.add_contact(ali, contact("Netto Vest", "01-11-2026"))
    js.add_contact(bo, contact("  NETTO   vest ", "05-11-2026", follow_up_on="20-11-2026"))
    js.add_contact(ali, contact("Netto", "06-11-2026"))  # another name: not this one
    js.add_target(ali, TargetCompanyIn(company="netto vest", why="near home"), TODAY)
    js.add_target(bo, TargetCompanyIn(company="Føtex"), TODAY)
    found = job_search_at("Netto Vest")
    assert [(c.citizen_name, c.contacted_on) for c in found.contacts] == [
        ("Bo K.", date(2026, 11, 5)),  # newest first
        ("Ali H.", date(2026, 11, 1)),
    ]
    assert [(t.citizen_name, t.why) for t in found.targets] == [("Ali H.", "near home")]
    assert job_search_at("føtex").targets[0].citizen_name == "Bo K."  # any case, beyond ASCII
    assert job_search_at("   ").contacts == []


async def test_the_contact_and_target_forms_find_the_register_as_you_type(db_path):
    storage.open_database(db_path)
    ali = create_citizen(CitizenIn(name="Ali H."))
    register.create_workplace(WorkplaceIn(name="Netto Vest"))
    register.create_workplace(WorkplaceIn(name="Kommunens Værksted"))
    storage.close_database()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_citizen(ali)
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert type(app.screen).__name__ == "ContactForm"
        assert shown(app, "#workplace-matches") == "Type to find a workplace in the register."
        await pilot.press(*"ne")
        await pilot.pause()
        assert "In the register: Netto Vest" in shown(app, "#workplace-matches")
        await pilot.press("right")  # takes the register's name
        await pilot.pause()
        assert app.screen.query_one("#f-company", Input).value == "Netto Vest"
        assert shown(app, "#workplace-matches") == "✓ In the register: Netto Vest"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "JobSearchScreen"
        assert [c.company for c in JobContact.select()] == ["Netto Vest"]
        # A company the register lacks is kept as typed.
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Bager", "space", *"Hansen")
        await pilot.pause()
        assert shown(app, "#workplace-matches") == "Not in the register: saved as typed."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert {c.company for c in JobContact.select()} == {"Netto Vest", "Bager Hansen"}
        # tab to the companies to approach: n finds the register the same way.
        await pilot.press("tab", "n")
        await pilot.pause()
        assert type(app.screen).__name__ == "TargetForm"
        await pilot.press(*"værk")
        await pilot.pause()
        assert "In the register: Kommunens Værksted" in shown(app, "#workplace-matches")
        await pilot.press("right", "ctrl+s")
        await pilot.pause()
        assert [t.company for t in TargetCompany.select()] == ["Kommunens Værksted"]


async def test_the_workplace_screen_lists_the_job_search_there(db_path):
    storage.open_database(db_path)
    ali = create_citizen(CitizenIn(name="Ali H."))
    bo = create_citizen(CitizenIn(name="Bo K."))
    create_citizen(CitizenIn(name="Cai L."))
    site = register.create_workplace(WorkplaceIn(name="Netto Vest"))
    js.add_contact(ali, contact("netto vest", follow_up_on="28-11-2026"))
    js.add_contact(bo, contact("Netto  Vest", "12-11-2026", outcome="interview"))
    js.add_contact(bo, contact("Netto Øst"))  # another company
    js.add_target(ali, TargetCompanyIn(company="NETTO VEST", why="near home"), TODAY)
    storage.close_database()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("W")
        await pilot.pause()
        before = AuditEntry.select().where(AuditEntry.what == "workplace").count()
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "WorkplaceScreen"
        assert app.screen.workplace_id == site
        heading = shown(app, "#workplace-jobsearch-heading")
        assert "Job search with “Netto Vest” (2 contacts, on 1 list to approach)" in heading
        assert "matched by name" in heading
        assert rows(app, "#workplace-jobsearch") == [
            ["Bo K.", "Application", "12-11-2026", "Interview"],
            ["Ali H.", "Application", "10-11-2026", "Waiting for an answer · follow up 28-11-2026"],
            ["Ali H.", "To approach", "22-11-2026", "near home"],
        ]
        # The two citizens seen here (the job search only) are in the audit log, once each.
        assert AuditEntry.select().where(AuditEntry.what == "workplace").count() == before + 2
        # ? says it matches by name.
        await pilot.press("question_mark")
        await pilot.pause()
        assert "matched by name" in shown(app, "#help-note")
        await pilot.press("escape")
        await pilot.pause()
        # tab to the job search, enter opens that row's citizen.
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "CitizenScreen"
        assert app.screen.citizen_id == bo


@pytest.mark.parametrize("name", ["Café Nord"])
async def test_a_workplace_without_job_search_says_so(db_path, name):
    storage.open_database(db_path)
    register.create_workplace(WorkplaceIn(name=name))
    storage.close_database()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("W", "enter")
        await pilot.pause()
        assert shown(app, "#workplace-jobsearch-heading") == (
            f"No job-search contact with “{name}” yet (linked or matched by name)."
        )
        assert not app.screen.query_one("#workplace-jobsearch", DataTable).display


NAMES = st.text(alphabet="abcæøåéABCÆØÅ ", min_size=1, max_size=12).filter(lambda s: s.strip())


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=NAMES, spaces=st.lists(st.integers(1, 3), min_size=1, max_size=6), upper=st.booleans())
def test_any_spelling_but_case_and_spaces_finds_the_company(database, name, spaces, upper):
    """The name typed with other case and other runs of spaces is the same company;
    a name with a letter more is another."""
    words = name.split()
    typed = "".join(w + " " * n for w, n in zip(words, spaces + [1] * len(words), strict=False))
    typed = typed.upper() if upper else typed.lower()
    cid = create_citizen(CitizenIn(name="Ali H."))
    try:
        js.add_contact(cid, contact(typed))
        js.add_target(cid, TargetCompanyIn(company=" " + typed), TODAY)
        found = job_search_at(" ".join(words))
        assert (len(found.contacts), len(found.targets)) == (1, 1)
        assert job_search_at(" ".join(words) + "x").contacts == []
    finally:
        JobContact.delete().execute()
        TargetCompany.delete().execute()


async def test_the_contact_form_still_keeps_a_draft_as_the_company_is_found(db_path):
    """The company field's own handler does not take the change from the form's draft."""
    from mentorterm.models import Draft

    storage.open_database(db_path)
    ali = create_citizen(CitizenIn(name="Ali H."))
    register.create_workplace(WorkplaceIn(name="Netto Vest"))
    storage.close_database()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_citizen(ali)
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"net", "right")
        await pilot.pause(2.5)
        assert "✓ In the register" in shown(app, "#workplace-matches")
        (draft,) = Draft.select()
        assert "Netto Vest" in draft.payload
