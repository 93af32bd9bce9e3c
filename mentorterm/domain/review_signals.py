"""The weekly review's signals: why a citizen needs attention, with the facts.

Every signal is a pure function of the database and a day, ``as_of``, computed
as the records stood on that day as far as their dates allow: meetings after
``as_of`` are not yet held (a planned, held or no-show one on or after it
counts as booked), scores, logbook days and extensions after it do not exist
yet, an action item done after it is still open, one agreed at a later
meeting (or created later) does not exist yet, a course or sub-goal whose end
or status was recorded with a later date was still running, and a citizen
archived after it is still there. What cannot be dated (a meeting's status
changed later, a placement's end moved) is taken as it is now.

Thresholds come from ``settings.ReviewThresholds``. Each ``Signal`` has a
weight (1-8, the ``_w_*`` constants: missed meetings and absence without
notice weigh most, an hours step to reconsider least); ``review.py`` adds
them up into a citizen's urgency.

Performance: a handful of statements for the whole caseload, never one per
citizen: one with correlated subqueries per citizen (index seeks on
(citizen, date), as ``caseload.py`` does) for the scalar facts, and one each
for the sub-goals, the overdue action items, the placements in transition,
the hours steps and the week's decisions (bench/review.py).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from ..enums import CourseOutcome, MeetingStatus, PlacementKind
from ..format import show_date, show_hours
from ..i18n import _, ngettext
from ..models import db
from ..settings import ReviewThresholds
from .views import View

# Weights (urgency points) of each kind of signal; some rise with severity.
_w_MISSED = 5  # + 1 per missed meeting beyond the threshold, at most 8
_w_NO_NOTICE = 4  # 5 with two or more
_w_ATTENDANCE_LOW, _w_ATTENDANCE_DROP, _w_ATTENDANCE_BOTH = 4, 3, 5
_w_PASSIVE, _w_PASSIVE_LONG = 3, 5  # long: more than twice the cadence
_w_COURSE_ENDING, _w_COURSE_ENDING_SOON, _w_COURSE_END_PASSED = 3, 4, 5  # soon: within 7 days
_w_TRANSITION, _w_TRANSITION_SOON = 2, 3
_w_AFTERCARE = 3
_w_ACTIONS, _w_ACTIONS_LONG = 2, 3  # long: one overdue more than 14 days
_w_NO_NEXT_MEETING = 2
_w_SUB_GOAL, _w_SUB_GOAL_BOTH = 1, 2  # both: past its target and unscored
_w_HOURS_STEP = 1

# Cancelled counts only when the citizen cancelled (the query checks cancelled_by).
_MISSED = (MeetingStatus.CANCELLED.value, MeetingStatus.NO_SHOW.value)
_AFTERCARE_OUTCOMES = tuple(o.value for o in CourseOutcome if o.starts_aftercare)
_JOB_PLACEMENTS = (PlacementKind.ORDINARY_JOB.value, PlacementKind.FLEXJOB.value)


class SignalKind(StrEnum):
    """The eleven reasons a citizen comes up in the weekly review (issue 7)."""

    PASSIVE_PERIOD = "passive_period"  # no held meeting within the cadence
    MISSED_MEETINGS = "missed_meetings"  # cancellations / no-shows in a row
    ATTENDANCE = "attendance"  # low, or fallen against the period before
    NO_NOTICE_ABSENCE = "no_notice_absence"
    SUB_GOAL = "sub_goal"  # not scored for a long time, or past its target date
    ACTION_ITEMS_OVERDUE = "action_items_overdue"
    COURSE_ENDING = "course_ending"  # with no extension or end decided
    PLACEMENT_TRANSITION = "placement_transition"  # starting or ending soon
    HOURS_STEP = "hours_step"  # in force long, no follow-up since
    AFTERCARE_DUE = "aftercare_due"
    NO_NEXT_MEETING = "no_next_meeting"

    @property
    def label(self) -> str:
        return _(
            {
                "passive_period": "Passive period",
                "missed_meetings": "Missed meetings",
                "attendance": "Attendance",
                "no_notice_absence": "Absent without notice",
                "sub_goal": "Sub-goal",
                "action_items_overdue": "Action items overdue",
                "course_ending": "Course ending",
                "placement_transition": "Placement transition",
                "hours_step": "Hours step",
                "aftercare_due": "Aftercare due",
                "no_next_meeting": "No next meeting",
            }[self.value]
        )


Fact = bool | int | float | str | list[str] | None


class Signal(View):
    """One reason to talk about a citizen, with the facts behind it.

    ``facts`` holds the same facts as ``text`` for machines (dates as ISO text).
    """

    kind: SignalKind
    weight: int  # urgency points, 1 (least) to 8
    text: str
    facts: dict[str, Fact] = {}


# --- dates ------------------------------------------------------------------------


def iso_week_of(day: date) -> str:
    """The ISO week a day falls in, as stored: ``2026-W47``."""
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


def _d(value) -> date | None:
    if value is None or isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    return date.fromisoformat(str(value)[:10])


def _dt(value) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def _ago(days: int) -> str:
    return ngettext("{n} day", "{n} days", days).format(n=days)


# --- the statements ----------------------------------------------------------------

_IN_SCOPE = "(c.archived_on IS NULL OR c.archived_on > :as_of) {mentor}"

_CITIZENS = (
    """
SELECT c.id, c.name,
       co.id, co.start_date, co.planned_end, COALESCE(co.meeting_cadence_days, 14),
       co.end_date,
       (SELECT max(x.new_end) FROM course_extension x
         WHERE x.course_id = co.id AND x.decided_on <= :as_of),
       (SELECT max(m.starts_at) FROM meeting m
         WHERE m.citizen_id = c.id AND m.status = 'held' AND m.starts_at < :tomorrow),
       (SELECT min(m.starts_at) FROM meeting m
         WHERE m.citizen_id = c.id AND m.status IN ('planned', 'held', 'no_show')
           AND m.starts_at >= :as_of),
       -- recent logged, recent present, before logged, before present: one range scan
       (SELECT printf('%d %d %d %d',
                      sum(l.entry_date >= :recent_start),
                      sum(l.entry_date >= :recent_start AND l.attendance = 'present'),
                      sum(l.entry_date < :recent_start),
                      sum(l.entry_date < :recent_start AND l.attendance = 'present'))
          FROM logbook_entry l
         WHERE l.citizen_id = c.id AND l.entry_date >= :before_start
           AND l.entry_date <= :as_of),
       (SELECT group_concat(l.entry_date, ' ') FROM logbook_entry l
         WHERE l.citizen_id = c.id AND l.entry_date >= :no_notice_start
           AND l.entry_date <= :as_of AND l.attendance = 'absent_without_notice'),
       -- the cancellations and no-shows since the last held meeting
       (SELECT group_concat(m2.status || '@' || m2.starts_at, '|') FROM meeting m2
         WHERE m2.citizen_id = c.id AND m2.status IN ({missed})
           AND (m2.status != 'cancelled' OR m2.cancelled_by IS NULL
                OR m2.cancelled_by = 'citizen')
           AND m2.starts_at < :tomorrow
           AND m2.starts_at > COALESCE((SELECT max(m.starts_at) FROM meeting m
                WHERE m.citizen_id = c.id AND m.status = 'held'
                  AND m.starts_at < :tomorrow), '')),
       (SELECT p.kind || '|' || p.start_date || '|' || p.workplace FROM placement p
         WHERE p.citizen_id = c.id AND p.kind IN ({jobs})
           AND p.start_date <= :as_of
         ORDER BY p.start_date DESC LIMIT 1),
       (SELECT k.outcome || '|' || k.end_date FROM course k
         WHERE k.citizen_id = c.id AND k.end_date <= :as_of AND k.outcome IN ({aftercare})
         ORDER BY k.end_date DESC LIMIT 1)
FROM citizen c
LEFT JOIN course co ON co.id = (
    SELECT c2.id FROM course c2
     WHERE c2.citizen_id = c.id AND c2.start_date <= :as_of
       AND (c2.end_date IS NULL OR c2.end_date > :as_of)
     ORDER BY c2.start_date DESC, c2.id DESC LIMIT 1)
WHERE """
    + _IN_SCOPE
)

_SUB_GOALS = (
    """
SELECT g.citizen_id, g.id, g.title, g.target_date, date(g.created_at / 1000000, 'unixepoch'),
       (SELECT max(s.scored_on) FROM alliance_score s
         WHERE s.sub_goal_id = g.id AND s.scored_on <= :as_of)
FROM citizen c JOIN sub_goal g ON g.citizen_id = c.id
WHERE """
    + _IN_SCOPE
    + """
  AND (g.status = 'active' OR g.status_date > :as_of)
  AND date(g.created_at / 1000000, 'unixepoch') <= :as_of
ORDER BY g.citizen_id, g.priority, g.id
"""
)

_ACTION_ITEMS = (
    """
SELECT a.citizen_id, a.what, a.owner, a.due_date
FROM citizen c JOIN action_item a ON a.citizen_id = c.id
LEFT JOIN meeting m ON m.id = a.meeting_id
WHERE """
    + _IN_SCOPE
    + """
  AND (a.done_on IS NULL OR a.done_on > :as_of)
  AND a.due_date < :as_of
  AND date(a.created_at / 1000000, 'unixepoch') <= :as_of
  AND (a.meeting_id IS NULL OR m.starts_at < :tomorrow)
ORDER BY a.citizen_id, a.due_date, a.id
"""
)

_TRANSITIONS = (
    """
SELECT p.citizen_id, p.kind, p.workplace, p.start_date, p.end_date,
       (SELECT min(p2.start_date) FROM placement p2
         WHERE p2.citizen_id = p.citizen_id AND p2.id != p.id
           AND p2.start_date > p.start_date)
FROM citizen c JOIN placement p ON p.citizen_id = c.id
WHERE """
    + _IN_SCOPE
    + """
  AND ((p.start_date >= :as_of AND p.start_date <= :transition_end)
       OR (p.end_date >= :as_of AND p.end_date <= :transition_end))
ORDER BY p.citizen_id, p.start_date, p.id
"""
)

_HOURS_STEPS = (
    """
SELECT p.citizen_id, p.workplace, h.from_date, h.hours_per_week, h.schedule,
       (SELECT max(m.starts_at) FROM meeting m
         WHERE m.citizen_id = p.citizen_id AND m.status = 'held'
           AND m.kind = 'three_party' AND m.starts_at < :tomorrow)
FROM citizen c JOIN placement p ON p.citizen_id = c.id
JOIN hours_step h ON h.id = (
    SELECT h2.id FROM hours_step h2 WHERE h2.placement_id = p.id AND h2.from_date <= :as_of
     ORDER BY h2.from_date DESC LIMIT 1)
WHERE """
    + _IN_SCOPE
    + """
  AND p.start_date <= :as_of AND (p.end_date IS NULL OR p.end_date >= :as_of)
  AND h.from_date <= :step_before
ORDER BY p.citizen_id, p.start_date, p.id
"""
)

_NOTES = (
    """
SELECT r.citizen_id, r.decision, r.reviewed_at
FROM citizen c JOIN review_note r ON r.citizen_id = c.id
WHERE r.iso_week = :week AND """
    + _IN_SCOPE
)


def _params(as_of: date, t: ReviewThresholds, mentor_id: int | None) -> dict[str, object]:
    day = timedelta(days=1)
    recent_start = as_of - (t.attendance_days - 1) * day
    return {
        "as_of": as_of.isoformat(),
        "tomorrow": (as_of + day).isoformat(),
        "recent_start": recent_start.isoformat(),
        "before_start": (recent_start - t.attendance_days * day).isoformat(),
        "no_notice_start": (as_of - (t.no_notice_days - 1) * day).isoformat(),
        "transition_end": (as_of + t.placement_transition_days * day).isoformat(),
        "step_before": (as_of - t.hours_step_days * day).isoformat(),
        "week": iso_week_of(as_of),
        "mentor": mentor_id,
    }


def _sql(template: str, mentor_id: int | None) -> str:
    return template.format(
        mentor="AND c.mentor_id = :mentor" if mentor_id is not None else "",
        aftercare=_quoted(_AFTERCARE_OUTCOMES),
        missed=_quoted(_MISSED),
        jobs=_quoted(_JOB_PLACEMENTS),
    )


def _quoted(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{v}'" for v in values)


def _fetch(template: str, params: dict, mentor_id: int | None) -> list[tuple]:
    return db.execute_sql(_sql(template, mentor_id), params).fetchall()


def review_sql(
    as_of: date, mentor_id: int | None = None, thresholds: ReviewThresholds | None = None
) -> list[tuple[str, dict]]:
    """Every statement the queue runs, with its parameters (for query-plan checks)."""
    params = _params(as_of, thresholds or ReviewThresholds(), mentor_id)
    return [
        (_sql(t, mentor_id), params)
        for t in (_CITIZENS, _SUB_GOALS, _ACTION_ITEMS, _TRANSITIONS, _HOURS_STEPS, _NOTES)
    ]


# --- one citizen's facts --------------------------------------------------------------


@dataclass
class _Facts:
    """What the per-citizen statement found (one row of ``_CITIZENS``)."""

    citizen_id: int
    name: str
    course_id: int | None
    course_start: date | None
    course_end: date | None  # planned end after the extensions decided by as_of
    cadence: int
    course_end_recorded: date | None  # an end recorded after as_of: decided
    last_held: datetime | None
    next_booked: datetime | None
    attendance: tuple[int, int, int, int]
    no_notice: list[date]
    missed: list[tuple[str, datetime]]  # newest first
    job_placement: tuple[str, date, str] | None  # kind, start, workplace
    job_course: tuple[str, date] | None  # outcome, end date
    signals: list[Signal] = field(default_factory=list)

    @classmethod
    def of(cls, row: tuple) -> _Facts:
        (
            cid,
            name,
            course_id,
            start,
            planned_end,
            cadence,
            end_date,
            extended_to,
            last_held,
            next_booked,
            attendance,
            no_notice,
            missed,
            job_placement,
            job_course,
        ) = row
        planned = _d(planned_end)
        extended = _d(extended_to)
        missed_list = []
        for part in (missed or "").split("|") if missed else []:
            status, _sep, moment = part.partition("@")
            missed_list.append((status, _dt(moment)))
        missed_list.sort(key=lambda m: m[1], reverse=True)
        job = None
        if job_placement:
            kind, start_text, workplace = job_placement.split("|", 2)
            job = (kind, _d(start_text), workplace)
        ended = None
        if job_course:
            outcome, end_text = job_course.split("|", 1)
            ended = (outcome, _d(end_text))
        return cls(
            citizen_id=cid,
            name=name,
            course_id=course_id,
            course_start=_d(start),
            course_end=max(planned, extended) if extended and planned else planned,
            cadence=cadence,
            course_end_recorded=_d(end_date),
            last_held=_dt(last_held),
            next_booked=_dt(next_booked),
            attendance=tuple(int(x) for x in (attendance or "0 0 0 0").split()),
            no_notice=sorted(_d(x) for x in (no_notice or "").split()),
            missed=missed_list,
            job_placement=job,
            job_course=ended,
        )

    def add(self, kind: SignalKind, weight: int, text: str, **facts: Fact) -> None:
        self.signals.append(Signal(kind=kind, weight=weight, text=text, facts=facts))


def _iso(value: date | datetime | None) -> str | None:
    return None if value is None else (_d(value)).isoformat()


# --- the signals ----------------------------------------------------------------------


def _passive_period(f: _Facts, as_of: date) -> None:
    if f.course_start is None:
        return
    last = f.last_held.date() if f.last_held else None
    since = last if last is not None and last >= f.course_start else None
    days = (as_of - (since or f.course_start)).days
    if days <= f.cadence:
        return
    weight = _w_PASSIVE_LONG if since is None or days > 2 * f.cadence else _w_PASSIVE
    if since is not None:
        text = _("No held meeting for {days} (cadence {cadence}; last held {last})").format(
            days=_ago(days), cadence=_ago(f.cadence), last=show_date(since)
        )
    else:
        text = _(
            "No held meeting since the course started {start} ({days}; cadence {cadence})"
        ).format(start=show_date(f.course_start), days=_ago(days), cadence=_ago(f.cadence))
    f.add(
        SignalKind.PASSIVE_PERIOD,
        weight,
        text,
        days=days,
        cadence_days=f.cadence,
        last_held=_iso(last),
        course_start=_iso(f.course_start),
    )


def _missed_label(status: str) -> str:
    if MeetingStatus(status) == MeetingStatus.CANCELLED:
        return _("cancelled by citizen")
    return MeetingStatus(status).label.lower()


def _missed_meetings(f: _Facts, t: ReviewThresholds) -> None:
    n = len(f.missed)
    if n < t.missed_in_a_row:
        return
    # Only the citizen's own cancellations are counted (see the query).
    shown = ", ".join(
        f"{_missed_label(status)} {show_date(moment)}" for status, moment in f.missed[:5]
    )
    if n > 5:
        shown += _(", and {more} earlier").format(more=n - 5)
    last = f.last_held.date() if f.last_held else None
    tail = (
        _("no held meeting since {day}").format(day=show_date(last))
        if last
        else _("no meeting held yet")
    )
    text = _("{n} meetings in a row cancelled or missed: {list} ({tail})").format(
        n=n, list=shown, tail=tail
    )
    f.add(
        SignalKind.MISSED_MEETINGS,
        min(8, _w_MISSED + n - t.missed_in_a_row),
        text,
        count=n,
        meetings=[f"{s} {m.date().isoformat()}" for s, m in f.missed],
        last_held=_iso(last),
    )


def _attendance(f: _Facts, as_of: date, t: ReviewThresholds) -> None:
    logged, present, before_logged, before_present = f.attendance
    if not logged:
        return
    # Integer arithmetic: 3 of 4 is exactly 75 %, not 74.999...
    low = present * 100 < t.attendance_below * logged
    drop = bool(before_logged) and (
        (before_present * logged - present * before_logged) * 100
        >= t.attendance_drop_points * logged * before_logged
    )
    if not (low or drop):
        return
    rate = round(present * 100 / logged)
    start = as_of - timedelta(days=t.attendance_days - 1)
    facts: dict[str, Fact] = dict(
        rate=rate, present=present, logged=logged, start=start.isoformat(), end=as_of.isoformat()
    )
    now = ngettext(
        "{rate} % over the last {days} ({present} of {logged} logged day present, "
        "{start} to {end})",
        "{rate} % over the last {days} ({present} of {logged} logged days present, "
        "{start} to {end})",
        logged,
    ).format(
        rate=rate,
        days=_ago(t.attendance_days),
        present=present,
        logged=logged,
        start=show_date(start),
        end=show_date(as_of),
    )
    parts = [_("Attendance {now}").format(now=now)]
    if low:
        parts.append(_("below {limit} %").format(limit=t.attendance_below))
    if drop:
        before = round(before_present * 100 / before_logged)
        points = round((before_present / before_logged - present / logged) * 100)
        parts.append(
            _(
                "down {points} points from {before} % the {days} days before "
                "({present} of {logged})"
            ).format(
                points=points,
                before=before,
                days=t.attendance_days,
                present=before_present,
                logged=before_logged,
            )
        )
        facts.update(
            rate_before=before,
            present_before=before_present,
            logged_before=before_logged,
            drop_points=points,
        )
    weight = (
        _w_ATTENDANCE_BOTH if low and drop else _w_ATTENDANCE_LOW if low else _w_ATTENDANCE_DROP
    )
    f.add(SignalKind.ATTENDANCE, weight, "; ".join(parts), below=low, **facts)


def _no_notice(f: _Facts, t: ReviewThresholds) -> None:
    if not f.no_notice:
        return
    days = ", ".join(show_date(d) for d in f.no_notice)
    if len(f.no_notice) == 1:
        text = _("Absent without notice on {day}").format(day=days)
    else:
        text = _("Absent without notice {n} times in the last {window} days: {days}").format(
            n=len(f.no_notice), window=t.no_notice_days, days=days
        )
    f.add(
        SignalKind.NO_NOTICE_ABSENCE,
        _w_NO_NOTICE + (1 if len(f.no_notice) > 1 else 0),
        text,
        days=[d.isoformat() for d in f.no_notice],
    )


def _course_ending(f: _Facts, as_of: date, t: ReviewThresholds) -> None:
    if f.course_end is None or f.course_end_recorded is not None:
        return  # no course, or its end is decided
    left = (f.course_end - as_of).days
    if left > t.course_ending_days:
        return
    end = show_date(f.course_end)
    if left < 0:
        text = _(
            "The course's planned end {end} passed {days} ago with no extension or end recorded"
        ).format(end=end, days=_ago(-left))
        weight = _w_COURSE_END_PASSED
    else:
        when = _("today") if left == 0 else _("in {days}").format(days=_ago(left))
        text = _("Course ends {when} ({end}) with no extension or end decided").format(
            when=when, end=end
        )
        weight = _w_COURSE_ENDING_SOON if left <= 7 else _w_COURSE_ENDING
    f.add(
        SignalKind.COURSE_ENDING, weight, text, course_end=f.course_end.isoformat(), days_left=left
    )


def _aftercare(f: _Facts, as_of: date, t: ReviewThresholds) -> None:
    events = []
    if f.job_placement:
        kind, start, workplace = f.job_placement
        events.append(
            (
                start,
                _("{kind} at {workplace} started {start}").format(
                    kind=PlacementKind(kind).label.lower(),
                    workplace=workplace,
                    start=show_date(start),
                ),
                kind,
            )
        )
    if f.job_course:
        outcome, end = f.job_course
        events.append(
            (
                end,
                _("course ended {end}: {outcome}").format(
                    end=show_date(end), outcome=CourseOutcome(outcome).label.lower()
                ),
                outcome,
            )
        )
    if not events:
        return
    started, what, kind = max(events, key=lambda e: e[0])  # the latest job-like start
    due = started + timedelta(days=t.aftercare_days)
    first = due - timedelta(days=t.aftercare_window_days)
    if not first <= as_of <= due + timedelta(days=t.aftercare_window_days):
        return
    if f.last_held is not None and f.last_held.date() >= first:
        return  # the aftercare follow-up was held
    booked = (
        _("; next meeting booked {day}").format(day=show_date(f.next_booked))
        if f.next_booked
        else _("; no meeting booked")
    )
    text = _("Aftercare due {due}, {days} after the job started ({what}){booked}").format(
        due=show_date(due), days=_ago(t.aftercare_days), what=what, booked=booked
    )
    f.add(
        SignalKind.AFTERCARE_DUE,
        _w_AFTERCARE,
        text,
        due=due.isoformat(),
        job_started=started.isoformat(),
        job=kind,
        next_booked=_iso(f.next_booked),
    )


def _no_next_meeting(f: _Facts) -> None:
    if f.course_start is None or f.next_booked is not None:
        return
    last = f.last_held.date() if f.last_held else None
    tail = _("last held {day}").format(day=show_date(last)) if last else _("no meeting held yet")
    f.add(
        SignalKind.NO_NEXT_MEETING,
        _w_NO_NEXT_MEETING,
        _("No next meeting booked ({tail})").format(tail=tail),
        last_held=_iso(last),
    )


def _sub_goal(f: _Facts, row: tuple, as_of: date, t: ReviewThresholds) -> None:
    _cid, _gid, title, target, created, last_scored = row
    target, created, last_scored = _d(target), _d(created), _d(last_scored)
    past = target is not None and target < as_of
    since = last_scored or created
    unscored_days = (as_of - since).days
    unscored = unscored_days >= t.sub_goal_unscored_days
    if not (past or unscored):
        return
    parts = []
    if past:
        parts.append(
            _("past its target date {target} ({days} ago)").format(
                target=show_date(target), days=_ago((as_of - target).days)
            )
        )
    if unscored:
        if last_scored:
            parts.append(
                _("not scored for {days} (last {day})").format(
                    days=_ago(unscored_days), day=show_date(last_scored)
                )
            )
        else:
            parts.append(
                _("never scored (set {day}, {days} ago)").format(
                    day=show_date(created), days=_ago(unscored_days)
                )
            )
    text = _('Sub-goal "{title}": {facts}').format(title=title, facts="; ".join(parts))
    f.add(
        SignalKind.SUB_GOAL,
        _w_SUB_GOAL_BOTH if past and unscored else _w_SUB_GOAL,
        text,
        sub_goal_id=_gid,
        title=title,
        target_date=_iso(target),
        last_scored=_iso(last_scored),
        days_unscored=unscored_days if unscored else None,
    )


def _action_items(f: _Facts, rows: list[tuple], as_of: date) -> None:
    if not rows:
        return
    listed = [
        _('"{what}" ({owner}, due {due}, {days} ago)').format(
            what=what, owner=owner, due=show_date(_d(due)), days=_ago((as_of - _d(due)).days)
        )
        for _cid, what, owner, due in rows[:3]
    ]
    more = _(", and {n} more").format(n=len(rows) - 3) if len(rows) > 3 else ""
    text = ngettext(
        "{n} action item overdue: {items}", "{n} action items overdue: {items}", len(rows)
    ).format(n=len(rows), items=", ".join(listed) + more)
    oldest = min(_d(r[3]) for r in rows)
    weight = _w_ACTIONS_LONG if (as_of - oldest).days > 14 else _w_ACTIONS
    f.add(
        SignalKind.ACTION_ITEMS_OVERDUE,
        weight,
        text,
        count=len(rows),
        oldest_due=oldest.isoformat(),
    )


def _transition(f: _Facts, row: tuple, as_of: date, t: ReviewThresholds) -> None:
    _cid, kind, workplace, start, end, next_start = row
    start, end, next_start = _d(start), _d(end), _d(next_start)
    what = _("{kind} at {workplace}").format(kind=PlacementKind(kind).label, workplace=workplace)
    horizon = as_of + timedelta(days=t.placement_transition_days)

    def when(day: date) -> str:
        days = (day - as_of).days
        return _("today") if days == 0 else _("in {days}").format(days=_ago(days))

    if as_of <= start <= horizon:
        days = (start - as_of).days
        f.add(
            SignalKind.PLACEMENT_TRANSITION,
            _w_TRANSITION_SOON if days <= 7 else _w_TRANSITION,
            _("Placement starts {when}: {what}, from {day}").format(
                when=when(start), what=what, day=show_date(start)
            ),
            change="start",
            day=start.isoformat(),
            days=days,
            workplace=workplace,
        )
    if end is not None and as_of <= end <= horizon:
        days = (end - as_of).days
        after = (
            _("next placement from {day}").format(day=show_date(next_start))
            if next_start
            else _("no next placement recorded")
        )
        f.add(
            SignalKind.PLACEMENT_TRANSITION,
            _w_TRANSITION_SOON if days <= 7 else _w_TRANSITION,
            _("Placement ends {when}: {what}, last day {day}; {after}").format(
                when=when(end), what=what, day=show_date(end), after=after
            ),
            change="end",
            day=end.isoformat(),
            days=days,
            workplace=workplace,
            next_start=_iso(next_start),
        )


def _hours_step(f: _Facts, row: tuple, as_of: date) -> None:
    _cid, workplace, from_date, hours, schedule, follow_up = row
    from_date, follow_up = _d(from_date), _d(follow_up)
    if follow_up is not None and follow_up > from_date:
        return  # followed up since the step began
    days = (as_of - from_date).days
    hours_text = _("{hours} hours a week").format(hours=show_hours(hours)) + (
        f" ({schedule})" if schedule else ""
    )
    last = (
        _("last three-party follow-up {day}").format(day=show_date(follow_up))
        if follow_up
        else _("no three-party follow-up yet")
    )
    text = _("{hours} at {workplace} since {day} ({days}) with no follow-up since; {last}").format(
        hours=hours_text, workplace=workplace, day=show_date(from_date), days=_ago(days), last=last
    )
    f.add(
        SignalKind.HOURS_STEP,
        _w_HOURS_STEP,
        text,
        hours_per_week=hours,
        from_date=from_date.isoformat(),
        days=days,
        last_follow_up=_iso(follow_up),
    )


# --- all of it ------------------------------------------------------------------------


@dataclass
class CitizenSignals:
    citizen_id: int
    name: str
    on_course: bool  # False: only aftercare applies (no course running on as_of)
    signals: list[Signal]


def citizen_signals(
    as_of: date, mentor_id: int | None, t: ReviewThresholds
) -> list[CitizenSignals]:
    """Every signal of every citizen in scope (not archived on ``as_of``, of the mentor).

    Citizens without a course running on ``as_of`` get only the aftercare
    signal; citizens without any signal are included (with none).
    """
    params = _params(as_of, t, mentor_id)
    facts = {row[0]: _Facts.of(row) for row in _fetch(_CITIZENS, params, mentor_id)}
    for f in facts.values():
        _passive_period(f, as_of)
        _missed_meetings(f, t)
        _attendance(f, as_of, t)
        _no_notice(f, t)
        _course_ending(f, as_of, t)
        _no_next_meeting(f)
        _aftercare(f, as_of, t)
    for row in _fetch(_SUB_GOALS, params, mentor_id):
        _sub_goal(facts[row[0]], row, as_of, t)
    items: dict[int, list[tuple]] = defaultdict(list)
    for row in _fetch(_ACTION_ITEMS, params, mentor_id):
        items[row[0]].append(row)
    for cid, rows in items.items():
        _action_items(facts[cid], rows, as_of)
    for row in _fetch(_TRANSITIONS, params, mentor_id):
        _transition(facts[row[0]], row, as_of, t)
    for row in _fetch(_HOURS_STEPS, params, mentor_id):
        _hours_step(facts[row[0]], row, as_of)
    out = []
    for f in facts.values():
        on_course = f.course_id is not None
        signals = (
            f.signals if on_course else [s for s in f.signals if s.kind is SignalKind.AFTERCARE_DUE]
        )
        out.append(CitizenSignals(f.citizen_id, f.name, on_course, signals))
    return out


def week_decisions(as_of: date, mentor_id: int | None) -> dict[int, tuple[str, datetime | None]]:
    """{citizen id: (decision, reviewed_at)} recorded for ``as_of``'s ISO week."""
    params = {"as_of": as_of.isoformat(), "week": iso_week_of(as_of), "mentor": mentor_id}
    return {row[0]: (row[1], _dt(row[2])) for row in _fetch(_NOTES, params, mentor_id)}
