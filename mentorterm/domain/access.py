"""The citizen's right of access (GDPR art. 15): everything held about them.

Two files: the interchange JSON of that one citizen (complete, machine
readable, the same format ``mentorterm export --citizen`` writes) and a PDF
a person can read: every field of every record, grouped by kind, dates
written the Danish way, linked records named by what they are.

Art. 15 also asks for the dates and purposes of access to the record: the
audit log's rows for the citizen (``audit.accesses_of``), this export's own
row included, fill that section.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from ..documents import Block, Column, Document, Facts, Heading, Table, Text, write_pdf
from ..enums import (
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
from ..format import show_date, show_datetime
from ..i18n import _
from ..models import Draft, db
from . import audit
from .transfer import build_document, dumps
from .views import View


class AccessEvent(View):
    """One access to the citizen's record (from the audit log)."""

    at: datetime
    who: str
    purpose: str


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
}
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
    "action_items",
    "review_notes",
    "reports",
}


def _field_label(name: str) -> str:
    special = {
        "created_at": _("Created (UTC)"),
        "updated_at": _("Last changed (UTC)"),
        "job_wish_1": _("Job wish 1"),
        "job_wish_2": _("Job wish 2"),
        "job_wish_3": _("Job wish 3"),
        "iso_week": _("Week"),
    }
    return special.get(name) or _(name.replace("_", " ").capitalize())


def _value(kind: str, name: str, value: Any) -> str:
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
        return f"{value:g}".replace(".", ",")
    return str(value)


def _rows(kind: str, record: dict[str, Any], refs: dict[str, str]) -> list[tuple[str, str]]:
    rows = []
    for name, value in record.items():
        if name in _LINKS:
            continue
        if name in refs:
            rows.append((_field_label(name), refs[name]))
            continue
        rows.append((_field_label(name), _value(kind, name, value)))
    return rows


def _record(
    title: str, kind: str, record: dict[str, Any], refs: dict[str, str] | None = None
) -> list[Block]:
    return [Heading(title, level=2), Facts(_rows(kind, record, refs or {}), label_width=52)]


def _mentor_names(document: dict[str, Any]) -> dict[str | None, str]:
    names: dict[str | None, str] = {None: "–"}
    for mentor in document["mentors"]:
        names[mentor["key"]] = mentor["name"]
    return names


class _Citizen:
    """One citizen's records as blocks, with linked records named by what they are."""

    def __init__(self, citizen: dict[str, Any], mentors: dict[str | None, str]):
        self.citizen = citizen
        self.mentors = mentors

    def mentor(self, key: str | None) -> dict[str, str]:
        return {"mentor": self.mentors.get(key, "–")}

    def course_name(self, position: int | None) -> dict[str, str]:
        if position is None:
            return {"course": "–"}
        course = self.citizen["courses"][position]
        start = _value("", "", course["start_date"])
        return {"course": _("Course from {start}").format(start=start)}

    def meeting_name(self, position: int | None) -> dict[str, str]:
        if position is None:
            return {"meeting": "–"}
        when = _value("", "", self.citizen["meetings"][position]["starts_at"])
        return {"meeting": _("Meeting {when}").format(when=when)}

    def courses(self, n: int, record: dict[str, Any]) -> list[Block]:
        blocks = _record(f"{_('Course')} {n}", "course", record)
        for x in record["extensions"]:
            blocks += _record(_("Extension"), "extension", x)
        return blocks

    def sub_goals(self, n: int, record: dict[str, Any]) -> list[Block]:
        title = f"{_('Sub-goal')} {n}: {record['title']}"
        blocks = _record(title, "sub_goal", record, self.course_name(record["course"]))
        for s in record["scores"]:
            day = _value("", "", s["scored_on"])
            blocks += _record(
                _("Score {day}").format(day=day), "score", s, self.mentor(s["mentor"])
            )
        return blocks

    def placements(self, n: int, record: dict[str, Any]) -> list[Block]:
        title = f"{_('Placement')} {n}: {record['workplace']}"
        blocks = _record(title, "placement", record, self.course_name(record["course"]))
        for s in record["hours_steps"]:
            blocks += _record(_("Hours step"), "hours_step", s)
        for e in record["logbook"]:
            day = _value("", "", e["entry_date"])
            blocks += _record(_("Logbook {day}").format(day=day), "logbook", e)
        return blocks

    def meetings(self, n: int, record: dict[str, Any]) -> list[Block]:
        blocks = _record(f"{_('Meeting')} {n}", "meeting", record, self.mentor(record["mentor"]))
        for p in record["participants"]:
            blocks += _record(_("Participant"), "participant", p)
        return blocks

    def action_items(self, n: int, record: dict[str, Any]) -> list[Block]:
        refs = self.meeting_name(record["meeting"])
        return _record(f"{_('Agreement')} {n}", "action_item", record, refs)

    def review_notes(self, n: int, record: dict[str, Any]) -> list[Block]:
        refs = self.mentor(record["mentor"])
        return _record(f"{_('Review note')} {n}", "review_note", record, refs)

    def reports(self, n: int, record: dict[str, Any]) -> list[Block]:
        return _record(f"{_('Report')} {n}", "report", record)

    def sections(self) -> list[Block]:
        blocks: list[Block] = [Heading(_("Personal details"))]
        blocks += _record(
            self.citizen["name"], "citizen", self.citizen, self.mentor(self.citizen["mentor"])
        )
        for key, heading in (
            ("courses", _("Courses")),
            ("sub_goals", _("Sub-goals and scores")),
            ("placements", _("Placements and logbook")),
            ("meetings", _("Meetings")),
            ("action_items", _("Agreements (action items)")),
            ("review_notes", _("Case review notes")),
            ("reports", _("Progression reports")),
        ):
            records = self.citizen.get(key, [])
            blocks.append(Heading(f"{heading} ({len(records)})"))
            if not records:
                blocks.append(Text(_("None."), muted=True))
            for n, record in enumerate(records, start=1):
                blocks += getattr(self, key)(n, record)
        return blocks


def _drafts_blocks(drafts: Sequence[dict[str, Any]] | None) -> list[Block]:
    blocks: list[Block] = [Heading(_("Unsaved drafts ({count})").format(count=len(drafts or [])))]
    if not drafts:
        blocks.append(Text(_("None."), muted=True))
    for draft in drafts or []:
        facts = [(_field_label(k), _value("draft", k, v)) for k, v in draft.items() if k != "title"]
        blocks += [Heading(draft["title"] or _("Draft"), level=2), Facts(facts, label_width=52)]
    return blocks


def _accesses_blocks(accesses: Sequence[AccessEvent] | None) -> list[Block]:
    blocks: list[Block] = [Heading(_("Access to your record"))]
    if accesses is None:
        text = _("No log of who opened the record and why is kept yet.")
        return [*blocks, Text(text, muted=True)]
    if not accesses:
        return [*blocks, Text(_("No access is logged."), muted=True)]
    columns = (
        Column(_("When"), width=34),
        Column(_("Who"), width=50),
        Column(_("Purpose"), width=90),
    )
    rows = [[show_datetime(a.at), a.who, a.purpose] for a in accesses]
    return [*blocks, Table(columns, rows)]


def access_document(
    document: dict[str, Any],
    today: date,
    accesses: Sequence[AccessEvent] | None = None,
    drafts: Sequence[dict[str, Any]] | None = None,
) -> Document:
    """The readable form of a one-citizen interchange document (and its drafts), as blocks."""
    citizen = document["citizens"][0]
    mentors = _mentor_names(document)
    meta = [
        (_("Citizen"), citizen["name"]),
        (_("Written on"), show_date(today)),
        (_("Kept by"), mentors.get(citizen["mentor"], "–")),
    ]
    intro = _(
        "This document lists every record about you in the mentor's program, "
        "field by field. The enclosed JSON file holds the same data in a "
        "machine-readable form."
    )
    result = Document(
        _("Everything held about {name}").format(name=citizen["name"]),
        meta,
        footer=f"{citizen['name']} · {_('Access to own data')}",
    )
    result.add(Text(intro, muted=True), *_Citizen(citizen, mentors).sections())
    return result.add(*_drafts_blocks(drafts), *_accesses_blocks(accesses))


def access_pdf(
    document: dict[str, Any],
    today: date,
    accesses: Sequence[AccessEvent] | None = None,
    drafts: Sequence[dict[str, Any]] | None = None,
) -> bytes:
    """The readable PDF of a one-citizen interchange document (and its drafts)."""
    return write_pdf(access_document(document, today, accesses, drafts))


def access_export(
    citizen_id: int, today: date, accesses: Sequence[AccessEvent] | None = None
) -> tuple[bytes, bytes]:
    """(interchange JSON, readable PDF) of everything held about one citizen.

    Writes one audit row (the export), then lists the dates and purposes of
    access to the record (GDPR art. 15(1)) from the audit log, that row
    included; ``accesses`` replaces that list (tests).
    """
    with db.atomic():
        document = build_document(citizen_id)
        audit.record(
            "export",
            "access_export",
            citizen_id=citizen_id,
            record_id=citizen_id,
            purpose="access export",
        )
        if accesses is None:
            accesses = audit.accesses_of(citizen_id)
    return (
        dumps(document).encode("utf-8"),
        access_pdf(document, today, accesses, drafts=_drafts(citizen_id)),
    )


def _drafts(citizen_id: int) -> list[dict[str, Any]]:
    """Half-typed forms about the citizen: not in the interchange format, but held."""
    rows = []
    for draft in Draft.select().where(Draft.citizen == citizen_id).order_by(Draft.id):
        try:
            values = json.loads(draft.payload)
        except ValueError:
            values = None
        fields = (
            {k: "" if v is None else str(v) for k, v in values.items()}
            if isinstance(values, dict)
            else {"payload": draft.payload}
        )
        rows.append(
            {
                "title": draft.title,
                **fields,
                "created_at": draft.created_at.isoformat(),
                "updated_at": draft.updated_at.isoformat(),
            }
        )
    return rows
