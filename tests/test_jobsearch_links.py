"""A job-search company's link to the workplace register: filled when the
mentor takes the register's workplace in the form (or types its name), kept
while the name stays, gone when the name is edited away; the workplace's
screen lists the linked ones first (whatever the register's name is now),
then those linked to none by name; the interchange format carries the link
by the workplace's key. Both engines; the form with real keys."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Input

from mentorterm import storage
from mentorterm.app import make_app
from mentorterm.domain import jobsearch as js
from mentorterm.domain import workplaces as register
from mentorterm.domain.citizens import create_citizen
from mentorterm.domain.jobsearch.by_company import job_search_at
from mentorterm.domain.transfer import dumps, export_document, import_document, parse_document
from mentorterm.models import JobContact, TargetCompany, Workplace
from mentorterm.schemas import CitizenIn, JobContactIn, TargetCompanyIn
from mentorterm.schemas.workplaces import WorkplaceIn

from .test_workplace_jobsearch import SIZE, TODAY, shown

NOW_DAY = date(2026, 11, 22)


def contact(company: str, day: str = "10-11-2026") -> JobContactIn:
    return JobContactIn(company=company, how="application", contacted_on=day)


def link(model, row_id: int) -> int | None:
    return model.get_by_id(row_id).__data__.get("workplace")


@pytest.mark.both_engines
def test_the_link_follows_the_company_name(database):
    ali = create_citizen(CitizenIn(name="Ali H."))
    site = register.create_workplace(WorkplaceIn(name="Netto Vest"))
    picked = js.add_contact(ali, contact("Netto Vest"), workplace_id=site)
    typed = js.add_contact(ali, contact("  netto   VEST "))  # its name: linked too
    other = js.add_contact(ali, contact("Bager Hansen"))
    assert (link(JobContact, picked), link(JobContact, typed), link(JobContact, other)) == (
        site,
        site,
        None,
    )
    # Another field corrected, the company as it was: the link stays.
    js.update_contact(picked, contact("Netto Vest", "11-11-2026"))
    assert link(JobContact, picked) == site
    # The name edited away from the workplace: linked to none.
    js.update_contact(typed, contact("Lidl"))
    assert link(JobContact, typed) is None
    # A workplace picked that is gone from the register: the name decides.
    js.update_contact(other, contact("Bager Hansen"), workplace_id=site + 1000)
    assert link(JobContact, other) is None
    target = js.add_target(ali, TargetCompanyIn(company="netto vest"), NOW_DAY)
    assert link(TargetCompany, target) == site
    js.update_target(target, TargetCompanyIn(company="Føtex"))
    assert link(TargetCompany, target) is None


@pytest.mark.both_engines
def test_the_workplace_lists_the_linked_first_then_by_name(database):
    ali = create_citizen(CitizenIn(name="Ali H."))
    bo = create_citizen(CitizenIn(name="Bo K."))
    site = register.create_workplace(WorkplaceIn(name="Netto Vest"))
    linked = js.add_contact(ali, contact("Netto Vest", "01-11-2026"), workplace_id=site)
    js.add_target(bo, TargetCompanyIn(company="Netto Vest"), NOW_DAY)
    # The register's entry renamed: the linked ones stay with it, under their typed name.
    register.update_workplace(site, WorkplaceIn(name="Netto Vest ApS"))
    assert Workplace.get_by_id(site).name == "Netto Vest ApS"
    # One with the new name linked to none (as an older file's import leaves it).
    typed_new = js.add_contact(bo, contact("netto vest aps", "05-11-2026"))
    JobContact.update(workplace=None).where(JobContact.id == typed_new).execute()
    old_name = js.add_contact(bo, contact("Netto Vest", "06-11-2026"))  # linked to none now
    found = job_search_at("Netto Vest ApS", site)
    assert [c.id for c in found.contacts] == [typed_new, linked]  # newest first
    assert [t.citizen_name for t in found.targets] == ["Bo K."]
    assert old_name not in [c.id for c in found.contacts]
    assert [c.company for c in found.contacts] == ["netto vest aps", "Netto Vest"]


@pytest.mark.both_engines
def test_the_link_travels_by_the_workplace_s_key(database, db_target, tmp_path):
    ali = create_citizen(CitizenIn(name="Ali H."))
    site = register.create_workplace(WorkplaceIn(name="Netto Vest"))
    js.add_contact(ali, contact("Netto Vest"), workplace_id=site)
    js.add_contact(ali, contact("Bager Hansen", "11-11-2026"))
    js.add_target(ali, TargetCompanyIn(company="Netto Vest"), NOW_DAY)
    first = export_document(ali)
    (citizen,) = first["citizens"]
    assert [c["site"] for c in citizen["job_contacts"]] == ["workplace-1", None]
    assert [t["site"] for t in citizen["target_companies"]] == ["workplace-1"]
    assert [w["name"] for w in first["workplaces"]] == ["Netto Vest"]
    storage.close_database()
    storage.open_database(tmp_path / "other.db")
    try:
        import_document(parse_document(dumps(first)))
        here = Workplace.get(Workplace.name == "Netto Vest").id
        assert [
            c.__data__.get("workplace") for c in JobContact.select().order_by(JobContact.id)
        ] == [
            here,
            None,
        ]
        assert TargetCompany.get().__data__.get("workplace") == here
        # A key the workplaces list lacks is refused with its place.
        bad = dumps(first).replace('"site": "workplace-1"', '"site": "workplace-9"', 1)
        with pytest.raises(Exception) as refused:
            parse_document(bad)
        assert "job_contacts[0].site" in str(refused.value)
    finally:
        storage.close_database()


@pytest.mark.sqlite_only
async def test_the_form_links_the_company_taken_and_unlinks_an_edited_name(db_path):
    storage.open_database(db_path)
    ali = create_citizen(CitizenIn(name="Ali H."))
    site = register.create_workplace(WorkplaceIn(name="Netto Vest"))
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
        await pilot.press(*"ne", "right")  # takes the register's name
        await pilot.pause()
        assert shown(app, "#workplace-matches") == "✓ In the register: Netto Vest"
        await pilot.press("ctrl+s")
        await pilot.pause()
        made = JobContact.get()
        assert (made.company, made.__data__.get("workplace")) == ("Netto Vest", site)
        await pilot.press("e")  # the contact in focus
        await pilot.pause()
        assert type(app.screen).__name__ == "ContactForm"
        assert shown(app, "#workplace-matches") == "✓ In the register: Netto Vest"
        box = app.screen.query_one("#f-company", Input)
        box.focus()
        await pilot.press("end", *["backspace"] * len("Netto Vest"), *"Bager")
        await pilot.pause()
        assert box.value == "Bager"
        assert shown(app, "#workplace-matches") == "Not in the register: saved as typed."
        await pilot.press("ctrl+s")
        await pilot.pause()
        again = JobContact.get_by_id(made.id)
        assert (again.company, again.__data__.get("workplace")) == ("Bager", None)
