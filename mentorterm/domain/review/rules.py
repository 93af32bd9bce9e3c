"""The review's rules, applied to one citizen's case: facts in, signals out.

No database here: ``gather.py`` reads the facts, this module only decides.
Signals come in a fixed order (the citizen's own rules, then per sub-goal,
action items, placements, hours steps); the queue sorts them by weight.
"""

from __future__ import annotations

from datetime import date

from ...settings import ReviewThresholds
from .facts import CitizenCase
from .rules_aftercare import aftercare_due
from .rules_attendance import attendance, no_notice_absence, partial_attendance
from .rules_course import action_items_overdue, course_ending, sub_goal
from .rules_handover import handed_over
from .rules_meetings import missed_meetings, no_next_meeting, passive_period
from .rules_placement import hours_step, placement_transition
from .rules_sessions import attendance_with_sessions, no_notice_with_sessions
from .signal import Signal

__all__ = [
    "action_items_overdue",
    "aftercare_due",
    "attendance",
    "case_signals",
    "course_ending",
    "handed_over",
    "hours_step",
    "missed_meetings",
    "no_next_meeting",
    "no_notice_absence",
    "partial_attendance",
    "passive_period",
    "placement_transition",
    "sub_goal",
]


def case_signals(case: CitizenCase, as_of: date, t: ReviewThresholds) -> list[Signal]:
    """Every signal of one citizen's case on ``as_of``.

    A citizen with no course running on ``as_of`` gets only the aftercare and
    the handover signals.
    """
    f = case.citizen
    handover = handed_over(case.handover, as_of, t)
    if f.course_id is None:
        found = aftercare_due(f, as_of, t)
        return [s for s in (found, handover) if s is not None]
    found = [
        passive_period(f, as_of),
        missed_meetings(f, t),
        attendance_with_sessions(f, as_of, t),  # the logbook's, group sessions apart
        partial_attendance(f, as_of, t),
        no_notice_with_sessions(f, t),
        course_ending(f, as_of, t),
        no_next_meeting(f),
        aftercare_due(f, as_of, t),
    ]
    found += [sub_goal(g, as_of, t) for g in case.sub_goals]
    found.append(action_items_overdue(case.overdue, as_of))
    for change in case.transitions:
        found += placement_transition(change, as_of, t)
    found += [hours_step(h, as_of, t) for h in case.hours_steps]
    found.append(handover)
    return [s for s in found if s is not None]
