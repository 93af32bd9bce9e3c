"""Placements: the individual agreement, and the hours stepped up and down."""

from __future__ import annotations

import re
from datetime import date

from ..enums import PlacementKind
from ..format import show_date, show_hours
from ..i18n import N_, _, ngettext
from ..models import Citizen, Course, HoursStep, LogbookEntry, Placement, db
from ..schemas import HoursStepIn, PlacementEndIn, PlacementIn
from . import audit
from .errors import DomainError, NotFound
from .views import HoursStepView, PlacementView, View

# Weekday names as mentors write them in a schedule, English and Danish: whole
# words only ("man" is also Danish for "one", "monthly" is no Monday).
_DAY_WORDS = {
    0: ("mon", "monday", "man", "mandag", "mandage"),
    1: ("tue", "tues", "tuesday", "tir", "tirs", "tirsdag", "tirsdage"),
    2: ("wed", "wednesday", "ons", "onsdag", "onsdage"),
    3: ("thu", "thur", "thurs", "thursday", "tor", "tors", "torsdag", "torsdage"),
    4: ("fri", "friday", "fre", "fredag", "fredage"),
    5: ("sat", "saturday", "lør", "lørdag"),
    6: ("sun", "sunday", "søn", "søndag"),
}
_DAYS = {word: day for day, words in _DAY_WORDS.items() for word in words}
_RANGE_WORDS = {"-", "–", "—", "to", "til", "through"}
_WORKDAYS = frozenset(range(5))


def parse_schedule(text: str) -> frozenset[int]:
    """The weekdays (0 = Monday) a schedule like "2 x 2 h Tue+Thu" names.

    Ranges ("Mon-Fri", "Mon–Thu", "mandag til torsdag") and lists ("man, ons,
    fre") are read; "man" counts as Monday only where it stands in a list or
    range of days. A schedule that names no day means Monday to Friday.
    """
    words = re.findall(r"[a-zæøå]+|[-–—]", text.casefold())
    found: list[tuple[int, int]] = []  # (position, day)
    for position, word in enumerate(words):
        if word in _DAYS:
            found.append((position, _DAYS[word]))
    days: set[int] = set()
    for index, (position, day) in enumerate(found):
        neighbours = [p for p, _d in found if abs(p - position) <= 2 and p != position]
        if words[position] == "man" and not neighbours:
            continue  # the Danish pronoun, not a Monday
        days.add(day)
        if index + 1 < len(found):
            next_position, next_day = found[index + 1]
            between = words[position + 1 : next_position]
            if between and all(w in _RANGE_WORDS for w in between) and day <= next_day:
                days.update(range(day, next_day + 1))
    return frozenset(days) or _WORKDAYS


# Hours as a schedule states them: "3 x 3 h", "2 × 2,5 timer", "7 h", "10 t".
_NUMBER = r"(\d+(?:[.,]\d+)?)"
_UNIT = r"(?:hours?|hrs?|h|timer|time|tim|t)(?![a-zæøå])"
_TIMES = r"\s*(?:x|×|\*|gange)\s*"
_TERM = re.compile(rf"(?<![\d.,:\-–])(?:(\d+){_TIMES})?{_NUMBER}\s*{_UNIT}", re.IGNORECASE)
_RANGE = re.compile(rf"\d\s*[-–]\s*{_NUMBER}\s*{_UNIT}", re.IGNORECASE)
_PER_DAY = re.compile(
    r"\b(?:a|per|pr\.?|each)\s+day\b|\bdaily\b|\bom dagen\b|"
    r"\bpr\.?\s+dag\b|\bdagligt?\b",
    re.IGNORECASE,
)


class StatedHours(View):
    """The weekly hours a schedule text states, and how: [(times, hours), ...]."""

    terms: list[tuple[int | None, float]]  # (None, 7) for a plain "7 h"
    days: int = 1  # "3 h a day Mon-Fri": each term counts once per scheduled day

    @property
    def total(self) -> float:
        return sum((times or 1) * hours for times, hours in self.terms) * self.days

    def explain(self) -> str:
        """'3 × 3 h = 9 h', '7 h', '3 h × 5 days = 15 h' (decimal commas)."""
        parts = " + ".join(
            f"{times} × {show_hours(hours)} h" if times is not None else f"{show_hours(hours)} h"
            for times, hours in self.terms
        )
        if self.days != 1:
            parts = f"{parts} × " + ngettext("{n} day", "{n} days", self.days).format(n=self.days)
        simple = len(self.terms) == 1 and self.terms[0][0] is None and self.days == 1
        return parts if simple else f"{parts} = {show_hours(self.total)} h"


def stated_hours(schedule: str) -> StatedHours | None:
    """The hours a week a schedule text states, or None where it states none.

    "3 x 3 h Tue+Wed+Thu" is 9 h, "2 × 2,5 timer" 5 h, "7 h" 7 h, "2 x 2 h +
    1 x 4 h" 8 h, "3 h a day Mon-Fri" 15 h. A clock time ("10-12", "kl. 9:30")
    states no hours, and a range of hours ("2-3 h") is no single figure: None.
    """
    if _RANGE.search(schedule):
        return None
    terms = [
        (int(times) if times else None, float(hours.replace(",", ".")))
        for times, hours in _TERM.findall(schedule)
    ]
    terms = [(times, hours) for times, hours in terms if times != 0]
    if not terms:
        return None
    days = len(parse_schedule(schedule)) if _PER_DAY.search(schedule) else 1
    return StatedHours(terms=terms, days=days)


def schedule_question(hours_per_week: float, schedule: str) -> str | None:
    """The question to ask before saving a step whose schedule states other hours
    than its hours a week; None when they agree (or the text states no hours)."""
    stated = stated_hours(schedule)
    if stated is None or abs(stated.total - hours_per_week) < 0.01:
        return None
    return _("The schedule says {stated} a week, you wrote {hours} h. Save anyway?").format(
        stated=stated.explain(), hours=show_hours(hours_per_week)
    )


def planned_hours_per_day(step: HoursStepView | HoursStep) -> float:
    """Hours planned on one scheduled day: the week's hours over its days, to 1/4 h."""
    days = len(parse_schedule(step.schedule))
    return round(step.hours_per_week / days * 4) / 4


def _placement(placement_id: int) -> Placement:
    placement = Placement.get_or_none(Placement.id == placement_id)
    if placement is None:
        raise NotFound(_("This placement no longer exists."))
    return placement


def create_placement(
    citizen_id: int,
    data: PlacementIn,
    course_id: int | None = None,
    first_step: HoursStepIn | None = None,
    site_id: int | None = None,
) -> int:
    """A new placement, with its first hours step when ``first_step`` is given
    (one transaction: refused, neither is written); ``site_id``: the register's
    workplace it links to."""
    with db.atomic():
        if Citizen.get_or_none(Citizen.id == citizen_id) is None:
            raise NotFound(_("This citizen no longer exists."))
        if (
            course_id is not None
            and not Course.select()
            .where((Course.id == course_id) & (Course.citizen == citizen_id))
            .exists()
        ):
            raise DomainError(_("That course is not one of this citizen's courses."))
        placement_id = Placement.create(
            citizen=citizen_id, course=course_id, site=site_id, **data.model_dump(mode="python")
        ).id
        audit.record("create", "placement", citizen_id=citizen_id, record_id=placement_id)
        if first_step is not None:
            step_id = store_hours_step(placement_id, first_step)
            audit.record("create", "hours_step", citizen_id=citizen_id, record_id=step_id)
        return placement_id


def placement_input(placement_id: int) -> PlacementIn:
    """The placement's values as an input model (to prefill the edit form)."""
    placement = _placement(placement_id)
    values = {name: getattr(placement, name) for name in PlacementIn.model_fields}
    values["kind"] = PlacementKind(values["kind"])
    return PlacementIn.model_construct(**values)


def _check_logbook_inside(placement: Placement, start: date, end: date | None) -> None:
    beyond = LogbookEntry.entry_date < start
    if end is not None:
        beyond = beyond | (LogbookEntry.entry_date > end)
    outside = LogbookEntry.select().where((LogbookEntry.placement == placement) & beyond)
    first = outside.order_by(LogbookEntry.entry_date).first()
    if first is not None:
        raise DomainError(
            _("The logbook has a day ({day}) outside these dates.").format(
                day=show_date(first.entry_date)
            ),
            field="end_date" if end and first.entry_date > end else "start_date",
        )


def update_placement(placement_id: int, data: PlacementIn, site_id: int | None = -1) -> None:
    """Save the edited agreement; ``site_id`` (unless -1: as it was) the register's
    workplace it links to, None for none."""
    with db.atomic():
        placement = _placement(placement_id)
        _check_logbook_inside(placement, data.start_date, data.end_date)
        for field, value in data.model_dump(mode="python").items():
            setattr(placement, field, value)
        if site_id != -1:
            placement.site = site_id
        placement.save()
        audit.record("update", "placement", citizen_id=placement.citizen_id, record_id=placement.id)


def end_placement(placement_id: int, data: PlacementEndIn) -> None:
    """End the placement (its logbook and steps stay)."""
    with db.atomic():
        placement = _placement(placement_id)
        if data.end_date < placement.start_date:
            raise DomainError(
                _("The placement cannot end before it started ({start}).").format(
                    start=show_date(placement.start_date)
                ),
                field="end_date",
            )
        _check_logbook_inside(placement, placement.start_date, data.end_date)
        placement.end_date = data.end_date
        placement.end_reason = data.end_reason
        placement.save()
        audit.record(
            "update",
            "placement",
            citizen_id=placement.citizen_id,
            record_id=placement.id,
            purpose=N_("placement ended"),
        )


def add_hours_step(placement_id: int, data: HoursStepIn) -> int:
    """Step the hours up or down from a date; one step per date."""
    with db.atomic():
        step_id = store_hours_step(placement_id, data)
        audit.record(
            "create",
            "hours_step",
            citizen_id=_placement(placement_id).citizen_id,
            record_id=step_id,
        )
        return step_id


def store_hours_step(placement_id: int, data: HoursStepIn) -> int:
    """``add_hours_step`` without its audit row, for an operation that logs itself
    (a follow-up note that steps the hours). Call inside a transaction."""
    with db.atomic():
        placement = _placement(placement_id)
        _check_step_date(placement, data.from_date)
        return HoursStep.create(placement=placement, **data.model_dump()).id


def _check_step_date(placement: Placement, day: date, step_id: int | None = None) -> None:
    """Refuse a step outside the placement's dates or on the date of another step."""
    if day < placement.start_date or (placement.end_date and day > placement.end_date):
        if placement.end_date:
            message = _("The step must start within the placement's dates ({start} to {end}).")
        else:
            message = _("The step must start within the placement's dates (it starts on {start}).")
        raise DomainError(
            message.format(
                start=show_date(placement.start_date), end=show_date(placement.end_date)
            ),
            field="from_date",
        )
    same = HoursStep.select().where(
        (HoursStep.placement == placement) & (HoursStep.from_date == day)
    )
    if step_id is not None:
        same = same.where(HoursStep.id != step_id)
    other = same.first()
    if other is not None:
        raise DomainError(
            _(
                "There is already a step from {day} ({hours} h a week); correct that one instead."
            ).format(day=show_date(day), hours=show_hours(other.hours_per_week)),
            field="from_date",
        )


def _step(step_id: int) -> HoursStep:
    step = HoursStep.get_or_none(HoursStep.id == step_id)
    if step is None:
        raise NotFound(_("This hours step no longer exists."))
    return step


def _step_values(step: HoursStep) -> dict:
    return {name: getattr(step, name) for name in HoursStepIn.model_fields}


def hours_step_input(step_id: int) -> HoursStepIn:
    """The step's values as an input model (to prefill the correction form)."""
    return HoursStepIn.model_construct(**_step_values(_step(step_id)))


def update_hours_step(step_id: int, data: HoursStepIn) -> None:
    """Correct a saved hours step (its date, hours a week, schedule), audited old → new.

    The date rules of a new step hold: inside the placement's dates, one step per date.
    The logbook days already written keep the hours they were written with.
    """
    with db.atomic():
        step = _step(step_id)
        placement = _placement(step.placement_id)
        _check_step_date(placement, data.from_date, step_id=step.id)
        old = _step_values(step)
        new = data.model_dump()
        audit.apply_correction(
            step,
            "hours_step",
            citizen_id=placement.citizen_id,
            old=old,
            new=new,
            private={"schedule"},
        )


def delete_hours_step(step_id: int) -> int:
    """Delete an hours step typed by mistake; returns its placement's id.

    Nothing depends on a step: the logbook days keep their own planned and
    worked hours, and before the first step a placement simply has none.
    """
    with db.atomic():
        step = _step(step_id)
        placement = _placement(step.placement_id)
        step.delete_instance()
        audit.record(
            "delete",
            "hours_step",
            citizen_id=placement.citizen_id,
            record_id=step_id,
            purpose=N_("deleted by the mentor"),
        )
        return placement.id


def placement_running_on(citizen_id: int, day: date) -> Placement | None:
    """The citizen's placement running on ``day`` (the latest started, if two)."""
    return (
        Placement.select()
        .where(
            (Placement.citizen == citizen_id)
            & (Placement.start_date <= day)
            & (Placement.end_date.is_null() | (Placement.end_date >= day))
        )
        .order_by(Placement.start_date.desc(), Placement.id.desc())
        .first()
    )


def logbook_placement(citizen_id: int, today: date) -> PlacementView | None:
    """The placement whose logbook a mentor means on ``today``: the one
    running, else the latest started; None without placements."""
    chosen = placement_running_on(citizen_id, today) or (
        Placement.select()
        .where(Placement.citizen == citizen_id)
        .order_by(Placement.start_date.desc(), Placement.id.desc())
        .first()
    )
    return placement_view(chosen.id) if chosen is not None else None


def placement_view(placement_id: int) -> PlacementView:
    """One placement as the screens see it, with its hours steps."""
    p = _placement(placement_id)
    return PlacementView(
        id=p.id,
        kind=p.kind,
        workplace=p.workplace,
        supervisor_name=p.supervisor_name,
        start_date=p.start_date,
        end_date=p.end_date,
        accommodations=p.accommodations,
        hours_steps=hours_steps(placement_id),
    )


def hours_steps(placement_id: int) -> list[HoursStepView]:
    query = (
        HoursStep.select().where(HoursStep.placement == placement_id).order_by(HoursStep.from_date)
    )
    return [HoursStepView.model_validate(s) for s in query]


def step_on(placement_id: int, day: date) -> HoursStepView | None:
    """The hours step in force on ``day``."""
    step = (
        HoursStep.select()
        .where((HoursStep.placement == placement_id) & (HoursStep.from_date <= day))
        .order_by(HoursStep.from_date.desc())
        .first()
    )
    return HoursStepView.model_validate(step) if step else None
