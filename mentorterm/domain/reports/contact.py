"""Meetings in the report's period and how often they were held against the cadence."""

from __future__ import annotations

from datetime import date

from ...enums import MeetingKind, MeetingStatus
from ...format import show_date, show_hours
from ...i18n import _, ngettext
from ..views import View


class MeetingFact(View):
    """A meeting in the period (its notes are left out: see the module's docstring)."""

    day: date
    kind: MeetingKind
    status: MeetingStatus
    #: Who cancelled, as it reads in "Cancelled by …" ("" when not cancelled).
    cancelled_by: str = ""

    @property
    def kind_label(self) -> str:
        return self.kind.label

    @property
    def held(self) -> bool:
        return self.status == MeetingStatus.HELD

    @property
    def no_show(self) -> bool:
        return self.status == MeetingStatus.NO_SHOW

    @property
    def cancelled(self) -> bool:
        # Called off (by whoever cancelled), not a meeting moved to another day.
        return self.status.value.startswith("cancelled")

    @property
    def rescheduled(self) -> bool:
        return self.status == MeetingStatus.RESCHEDULED

    @property
    def status_text(self) -> str:
        """What became of it: "Held", "No-show", "Cancelled by citizen"...

        The one place that says who cancelled: when ``cancelled_by`` is known
        it is named here ("Cancelled by the workplace").
        """
        if self.cancelled and self.cancelled_by:
            return _("Cancelled by {who}").format(who=self.cancelled_by)
        return self.status.label


class ContactFrequency(View):
    """Held meetings in the weeks the course ran inside the period, against the cadence."""

    held: int
    cancelled: int
    no_shows: int
    first: date  # the counted span (the course's start at the earliest, today at the latest)
    last: date
    cadence_days: int | None  # None: no course in the period
    rescheduled: int = 0

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def weeks(self) -> float:
        return self.days / 7

    @property
    def weeks_between(self) -> float | None:
        """Weeks per held meeting (None when none was held)."""
        return self.weeks / self.held if self.held else None

    @property
    def behind(self) -> bool:
        """Met less often than agreed (more than a week's slack on the cadence)."""
        between = self.weeks_between
        if self.cadence_days is None:
            return False
        if between is None:
            return self.days > self.cadence_days
        return between * 7 > self.cadence_days + 7


def _decimal(value: float) -> str:
    """2.33 -> '2,3' (one decimal, Danish comma, no trailing ',0')."""
    return show_hours(value)


def cadence(days: int) -> str:
    if days % 7 == 0:
        weeks = days // 7
        return ngettext("every week", "every {n} weeks", weeks).format(n=weeks)
    return ngettext("every day", "every {n} days", days).format(n=days)


def contact_line(contact: ContactFrequency) -> str:
    """ "Held 7 meetings in 16 weeks: every 2,3 weeks; the agreed cadence is every 2 weeks." """
    weeks = max(1, round(contact.weeks))
    span = ngettext("{n} week", "{n} weeks", weeks).format(n=weeks)
    if contact.held:
        held = ngettext(
            "Held {n} meeting in {span}", "Held {n} meetings in {span}", contact.held
        ).format(n=contact.held, span=span)
        between = contact.weeks_between
        if round(between, 1) == 1:
            every = _("about once a week")
        elif between < 1:
            days = round(between * 7, 1)
            every = (
                _("about every day")
                if days <= 1
                else _("every {days} days").format(days=_decimal(days))
            )
        else:
            every = _("every {weeks} weeks").format(weeks=_decimal(between))
        line = f"{held} ({show_date(contact.first)} – {show_date(contact.last)}): {every}"
    else:
        line = _("No meeting held in {span} ({first} – {last})").format(
            span=span, first=show_date(contact.first), last=show_date(contact.last)
        )
    if contact.cadence_days is not None:
        line += "; " + _("the agreed cadence is {cadence}").format(
            cadence=cadence(contact.cadence_days)
        )
    line += "."
    if contact.behind:
        line += " " + _("That is less often than agreed.")
    others = []
    if contact.cancelled:
        others.append(
            ngettext("{n} cancelled", "{n} cancelled", contact.cancelled).format(
                n=contact.cancelled
            )
        )
    if contact.rescheduled:
        others.append(
            ngettext("{n} rescheduled", "{n} rescheduled", contact.rescheduled).format(
                n=contact.rescheduled
            )
        )
    if contact.no_shows:
        others.append(
            ngettext("{n} no-show", "{n} no-shows", contact.no_shows).format(n=contact.no_shows)
        )
    if others:
        line += " " + _("Besides: {what}.").format(what=", ".join(others))
    return line
