"""The builder's logbook room: a placement's working days, each written as the citizen would."""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from ..domain import logbook
from ..enums import Attendance, Author
from ..schemas import LogbookEntryIn
from .days import _days, _holiday, _stamp
from .notes import _Day
from .plans import Absences, Persona, PlacementPlan
from .pools import _BREAKS, _LIFE_AFTER_WORK


class LogbookWriter:
    """Logbook days through ``logbook.add_entries`` (``add_entry``'s rules), each stamped
    when it was written."""

    def _logbook(self, placement_id: int, plan: PlacementPlan, persona: Persona) -> list[_Day]:
        rng, today = self.rng, self.today
        last = min(plan.end or today, today - _days(1))
        steps = [(plan.start + _days(s.offset), s.days) for s in plan.steps]
        scheduled: list[tuple[date, float]] = []
        day = plan.start
        while day <= last:
            current = [d for start, d in steps if start <= day]
            if current and day.weekday() in current[-1] and not _holiday(day, today):
                scheduled.append((day, current[-1][day.weekday()]))
            day += _days(1)

        absences = persona.absences
        surge: set[date] = set()
        if absences.surge_days:
            window = [d for d, _h in scheduled if (today - d).days <= absences.surge_days]
            away = math.ceil(len(window) * absences.surge_share)
            if window and away:
                # Mostly the latest days (it is getting worse), one earlier.
                surge = set(window[-(away - 1) :]) if away > 1 else set()
                earlier = [d for d in window if d not in surge]
                if earlier:
                    surge.add(rng.choice(earlier))

        kept, entries, stamps = [], [], []
        for day, planned in scheduled:
            data = self._log_day(day, planned, absences, persona, plan, day in surge)
            stamp = _stamp(day, 16 if data.attendance == "present" else 9, rng.randint(0, 59))
            entries.append(data)
            stamps.append(stamp)
            entry = data.model_dump(mode="json")
            reason = entry.get("absence_reason") or entry.get("notes") or entry["left_early_reason"]
            kept.append(
                _Day(
                    day,
                    entry["attendance"],
                    planned,
                    entry["hours_worked"],
                    reason,
                    entry["left_early"],
                )
            )
        if entries:
            # One call for the placement's days, each stamped when it was written.
            with self._at(max(stamps)):
                logbook.add_entries(placement_id, entries, written_at=stamps)
        return kept

    def _absence_rate(self, day: date, absences: Absences) -> float:
        rate = absences.rate
        for start, end, dip in absences.dips:
            if start <= day <= end:
                rate = dip
        if absences.mondays:
            rate = min(0.8, rate * 4) if day.weekday() == 0 else 0.0  # always Mondays
        return rate

    def _log_day(
        self,
        day: date,
        planned: float,
        absences: Absences,
        persona: Persona,
        plan: PlacementPlan,
        surge: bool,
    ) -> LogbookEntryIn:
        rng = self.rng
        fields: dict[str, Any] = {"entry_date": day, "hours_planned": planned}
        forced = persona.forced_days.get(day)
        if forced is None and surge:
            forced = rng.choice(
                absences.kinds[:2]
                + ((Attendance.ABSENT_WITHOUT_NOTICE, "No contact until the afternoon"),)
            )
        if forced is None and rng.random() < self._absence_rate(day, absences):
            forced = rng.choice(absences.kinds)
        if forced is not None:
            attendance, note = forced
            author = (
                Author.WORKPLACE
                if attendance == Attendance.ABSENT_WITHOUT_NOTICE
                else Author.MENTOR
                if rng.random() < 0.3
                else Author.CITIZEN
            )
            fields.update(
                attendance=attendance, hours_worked=0, absence_reason=note, written_by=author
            )
        else:
            worked = planned
            fields.update(attendance=Attendance.PRESENT)
            roll = rng.random()
            if roll < absences.left_early and planned >= 1:
                worked = max(0.5, planned - rng.choice((0.5, 1.0, 1.5, 2.0)))
                worked = min(worked, planned - 0.5)
                fields.update(
                    left_early=True, left_early_reason=rng.choice(absences.left_early_reasons)
                )
            elif roll < absences.left_early + 0.04:
                worked = planned - 0.5
                fields["notes"] = rng.choice(
                    ("Came 30 minutes late (bus).", "Late: overslept, called in at 9.")
                )
            fields["hours_worked"] = worked
            if plan.tasks:
                fields["tasks"] = "; ".join(
                    rng.sample(plan.tasks, min(len(plan.tasks), rng.choice((1, 2, 2))))
                )
            if rng.random() < 0.3:
                fields["breaks"] = rng.choice(_BREAKS)
            if rng.random() < 0.35:
                fields["life_after_work"] = rng.choice(_LIFE_AFTER_WORK)
            fields["written_by"] = Author.CITIZEN if rng.random() < 0.85 else Author.MENTOR
        if rng.random() < absences.body:
            low = 2 if fields["attendance"] != Attendance.PRESENT else 0
            fields["energy"] = max(1, min(10, absences.energy - low + rng.randint(-2, 2)))
            if absences.pain is not None:
                fields["pain"] = max(1, min(10, absences.pain + low + rng.randint(-2, 2)))
        return LogbookEntryIn(**fields)

    # -- meetings ---------------------------------------------------------
