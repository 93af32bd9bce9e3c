"""The meeting note's one mapping: flat form fields to MeetingNoteIn and errors back."""

from __future__ import annotations

from pydantic import ValidationError

from mentorterm.domain.meetings import MeetingNoteIn
from mentorterm.schemas import friendly_errors
from mentorterm.screens.note_mapping import (
    error_field,
    meeting_values,
    note_data,
    participants_from,
)


def flat_note(**overrides) -> dict:
    values = {
        "kind": "three_party",
        "starts_at": "22-11-2026 10:00",
        "duration_minutes": "",
        "place": "Føtex [Vest]",
        "status": "held",
        "p_citizen": "Mette",
        "p_mentor": "Ole",
        "p_other": "Anna, Bo",
        "decisions": "More hours",
        "a1_what": "Call the supervisor",
        "a1_owner": "Ole",
        "a1_due": "",
        "a2_what": "",
        "a2_owner": "",
        "a2_due": "",
        "hours_from": "",
        "hours_per_week": "",
        "hours_schedule": "",
    }
    values.update(overrides)
    return values


def test_the_flat_note_becomes_the_nested_input():
    data = note_data(flat_note(), placement_id=7)
    assert data["meeting"]["place"] == "Føtex [Vest]"
    assert "duration_minutes" not in data["meeting"]  # empty: the model's default
    assert not any(k.startswith(("p_", "a1_", "hours_")) for k in data["meeting"])
    assert data["meeting"]["participants"] == [
        {"name": "Mette", "role": "citizen"},
        {"name": "Ole", "role": "mentor"},
        {"name": "Anna", "role": "other"},
        {"name": "Bo", "role": "other"},
    ]
    # An empty agreement row is nobody's agreement; an empty date is no date.
    assert data["action_items"] == [
        {"what": "Call the supervisor", "owner": "Ole", "due_date": None}
    ]
    assert "hours_change" not in data
    note = MeetingNoteIn.model_validate(data)
    assert note.meeting.duration_minutes == 60


def test_an_hours_change_names_the_placement():
    data = note_data(
        flat_note(hours_from="01-12-2026", hours_per_week="20", hours_schedule="4 x 5 h"),
        placement_id=7,
    )
    assert data["hours_change"] == {
        "placement_id": 7,
        "from_date": "01-12-2026",
        "hours_per_week": "20",
        "schedule": "4 x 5 h",
    }


def test_each_error_goes_back_under_the_field_it_was_typed_in():
    """The same mapping both ways: a wrong value typed in a flat field is reported
    at a nested location that error_field maps back to that very field."""
    wrong = flat_note(
        starts_at="32-13-2026",
        a2_what="Send the plan",
        a2_owner="Ole",
        a2_due="not a day",
        hours_from="not a day",
        hours_per_week="20",
    )
    try:
        MeetingNoteIn.model_validate(note_data(wrong, placement_id=7))
    except ValidationError as exc:
        fields = {error_field(location) for location in friendly_errors(exc)}
    else:  # pragma: no cover - the values above are wrong
        raise AssertionError("the wrong values validated")
    assert {"starts_at", "a2_due", "hours_from"} <= fields


def test_error_locations_of_every_part():
    assert error_field("meeting.place") == "place"
    assert error_field("meeting.participants") == "p_citizen"
    assert error_field("action_items.0.what") == "a1_what"
    assert error_field("action_items.3.due_date") == "a4_due"
    assert error_field("hours_change.from_date") == "hours_from"
    assert error_field("hours_change.schedule") == "hours_schedule"
    assert error_field("hours_per_week") == "hours_per_week"
    assert error_field("placement_id") == "hours_from"
    assert error_field("__all__") == "__all__"


def test_a_saved_meeting_comes_back_into_the_same_fields():
    data = note_data(flat_note(), placement_id=None)
    meeting = MeetingNoteIn.model_validate(data).meeting
    values = meeting_values(meeting)
    assert values["place"] == "Føtex [Vest]"
    assert values["p_citizen"] == "Mette"
    assert values["p_other"] == "Anna, Bo"
    assert participants_from(values) == data["meeting"]["participants"]
