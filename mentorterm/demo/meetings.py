"""The builder's meeting plan: the fortnightly series, missed meetings, decisions and notes."""

from __future__ import annotations

from datetime import date

from ..enums import MeetingKind, MeetingStatus
from .days import _days, _dmy, _first_name, _schedule_text, _week_hours, _workday
from .notes import _attendance_summary, _Day, _MeetingDraft
from .plans import Persona, PlacementPlan
from .pools import _BEFORE_PLACEMENT, _DECISIONS, _MOTIVATION, _OFFICE, _WORKPLACE_VIEWS


class MeetingPlanner:
    """Plans each citizen's meetings in memory (``_MeetingDraft``) before they are written."""

    def _meetings(
        self,
        persona: Persona,
        placements: list[tuple[int, PlacementPlan, int]],
        days: dict[int, list[_Day]],
    ) -> list[_MeetingDraft]:
        rng, today = self.rng, self.today
        drafts: list[_MeetingDraft] = []
        for index, course in enumerate(persona.courses):
            stop = today
            if course.end is not None:
                stop = min(stop, course.end[0] + _days(1))
            if course.meetings_until is not None:
                stop = min(stop, course.meetings_until)
            regular: list[date] = []
            day = _workday(course.start)
            while day < stop:
                regular.append(day)
                day = _workday(day + _days(course.cadence + rng.choice((-2, -1, 0, 0, 1, 2))))
            last_three_party = course.start
            for position, day in enumerate(regular):
                at_work = self._placement_at(placements, index, day)
                kind = MeetingKind.ONE_TO_ONE
                if position and at_work and (day - last_three_party).days >= 26:
                    kind = MeetingKind.THREE_PARTY
                    last_three_party = day
                elif position:
                    kind = rng.choices(
                        (MeetingKind.ONE_TO_ONE, MeetingKind.PHONE, MeetingKind.WALK),
                        (0.65, 0.2, 0.15),
                    )[0]
                draft = self._draft(day, kind, index, at_work)
                if position == 0:
                    draft.notes = (
                        "Intake: went through the referral, the wishes for work and "
                        "the practical arrangements."
                    )
                following = regular[position + 1] if position + 1 < len(regular) else stop
                if position and rng.random() < persona.miss_rate:
                    draft.status = rng.choice(
                        (MeetingStatus.CANCELLED_BY_CITIZEN, MeetingStatus.NO_SHOW)
                    )
                    draft.notes = (
                        "Cancelled by SMS the same morning."
                        if draft.status == MeetingStatus.CANCELLED_BY_CITIZEN
                        else "Did not come; reached by phone later, a new time agreed."
                    )
                    drafts.append(draft)
                    again = _workday(day + _days(rng.randint(2, 4)))
                    if again >= stop and stop == today and course.end is None and persona.book_next:
                        again = _workday(max(again, today + _days(1)))  # booked, not yet held
                    elif again >= following or again >= stop:
                        continue
                    # A missed three-party meeting is moved, not dropped.
                    again_kind = kind if kind == MeetingKind.THREE_PARTY else MeetingKind.ONE_TO_ONE
                    drafts.append(self._draft(again, again_kind, index, at_work))
                    continue
                drafts.append(draft)
        last_index = len(persona.courses) - 1
        for extra in persona.extra_meetings:
            draft = _MeetingDraft(
                extra.day,
                extra.hour,
                extra.kind,
                extra.status,
                last_index,
                place=extra.place,
                duration=extra.duration,
                notes=extra.notes,
                with_supervisor=extra.with_supervisor,
                fixed=True,
                aftercare_situation=extra.aftercare_situation,
            )
            if extra.decisions:
                draft.decisions.append(extra.decisions)
            drafts.append(draft)
        drafts.sort(key=lambda d: d.starts_at)
        past = [d for d in drafts if d.day < today]
        cadence = persona.courses[-1].cadence
        day = _workday(past[-1].day + _days(cadence)) if past else today + _days(1)
        if day <= today:
            day = _workday(today + _days(rng.randint(1, 6)))
        if persona.book_next and not any(today < d.day <= day for d in drafts):
            at_work = self._placement_at(placements, last_index, day)
            recent_three = [d for d in past if d.kind == MeetingKind.THREE_PARTY]
            kind = (
                MeetingKind.THREE_PARTY
                if at_work and recent_three and (day - recent_three[-1].day).days >= 26
                else MeetingKind.ONE_TO_ONE
            )
            drafts.append(self._draft(day, kind, last_index, at_work))
            drafts.sort(key=lambda d: d.starts_at)
        for draft in drafts:
            if draft.day > today:
                draft.status = MeetingStatus.PLANNED
        self._decide(persona, placements, drafts)
        self._write_points(persona, placements, days, drafts)
        self._insert_meetings(persona, placements, drafts)
        return drafts

    def _placement_at(self, placements, course: int, day: date) -> PlacementPlan | None:
        current = None
        for index, plan, _id in placements:
            if index == course and plan.start <= day and (plan.end is None or day <= plan.end):
                current = plan
        return current

    def _draft(
        self, day: date, kind: MeetingKind, course: int, at_work: PlacementPlan | None
    ) -> _MeetingDraft:
        rng = self.rng
        hour = rng.choice(self.persona.meeting_times)
        if kind == MeetingKind.THREE_PARTY:
            place, duration = (at_work.workplace if at_work else _OFFICE), 60
        elif kind == MeetingKind.PHONE:
            place, duration, hour = "Phone", rng.choice((15, 20, 30)), (hour[0] + 2, 0)
        elif kind == MeetingKind.WALK:
            place, duration = (
                rng.choice(("Walk by the harbour", "Walk in the park", "Walk around the lake")),
                60,
            )
        else:
            place, duration = _OFFICE, rng.choice((45, 60))
        return _MeetingDraft(
            day,
            hour,
            kind,
            MeetingStatus.HELD,
            course,
            place=place,
            duration=duration,
            with_supervisor=kind == MeetingKind.THREE_PARTY,
        )

    def _decide(self, persona: Persona, placements, drafts: list[_MeetingDraft]) -> None:
        """Hours steps, new placements, extensions and endings as meeting decisions."""
        held = [d for d in drafts if d.status == MeetingStatus.HELD]

        def before(day: date, course: int) -> _MeetingDraft | None:
            earlier = [d for d in held if d.course == course and d.day < day and not d.fixed]
            return earlier[-1] if earlier and (day - earlier[-1].day).days <= 35 else None

        for index, plan, _id in placements:
            previous = None
            for step in plan.steps:
                start = plan.start + _days(step.offset)
                hours = _week_hours(step.days)
                if previous is None:
                    text = (
                        f"Start at {plan.workplace} on {_dmy(start)}: {_schedule_text(step.days)}."
                    )
                else:
                    direction = "up" if hours > previous else "down"
                    text = (
                        f"Hours {direction} from {previous:g} to {hours:g} a week "
                        f"({_schedule_text(step.days)}) from {_dmy(start)}: {step.reason}."
                    )
                previous = hours
                meeting = before(start, index)
                if meeting is not None and plan.logbook:
                    meeting.decisions.append(text)
        for index, course in enumerate(persona.courses):
            for decided, weeks, reason in course.extensions:
                meeting = before(decided + _days(1), index)
                if meeting is not None:
                    meeting.decisions.append(
                        f"Ask the caseworker for an extension of {weeks} weeks: {reason}"
                    )
            if course.end is not None:
                meeting = before(course.end[0] + _days(1), index)
                if meeting is not None:
                    meeting.decisions.append(f"Course ends {_dmy(course.end[0])}. {course.end[2]}")

    def _write_points(
        self, persona: Persona, placements, days: dict[int, list[_Day]], drafts: list[_MeetingDraft]
    ) -> None:
        """The five follow-up points, written from the logbook since the last meeting."""
        rng = self.rng
        previous: dict[int, date] = {}
        for position, draft in enumerate(drafts):
            later = [
                d for d in drafts[position + 1 :] if d.day > draft.day and d.course == draft.course
            ]
            if draft.status != MeetingStatus.PLANNED:
                draft.next_day = later[0].day if later else None
            if draft.status != MeetingStatus.HELD or draft.fixed:
                continue
            since = previous.get(draft.course, persona.courses[draft.course].start - _days(1))
            previous[draft.course] = draft.day
            period = [d for d in days.get(draft.course, []) if since < d.day <= draft.day]
            at_work = self._placement_at(placements, draft.course, draft.day)
            fields = draft.fields
            if at_work is None or not period:
                fields["attendance_note"] = _BEFORE_PLACEMENT["attendance"].format(first=self.first)
                fields["tasks_note"] = rng.choice(_BEFORE_PLACEMENT["tasks"])
                fields["motivation_note"] = rng.choice(_MOTIVATION["before"]).format(
                    first=self.first
                )
                level = "before"
            else:
                rate = sum(d.attendance == "present" for d in period) / len(period)
                level = "high" if rate >= 0.9 else "mid" if rate >= 0.7 else "low"
                fields["attendance_note"] = _attendance_summary(period)
                fields["tasks_note"] = rng.choice(at_work.notes or persona.texts.tasks)
                fields["motivation_note"] = rng.choice(_MOTIVATION[level]).format(first=self.first)
            if level == "before":
                fields["accommodations_note"] = rng.choice(
                    _BEFORE_PLACEMENT["accommodations"]
                ).format(first=self.first)
            else:
                fields["accommodations_note"] = rng.choice(persona.texts.accommodations)
            fields["citizen_view"] = rng.choice(persona.texts.citizen_views)
            if draft.kind == MeetingKind.THREE_PARTY and at_work is not None:
                options = _WORKPLACE_VIEWS.get(level, _WORKPLACE_VIEWS["mid"])
                options = options + (at_work.views or persona.texts.workplace_views)
                supervisor = (
                    _first_name(at_work.supervisor) if at_work.supervisor else "The supervisor"
                )
                fields["workplace_view"] = rng.choice(options).format(
                    first=self.first, supervisor=supervisor
                )
            if draft.kind == MeetingKind.WALK and not draft.notes:
                draft.notes = f"Walk-and-talk; easier for {self.first} to talk while walking."
            if self.interpreter and not draft.notes:
                draft.notes = f"Interpreter ({self.interpreter}) by phone."
            if not draft.decisions:
                draft.decisions.append(rng.choice(_DECISIONS))
