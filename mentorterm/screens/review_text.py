"""The weekly review's texts and its one form: the facts about a citizen, a new agreement."""

from __future__ import annotations

from datetime import date

from ..domain import review as domain
from ..domain.action_items import add_action_item
from ..domain.review import ReviewDetail
from ..format import days_ago, show_date, show_datetime, show_hours, show_percent
from ..i18n import _
from ..schemas import ActionItemIn, ReviewDayIn
from ..widgets.fields import FieldSpec
from ..widgets.form import FormScreen
from ..widgets.markup import escape
from ..widgets.scale import sparkline


class ActionItemForm(FormScreen[int]):
    TITLE = _("New agreement")
    MODEL = ActionItemIn
    FIELDS = [
        FieldSpec("what", _("What"), required=True),
        FieldSpec("owner", _("Who"), required=True, hint=_("The citizen, the mentor, a name")),
        FieldSpec("due_date", _("By"), "date"),
    ]

    def __init__(self, citizen_id: int, name: str) -> None:
        super().__init__({}, _("New agreement · {name}").format(name=name))
        self.citizen_id = citizen_id

    def submit(self, data: ActionItemIn) -> int:
        return add_action_item(self.citizen_id, data)


class ReviewDayForm(FormScreen[date]):
    """The day the review is read as of: the records as they stood that day."""

    TITLE = _("Review as of")
    MODEL = ReviewDayIn
    FIELDS = [
        FieldSpec(
            "day",
            _("As of"),
            "date",
            required=True,
            hint=_("The records as they stood that day; another week's decisions are read-only"),
        )
    ]

    def submit(self, data: ReviewDayIn) -> date:
        return data.day


def detail_text(item: domain.ReviewItem, detail: ReviewDetail, as_of) -> str:
    """Everything the team reads about one citizen, as Rich markup."""
    lines = [
        f"[b]{escape(item.name)}[/b]"
        + ("" if item.on_course else _("  [dim](course ended: aftercare)[/]"))
        + (
            _("  [dim]{mentor}'s citizen[/]").format(mentor=escape(item.mentor_name))
            if item.mentor_name
            else ""
        )
    ]
    if item.decided_by:
        lines.append(_("[b]Decided by[/b] {mentor}").format(mentor=escape(item.decided_by)))
    lines.append(_("[b]Signals[/b]"))
    lines += [f"  [yellow]●[/] {escape(s.text)}" for s in item.signals] or [_("  none")]
    if detail.sub_goals:
        lines.append(_("[b]Sub-goals[/b] (citizen's part, oldest score first)"))
        for g in detail.sub_goals:
            score = (
                _("{c} now, {ago}").format(c=g.latest_score, ago=days_ago(g.days_since_scored))
                if g.latest_score
                else _("not scored")
            )
            lines.append(f"  {sparkline(g.history):<12} {escape(g.title)} · {score}")
    if detail.attendance is not None:
        a = detail.attendance
        lines.append(
            _(
                "[b]Attendance, last 4 weeks[/b] at {place}: {rate} · {worked} of "
                "{planned} h · sick {sick} · no notice {without} · left early {early}"
            ).format(
                place=escape(detail.workplace),
                rate=show_percent(a.attendance_rate) or "–",
                worked=show_hours(a.hours_worked) or "0",
                planned=show_hours(a.hours_planned) or "0",
                sick=a.sick_days,
                without=a.absent_without_notice,
                early=a.left_early,
            )
        )
    else:
        lines.append(_("[b]Attendance[/b]: no placement running."))
    if detail.action_items:
        lines.append(_("[b]Open agreements[/b]"))
        for a in detail.action_items:
            late = a.due_date is not None and a.due_date < as_of
            due = _(" by {day}").format(day=show_date(a.due_date)) if a.due_date else ""
            text = f"  → {escape(a.what)} · {escape(a.owner)}{due}"
            lines.append(f"[red]{text}[/]" if late else text)
    if detail.last_meeting is not None:
        m = detail.last_meeting
        lines.append(
            _("[b]Last held meeting[/b] {when} ({kind}): {decisions}").format(
                when=show_datetime(m.starts_at),
                kind=m.kind.label,
                decisions=escape(" ".join(m.decisions.split())) or _("no decisions written"),
            )
        )
    lines.append(
        _("[b]Next meeting[/b]: {when}").format(
            when=f"{show_datetime(detail.next_meeting.starts_at)} "
            f"({detail.next_meeting.kind.label})"
            if detail.next_meeting
            else _("[red]none booked[/]")
        )
    )
    return "\n".join(lines)
