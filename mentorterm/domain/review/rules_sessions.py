"""Group sessions in the review's attendance signals (schema 10): their own
part of the attendance signal and of the absence without notice, apart
from the logbook's days (pure, on facts).

The same limits as the logbook's: attendance below ``attendance_below`` %,
or fallen ``attendance_drop_points`` against the window before; any session
missed without notice in the no-notice window.
"""

from __future__ import annotations

from datetime import date

from ...format import show_date
from ...i18n import _, ngettext
from ...settings import ReviewThresholds
from .facts import CitizenFacts
from .rules_attendance import attendance, no_notice_absence
from .signal import (
    W_ATTENDANCE_DROP,
    W_ATTENDANCE_LOW,
    W_NO_NOTICE,
    Signal,
    SignalKind,
    ago,
    signal,
)


def _session_part(f: CitizenFacts, t: ReviewThresholds) -> tuple[str, bool, bool]:
    """The sessions' sentence, and whether they are low / fallen on their own."""
    s = f.sessions
    if not s.called:
        return "", False, False
    low = s.attended * 100 < t.attendance_below * s.called
    drop = bool(s.before_called) and (
        (s.before_attended * s.called - s.attended * s.before_called) * 100
        >= t.attendance_drop_points * s.called * s.before_called
    )
    text = ngettext(
        "group sessions: {attended} of {called} attended over the last {days}",
        "group sessions: {attended} of {called} attended over the last {days}",
        s.called,
    ).format(attended=s.attended, called=s.called, days=ago(t.attendance_days))
    if low:
        text += _(", below {limit} %").format(limit=t.attendance_below)
    if drop:
        text += _(", down from {before} of {called} the {days} days before").format(
            before=s.before_attended, called=s.before_called, days=t.attendance_days
        )
    return text, low, drop


def attendance_with_sessions(f: CitizenFacts, as_of: date, t: ReviewThresholds) -> Signal | None:
    """The logbook's attendance signal with the group sessions as their own part;
    sessions alone low or fallen raise it too."""
    logbook = attendance(f, as_of, t)
    part, low, drop = _session_part(f, t)
    if logbook is None and not (low or drop):
        return None
    facts = dict(logbook.facts) if logbook else {}
    if part:
        facts.update(sessions_called=f.sessions.called, sessions_attended=f.sessions.attended)
    if logbook is not None:
        text = logbook.text + ("; " + part if part else "")
        return signal(SignalKind.ATTENDANCE, logbook.weight, text, **facts)
    text = part[:1].upper() + part[1:]
    weight = W_ATTENDANCE_LOW if low else W_ATTENDANCE_DROP
    return signal(SignalKind.ATTENDANCE, weight, text, below=low, **facts)


def no_notice_with_sessions(f: CitizenFacts, t: ReviewThresholds) -> Signal | None:
    """Absence without notice from the logbook and, as its own sentence, from group sessions."""
    logbook = no_notice_absence(f, t)
    missed = f.sessions.no_notice
    if not missed:
        return logbook
    days = ", ".join(show_date(d) for d in missed)
    part = ngettext(
        "Absent without notice from a group session: {days}",
        "Absent without notice from {n} group sessions: {days}",
        len(missed),
    ).format(n=len(missed), days=days)
    facts = dict(logbook.facts) if logbook else {}
    facts["session_days"] = [d.isoformat() for d in missed]
    if logbook is not None:
        weight = min(logbook.weight + 1, W_NO_NOTICE + 1)
        return signal(SignalKind.NO_NOTICE_ABSENCE, weight, logbook.text + "; " + part, **facts)
    weight = W_NO_NOTICE + (1 if len(missed) > 1 else 0)
    return signal(SignalKind.NO_NOTICE_ABSENCE, weight, part, **facts)
