"""Schema 12 in the interchange format: where the citizen stands at a held
aftercare follow-up goes out and comes back; a file written before it (no
such field) imports as before, nothing recorded; a value outside the list is
refused with its place, nothing written."""

from __future__ import annotations

import json

import pytest

from mentorterm.domain.transfer import (
    ImportFailed,
    export_document,
    import_document,
    parse_document,
)
from mentorterm.models import Citizen, Meeting

from .test_interchange import NOW, _roundtrip

pytestmark = pytest.mark.both_engines


def _doc(**aftercare) -> dict:
    return {
        "format": "mentorterm",
        "version": 1,
        "mentors": [{"key": "a", "name": "Anne Mentor", "is_default": True}],
        "citizens": [
            {
                "name": "Bo Andersen",
                "mentor": "a",
                "meetings": [
                    {
                        "starts_at": "2026-06-05T10:00",
                        "kind": "aftercare",
                        "status": "held",
                        "mentor": "a",
                        **aftercare,
                    },
                    {"starts_at": "2026-02-14T10:00", "kind": "one_to_one", "mentor": "a"},
                ],
            }
        ],
    }


def test_the_situation_at_aftercare_travels():
    first, second = _roundtrip(_doc(aftercare_situation="education"))
    assert first == second
    got = [(m["kind"], m["aftercare_situation"]) for m in first["citizens"][0]["meetings"]]
    assert got == [("one_to_one", None), ("aftercare", "education")]


def test_a_file_from_before_schema_12_imports_with_nothing_recorded(database):
    import_document(parse_document(json.dumps(_doc())))
    assert [m.aftercare_situation for m in Meeting.select()] == [None, None]
    exported = export_document(now=NOW)
    assert {m["aftercare_situation"] for m in exported["citizens"][0]["meetings"]} == {None}


def test_a_situation_outside_the_list_is_refused_with_its_place(database):
    with pytest.raises(ImportFailed) as refused:
        import_document(parse_document(json.dumps(_doc(aftercare_situation="on_holiday"))))
    assert "citizens[0].meetings[0].aftercare_situation: Choose one of" in str(refused.value)
    assert Citizen.select().count() == 0 and Meeting.select().count() == 0
