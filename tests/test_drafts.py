"""Drafts: what was typed and not saved survives word for word, one row per form."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentorterm.domain import drafts
from mentorterm.domain.citizens import create_citizen, delete_citizen
from mentorterm.models import Draft
from mentorterm.schemas import CitizenIn

# Every test here runs on SQLite and on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines

DANISH = "æøå ÆØÅ\n“quotes” 🙂"


def test_draft_key_sorts_ids_and_names_a_new_record():
    assert drafts.draft_key("meeting-note", meeting=None, citizen=3) == (
        "meeting-note:citizen=3:meeting=new"
    )
    assert drafts.draft_key("citizen") == "citizen"
    assert drafts.draft_key("logbook", placement=7, entry=12) == "logbook:entry=12:placement=7"


def test_round_trip_word_for_word(database):
    citizen = create_citizen(CitizenIn(name="Søren Ørsted"))
    key = drafts.draft_key("meeting-note", citizen=citizen, meeting=None)
    values = {
        "notes": DANISH,
        "participants": [{"name": "Bo", "role": "caseworker"}],
        "decisions": "",
        "nested": {"a": ["x", "y"]},
    }
    drafts.save_draft(key, values, title="Meeting note for Søren", citizen_id=citizen)
    draft = drafts.load_draft(key)
    assert draft.values == values
    assert draft.values["notes"] == DANISH
    assert (draft.key, draft.title, draft.citizen_id, draft.citizen_name) == (
        key,
        "Meeting note for Søren",
        citizen,
        "Søren Ørsted",
    )
    # Stored readable (ensure_ascii=False), not as \u escapes.
    assert "æøå ÆØÅ" in Draft.get(Draft.key == key).payload
    assert drafts.load_draft("no-such-form") is None


def test_saving_again_replaces_the_draft_and_moves_it_first(database):
    drafts.save_draft("a", {"text": "one"}, title="A", citizen_id=None)
    drafts.save_draft("b", {"text": "two"}, title="B", citizen_id=None)
    first_saved = drafts.load_draft("a").saved_at
    time.sleep(0.002)
    drafts.save_draft("a", {"text": "one, more"}, title="A again", citizen_id=None)
    assert Draft.select().where(Draft.key == "a").count() == 1
    again = drafts.load_draft("a")
    assert (again.values, again.title, again.citizen_name) == (
        {"text": "one, more"},
        "A again",
        None,
    )
    assert again.saved_at > first_saved
    assert [p.key for p in drafts.pending_drafts()] == ["a", "b"]  # newest first
    drafts.discard_draft("a")
    drafts.discard_draft("a")  # already gone: fine
    assert [p.key for p in drafts.pending_drafts()] == ["b"]


def test_a_corrupt_payload_is_skipped_not_a_crash(database):
    drafts.save_draft("good", {"text": "kept"}, title="Good", citizen_id=None)
    for key, payload in (
        ("broken", '{"text": "cut off'),
        ("not-an-object", "[1, 2]"),
        ("empty", ""),
    ):
        Draft.create(key=key, title=key, payload=payload)
    assert [p.key for p in drafts.pending_drafts()] == ["good"]
    for key in ("broken", "not-an-object", "empty"):
        assert drafts.load_draft(key) is None
    drafts.save_draft("broken", {"text": "fixed"}, title="Fixed", citizen_id=None)
    assert drafts.load_draft("broken").values == {"text": "fixed"}


def test_deleting_the_citizen_deletes_their_drafts(database):
    ali = create_citizen(CitizenIn(name="Ali Hassan"))
    bo = create_citizen(CitizenIn(name="Bo Berg"))
    drafts.save_draft(drafts.draft_key("note", citizen=ali), {"t": "x"}, title="A", citizen_id=ali)
    drafts.save_draft(drafts.draft_key("note", citizen=bo), {"t": "y"}, title="B", citizen_id=bo)
    drafts.save_draft("mentor", {"t": "z"}, title="M", citizen_id=None)
    delete_citizen(ali, "Ali Hassan")
    assert sorted(p.key for p in drafts.pending_drafts()) == ["mentor", "note:citizen=2"]


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    values=st.dictionaries(
        st.text(max_size=20), st.text() | st.lists(st.text(max_size=20), max_size=4), max_size=5
    ),
    title=st.text(max_size=50),
)
def test_any_text_round_trips(database, engine, values, title):
    drafts.save_draft("form", values, title=title, citizen_id=None)
    draft = drafts.load_draft("form")
    assert draft.values == values  # JSON: a NUL travels as \u0000
    # PostgreSQL's text holds no NUL: the team database leaves it out.
    assert draft.title == (title.replace("\x00", "") if engine == "postgresql" else title)
    assert Draft.select().count() == 1
