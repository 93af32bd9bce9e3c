"""Group sessions in the interchange format (schema 10): the document's
sessions and series by key, each citizen's roll-call rows naming their
session; export → import → export is the same; a session already here is
not written twice; old files import unchanged; bad keys are refused by place."""

from __future__ import annotations

import copy
import json
from datetime import date

import pytest

from mentorterm import storage
from mentorterm.domain import sessions
from mentorterm.domain.citizens import create_citizen
from mentorterm.domain.transfer import (
    ImportFailed,
    dumps,
    export_document,
    import_document,
    parse_document,
)
from mentorterm.models import Citizen, GroupSeries, GroupSession, SessionParticipant
from mentorterm.schemas import CitizenIn
from mentorterm.schemas.sessions import GroupSeriesIn, GroupSessionIn

pytestmark = pytest.mark.both_engines

DOC = {
    "format": "mentorterm",
    "version": 1,
    "mentors": [{"key": "a", "name": "Anne Mentor", "is_default": True}],
    "citizens": [
        {
            "name": "Ali Hassan",
            "mentor": "a",
            "session_participations": [
                {"session": "s1", "attendance": "present"},
                {"session": "s2", "attendance": "left_for_conversation", "hours": 1.5,
                 "note": "Samtale om CV"},
            ],
        },
        {
            "name": "Bo Berg",
            "mentor": "a",
            "session_participations": [{"session": "s1", "attendance": "sick"}],
        },
    ],
    "group_series": [
        {"key": "x", "title": "Arbejdsmarkedet", "weekdays": "1,3", "starts": "09:30",
         "hours": 2.5, "first_day": "2026-11-02", "last_day": "2026-11-04", "leader": "a"}
    ],
    "group_sessions": [
        {"key": "s1", "series": "x", "title": "Arbejdsmarkedet",
         "starts_at": "2026-11-02T09:30:00", "hours": 2.5, "leader": "a"},
        {"key": "s2", "title": "CV-værksted", "starts_at": "2026-11-05T13:00:00", "hours": 3,
         "place": "Lokale 2", "cancelled": False, "note": "Medbring pc"},
    ],
}  # fmt: skip


def roll(database_doc: dict) -> list[tuple]:
    titles = {s["key"]: (s["title"], s["starts_at"]) for s in database_doc["group_sessions"]}
    return sorted(
        (c["name"], *titles[p["session"]], p["attendance"], p["hours"], p["note"])
        for c in database_doc["citizens"]
        for p in c["session_participations"]
    )


def test_sessions_go_out_and_come_back(database, tmp_path):
    import_document(parse_document(json.dumps(DOC)))
    assert GroupSession.select().count() == 2 and GroupSeries.select().count() == 1
    first = export_document()
    assert roll(first) == [
        ("Ali Hassan", "Arbejdsmarkedet", "2026-11-02T09:30:00", "present", None, ""),
        ("Ali Hassan", "CV-værksted", "2026-11-05T13:00:00", "left_for_conversation", 1.5,
         "Samtale om CV"),
        ("Bo Berg", "Arbejdsmarkedet", "2026-11-02T09:30:00", "sick", None, ""),
    ]  # fmt: skip
    (series,) = first["group_series"]
    assert (series["weekdays"], series["starts"], series["hours"]) == ("1,3", "09:30", 2.5)
    s1 = next(s for s in first["group_sessions"] if s["title"] == "Arbejdsmarkedet")
    assert s1["series"] == series["key"]
    # The file's own mentor is this database's: the citizens' mentor leads.
    assert s1["leader"] == first["citizens"][0]["mentor"]
    # Into an empty database and out again: the same file.
    storage.close_database()
    storage.open_database(tmp_path / "two.db")
    import_document(parse_document(dumps(first)))
    second = export_document(now=None)
    for doc in (first, second):
        doc.pop("exported_at")
    assert roll(second) == roll(first)
    assert second["group_sessions"] == first["group_sessions"]


def _without_uids(item) -> None:
    """The records' uids taken out (a file the same records' uids refuse)."""
    if isinstance(item, dict):
        item.pop("uid", None)
        for value in item.values():
            _without_uids(value)
    elif isinstance(item, list):
        for value in item:
            _without_uids(value)


def test_one_citizens_file_has_their_sessions_and_a_session_here_is_not_doubled(database):
    sid = sessions.create_series(
        GroupSeriesIn(title="Hold", weekdays="1", first_day="02-11-2026", last_day="16-11-2026")
    )
    ali = create_citizen(CitizenIn(name="Ali Hassan"))
    bo = create_citizen(CitizenIn(name="Bo Berg"))
    sessions.add_to_series(sid, ali, date(2026, 11, 9))
    lone = sessions.create_session(GroupSessionIn(title="Alene", day="20-11-2026"))
    sessions.add_participant(lone, bo)
    single = export_document(citizen_id=ali)
    assert len(single["group_sessions"]) == 2  # 9 and 16 Nov, not 2 Nov nor Bo's
    assert len(single["group_series"]) == 1
    assert {s["title"] for s in single["group_sessions"]} == {"Hold"}
    # The same citizen's file again, as another citizen: called in to the sessions here.
    again = copy.deepcopy(single)
    again["citizens"][0]["name"] = "Ali Hassan (igen)"
    again["citizens"][0]["created_at"] = None
    _without_uids(again)  # as another citizen: not the same records (schema 11)
    import_document(parse_document(json.dumps(again)))
    assert GroupSession.select().count() == 4 and GroupSeries.select().count() == 1
    newcomer = Citizen.get(Citizen.name == "Ali Hassan (igen)")
    assert SessionParticipant.select().where(SessionParticipant.citizen == newcomer).count() == 2


def test_a_file_from_before_schema_10_imports_unchanged(database):
    old = {k: v for k, v in DOC.items() if k not in ("group_series", "group_sessions")}
    old["citizens"] = [
        {k: v for k, v in c.items() if k != "session_participations"} for c in DOC["citizens"]
    ]
    result = import_document(parse_document(json.dumps(old)))
    assert result.citizens == 2 and GroupSession.select().count() == 0
    assert all(c["session_participations"] == [] for c in export_document()["citizens"])


def _broken(change) -> dict:
    doc = copy.deepcopy(DOC)
    change(doc)
    return doc


@pytest.mark.parametrize(
    ("change", "location", "words"),
    [
        (lambda d: d["citizens"][0]["session_participations"][0].update(session="nope"),
         "citizens[0].session_participations[0].session", "not in group_sessions"),
        (lambda d: d["citizens"][1]["session_participations"].append({"session": "s1"}),
         "citizens[1].session_participations[1].session", "same session twice"),
        (lambda d: d["group_sessions"][0].update(series="y"), "group_sessions[0].series",
         "not in group_series"),
        (lambda d: d["group_sessions"][1].update(leader="z"), "group_sessions[1].leader",
         "not in the mentors list"),
        (lambda d: d["group_sessions"][1].update(hours=20), "group_sessions.1.hours",
         "at most 12 hours"),
        (lambda d: d["citizens"][0]["session_participations"][0].update(attendance="asleep"),
         "session_participations.0.attendance", ""),
        (lambda d: d["group_series"][0].update(weekdays="someday"), "group_series.0.weekdays",
         "not a weekday"),
    ],
)  # fmt: skip
def test_a_bad_session_in_a_file_is_refused_by_its_place(database, change, location, words):
    with pytest.raises(ImportFailed) as failure:
        parse_document(json.dumps(_broken(change)))
    said = "\n".join(failure.value.problems)
    assert location in said.replace("[", ".").replace("]", "") or location in said, said
    assert words in said
    assert GroupSession.select().count() == 0
