"""A save's statements are prepared once per connection, however long the session.

SQLite calls a connection's authorizer while it compiles a statement, never
while it runs one: a save that calls it has prepared a statement afresh.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from mentorterm import storage
from mentorterm.domain import logbook, placements
from mentorterm.domain.citizens import create_citizen
from mentorterm.models import LogbookEntry, db
from mentorterm.schemas import CitizenIn, LogbookEntryIn, PlacementIn

pytestmark = pytest.mark.sqlite_only

PASSPHRASE = "statement cache test passphrase"


def _day(day: date) -> LogbookEntryIn:
    return LogbookEntryIn(
        entry_date=day, attendance="present", hours_planned=4, hours_worked=4, tasks="Lager"
    )


@pytest.mark.parametrize("encrypted", [True, False], ids=["sqlcipher", "plaintext"])
def test_a_logbook_save_late_in_a_long_session_prepares_nothing_again(tmp_path, encrypted):
    if encrypted:
        storage.open_database(tmp_path / "m.db", passphrase=PASSPHRASE)
    else:
        storage.open_database(tmp_path / "m.db")
    try:
        citizen = create_citizen(CitizenIn(name="Mette Jørgensen"))
        placement = placements.create_placement(
            citizen,
            PlacementIn(kind="company_internship", workplace="Netto", start_date=date(2026, 1, 5)),
        )
        # A long session: more different statements than either wrapper's
        # default cache holds (sqlcipher3 100, Python's sqlite3 128).
        for n in range(600):
            db.execute_sql(f"SELECT {n} + ?", (1,)).fetchone()
        compiled: list[tuple] = []
        db.connection().set_authorizer(lambda *what: compiled.append(what) or 0)
        day = date(2026, 1, 5)
        logbook.add_entry(placement, _day(day))
        assert compiled, "the first save after the authorizer is set compiles its statements"
        for n in range(1, 4):
            compiled.clear()
            logbook.add_entry(placement, _day(day + timedelta(days=n)))
            assert compiled == [], f"save {n + 1} prepared a statement again"
        assert LogbookEntry.select().count() == 4
    finally:
        db.connection().set_authorizer(None)
        storage.close_database()
