"""Export -> import -> export round trips, and all-or-nothing import."""

from __future__ import annotations

import copy
import json
import tempfile
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentorterm import storage
from mentorterm.domain.transfer import (
    ImportFailed,
    dumps,
    export_document,
    import_document,
    parse_document,
)
from mentorterm.interchange import json_schema
from mentorterm.models import Citizen, LogbookEntry

from .strategies import document

NOW = datetime(2026, 11, 22, 12, 0)


def _fresh(folder: Path, name: str):
    storage.close_database()
    return storage.open_database(folder / name)


def _roundtrip(doc: dict) -> tuple[dict, dict]:
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        try:
            _fresh(folder, "one.db")
            import_document(parse_document(json.dumps(doc)))
            first = export_document(now=NOW)
            _fresh(folder, "two.db")
            import_document(parse_document(dumps(first)))
            second = export_document(now=NOW)
        finally:
            storage.close_database()
    return first, second


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document())
def test_export_import_export_is_identical(doc):
    first, second = _roundtrip(doc)
    assert first == second
    assert dumps(first) == dumps(second)
    assert len(first["citizens"]) == len(doc["citizens"])


def test_roundtrip_keeps_every_field_of_a_full_citizen():
    doc = {
        "format": "mentorterm",
        "version": 1,
        "mentors": [{"key": "a", "name": "Anne Mentor", "is_default": True}],
        "citizens": [
            {
                "name": "Mette Jørgensen",
                "mentor": "a",
                "interpreter_needed": True,
                "interpreter_language": "Arabisk",
                "accommodations": "Ingen tunge løft",
                "courses": [
                    {
                        "referral_date": "2026-01-05",
                        "start_date": "2026-01-12",
                        "planned_end": "2026-04-12",
                        "purpose": "flexjob",
                        "extensions": [
                            {
                                "decided_on": "2026-04-01",
                                "new_end": "2026-07-12",
                                "reason": "Mere afklaring",
                            }
                        ],
                    }
                ],
                "sub_goals": [
                    {
                        "title": "Møde til tiden",
                        "course": 0,
                        "scores": [
                            {
                                "scored_on": "2026-02-01",
                                "citizen_score": 3,
                                "help_needed": "Vækning",
                                "mentor": "a",
                            }
                        ],
                    }
                ],
                "placements": [
                    {
                        "kind": "company_internship",
                        "workplace": "Føtex",
                        "course": 0,
                        "start_date": "2026-02-01",
                        "hours_steps": [
                            {
                                "from_date": "2026-02-01",
                                "hours_per_week": 4,
                                "schedule": "2 x 2 t tir+tor",
                            }
                        ],
                        "logbook": [
                            {
                                "entry_date": "2026-02-03",
                                "attendance": "present",
                                "hours_planned": 2,
                                "hours_worked": 1.5,
                                "left_early": True,
                                "left_early_reason": "migræne",
                            }
                        ],
                    }
                ],
                "meetings": [
                    {
                        "starts_at": "2026-02-10T10:00",
                        "kind": "three_party",
                        "status": "held",
                        "mentor": "a",
                        "participants": [{"name": "Bo", "role": "placement_supervisor"}],
                    }
                ],
                "action_items": [{"what": "Ring til lægen", "owner": "citizen", "meeting": 0}],
                "review_notes": [{"iso_week": "2026-W07", "decision": "Op i timer", "mentor": "a"}],
            }
        ],
    }
    first, second = _roundtrip(doc)
    assert first == second
    c = first["citizens"][0]
    assert c["interpreter_language"] == "Arabisk"
    assert c["courses"][0]["extensions"][0]["new_end"] == "2026-07-12"
    assert c["sub_goals"][0]["course"] == 0
    assert c["sub_goals"][0]["scores"][0]["citizen_score"] == 3
    entry = c["placements"][0]["logbook"][0]
    assert (entry["hours_worked"], entry["left_early_reason"]) == (1.5, "migræne")
    assert c["action_items"][0]["meeting"] == 0
    assert c["meetings"][0]["participants"][0]["role"] == "placement_supervisor"
    assert first["mentors"][0]["is_default"] is True


# --- malformed documents are rejected and change nothing -------------------


def _corruptions():
    """(description, mutate(doc) -> None, expected location) for one citizen doc."""

    def at(path):
        def get(doc):
            node = doc
            for part in path[:-1]:
                node = node[part]
            return node, path[-1]

        return get

    def setter(path, value):
        def mutate(doc):
            node, key = at(path)(doc)
            node[key] = value

        return mutate

    def deleter(path):
        def mutate(doc):
            node, key = at(path)(doc)
            del node[key]

        return mutate

    score = ["citizens", 0, "sub_goals", 0, "scores", 0]
    entry = ["citizens", 0, "placements", 0, "logbook", 0]
    return [
        (
            "score of 11",
            setter(score + ["citizen_score"], 11),
            "citizens[0].sub_goals[0].scores[0].citizen_score",
        ),
        (
            "score of 0",
            setter(score + ["citizen_score"], 0),
            "citizens[0].sub_goals[0].scores[0].citizen_score",
        ),
        (
            "impossible date",
            setter(score + ["scored_on"], "2026-02-31"),
            "citizens[0].sub_goals[0].scores[0].scored_on",
        ),
        (
            "mistyped year",
            setter(score + ["scored_on"], "2620-02-01"),
            "citizens[0].sub_goals[0].scores[0].scored_on",
        ),
        (
            "25 hours a day",
            setter(entry + ["hours_worked"], 25),
            "citizens[0].placements[0].logbook[0].hours_worked",
        ),
        (
            "unknown attendance",
            setter(entry + ["attendance"], "holiday"),
            "citizens[0].placements[0].logbook[0].attendance",
        ),
        ("missing name", deleter(["citizens", 0, "name"]), "citizens[0].name"),
        ("blank name", setter(["citizens", 0, "name"], "   "), "citizens[0].name"),
        ("unknown field", setter(["citizens", 0, "shoe_size"], 44), "citizens[0].shoe_size"),
        (
            "course ends before start",
            setter(["citizens", 0, "courses", 0, "planned_end"], "2025-01-01"),
            "citizens[0].courses[0].planned_end",
        ),
        (
            "dangling course link",
            setter(["citizens", 0, "sub_goals", 0, "course"], 7),
            "citizens[0].sub_goals[0].course",
        ),
        ("unknown mentor", setter(["citizens", 0, "mentor"], "zz"), "citizens[0].mentor"),
        (
            "text instead of list",
            setter(["citizens", 0, "meetings"], "none"),
            "citizens[0].meetings",
        ),
        (
            "60 weekly hours exceeded",
            setter(["citizens", 0, "placements", 0, "hours_steps", 0, "hours_per_week"], 61),
            "citizens[0].placements[0].hours_steps[0].hours_per_week",
        ),
    ]


BASE = {
    "format": "mentorterm",
    "version": 1,
    "mentors": [{"key": "m", "name": "Me", "is_default": True}],
    "citizens": [
        {
            "name": "Ny Borger",
            "mentor": "m",
            "courses": [
                {
                    "referral_date": "2026-01-05",
                    "start_date": "2026-01-12",
                    "planned_end": "2026-04-12",
                    "purpose": "ordinary_job",
                }
            ],
            "sub_goals": [
                {
                    "title": "Mål",
                    "course": 0,
                    "scores": [{"scored_on": "2026-02-01", "citizen_score": 4}],
                }
            ],
            "placements": [
                {
                    "kind": "training_ground",
                    "workplace": "Værkstedet",
                    "start_date": "2026-02-01",
                    "hours_steps": [{"from_date": "2026-02-01", "hours_per_week": 4}],
                    "logbook": [
                        {
                            "entry_date": "2026-02-03",
                            "attendance": "present",
                            "hours_planned": 2,
                            "hours_worked": 2,
                        }
                    ],
                }
            ],
        }
    ],
}


@pytest.fixture
def populated(database, db_path):
    import_document(parse_document(json.dumps(BASE)))
    return db_path


@pytest.mark.parametrize(
    "description,mutate,location", _corruptions(), ids=[c[0] for c in _corruptions()]
)
def test_malformed_document_is_rejected_with_its_location(populated, description, mutate, location):
    before = export_document(now=NOW)
    doc = copy.deepcopy(BASE)
    doc["citizens"][0]["name"] = "Anden Borger"
    mutate(doc)
    with pytest.raises(ImportFailed) as failure:
        import_document(parse_document(json.dumps(doc)))
    assert any(p.startswith(location + ":") for p in failure.value.problems), failure.value.problems
    assert not any("Input should" in p or "pydantic" in p for p in failure.value.problems)
    assert export_document(now=NOW) == before


def test_every_problem_is_reported_not_only_the_first(populated):
    doc = copy.deepcopy(BASE)
    doc["citizens"][0]["sub_goals"][0]["scores"][0]["citizen_score"] = 11
    doc["citizens"][0]["placements"][0]["logbook"][0]["hours_worked"] = 30
    doc["citizens"].append({"mentor": "m"})
    with pytest.raises(ImportFailed) as failure:
        parse_document(json.dumps(doc))
    problems = "\n".join(failure.value.problems)
    assert "citizens[0].sub_goals[0].scores[0].citizen_score" in problems
    assert "citizens[0].placements[0].logbook[0].hours_worked" in problems
    assert "citizens[1].name" in problems


@pytest.mark.parametrize(
    "text,expected",
    [
        ("{not json", "Line 1, column 2"),
        ("[]", "not a mentorterm export"),
        ('{"format": "other"}', "not a mentorterm export"),
        ('{"format": "mentorterm", "version": 9}', "version 9"),
    ],
)
def test_unreadable_files_are_refused(text, expected):
    with pytest.raises(ImportFailed) as failure:
        parse_document(text)
    assert expected in failure.value.problems[0]


def test_importing_the_same_export_twice_is_refused_whole(populated):
    exported = dumps(export_document(now=NOW))
    count = Citizen.select().count()
    with pytest.raises(ImportFailed) as failure:
        import_document(parse_document(exported))
    assert "already in this database" in failure.value.problems[0]
    assert Citizen.select().count() == count


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    doc=document(max_citizens=2),
    junk=st.sampled_from([11, -1, "x", None, [], {}, "2026-13-01", 10**9, "  "]),
    pick=st.integers(0, 10**6),
)
def test_random_corruption_never_writes(populated, doc, junk, pick):
    """Replace one random leaf of a valid document with junk: either it is still
    valid, or the import fails and the database is exactly as before."""
    leaves = []

    def walk(node, path):
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, path + [key])
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, path + [index])
        else:
            leaves.append(path)

    walk(doc, [])
    path = leaves[pick % len(leaves)]
    node = doc
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = junk
    before = export_document(now=NOW)
    rows = LogbookEntry.select().count()
    try:
        import_document(parse_document(json.dumps(doc)))
    except ImportFailed as failure:
        assert failure.problems
        assert export_document(now=NOW) == before
        assert LogbookEntry.select().count() == rows
    else:
        assert Citizen.select().count() == len(before["citizens"]) + len(doc["citizens"])


def test_one_citizen_export_holds_only_that_citizen(populated):
    doc = copy.deepcopy(BASE)
    doc["citizens"][0]["name"] = "Anden Borger"
    import_document(parse_document(json.dumps(doc)))
    other = Citizen.get(Citizen.name == "Anden Borger")
    single = export_document(citizen_id=other.id, now=NOW)
    assert single["scope"] == "citizen"
    assert [c["name"] for c in single["citizens"]] == ["Anden Borger"]
    assert "Ny Borger" not in dumps(single)
    with pytest.raises(LookupError):
        export_document(citizen_id=99999)


def test_json_schema_describes_the_document():
    schema = json_schema()
    assert schema["title"] == "mentorterm interchange document"
    assert "citizens" in schema["properties"]
    citizen = schema["$defs"]["CitizenDoc"]
    assert "sub_goals" in citizen["properties"]


def test_who_cancelled_and_the_outcome_note_travel_and_old_files_still_import():
    """Schema 5's meeting fields go out and come back; a file written before them
    ("cancelled_by_citizen", no cancelled_by) reads as cancelled by the citizen."""
    doc = {
        "format": "mentorterm",
        "version": 1,
        "mentors": [{"key": "a", "name": "Anne Mentor", "is_default": True}],
        "citizens": [
            {
                "name": "Bo Andersen",
                "mentor": "a",
                "meetings": [
                    {
                        "starts_at": "2026-02-10T10:00",
                        "kind": "three_party",
                        "status": "cancelled",
                        "cancelled_by": "workplace",
                        "outcome_note": "Per på ferie",
                        "mentor": "a",
                    },
                    {
                        "starts_at": "2026-02-12T10:00",
                        "kind": "aftercare",
                        "status": "no_show",
                        "outcome_note": "Tog ikke telefonen",
                        "mentor": "a",
                    },
                    {
                        "starts_at": "2026-02-14T10:00",
                        "kind": "one_to_one",
                        "status": "cancelled_by_citizen",
                        "mentor": "a",
                    },
                ],
            }
        ],
    }
    first, second = _roundtrip(doc)
    assert first == second
    got = [
        (m["kind"], m["status"], m["cancelled_by"], m["outcome_note"])
        for m in first["citizens"][0]["meetings"]
    ]
    assert got == [
        ("three_party", "cancelled", "workplace", "Per på ferie"),
        ("aftercare", "no_show", None, "Tog ikke telefonen"),
        ("one_to_one", "cancelled", "citizen", ""),
    ]


def test_handovers_and_covers_travel_with_their_mentors_by_key():
    """Schema 9: a citizen's handovers (both mentors, the day, the note) and
    the team's covers go out and come back; a mentor named only there is in
    the mentors list, and importing the file twice does not double a cover."""
    doc = {
        "format": "mentorterm",
        "version": 1,
        "mentors": [
            {"key": "a", "name": "Anne Mentor"},
            {"key": "b", "name": "Bo Lund"},
            {"key": "u", "name": "Ulla Dahl"},
        ],
        "citizens": [
            {
                "name": "Bo Andersen",
                "mentor": "b",
                "handovers": [
                    {
                        "handed_on": "2026-11-20",
                        "from_mentor": "a",
                        "to_mentor": "b",
                        "note": "Ring før kl. 10",
                    },
                    {"handed_on": "2026-11-21", "from_mentor": None, "to_mentor": "b"},
                ],
            }
        ],
        "covers": [
            {"mentor": "u", "covered": "b", "starts_on": "2026-12-21", "ends_on": "2027-01-03"}
        ],
    }
    first, second = _roundtrip(doc)
    assert first == second
    (citizen,) = first["citizens"]
    names = {m["key"]: m["name"] for m in first["mentors"]}
    got = [
        (h["handed_on"], names.get(h["from_mentor"]), names[h["to_mentor"]], h["note"])
        for h in citizen["handovers"]
    ]
    assert got == [
        ("2026-11-20", "Anne Mentor", "Bo Lund", "Ring før kl. 10"),
        ("2026-11-21", None, "Bo Lund", ""),
    ]
    (cover,) = first["covers"]
    assert (names[cover["mentor"]], names[cover["covered"]]) == ("Ulla Dahl", "Bo Lund")
    assert (cover["starts_on"], cover["ends_on"]) == ("2026-12-21", "2027-01-03")
    # The citizen's own file has the cover of their mentor, not the others'.
    with tempfile.TemporaryDirectory() as folder:
        try:
            _fresh(Path(folder), "one.db")
            import_document(parse_document(json.dumps(doc)))
            from mentorterm.models import Cover, Mentor

            anne = Mentor.get(Mentor.name == "Anne Mentor")
            Cover.create(mentor=anne, covered=Mentor.get(Mentor.name == "Ulla Dahl"),
                         starts_on="2026-12-01", ends_on="2026-12-02")  # fmt: skip
            single = export_document(citizen_id=Citizen.get().id, now=NOW)
            assert [c["starts_on"] for c in single["covers"]] == ["2026-12-21"]
            doc2 = copy.deepcopy(doc)
            doc2["citizens"][0]["name"] = "Another"
            import_document(parse_document(json.dumps(doc2)))
            assert Cover.select().count() == 2  # the same cover once
        finally:
            storage.close_database()


@pytest.mark.parametrize(
    ("cover", "location"),
    [
        ({"mentor": "a", "covered": "x", "starts_on": "2026-12-01", "ends_on": "2026-12-02"},
         "covers[0].covered"),
        ({"mentor": "a", "covered": "a", "starts_on": "2026-12-01", "ends_on": "2026-12-02"},
         "covers[0].covered"),
        ({"mentor": "a", "covered": "b", "starts_on": "2026-12-03", "ends_on": "2026-12-02"},
         "covers[0].ends_on"),
    ],
)  # fmt: skip
def test_a_cover_naming_no_mentor_or_ending_before_it_starts_is_refused(cover, location):
    doc = {
        "format": "mentorterm",
        "version": 1,
        "mentors": [{"key": "a", "name": "A", "is_default": True}, {"key": "b", "name": "B"}],
        "covers": [cover],
    }
    with pytest.raises(ImportFailed) as failure:
        parse_document(json.dumps(doc))
    assert location in "\n".join(failure.value.problems)
