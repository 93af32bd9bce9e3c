"""``mentorterm sync`` from the command line, and a sync killed at random
points (SIGKILL) that is simply run again: nothing lost, nothing twice."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from datetime import date

import pytest

from mentorterm import cli
from mentorterm.domain import audit, logbook
from mentorterm.domain.citizens import create_citizen
from mentorterm.domain.placements import create_placement
from mentorterm.models import ChangeOp, Citizen, LogbookEntry, Placement
from mentorterm.schemas import CitizenIn, LogbookEntryIn, PlacementIn

from .test_sync import _on


def _ali(url: str) -> None:
    def make():
        cid = create_citizen(CitizenIn(name="Ali H."))
        create_placement(
            cid, PlacementIn(kind="company_internship", workplace="Netto", start_date="02-11-2025")
        )

    _on(url, make)


def _days(path: str, first: int, count: int) -> None:
    def write():
        pid = Placement.get().id
        start = date(2025, 11, 3).toordinal() + first
        for n in range(count):
            day = date.fromordinal(start + n)
            logbook.add_entry(
                pid,
                LogbookEntryIn(entry_date=day.strftime("%d-%m-%Y"), attendance="present",
                               hours_planned=3, hours_worked=3, tasks=f"day {first + n}"),
            )  # fmt: skip

    _on(path, write)


def test_out_sync_conflicts_resolve_and_back_from_the_command_line(team, tmp_path, capsys):
    _ali(team["anna"])
    laptop = str(tmp_path / "anna.db")
    assert (
        cli.main(["sync", "out", "--team", team["anna"], "--db", laptop, "--name", "Annas laptop"])
        == 0
    )
    said = capsys.readouterr().out
    assert "On this laptop: Ali H." in said
    _days(laptop, 0, 3)
    assert cli.main(["sync", "--team", team["anna"], "--db", laptop]) == 0
    assert "Sent 3 changes: 3 applied" in capsys.readouterr().out
    assert cli.main(["sync", "devices", "--team", team["lead"]]) == 0
    assert "Annas laptop (Anna): 1 citizen, last sync" in capsys.readouterr().out
    assert cli.main(["sync", "conflicts", "--team", team["anna"]]) == 0
    assert "No conflicts" in capsys.readouterr().out
    assert cli.main(["sync", "resolve", "x", "mine", "--team", team["anna"]]) != 0
    assert "Say which and how" in capsys.readouterr().err
    assert cli.main(["sync", "back", "--team", team["anna"], "--db", laptop]) == 0
    assert "gone from this laptop" in capsys.readouterr().out
    assert _on(laptop, lambda: Citizen.select().count()) == 0
    assert _on(team["bo"], lambda: LogbookEntry.select().count()) == 3


def test_a_revoked_laptop_is_refused_in_words(team, tmp_path, capsys):
    _ali(team["anna"])
    laptop = str(tmp_path / "anna.db")
    assert (
        cli.main(["sync", "out", "--team", team["anna"], "--db", laptop, "--name", "Annas laptop"])
        == 0
    )
    assert cli.main(["sync", "revoke", "Annas laptop", "--team", team["anna"]]) != 0
    assert "lead" in capsys.readouterr().err
    assert cli.main(["sync", "revoke", "Annas laptop", "--team", team["lead"]]) == 0
    assert "It held: Ali H." in capsys.readouterr().out
    assert cli.main(["sync", "--team", team["anna"], "--db", laptop]) != 0
    err = capsys.readouterr().err
    assert "revoked by the team lead" in err and "Traceback" not in err


def _sync_process(url: str, laptop: str) -> subprocess.Popen:
    code = (
        "import sys; from mentorterm import cli, storage; storage.allow_plaintext_for_tests(); "
        "sys.exit(cli.main(sys.argv[1:]))"
    )
    env = dict(os.environ, PYTHONPATH=os.getcwd())
    return subprocess.Popen(
        [sys.executable, "-c", code, "sync", "--team", url, "--db", laptop],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
    )  # fmt: skip


def killed_syncs(url: str, laptop: str, rounds: int, seed: int) -> dict[str, int]:
    """Write days, start a sync, kill it at a random moment, sync again to
    the end; after each round the server and the laptop hold each day once."""
    rng = random.Random(seed)
    written = 0
    killed = 0
    for _round in range(rounds):
        _days(laptop, written, 4)
        written += 4
        started = time.monotonic()
        probe = _sync_process(url, laptop)
        probe.wait(timeout=120)
        took = time.monotonic() - started
        _days(laptop, written, 4)
        written += 4
        victim = _sync_process(url, laptop)
        time.sleep(rng.uniform(0, took))
        if victim.poll() is None:
            victim.send_signal(signal.SIGKILL)
            killed += 1
        victim.wait(timeout=120)
        status = _sync_process(url, laptop).wait(timeout=120)
        assert status == 0
        on_server = _on(url, lambda: sorted(e.tasks for e in LogbookEntry.select()))
        expected = sorted(f"day {n}" for n in range(written))
        assert on_server == expected, "lost or doubled on the server"
        here = _on(laptop, lambda: sorted(e.tasks for e in LogbookEntry.select()))
        assert here == expected, "lost or doubled on the laptop"
        assert _on(laptop, lambda: ChangeOp.select().count()) == 0
    return {"rounds": rounds, "killed": killed, "days": written}


@pytest.mark.parametrize("seed", [1, 2])
def test_a_sync_killed_at_random_points_loses_nothing_and_doubles_nothing(team, tmp_path, seed):
    _ali(team["anna"])
    laptop = str(tmp_path / "anna.db")
    assert cli.main(["sync", "out", "--team", team["anna"], "--db", laptop]) == 0
    result = killed_syncs(team["anna"], laptop, rounds=3, seed=seed)
    assert result["days"] == 24
    assert result["killed"] >= 1  # at least one sync was cut off mid-way


def test_a_laptop_older_than_the_team_database_is_told_to_update_and_nothing_is_written(
    team, team_url, tmp_path, capsys
):
    import psycopg

    _ali(team["anna"])
    laptop = str(tmp_path / "anna.db")
    assert cli.main(["sync", "out", "--team", team["anna"], "--db", laptop]) == 0
    _days(laptop, 0, 2)
    with psycopg.connect(team_url, autocommit=True) as conn:
        conn.execute("UPDATE mentorterm_schema SET version = version + 1")
    assert cli.main(["sync", "--team", team["anna"], "--db", laptop]) != 0
    err = capsys.readouterr().err
    assert "Update mentorterm" in err and "Nothing was changed" in err
    with psycopg.connect(team_url, autocommit=True) as conn:
        conn.execute("UPDATE mentorterm_schema SET version = version - 1")
    assert _on(team["bo"], lambda: LogbookEntry.select().count()) == 0
    assert _on(laptop, lambda: ChangeOp.select().count()) == 2


def test_a_laptop_without_network_syncs_through_sealed_bundles(team, tmp_path, capsys):
    _ali(team["anna"])
    laptop = str(tmp_path / "anna.db")
    secret = tmp_path / "bundle-password"
    secret.write_text("Kaffe på værkstedet 2026\n")
    pw = ["--bundle-password-file", str(secret)]
    assert cli.main(["sync", "out", "--team", team["anna"], "--db", laptop]) == 0
    _days(laptop, 0, 3)
    out, reply = str(tmp_path / "changes.bundle"), str(tmp_path / "reply.bundle")
    assert cli.main(["sync", "bundle", out, "--db", laptop, *pw]) == 0
    assert "3 changes sealed" in capsys.readouterr().out
    assert b"day 0" not in (tmp_path / "changes.bundle").read_bytes()
    # Written on the laptop while the bundle travels: kept, sent next time.
    _days(laptop, 3, 1)
    wrong = tmp_path / "wrong"
    wrong.write_text("not the password\n")
    assert cli.main(["sync", "apply-bundle", out, "--reply", reply, "--team", team["anna"],
                     "--bundle-password-file", str(wrong)]) != 0  # fmt: skip
    assert "could not be opened" in capsys.readouterr().err
    assert _on(team["bo"], lambda: LogbookEntry.select().count()) == 0
    assert (
        cli.main(["sync", "apply-bundle", out, "--reply", reply, "--team", team["anna"], *pw]) == 0
    )
    assert _on(team["bo"], lambda: LogbookEntry.select().count()) == 3

    # A change on the server, then the same bundle again: nothing twice, a newer reply.
    def on_server():
        entry = LogbookEntry.get(LogbookEntry.tasks == "day 1")
        entry.notes = "Written at the office"
        entry.save()
        audit.record("update", "logbook_entry", citizen_id=entry.citizen_id, record_id=entry.id)

    _on(team["anna"], on_server)
    again = str(tmp_path / "reply2.bundle")
    applied = ["sync", "apply-bundle", out, "--reply", again, "--team", team["anna"], *pw]
    assert cli.main(applied) == 0
    assert _on(team["bo"], lambda: LogbookEntry.select().count()) == 3
    capsys.readouterr()
    assert cli.main(["sync", "receive", again, "--db", laptop, *pw]) == 0
    here = _on(laptop, lambda: sorted(e.tasks for e in LogbookEntry.select()))
    assert here == ["day 0", "day 1", "day 2", "day 3"]
    noted = _on(laptop, lambda: LogbookEntry.get(LogbookEntry.tasks == "day 1").notes)
    assert noted == "Written at the office"
    assert _on(laptop, lambda: ChangeOp.select().count()) == 1
    # Received twice it changes nothing; the older reply after the newer is refused.
    assert cli.main(["sync", "receive", again, "--db", laptop, *pw]) == 0
    assert _on(laptop, lambda: ChangeOp.select().count()) == 1
    capsys.readouterr()
    assert cli.main(["sync", "receive", reply, "--db", laptop, *pw]) != 0
    assert "older than" in capsys.readouterr().err
    assert cli.main(["sync", "--team", team["anna"], "--db", laptop]) == 0
    assert _on(team["bo"], lambda: LogbookEntry.select().count()) == 4


def test_a_sync_without_team_takes_the_laptops_kept_address_and_opens_its_file_twice(
    team, tmp_path, capsys, monkeypatch
):
    from mentorterm import storage
    from mentorterm.domain.sync.flow import state

    from .team_logins import PASSWORD

    _ali(team["anna"])
    laptop = str(tmp_path / "anna.db")
    assert (
        cli.main(["sync", "out", "--team", team["anna"], "--db", laptop, "--name", "Bærbar"]) == 0
    )
    _days(laptop, 0, 2)
    kept = _on(laptop, lambda: state().team)
    assert "password" not in kept  # the laptop keeps the address, never the password
    opened: list[str] = []
    real_open = storage.open_database

    def counting(target, *args, **kwargs):
        opened.append(str(target))
        return real_open(target, *args, **kwargs)

    monkeypatch.setattr(storage, "open_database", counting)
    read, write = os.pipe()
    os.write(write, (PASSWORD + "\n").encode())
    os.close(write)
    capsys.readouterr()
    assert cli.main(["sync", "--db", laptop, "--team-password-fd", str(read)]) == 0
    assert "Sent 2 changes: 2 applied" in capsys.readouterr().out
    # the laptop's file before and after the team database, and no third time
    # only to read the address (each opening of an encrypted file is a key derivation)
    assert opened == [laptop, kept, laptop]
    assert _on(team["bo"], lambda: LogbookEntry.select().count()) == 2


def test_a_sync_without_team_on_a_laptop_holding_nothing_is_told_to_take_them_out_first(
    tmp_path, capsys
):
    laptop = str(tmp_path / "empty.db")
    assert cli.main(["sync", "--db", laptop]) != 0
    err = capsys.readouterr().err
    assert "take them offline first with 'mentorterm sync out'" in err and "Traceback" not in err
    assert _on(laptop, lambda: ChangeOp.select().count()) == 0 and _on(laptop, state_count) == 0
    assert cli.main(["sync", "out", "--db", laptop]) != 0
    assert "Give the team database" in capsys.readouterr().err


def state_count() -> int:
    from mentorterm.models import SyncState

    return SyncState.select().count()
