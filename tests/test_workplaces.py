"""The workplace register: create, edit, archive, find as you type, a workplace's
placements with how they went, and ``mentorterm workplaces link``."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from mentorterm import cli, storage
from mentorterm.domain import workplaces as domain
from mentorterm.domain.errors import DomainError
from mentorterm.domain.workplace_links import link_typed_names, plan_links
from mentorterm.domain.workplaces import site_of
from mentorterm.models import AuditEntry, Citizen, Course, Placement, Workplace, db
from mentorterm.schemas import friendly_errors
from mentorterm.schemas.workplaces import WorkplaceIn, same_name

pytestmark = pytest.mark.both_engines

TODAY = date(2026, 6, 1)


def _placement(citizen, name: str, start: date, end: date | None = None, **values) -> Placement:
    return Placement.create(
        citizen=citizen, kind="company_internship", workplace=name, start_date=start,
        end_date=end, **values,
    )  # fmt: skip


def _citizen(name: str = "Mette Jørgensen") -> Citizen:
    return Citizen.create(mentor=storage.ensure_default_mentor(), name=name)


def test_a_workplace_is_created_edited_and_archived_audited(database):
    made = domain.create_workplace(
        WorkplaceIn(name="  Netto Vest ", sector="Detail", supervisor_name="Lone Berg")
    )
    shown = domain.workplace_view(made)
    assert shown.name == "Netto Vest" and shown.supervisor_name == "Lone Berg"
    domain.update_workplace(
        made, WorkplaceIn(name="Netto Vest", sector="Detail", accommodations="Må sidde ned")
    )
    assert Workplace.get_by_id(made).accommodations == "Må sidde ned"
    assert Workplace.get_by_id(made).supervisor_name == ""
    domain.set_archived(made)
    assert domain.workplaces() == []
    assert [w.name for w in domain.workplaces(include_archived=True)] == ["Netto Vest"]
    rows = list(AuditEntry.select().where(AuditEntry.what == "workplace").order_by(AuditEntry.id))
    assert [(r.action, r.record_id) for r in rows] == [
        ("create", made), ("update", made), ("update", made),
    ]  # fmt: skip
    # The correction names the fields changed, never their words.
    assert json.loads(rows[1].detail) == {"accommodations": "changed", "supervisor_name": "changed"}
    assert "Må sidde" not in rows[1].detail and rows[2].purpose == "archived"


def test_a_second_entry_of_the_same_name_is_refused_in_words(database):
    domain.create_workplace(WorkplaceIn(name="Netto Vest"))
    with pytest.raises(DomainError, match="already in the register") as refused:
        domain.create_workplace(WorkplaceIn(name="netto   VEST"))
    assert refused.value.field == "name"
    assert Workplace.select().count() == 1


def test_a_workplace_needs_a_name(database):
    with pytest.raises(ValidationError) as refused:
        WorkplaceIn(name="   ")
    assert friendly_errors(refused.value) == {"name": "This is required."}


def test_the_register_is_found_as_you_type(database):
    for name in ("Kommunens Værksted", "Netto Vest", "Bager Hansen", "Netto Øst", "Vestergaard"):
        domain.create_workplace(WorkplaceIn(name=name))
    assert [w.name for w in domain.workplaces("NET")] == ["Netto Vest", "Netto Øst"]
    # Those that start with the text first, then those containing it.
    assert [w.name for w in domain.workplaces("VEST")] == ["Vestergaard", "Netto Vest"]
    assert [w.name for w in domain.suggestions("netto ø")] == ["Netto Øst"]
    assert domain.suggestions("") == []
    assert domain.find_by_name(" netto  øst").name == "Netto Øst"


def test_a_workplaces_placements_with_whom_and_how_it_went(database):
    site = domain.create_workplace(WorkplaceIn(name="Netto Vest"))
    mette, ali = _citizen(), _citizen("Ali Hassan")
    course = Course.create(citizen=ali, referral_date=date(2026, 1, 2), start_date=date(2026, 1, 5),
                           planned_end=date(2026, 4, 5), purpose="flexjob", end_date=date(2026, 4, 5),
                           outcome="flexjob_granted")  # fmt: skip
    _placement(ali, "Netto", date(2026, 1, 10), date(2026, 3, 31), end_reason="Flexjob i butikken",
               course=course, site=site)  # fmt: skip
    _placement(mette, "Netto Vest", date(2026, 5, 1), site=site)
    _placement(mette, "Bager Hansen", date(2026, 2, 1))  # not there
    there = domain.placements_at(site)
    assert [(p.citizen_name, p.start_date) for p in there] == [
        ("Mette Jørgensen", date(2026, 5, 1)), ("Ali Hassan", date(2026, 1, 10)),
    ]  # fmt: skip
    assert (
        there[1].end_reason == "Flexjob i butikken" and there[1].course_outcome == "flexjob_granted"
    )
    assert there[0].running_on(TODAY) and not there[1].running_on(TODAY)
    row = domain.workplaces(today=TODAY)[0]
    assert (row.placements, row.running) == (2, 1)


def test_linking_a_placement_by_hand_is_audited_on_the_placement(database):
    site = domain.create_workplace(WorkplaceIn(name="Netto Vest"))
    placement = _placement(_citizen(), "Netto", date(2026, 5, 1))
    domain.link_placement(placement.id, site)
    assert domain.placement_site(placement.id).name == "Netto Vest"
    row = AuditEntry.select().where(AuditEntry.what == "placement").get()
    assert row.citizen_id == placement.citizen_id and json.loads(row.detail) == {
        "site": [None, site]
    }


@given(st.text(alphabet=" aAbBøØ\t", max_size=12))
def test_same_name_ignores_case_and_spaces_only(text):
    assert same_name(text) == same_name(f"  {text.upper()} ")
    assert "  " not in same_name(text)


def _typed(database_ready: bool = True) -> dict[str, int]:
    """Placements typed before the register: names that differ in case and space."""
    mette, ali = _citizen(), _citizen("Ali Hassan")
    registered = domain.create_workplace(WorkplaceIn(name="Bager Hansen"))
    ids = {
        "a": _placement(mette, "Netto Vest", date(2026, 1, 5), supervisor_name="Lone").id,
        "b": _placement(ali, "netto  vest ", date(2026, 3, 1), supervisor_name="Lone Berg").id,
        "c": _placement(ali, "BAGER hansen", date(2026, 2, 1)).id,
        "d": _placement(mette, "Kommunens værksted", date(2026, 4, 1)).id,
    }
    return {**ids, "registered": registered}


def test_linking_typed_names_matches_and_creates_all_at_once(database):
    ids = _typed()
    plan = link_typed_names()
    assert plan.new == ["Netto Vest", "Kommunens værksted"]
    assert plan.links == {
        "Netto Vest": [ids["a"], ids["b"]], "Bager Hansen": [ids["c"]],
        "Kommunens værksted": [ids["d"]],
    }  # fmt: skip
    netto = Workplace.get(Workplace.name == "Netto Vest")
    assert netto.supervisor_name == "Lone Berg"  # from its latest placement
    site = {p.id: site_of(p) for p in Placement.select()}
    assert site[ids["a"]] == site[ids["b"]] == netto.id and site[ids["c"]] == ids["registered"]
    assert Workplace.select().count() == 3
    # Typed names stay what they said.
    assert Placement.get_by_id(ids["b"]).workplace == "netto  vest "
    # Run again: nothing left to do.
    assert link_typed_names().links == {}


def test_a_dry_run_writes_nothing(database):
    _typed()
    before = (AuditEntry.select().count(), Workplace.select().count())
    plan = plan_links()
    assert plan.new == ["Netto Vest", "Kommunens værksted"] and plan.placements == 4
    assert (AuditEntry.select().count(), Workplace.select().count()) == before
    assert Placement.select().where(Placement.site.is_null(False)).count() == 0


def test_linking_is_all_or_nothing(database, monkeypatch):
    _typed()
    calls = []
    real = Placement.save

    def fail_on_third(self, *args, **kwargs):
        if site_of(self) is not None and self.id is not None:
            calls.append(self.id)
            if len(calls) == 3:
                raise RuntimeError("the disk is full")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Placement, "save", fail_on_third)
    with pytest.raises(RuntimeError):
        link_typed_names()
    monkeypatch.undo()
    assert Workplace.select().count() == 1
    assert Placement.select().where(Placement.site.is_null(False)).count() == 0


@pytest.fixture
def typed_db(db_target):
    storage.open_database(db_target)
    with db.atomic():
        ids = _typed()
    storage.close_database()
    return str(db_target), ids


def _run(capsys, *args: str) -> tuple[int, str]:
    try:
        status = cli.main(list(args))
    finally:
        storage.close_database()
    return status, capsys.readouterr().out


def test_the_link_command_with_and_without_dry_run(typed_db, capsys):
    target, ids = typed_db
    status, out = _run(capsys, "workplaces", "link", "--dry-run", "--db", target)
    assert status == 0
    assert "would create “Netto Vest” and link 2 placements" in out
    assert "would link 1 placement to “Bager Hansen”" in out
    assert "Dry run, nothing written: 2 new workplaces, 4 placements." in out
    status, out = _run(capsys, "workplaces", "link", "--db", target)
    assert status == 0 and "created “Kommunens værksted” and linked 1 placement" in out
    assert "Done: 2 new workplaces, 4 placements." in out
    status, out = _run(capsys, "workplaces", "link", "--db", target)
    assert "linked to the register already" in out


def test_the_demo_has_a_register_with_placements_linked(database):
    from mentorterm.demo import generate_demo

    generate_demo(seed=1, today=date(2026, 11, 22))
    rows = domain.workplaces(today=date(2026, 11, 22))
    assert len(rows) == 5 and all(row.placements >= 1 for row in rows)
    canteen = next(r for r in rows if r.name.startswith("Kantinen"))
    there = domain.placements_at(canteen.id)
    assert len(there) == 2 and len({p.citizen_id for p in there}) == 2
    # The other typed names are what the link command would make entries of.
    assert plan_links().new and not plan_links().links.keys() & {r.name for r in rows}
