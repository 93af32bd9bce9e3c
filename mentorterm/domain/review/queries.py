"""The review's queries: the SQL that gathers every citizen's facts, a handful of statements.

A handful of statements for the whole caseload, never one per citizen: one
with correlated subqueries per citizen (index seeks on (citizen, date), as
``caseload.py`` does) for the scalar facts, and one each for the sub-goals,
the overdue action items, the placements in transition, the hours steps and
the week's decisions (bench/review.py).

As of ``as_of``, as far as the records' dates allow: meetings after ``as_of``
are not yet held (a planned, held or no-show one on or after it counts as
booked), scores, logbook days and extensions after it do not exist yet, an
action item done after it is still open, one agreed at a later meeting (or
created later) does not exist yet, a course or sub-goal whose end or status
was recorded with a later date was still running, and a citizen archived
after it is still there. What cannot be dated (a meeting's status changed
later, a placement's end moved) is taken as it is now.

Portable SQL where it can be (CASE sums, ``||``, ``LIMIT``): what is
SQLite's own is named in ``DIALECT`` (the string aggregate; PostgreSQL
says ``string_agg``) and the ``:name`` parameters, which a driver for
another engine rewrites. Dates are compared as ISO text.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from ...enums import CourseOutcome, MeetingStatus, PlacementKind
from ...fields import to_micros
from ...settings import ReviewThresholds
from .signal import iso_week_of

# Cancelled counts only when the citizen cancelled (the statement checks cancelled_by).
_MISSED = (MeetingStatus.CANCELLED.value, MeetingStatus.NO_SHOW.value)
_AFTERCARE_OUTCOMES = tuple(o.value for o in CourseOutcome if o.starts_aftercare)
_JOB_PLACEMENTS = (PlacementKind.ORDINARY_JOB.value, PlacementKind.FLEXJOB.value)

# What differs between engines, in one place (SQLite 3.40 has no string_agg).
DIALECT = {"string_agg": "group_concat"}

_IN_SCOPE = "(c.archived_on IS NULL OR c.archived_on > :as_of) {mentor}"

CITIZENS = (
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
       -- the cancellations and no-shows since the last held meeting
       (SELECT {string_agg}(m2.status || '@' || m2.starts_at, '|') FROM meeting m2
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
  AND g.created_at < :created_before
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
  AND a.created_at < :created_before
  AND (a.meeting_id IS NULL OR m.starts_at < :tomorrow)
ORDER BY a.citizen_id, a.due_date, a.id
"""
)

TRANSITIONS = (
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

HOURS_STEPS = (
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
        # Stamps are integer microseconds (schema 6): made before the next day began.
        "created_before": to_micros(datetime.combine(as_of + day, datetime.min.time())),
        "recent_start": recent_start.isoformat(),
        "before_start": (recent_start - t.attendance_days * day).isoformat(),
        "no_notice_start": (as_of - (t.no_notice_days - 1) * day).isoformat(),
        "transition_end": (as_of + t.placement_transition_days * day).isoformat(),
        "step_before": (as_of - t.hours_step_days * day).isoformat(),
        "week": iso_week_of(as_of),
        "mentor": mentor_id,
    }


def sql(template: str, mentor_id: int | None) -> str:
    return template.format(
        mentor="AND c.mentor_id = :mentor" if mentor_id is not None else "",
        aftercare=_quoted(_AFTERCARE_OUTCOMES),
        missed=_quoted(_MISSED),
        jobs=_quoted(_JOB_PLACEMENTS),
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
        for t in (CITIZENS, SUB_GOALS, ACTION_ITEMS, TRANSITIONS, HOURS_STEPS, NOTES)
    ]
