"""New records' uids (mentorterm/uids.py): version 7 UUIDs that sort in the
order they were made, never repeat, and mix with the uuid4s made before."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
import uuid

from mentorterm import uids
from mentorterm.fields import new_uid, seeded_uids
from mentorterm.models import Citizen, Mentor


def test_a_new_uid_is_a_version_7_uuid_of_the_moment_it_was_made():
    before = time.time_ns() // 1_000_000
    made = new_uid()
    after = time.time_ns() // 1_000_000
    parsed = uuid.UUID(made)
    assert made == parsed.hex and len(made) == 32
    assert parsed.version == 7 and parsed.variant == uuid.RFC_4122
    assert before <= parsed.int >> 80 <= after


def test_uids_made_one_after_another_sort_one_after_another_even_across_threads():
    made: list[list[str]] = [[] for _ in range(4)]

    def make(out: list[str]) -> None:
        for _ in range(3000):
            out.append(uids.time_ordered())

    threads = [threading.Thread(target=make, args=(out,)) for out in made]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    every = [u for out in made for u in out]
    assert len(set(every)) == len(every) == 12000
    for out in made:  # each thread's own, in the order it made them
        assert out == sorted(out)
    assert all(uuid.UUID(u).version == 7 for u in every)


def test_a_clock_set_back_still_gives_a_greater_uid(monkeypatch):
    first = uids.time_ordered()
    monkeypatch.setattr(uids.time, "time_ns", lambda: 1_000_000_000_000)  # 1970 + 16 min
    second = uids.time_ordered()
    assert second > first and uuid.UUID(second).version == 7


def test_two_processes_making_uids_at_once_never_repeat_one():
    code = (
        "from mentorterm import uids\nprint('\\n'.join(uids.time_ordered() for _ in range(20000)))"
    )
    runs = [
        subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=60)[0].split() for run in runs]
    assert all(len(out) == 20000 for out in outputs)
    assert not set(outputs[0]) & set(outputs[1])


def test_the_demo_s_seeded_uids_are_still_the_same_for_the_same_seed():
    with seeded_uids(7):
        first = [new_uid() for _ in range(3)]
    with seeded_uids(7):
        again = [new_uid() for _ in range(3)]
    assert first == again and new_uid() not in first


def test_records_made_before_keep_their_uuid4_and_new_ones_sit_beside_them(database):
    mentor = Mentor.create(name="Mette")
    old = Citizen.create(name="Gammel", mentor=mentor, uid=uuid.uuid4().hex)
    new = Citizen.create(name="Ny", mentor=mentor)
    assert uuid.UUID(Citizen.get_by_id(old.id).uid).version == 4
    assert uuid.UUID(Citizen.get_by_id(new.id).uid).version == 7
    assert Citizen.get(Citizen.uid == new.uid).id == new.id
