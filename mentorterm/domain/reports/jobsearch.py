"""The report's job-search section (issue 20): the caseworker asks "which
companies were contacted, and where the job search should go next"."""

from __future__ import annotations

from ...documents import Block, Bullets, Column, Facts, Heading, Table, Text
from ...enums_provider import ContactHow, ContactOutcome, CvState
from ...format import show_date
from ...i18n import _
from .model import ProgressionReport


def follow_up(contact, end) -> str:
    """The contact's follow-up as known on the period's last day: done on a day,
    or the day it is to be done; "–" when none was set."""
    if contact.followed_up_on is not None and contact.followed_up_on <= end:
        return _("done {day}").format(day=show_date(contact.followed_up_on))
    if contact.follow_up_on is not None:
        return show_date(contact.follow_up_on)
    return "–"


def job_search_section(report: ProgressionReport) -> list[Block]:
    search = report.job_search
    blocks: list[Block] = [Heading(_("Job search"))]
    if search is None:
        return [*blocks, Text(_("Nothing recorded about the job search."), muted=True)]
    if search.cv is None:
        cv = _("Not recorded")
    else:
        cv = _("{state} (as of {day})").format(
            state=CvState(search.cv.state).label, day=show_date(search.cv.noted_on)
        )
        if search.cv.note:
            cv += f" – {search.cv.note}"
    blocks.append(Facts([(_("CV"), cv)]))
    blocks.append(Heading(_("Companies contacted in the period"), level=2))
    if not search.contacts:
        blocks.append(Text(_("No company contacted in this period."), muted=True))
    else:
        columns = (
            Column(_("Company"), width=46),
            Column(_("Date"), width=22),
            Column(_("How"), width=34),
            Column(_("Outcome"), width=44),
            Column(_("Follow-up"), width=28),
        )
        rows = [
            [
                c.company,
                show_date(c.contacted_on),
                ContactHow(c.how).label,
                ContactOutcome(c.outcome).label,
                follow_up(c, report.end),
            ]
            for c in search.contacts
        ]
        blocks.append(Table(columns, rows))
    blocks.append(Heading(_("Companies to approach next"), level=2))
    if not search.targets:
        blocks.append(Text(_("No companies listed to approach."), muted=True))
    else:
        blocks.append(
            Bullets([f"{t.company} – {t.why}" if t.why else t.company for t in search.targets])
        )
    return blocks
