"""Offline laptops in sync with the team database (issue 19), against a real server.

Two laptops are two database files; the team database is the test server's.
Each test writes through the domain, as the app does, on both sides."""

from __future__ import annotations

import json
from datetime import date

import peewee
import pytest

from mentorterm import storage
from mentorterm.domain import logbook
from mentorterm.domain.citizens import citizen_input, create_citizen, update_citizen
from mentorterm.domain.placements import create_placement
from mentorterm.domain.sync import conflicts, devices
from mentorterm.domain.sync.flow import SyncRefused, give_back, sync
from mentorterm.enums_sync import ConflictResolution
from mentorterm.models import (
    ChangeOp,
    Citizen,
    Device,
    LogbookEntry,
    Placement,
    SyncConflict,
    SyncReceipt,
)
from mentorterm.schemas import CitizenIn, LogbookEntryIn, PlacementIn

TODAY = date(2026, 11, 23)


def _opener(target):
    return lambda: storage.open_database(target)


class Laptop:
    def __init__(self, path, team_url):
        self.path = str(path)
        self.team = team_url
        self.open = _opener(self.path)
        self.open_team = _opener(team_url)

    def sync(self, **kw):
        return sync(
            self.open, self.open_team, team=storage.kept_target(self.team),
            login=storage.login_of(self.team), today=TODAY, **kw,
        )  # fmt: skip

    def run(self, step):
        storage.open_database(self.path)
        try:
            return step()
        finally:
            storage.close_database()


def _on(target, step):
    storage.open_database(target)
    try:
        return step()
    finally:
        storage.close_database()


def _citizen_id(name: str) -> int:
    return Citizen.get(Citizen.name == name).id


def _anna_with_ali(team) -> None:
    def make():
        cid = create_citizen(CitizenIn(name="Ali H.", phone="11 11 11 11"))
        create_placement(
            cid, PlacementIn(kind="company_internship", workplace="Netto", start_date="02-11-2026")
        )
        create_citizen(CitizenIn(name="Bente K."))

    _on(team["anna"], make)


def _write_week(laptop: Laptop) -> None:
    def write():
        pid = Placement.get().id
        for day in (16, 17, 18, 19, 20):
            logbook.add_entry(
                pid,
                LogbookEntryIn(
                    entry_date=f"{day}-11-2026",
                    attendance="present",
                    hours_planned=4,
                    hours_worked=4,
                    tasks=f"Day {day}: shelves",
                ),
            )

    laptop.run(write)


def test_taken_offline_worked_on_and_synced_back_without_losing_a_word(team, tmp_path):
    _anna_with_ali(team)
    laptop = Laptop(tmp_path / "anna.db", team["anna"])
    report = laptop.sync(take=True, name="Annas laptop")
    assert sorted(report.citizens) == ["Ali H.", "Bente K."]
    assert laptop.run(lambda: Citizen.select().count()) == 2
    # Colleagues see where Ali is.
    out = _on(team["bo"], lambda: devices.where_out([_citizen_id("Ali H.")]))
    assert [(d, m) for d, m, _ in out.values()] == [("Annas laptop", "Anna")]

    _write_week(laptop)
    assert laptop.run(lambda: ChangeOp.select().count()) == 5
    report = laptop.sync()
    assert report.sent == 5 and report.merged.applied == 5 and not report.conflicts
    assert laptop.run(lambda: ChangeOp.select().count()) == 0
    tasks = _on(team["bo"], lambda: sorted(e.tasks for e in LogbookEntry.select()))
    assert tasks == [f"Day {d}: shelves" for d in (16, 17, 18, 19, 20)]
    # Run again: nothing twice.
    again = laptop.sync()
    assert again.sent == 0 and again.received == 0
    assert _on(team["bo"], lambda: LogbookEntry.select().count()) == 5


def _edit(target: str, **changes) -> None:
    def edit():
        cid = _citizen_id("Ali H.")
        update_citizen(cid, citizen_input(cid).model_copy(update=changes))

    _on(target, edit)


def test_the_same_field_changed_on_both_sides_is_a_conflict_with_both_values(team, tmp_path):
    _anna_with_ali(team)
    laptop = Laptop(tmp_path / "anna.db", team["anna"])
    laptop.sync(take=True)
    _edit(laptop.path, phone="22 22 22 22")
    _edit(team["anna"], phone="33 33 33 33")
    report = laptop.sync()
    assert len(report.conflicts) == 1
    conflict = report.conflicts[0]
    assert (conflict["citizen"], conflict["field"], conflict["kind"]) == (
        "Ali H.",
        "phone",
        "both_changed",
    )
    assert json.loads(conflict["mine"]) == "22 22 22 22"
    assert json.loads(conflict["theirs"]) == "33 33 33 33"
    # The server's value is kept, and the laptop now shows it.
    assert _on(team["bo"], lambda: Citizen.get(Citizen.name == "Ali H.").phone) == "33 33 33 33"
    assert laptop.run(lambda: Citizen.get(Citizen.name == "Ali H.").phone) == "33 33 33 33"
    # A second sync makes no second conflict.
    laptop.sync()
    assert _on(team["bo"], lambda: SyncConflict.select().count()) == 1


def test_different_fields_of_one_record_both_survive(team, tmp_path):
    _anna_with_ali(team)
    laptop = Laptop(tmp_path / "anna.db", team["anna"])
    laptop.sync(take=True)
    _edit(laptop.path, notes="Rides the bus alone now")
    _edit(team["anna"], phone="33 33 33 33")
    report = laptop.sync()
    assert not report.conflicts
    ali = _on(team["bo"], lambda: Citizen.get(Citizen.name == "Ali H."))
    assert (ali.phone, ali.notes) == ("33 33 33 33", "Rides the bus alone now")
    mine = laptop.run(lambda: Citizen.get(Citizen.name == "Ali H."))
    assert (mine.phone, mine.notes) == ("33 33 33 33", "Rides the bus alone now")


def test_a_record_deleted_on_the_laptop_and_changed_on_the_server_stays_and_is_listed(
    team, tmp_path
):
    _anna_with_ali(team)
    laptop = Laptop(tmp_path / "anna.db", team["anna"])
    laptop.sync(take=True)
    _write_week(laptop)
    laptop.sync()

    def delete_first():
        LogbookEntry.delete().where(LogbookEntry.entry_date == date(2026, 11, 16)).execute()

    laptop.run(delete_first)

    def change_first():
        entry = LogbookEntry.get(LogbookEntry.entry_date == date(2026, 11, 16))
        entry.tasks = "Day 16: shelves and the till"
        entry.save()

    _on(team["anna"], change_first)
    report = laptop.sync()
    assert [c["kind"] for c in report.conflicts] == ["deleted_here"]
    assert _on(team["bo"], lambda: LogbookEntry.select().count()) == 5
    # And the laptop has it back, with the server's words.
    tasks = laptop.run(
        lambda: LogbookEntry.get(LogbookEntry.entry_date == date(2026, 11, 16)).tasks
    )
    assert tasks == "Day 16: shelves and the till"


def test_a_revoked_laptop_is_refused_and_told_what_it_held(team, tmp_path):
    _anna_with_ali(team)
    laptop = Laptop(tmp_path / "anna.db", team["anna"])
    laptop.sync(take=True, name="Annas laptop")
    _write_week(laptop)
    _on(team["lead"], lambda: devices.revoke("Annas laptop"))
    with pytest.raises(devices.DeviceRevoked, match="Ali H., Bente K."):
        laptop.sync()
    assert _on(team["bo"], lambda: LogbookEntry.select().count()) == 0
    assert _on(team["bo"], lambda: SyncReceipt.select().count()) == 0
    # The laptop keeps what it wrote.
    assert laptop.run(lambda: ChangeOp.select().count()) == 5


def test_a_mentor_cannot_revoke_or_unrevoke_a_device(team, tmp_path):
    _anna_with_ali(team)
    laptop = Laptop(tmp_path / "anna.db", team["anna"])
    laptop.sync(take=True, name="Annas laptop")

    def try_it():
        with pytest.raises(peewee.DatabaseError):
            devices.revoke("Annas laptop")

    _on(team["anna"], try_it)
    assert _on(team["bo"], lambda: Device.get().revoked_at) is None


def test_given_back_the_laptop_forgets_the_citizens_and_the_marks_close(team, tmp_path):
    _anna_with_ali(team)
    laptop = Laptop(tmp_path / "anna.db", team["anna"])
    laptop.sync(take=True)
    _write_week(laptop)
    give_back(laptop.open, laptop.open_team, today=TODAY)
    assert laptop.run(lambda: Citizen.select().count()) == 0
    assert laptop.run(storage.sync_is_logging) is False
    assert _on(team["bo"], lambda: LogbookEntry.select().count()) == 5
    assert _on(team["bo"], lambda: devices.where_out([_citizen_id("Ali H.")])) == {}


def test_a_sync_without_taking_offline_first_is_refused_in_words(team, tmp_path):
    laptop = Laptop(tmp_path / "anna.db", team["anna"])
    with pytest.raises(SyncRefused, match="sync out"):
        laptop.sync()


def _conflict_on_phone(team, tmp_path) -> Laptop:
    _anna_with_ali(team)
    laptop = Laptop(tmp_path / "anna.db", team["anna"])
    laptop.sync(take=True)
    _edit(laptop.path, phone="22 22 22 22")
    _edit(team["anna"], phone="33 33 33 33")
    laptop.sync()
    return laptop


@pytest.mark.parametrize(
    ("choice", "text", "phone"),
    [
        ("mine", None, "22 22 22 22"),
        ("theirs", None, "33 33 33 33"),
        ("merged", "22 / 33", "22 / 33"),
    ],
)
def test_a_conflict_resolved_applies_the_choice_and_reaches_the_laptop(
    team, tmp_path, choice, text, phone
):
    laptop = _conflict_on_phone(team, tmp_path)

    def decide():
        (open_one,) = conflicts.open_conflicts()
        assert (open_one.citizen, open_one.field, open_one.author) == ("Ali H.", "phone", "Anna")
        conflicts.resolve(open_one.id, ConflictResolution(choice), text)
        assert conflicts.open_conflicts() == []

    _on(team["anna"], decide)
    assert _on(team["bo"], lambda: Citizen.get(Citizen.name == "Ali H.").phone) == phone
    laptop.sync()
    assert laptop.run(lambda: Citizen.get(Citizen.name == "Ali H.").phone) == phone


def test_a_colleague_cannot_resolve_a_conflict_about_someone_elses_citizen(team, tmp_path):
    _conflict_on_phone(team, tmp_path)

    def try_it():
        (open_one,) = conflicts.open_conflicts()
        with pytest.raises(peewee.DatabaseError):
            conflicts.resolve(open_one.id, ConflictResolution.MINE)

    _on(team["bo"], try_it)
    assert _on(team["anna"], lambda: len(conflicts.open_conflicts())) == 1


# Two laptops: Anna's and Bo's each hold their own citizens, and both hold the
# provider's register, which both may change offline.


def _two_laptops(team, tmp_path) -> tuple[Laptop, Laptop]:
    from mentorterm.domain.workplaces import create_workplace
    from mentorterm.schemas.workplaces import WorkplaceIn

    _anna_with_ali(team)
    _on(team["bo"], lambda: create_citizen(CitizenIn(name="Carl B.")))
    _on(
        team["anna"],
        lambda: create_workplace(WorkplaceIn(name="Netto Vest", supervisor_name="Jens")),
    )
    anna = Laptop(tmp_path / "anna.db", team["anna"])
    anna.sync(take=True, name="Annas laptop")
    bo = Laptop(tmp_path / "bo.db", team["bo"])
    bo.sync(take=True, name="Bos laptop")
    assert bo.run(lambda: sorted(c.name for c in Citizen.select())) == ["Carl B."]
    return anna, bo


def _workplace(laptop_or_url, **changes) -> None:
    from mentorterm.domain.workplaces import update_workplace, workplace_input
    from mentorterm.models import Workplace

    def edit():
        wid = Workplace.get(Workplace.name == "Netto Vest").id
        update_workplace(wid, workplace_input(wid).model_copy(update=changes))

    _on(laptop_or_url.path if isinstance(laptop_or_url, Laptop) else laptop_or_url, edit)


def test_two_laptops_changing_the_same_field_offline_the_second_meets_a_conflict(team, tmp_path):
    from mentorterm.models import Workplace

    anna, bo = _two_laptops(team, tmp_path)
    _workplace(anna, supervisor_name="Jens Holm")
    _workplace(bo, supervisor_name="Jens H.")
    assert not anna.sync().conflicts
    report = bo.sync()
    assert [(c["table"], c["field"], c["kind"]) for c in report.conflicts] == [
        ("workplace", "supervisor_name", "both_changed")
    ]
    assert json.loads(report.conflicts[0]["mine"]) == "Jens H."
    assert json.loads(report.conflicts[0]["theirs"]) == "Jens Holm"
    assert bo.run(lambda: Workplace.get().supervisor_name) == "Jens Holm"


def test_two_laptops_changing_one_field_each_both_changes_survive(team, tmp_path):
    from mentorterm.models import Workplace

    anna, bo = _two_laptops(team, tmp_path)
    _workplace(anna, supervisor_name="Jens Holm")
    _workplace(bo, accommodations="A quiet corner for breaks")
    anna.sync()
    assert not bo.sync().conflicts
    anna.sync()
    for where in (team["lead"], anna.path, bo.path):
        netto = _on(where, lambda: Workplace.get(Workplace.name == "Netto Vest"))
        assert (netto.supervisor_name, netto.accommodations) == (
            "Jens Holm", "A quiet corner for breaks",
        )  # fmt: skip


def test_one_laptop_deleting_what_the_other_changes_is_listed_not_lost(team, tmp_path):
    from mentorterm.models import Workplace

    anna, bo = _two_laptops(team, tmp_path)
    anna.run(lambda: Workplace.delete().execute())
    _workplace(bo, notes="They take one more trainee from January")
    anna.sync()
    assert _on(team["lead"], lambda: Workplace.select().count()) == 0
    report = bo.sync()
    assert [c["kind"] for c in report.conflicts] == ["deleted_there"]
    # The laptop's whole record is kept in the conflict: "keep mine" brings it back.
    (conflict,) = _on(team["bo"], conflicts.open_conflicts)
    assert conflict.mine["notes"] == "They take one more trainee from January"
    _on(team["bo"], lambda: conflicts.resolve(conflict.id, ConflictResolution.MINE))
    restored = _on(team["lead"], lambda: Workplace.get(Workplace.name == "Netto Vest").notes)
    assert restored == "They take one more trainee from January"


def test_a_sync_cut_between_two_citizens_keeps_the_first_and_goes_on(team, tmp_path, monkeypatch):
    """One transaction per citizen: cut off (here: the server refuses) after
    the first citizen's batch, that batch stays with its receipts; the next
    sync sends the rest and nothing twice."""
    from mentorterm.domain.sync import merge as merging
    from mentorterm.models import SubGoal

    _anna_with_ali(team)
    laptop = Laptop(tmp_path / "anna.db", team["anna"])
    laptop.sync(take=True)
    _write_week(laptop)  # Ali's logbook

    def bente_goal():
        from mentorterm.domain.subgoals.goals import create_sub_goal
        from mentorterm.schemas import SubGoalIn

        create_sub_goal(_citizen_id("Bente K."), SubGoalIn(title="Take the bus alone"))

    laptop.run(bente_goal)
    real = merging._Merge.insert

    def cut(self, change):
        if change["table"] == "sub_goal":
            raise ConnectionError("the network went away")
        return real(self, change)

    monkeypatch.setattr(merging._Merge, "insert", cut)
    with pytest.raises(ConnectionError):
        laptop.sync()
    storage.close_database()
    assert _on(team["bo"], lambda: LogbookEntry.select().count()) == 5  # Ali's batch is in
    assert _on(team["bo"], lambda: SubGoal.select().count()) == 0
    monkeypatch.setattr(merging._Merge, "insert", real)
    report = laptop.sync()
    assert report.merged.applied == 1 and report.merged.already == 0
    assert _on(team["bo"], lambda: LogbookEntry.select().count()) == 5
    assert _on(team["bo"], lambda: [g.title for g in SubGoal.select()]) == ["Take the bus alone"]
    assert laptop.run(lambda: ChangeOp.select().count()) == 0
