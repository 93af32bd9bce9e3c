"""The review's placement rules: a placement starting or ending soon, a long hours step.

Pure functions from a placement's facts to signals.
"""

from __future__ import annotations

from datetime import date, timedelta

from ...enums import PlacementKind
from ...format import show_date, show_hours
from ...i18n import _
from ...settings import ReviewThresholds
from .facts import HoursStepFacts, PlacementChange
from .signal import (
    W_HOURS_STEP,
    W_TRANSITION,
    W_TRANSITION_SOON,
    Signal,
    SignalKind,
    ago,
    iso,
    signal,
)


def placement_transition(p: PlacementChange, as_of: date, t: ReviewThresholds) -> list[Signal]:
    """A start and/or an end within the transition window (both: two signals)."""
    what = _("{kind} at {workplace}").format(
        kind=PlacementKind(p.kind).label, workplace=p.workplace
    )
    horizon = as_of + timedelta(days=t.placement_transition_days)

    def when(day: date) -> str:
        days = (day - as_of).days
        return _("today") if days == 0 else _("in {days}").format(days=ago(days))

    out = []
    if as_of <= p.start <= horizon:
        days = (p.start - as_of).days
        out.append(
            signal(
                SignalKind.PLACEMENT_TRANSITION,
                W_TRANSITION_SOON if days <= 7 else W_TRANSITION,
                _("Placement starts {when}: {what}, from {day}").format(
                    when=when(p.start), what=what, day=show_date(p.start)
                ),
                change="start",
                day=p.start.isoformat(),
                days=days,
                workplace=p.workplace,
            )
        )
    if p.end is not None and as_of <= p.end <= horizon:
        days = (p.end - as_of).days
        if p.next_start is None:
            after = _("no next placement recorded")
        elif p.next_start <= as_of:  # already running: not one to come
            after = _("the next placement already started {day}").format(
                day=show_date(p.next_start)
            )
        else:
            after = _("next placement from {day}").format(day=show_date(p.next_start))
        out.append(
            signal(
                SignalKind.PLACEMENT_TRANSITION,
                W_TRANSITION_SOON if days <= 7 else W_TRANSITION,
                _("Placement ends {when}: {what}, last day {day}; {after}").format(
                    when=when(p.end), what=what, day=show_date(p.end), after=after
                ),
                change="end",
                day=p.end.isoformat(),
                days=days,
                workplace=p.workplace,
                next_start=iso(p.next_start),
            )
        )
    return out


def hours_step(h: HoursStepFacts, as_of: date, t: ReviewThresholds) -> Signal | None:
    """An hours step in force for the threshold's days or more, with no follow-up since.

    At the provider's own training ground the mentor follows up every day the
    citizen is there: any held meeting with the citizen after the step began
    counts. Elsewhere a held three-party meeting or workplace follow-up does.
    """
    from_date = h.from_date
    days = (as_of - from_date).days
    if days < t.hours_step_days:
        return None
    own_ground = h.kind == PlacementKind.TRAINING_GROUND.value
    follow_up = h.last_met if own_ground else h.last_follow_up
    if follow_up is not None and follow_up > from_date:
        return None  # followed up since the step began
    hours_text = _("{hours} hours a week").format(hours=show_hours(h.hours_per_week)) + (
        f" ({h.schedule})" if h.schedule else ""
    )
    if own_ground:
        last = (
            _("last meeting with the citizen {day}").format(day=show_date(follow_up))
            if follow_up
            else _("no meeting with the citizen yet")
        )
    else:
        last = (
            _("last three-party or workplace follow-up {day}").format(day=show_date(follow_up))
            if follow_up
            else _("no three-party or workplace follow-up yet")
        )
    text = _("{hours} at {workplace} since {day} ({days}) with no follow-up since; {last}").format(
        hours=hours_text, workplace=h.workplace, day=show_date(from_date), days=ago(days), last=last
    )
    return signal(
        SignalKind.HOURS_STEP,
        W_HOURS_STEP,
        text,
        hours_per_week=h.hours_per_week,
        from_date=from_date.isoformat(),
        days=days,
        last_follow_up=iso(follow_up),
        training_ground=own_ground,
    )
