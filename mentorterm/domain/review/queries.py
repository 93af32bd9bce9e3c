"""The review's queries: the SQL that gathers every citizen's facts, a handful of statements.

A handful of statements for the whole caseload, never one per citizen: one
with correlated subqueries per citizen (index seeks on (citizen, date), as
``caseload.py`` does) for the scalar facts, and one each for the sub-goals,
the overdue action items, the placements in transition, the hours steps and
the week's decisions (bench/review.py).

As of ``as_of``, only what was known on ``as_of`` (schema 7 dates it):
meetings after ``as_of`` are not yet held (a planned, held or no-show one on
or after it counts as booked), and a meeting stands at the status it had on
``as_of`` (its status history); scores, logbook
days and extensions after it do not exist yet, an action item done after it
is still open, one agreed at a later meeting (or set on a later day, its
``created_on``) does not exist yet, nor does a later sub-goal; a course or
placement whose end was decided after ``as_of`` (``end_decided_on``) was
still running with no end decided, a sub-goal whose status was recorded with
a later date was still active, and a citizen archived after it is still
there. A meeting stands at the status its history (schema 8,
``meeting_status_change``) gives it on ``as_of``, and one booked after
``as_of`` (``booked_on``) is no "next meeting booked". What the schema cannot
date (a placement's start corrected) is taken as it is now.

Portable SQL where it can be (CASE sums, ``||``, ``LIMIT``): what is
SQLite's own is named in ``DIALECT`` (the string aggregate; PostgreSQL
says ``string_agg``) and the ``:name`` parameters, which a driver for
another engine rewrites. Dates are compared as ISO text.
"""

from __future__ import annotations

from datetime import date, timedelta

from ...enums import CourseOutcome, MeetingStatus, PlacementKind
from ...settings import ReviewThresholds
from .signal import iso_week_of

# Cancelled counts only when the citizen cancelled (the statement checks cancelled_by).
_MISSED = (MeetingStatus.CANCELLED.value, MeetingStatus.NO_SHOW.value)
_AFTERCARE_OUTCOMES = tuple(o.value for o in CourseOutcome if o.starts_aftercare)
# The placements that are a first day of work (aftercare follows them).
_JOB_PLACEMENTS = tuple(k.value for k in PlacementKind if k.is_work)

# A meeting's status as it stood on :as_of (schema 8: its dated history). A meeting
# whose last change (status_changed_on) is on or before as_of stands as it is now;
# else the ``to`` of its last change by as_of, else the ``from`` of the first after.
STATUS = """(CASE WHEN {m}.status_changed_on IS NULL OR {m}.status_changed_on <= :as_of
  THEN {m}.status ELSE COALESCE(
  (SELECT s.status_to FROM meeting_status_change s WHERE s.meeting_id = {m}.id
      AND s.changed_on <= :as_of ORDER BY s.changed_on DESC, s.id DESC LIMIT 1),
  (SELECT s.status_from FROM meeting_status_change s WHERE s.meeting_id = {m}.id
      AND s.changed_on > :as_of ORDER BY s.changed_on, s.id LIMIT 1),
  {m}.status) END)"""
# Booked by as_of: a meeting recorded later was not yet booked (NULL: unknown, always known).
BOOKED = "({m}.booked_on IS NULL OR {m}.booked_on <= :as_of)"
# A course's or placement's end as it was known on :as_of (decided by then), else NULL.
KNOWN_END = "(CASE WHEN COALESCE({t}.end_decided_on, {t}.end_date) <= :as_of THEN {t}.end_date END)"
# Held with the citizen: a workplace follow-up is with the supervisor alone.
_WITH_CITIZEN = "{m}.kind != 'workplace_follow_up'"

# What differs between engines, in one place (SQLite 3.40 has no string_agg).
DIALECT = {"string_agg": "group_concat"}

_IN_SCOPE = "(c.archived_on IS NULL OR c.archived_on > :as_of) {mentor}"

CITIZENS = (
    """
SELECT c.id, c.name,
       co.id, co.start_date, co.planned_end, COALESCE(co.meeting_cadence_days, 14),
       {known_co},
       (SELECT max(x.new_end) FROM course_extension x
         WHERE x.course_id = co.id AND x.decided_on <= :as_of),
       (SELECT max(m.starts_at) FROM meeting m
         WHERE m.citizen_id = c.id AND {status_m} = 'held' AND m.starts_at < :tomorrow),
       (SELECT min(m.starts_at) FROM meeting m
         WHERE m.citizen_id = c.id AND {status_m} IN ('planned', 'held', 'no_show')
           AND m.starts_at >= :as_of AND {booked_m}),
       -- recent logged, recent present, before logged, before present: one range scan
       (SELECT CAST(sum(CASE WHEN l.entry_date >= :recent_start THEN 1 ELSE 0 END) AS TEXT)
               || ' ' || CAST(sum(CASE WHEN l.entry_date >= :recent_start
                                        AND l.attendance = 'present' THEN 1 ELSE 0 END) AS TEXT)
               || ' ' || CAST(sum(CASE WHEN l.entry_date < :recent_start
                                       THEN 1 ELSE 0 END) AS TEXT)
               || ' ' || CAST(sum(CASE WHEN l.entry_date < :recent_start
                                        AND l.attendance = 'present' THEN 1 ELSE 0 END) AS TEXT)
          FROM logbook_entry l
         WHERE l.citizen_id = c.id AND l.entry_date >= :before_start
           AND l.entry_date <= :as_of),
       (SELECT {string_agg}(l.entry_date, ' ') FROM logbook_entry l
         WHERE l.citizen_id = c.id AND l.entry_date >= :no_notice_start
           AND l.entry_date <= :as_of AND l.attendance = 'absent_without_notice'),
       -- the cancellations and no-shows since the last held meeting (gather splits
       -- them at the current course's start)
       (SELECT {string_agg}({status_m2} || '@' || m2.starts_at, '|') FROM meeting m2
         WHERE m2.citizen_id = c.id AND {status_m2} IN ({missed})
           AND ({status_m2} != 'cancelled' OR m2.cancelled_by IS NULL
                OR m2.cancelled_by = 'citizen')
           AND m2.starts_at < :tomorrow
           AND m2.starts_at > COALESCE((SELECT max(m.starts_at) FROM meeting m
                WHERE m.citizen_id = c.id AND {status_m} = 'held'
                  AND m.starts_at < :tomorrow), '0001-01-01')),
       -- the latest course started by as_of: aftercare counts from its start
       (SELECT max(k.start_date) FROM course k
         WHERE k.citizen_id = c.id AND k.start_date <= :as_of),
       (SELECT k.outcome || '|' || k.end_date FROM course k
         WHERE k.citizen_id = c.id AND {known_k} <= :as_of AND k.outcome IN ({aftercare})
         ORDER BY k.end_date DESC LIMIT 1),
       (SELECT max(m.starts_at) FROM meeting m
         WHERE m.citizen_id = c.id AND {status_m} = 'held' AND m.starts_at < :tomorrow
           AND {with_citizen})
FROM citizen c
LEFT JOIN course co ON co.id = (
    SELECT c2.id FROM course c2
     WHERE c2.citizen_id = c.id AND c2.start_date <= :as_of
       AND ({known_c2} IS NULL OR {known_c2} > :as_of)
     ORDER BY c2.start_date DESC, c2.id DESC LIMIT 1)
WHERE """
    + _IN_SCOPE
)

# Every work placement (a first day of work) started by as_of, with its end as known.
JOBS = (
    """
SELECT p.citizen_id, p.kind, p.start_date, {known_p}, p.workplace
FROM citizen c JOIN placement p ON p.citizen_id = c.id
WHERE """
    + _IN_SCOPE
    + """
  AND p.kind IN ({jobs}) AND p.start_date <= :as_of
ORDER BY p.citizen_id, p.start_date, p.id
"""
)

# The present days of the recent window with hours planned: hours worked against them.
# CROSS JOIN keeps the citizen outside (SQLite does not reorder it): one index seek
# per citizen into (citizen, entry_date, attendance), never a scan of the logbook.
LOGBOOK_HOURS = (
    """
SELECT l.citizen_id, l.entry_date, l.hours_planned, l.hours_worked, l.left_early,
       l.left_early_reason
FROM citizen c CROSS JOIN logbook_entry l ON l.citizen_id = c.id
WHERE """
    + _IN_SCOPE
    + """
  AND l.entry_date >= :recent_start AND l.entry_date <= :as_of
  AND l.attendance = 'present' AND l.hours_planned > 0
ORDER BY l.citizen_id, l.entry_date
"""
)

SUB_GOALS = (
    """
SELECT g.citizen_id, g.id, g.title, g.target_date, g.created_at,
       (SELECT max(s.scored_on) FROM alliance_score s
         WHERE s.sub_goal_id = g.id AND s.scored_on <= :as_of)
FROM citizen c JOIN sub_goal g ON g.citizen_id = c.id
WHERE """
    + _IN_SCOPE
    + """
  AND (g.status = 'active' OR g.status_date > :as_of)
  AND g.created_on <= :as_of
ORDER BY g.citizen_id, g.priority, g.id
"""
)

ACTION_ITEMS = (
    """
SELECT a.citizen_id, a.what, a.owner, a.due_date
FROM citizen c JOIN action_item a ON a.citizen_id = c.id
LEFT JOIN meeting m ON m.id = a.meeting_id
WHERE """
    + _IN_SCOPE
    + """
  AND (a.done_on IS NULL OR a.done_on > :as_of)
  AND a.due_date < :as_of
  AND a.created_on <= :as_of
  AND (a.meeting_id IS NULL OR m.starts_at < :tomorrow)
ORDER BY a.citizen_id, a.due_date, a.id
"""
)

# The job search's follow-ups past their day, as known on :as_of (issue 20).
FOLLOW_UPS = (
    """
SELECT j.citizen_id, j.company, j.how, j.contacted_on, j.follow_up_on
FROM citizen c JOIN job_contact j ON j.citizen_id = c.id
WHERE """
    + _IN_SCOPE
    + """
  AND (j.followed_up_on IS NULL OR j.followed_up_on > :as_of)
  AND j.follow_up_on < :as_of
  AND j.contacted_on <= :as_of
ORDER BY j.citizen_id, j.follow_up_on, j.id
"""
)

TRANSITIONS = (
    """
SELECT p.citizen_id, p.kind, p.workplace, p.start_date, {known_p},
       (SELECT min(p2.start_date) FROM placement p2
         WHERE p2.citizen_id = p.citizen_id AND p2.id != p.id
           AND p2.start_date > p.start_date)
FROM citizen c JOIN placement p ON p.citizen_id = c.id
WHERE """
    + _IN_SCOPE
    + """
  AND ((p.start_date >= :as_of AND p.start_date <= :transition_end)
       OR ({known_p} >= :as_of AND {known_p} <= :transition_end))
ORDER BY p.citizen_id, p.start_date, p.id
"""
)

# The follow-ups after the step: any held meeting with the citizen, and the last
# held three-party meeting or workplace follow-up (rules_placement decides which counts).
HOURS_STEPS = (
    """
SELECT p.citizen_id, p.workplace, h.from_date, h.hours_per_week, h.schedule,
       (SELECT max(m.starts_at) FROM meeting m
         WHERE m.citizen_id = p.citizen_id AND {status_m} = 'held'
           AND m.kind IN ('three_party', 'workplace_follow_up') AND m.starts_at < :tomorrow),
       p.kind,
       (SELECT max(m.starts_at) FROM meeting m
         WHERE m.citizen_id = p.citizen_id AND {status_m} = 'held'
           AND {with_citizen} AND m.starts_at < :tomorrow)
FROM citizen c JOIN placement p ON p.citizen_id = c.id
JOIN hours_step h ON h.id = (
    SELECT h2.id FROM hours_step h2 WHERE h2.placement_id = p.id AND h2.from_date <= :as_of
     ORDER BY h2.from_date DESC LIMIT 1)
WHERE """
    + _IN_SCOPE
    + """
  AND p.start_date <= :as_of AND ({known_p} IS NULL OR {known_p} >= :as_of)
  AND h.from_date <= :step_before
ORDER BY p.citizen_id, p.start_date, p.id
"""
)

# The latest handover by as_of, within the handover weeks, with both mentors' names.
HANDOVERS = (
    """
SELECT c.id, h.handed_on, fm.name, tm.name
FROM citizen c JOIN handover h ON h.id = (
    SELECT h2.id FROM handover h2 WHERE h2.citizen_id = c.id AND h2.handed_on <= :as_of
     ORDER BY h2.handed_on DESC, h2.id DESC LIMIT 1)
LEFT JOIN mentor fm ON fm.id = h.from_mentor_id
LEFT JOIN mentor tm ON tm.id = h.to_mentor_id
WHERE """
    + _IN_SCOPE
    + """
  AND h.handed_on > :handover_after
"""
)

# Group sessions with the roll called (schema 10), from the window before the
# recent one up to as_of; the rule counts them apart from the logbook's days.
GROUP_SESSIONS = (
    """
SELECT c.id, s.starts_at, sp.attendance
FROM citizen c JOIN session_participant sp ON sp.citizen_id = c.id
JOIN group_session s ON s.id = sp.session_id
WHERE """
    + _IN_SCOPE
    + """
  AND sp.attendance IS NOT NULL AND NOT s.cancelled
  AND s.starts_at >= :before_start AND s.starts_at < :tomorrow
ORDER BY c.id, s.starts_at
"""
)

NOTES = (
    """
SELECT r.citizen_id, r.decision, r.reviewed_at
FROM citizen c JOIN review_note r ON r.citizen_id = c.id
WHERE r.iso_week = :week AND """
    + _IN_SCOPE
)


def params(as_of: date, t: ReviewThresholds, mentor_id: int | None) -> dict[str, object]:
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
        "handover_after": (as_of - 7 * t.handover_weeks * day).isoformat(),
        "week": iso_week_of(as_of),
        "mentor": mentor_id,
    }


def sql(template: str, mentor_id: int | None) -> str:
    return template.format(
        mentor="AND c.mentor_id = :mentor" if mentor_id is not None else "",
        aftercare=_quoted(_AFTERCARE_OUTCOMES),
        missed=_quoted(_MISSED),
        jobs=_quoted(_JOB_PLACEMENTS),
        status_m=STATUS.format(m="m"),
        status_m2=STATUS.format(m="m2"),
        booked_m=BOOKED.format(m="m"),
        with_citizen=_WITH_CITIZEN.format(m="m"),
        known_co=KNOWN_END.format(t="co"),
        known_c2=KNOWN_END.format(t="c2"),
        known_k=KNOWN_END.format(t="k"),
        known_p=KNOWN_END.format(t="p"),
        **DIALECT,
    )


def _quoted(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{v}'" for v in values)


def review_sql(
    as_of: date, mentor_id: int | None = None, thresholds: ReviewThresholds | None = None
) -> list[tuple[str, dict]]:
    """Every statement the queue runs, with its parameters (for query-plan checks)."""
    values = params(as_of, thresholds or ReviewThresholds(), mentor_id)
    return [
        (sql(t, mentor_id), values)
        for t in (
            CITIZENS,
            SUB_GOALS,
            ACTION_ITEMS,
            TRANSITIONS,
            HOURS_STEPS,
            JOBS,
            LOGBOOK_HOURS,
            HANDOVERS,
            GROUP_SESSIONS,
            NOTES,
        )
    ]
