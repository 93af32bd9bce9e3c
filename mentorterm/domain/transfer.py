"""Export to and import from the JSON interchange format.

Export never fails on what the database holds: it reads rows as they are.
Import is all-or-nothing: the whole file is validated first, every problem is
reported with its place in the file, and only a valid file is written, in one
transaction.
"""

from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from pydantic import ValidationError

from ..fields import from_micros
from ..i18n import _
from ..interchange import (
    FORMAT_NAME,
    FORMAT_VERSION,
    CitizenDoc,
    InterchangeDocument,
    MentorDoc,
)
from ..models import (
    ActionItem,
    AllianceScore,
    BaseModel,
    Citizen,
    Course,
    CourseExtension,
    HoursStep,
    LogbookEntry,
    Meeting,
    MeetingParticipant,
    Mentor,
    Placement,
    Report,
    ReviewNote,
    SubGoal,
    db,
    utcnow,
)
from ..schemas import error_location, error_text, format_location
from . import audit

# The columns each record kind carries in a document, in the document's order.
_STAMPS = ("created_at", "updated_at")
COLUMNS: dict[type[BaseModel], tuple[str, ...]] = {
    Citizen: (
        "name",
        "phone",
        "email",
        "address",
        "caseworker_name",
        "caseworker_phone",
        "caseworker_email",
        "jobcenter",
        "interpreter_needed",
        "interpreter_language",
        "job_goal",
        "job_wish_1",
        "job_wish_2",
        "job_wish_3",
        "accommodations",
        "aids",
        "parallel_efforts",
        "notes",
        "archived_on",
    ),
    Course: (
        "referral_date",
        "start_date",
        "planned_end",
        "weekly_hours",
        "purpose",
        "programme",
        "meeting_cadence_days",
        "end_date",
        "outcome",
        "end_note",
    ),
    CourseExtension: ("decided_on", "new_end", "reason"),
    SubGoal: (
        "title",
        "description",
        "success_criterion",
        "area",
        "target_date",
        "priority",
        "status",
        "status_date",
        "status_note",
    ),
    AllianceScore: ("scored_on", "citizen_score", "what_it_takes", "own_actions", "help_needed"),
    Placement: (
        "kind",
        "workplace",
        "supervisor_name",
        "supervisor_contact",
        "company_consultant",
        "start_date",
        "end_date",
        "work_functions",
        "training_goals",
        "accommodations",
        "aids",
        "support_on_site",
        "follow_up_frequency",
        "paid_hours_next_discussed",
        "end_reason",
    ),
    HoursStep: ("from_date", "hours_per_week", "schedule"),
    LogbookEntry: (
        "entry_date",
        "attendance",
        "hours_planned",
        "hours_worked",
        "left_early",
        "left_early_reason",
        "tasks",
        "breaks",
        "energy",
        "pain",
        "life_after_work",
        "notes",
        "written_by",
        "absence_reason",
    ),
    Meeting: (
        "starts_at",
        "duration_minutes",
        "kind",
        "place",
        "status",
        "attendance_note",
        "tasks_note",
        "motivation_note",
        "accommodations_note",
        "citizen_view",
        "workplace_view",
        "notes",
        "decisions",
        "next_meeting_date",
        "cancelled_by",
        "outcome_note",
    ),
    MeetingParticipant: ("name", "role"),
    ActionItem: ("what", "owner", "due_date", "done_on"),
    ReviewNote: ("iso_week", "decision", "reviewed_at"),
    Report: (
        "period_start",
        "period_end",
        "title",
        "resources_observed",
        "clarified",
        "still_open",
        "recommended_next_steps",
        "summary",
    ),
}


class ImportFailed(Exception):
    """The file was not imported; ``problems`` says where and why."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class ImportResult:
    citizens: int
    records: int


# Read straight from SQLite (no model instances: ten times faster, and the
# stored text is already the ISO form the file wants); these need a touch.
_BOOLEANS = {"interpreter_needed", "left_early", "is_default"}
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
    return data


def _rows(sql: str, params: list | tuple = ()) -> list[SimpleNamespace]:
    cursor = db.execute_sql(sql, params)
    names = [d[0] for d in cursor.description]
    return [
        SimpleNamespace(**dict(zip(names, values, strict=True))) for values in cursor.fetchall()
    ]


def _by_parent(
    model: type[BaseModel], parent: str, parent_ids: list[int], order: str
) -> dict[int, list[SimpleNamespace]]:
    """Rows of ``model`` grouped by their parent's id, in ``order``."""
    groups: dict[int, list] = defaultdict(list)
    table = model._meta.table_name
    for start in range(0, len(parent_ids), 500):
        chunk = parent_ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for row in _rows(
            f"SELECT * FROM {table} WHERE {parent} IN ({marks}) ORDER BY {order}", chunk
        ):
            groups[getattr(row, parent)].append(row)
    return groups


def export_document(citizen_id: int | None = None, now: datetime | None = None) -> dict[str, Any]:
    """The whole database, or one citizen, as an interchange document (a dict).

    An export: it writes one audit row (``build_document`` writes none, for
    an export that logs itself, such as the access export).
    """
    if citizen_id is not None:
        document = build_document(citizen_id, now)
        audit.record(
            "export", "interchange", citizen_id=citizen_id, record_id=citizen_id, purpose="export"
        )
        return document
    # One row per citizen exported, so each one's access export lists it: read
    # in the transaction of those rows, so the rows name exactly who is in the file.
    with db.atomic():
        document = build_document(None, now)
        exported = [i for (i,) in db.execute_sql("SELECT id FROM citizen ORDER BY id")]
        audit.viewed(exported, "interchange", "export of the whole database", action="export")
    return document


def build_document(citizen_id: int | None = None, now: datetime | None = None) -> dict[str, Any]:
    """``export_document`` without its audit row."""
    if citizen_id is None:
        citizens = _rows("SELECT * FROM citizen ORDER BY id")
    else:
        citizens = _rows("SELECT * FROM citizen WHERE id = ?", (citizen_id,))
        if not citizens:
            raise LookupError(_("There is no citizen with id {id}.").format(id=citizen_id))
    ids = [c.id for c in citizens]

    courses = _by_parent(Course, "citizen_id", ids, "start_date, id")
    course_ids = [c.id for group in courses.values() for c in group]
    extensions = _by_parent(CourseExtension, "course_id", course_ids, "decided_on, id")
    goals = _by_parent(SubGoal, "citizen_id", ids, "priority, id")
    goal_ids = [g.id for group in goals.values() for g in group]
    scores = _by_parent(AllianceScore, "sub_goal_id", goal_ids, "scored_on, id")
    placements = _by_parent(Placement, "citizen_id", ids, "start_date, id")
    placement_ids = [p.id for group in placements.values() for p in group]
    steps = _by_parent(HoursStep, "placement_id", placement_ids, "from_date, id")
    logbook = _by_parent(LogbookEntry, "placement_id", placement_ids, "entry_date, id")
    meetings = _by_parent(Meeting, "citizen_id", ids, "starts_at, id")
    meeting_ids = [m.id for group in meetings.values() for m in group]
    participants = _by_parent(MeetingParticipant, "meeting_id", meeting_ids, "id")
    items = _by_parent(ActionItem, "citizen_id", ids, "id")
    notes = _by_parent(ReviewNote, "citizen_id", ids, "iso_week")
    reports = _by_parent(Report, "citizen_id", ids, "period_end, id")

    mentor_keys: dict[int, str] = {}
    used: set[int] = set()

    def mentor_key(mentor_id: int | None) -> str | None:
        if mentor_id is None:
            return None
        used.add(mentor_id)
        return mentor_keys.setdefault(mentor_id, f"mentor-{mentor_id}")

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
        out_citizens.append(doc)

    mentors = [
        {
            "key": mentor_key(m.id),
            "name": m.name,
            "email": m.email,
            "is_default": bool(m.is_default),
        }
        for m in _rows("SELECT * FROM mentor ORDER BY id")
        if citizen_id is None or m.id in used
    ]
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "scope": "citizen" if citizen_id is not None else "database",
        "exported_at": (now or utcnow()).isoformat(),
        "mentors": mentors,
        "citizens": out_citizens,
    }


def dumps(document: dict[str, Any]) -> str:
    """The document as the text written to a file (stable key order, UTF-8)."""
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


# Bounds checked before the text is parsed. The demo export (14 citizens, two
# years of logbooks and meetings) is 0.9 MB; a full team caseload kept for the
# retention time is some tens of MB; 200 MB is that times ten and still parses
# in memory. The format nests 7 levels deep (document, citizens, citizen,
# placements, placement, logbook, entry); 20 leaves room for a later version.
MAX_IMPORT_BYTES = 200_000_000
MAX_DEPTH = 20

# A JSON string (escapes included), or an opening or closing bracket outside one.
_STRING_OR_BRACKET = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]|"')


def too_large(size: int) -> str | None:
    """The one-line refusal for a file of ``size`` bytes, or None when it may be read."""
    if size <= MAX_IMPORT_BYTES:
        return None
    return _("The file is {size} MB; a mentorterm export is at most {limit} MB.").format(
        size=round(size / 1e6), limit=MAX_IMPORT_BYTES // 1_000_000
    )


def read_import_text(path: Path) -> str:
    """The text of an import file, read no further than the size limit.

    Raises ImportFailed for a file over the limit (a FIFO or a growing file
    included: the limit is on what is read, not on what ``stat`` says) and for
    one that is not UTF-8; OSError as the system gives it.
    """
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if (refusal := too_large(size)) is not None:  # a regular file: refused unread
            raise ImportFailed([refusal])
        raw = handle.read(MAX_IMPORT_BYTES + 1)
    if (refusal := too_large(len(raw))) is not None:
        raise ImportFailed([refusal])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ImportFailed([_("The file is not a text (UTF-8) file.")]) from None


def nesting_depth(text: str, limit: int = MAX_DEPTH) -> int:
    """How deeply brackets nest in ``text``, counting only those outside strings;
    stops counting once ``limit`` is passed (the answer is then ``limit + 1``)."""
    depth = deepest = 0
    for match in _STRING_OR_BRACKET.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    break
        elif token in "]}":
            depth -= 1
        elif token == '"':  # a string that never ends: json.loads says where
            break
    return deepest


def _bad_text(value: Any, where: str = "") -> str | None:
    """The place of the first string that cannot be stored as text (a lone
    surrogate such as "\\ud800"), or None."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return where or "."
        return None
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return None
    for key, item in items:
        if isinstance(key, str) and _bad_text(key) is not None:
            return where or "."
        place = (
            f"{where}[{key}]" if isinstance(key, int) else (f"{where}.{key}" if where else str(key))
        )
        found = _bad_text(item, place)
        if found is not None:
            return found
    return None


def parse_document(text: str) -> InterchangeDocument:
    """Read and validate a file's text; ImportFailed lists every problem found.

    Size and nesting are checked before the text is parsed, so a huge or
    deeply nested file is refused with one line (never a MemoryError or a
    RecursionError), and nothing is written.
    """
    if (refusal := too_large(len(text))) is not None:
        raise ImportFailed([refusal])
    if nesting_depth(text) > MAX_DEPTH:
        raise ImportFailed(
            [
                _(
                    "The file nests lists and sections more than {limit} levels deep; a mentorterm "
                    "export has 7. This is not a mentorterm export."
                ).format(limit=MAX_DEPTH)
            ]
        )
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFailed(
            [
                _("Line {line}, column {column}: not valid JSON ({reason}).").format(
                    line=exc.lineno, column=exc.colno, reason=exc.msg
                )
            ]
        ) from None
    except (ValueError, RecursionError):
        # A number of thousands of digits (Python's limit on int size), or
        # nesting that slipped past the scanner: refused, not a traceback.
        raise ImportFailed(
            [
                _(
                    "The file holds a value mentorterm cannot read (such as a number "
                    "with thousands of digits). This is not a mentorterm export."
                )
            ]
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise ImportFailed([_('This is not a mentorterm export (no "format": "mentorterm").')])
    if data.get("version") != FORMAT_VERSION:
        raise ImportFailed(
            [
                _(
                    "This export has format version {found}; this mentorterm reads version {known}."
                ).format(found=data.get("version"), known=FORMAT_VERSION)
            ]
        )
    if (where := _bad_text(data)) is not None:
        raise ImportFailed(
            [
                _("{where}: holds a character that is not text (a broken \\u escape).").format(
                    where=where
                )
            ]
        )
    try:
        return InterchangeDocument.model_validate(data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            where = format_location(error_location(error))
            problems.append(f"{where}: {error_text(error)}")
        raise ImportFailed(problems) from None


def _columns(doc, model: type[BaseModel], now: datetime, **extra) -> dict[str, Any]:
    row = {name: getattr(doc, name) for name in COLUMNS[model]}
    for name, value in row.items():
        if isinstance(value, Enum):
            row[name] = value.value
    row["created_at"] = doc.created_at or now
    row["updated_at"] = doc.updated_at or row["created_at"]
    row.update(extra)
    return row


def _insert(model: type[BaseModel], rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), 500):
        model.insert_many(rows[start : start + 500]).execute()


def _resolve_mentors(mentors: list[MentorDoc], now: datetime) -> dict[str, int]:
    """Map each document mentor to a mentor here: the default to the default,
    others by name, creating the ones this database lacks."""
    ids: dict[str, int] = {}
    for mentor in mentors:
        found = None
        if mentor.is_default:
            found = Mentor.get_or_none(Mentor.is_default == True)
        if found is None:
            found = Mentor.get_or_none(Mentor.name == mentor.name)
        if found is None:
            found = Mentor.create(
                name=mentor.name,
                email=mentor.email,
                is_default=False,
                created_at=now,
                updated_at=now,
            )
        ids[mentor.key] = found.id
    return ids


def _already_here(citizens: list[CitizenDoc]) -> list[str]:
    problems = []
    for index, citizen in enumerate(citizens):
        if citizen.created_at is None:
            continue
        if (
            Citizen.select()
            .where((Citizen.name == citizen.name) & (Citizen.created_at == citizen.created_at))
            .exists()
        ):
            problems.append(
                _(
                    "citizens[{index}]: {name} is already in this database (imported before?)."
                ).format(index=index, name=citizen.name)
            )
    return problems


def import_document(document: InterchangeDocument, now: datetime | None = None) -> ImportResult:
    """Write a validated document in one transaction (all or nothing)."""
    now = now or utcnow()
    records = 0
    with db.atomic():
        problems = _already_here(document.citizens)
        if problems:
            raise ImportFailed(problems)
        mentor_ids = _resolve_mentors(document.mentors, now)
        imported = [_import_citizen(citizen, mentor_ids, now) for citizen in document.citizens]
        records = sum(count for _id, count in imported)
        # One row for the import; it names the citizen when there is exactly one.
        only = imported[0][0] if len(imported) == 1 else None
        audit.record(
            "import",
            "interchange",
            citizen_id=only,
            record_id=only,
            purpose=f"import of {len(imported)} citizen(s)",
        )
    return ImportResult(citizens=len(document.citizens), records=records)


def _import_citizen(doc: CitizenDoc, mentor_ids: dict[str, int], now: datetime) -> tuple[int, int]:
    """Insert one citizen with every record; (the new citizen's id, rows written)."""
    mentor = mentor_ids.get
    owner = mentor_ids[doc.mentor]
    citizen_id = Citizen.insert(_columns(doc, Citizen, now, mentor=owner)).execute()
    count = 1
    course_ids = []
    for course in doc.courses:
        course_id = Course.insert(_columns(course, Course, now, citizen=citizen_id)).execute()
        course_ids.append(course_id)
        _insert(
            CourseExtension,
            [_columns(x, CourseExtension, now, course=course_id) for x in course.extensions],
        )
        count += 1 + len(course.extensions)
    for goal in doc.sub_goals:
        goal_id = SubGoal.insert(
            _columns(
                goal,
                SubGoal,
                now,
                citizen=citizen_id,
                course=None if goal.course is None else course_ids[goal.course],
            )
        ).execute()
        _insert(
            AllianceScore,
            [
                _columns(s, AllianceScore, now, sub_goal=goal_id, mentor=mentor(s.mentor))
                for s in goal.scores
            ],
        )
        count += 1 + len(goal.scores)
    for placement in doc.placements:
        placement_id = Placement.insert(
            _columns(
                placement,
                Placement,
                now,
                citizen=citizen_id,
                course=None if placement.course is None else course_ids[placement.course],
            )
        ).execute()
        _insert(
            HoursStep,
            [_columns(s, HoursStep, now, placement=placement_id) for s in placement.hours_steps],
        )
        _insert(
            LogbookEntry,
            [
                _columns(e, LogbookEntry, now, placement=placement_id, citizen=citizen_id)
                for e in placement.logbook
            ],
        )
        count += 1 + len(placement.hours_steps) + len(placement.logbook)
    meeting_ids = []
    for meeting in doc.meetings:
        meeting_id = Meeting.insert(
            _columns(meeting, Meeting, now, citizen=citizen_id, mentor=mentor(meeting.mentor))
        ).execute()
        meeting_ids.append(meeting_id)
        _insert(
            MeetingParticipant,
            [
                _columns(p, MeetingParticipant, now, meeting=meeting_id)
                for p in meeting.participants
            ],
        )
        count += 1 + len(meeting.participants)
    _insert(
        ActionItem,
        [
            _columns(
                a,
                ActionItem,
                now,
                citizen=citizen_id,
                meeting=None if a.meeting is None else meeting_ids[a.meeting],
            )
            for a in doc.action_items
        ],
    )
    _insert(
        ReviewNote,
        [
            _columns(r, ReviewNote, now, citizen=citizen_id, mentor=mentor(r.mentor))
            for r in doc.review_notes
        ],
    )
    _insert(Report, [_columns(r, Report, now, citizen=citizen_id) for r in doc.reports])
    return citizen_id, count + len(doc.action_items) + len(doc.review_notes) + len(doc.reports)
