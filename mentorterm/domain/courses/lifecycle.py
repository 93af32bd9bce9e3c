"""A course's life: start, extend, end, and the read models the screens show."""

from __future__ import annotations

from datetime import date

from ...format import show_date
from ...i18n import N_, _
from ...models import Citizen, Course, CourseExtension, db
from ...schemas import CourseEndIn, CourseExtensionIn, CourseIn
from .. import audit
from ..errors import DomainError, NotFound
from ..views import CourseView, ExtensionView


def _course(course_id: int) -> Course:
    course = Course.get_or_none(Course.id == course_id)
    if course is None:
        raise NotFound(_("This course no longer exists."))
    return course


def course_view(course: Course, handovers: list[tuple[date, str, str]] | None = None) -> CourseView:
    extensions = [
        ExtensionView.model_validate(x)
        for x in course.extensions.order_by(CourseExtension.decided_on, CourseExtension.id)
    ]
    data = {
        name: getattr(course, name)
        for name in CourseView.model_fields
        if name not in ("extensions", "handovers")
    }
    view = CourseView(**data, extensions=extensions)
    if handovers:
        last = view.end_date or view.current_end
        during = [h for h in handovers if view.start_date <= h[0] <= last]
        view = view.model_copy(update={"handovers": during})
    return view


def courses_of(citizen_id: int) -> list[CourseView]:
    """Every course of the citizen, newest first (re-referrals keep the old ones),
    each with the handovers made while it ran (both mentors and the day)."""
    from ..citizens import handovers_of

    handovers = [(h.handed_on, h.from_name, h.to_name) for h in handovers_of(citizen_id)]
    query = (
        Course.select()
        .where(Course.citizen == citizen_id)
        .order_by(Course.start_date.desc(), Course.id.desc())
    )
    return [course_view(c, handovers) for c in query]


def open_course(citizen_id: int) -> CourseView | None:
    for course in courses_of(citizen_id):
        if course.is_open:
            return course
    return None


def start_course(citizen_id: int, data: CourseIn) -> int:
    """Start a course: the first referral, or a new referral after an ended one."""
    with db.atomic():
        if Citizen.get_or_none(Citizen.id == citizen_id) is None:
            raise NotFound(_("This citizen no longer exists."))
        current = (
            Course.select()
            .where((Course.citizen == citizen_id) & Course.end_date.is_null())
            .first()
        )
        if current is not None:
            raise DomainError(
                _(
                    "The citizen already has a course running (since {start}); end it before "
                    "referring them again."
                ).format(start=show_date(current.start_date))
            )
        last_end = (
            Course.select(Course.end_date)
            .where(Course.citizen == citizen_id)
            .order_by(Course.end_date.desc())
            .scalar()
        )
        if last_end is not None and data.start_date < last_end:
            raise DomainError(
                _("The new course cannot start before the last one ended ({end}).").format(
                    end=show_date(last_end)
                ),
                field="start_date",
            )
        course = Course.create(citizen=citizen_id, **data.model_dump(mode="python"))
        audit.record("create", "course", citizen_id=citizen_id, record_id=course.id)
    return course.id


def extend_course(course_id: int, data: CourseExtensionIn) -> int:
    """Extend a running course to a later end; each extension is kept as a row."""
    with db.atomic():
        course = _course(course_id)
        view = course_view(course)
        if not view.is_open:
            raise DomainError(_("This course has ended; refer the citizen again instead."))
        if data.new_end <= view.current_end:
            raise DomainError(
                _("The new end must be after the current end ({end}).").format(
                    end=show_date(view.current_end)
                ),
                field="new_end",
            )
        if data.decided_on < course.referral_date:
            raise DomainError(
                _("The extension cannot be decided before the referral."), field="decided_on"
            )
        extension = CourseExtension.create(course=course, **data.model_dump())
        audit.record(
            "create",
            "course_extension",
            citizen_id=course.citizen_id,
            record_id=extension.id,
            purpose=N_("course extended"),
        )
    return extension.id


def end_course(course_id: int, data: CourseEndIn) -> None:
    """End a running course with an outcome (the records all stay)."""
    with db.atomic():
        course = _course(course_id)
        if course.end_date is not None:
            raise DomainError(_("This course has already ended."))
        if data.end_date < course.start_date:
            raise DomainError(
                _("The course cannot end before it started ({start}).").format(
                    start=show_date(course.start_date)
                ),
                field="end_date",
            )
        course.end_date = data.end_date
        course.outcome = data.outcome.value
        course.end_note = data.end_note
        course.save()
        audit.record(
            "update",
            "course",
            citizen_id=course.citizen_id,
            record_id=course.id,
            purpose=N_("course ended"),
        )
