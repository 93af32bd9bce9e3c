"""The interchange format carries each record's uid (schema 11): an export
writes it, an import keeps it, a document from before schema 11 gets new
ones, and an import of a record whose uid is here already is refused whole,
in words, nothing written (a copy of the same record is never added twice,
nor silently skipped)."""

from __future__ import annotations

import copy
import json
import re

import pytest

from mentorterm import storage
from mentorterm.domain.transfer import (
    ImportFailed,
    dumps,
    export_document,
    import_document,
    parse_document,
)
from mentorterm.domain.transfer.uids import document_uids
from mentorterm.models import ALL_MODELS, Citizen, LogbookEntry

from .test_interchange import BASE, NOW

HEX32 = re.compile(r"[0-9a-f]{32}")


def _all_uids() -> set[str]:
    return {u for m in ALL_MODELS for (u,) in m.select(m.uid).tuples()}


@pytest.fixture
def populated(database):
    import_document(parse_document(json.dumps(BASE)))


def test_an_export_carries_every_records_uid_and_an_import_elsewhere_keeps_them(
    populated, tmp_path, db_target
):
    exported = export_document(now=NOW)
    given = document_uids(parse_document(dumps(exported)))
    assert len(given) > 3 and all(HEX32.fullmatch(u) for _w, u in given)
    (citizen,) = exported["citizens"]
    assert citizen["uid"] == Citizen.get().uid
    here = _all_uids()
    storage.close_database()
    storage.open_database(tmp_path / "laptop.db")
    try:
        import_document(parse_document(dumps(exported)))
        assert {u for _w, u in given} <= _all_uids()
        assert Citizen.get().uid == citizen["uid"]
        assert {u for _w, u in given} <= here
        again = export_document(now=NOW)
        assert document_uids(parse_document(dumps(again))) == given
    finally:
        storage.close_database()
        storage.open_database(db_target)


def test_a_record_already_here_by_its_uid_is_refused_whole_nothing_written(populated):
    exported = export_document(now=NOW)
    doc = copy.deepcopy(exported)
    # Another name and stamp, so only the uids say it is the same citizen.
    doc["citizens"][0]["name"] = "Samme Borger Omdøbt"
    doc["citizens"][0]["created_at"] = None
    before = (_all_uids(), LogbookEntry.select().count())
    with pytest.raises(ImportFailed) as failure:
        import_document(parse_document(json.dumps(doc)))
    said = " ".join(failure.value.problems)
    assert "citizens[0]" in said and "in this database already" in said
    assert "nothing was imported" in said
    assert (_all_uids(), LogbookEntry.select().count()) == before
    assert Citizen.select().count() == 1


def test_one_uid_twice_in_a_file_is_refused(database):
    doc = copy.deepcopy(BASE)
    second = copy.deepcopy(doc["citizens"][0])
    second["name"] = "En Anden"
    doc["citizens"] = [doc["citizens"][0], second]
    for citizen in doc["citizens"]:
        citizen["uid"] = "ab" * 16
    with pytest.raises(ImportFailed) as failure:
        import_document(parse_document(json.dumps(doc)))
    assert "is in the file twice" in " ".join(failure.value.problems)
    assert Citizen.select().count() == 0


def test_a_file_from_before_schema_11_gets_new_uids(database):
    doc = copy.deepcopy(BASE)
    assert "uid" not in json.dumps(doc)
    import_document(parse_document(json.dumps(doc)))
    uids = [u for m in ALL_MODELS for (u,) in m.select(m.uid).tuples()]
    assert uids and all(HEX32.fullmatch(u) for u in uids) and len(set(uids)) == len(uids)


def test_a_uid_that_is_not_32_hex_digits_is_refused_with_its_place(database):
    doc = copy.deepcopy(BASE)
    doc["citizens"][0]["uid"] = "not-a-uid"
    with pytest.raises(ImportFailed) as failure:
        import_document(parse_document(json.dumps(doc)))
    assert "citizens[0].uid" in " ".join(failure.value.problems)
