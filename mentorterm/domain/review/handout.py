"""The weekly review as a handout: JSON (with a documented schema), text and Markdown.

``mentorterm review`` prints one of these; ``mentorterm review --schema``
prints ``ReviewHandout``'s JSON Schema, the contract of the JSON form.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from ...documents import Block, Bullets, Document, Emph, Heading, Rule, Strong, Text, write_markdown
from ...format import show_date, show_datetime
from ...i18n import N_, _, ngettext
from ...settings import ReviewThresholds
from ...terminal import one_line
from .. import audit
from ..identity import MentorIdentity, mentor_identity
from .queue import ReviewItem, review_queue
from .signal import iso_week_of


class HandoutProgress(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reviewed: int = Field(ge=0, description="Citizens in the queue marked reviewed this week.")
    total: int = Field(ge=0, description="Citizens in the queue.")


class ReviewHandout(BaseModel):
    """The weekly case review (``mentorterm review --format json``).

    ``citizens`` is the queue, most urgent first: each with its signals (kind,
    weight, a plain-English ``text`` with the facts and dates, and the same
    facts in ``facts`` with ISO dates), its urgency (the sum of the weights,
    sub-goal signals capped), and the decision recorded for ``iso_week``.
    Dates are ISO (2026-11-22); ``reviewed_at`` is a local date and time.
    """

    model_config = ConfigDict(extra="forbid", title="mentorterm weekly review")

    format: Literal["mentorterm-review"] = "mentorterm-review"
    version: Literal[1] = 1
    iso_week: Annotated[
        str,
        Field(
            pattern=r"^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$",
            description="The ISO week of as_of, e.g. 2026-W47.",
        ),
    ]
    as_of: date = Field(description="The day the records were read as of.")
    mentor_id: int | None = Field(None, description="Only this mentor's citizens; null: all.")
    progress: HandoutProgress
    thresholds: ReviewThresholds = Field(description="The thresholds in force.")
    citizens: list[ReviewItem]
    mentor_name: str = Field("", description="Who made the handout (the settings' mentor).")
    organisation: str = Field("", description="The mentor's organisation.")


def review_handout(
    as_of: date,
    mentor_id: int | None = None,
    thresholds: ReviewThresholds | None = None,
    identity: MentorIdentity | None = None,
) -> ReviewHandout:
    """The queue of ``as_of``'s week with its progress, ready to print.

    ``identity`` (default: the settings' mentor) names who made it.
    """
    thresholds = thresholds or ReviewThresholds()
    identity = identity if identity is not None else mentor_identity()
    queue = review_queue(as_of, mentor_id, thresholds)
    audit.viewed(
        [item.citizen_id for item in queue],
        "review_handout",
        N_("weekly case review handout"),
        action="export",
    )
    return ReviewHandout(
        iso_week=iso_week_of(as_of),
        as_of=as_of,
        mentor_id=mentor_id,
        progress=HandoutProgress(reviewed=sum(1 for i in queue if i.reviewed), total=len(queue)),
        thresholds=thresholds,
        citizens=queue,
        mentor_name=identity.name,
        organisation=identity.organisation,
    )


def handout_json(handout: ReviewHandout) -> str:
    return handout.model_dump_json(indent=2) + "\n"


def handout_schema() -> dict:
    return ReviewHandout.model_json_schema()


def _progress(h: ReviewHandout) -> str:
    return _("{reviewed} of {total} reviewed").format(
        reviewed=h.progress.reviewed, total=h.progress.total
    )


def _week_title(h: ReviewHandout) -> str:
    year, week = h.iso_week.split("-W")
    return _("Weekly case review, week {week} {year}").format(week=int(week), year=year)


def _author(h: ReviewHandout) -> str:
    """ "By Anna Holm, Jobvejen ApS" ("" when the mentor has not said who they are)."""
    who = ", ".join(x for x in (h.mentor_name, h.organisation) if x)
    return _("By {who}").format(who=who) if who else ""


def _decision_line(item: ReviewItem) -> str:
    decision = item.decision or _("(none recorded)")
    if item.reviewed and item.reviewed_at:
        return _("Decision: {decision} (reviewed {when})").format(
            decision=decision, when=show_datetime(item.reviewed_at)
        )
    return _("Decision: {decision}").format(decision=decision)


def render_text(h: ReviewHandout) -> str:
    """Plain text for the terminal."""
    lines = [
        f"{_week_title(h)} ({h.iso_week}), " + _("as of {day}").format(day=show_date(h.as_of)),
        ngettext(
            "{n} citizen needs attention", "{n} citizens need attention", len(h.citizens)
        ).format(n=len(h.citizens))
        + "; "
        + _progress(h),
        "",
    ]
    if _author(h):
        lines.insert(1, _author(h))
    if not h.citizens:
        lines.append(_("No citizen has a signal this week."))
    for number, item in enumerate(h.citizens, start=1):
        mark = _(" [reviewed]") if item.reviewed else ""
        lines.append(
            _("{n}. {name} (urgency {urgency}){mark}").format(
                n=number, name=one_line(item.name), urgency=item.urgency, mark=mark
            )
        )
        for signal in item.signals:
            lines.append(f"   - {signal.text}")
        if not item.signals:
            lines.append("   - " + _("No signal now (a decision was recorded this week)."))
        lines.append("   " + _decision_line(item))
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _citizen(number: int, item: ReviewItem) -> list[Block]:
    done = _(" (reviewed)") if item.reviewed else ""
    blocks: list[Block] = [Heading((f"{number}. ", one_line(item.name), done))]
    if item.signals:
        count = ngettext("{n} signal", "{n} signals", len(item.signals)).format(n=len(item.signals))
        blocks.append(
            Text(_("Urgency {urgency}; {count}.").format(urgency=item.urgency, count=count))
        )
        blocks.append(Bullets([signal.text for signal in item.signals]))
    else:
        blocks.append(Bullets([_("No signal now (a decision was recorded this week).")]))
    if item.decision:
        when = (
            _(" (reviewed {when})").format(when=show_datetime(item.reviewed_at))
            if item.reviewed and item.reviewed_at
            else ""
        )
        blocks.append(Text((Strong(_("Decision:")), " ", item.decision, when)))
    else:
        blocks.append(Text((Strong(_("Decision:")), " ", Emph(_("none recorded yet")))))
    return blocks


def handout_document(h: ReviewHandout) -> Document:
    """The handout as blocks: the week, then one section per citizen in the queue."""
    count = ngettext(
        "{n} citizen needs attention", "{n} citizens need attention", len(h.citizens)
    ).format(n=len(h.citizens))
    document = Document(f"{_week_title(h)} ({h.iso_week})", author=_author(h))
    if _author(h):
        document.add(Text(_author(h) + "."))
    document.add(
        Text(
            _("As of {day}. {count}. Progress: {progress}.").format(
                day=show_date(h.as_of), count=count, progress=_progress(h)
            )
        )
    )
    if not h.citizens:
        document.add(Text(_("No citizen has a signal this week.")))
    for number, item in enumerate(h.citizens, start=1):
        document.add(*_citizen(number, item))
    return document.add(Rule(), Text(_("Progress: {progress}.").format(progress=_progress(h))))


def render_markdown(h: ReviewHandout) -> str:
    """A handout the team reads at the review meeting: one section per citizen."""
    return write_markdown(handout_document(h))
