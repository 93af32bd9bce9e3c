"""Import: a validated document written in one transaction, all or nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any

from ...fields import new_uid
from ...i18n import N_, _
from ...interchange import (
    CitizenDoc,
    CoverDoc,
    InterchangeDocument,
    MentorDoc,
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
    db,
    utcnow,
)
from .. import audit
from .columns import COLUMNS
from .reading import ImportFailed
from .sessions import import_sessions
from .uids import uids_already_here
from .workplaces import import_workplaces


@dataclass(frozen=True)
class ImportResult:
    citizens: int
    records: int


def _columns(doc, model: type[BaseModel], now: datetime, **extra) -> dict[str, Any]:
    row = {name: getattr(doc, name) for name in COLUMNS[model]}
    for name, value in row.items():
        if isinstance(value, Enum):
            row[name] = value.value
    row["created_at"] = doc.created_at or now
    row["updated_at"] = doc.updated_at or row["created_at"]
    row["uid"] = doc.uid or new_uid()  # kept (schema 11); made for an older document
    if "created_on" in row and row["created_on"] is None:
        row["created_on"] = now.date()  # neither day nor stamp: known from the import
    row.update(extra)
    return row


def _last_change(changes: list) -> dict[str, Any]:
    """The meeting's last change as its own columns keep it (``Meeting._last_change``):
    the day of the last change and the status that day began with."""
    if not changes:
        return {}
    day = changes[-1].changed_on
    first_that_day = next(c for c in changes if c.changed_on == day)
    return {"status_changed_on": day, "status_before": first_that_day.status_from.value}


def _insert(model: type[BaseModel], rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), 500):
        model.insert_many(rows[start : start + 500]).execute()


def _resolve_mentors(
    mentors: list[MentorDoc], now: datetime, owner_id: int | None, create: bool
) -> dict[str, int]:
    """Map each document mentor to a mentor here: the default to ``owner_id``
    (None: this database's default), others by name, creating the ones this
    database lacks, or, when ``create`` is False (a team database, whose
    mentors only the lead adds), refusing them all by name."""
    ids: dict[str, int] = {}
    missing: list[str] = []
    for index, mentor in enumerate(mentors):
        found = None
        if mentor.is_default:
            found = (
                Mentor.get_or_none(Mentor.id == owner_id)
                if owner_id is not None
                else Mentor.get_or_none(Mentor.is_default == True)
            )
        if found is None:
            found = Mentor.get_or_none(Mentor.name == mentor.name)
        if found is None and not create:
            missing.append(
                _(
                    "mentors[{index}]: {name} wrote some of these records and is not a mentor "
                    "here; the team lead adds them first (mentorterm team add-mentor LOGIN "
                    '--name "{name}").'
                ).format(index=index, name=mentor.name)
            )
            continue
        if found is None:
            found = Mentor.create(
                name=mentor.name,
                email=mentor.email,
                is_default=False,
                created_at=now,
                updated_at=now,
            )
        ids[mentor.key] = found.id
    if missing:
        raise ImportFailed(missing)
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


def import_document(
    document: InterchangeDocument,
    now: datetime | None = None,
    *,
    owner_id: int | None = None,
    create_mentors: bool = True,
) -> ImportResult:
    """Write a validated document in one transaction (all or nothing).

    ``owner_id``: the mentor here whose citizens they all become, and who
    stands for the document's own mentor (None: each citizen's mentor in the
    document, the document's own mentor being this database's default);
    ``create_mentors`` False refuses a document naming mentors this database
    lacks (a team database, whose mentors the lead adds)."""
    now = now or utcnow()
    records = 0
    with db.atomic():
        problems = _already_here(document.citizens) or uids_already_here(document)
        if problems:
            raise ImportFailed(problems)
        mentor_ids = _resolve_mentors(document.mentors, now, owner_id, create_mentors)
        site_ids, records = import_workplaces(document.workplaces, now)
        imported = [
            _import_citizen(citizen, mentor_ids, now, owner_id, site_ids)
            for citizen in document.citizens
        ]
        records += sum(count for _id, count in imported)
        records += _import_covers(document.covers, mentor_ids, now)
        records += import_sessions(document, [cid for cid, _n in imported], mentor_ids, now)
        # One row for the import; it names the citizen when there is exactly one.
        only = imported[0][0] if len(imported) == 1 else None
        audit.record(
            "import",
            "interchange",
            citizen_id=only,
            record_id=only,
            purpose=N_("import of {count} citizen(s)").format(count=len(imported)),
        )
    return ImportResult(citizens=len(document.citizens), records=records)


def _import_covers(covers: list[CoverDoc], mentor_ids: dict[str, int], now: datetime) -> int:
    """The document's covers, each once: one already here (the same two
    mentors and days, as from an earlier citizen's file) is not written again."""
    count = 0
    for doc in covers:
        mentor, covered = mentor_ids[doc.mentor], mentor_ids[doc.covered]
        if mentor == covered:  # two of the file's mentors are one mentor here
            continue
        here = Cover.select().where(
            (Cover.mentor == mentor)
            & (Cover.covered == covered)
            & (Cover.starts_on == doc.starts_on)
            & (Cover.ends_on == doc.ends_on)
        )
        if here.exists():
            continue
        Cover.insert(_columns(doc, Cover, now, mentor=mentor, covered=covered)).execute()
        count += 1
    return count


def _import_citizen(
    doc: CitizenDoc,
    mentor_ids: dict[str, int],
    now: datetime,
    owner_id: int | None,
    site_ids: dict[str, int] | None = None,
) -> tuple[int, int]:
    """Insert one citizen with every record (``owner_id``: whose citizen it
    becomes, else its mentor's in the document); (the new id, rows written)."""
    mentor = mentor_ids.get
    owner = owner_id if owner_id is not None else mentor_ids[doc.mentor]
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
                site=(site_ids or {}).get(placement.site),
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
        changes = meeting.history()
        meeting_id = Meeting.insert(
            _columns(
                meeting,
                Meeting,
                now,
                citizen=citizen_id,
                mentor=mentor(meeting.mentor),
                **_last_change(changes),
            )
        ).execute()
        meeting_ids.append(meeting_id)
        _insert(
            MeetingParticipant,
            [
                _columns(p, MeetingParticipant, now, meeting=meeting_id)
                for p in meeting.participants
            ],
        )
        _insert(
            MeetingStatusChange,
            [
                _columns(x, MeetingStatusChange, now, meeting=meeting_id, mentor=mentor(x.mentor))
                for x in changes
            ],
        )
        count += 1 + len(meeting.participants) + len(changes)
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
    _insert(
        Handover,
        [
            _columns(
                h,
                Handover,
                now,
                citizen=citizen_id,
                from_mentor=mentor(h.from_mentor),
                to_mentor=mentor(h.to_mentor),
            )
            for h in doc.handovers
        ],
    )
    count += len(doc.handovers)
    count += _import_job_search(doc, citizen_id, now, site_ids or {})
    return citizen_id, count + len(doc.action_items) + len(doc.review_notes) + len(doc.reports)


def _import_job_search(
    doc: CitizenDoc, citizen_id: int, now: datetime, site_ids: dict[str, int]
) -> int:
    """The citizen's CV states, companies contacted and to approach (schema 10),
    each company linked to the register's workplace its ``site`` names (an older
    file names none: the workplace's screen matches those by name)."""
    _insert(CvStatus, [_columns(d, CvStatus, now, citizen=citizen_id) for d in doc.cv_states])
    for model, docs in ((JobContact, doc.job_contacts), (TargetCompany, doc.target_companies)):
        rows = [
            _columns(
                d,
                model,
                now,
                citizen=citizen_id,
                workplace=site_ids.get(d.site) if d.site else None,
            )
            for d in docs
        ]
        _insert(model, rows)
    return len(doc.cv_states) + len(doc.job_contacts) + len(doc.target_companies)
