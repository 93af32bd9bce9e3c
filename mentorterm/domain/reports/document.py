"""The progression report built once as a Document (the same sections in Markdown and PDF).

The cover names the citizen, the period, the day it was written and who wrote
it (mentor and organisation). Sections: summary, course, meetings (contact
against the cadence), attendance and stability, hours steps, placements,
sub-goals with their scores, accommodations, then the mentor's assessment
(resources, clarified, still open, next steps). Only what
``ProgressionReport`` holds is shown (see the package's docstring).
"""

from __future__ import annotations

from ...documents import Block, Column, Document, Entries, Facts, Heading, Marked, Table, Text
from ...format import show_date, show_hours
from ...i18n import _
from .attendance import attendance_section
from .contact import contact_line
from .facts import text_label
from .goals import sub_goal_section
from .jobsearch import job_search_section
from .model import ProgressionReport
from .wording import course_lines, cover, period, placement_end, step_from

_ASSESSMENT = ("resources_observed", "clarified", "still_open", "recommended_next_steps")


def _mentor_text(field: str, text: str) -> list[Block]:
    return [Heading(text_label(field)), Text(text, verbatim=True, empty=_("Not written."))]


def _none(text: str) -> Text:
    return Text(text, muted=True)


def _course(report: ProgressionReport) -> list[Block]:
    blocks: list[Block] = [Heading(_("Course"))]
    if not report.courses:
        blocks.append(_none(_("No course in this period.")))
    for course in report.courses:
        blocks.append(Facts(course_lines(course)))
        if course.extensions:
            columns = (
                Column(_("Extension decided"), width=30),
                Column(_("New end"), width=25),
                Column(_("Reason"), width=100),
            )
            rows = [
                [show_date(x.decided_on), show_date(x.new_end), x.reason] for x in course.extensions
            ]
            blocks.append(Table(columns, rows))
    return blocks


def _meetings(report: ProgressionReport) -> list[Block]:
    blocks: list[Block] = [Heading(_("Meetings"))]
    if report.contact is not None:
        blocks.append(Text(contact_line(report.contact)))
    if not report.meetings:
        return [*blocks, _none(_("No meeting in this period."))]
    columns = (
        Column(_("Date"), width=30),
        Column(_("Kind"), width=60),
        Column(_("What became of it"), width=84),
    )
    rows = [[show_date(m.day), m.kind_label, m.status_text] for m in report.meetings]
    return [*blocks, Table(columns, rows)]


def _hours_steps(report: ProgressionReport) -> list[Block]:
    blocks: list[Block] = [Heading(_("Hours steps"))]
    if not report.hours_steps:
        return [*blocks, _none(_("No hours steps in this period."))]
    columns = (
        Column(_("From date"), width=26),
        Column(_("Workplace"), width=50),
        Column(_("Hours per week"), width=30),
        Column(_("Schedule"), width=68),
    )
    before = _("(before the period)")
    rows = [
        [
            Marked(show_date(s.from_date), before) if s.before_period else show_date(s.from_date),
            s.workplace,
            f"{step_from(s.from_hours)} → {show_hours(s.to_hours)}",
            s.schedule,
        ]
        for s in report.hours_steps
    ]
    return [*blocks, Table(columns, rows, footnote=_("in force when the period began"))]


def _placements(report: ProgressionReport) -> list[Block]:
    blocks: list[Block] = [Heading(_("Placements"))]
    if not report.placements:
        return [*blocks, _none(_("No placement in this period."))]
    columns = (
        Column(_("Workplace"), width=30),
        Column(_("Kind"), width=34),  # "Virksomhedspraktik" whole on one line
        Column(_("Started"), width=22),
        Column(_("End"), width=28),
        Column(_("Hours per week"), width=22, short=_("Hours/week")),
        Column(_("How it ended"), width=36),
    )
    rows = [
        [
            p.workplace,
            p.kind_label,
            show_date(p.start_date),
            placement_end(p),
            show_hours(p.hours_per_week) or "–",
            "" if p.running else p.end_reason,
        ]
        for p in report.placements
    ]
    return [*blocks, Table(columns, rows)]


def _accommodations(report: ProgressionReport) -> list[Block]:
    blocks: list[Block] = [Heading(_("Accommodations found"))]
    if not report.accommodations:
        return [*blocks, _none(_("None recorded."))]
    items = []
    for fact in report.accommodations:
        facts = [(_("Accommodations"), fact.accommodations)]
        if fact.aids.strip():
            facts.append((_("Aids"), fact.aids))
        items.append((fact.where or _("In general"), facts))
    return [*blocks, Entries(items)]


def report_document(report: ProgressionReport) -> Document:
    """The progression report as blocks, ready for either writer."""
    title = report.display_title
    document = Document(
        title=title,
        meta=cover(report),
        author=", ".join(x for x in (report.mentor_name, report.organisation) if x),
        footer=f"{report.citizen_name} · {title} · {period(report)}",
    )
    document.add(*_mentor_text("summary", report.texts.summary))
    document.add(*_course(report), *_meetings(report), *attendance_section(report))
    document.add(*_hours_steps(report), *_placements(report), *sub_goal_section(report))
    document.add(*_accommodations(report))
    if report.job_search is not None:
        document.add(*job_search_section(report))
    for field in _ASSESSMENT:
        document.add(*_mentor_text(field, getattr(report.texts, field)))
    return document
