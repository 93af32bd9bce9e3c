"""Correcting a course after the fact: its fields, an extension, its end, an end undone (audited old -> new)."""

from __future__ import annotations

from datetime import date

from ...format import show_date
from ...i18n import N_, _
from ...models import Course, CourseExtension, LogbookEntry, Meeting, Placement, db
from ...schemas import CourseEndIn, CourseExtensionIn, CourseIn
from .. import audit
from ..errors import DomainError, NotFound
from .dates import COURSE_FIELDS, END_FIELDS, _where, overlaps, stranded
from .lifecycle import _course


def _check_span(
    course: Course, *, referral: date, start: date, end: date | None, field: str
) -> None:
    """Refuse a course span that overlaps another course or strands a record (names it)."""
    citizen_id = course.citizen_id
    for other in (
        Course.select()
        .where((Course.citizen == citizen_id) & (Course.id != course.id))
        .order_by(Course.start_date)
    ):
        if overlaps(start, end, other.start_date, other.end_date):
            span = (
                _("{start} – {end}").format(
                    start=show_date(other.start_date), end=show_date(other.end_date)
                )
                if other.end_date
                else _("running since {start}").format(start=show_date(other.start_date))
            )
            raise DomainError(
                _("The corrected course would overlap the citizen's other course ({span}).").format(
                    span=span
                ),
                field=field,
            )
    old = (course.start_date, course.end_date)
    new = (start, end)
    for placement in (
        Placement.select().where(Placement.citizen == citizen_id).order_by(Placement.start_date)
    ):
        side = stranded(placement.start_date, old, new)
        if side:
            raise DomainError(
                _("The placement at {workplace} starts {date}, {where}.").format(
                    workplace=placement.workplace,
                    date=show_date(placement.start_date),
                    where=_where(side),
                ),
                field="start_date" if side == "before" else "end_date",
            )
    for entry in (
        LogbookEntry.select()
        .where(LogbookEntry.citizen == citizen_id)
        .order_by(LogbookEntry.entry_date)
    ):
        side = stranded(entry.entry_date, old, new)
        if side:
            raise DomainError(
                _("The logbook day {date} lies {where}.").format(
                    date=show_date(entry.entry_date), where=_where(side)
                ),
                field="start_date" if side == "before" else "end_date",
            )
    if referral > course.referral_date:
        for meeting in (
            Meeting.select().where(Meeting.citizen == citizen_id).order_by(Meeting.starts_at)
        ):
            day = meeting.starts_at.date()
            if course.referral_date <= day < referral:
                raise DomainError(
                    _("The meeting on {date} lies before the new referral date.").format(
                        date=show_date(day)
                    ),
                    field="referral_date",
                )


def course_input(course_id: int) -> dict:
    """The course's fields as saved, for an edit form."""
    course = _course(course_id)
    return {name: getattr(course, name) for name in COURSE_FIELDS}


def update_course(course_id: int, data: CourseIn) -> bool:
    """Correct a saved course's fields (dates, band, purpose, programme, cadence).

    Refused, naming the record in the way, when an extension would no longer
    come after the planned end or be decided after the referral, when the
    course would overlap another of the citizen's courses or end before it
    starts, or when a placement, logbook day or meeting would fall outside it.
    Returns whether anything changed (nothing changed writes nothing).
    """
    with db.atomic():
        course = _course(course_id)
        new = data.model_dump(mode="python")
        new["purpose"] = data.purpose.value
        old = {name: getattr(course, name) for name in COURSE_FIELDS}
        if new == old:
            return False
        for ext in course.extensions.order_by(CourseExtension.decided_on, CourseExtension.id):
            if ext.new_end <= data.planned_end:
                raise DomainError(
                    _(
                        "The extension to {end} (decided {decided}) would no longer come after "
                        "the planned end; correct or remove that extension first."
                    ).format(end=show_date(ext.new_end), decided=show_date(ext.decided_on)),
                    field="planned_end",
                )
            if ext.decided_on < data.referral_date:
                raise DomainError(
                    _(
                        "The extension decided on {decided} lies before the new referral date."
                    ).format(decided=show_date(ext.decided_on)),
                    field="referral_date",
                )
        if course.end_date is not None and course.end_date < data.start_date:
            raise DomainError(
                _(
                    "The course ended {end}: it cannot start after that. Correct the end first."
                ).format(end=show_date(course.end_date)),
                field="start_date",
            )
        _check_span(
            course,
            referral=data.referral_date,
            start=data.start_date,
            end=course.end_date,
            field="start_date",
        )
        audit.apply_correction(
            course, "course", citizen_id=course.citizen_id, old=old, new=new, private={"programme"}
        )
    return True


def _extension(extension_id: int) -> CourseExtension:
    extension = CourseExtension.get_or_none(CourseExtension.id == extension_id)
    if extension is None:
        raise NotFound(_("This extension no longer exists."))
    return extension


def extension_input(extension_id: int) -> dict:
    ext = _extension(extension_id)
    return {"decided_on": ext.decided_on, "new_end": ext.new_end, "reason": ext.reason}


def update_extension(extension_id: int, data: CourseExtensionIn) -> bool:
    """Correct an extension (decided on, new end, reason); audited old → new."""
    with db.atomic():
        ext = _extension(extension_id)
        course = ext.course
        old = extension_input(extension_id)
        new = data.model_dump()
        if new == old:
            return False
        if data.new_end <= course.planned_end:
            raise DomainError(
                _("The new end must be after the course's first planned end ({end}).").format(
                    end=show_date(course.planned_end)
                ),
                field="new_end",
            )
        if data.decided_on < course.referral_date:
            raise DomainError(
                _("The extension cannot be decided before the referral ({date}).").format(
                    date=show_date(course.referral_date)
                ),
                field="decided_on",
            )
        audit.apply_correction(
            ext,
            "course_extension",
            citizen_id=course.citizen_id,
            old=old,
            new=new,
            private={"reason"},
        )
    return True


def delete_extension(extension_id: int) -> None:
    """Remove an extension entered by mistake (the course's end goes back)."""
    with db.atomic():
        ext = _extension(extension_id)
        citizen_id = ext.course.citizen_id
        detail = audit.changes({"decided_on": ext.decided_on, "new_end": ext.new_end}, {})
        ext.delete_instance()
        audit.record(
            "delete",
            "course_extension",
            citizen_id=citizen_id,
            record_id=extension_id,
            purpose=N_("extension removed"),
            detail=detail,
        )


def update_end(course_id: int, data: CourseEndIn) -> bool:
    """Correct an ended course's outcome, end date or note; the date rules still hold."""
    with db.atomic():
        course = _course(course_id)
        if course.end_date is None:
            raise DomainError(_("This course is running: end it instead."))
        old = {name: getattr(course, name) for name in END_FIELDS}
        new = {"end_date": data.end_date, "outcome": data.outcome.value, "end_note": data.end_note}
        if new == old:
            return False
        if data.end_date < course.start_date:
            raise DomainError(
                _("The course cannot end before it started ({start}).").format(
                    start=show_date(course.start_date)
                ),
                field="end_date",
            )
        _check_span(
            course,
            referral=course.referral_date,
            start=course.start_date,
            end=data.end_date,
            field="end_date",
        )
        audit.apply_correction(
            course,
            "course",
            citizen_id=course.citizen_id,
            old=old,
            new=new,
            private={"end_note"},
            purpose=N_("course end corrected"),
        )
    return True


def reopen_course(course_id: int) -> None:
    """Undo an end made by mistake: the course runs again (only the citizen's latest)."""
    with db.atomic():
        course = _course(course_id)
        if course.end_date is None:
            raise DomainError(_("This course is running already."))
        later = (
            Course.select()
            .where(
                (Course.citizen == course.citizen_id)
                & (Course.id != course.id)
                & (Course.start_date >= course.start_date)
            )
            .order_by(Course.start_date)
            .first()
        )
        if later is not None:
            raise DomainError(
                _(
                    "The citizen was referred again (the course starting {start}): only the "
                    "latest course can run again."
                ).format(start=show_date(later.start_date))
            )
        audit.apply_correction(
            course,
            "course",
            citizen_id=course.citizen_id,
            old={name: getattr(course, name) for name in END_FIELDS},
            new={"end_date": None, "outcome": None, "end_note": ""},
            private={"end_note"},
            purpose=N_("course end undone"),
        )
