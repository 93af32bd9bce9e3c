"""Audit rows written while covering a colleague say so (issue 18): computed
from the covers and the citizen's mentor on the row's day, when shown."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from mentorterm import cli, storage
from mentorterm.domain import audit
from mentorterm.domain.citizens import reassign_citizen
from mentorterm.domain.cover import add_cover
from mentorterm.models import Citizen, Mentor

pytestmark = pytest.mark.both_engines


def at(day: int, month: int = 3) -> datetime:
    return datetime(2020, month, day, 10, 0)  # long past: the handover's own row is today


def test_a_row_written_while_covering_names_the_colleague_and_only_then(database):
    me = storage.ensure_default_mentor()
    bo = Mentor.create(name="Bo Lund")
    cid = Citizen.create(mentor=bo, name="Ali Hassan").id  # Bo's citizen
    add_cover(me.id, bo.id, date(2020, 3, 1), date(2020, 3, 10))  # I cover Bo
    before = audit.record("create", "action_item", citizen_id=cid, now=at(20, 2))
    during = audit.record("create", "action_item", citizen_id=cid, now=at(5))
    after = audit.record("create", "action_item", citizen_id=cid, now=at(12))
    # Handed over to me on the 20th: from then on the citizen is mine, no cover.
    reassign_citizen(cid, me.id, on=date(2020, 3, 20))
    mine = audit.record("update", "action_item", citizen_id=cid, now=at(21))
    shown = {e.id: e.covering_for for e in audit.entries(cid)}
    assert shown[during] == "Bo Lund"
    assert shown[before] is shown[after] is shown[mine] is None
    # Other citizens' rows and rows without a citizen are never covering.
    assert all(e.covering_for is None for e in audit.entries() if e.citizen_id != cid)
    # The citizen's access export says who wrote it, covering for whom.
    whos = [a.who for a in audit.accesses_of(cid)]
    assert whos.count(f"{me.name} (covering for Bo Lund)") == 1
    assert whos.count(me.name) == len(whos) - 1


def test_the_audit_command_shows_covering_for(database, db_target, capsys):
    me = storage.ensure_default_mentor()
    bo = Mentor.create(name="Bo Lund")
    cid = Citizen.create(mentor=bo, name="Ali Hassan").id
    today = date.today()
    add_cover(me.id, bo.id, today, today)
    audit.record("create", "action_item", citizen_id=cid)
    storage.close_database()
    capsys.readouterr()
    assert cli.main(["--db", str(db_target), "audit", "--citizen", str(cid)]) == 0
    out = capsys.readouterr().out
    assert out.count("covering for Bo Lund") == 1
