"""A fictional demo caseload (``mentorterm demo``).

``generate_demo`` fills an empty database with about half a year (and for some
citizens years) of records for the default mentor: citizens in the situations
DOMAIN.md describes — extended and re-referred courses, hours stepped up and
down, no-shows, rising absence, a course about to end, aftercare, interpreters,
overdue agreements, a placement about to start — with daily logbooks on each
placement's working days, meetings every second week with the five follow-up
points, sub-goals scored on the alliance scale and weekly review notes.

Everything is relative to ``today`` and drawn from ``random.Random(seed)``:
the same seed and day always give the same rows, timestamps included. The
personas are data (``personas/``, one module each, built from ``plans``); one
builder (``builder``) writes them through the domain's public functions, the
ones the screens use, so every record passes the same input model and rules
as the mentor's own typing. All people, workplaces, phone numbers and
addresses are invented; e-mail addresses use the reserved ``.example`` domain.
"""

from __future__ import annotations

import random
from datetime import date

from ..domain import audit, demo_store
from ..fields import seeded_uids
from ..i18n import N_, _
from .builder import _Builder
from .file import (
    _DEMO_AUDIT,
    DEMO_FILE_NAME,
    DemoRefused,
    demo_database_path,
    is_demo_database,
    open_demo_database,
)
from .personas import _personas
from .sessions import add_group_sessions
from .workplaces import add_register

__all__ = [
    "DEMO_FILE_NAME",
    "DemoRefused",
    "demo_database_path",
    "generate_demo",
    "is_demo_database",
    "open_demo_database",
]


def generate_demo(*, seed: int = 1, today: date | None = None) -> dict[str, int]:
    """Fill the open, empty database with a fictional caseload for the default mentor.

    Returns the number of rows created per table. Raises DemoRefused (and
    writes nothing) when the database already contains citizens.
    """
    today = today or date.today()
    rng = random.Random(seed)
    with seeded_uids(seed), demo_store.transaction():
        if demo_store.has_citizens():
            raise DemoRefused(
                _(
                    "This database already contains citizens, so no demo data was added: "
                    "the demo never mixes with real records. 'mentorterm demo' without "
                    "--db writes it to a separate demo file."
                )
            )
        before = demo_store.row_counts()
        builder = _Builder(rng, today, demo_store.default_mentor())
        builder.sites = add_register(today)
        personas = _personas(rng, today)
        for persona in personas:
            builder.add_persona(persona)
        builder.add_review_notes(personas)
        # The group sessions come last, from their own draws: the rows above stay as they were.
        add_group_sessions(
            random.Random(rng.random()), today, personas, builder.citizen_ids, builder.mentor_id
        )
        # The mark of a demo database (its records are fictional).
        audit.record(*_DEMO_AUDIT, purpose=N_("fictional demo caseload"))
        after = demo_store.row_counts()
    return {table: after[table] - before.get(table, 0) for table in after}
