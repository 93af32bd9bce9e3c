"""The progression report as Markdown and as PDF (same sections, same order).

The cover names the citizen, the period, the day it was written and who wrote
it (mentor and organisation). Sections: summary, course, meetings (contact
against the cadence), attendance and stability, hours steps, placements,
sub-goals with their scores, accommodations, then the mentor's assessment
(resources, clarified, still open, next steps). Only what
``ProgressionReport`` holds is shown (see reports.py for what is left out).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..enums import Attendance
from ..format import show_date, show_hours, show_percent
from ..i18n import _, ngettext
from .absence_report import _row, _text
from .pdf import PdfDocument

if TYPE_CHECKING:
    from .reports import ContactFrequency, PlacementFact, ProgressionReport, SubGoalProgress
    from .statistics import PeriodFigures

_ASSESSMENT = ("resources_observed", "clarified", "still_open", "recommended_next_steps")


def _label(field: str) -> str:
    from .reports import text_label

    return text_label(field)


def _figure_rows(columns: list[PeriodFigures]) -> list[list[str]]:
    """Rows of (figure, value per column)."""

    def each(getter) -> list[str]:
        return [getter(f) for f in columns]

    return [
        [_("Days logged"), *each(lambda f: str(f.days_logged))],
        [_("Days present"), *each(lambda f: str(f.days_present))],
        [_("Attendance rate"), *each(lambda f: show_percent(f.attendance_rate) or "–")],
        [_("Hours planned"), *each(lambda f: show_hours(f.hours_planned))],
        [_("Hours worked"), *each(lambda f: show_hours(f.hours_worked))],
        [
            _("Hours worked per week"),
            *each(lambda f: show_hours(f.effective_hours_per_week) or "–"),
        ],
        [Attendance.SICK.label, *each(lambda f: str(f.sick_days))],
        [Attendance.ABSENT_WITH_NOTICE.label, *each(lambda f: str(f.absent_with_notice))],
        [Attendance.ABSENT_WITHOUT_NOTICE.label, *each(lambda f: str(f.absent_without_notice))],
        [_("Left early"), *each(lambda f: str(f.left_early))],
    ]


def _change(goal: SubGoalProgress) -> str:
    if goal.change is None:
        return ""
    return f"{goal.change:+d}"


def _score_line(goal: SubGoalProgress) -> str:
    if not goal.scores:
        return _("Not scored in this period.")
    if len(goal.scores) == 1:
        return _("Scored once: {score} (mentor {mentor}).").format(
            score=goal.first, mentor=10 - goal.first
        )
    return _(
        "First {first}, last {last} ({change}); the mentor's part went from {m1} to {m2}."
    ).format(
        first=goal.first,
        last=goal.last,
        change=_change(goal),
        m1=10 - goal.first,
        m2=10 - goal.last,
    )


def _status(goal: SubGoalProgress) -> str:
    if goal.status_date is None:
        return goal.status_label
    return f"{goal.status_label} ({show_date(goal.status_date)})"


def _step_from(hours: float | None) -> str:
    return "–" if hours is None else show_hours(hours)


def _course_lines(course) -> list[tuple[str, str]]:
    lines = [
        (_("Purpose"), course.purpose_label),
        (_("Programme"), course.programme),
        (_("Weekly hours"), course.weekly_hours),
        (_("Referred"), show_date(course.referral_date)),
        (_("Started"), show_date(course.start_date)),
        (_("Planned end"), show_date(course.planned_end)),
    ]
    if course.extensions:
        lines.append((_("Current end"), show_date(course.current_end)))
    if course.end_date is not None:
        lines.append((_("Ended"), f"{show_date(course.end_date)}: {course.outcome_label}"))
    else:
        lines.append((_("Status"), _running(course.current_end)))
    lines.append((_("Agreed cadence"), _cadence(course.cadence_days)))
    return [(label, value) for label, value in lines if value]


def _running(planned_end) -> str:
    if planned_end is None:
        return _("running")
    return _("running (planned end {date})").format(date=show_date(planned_end))


def _placement_end(p: PlacementFact) -> str:
    """The End column: the day it ended, or "running (planned end …)"."""
    return _running(p.end_date) if p.running else show_date(p.end_date)


def _cover(report: ProgressionReport) -> list[tuple[str, str]]:
    """The cover's facts: whom it is about, the period, when and by whom."""
    lines = [
        (_("Citizen"), report.citizen_name),
        (_("Period"), f"{show_date(report.start)} – {show_date(report.end)}"),
        (_("Written on"), show_date(report.written_on)),
    ]
    if report.mentor_name:
        lines.append((_("Mentor"), report.mentor_name))
    if report.organisation:
        lines.append((_("Organisation"), report.organisation))
    return lines


def _decimal(value: float) -> str:
    """2.33 -> '2,3' (one decimal, Danish comma, no trailing ',0')."""
    return f"{value:.1f}".rstrip("0").rstrip(".").replace(".", ",")


def _cadence(days: int) -> str:
    if days % 7 == 0:
        weeks = days // 7
        return ngettext("every week", "every {n} weeks", weeks).format(n=weeks)
    return ngettext("every day", "every {n} days", days).format(n=days)


def contact_line(contact: ContactFrequency) -> str:
    """ "Held 7 meetings in 16 weeks: every 2,3 weeks; the agreed cadence is every 2 weeks." """
    weeks = max(1, round(contact.weeks))
    span = ngettext("{n} week", "{n} weeks", weeks).format(n=weeks)
    if contact.held:
        held = ngettext(
            "Held {n} meeting in {span}", "Held {n} meetings in {span}", contact.held
        ).format(n=contact.held, span=span)
        between = contact.weeks_between
        if round(between, 1) == 1:
            every = _("about once a week")
        elif between < 1:
            days = round(between * 7, 1)
            every = (
                _("about every day")
                if days <= 1
                else _("every {days} days").format(days=_decimal(days))
            )
        else:
            every = _("every {weeks} weeks").format(weeks=_decimal(between))
        line = f"{held} ({show_date(contact.first)} – {show_date(contact.last)}): {every}"
    else:
        line = _("No meeting held in {span} ({first} – {last})").format(
            span=span, first=show_date(contact.first), last=show_date(contact.last)
        )
    if contact.cadence_days is not None:
        line += "; " + _("the agreed cadence is {cadence}").format(
            cadence=_cadence(contact.cadence_days)
        )
    line += "."
    if contact.behind:
        line += " " + _("That is less often than agreed.")
    others = []
    if contact.cancelled:
        others.append(
            ngettext("{n} cancelled", "{n} cancelled", contact.cancelled).format(
                n=contact.cancelled
            )
        )
    if contact.rescheduled:
        others.append(
            ngettext("{n} rescheduled", "{n} rescheduled", contact.rescheduled).format(
                n=contact.rescheduled
            )
        )
    if contact.no_shows:
        others.append(
            ngettext("{n} no-show", "{n} no-shows", contact.no_shows).format(n=contact.no_shows)
        )
    if others:
        line += " " + _("Besides: {what}.").format(what=", ".join(others))
    return line


def _meeting_rows(report: ProgressionReport) -> list[list[str]]:
    return [[show_date(m.day), m.kind_label, m.status_text] for m in report.meetings]


# --------------------------------------------------------------------------- Markdown


def _md_block(text: str) -> str:
    """The mentor's text kept in its lines and paragraphs, with no markup of its own."""
    paragraphs = [
        [_text(line) for line in chunk.splitlines() if line.strip()]
        for chunk in re.split(r"\n\s*\n", text.strip())
    ]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        return "_" + _("Not written.") + "_"
    return "\n\n".join("  \n".join(lines) for lines in paragraphs)


def _md_table(headers: list[str], rows: list[list[str]], right_from: int = 1) -> list[str]:
    align = ["---" if i < right_from else "---:" for i in range(len(headers))]
    return [
        _row(*headers),
        "| " + " | ".join(align) + " |",
        *(_row(*(_text(c) for c in row)) for row in rows),
    ]


def render_markdown(report: ProgressionReport) -> str:
    """The report as a Markdown document."""
    lines = [
        "# " + _text(report.display_title),
        "",
        *(f"- **{label}:** {_text(value)}" for label, value in _cover(report)),
        "",
        "## " + _label("summary"),
        "",
        _md_block(report.texts.summary),
        "",
        "## " + _("Course"),
        "",
    ]
    if not report.courses:
        lines.append(_("No course in this period."))
    for course in report.courses:
        lines += [f"- **{label}:** {_text(value)}" for label, value in _course_lines(course)]
        if course.extensions:
            lines += [
                "",
                *_md_table(
                    [_("Extension decided"), _("New end"), _("Reason")],
                    [
                        [show_date(x.decided_on), show_date(x.new_end), x.reason]
                        for x in course.extensions
                    ],
                    right_from=3,
                ),
            ]
        lines.append("")

    lines += ["", "## " + _("Meetings"), ""]
    if report.contact is not None:
        lines += [_text(contact_line(report.contact)), ""]
    if report.meetings:
        lines += _md_table(
            [_("Date"), _("Kind"), _("What became of it")], _meeting_rows(report), right_from=9
        )
    else:
        lines.append(_("No meeting in this period."))

    lines += ["", "## " + _("Attendance and stability"), ""]
    if report.attendance_total is None:
        lines.append(_("No placement in this period, so no logbook."))
    else:
        columns = [report.attendance_total] + [a.figures for a in report.attendance_by_placement]
        headers = [_("Figure"), _("Total")] + [a.workplace for a in report.attendance_by_placement]
        if len(report.attendance_by_placement) == 1:  # the total says it all
            columns, headers = (
                columns[:1],
                headers[:1] + [report.attendance_by_placement[0].workplace],
            )
        lines += _md_table(headers, _figure_rows(columns))
        reasons = report.attendance_total.absence_by_reason
        if reasons:
            lines += ["", "### " + _("By reason"), ""]
            lines += _md_table(
                [_("Kind"), _("Reason"), _("Times")],
                [[r.kind_label, r.reason, str(r.count)] for r in reasons],
                right_from=2,
            )
        lines += ["", "### " + _("Stability: attendance per 4 weeks"), ""]
        lines += _md_table(
            [
                _("Weeks"),
                _("Days logged"),
                _("Present"),
                _("Attendance rate"),
                _("Hours planned"),
                _("Hours worked"),
                _("Absent without notice"),
            ],
            [
                [
                    f"{show_date(b.start)} – {show_date(b.end)}",
                    str(b.days_logged),
                    str(b.days_present),
                    show_percent(b.attendance_rate) or "–",
                    show_hours(b.hours_planned),
                    show_hours(b.hours_worked),
                    str(b.absent_without_notice),
                ]
                for b in report.stability
            ],
        )

    lines += ["", "## " + _("Hours steps"), ""]
    if report.hours_steps:
        lines += _md_table(
            [_("From date"), _("Workplace"), _("Hours per week"), _("Schedule")],
            [
                [
                    show_date(s.from_date)
                    + (" " + _("(before the period)") if s.before_period else ""),
                    s.workplace,
                    f"{_step_from(s.from_hours)} → {show_hours(s.to_hours)}",
                    s.schedule,
                ]
                for s in report.hours_steps
            ],
            right_from=9,
        )
    else:
        lines.append(_("No hours steps in this period."))

    lines += ["", "## " + _("Placements"), ""]
    if report.placements:
        lines += _md_table(
            [
                _("Workplace"),
                _("Kind"),
                _("Started"),
                _("End"),
                _("Hours per week"),
                _("How it ended"),
            ],
            [
                [
                    p.workplace,
                    p.kind_label,
                    show_date(p.start_date),
                    _placement_end(p),
                    show_hours(p.hours_per_week) or "–",
                    "" if p.running else p.end_reason,
                ]
                for p in report.placements
            ],
            right_from=9,
        )
    else:
        lines.append(_("No placement in this period."))

    lines += [
        "",
        "## " + _("Sub-goals and scores"),
        "",
        _(
            "The citizen scores how able they are to reach each sub-goal (1–10); "
            "the mentor's part of the help is 10 minus that score."
        ),
        "",
    ]
    if not report.sub_goals:
        lines.append(_("No sub-goal in this period."))
    for goal in report.sub_goals:
        lines += ["### " + _text(goal.title), ""]
        if goal.success_criterion:
            lines.append(f"- **{_('Success criterion')}:** {_text(goal.success_criterion)}")
        lines += [
            f"- **{_('Status')}:** {_status(goal)}",
            f"- **{_('Scores')}:** {_score_line(goal)}",
            "",
        ]
        if goal.scores:
            lines += _md_table(
                [_("Date"), _("Citizen"), _("Mentor")],
                [
                    [show_date(s.scored_on), str(s.citizen_score), str(s.mentor_score)]
                    for s in goal.scores
                ],
            )
            lines.append("")

    lines += ["", "## " + _("Accommodations found"), ""]
    if not report.accommodations:
        lines.append(_("None recorded."))
    for fact in report.accommodations:
        where = fact.where or _("In general")
        lines.append(
            f"- **{_text(where)}:** {_text(fact.accommodations) or '–'}"
            + (f" ({_('aids')}: {_text(fact.aids)})" if fact.aids.strip() else "")
        )

    for field in _ASSESSMENT:
        lines += ["", "## " + _label(field), "", _md_block(getattr(report.texts, field))]
    return "\n".join(lines).replace("\n\n\n", "\n\n") + "\n"


# --------------------------------------------------------------------------- PDF


def render_pdf(report: ProgressionReport) -> bytes:
    """The report as a PDF: the same sections, with tables and a chart per sub-goal."""
    title = report.display_title
    period = f"{show_date(report.start)} – {show_date(report.end)}"
    pdf = PdfDocument(f"{report.citizen_name} · {title} · {period}")
    pdf.set_title(title)
    pdf.set_creator("mentorterm")
    pdf.title_block(title, _cover(report))
    if report.mentor_name or report.organisation:
        pdf.set_author(", ".join(x for x in (report.mentor_name, report.organisation) if x))
    not_written = _("Not written.")

    pdf.heading(_label("summary"))
    pdf.paragraph(report.texts.summary or not_written, muted=not report.texts.summary)

    pdf.heading(_("Course"))
    if not report.courses:
        pdf.paragraph(_("No course in this period."), muted=True)
    for course in report.courses:
        pdf.facts(_course_lines(course))
        if course.extensions:
            pdf.data_table(
                [_("Extension decided"), _("New end"), _("Reason")],
                [
                    [show_date(x.decided_on), show_date(x.new_end), x.reason]
                    for x in course.extensions
                ],
                widths=(30, 25, 100),
            )

    pdf.heading(_("Meetings"))
    if report.contact is not None:
        pdf.paragraph(contact_line(report.contact))
    if report.meetings:
        pdf.data_table(
            [_("Date"), _("Kind"), _("What became of it")],
            _meeting_rows(report),
            widths=(30, 60, 84),
        )
    else:
        pdf.paragraph(_("No meeting in this period."), muted=True)

    pdf.heading(_("Attendance and stability"))
    if report.attendance_total is None:
        pdf.paragraph(_("No placement in this period, so no logbook."), muted=True)
    else:
        columns = [report.attendance_total] + [a.figures for a in report.attendance_by_placement]
        headers = [_("Figure"), _("Total")] + [a.workplace for a in report.attendance_by_placement]
        if len(report.attendance_by_placement) == 1:
            columns, headers = (
                columns[:1],
                headers[:1] + [report.attendance_by_placement[0].workplace],
            )
        shown = min(len(columns), 4)  # more columns would not fit on A4
        # As wide as a workplace's name needs, when there is room: a narrow
        # column breaks "Lagerhotellet" in the middle of the word.
        width = max(25, min(50, (pdf.width - 50) // shown))
        pdf.data_table(
            headers[: shown + 1],
            [row[: shown + 1] for row in _figure_rows(columns)],
            widths=(50, *([width] * shown)),
            align=("LEFT", *(["RIGHT"] * shown)),
        )
        for more in range(shown, len(columns), 4):
            chunk = columns[more : more + 4]
            pdf.data_table(
                [_("Figure"), *headers[more + 1 : more + 1 + len(chunk)]],
                [[row[0], *row[more + 1 : more + 1 + len(chunk)]] for row in _figure_rows(columns)],
                widths=(50, *([25] * len(chunk))),
                align=("LEFT", *(["RIGHT"] * len(chunk))),
            )
        reasons = report.attendance_total.absence_by_reason
        if reasons:
            pdf.subheading(_("By reason"))
            pdf.data_table(
                [_("Kind"), _("Reason"), _("Times")],
                [[r.kind_label, r.reason, str(r.count)] for r in reasons],
                widths=(45, 90, 20),
                align=("LEFT", "LEFT", "RIGHT"),
            )
        pdf.subheading(_("Stability: attendance per 4 weeks"))
        pdf.bars(
            [
                (f"{show_date(b.start)} – {show_date(b.end)}"[:23], b.attendance_rate)
                for b in report.stability
            ]
        )
        pdf.data_table(
            [
                _("Weeks"),
                _("Logged"),
                _("Present"),
                _("Rate"),
                _("Planned h"),
                _("Worked h"),
                _("Without notice"),
            ],
            [
                [
                    f"{show_date(b.start)} – {show_date(b.end)}",
                    str(b.days_logged),
                    str(b.days_present),
                    show_percent(b.attendance_rate) or "–",
                    show_hours(b.hours_planned),
                    show_hours(b.hours_worked),
                    str(b.absent_without_notice),
                ]
                for b in report.stability
            ],
            widths=(44, 17, 17, 17, 20, 20, 21),
            align=("LEFT", *(["RIGHT"] * 6)),
        )

    pdf.heading(_("Hours steps"))
    if report.hours_steps:
        pdf.data_table(
            [_("From date"), _("Workplace"), _("Hours per week"), _("Schedule")],
            [
                [
                    show_date(s.from_date) + ("*" if s.before_period else ""),
                    s.workplace,
                    f"{_step_from(s.from_hours)} → {show_hours(s.to_hours)}",
                    s.schedule,
                ]
                for s in report.hours_steps
            ],
            widths=(26, 50, 30, 68),
        )
        if any(s.before_period for s in report.hours_steps):
            pdf.paragraph("* " + _("in force when the period began"), muted=True)
    else:
        pdf.paragraph(_("No hours steps in this period."), muted=True)

    pdf.heading(_("Placements"))
    if report.placements:
        pdf.data_table(
            [_("Workplace"), _("Kind"), _("Started"), _("End"), _("Hours/week"), _("How it ended")],
            [
                [
                    p.workplace,
                    p.kind_label,
                    show_date(p.start_date),
                    _placement_end(p),
                    show_hours(p.hours_per_week) or "–",
                    "" if p.running else p.end_reason,
                ]
                for p in report.placements
            ],
            widths=(30, 28, 22, 32, 26, 36),
        )
    else:
        pdf.paragraph(_("No placement in this period."), muted=True)

    pdf.heading(_("Sub-goals and scores"))
    pdf.paragraph(
        _(
            "The citizen scores how able they are to reach each sub-goal (1–10); "
            "the mentor's part of the help is 10 minus that score."
        ),
        muted=True,
    )
    if not report.sub_goals:
        pdf.paragraph(_("No sub-goal in this period."), muted=True)
    for goal in report.sub_goals:
        pdf.subheading(goal.title)
        lines = [(_("Status"), _status(goal)), (_("Scores"), _score_line(goal))]
        if goal.success_criterion:
            lines.insert(0, (_("Success criterion"), goal.success_criterion))
        pdf.facts(lines, label_width=36)
        if goal.scores:
            pdf.score_chart([(s.scored_on, s.citizen_score) for s in goal.scores])
            if len(goal.scores) <= 12:
                pdf.data_table(
                    [_("Date"), _("Citizen"), _("Mentor")],
                    [
                        [show_date(s.scored_on), str(s.citizen_score), str(s.mentor_score)]
                        for s in goal.scores
                    ],
                    widths=(30, 20, 20),
                    align=("LEFT", "RIGHT", "RIGHT"),
                )

    pdf.heading(_("Accommodations found"))
    if not report.accommodations:
        pdf.paragraph(_("None recorded."), muted=True)
    for fact in report.accommodations:
        lines = [(_("Accommodations"), fact.accommodations)]
        if fact.aids.strip():
            lines.append((_("Aids"), fact.aids))
        pdf.subheading(fact.where or _("In general"))
        pdf.facts(lines, label_width=36)

    for field in _ASSESSMENT:
        text = getattr(report.texts, field)
        pdf.heading(_label(field))
        pdf.paragraph(text or not_written, muted=not text)
    return pdf.to_bytes()
