"""The review's attendance rules: low or fallen attendance, partial attendance, absence
without notice.

Pure functions from a citizen's facts to a signal, or None when it does not apply.
"""

from __future__ import annotations

from datetime import date, timedelta

from ...format import show_date, show_hours
from ...i18n import _, ngettext
from ...settings import ReviewThresholds
from .facts import CitizenFacts
from .signal import (
    W_ATTENDANCE_BOTH,
    W_ATTENDANCE_DROP,
    W_ATTENDANCE_LOW,
    W_NO_NOTICE,
    W_PARTIAL,
    Fact,
    Signal,
    SignalKind,
    ago,
    signal,
)


def attendance(f: CitizenFacts, as_of: date, t: ReviewThresholds) -> Signal | None:
    """Attendance below the limit, or fallen by the threshold against the window before."""
    a = f.attendance
    logged, present = a.logged, a.present
    if not logged:
        return None
    # Integer arithmetic: 3 of 4 is exactly 75 %, not 74.999...
    low = present * 100 < t.attendance_below * logged
    drop = bool(a.before_logged) and (
        (a.before_present * logged - present * a.before_logged) * 100
        >= t.attendance_drop_points * logged * a.before_logged
    )
    if not (low or drop):
        return None
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
        days=ago(t.attendance_days),
        present=present,
        logged=logged,
        start=show_date(start),
        end=show_date(as_of),
    )
    parts = [_("Attendance {now}").format(now=now)]
    if low:
        parts.append(_("below {limit} %").format(limit=t.attendance_below))
    if drop:
        before = round(a.before_present * 100 / a.before_logged)
        points = round((a.before_present / a.before_logged - present / logged) * 100)
        parts.append(
            _(
                "down {points} points from {before} % the {days} days before "
                "({present} of {logged})"
            ).format(
                points=points,
                before=before,
                days=t.attendance_days,
                present=a.before_present,
                logged=a.before_logged,
            )
        )
        facts.update(
            rate_before=before,
            present_before=a.before_present,
            logged_before=a.before_logged,
            drop_points=points,
        )
    weight = W_ATTENDANCE_BOTH if low and drop else W_ATTENDANCE_LOW if low else W_ATTENDANCE_DROP
    return signal(SignalKind.ATTENDANCE, weight, "; ".join(parts), below=low, **facts)


def no_notice_absence(f: CitizenFacts, t: ReviewThresholds) -> Signal | None:
    """Any logbook day absent without notice in the window; two or more weigh more."""
    if not f.no_notice:
        return None
    days = ", ".join(show_date(d) for d in f.no_notice)
    if len(f.no_notice) == 1:
        text = _("Absent without notice on {day}").format(day=days)
    else:
        text = _("Absent without notice {n} times in the last {window} days: {days}").format(
            n=len(f.no_notice), window=t.no_notice_days, days=days
        )
    return signal(
        SignalKind.NO_NOTICE_ABSENCE,
        W_NO_NOTICE + (1 if len(f.no_notice) > 1 else 0),
        text,
        days=[d.isoformat() for d in f.no_notice],
    )


def partial_attendance(f: CitizenFacts, as_of: date, t: ReviewThresholds) -> Signal | None:
    """Hours worked below the limit of the hours planned, on the days present in the
    recent window (absence is the attendance signal's); the early-leave reasons named."""
    h = f.hours
    if not h.days or h.planned <= 0:
        return None
    if h.worked * 100 >= t.partial_attendance_below * h.planned:
        return None
    rate = round(h.worked / h.planned * 100)  # as the statistics show it (show_percent)
    start = as_of - timedelta(days=t.attendance_days - 1)
    text = ngettext(
        # The percent signs go in with the figures: "% o" in a message reads as a
        # printf conversion to the catalogue's checks.
        "Worked {rate} of the planned hours over the last {days} ({worked} of {planned} "
        "hours on {n} day present, {start} to {end}); below {limit}",
        "Worked {rate} of the planned hours over the last {days} ({worked} of {planned} "
        "hours on {n} days present, {start} to {end}); below {limit}",
        h.days,
    ).format(
        rate=f"{rate} %",
        days=ago(t.attendance_days),
        worked=show_hours(h.worked),
        planned=show_hours(h.planned),
        n=h.days,
        start=show_date(start),
        end=show_date(as_of),
        limit=f"{t.partial_attendance_below} %",
    )
    counts: dict[str, int] = {}
    for reason in h.left_early:
        counts[reason] = counts.get(reason, 0) + 1
    if counts:
        reasons = ", ".join(f"{r} ({n})" if n > 1 else r for r, n in counts.items())
        text += _("; left early: {reasons}").format(reasons=reasons)
    return signal(
        SignalKind.PARTIAL_ATTENDANCE,
        W_PARTIAL,
        text,
        rate=rate,
        worked=h.worked,
        planned=h.planned,
        days=h.days,
        start=start.isoformat(),
        end=as_of.isoformat(),
        left_early=h.left_early,
    )
