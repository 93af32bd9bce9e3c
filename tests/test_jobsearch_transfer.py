"""The job search in the interchange format: out and back whole, validated on
the way in, and files written before schema 10 import as they did."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from mentorterm import storage
from mentorterm.domain import jobsearch as js
from mentorterm.domain.citizens import create_citizen
from mentorterm.domain.transfer import (
    ImportFailed,
    dumps,
    export_document,
    import_document,
    parse_document,
)
from mentorterm.models import Citizen, CvStatus, JobContact, TargetCompany
from mentorterm.schemas import CitizenIn, CvStateIn, JobContactIn, TargetCompanyIn

pytestmark = pytest.mark.both_engines

NOW = datetime(2026, 11, 22, 12, 0)
TODAY = date(2026, 11, 22)


def _fill() -> int:
    cid = create_citizen(CitizenIn(name="Sara Nielsen"))
    js.set_cv_state(cid, CvStateIn(state="being_written", noted_on="01-09-2026", note="IT-hjælp"))
    contact = js.add_contact(
        cid,
        JobContactIn(
            company="Netto",
            contacted_on="18-08-2026",
            how="application",
            outcome="interview",
            follow_up_on="01-09-2026",
            note="Spurgte efter Hanne",
        ),
    )
    js.mark_followed_up(contact, date(2026, 9, 2), TODAY)
    first = js.add_target(cid, TargetCompanyIn(company="Lidl", why="Tæt på"), date(2026, 9, 1))
    js.add_target(cid, TargetCompanyIn(company="Bilka"), date(2026, 9, 1))
    js.move_target(first, 1)
    js.mark_target_done(first, date(2026, 10, 1), TODAY)
    return cid


def test_the_job_search_goes_out_and_comes_back_whole(database, db_target, tmp_path):
    cid = _fill()
    first = export_document(cid, now=NOW)
    (citizen,) = first["citizens"]
    assert citizen["cv_states"][0]["state"] == "being_written"
    assert citizen["job_contacts"][0] == {
        "company": "Netto",
        "contacted_on": "2026-08-18",
        "how": "application",
        "outcome": "interview",
        "follow_up_on": "2026-09-01",
        "followed_up_on": "2026-09-02",
        "note": "Spurgte efter Hanne",
        "created_at": citizen["job_contacts"][0]["created_at"],
        "updated_at": citizen["job_contacts"][0]["updated_at"],
        "uid": JobContact.get().uid,  # schema 11: the record's own, kept by the import
        "site": None,  # Netto is not in the register: linked to none
    }
    assert [(t["company"], t["position"], t["done_on"]) for t in citizen["target_companies"]] == [
        ("Bilka", 1, None),
        ("Lidl", 2, "2026-10-01"),
    ]
    storage.close_database()
    storage.open_database(tmp_path / "other.db")
    try:
        result = import_document(parse_document(dumps(first)))
        assert result.records == 1 + 1 + 1 + 2
        (again,) = export_document(now=NOW)["citizens"]
        for field in ("cv_states", "job_contacts", "target_companies"):
            assert again[field] == citizen[field], field
        (here,) = Citizen.select()
        assert [t.company for t in js.job_search(here.id, TODAY).open_targets] == ["Bilka"]
    finally:
        storage.close_database()
        storage.open_database(db_target)


def test_a_file_from_before_schema_10_imports_with_no_job_search(database):
    doc = {
        "format": "mentorterm",
        "version": 1,
        "mentors": [{"key": "a", "name": "Anne Mentor", "is_default": True}],
        "citizens": [{"name": "Bo Andersen", "mentor": "a"}],
    }
    result = import_document(parse_document(json.dumps(doc)))
    assert (result.citizens, result.records) == (1, 1)
    assert CvStatus.select().count() == JobContact.select().count() == 0
    assert TargetCompany.select().count() == 0


def test_a_follow_up_before_its_contact_is_refused_with_its_place_and_nothing_written(database):
    doc = {
        "format": "mentorterm",
        "version": 1,
        "mentors": [{"key": "a", "name": "Anne Mentor", "is_default": True}],
        "citizens": [
            {
                "name": "Bo Andersen",
                "mentor": "a",
                "job_contacts": [
                    {
                        "company": "Netto",
                        "contacted_on": "2026-08-18",
                        "how": "visit",
                        "follow_up_on": "2026-08-01",
                    }
                ],
            }
        ],
    }
    with pytest.raises(ImportFailed) as caught:
        import_document(parse_document(json.dumps(doc)))
    text = "\n".join(caught.value.problems)
    assert "job_contacts[0]" in text and "before the day of the contact" in text
    assert JobContact.select().count() == 0
