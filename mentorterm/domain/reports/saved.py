"""Saved reports (the period and the mentor's texts) and the period a new one covers."""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, timedelta

from ...i18n import _
from ...models import Course, Report, db
from ...schemas import ReportTextsIn
from .. import audit
from ..errors import DomainError, NotFound
from .build import progression_report
from .gather import citizen_row
from .model import ProgressionReport, ReportListItem


def _report(report_id: int) -> Report:
    report = Report.get_or_none(Report.id == report_id)
    if report is None:
        raise NotFound(_("This report no longer exists."))
    return report


def save_report(
    citizen_id: int, start: date, end: date, texts: ReportTextsIn, report_id: int | None = None
) -> int:
    """Save the mentor's texts for the period: a new report, or ``report_id`` updated."""
    if end < start:
        raise DomainError(_("The period cannot end before it starts."), field="end")
    values = dict(period_start=start, period_end=end, **texts.model_dump())
    with db.atomic():
        citizen_row(citizen_id)
        if report_id is None:
            new_id = Report.create(citizen=citizen_id, **values).id
            audit.record("create", "report", citizen_id=citizen_id, record_id=new_id)
            return new_id
        report = _report(report_id)
        if report.citizen_id != citizen_id:
            raise DomainError(_("That report belongs to another citizen."))
        for field, value in values.items():
            setattr(report, field, value)
        report.save()
        audit.record("update", "report", citizen_id=citizen_id, record_id=report.id)
        return report.id


def reports_of(citizen_id: int) -> list[ReportListItem]:
    """The citizen's saved reports, the latest period first."""
    query = (
        Report.select()
        .where(Report.citizen == citizen_id)
        .order_by(Report.period_end.desc(), Report.id.desc())
    )
    return [
        ReportListItem(
            id=r.id,
            start=r.period_start,
            end=r.period_end,
            title=r.title,
            saved_on=_local_date(r.updated_at),
        )
        for r in query
    ]


def _local_date(moment: datetime) -> date:
    # Rows store naive UTC; the mentor reads the date where they are.

    return moment.replace(tzinfo=UTC).astimezone().date()


def report_texts(report_id: int) -> ReportTextsIn:
    """The saved texts of a report (to prefill the edit form)."""
    report = _report(report_id)
    return ReportTextsIn.model_construct(
        **{f: getattr(report, f) for f in ReportTextsIn.model_fields}
    )


def saved_report(report_id: int, today: date) -> ProgressionReport:
    """A saved report, its facts computed from the records as they are now."""
    report = _report(report_id)
    return progression_report(
        report.citizen_id,
        report.period_start,
        report.period_end,
        today,
        texts=report_texts(report_id),
        report_id=report.id,
    )


def delete_report(report_id: int) -> None:
    """Delete a saved report (the records it was built from stay)."""
    with db.atomic():
        report = _report(report_id)
        report.delete_instance()
        audit.record("delete", "report", citizen_id=report.citizen_id, record_id=report_id)


def default_period(today: date, months: int = 3) -> tuple[date, date]:
    """The last ``months`` whole months up to ``today`` (22-08 .. 21-11 for 21-11)."""

    index = today.year * 12 + today.month - 1 - months
    year, month = divmod(index, 12)
    day = min(today.day, calendar.monthrange(year, month + 1)[1])
    return date(year, month + 1, day) + timedelta(days=1), today


def default_report_period(citizen_id: int, today: date) -> tuple[date, date]:
    """The period a new report of the citizen covers, up to ``today``.

    It starts the day after the latest saved report's period ended, else on
    the start of the citizen's latest course that has begun; with neither
    (or when that day is after ``today``) the last three months.
    """
    last = (
        Report.select(Report.period_end)
        .where(Report.citizen == citizen_id)
        .order_by(Report.period_end.desc())
        .limit(1)
        .scalar()
    )
    if last is not None and last < today:
        return last + timedelta(days=1), today
    started = (
        Course.select(Course.start_date)
        .where((Course.citizen == citizen_id) & (Course.start_date <= today))
        .order_by(Course.start_date.desc())
        .limit(1)
        .scalar()
    )
    if started is not None:
        return started, today
    return default_period(today)
