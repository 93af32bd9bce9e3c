"""Record versions (schema 9, models/versions.py): every saved change moves a
row's version on by one, and a save naming a version the row has left is
refused with nothing written, on both engines."""

from __future__ import annotations

import pytest

from mentorterm import storage
from mentorterm.models import Citizen
from mentorterm.models.versions import ChangedMeanwhile, expecting

pytestmark = pytest.mark.both_engines


def _citizen() -> Citizen:
    return Citizen.create(mentor=storage.ensure_default_mentor(), name="Sara Nielsen")


def test_each_saved_change_moves_the_version_on_by_one(database):
    citizen = _citizen()
    assert citizen.version == 1
    for expected in (2, 3, 4):
        citizen.phone = f"2{expected}"
        citizen.save()
        assert citizen.version == expected
        assert Citizen.get_by_id(citizen.id).version == expected


def test_a_save_from_a_stale_copy_is_refused_and_writes_nothing(database):
    citizen = _citizen()
    other = Citizen.get_by_id(citizen.id)  # another window's copy
    citizen.phone = "11 11 11 11"
    citizen.save()
    other.phone = "22 22 22 22"
    with pytest.raises(ChangedMeanwhile) as refused:
        other.save()
    assert (refused.value.table, refused.value.record_id) == ("citizen", citizen.id)
    stored = Citizen.get_by_id(citizen.id)
    assert (stored.phone, stored.version) == ("11 11 11 11", 2)
    assert other.version == 1  # the copy still says what it was read as


def test_expecting_holds_a_save_to_the_version_the_form_showed(database):
    citizen = _citizen()
    shown = citizen.version
    meanwhile = Citizen.get_by_id(citizen.id)
    meanwhile.address = "Vestergade 3"
    meanwhile.save()
    # The form's save reads the row afresh (version 2) but names what it showed (1).
    fresh = Citizen.get_by_id(citizen.id)
    fresh.phone = "33 33 33 33"
    with pytest.raises(ChangedMeanwhile), expecting("citizen", citizen.id, shown):
        fresh.save()
    assert Citizen.get_by_id(citizen.id).phone == ""
    # Naming the version it has now, the same save goes through.
    with expecting("citizen", citizen.id, 2):
        fresh.save()
    assert Citizen.get_by_id(citizen.id).version == 3


def test_a_row_read_without_its_version_still_moves_it_on(database):
    citizen = _citizen()
    partial = Citizen.select(Citizen.id, Citizen.name).where(Citizen.id == citizen.id).get()
    partial.name = "Sara N."
    partial.save()
    stored = Citizen.get_by_id(citizen.id)
    assert (stored.name, stored.version) == ("Sara N.", 2)


def test_a_handover_keeps_both_mentors_the_day_and_the_note(database):
    from datetime import date

    from mentorterm.domain import citizens
    from mentorterm.models import Handover, Mentor

    citizen = _citizen()
    first = citizen.mentor_id
    bo = Mentor.create(name="Bo Lund")
    citizens.reassign_citizen(citizen.id, bo.id, note="  Likes mornings. ", on=date(2026, 12, 1))
    citizens.reassign_citizen(citizen.id, bo.id, note="again")  # already his: nothing
    (handover,) = citizens.handovers_of(citizen.id)
    assert handover.handed_on == date(2026, 12, 1)
    assert (handover.from_name, handover.to_name, handover.note) == (
        Mentor.get_by_id(first).name,
        "Bo Lund",
        "Likes mornings.",
    )
    assert Citizen.get_by_id(citizen.id).mentor_id == bo.id
    assert Handover.select().count() == 1
