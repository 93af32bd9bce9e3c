"""The fourteen personas, in the order the demo writes them (the seed is drawn in this order)."""

from __future__ import annotations

import random
from datetime import date

from ..plans import Persona
from ..pools import _ADDRESSES
from . import (
    aftercare_flexjob,
    aftercare_job,
    archived,
    ending_soon,
    extended_twice,
    hours_reduced,
    interpreter_arabic,
    interpreter_somali_overdue_goal,
    interpreter_tigrinya_transition,
    new_start,
    no_shows,
    re_referred,
    rising_absence,
    steady_progress,
)

BUILDERS = (
    extended_twice.persona,
    re_referred.persona,
    hours_reduced.persona,
    no_shows.persona,
    rising_absence.persona,
    ending_soon.persona,
    aftercare_job.persona,
    aftercare_flexjob.persona,
    interpreter_arabic.persona,
    interpreter_tigrinya_transition.persona,
    interpreter_somali_overdue_goal.persona,
    new_start.persona,
    steady_progress.persona,
    archived.persona,
)


def _personas(rng: random.Random, today: date) -> list[Persona]:
    """Every persona, each given one of the addresses (shuffled by the seed first)."""
    addresses = rng.sample(_ADDRESSES, len(_ADDRESSES))
    personas = []
    for build, address in zip(BUILDERS, addresses, strict=False):
        persona = build(rng, today)
        persona.citizen.setdefault("address", address)
        personas.append(persona)
    return personas
