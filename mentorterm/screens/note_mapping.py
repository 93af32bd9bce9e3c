"""The meeting note, flat in the form and nested in MeetingNoteIn: one mapping, both ways."""

from __future__ import annotations

import re
from typing import Any

from ..enums import ParticipantRole
from ..i18n import _
from ..widgets.fields import FieldSpec

NOTE_FORM = "meeting-note"
ACTION_ROWS = 4  # agreement rows on a note; more go on the next note or the list

# (role, field name, label) of the participant fields, in the order shown.
ROLES = [
    (ParticipantRole.CITIZEN, "p_citizen", _("Citizen")),
    (ParticipantRole.MENTOR, "p_mentor", _("Mentor")),
    (ParticipantRole.PLACEMENT_SUPERVISOR, "p_supervisor", _("Placement supervisor")),
    (ParticipantRole.COMPANY_CONSULTANT, "p_consultant", _("Company consultant")),
    (ParticipantRole.CASEWORKER, "p_caseworker", _("Caseworker")),
    (ParticipantRole.INTERPRETER, "p_interpreter", _("Interpreter")),
    (ParticipantRole.OTHER, "p_other", _("Others")),
]

# The note's texts a planned meeting may already carry (same name flat and nested).
NOTE_TEXTS = (
    "attendance_note",
    "tasks_note",
    "motivation_note",
    "accommodations_note",
    "citizen_view",
    "workplace_view",
    "notes",
    "decisions",
)
# An agreement row's fields: a{n}_<flat> in the form, action_items.{n-1}.<nested>.
ITEM_PARTS = {"what": "what", "owner": "owner", "due": "due_date"}
# The hours change: flat field -> hours_change.<nested>.
HOURS_PARTS = {
    "hours_from": "from_date",
    "hours_per_week": "hours_per_week",
    "hours_schedule": "schedule",
}
# Flat names that are not the meeting's own fields.
_NOT_MEETING = re.compile(r"p_|a\d+_|hours_")


def participant_fields() -> list[FieldSpec]:
    specs = [FieldSpec(name, label) for _role, name, label in ROLES]
    specs[-1].hint = _("Names separated by commas")
    return specs


def participants_from(values: dict[str, Any]) -> list[dict[str, str]]:
    """The participant fields as ParticipantIn data: an empty field is nobody."""
    people = []
    for role, name, _label in ROLES:
        text = (values.get(name) or "").strip()
        names = [n.strip() for n in text.split(",")] if role == ParticipantRole.OTHER else [text]
        people += [{"name": n, "role": role.value} for n in names if n]
    return people


def participant_values(participants) -> dict[str, str]:
    """Participants (views or ParticipantIn) back into the form's fields."""
    values: dict[str, list[str]] = {}
    for p in participants:
        field = next(name for role, name, _label in ROLES if role == p.role)
        values.setdefault(field, []).append(p.name)
    return {field: ", ".join(names) for field, names in values.items()}


# --- flat -> nested ----------------------------------------------------------------


def note_data(values: dict[str, Any], placement_id: int | None) -> dict[str, Any]:
    """The form's flat values as MeetingNoteIn data (meeting, agreements, hours change)."""
    meeting = {k: v for k, v in values.items() if v is not None and not _NOT_MEETING.match(k)}
    if meeting.get("duration_minutes") == "":
        del meeting["duration_minutes"]
    meeting["participants"] = participants_from(values)
    items = []
    for n in range(1, ACTION_ROWS + 1):
        row = {nested: values.get(f"a{n}_{flat}") or "" for flat, nested in ITEM_PARTS.items()}
        if any(text.strip() for text in row.values()):
            items.append({**row, "due_date": row["due_date"] or None})
    data: dict[str, Any] = {"meeting": meeting, "action_items": items}
    hours = {nested: values.get(flat) or "" for flat, nested in HOURS_PARTS.items()}
    if any(h.strip() for h in hours.values()):
        data["hours_change"] = {"placement_id": placement_id, **hours}
    return data


def error_field(location: str) -> str:
    """The flat field a nested error belongs under (meeting.place, action_items.0.what,
    hours_change.from_date, or a bare hours field from the hours change's own check)."""
    parts = location.split(".")
    to_item = {nested: flat for flat, nested in ITEM_PARTS.items()}
    to_hours = {nested: flat for flat, nested in HOURS_PARTS.items()}
    if parts[0] == "meeting" and len(parts) > 1:
        return "p_citizen" if parts[1] == "participants" else parts[1]
    if parts[0] == "action_items" and len(parts) > 2:
        return f"a{int(parts[1]) + 1}_{to_item.get(parts[2], parts[2])}"
    if parts[0] == "hours_change" and len(parts) > 1:
        return to_hours.get(parts[1], parts[1])
    if parts[0] in to_hours or parts[0] == "placement_id":
        return to_hours.get(parts[0], "hours_from")
    return location


# --- nested -> flat ----------------------------------------------------------------


def meeting_values(meeting) -> dict[str, Any]:
    """A saved meeting (MeetingIn) as the form's flat values: its own fields and people."""
    return {
        **meeting.model_dump(exclude={"participants"}),
        **participant_values(meeting.participants),
    }


def planned_values(planned) -> dict[str, Any]:
    """What a planned meeting brings to its note: time, place, people, texts, next date."""
    values: dict[str, Any] = {
        "starts_at": planned.starts_at,
        "place": planned.place,
        "duration_minutes": planned.duration_minutes,
    }
    values.update({name: getattr(planned, name) for name in NOTE_TEXTS if getattr(planned, name)})
    values.update(participant_values(planned.participants) or {})
    if planned.next_meeting_date:
        values["next_meeting_date"] = planned.next_meeting_date
    return values
