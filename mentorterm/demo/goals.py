"""The builder's goals room: sub-goals and their scores, agreements, the weekly review notes."""

from __future__ import annotations

from datetime import timedelta

from ..domain import action_items, review, subgoals
from ..enums import MeetingStatus, SubGoalStatus
from ..schemas import ActionItemIn, AllianceScoreIn, SubGoalIn, SubGoalStatusIn
from .days import _days, _stamp
from .notes import _active_on, _MeetingDraft, _score_path
from .plans import Persona
from .pools import _GENERIC_ACTIONS, _REVIEW_GENERIC


class GoalWriter:
    """Sub-goals, scores, action items and review notes through the domain."""

    def _sub_goals(
        self,
        citizen_id: int,
        persona: Persona,
        course_ids: list[int],
        meetings: list[_MeetingDraft],
    ) -> None:
        rng, today = self.rng, self.today
        for index, course in enumerate(persona.courses):
            priority = 0
            held = [
                m
                for m in meetings
                if m.course == index
                and m.status == MeetingStatus.HELD
                and m.day < today
                and not m.fixed
            ]
            for goal in course.goals:
                priority += 1
                set_from = course.start + _days(goal.after_days)
                candidates = [m for m in held if m.day >= set_from] or held[-1:]
                if not candidates:
                    continue
                # Scored at a follow-up every two to four weeks: the next meeting
                # at least two weeks on, or now and then the one after it.
                scorings = [candidates[0]]
                gap = rng.choice((14, 14, 24))
                for meeting in candidates[1:]:
                    if (meeting.day - scorings[-1].day).days >= gap:
                        scorings.append(meeting)
                        gap = rng.choice((14, 14, 24))
                if goal.status != SubGoalStatus.ACTIVE:
                    ending = goal.target or today
                    kept = [m for m in scorings if m.day <= ending] or scorings[:1]
                    scorings = (
                        kept
                        if goal.status != SubGoalStatus.DROPPED or not course.end
                        else [m for m in scorings if m.day <= course.end[0]] or scorings[:1]
                    )
                path = _score_path(rng, len(scorings), goal.first, goal.last)
                if goal.status == SubGoalStatus.ACHIEVED:
                    path[-1] = goal.last
                row = SubGoalIn(
                    title=goal.title,
                    description=goal.description,
                    success_criterion=goal.criterion,
                    area=goal.area,
                    target_date=goal.target,
                    priority=priority,
                )
                created = scorings[0].ends_at
                with self._at(created):
                    goal_id = subgoals.create_sub_goal(citizen_id, row, course_ids[index])
                for meeting, score in zip(scorings, path, strict=True):
                    data = AllianceScoreIn(
                        scored_on=meeting.day,
                        citizen_score=score,
                        what_it_takes=rng.choice(goal.what),
                        own_actions=rng.choice(goal.own),
                        help_needed=rng.choice(goal.help),
                    )
                    with self._at(meeting.ends_at):
                        subgoals.score_sub_goal(goal_id, data, mentor_id=self.mentor_id)
                if goal.status != SubGoalStatus.ACTIVE:
                    status_day = scorings[-1].day
                    if goal.status == SubGoalStatus.DROPPED and course.end is not None:
                        status_day = course.end[0]
                    change = SubGoalStatusIn(
                        status=goal.status, status_date=status_day, status_note=goal.status_note
                    )
                    with self._at(max(created, _stamp(status_day, 15))):
                        subgoals.set_status(goal_id, change)

    # -- action items -----------------------------------------------------

    def _action_items(
        self, citizen_id: int, persona: Persona, meetings: list[_MeetingDraft], placements
    ) -> None:
        rng, today = self.rng, self.today
        rows = []
        held = [m for m in meetings if m.status == MeetingStatus.HELD and not m.fixed]

        def owner(key: str, meeting: _MeetingDraft) -> str:
            if key == "citizen":
                return self.name
            if key == "caseworker":
                return persona.citizen.get("caseworker_name") or self.mentor_name
            if key == "supervisor":
                at_work = self._placement_at(placements, meeting.course or 0, meeting.day)
                return at_work.supervisor if at_work and at_work.supervisor else self.mentor_name
            return self.mentor_name

        pool: list[tuple[str, str]] = []
        pool_course = None
        last_course = len(persona.courses) - 1
        for meeting in held:
            count = rng.choices((0, 1, 2), (0.4, 0.45, 0.15))[0]
            course_end = persona.courses[meeting.course or 0].end
            chosen = []
            for _n in range(count):
                if not pool or pool_course != meeting.course:
                    # Each agreement once before any comes round again; the
                    # persona's own agreements belong to the current course.
                    own = persona.actions if meeting.course == last_course else ()
                    pool, pool_course = list(own + _GENERIC_ACTIONS), meeting.course
                    rng.shuffle(pool)
                chosen.append(pool.pop())
            for what, key in chosen:
                due = meeting.day + _days(rng.choice((7, 10, 14)))
                done = None
                latest = today - _days(1)
                if course_end is not None:  # an ended course leaves nothing open
                    latest = min(latest, max(meeting.day, course_end[0]))
                if course_end is not None or (due < today - _days(2) and rng.random() < 0.85):
                    done = min(latest, max(meeting.day, due + _days(rng.randint(-5, 3))))
                rows.append((meeting, what, owner(key, meeting), due, done))
        for what, key, due in persona.open_actions:
            meeting = max(
                (m for m in held if m.day < min(due, today)), key=lambda m: m.day, default=None
            )
            rows.append((meeting, what, owner(key, meeting or held[-1]), due, None))
        for meeting, what, who, due, done in rows:
            data = ActionItemIn(what=what, owner=who, due_date=due)
            created = meeting.ends_at if meeting else _stamp(self._booked(due - _days(7)), 12)
            with self._at(created):
                item_id = action_items.add_action_item(
                    citizen_id, data, meeting.id if meeting else None
                )
            if done:
                with self._at(max(created, _stamp(done, 15))):
                    action_items.mark_done(item_id, done, today=today)

    # -- the weekly case review -------------------------------------------

    def add_review_notes(self, personas: list[Persona]) -> None:
        rng, today = self.rng, self.today
        citizens = self.citizen_ids
        monday = today - _days(today.weekday())
        for weeks_ago in range(6, 0, -1):
            week_monday = monday - _days(7 * weeks_ago)
            wednesday = week_monday + _days(2)
            year, week, _day = week_monday.isocalendar()
            active = [
                (citizen, persona)
                for citizen, persona in zip(citizens, personas, strict=True)
                if persona.review and _active_on(persona, wednesday)
            ]
            if not active:
                continue
            chosen = set(rng.sample(range(len(active)), min(len(active), rng.randint(3, 5))))
            if weeks_ago == 1:
                chosen |= {i for i, (_c, p) in enumerate(active) if p.attention}
            for position in sorted(chosen):
                citizen, persona = active[position]
                # The persona's own decision describes last week's situation.
                decision = (
                    rng.choice(persona.review) if weeks_ago == 1 else rng.choice(_REVIEW_GENERIC)
                )
                reviewed = _stamp(wednesday, 9, 30) + timedelta(minutes=5 * position)
                with self._at(reviewed):
                    review.save_decision(
                        citizen,
                        f"{year}-W{week:02d}",
                        decision,
                        reviewed=True,
                        now=reviewed,
                        mentor_id=self.mentor_id,
                    )
