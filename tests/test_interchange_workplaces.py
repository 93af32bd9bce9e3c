"""The workplace register in the interchange format (schema 10): the document's
workplaces by key, placements linking to one, round trips, old files."""

from __future__ import annotations

import copy
import json
from datetime import datetime

import pytest

from mentorterm.domain import workplaces as register
from mentorterm.domain.transfer import (
    ImportFailed,
    export_document,
    import_document,
    parse_document,
)
from mentorterm.domain.workplaces import site_of
from mentorterm.models import Citizen, Placement, Workplace
from mentorterm.schemas.workplaces import WorkplaceIn

from .test_interchange import _roundtrip

pytestmark = pytest.mark.both_engines

NOW = datetime(2026, 11, 22, 12, 0)

NETTO = {
    "key": "w1",
    "name": "Netto Vest",
    "sector": "Detail",
    "address": "Vestergade 1, 8000 Aarhus C",
    "supervisor_name": "Lone Berg",
    "supervisor_contact": "22 33 44 55",
    "company_consultant": "Per Ask",
    "consultant_contact": "per@example.dk",
    "accommodations": "Et stille rum til pauser",
    "notes": "Vil gerne tage flere",
    "archived": False,
}


def _doc() -> dict:
    placement = {"kind": "company_internship", "start_date": "2026-03-02"}
    return {
        "format": "mentorterm",
        "version": 1,
        "mentors": [{"key": "a", "name": "Anne Mentor", "is_default": True}],
        "citizens": [
            {
                "name": "Bo Andersen",
                "mentor": "a",
                "placements": [
                    {**placement, "workplace": "Netto", "site": "w1"},
                    {**placement, "workplace": "Café Nord", "start_date": "2026-06-01"},
                ],
            }
        ],
        "workplaces": [NETTO, {"key": "w2", "name": "Bager Hansen", "archived": True}],
    }


def test_workplaces_and_their_links_survive_a_round_trip():
    first, second = _roundtrip(_doc())
    assert first == second
    sites = {w["name"]: w for w in first["workplaces"]}
    # A whole database's file carries the whole register, unlinked ones too.
    assert sorted(sites) == ["Bager Hansen", "Netto Vest"] and sites["Bager Hansen"]["archived"]
    netto = sites["Netto Vest"]
    assert {k: netto[k] for k in NETTO if k != "key"} == {
        k: v for k, v in NETTO.items() if k != "key"
    }
    linked, typed = first["citizens"][0]["placements"]
    assert (linked["workplace"], linked["site"]) == ("Netto", netto["key"])
    assert typed["site"] is None


def test_a_file_from_before_the_register_imports_unchanged(database):
    old = _doc()
    del old["workplaces"]
    for placement in old["citizens"][0]["placements"]:
        placement.pop("site", None)
    import_document(parse_document(json.dumps(old)))
    assert Workplace.select().count() == 0
    assert [p.workplace for p in Placement.select().order_by(Placement.start_date)] == [
        "Netto", "Café Nord",
    ]  # fmt: skip
    assert all(site_of(p) is None for p in Placement.select())


def test_an_import_uses_the_registers_entry_of_the_same_name(database):
    here = register.create_workplace(WorkplaceIn(name="netto  VEST", supervisor_name="Kim"))
    result = import_document(parse_document(json.dumps(_doc())))
    assert Workplace.select().count() == 2  # Bager Hansen added, Netto Vest found
    linked = Placement.get(Placement.workplace == "Netto")
    assert site_of(linked) == here
    assert Workplace.get_by_id(here).supervisor_name == "Kim"  # the register keeps its own
    assert result.records == 1 + 2 + 1  # citizen, two placements, one workplace added


def test_one_citizens_file_carries_only_the_workplaces_of_their_placements(database):
    import_document(parse_document(json.dumps(_doc())))
    single = export_document(citizen_id=Citizen.get().id, now=NOW)
    assert [w["name"] for w in single["workplaces"]] == ["Netto Vest"]
    placement = single["citizens"][0]["placements"][0]
    assert placement["site"] == single["workplaces"][0]["key"]


@pytest.mark.parametrize(
    ("change", "location"),
    [
        (lambda d: d["citizens"][0]["placements"][0].update(site="nowhere"),
         "citizens[0].placements[0].site"),
        (lambda d: d["workplaces"][1].update(key="w1"), "workplaces[1]"),
        (lambda d: d["workplaces"][0].update(name="  "), "workplaces[0].name"),
    ],
)  # fmt: skip
def test_a_bad_workplace_is_refused_with_its_place_and_nothing_written(database, change, location):
    doc = copy.deepcopy(_doc())
    change(doc)
    with pytest.raises(ImportFailed) as refused:
        parse_document(json.dumps(doc))
    assert any(location in problem for problem in refused.value.problems), refused.value.problems
    assert Workplace.select().count() == 0 and Citizen.select().count() == 0
