"""The review's handover rule (issue 18): the new mentor's first weeks.

Transitions between professionals are where citizens fall off (DOMAIN.md):
for ``handover_weeks`` after a handover the citizen comes up in the review,
naming the day and the mentor who had them. A pure function on facts.
"""

from __future__ import annotations

from datetime import date

from ...format import show_date
from ...i18n import _
from ...settings import ReviewThresholds
from .facts import HandoverFacts
from .signal import W_HANDED_OVER, Signal, SignalKind, ago, signal


def handed_over(h: HandoverFacts | None, as_of: date, t: ReviewThresholds) -> Signal | None:
    """A handover on or before ``as_of`` and fewer than the threshold's weeks ago."""
    if h is None:
        return None
    days = (as_of - h.day).days
    if days < 0 or days >= t.handover_weeks * 7:
        return None
    return signal(
        SignalKind.HANDED_OVER,
        W_HANDED_OVER,
        _("Handed over on {day} from {old} ({ago}) — new mentor {new}: first weeks").format(
            day=show_date(h.day),
            old=h.from_name,
            ago=_("today") if days == 0 else _("{days} ago").format(days=ago(days)),
            new=h.to_name,
        ),
        day=h.day.isoformat(),
        days=days,
        from_mentor=h.from_name,
        to_mentor=h.to_name,
    )
