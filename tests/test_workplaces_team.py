"""The workplace register on the team database: any mentor writes it, and
linking typed names links one's own citizens' placements, leaving colleagues'."""

from __future__ import annotations

from datetime import date

from mentorterm import storage
from mentorterm.domain import workplaces as register
from mentorterm.domain.citizens import create_citizen
from mentorterm.domain.workplace_links import link_typed_names
from mentorterm.domain.workplaces import site_of
from mentorterm.models import Placement, Workplace
from mentorterm.schemas import CitizenIn
from mentorterm.schemas.workplaces import WorkplaceIn


def _typed(url: str, citizen: str, workplace: str) -> int:
    storage.close_database()
    storage.open_database(url)
    cid = create_citizen(CitizenIn(name=citizen))
    placement = Placement.create(citizen=cid, kind="company_internship", workplace=workplace,
                                 start_date=date(2026, 3, 2))  # fmt: skip
    storage.close_database()
    return placement.id


def test_any_mentor_writes_the_register_and_links_only_their_own(team):
    annas = _typed(team["anna"], "Anja Andersen", "Netto Vest")
    bos = _typed(team["bo"], "Bent Berg", "netto  vest")
    storage.open_database(team["bo"])
    site = register.create_workplace(WorkplaceIn(name="Bager Hansen"))
    plan = link_typed_names()
    assert (plan.new, plan.skipped) == (["netto vest"], 1)
    assert site_of(Placement.get_by_id(bos)) is not None
    assert site_of(Placement.get_by_id(annas)) is None
    storage.close_database()
    storage.open_database(team["anna"])
    # A colleague's entry is the team's: Anna edits it and links hers to it.
    register.update_workplace(site, WorkplaceIn(name="Bager Hansen", sector="Bageri"))
    plan = link_typed_names()
    assert (plan.new, plan.skipped) == ([], 0)
    assert site_of(Placement.get_by_id(annas)) == site_of(Placement.get_by_id(bos))
    assert Workplace.get_by_id(site).sector == "Bageri"
    storage.close_database()
