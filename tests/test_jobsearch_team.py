"""The job search on the team database: the citizen's mentor writes it, a
colleague reads it and is refused writing it (row-level security), and an
overdue follow-up counts under its mentor in the lead's overview."""

from __future__ import annotations

from datetime import date

import peewee
import pytest

from mentorterm import storage
from mentorterm.domain import jobsearch as js
from mentorterm.domain.citizens import create_citizen
from mentorterm.domain.team import team_overview
from mentorterm.models import JobContact, db
from mentorterm.schemas import CitizenIn, JobContactIn, TargetCompanyIn

TODAY = date(2026, 11, 22)
LATE = JobContactIn(
    company="Netto", contacted_on="18-08-2026", how="application", follow_up_on="01-09-2026"
)


def test_the_mentor_writes_the_job_search_and_a_colleague_only_reads_it(team):
    storage.open_database(team["anna"])
    cid = create_citizen(CitizenIn(name="Anja Andersen"))
    contact = js.add_contact(cid, LATE)
    js.add_target(cid, TargetCompanyIn(company="Lidl"), TODAY)
    storage.close_database()
    storage.open_database(team["bo"])
    try:
        assert [c.company for c in js.job_search(cid, TODAY).contacts] == ["Netto"]
        with pytest.raises(peewee.DatabaseError, match="row-level security"), db.atomic():
            js.add_contact(cid, LATE)
        with pytest.raises(peewee.DatabaseError), db.atomic():
            js.mark_followed_up(contact, TODAY, TODAY)
        assert JobContact.get_by_id(contact).followed_up_on is None
        loads = {m.name: m.overdue for m in team_overview(TODAY)}
        assert loads["Anna"] == 1 and loads.get("Bo", 0) == 0
    finally:
        storage.close_database()
