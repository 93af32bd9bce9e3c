"""Retention: who has been kept longer than needed, and erasing them in bulk.

A citizen is due for erasure when their last course ended more than
``years`` years before today and no course is running. A citizen who never
had a course is counted from the day they were created (``created_at``, the
UTC date): otherwise a contact entered and never referred would be kept
forever. "More than N years": on the anniversary itself they are not due yet,
the day after they are. The anniversary of 29 February in a year without one
is 28 February.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from ..i18n import N_, _
from ..models import Citizen, Course, db
from .erasure import delete_rows, scrub
from .errors import NotFound
from .views import View

DEFAULT_YEARS = 5


class RetentionItem(View):
    citizen_id: int
    name: str
    last_end: date  # the last course's end, or the day the citizen was created
    had_course: bool  # False: counted from created_at
    due_since: date  # the first day they were due
    days_ago: int  # days since last_end

    @property
    def how_long_ago(self) -> str:
        years, days = divmod(self.days_ago, 365)
        months = days // 30
        if years and months:
            return _("{years} y {months} mo").format(years=years, months=months)
        if years:
            return _("{years} y").format(years=years)
        return _("{months} mo").format(months=months)


def anniversary(day: date, years: int) -> date:
    """The same day ``years`` later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def due_for_erasure(today: date, years: int = DEFAULT_YEARS) -> list[RetentionItem]:
    """Citizens kept more than ``years`` years after their last course ended.

    Citizens with a running course are never due. Sorted longest-ago first.
    """
    from peewee import fn

    running = set(Course.select(Course.citizen).where(Course.end_date.is_null()).tuples())
    last_ends = dict(
        Course.select(Course.citizen, fn.MAX(Course.end_date)).group_by(Course.citizen).tuples()
    )
    items = []
    for citizen_id, name, created in Citizen.select(
        Citizen.id, Citizen.name, Citizen.created_at
    ).tuples():
        if (citizen_id,) in running:
            continue
        end = last_ends.get(citizen_id)
        had_course = end is not None
        last = end if had_course else created.date()
        if anniversary(last, years) < today:
            items.append(
                RetentionItem(
                    citizen_id=citizen_id,
                    name=name,
                    last_end=last,
                    had_course=had_course,
                    due_since=date.fromordinal(anniversary(last, years).toordinal() + 1),
                    days_ago=(today - last).days,
                )
            )
    items.sort(key=lambda i: (i.last_end, i.name))
    return items


def erase_many(
    citizen_ids: Iterable[int], progress: Callable[[int, int], None] | None = None
) -> int:
    """Erase each citizen in a transaction of their own; the number erased.

    ``progress(done, total)`` is called after each (for a progress bar). One
    that is gone already is skipped. A failure stops the run with the ones
    before it erased and the rest untouched. One checkpoint at the end clears
    the WAL of them all.
    """
    ids = list(citizen_ids)
    erased = 0
    try:
        for done, citizen_id in enumerate(ids, start=1):
            try:
                with db.atomic():
                    delete_rows(citizen_id, count=False, purpose=N_("retention period passed"))
                erased += 1
            except NotFound:
                pass
            if progress is not None:
                progress(done, len(ids))
    finally:
        if erased:
            scrub()
    return erased
