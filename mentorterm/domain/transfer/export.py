"""Export: the database, or one citizen, as an interchange document."""

from __future__ import annotations

import json
from datetime import datetime
from types import SimpleNamespace
from typing import Any

from ... import storage
from ...fields import from_micros
from ...i18n import N_, _
from ...interchange import (
    FORMAT_NAME,
    FORMAT_VERSION,
)
from ...models import (
    ActionItem,
    AllianceScore,
    BaseModel,
    Citizen,
    Course,
    CourseExtension,
    Cover,
    CvStatus,
    Handover,
    HoursStep,
    JobContact,
    LogbookEntry,
    Meeting,
    MeetingParticipant,
    MeetingStatusChange,
    Mentor,
    Placement,
    Report,
    ReviewNote,
    SubGoal,
    TargetCompany,
    Workplace,
    db,
    utcnow,
)
from .. import audit
from .columns import _STAMPS, COLUMNS
from .sessions import session_documents

# Read straight from SQLite (no model instances: ten times faster, and the
# stored text is already the ISO form the file wants); these need a touch.
_BOOLEANS = {"interpreter_needed", "left_early", "is_default", "archived"}


_MOMENTS = {"created_at", "updated_at", "starts_at", "reviewed_at"}


def _plain(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name in _BOOLEANS:
        return bool(value)
    if name in _MOMENTS:
        if isinstance(value, int):  # a stamp, stored as microseconds (schema 6)
            value = from_micros(value)
        text = str(value).replace(" ", "T", 1)
        # A meeting time is written to the second, as the format reads it back
        # (a row saved before the input model cut the fraction may hold one).
        return text[:19] if name == "starts_at" else text
    return value


def _record(row: SimpleNamespace, model: type[BaseModel]) -> dict[str, Any]:
    data = {name: _plain(name, getattr(row, name)) for name in COLUMNS[model]}
    for name in _STAMPS:
        data[name] = _plain(name, getattr(row, name))
    data["uid"] = row.uid  # schema 11: the same record on every copy
    return data


def _site_of(row: SimpleNamespace, site_key) -> dict[str, Any]:
    """A job-search row's link to the register (``workplace_id``), by the workplace's key."""
    if not hasattr(row, "workplace_id"):  # the CV's states name no company
        return {}
    return {"site": site_key(row.workplace_id)}


def export_document(citizen_id: int | None = None, now: datetime | None = None) -> dict[str, Any]:
    """The whole database, or one citizen, as an interchange document (a dict).

    An export: it writes one audit row (``build_document`` writes none, for
    an export that logs itself, such as the access export).
    """
    if citizen_id is not None:
        document = build_document(citizen_id, now)
        audit.record(
            "export",
            "interchange",
            citizen_id=citizen_id,
            record_id=citizen_id,
            purpose=N_("export"),
        )
        return document
    # One row per citizen exported, so each one's access export lists it: read
    # in the transaction of those rows, so the rows name exactly who is in the file.
    with db.atomic():
        document = build_document(None, now)
        exported = storage.citizen_ids()
        audit.viewed(exported, "interchange", N_("export of the whole database"), action="export")
    return document


def build_document(citizen_id: int | None = None, now: datetime | None = None) -> dict[str, Any]:
    """``export_document`` without its audit row."""
    if citizen_id is None:
        citizens = storage.plain_rows(Citizen)
    else:
        citizens = storage.plain_rows(Citizen, row_id=citizen_id)
        if not citizens:
            raise LookupError(_("There is no citizen with id {id}.").format(id=citizen_id))
    ids = [c.id for c in citizens]

    courses = storage.rows_by_parent(Course, "citizen_id", ids, "start_date, id")
    course_ids = [c.id for group in courses.values() for c in group]
    extensions = storage.rows_by_parent(CourseExtension, "course_id", course_ids, "decided_on, id")
    goals = storage.rows_by_parent(SubGoal, "citizen_id", ids, "priority, id")
    goal_ids = [g.id for group in goals.values() for g in group]
    scores = storage.rows_by_parent(AllianceScore, "sub_goal_id", goal_ids, "scored_on, id")
    placements = storage.rows_by_parent(Placement, "citizen_id", ids, "start_date, id")
    placement_ids = [p.id for group in placements.values() for p in group]
    steps = storage.rows_by_parent(HoursStep, "placement_id", placement_ids, "from_date, id")
    logbook = storage.rows_by_parent(LogbookEntry, "placement_id", placement_ids, "entry_date, id")
    meetings = storage.rows_by_parent(Meeting, "citizen_id", ids, "starts_at, id")
    meeting_ids = [m.id for group in meetings.values() for m in group]
    participants = storage.rows_by_parent(MeetingParticipant, "meeting_id", meeting_ids, "id")
    changes = storage.rows_by_parent(
        MeetingStatusChange, "meeting_id", meeting_ids, "changed_on, id"
    )
    items = storage.rows_by_parent(ActionItem, "citizen_id", ids, "id")
    notes = storage.rows_by_parent(ReviewNote, "citizen_id", ids, "iso_week")
    reports = storage.rows_by_parent(Report, "citizen_id", ids, "period_end, id")
    handovers = storage.rows_by_parent(Handover, "citizen_id", ids, "handed_on, id")
    # The job search (schema 10), each citizen's three lists.
    job_search = {
        "cv_states": storage.rows_by_parent(CvStatus, "citizen_id", ids, "noted_on, id"),
        "job_contacts": storage.rows_by_parent(JobContact, "citizen_id", ids, "contacted_on, id"),
        "target_companies": storage.rows_by_parent(
            TargetCompany, "citizen_id", ids, "position, id"
        ),
    }
    job_models = {
        "cv_states": CvStatus,
        "job_contacts": JobContact,
        "target_companies": TargetCompany,
    }

    mentor_keys: dict[int, str] = {}
    used: set[int] = set()

    def mentor_key(mentor_id: int | None) -> str | None:
        if mentor_id is None:
            return None
        used.add(mentor_id)
        return mentor_keys.setdefault(mentor_id, f"mentor-{mentor_id}")

    # The register by name, keyed by place in it (not by id: a file read back
    # into another database gives the same keys).
    register = storage.plain_rows(Workplace, order="name, id")
    site_keys = {w.id: f"workplace-{n}" for n, w in enumerate(register, start=1)}
    sites: set[int] = set()

    def site_key(workplace_id: int | None) -> str | None:
        if workplace_id is None:
            return None
        sites.add(workplace_id)
        return site_keys[workplace_id]

    out_citizens = []
    for citizen in citizens:
        c_courses = courses.get(citizen.id, [])
        course_pos = {c.id: i for i, c in enumerate(c_courses)}
        c_meetings = meetings.get(citizen.id, [])
        meeting_pos = {m.id: i for i, m in enumerate(c_meetings)}
        doc = _record(citizen, Citizen)
        doc["mentor"] = mentor_key(citizen.mentor_id)
        doc["courses"] = [
            {
                **_record(c, Course),
                "extensions": [_record(x, CourseExtension) for x in extensions.get(c.id, [])],
            }
            for c in c_courses
        ]
        doc["sub_goals"] = [
            {
                **_record(g, SubGoal),
                "course": course_pos.get(g.course_id),
                "scores": [
                    {**_record(s, AllianceScore), "mentor": mentor_key(s.mentor_id)}
                    for s in scores.get(g.id, [])
                ],
            }
            for g in goals.get(citizen.id, [])
        ]
        doc["placements"] = [
            {
                **_record(p, Placement),
                "course": course_pos.get(p.course_id),
                "site": site_key(p.workplace_id),
                "hours_steps": [_record(s, HoursStep) for s in steps.get(p.id, [])],
                "logbook": [_record(e, LogbookEntry) for e in logbook.get(p.id, [])],
            }
            for p in placements.get(citizen.id, [])
        ]
        doc["meetings"] = [
            {
                **_record(m, Meeting),
                "mentor": mentor_key(m.mentor_id),
                "participants": [
                    _record(x, MeetingParticipant) for x in participants.get(m.id, [])
                ],
                "status_changes": [
                    {**_record(x, MeetingStatusChange), "mentor": mentor_key(x.mentor_id)}
                    for x in changes.get(m.id, [])
                ],
            }
            for m in c_meetings
        ]
        doc["action_items"] = [
            {**_record(a, ActionItem), "meeting": meeting_pos.get(a.meeting_id)}
            for a in items.get(citizen.id, [])
        ]
        doc["review_notes"] = [
            {**_record(r, ReviewNote), "mentor": mentor_key(r.mentor_id)}
            for r in notes.get(citizen.id, [])
        ]
        doc["reports"] = [_record(r, Report) for r in reports.get(citizen.id, [])]
        doc["handovers"] = [
            {
                **_record(h, Handover),
                "from_mentor": mentor_key(h.from_mentor_id),
                "to_mentor": mentor_key(h.to_mentor_id),
            }
            for h in handovers.get(citizen.id, [])
        ]
        for field, by_citizen in job_search.items():
            doc[field] = [
                {**_record(r, job_models[field]), **_site_of(r, site_key)}
                for r in by_citizen.get(citizen.id, [])
            ]
        out_citizens.append(doc)

    # One citizen's file: the covers of the mentors who had them (the mentor now
    # and those of its handovers), who else could write about them and when.
    had = {c.mentor_id for c in citizens} | {
        m for group in handovers.values() for h in group for m in (h.from_mentor_id, h.to_mentor_id)
    }
    covers = [
        {
            **_record(c, Cover),
            "mentor": mentor_key(c.mentor_id),
            "covered": mentor_key(c.covered_id),
        }
        for c in storage.plain_rows(Cover, order="starts_on, id")
        if citizen_id is None or c.covered_id in had
    ]

    participations, group_series, group_sessions = session_documents(
        ids, citizen_id is None, mentor_key
    )
    for citizen, doc in zip(citizens, out_citizens, strict=True):
        doc["session_participations"] = participations.get(citizen.id, [])

    mentors = [
        {
            "key": mentor_key(m.id),
            "name": m.name,
            "email": m.email,
            "is_default": bool(m.is_default),
        }
        for m in storage.plain_rows(Mentor)
        if citizen_id is None or m.id in used
    ]
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "scope": "citizen" if citizen_id is not None else "database",
        "exported_at": (now or utcnow()).isoformat(),
        "mentors": mentors,
        "citizens": out_citizens,
        "covers": covers,
        # A whole database's file: the whole register; a citizen's: their placements'.
        "workplaces": [
            {"key": site_keys[w.id], **_record(w, Workplace)}
            for w in register
            if citizen_id is None or w.id in sites
        ],
        "group_series": group_series,
        "group_sessions": group_sessions,
    }


def dumps(document: dict[str, Any]) -> str:
    """The document as the text written to a file (stable key order, UTF-8)."""
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
