"""How a stored value of the interchange document reads in the access export."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ...enums import (
    Attendance,
    Author,
    CourseOutcome,
    CoursePurpose,
    MeetingKind,
    MeetingStatus,
    ParticipantRole,
    PlacementKind,
    SubGoalStatus,
)
from ...format import show_date, show_datetime, show_number
from ...i18n import _
from .fields import FIELD_LABELS
from .jobsearch_fields import ENUMS as JOB_SEARCH_ENUMS
from .jobsearch_fields import LISTS as JOB_SEARCH_LISTS

# Fixed lists whose stored value has a label, by (kind of record, field).
_ENUMS = {
    ("course", "purpose"): CoursePurpose,
    ("course", "outcome"): CourseOutcome,
    ("sub_goal", "status"): SubGoalStatus,
    ("placement", "kind"): PlacementKind,
    ("logbook", "attendance"): Attendance,
    ("logbook", "written_by"): Author,
    ("meeting", "kind"): MeetingKind,
    ("meeting", "status"): MeetingStatus,
    ("participant", "role"): ParticipantRole,
    ("status_change", "status_from"): MeetingStatus,
    ("status_change", "status_to"): MeetingStatus,
    ("meeting", "status_before"): MeetingStatus,
}
_ENUMS.update(JOB_SEARCH_ENUMS)  # the job search's (schema 10)
_LINKS = {
    "courses",
    "extensions",
    "sub_goals",
    "scores",
    "placements",
    "hours_steps",
    "logbook",
    "meetings",
    "participants",
    "status_changes",
    "action_items",
    "review_notes",
    "reports",
    "group_series",
    "group_sessions",
    "session_participations",
    *JOB_SEARCH_LISTS,
}


def field_label(name: str) -> str:
    special = {
        "created_at": _("Created (UTC)"),
        "updated_at": _("Last changed (UTC)"),
        "job_wish_1": _("Job wish 1"),
        "job_wish_2": _("Job wish 2"),
        "job_wish_3": _("Job wish 3"),
        "iso_week": _("Week"),
    }
    if name in special:
        return special[name]
    if name in FIELD_LABELS:
        return _(FIELD_LABELS[name])
    return name.replace("_", " ").capitalize()


def show_value(kind: str, name: str, value: Any) -> str:
    """A stored value as a person reads it."""
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    enum = _ENUMS.get((kind, name))
    if enum is not None:
        try:
            return enum(value).label
        except ValueError:
            return str(value)
    if isinstance(value, str) and len(value) >= 10 and value[4] == "-" and value[7] == "-":
        try:
            if len(value) == 10:
                return show_date(date.fromisoformat(value))
            return show_datetime(datetime.fromisoformat(value))
        except ValueError:
            pass
    if isinstance(value, float):
        return show_number(value)
    return str(value)


def record_rows(kind: str, record: dict[str, Any], refs: dict[str, str]) -> list[tuple[str, str]]:
    rows = []
    for name, value in record.items():
        if name in _LINKS:
            continue
        if name in refs:
            rows.append((field_label(name), refs[name]))
            continue
        rows.append((field_label(name), show_value(kind, name, value)))
    return rows
