"""The citizen overview's texts: the alliance bar, the course, labelled lines."""

from __future__ import annotations

from ..domain.views import CourseView
from ..format import show_date, show_days, show_hours, show_weeks
from ..i18n import _, ngettext
from ..widgets.markup import escape


def score_bar(citizen_score: int | None, width: int = 10) -> str:
    """The asymmetric alliance as two parts that add up to 10."""
    if citizen_score is None:
        return "[dim]" + "·" * width + _(" not scored") + "[/]"
    mentor = 10 - citizen_score
    return f"[b green]{'█' * citizen_score}[/][blue]{'░' * mentor}[/] " + _(
        "citizen {c} · mentor {m}"
    ).format(c=citizen_score, m=mentor)


def _lines(pairs: list[tuple[str, str]]) -> str:
    shown = [(k, v) for k, v in pairs if v]
    if not shown:
        return _("[dim]Nothing recorded.[/]")
    return "\n".join(f"[dim]{k}:[/] {escape(v)}" for k, v in shown)


def course_text(course: CourseView | None, today) -> str:
    if course is None:
        return _("No course. Press c to start one.")
    lines = [
        f"[b]{course.purpose.label}[/b]"
        + (f" · {escape(course.programme)}" if course.programme else "")
    ]
    starts_later = course.is_open and course.start_date > today
    lines.append(
        (
            _("Referred {ref} · starts {start} · planned end {end}")
            if starts_later
            else _("Referred {ref} · started {start} · planned end {end}")
        ).format(
            ref=show_date(course.referral_date),
            start=show_date(course.start_date),
            end=show_date(course.current_end),
        )
    )
    if starts_later:  # not "week 0 of 26, 28 weeks left"
        lines.append(
            _("Starts in {days} · {m} weeks · meet every {cadence}").format(
                days=show_days((course.start_date - today).days),
                m=course.total_weeks,
                cadence=show_days(course.meeting_cadence_days),
            )
        )
    elif course.is_open:
        weeks_left = max(0, (course.current_end - today).days // 7)
        lines.append(
            _("Week {n} of {m} · {left} left · meet every {days}").format(
                n=course.week_number(today),
                m=course.total_weeks,
                left=show_weeks(weeks_left),
                days=show_days(course.meeting_cadence_days),
            )
        )
    else:
        lines.append(
            _("[b]Ended {date}: {outcome}[/b]").format(
                date=show_date(course.end_date), outcome=course.outcome.label
            )
        )
        if course.end_note:
            lines.append(escape(course.end_note))
    if course.weekly_hours:
        lines.append(_("Hours a week: {band}").format(band=escape(course.weekly_hours)))
    if course.extensions:
        lines.append(_("Extensions:"))
        lines.append(_("  first planned end {end}").format(end=show_date(course.planned_end)))
        for ext in course.extensions:
            reason = f" – {escape(ext.reason)}" if ext.reason else ""
            lines.append(
                _("  {decided}: extended to {end}{reason}").format(
                    decided=show_date(ext.decided_on), end=show_date(ext.new_end), reason=reason
                )
            )
    lines.append(_("[dim]h: history, corrections[/]"))
    return "\n".join(lines)


def handover_lines(handovers) -> str:
    """Under Contact: each handover, its day, both mentors and the note."""
    return "".join(
        "\n"
        + _("[dim]Handed over {day}:[/] {old} → {new}").format(
            day=show_date(day), old=escape(old), new=escape(new)
        )
        + (f"\n  {escape(note)}" if note else "")
        for day, old, new, note in handovers
    )


def session_lines(data) -> str:
    """Under Notes: the group sessions so far (apart from the logbook) and the next one."""
    return "".join("\n" + escape(line) for line in data.group_sessions)


def follow_up_lines(data) -> list[str]:
    """The job search's follow-ups past their day, under the open agreements."""
    if not data.overdue_follow_ups:
        return []
    lines = [] if data.open_action_items else [_("Open agreements:")]
    for what, day in data.overdue_follow_ups:
        due = _("due {day}").format(day=show_date(day))
        lines.append(f"  • {escape(what)} [b red]{due}[/]")
    return lines


def placement_text(data) -> str:
    """The Placement box: where, since when, the hours now, the supervisor."""
    placement = data.current_placement
    today = data.today
    if placement is None:
        return _("[dim]No placement now.[/]")
    step = placement.step_on(today)
    lines = [
        f"[b]{escape(placement.workplace)}[/b] · {placement.kind.label}",
        _("Since {start}").format(start=show_date(placement.start_date))
        + (
            _(" until {end}").format(end=show_date(placement.end_date))
            if placement.end_date
            else ""
        ),
    ]
    if step is not None:
        lines.append(
            _("Now {hours} h a week{schedule} (since {since})").format(
                hours=show_hours(step.hours_per_week),
                schedule=f": {escape(step.schedule)}" if step.schedule else "",
                since=show_date(step.from_date),
            )
        )
    if placement.supervisor_name:
        lines.append(_("Supervisor: {name}").format(name=escape(placement.supervisor_name)))
    if placement.accommodations:
        lines.append(_("Accommodations here: {text}").format(text=escape(placement.accommodations)))
    return "\n".join(lines)


def out_on_laptop(citizen_id: int) -> str:
    """The title's mark of a citizen out on a laptop (issue 19): colleagues
    on the team database see where the citizen's records are being written."""
    from ..domain.sync.devices import where_out
    from ..format import show_datetime

    out = where_out([citizen_id]).get(citizen_id)
    if out is None:
        return ""
    device, mentor, since = out
    return _("  [reverse] out on {device} ({mentor}) since {since} [/]").format(
        device=escape(device), mentor=escape(mentor), since=show_datetime(since)
    )


def conflicts_to_decide(citizen_id: int) -> str:
    """The title's mark of a citizen whose records a laptop's sync could not
    merge (issue 19): on the team database, until the conflicts are decided
    (Y on the caseload). None elsewhere: a laptop's or a mentor's own file
    keeps no conflicts."""
    from ..domain.sync.conflicts import conflict_count

    n = conflict_count(citizen_id)
    if not n:
        return ""
    # On a line of its own: the title's marks before it may fill one.
    return "\n" + ngettext(
        "[reverse] {n} sync conflict to decide: Y on the caseload [/]",
        "[reverse] {n} sync conflicts to decide: Y on the caseload [/]",
        n,
    ).format(n=n)
