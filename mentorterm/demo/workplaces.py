"""The demo's workplace register: the provider's own training grounds and the
companies it returns to, each written through the domain as a mentor types
it; the personas' placements there link to them (``Placement.site``). The
other workplaces the personas name stay typed names only, as before the
register (``mentorterm workplaces link`` would make them entries).
"""

from __future__ import annotations

from datetime import date

from ..clock import stopped_at
from ..domain import workplaces
from ..schemas.workplaces import WorkplaceIn
from .days import _days, _stamp

REGISTER: tuple[dict[str, str], ...] = (
    {
        "name": "Kantinen (the provider's canteen)",
        "sector": "Kitchen",
        "address": "Værkstedsvej 4, 8210 Aarhus V",
        "supervisor_name": "Bent Hjort",
        "supervisor_contact": "+45 86 12 40 30",
        "accommodations": "Short days to begin with; a quiet corner for breaks; no rush hour "
        "at the counter until the citizen is ready.",
        "notes": "Our own training ground: lunch for 60 every weekday.",
    },
    {
        "name": "Værkstedet (the provider's bike workshop)",
        "sector": "Workshop",
        "address": "Værkstedsvej 4, 8210 Aarhus V",
        "supervisor_name": "Kenneth Friis",
        "supervisor_contact": "+45 86 12 40 22",
        "accommodations": "Start any hour before 10; standing or sitting work; one task at a time.",
        "notes": "Our own training ground: repairs the municipality's bikes.",
    },
    {
        "name": "Havnens Genbrug (the provider's second-hand shop)",
        "sector": "Retail",
        "address": "Havnegade 12, 8000 Aarhus C",
        "supervisor_name": "Lene Dahl",
        "supervisor_contact": "+45 86 12 40 17",
        "accommodations": "Back-room sorting before the till; no lifting over 10 kg.",
    },
    {
        "name": "NordLager, Odense SØ",
        "sector": "Warehouse",
        "address": "Lagervej 30, 5220 Odense SØ",
        "supervisor_name": "Kasper Juul",
        "supervisor_contact": "+45 66 11 09 09",
        "company_consultant": "Ole Munk (Jobcenter Odense)",
        "consultant_contact": "ole.munk@jobcenter.example",
        "accommodations": "Fixed tasks on the day shift; earplugs; breaks as agreed.",
        "notes": "Has taken on two citizens in paid hours after their placements.",
    },
    {
        "name": "Bageriet Kornkammeret, Viby J",
        "sector": "Bakery",
        "supervisor_name": "Torben Ravn",
        "supervisor_contact": "torben@kornkammeret.example",
        "company_consultant": "Rikke Vang (Jobcenter Aarhus)",
        "accommodations": "Starts at 8, not with the bakers at 4.",
    },
)


def add_register(today: date) -> dict[str, int]:
    """The register's entries, written two years before ``today``; name → id."""
    ids = {}
    with stopped_at(_stamp(today - _days(730), 10)):
        for entry in REGISTER:
            ids[entry["name"]] = workplaces.create_workplace(WorkplaceIn(**entry))
    return ids
