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
from .pdf import PdfDocument
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
    pdf: PdfDocument,
    title: str,
    kind: str,
    record: dict[str, Any],
    refs: dict[str, str] | None = None,
) -> None:
    pdf.subheading(title)
    pdf.set_font_size(9)
    pdf.facts(_rows(kind, record, refs or {}), label_width=52)


def _mentor_names(document: dict[str, Any]) -> dict[str | None, str]:
    names: dict[str | None, str] = {None: "–"}
    for mentor in document["mentors"]:
        names[mentor["key"]] = mentor["name"]
    return names


def access_pdf(
    document: dict[str, Any],
    today: date,
    accesses: Sequence[AccessEvent] | None = None,
    drafts: Sequence[dict[str, Any]] | None = None,
) -> bytes:
    """The readable PDF of a one-citizen interchange document (and its drafts)."""
    citizen = document["citizens"][0]
    mentors = _mentor_names(document)
    title = _("Everything held about {name}").format(name=citizen["name"])
    pdf = PdfDocument(f"{citizen['name']} · {_('Access to own data')}")
    pdf.set_title(title)
    pdf.set_creator("mentorterm")
    pdf.title_block(
        title,
        [
            (_("Citizen"), citizen["name"]),
            (_("Written on"), show_date(today)),
            (_("Kept by"), mentors.get(citizen["mentor"], "–")),
        ],
    )
    pdf.paragraph(
        _(
            "This document lists every record about you in the mentor's program, "
            "field by field. The enclosed JSON file holds the same data in a "
            "machine-readable form."
        ),
        muted=True,
    )

    def course_name(position: int | None) -> str:
        if position is None:
            return "–"
        course = citizen["courses"][position]
        return _("Course from {start}").format(start=_value("", "", course["start_date"]))

    def meeting_name(position: int | None) -> str:
        if position is None:
            return "–"
        return _("Meeting {when}").format(
            when=_value("", "", citizen["meetings"][position]["starts_at"])
        )

    pdf.heading(_("Personal details"))
    _record(pdf, citizen["name"], "citizen", citizen, {"mentor": mentors[citizen["mentor"]]})

    sections: list[tuple[str, str]] = [
        ("courses", _("Courses")),
        ("sub_goals", _("Sub-goals and scores")),
        ("placements", _("Placements and logbook")),
        ("meetings", _("Meetings")),
        ("action_items", _("Agreements (action items)")),
        ("review_notes", _("Case review notes")),
        ("reports", _("Progression reports")),
    ]
    for key, heading in sections:
        records = citizen.get(key, [])
        pdf.heading(f"{heading} ({len(records)})")
        if not records:
            pdf.paragraph(_("None."), muted=True)
        for n, record in enumerate(records, start=1):
            if key == "courses":
                _record(pdf, f"{_('Course')} {n}", "course", record)
                for x in record["extensions"]:
                    _record(pdf, _("Extension"), "extension", x)
            elif key == "sub_goals":
                _record(
                    pdf,
                    f"{_('Sub-goal')} {n}: {record['title']}",
                    "sub_goal",
                    record,
                    {"course": course_name(record["course"])},
                )
                for s in record["scores"]:
                    _record(
                        pdf,
                        _("Score {day}").format(day=_value("", "", s["scored_on"])),
                        "score",
                        s,
                        {"mentor": mentors.get(s["mentor"], "–")},
                    )
            elif key == "placements":
                _record(
                    pdf,
                    f"{_('Placement')} {n}: {record['workplace']}",
                    "placement",
                    record,
                    {"course": course_name(record["course"])},
                )
                for s in record["hours_steps"]:
                    _record(pdf, _("Hours step"), "hours_step", s)
                for e in record["logbook"]:
                    _record(
                        pdf,
                        _("Logbook {day}").format(day=_value("", "", e["entry_date"])),
                        "logbook",
                        e,
                    )
            elif key == "meetings":
                _record(
                    pdf,
                    f"{_('Meeting')} {n}",
                    "meeting",
                    record,
                    {"mentor": mentors.get(record["mentor"], "–")},
                )
                for p in record["participants"]:
                    _record(pdf, _("Participant"), "participant", p)
            elif key == "action_items":
                _record(
                    pdf,
                    f"{_('Agreement')} {n}",
                    "action_item",
                    record,
                    {"meeting": meeting_name(record["meeting"])},
                )
            elif key == "review_notes":
                _record(
                    pdf,
                    f"{_('Review note')} {n}",
                    "review_note",
                    record,
                    {"mentor": mentors.get(record["mentor"], "–")},
                )
            else:
                _record(pdf, f"{_('Report')} {n}", "report", record)

    pdf.heading(_("Unsaved drafts ({count})").format(count=len(drafts or [])))
    if not drafts:
        pdf.paragraph(_("None."), muted=True)
    for draft in drafts or []:
        pdf.subheading(draft["title"] or _("Draft"))
        pdf.set_font_size(9)
        pdf.facts(
            [(_field_label(k), _value("draft", k, v)) for k, v in draft.items() if k != "title"],
            label_width=52,
        )

    pdf.heading(_("Access to your record"))
    if accesses is None:
        pdf.paragraph(_("No log of who opened the record and why is kept yet."), muted=True)
    elif not accesses:
        pdf.paragraph(_("No access is logged."), muted=True)
    else:
        pdf.data_table(
            [_("When"), _("Who"), _("Purpose")],
            [[show_datetime(a.at), a.who, a.purpose] for a in accesses],
            widths=(34, 50, 90),
        )
    return pdf.to_bytes()


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
