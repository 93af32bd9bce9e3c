"""Every citizen's signals on a day: the facts gathered, then the rules applied."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...settings import ReviewThresholds
from .gather import citizen_cases
from .rules import case_signals
from .signal import Signal


@dataclass
class CitizenSignals:
    citizen_id: int
    name: str
    on_course: bool  # False: only aftercare applies (no course running on as_of)
    signals: list[Signal]


def citizen_signals(
    as_of: date, mentor_id: int | None, t: ReviewThresholds
) -> list[CitizenSignals]:
    """Every signal of every citizen in scope (not archived on ``as_of``, of the mentor).

    Citizens without a course running on ``as_of`` get only the aftercare
    signal; citizens without any signal are included (with none).
    """
    return [
        CitizenSignals(
            case.citizen.citizen_id,
            case.citizen.name,
            case.citizen.course_id is not None,
            case_signals(case, as_of, t),
        )
        for case in citizen_cases(as_of, mentor_id, t)
    ]
