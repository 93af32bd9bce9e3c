"""The review's course rules: the course ending, sub-goals, overdue action items.

Pure functions from a citizen's facts to a signal, or None when it does not apply.
"""

from __future__ import annotations

from datetime import date

from ...format import show_date
from ...i18n import _, ngettext
from ...settings import ReviewThresholds
from .facts import CitizenFacts, OverdueItem, SubGoalFacts
from .signal import (
    W_ACTIONS,
    W_ACTIONS_LONG,
    W_COURSE_END_PASSED,
    W_COURSE_ENDING,
    W_COURSE_ENDING_SOON,
    W_SUB_GOAL,
    W_SUB_GOAL_BOTH,
    Signal,
    SignalKind,
    ago,
    iso,
    signal,
)


def course_ending(f: CitizenFacts, as_of: date, t: ReviewThresholds) -> Signal | None:
    """The planned end is near or passed, with no extension or end decided."""
    if f.course_end is None or f.course_end_recorded is not None:
        return None  # no course, or its end is decided
    left = (f.course_end - as_of).days
    if left > t.course_ending_days:
        return None
    end = show_date(f.course_end)
    if left < 0:
        text = _(
            "The course's planned end {end} passed {days} ago with no extension or end recorded"
        ).format(end=end, days=ago(-left))
        weight = W_COURSE_END_PASSED
    else:
        when = _("today") if left == 0 else _("in {days}").format(days=ago(left))
        text = _("Course ends {when} ({end}) with no extension or end decided").format(
            when=when, end=end
        )
        weight = W_COURSE_ENDING_SOON if left <= 7 else W_COURSE_ENDING
    return signal(
        SignalKind.COURSE_ENDING, weight, text, course_end=f.course_end.isoformat(), days_left=left
    )


def sub_goal(g: SubGoalFacts, as_of: date, t: ReviewThresholds) -> Signal | None:
    """An active sub-goal past its target date, or not scored for too long."""
    target, created, last_scored = g.target_date, g.created_on, g.last_scored
    past = target is not None and target < as_of
    since = last_scored or created
    unscored_days = (as_of - since).days
    unscored = unscored_days >= t.sub_goal_unscored_days
    if not (past or unscored):
        return None
    parts = []
    if past:
        parts.append(
            _("past its target date {target} ({days} ago)").format(
                target=show_date(target), days=ago((as_of - target).days)
            )
        )
    if unscored:
        if last_scored:
            parts.append(
                _("not scored for {days} (last {day})").format(
                    days=ago(unscored_days), day=show_date(last_scored)
                )
            )
        else:
            parts.append(
                _("never scored (set {day}, {days} ago)").format(
                    day=show_date(created), days=ago(unscored_days)
                )
            )
    text = _('Sub-goal "{title}": {facts}').format(title=g.title, facts="; ".join(parts))
    return signal(
        SignalKind.SUB_GOAL,
        W_SUB_GOAL_BOTH if past and unscored else W_SUB_GOAL,
        text,
        sub_goal_id=g.sub_goal_id,
        title=g.title,
        target_date=iso(target),
        last_scored=iso(last_scored),
        days_unscored=unscored_days if unscored else None,
    )


def action_items_overdue(items: list[OverdueItem], as_of: date) -> Signal | None:
    """Open action items past their due date (soonest due first); the first three named."""
    items = [i for i in items if i.due_date < as_of]
    if not items:
        return None
    listed = [
        (
            _('"{what}" (due {due}, {days} ago)')
            if i.kind == "follow_up"
            else _('"{what}" ({owner}, due {due}, {days} ago)')
        ).format(
            what=i.what,
            owner=i.owner,
            due=show_date(i.due_date),
            days=ago((as_of - i.due_date).days),
        )
        for i in items[:3]
    ]
    more = _(", and {n} more").format(n=len(items) - 3) if len(items) > 3 else ""
    text = ngettext(
        "{n} action item overdue: {items}", "{n} action items overdue: {items}", len(items)
    ).format(n=len(items), items=", ".join(listed) + more)
    oldest = min(i.due_date for i in items)
    weight = W_ACTIONS_LONG if (as_of - oldest).days > 14 else W_ACTIONS
    return signal(
        SignalKind.ACTION_ITEMS_OVERDUE,
        weight,
        text,
        count=len(items),
        oldest_due=oldest.isoformat(),
    )
