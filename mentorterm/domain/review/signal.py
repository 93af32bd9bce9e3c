"""The weekly review's signal: one reason to talk about a citizen, its kind and weight."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from ...i18n import N_, _, ngettext
from ..views import View

# Weights (urgency points) of each kind of signal; some rise with severity.
# Missed meetings and absence without notice weigh most, an hours step least.
W_MISSED = 5  # + 1 per missed meeting beyond the threshold, at most 8
W_NO_NOTICE = 4  # 5 with two or more
W_ATTENDANCE_LOW, W_ATTENDANCE_DROP, W_ATTENDANCE_BOTH = 4, 3, 5
W_PASSIVE, W_PASSIVE_LONG = 3, 5  # long: more than twice the cadence
W_COURSE_ENDING, W_COURSE_ENDING_SOON, W_COURSE_END_PASSED = 3, 4, 5  # soon: within 7 days
W_TRANSITION, W_TRANSITION_SOON = 2, 3
W_AFTERCARE = 3
W_PARTIAL = 3  # hours worked well below the hours planned
W_ACTIONS, W_ACTIONS_LONG = 2, 3  # long: one overdue more than 14 days
W_NO_NEXT_MEETING = 2
W_SUB_GOAL, W_SUB_GOAL_BOTH = 1, 2  # both: past its target and unscored
W_HOURS_STEP = 1
W_HANDED_OVER = 2  # the new mentor's first weeks (issue 18)


class SignalKind(StrEnum):
    """The reasons a citizen comes up in the weekly review (issues 7, 17 and 18)."""

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
    PARTIAL_ATTENDANCE = "partial_attendance"  # hours worked below the hours planned
    HANDED_OVER = "handed_over"  # the first weeks after a handover (issue 18)

    @property
    def label(self) -> str:
        labels = {
            "passive_period": N_("Passive period"),
            "missed_meetings": N_("Missed meetings"),
            "attendance": N_("Attendance"),
            "no_notice_absence": N_("Absent without notice"),
            "sub_goal": N_("Sub-goal"),
            "action_items_overdue": N_("Action items overdue"),
            "course_ending": N_("Course ending"),
            "placement_transition": N_("Placement transition"),
            "hours_step": N_("Hours step"),
            "aftercare_due": N_("Aftercare due"),
            "no_next_meeting": N_("No next meeting"),
            "partial_attendance": N_("Partial attendance"),
            "handed_over": N_("Handed over"),
        }
        return _(labels[self.value])


Fact = bool | int | float | str | list[str] | None


class Signal(View):
    """One reason to talk about a citizen, with the facts behind it.

    ``facts`` holds the same facts as ``text`` for machines (dates as ISO text).
    """

    kind: SignalKind
    weight: int  # urgency points, 1 (least) to 8
    text: str
    facts: dict[str, Fact] = {}


def signal(kind: SignalKind, weight: int, text: str, **facts: Fact) -> Signal:
    """A signal; the keyword arguments are its facts."""
    return Signal(kind=kind, weight=weight, text=text, facts=facts)


def iso_week_of(day: date) -> str:
    """The ISO week a day falls in, as stored: ``2026-W47``."""
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


def ago(days: int) -> str:
    """ "3 days", as the signals' texts count them."""
    return ngettext("{n} day", "{n} days", days).format(n=days)


def iso(value: date | datetime | None) -> str | None:
    """A day as ISO text for a signal's facts (a moment's day), or None."""
    if value is None:
        return None
    return (value.date() if isinstance(value, datetime) else value).isoformat()
