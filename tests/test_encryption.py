"""Encryption at rest (SQLCipher), the passphrase, the CLI's ways to give it, and the lock."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input

from mentorterm import storage
from mentorterm.app import make_app
from mentorterm.models import Citizen, db

from .conftest import file_bytes
from .test_erasure import fill_marked

PASS = "bananer i vindueskarmen"


@pytest.fixture(autouse=True)
def _encrypted_by_default():
    """These tests see the app's real default: a new database is encrypted."""
    storage.allow_plaintext_for_tests(False)


def digest(path: Path) -> dict[str, str]:
    return {suffix: hashlib.sha256(data).hexdigest() for suffix, data in file_bytes(path).items()}


def test_a_new_database_needs_a_passphrase_and_refuses_an_empty_one(db_path):
    with pytest.raises(storage.PassphraseNeeded, match="choose a passphrase"):
        storage.open_database(db_path)
    for weak in ("", "   ", "short"):
        with pytest.raises(storage.WeakPassphrase):
            storage.open_database(db_path, passphrase=weak)
    assert not db_path.exists()  # nothing was created, not even an empty file
    storage.open_database(db_path, passphrase=PASS)
    storage.close_database()
    assert storage.is_encrypted_file(db_path)
    assert db_path.read_bytes()[:16] != storage.PLAINTEXT_HEADER


def test_no_byte_of_any_text_field_is_readable_open_closed_or_backed_up(db_path, tmp_path):
    marker = "MARKER-9F3A1"
    storage.open_database(db_path, passphrase=PASS)
    try:
        fill_marked(marker)
        # Open: the -wal and -shm hold the recent writes.
        open_files = file_bytes(db_path)
        assert "-wal" in open_files
        backup = storage.backup_database(tmp_path / "backup.db")
    finally:
        storage.close_database()
    closed_files = file_bytes(db_path)
    for files in (open_files, closed_files, {"backup": backup.read_bytes()}):
        for name, data in files.items():
            assert marker.encode() not in data, f"{name} shows the marker"
            assert "MARKER".encode("utf-16-le") not in data
    # The backup is encrypted with the same passphrase and holds everything.
    assert storage.is_encrypted_file(backup)
    storage.open_database(backup, create=False, passphrase=PASS)
    try:
        assert Citizen.get().name.startswith(marker)
    finally:
        storage.close_database()


@pytest.mark.parametrize("damage", ["wrong passphrase", "flipped byte"])
def test_a_wrong_passphrase_or_a_damaged_file_is_one_clear_message(db_path, damage):
    storage.open_database(db_path, passphrase=PASS)
    storage.close_database()
    passphrase = PASS
    if damage == "wrong passphrase":
        passphrase = "not the passphrase"
    else:
        data = bytearray(db_path.read_bytes())
        data[100] ^= 0xFF  # inside page 1's encrypted content
        db_path.write_bytes(bytes(data))
    before = digest(db_path)
    with pytest.raises(storage.WrongPassphrase) as caught:
        storage.open_database(db_path, passphrase=passphrase)
    message = str(caught.value)
    assert "either the passphrase is wrong or the file is damaged" in message
    assert "Nothing was changed" in message
    assert digest(db_path) == before


def test_the_latest_backup_is_offered_when_it_cannot_open(db_path):
    storage.open_database(db_path, passphrase=PASS)
    backup = storage.backup_database(db_path.with_name("mentorterm.db.manual.bak"))
    storage.close_database()
    with pytest.raises(storage.WrongPassphrase, match=str(backup.name)):
        storage.open_database(db_path, passphrase="not the passphrase")


def test_change_the_passphrase(db_path):
    storage.open_database(db_path, passphrase=PASS)
    with pytest.raises(storage.WrongPassphrase):
        storage.change_passphrase("not it", "a new long passphrase")
    with pytest.raises(storage.WeakPassphrase):
        storage.change_passphrase(PASS, "")
    storage.change_passphrase(PASS, "a new long passphrase")
    storage.close_database()
    with pytest.raises(storage.WrongPassphrase):
        storage.open_database(db_path, passphrase=PASS)
    storage.open_database(db_path, passphrase="a new long passphrase")
    storage.close_database()


def test_encrypt_an_existing_plaintext_database(db_path, monkeypatch):
    marker = "MARKER-PLAIN-77"
    storage.open_database(db_path, plaintext=True)
    fill_marked(marker)
    counts = storage.row_counts()
    storage.close_database()
    assert marker.encode() in db_path.read_bytes()
    encrypted, kept = storage.encrypt_database(db_path, PASS)
    assert encrypted == db_path and storage.is_encrypted_file(db_path)
    assert marker.encode() not in db_path.read_bytes()
    assert marker.encode() in kept.read_bytes()  # the original, kept for the mentor to delete
    storage.open_database(db_path, create=False, passphrase=PASS)
    try:
        assert storage.row_counts() == counts
        assert storage.schema_version() == storage.SCHEMA_VERSION
    finally:
        storage.close_database()
    with pytest.raises(storage.StorageError, match="encrypted already"):
        storage.encrypt_database(db_path, PASS)


# --- the CLI: the passphrase never on the command line ------------------------------------


def cli(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mentorterm.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        **kwargs,
    )


def test_cli_reads_the_passphrase_from_a_file_or_a_descriptor(db_path, tmp_path):
    secret = tmp_path / "pass.txt"
    secret.write_text(PASS + "\n", encoding="utf-8")
    made = cli("demo", "--db", str(db_path), "--passphrase-file", str(secret))
    assert made.returncode == 0, made.stderr
    assert storage.is_encrypted_file(db_path)
    # Without a passphrase and without a terminal to ask on: one clear line.
    refused = cli("info", "--db", str(db_path), stdin=subprocess.DEVNULL)
    assert refused.returncode != 0
    assert refused.stderr.startswith("mentorterm: ")
    assert "--passphrase-file" in refused.stderr and "Traceback" not in refused.stderr
    read_fd, write_fd = os.pipe()
    os.write(write_fd, (PASS + "\n").encode())
    os.close(write_fd)
    try:
        info = cli(
            "info", "--db", str(db_path), "--passphrase-fd", str(read_fd), pass_fds=(read_fd,)
        )
    finally:
        os.close(read_fd)
    assert info.returncode == 0, info.stderr
    assert "citizen" in info.stdout
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase\n", encoding="utf-8")
    before = digest(db_path)
    bad = cli("export", "--db", str(db_path), "--passphrase-file", str(wrong))
    assert bad.returncode != 0 and "passphrase is wrong or the file is damaged" in bad.stderr
    assert digest(db_path) == before


def test_cli_encrypt_converts_and_says_what_remains(db_path, tmp_path):
    plain = cli("demo", "--db", str(db_path), "--plaintext")
    assert plain.returncode == 0, plain.stderr
    assert not storage.is_encrypted_file(db_path)
    secret = tmp_path / "pass.txt"
    secret.write_text(PASS, encoding="utf-8")
    done = cli("encrypt", "--db", str(db_path), "--passphrase-file", str(secret))
    assert done.returncode == 0, done.stderr
    assert "is now encrypted" in done.stdout and "plaintext-" in done.stdout
    assert storage.is_encrypted_file(db_path)
    check = cli("check", "--db", str(db_path), "--passphrase-file", str(secret))
    assert check.returncode == 0, check.stdout + check.stderr


# --- the app: first run, unlock, the lock --------------------------------------------------


async def type_into(pilot, app, selector: str, text: str) -> None:
    app.screen.query_one(selector, Input).value = text
    await pilot.pause()


async def test_first_run_chooses_a_passphrase_then_the_app_opens(db_path):
    app = make_app(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "PassphraseScreen"
        await type_into(pilot, app, "#pass-1", "")
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert "empty passphrase" in str(app.screen.query_one("#pass-error").render())
        assert not db_path.exists()
        await type_into(pilot, app, "#pass-1", PASS)
        await type_into(pilot, app, "#pass-2", PASS + "x")
        app.screen.query_one("#pass-2", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert "differ" in str(app.screen.query_one("#pass-error").render())
        await type_into(pilot, app, "#pass-1", PASS)
        await type_into(pilot, app, "#pass-2", PASS)
        app.screen.query_one("#pass-2", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseloadScreen"
    storage.close_database()
    assert storage.is_encrypted_file(db_path)


async def test_tab_moves_between_the_two_new_passphrase_fields(db_path):
    """Typed with the keyboard only: tab goes to "the same again", shift+tab back."""
    app = make_app(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        # One burst, as a terminal delivers fast typing: every key queued before
        # the first is handled (tab moves the focus only once it is handled).
        for key in [*PASS, "tab", *PASS]:
            char = {"tab": "\t", " ": " "}.get(key, key)
            app.post_message(events.Key("space" if key == " " else key, char))
        await pilot.pause()
        first = app.screen.query_one("#pass-1", Input)
        second = app.screen.query_one("#pass-2", Input)
        assert (first.value, second.value) == (PASS, PASS)
        await pilot.press("shift+tab")
        assert app.screen.focused is first
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseloadScreen"
    storage.close_database()
    assert storage.is_encrypted_file(db_path)


async def test_the_idle_lock_hides_everything_and_closes_the_database(db_path):
    storage.open_database(db_path, passphrase=PASS)
    from mentorterm.domain.citizens import create_citizen
    from mentorterm.schemas import CitizenIn

    create_citizen(CitizenIn(name="Mette Jørgensen"))
    storage.close_database()
    app = make_app(db_path, lock_after_seconds=0.5)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "PassphraseScreen"  # a start asks first
        await type_into(pilot, app, "#pass-1", PASS)
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseloadScreen"
        assert "Mette" in app.screen.query_one("#caseload").get_row_at(0)[0]
        await pilot.pause(1.5)  # idle for longer than the limit
        app._check_idle()
        await pilot.pause()
        assert app.locked and type(app.screen).__name__ == "PassphraseScreen"
        assert db.obj.is_closed() and db.obj.connect_params["passphrase"] == ""
        # Nothing of the citizen is on the screen while locked.
        assert "Mette" not in "".join(str(w.render()) for w in app.screen.query("Static"))
        # Three wrong tries, then each try waits (a fixed clock).
        now = [1_000_000.0]
        app.clock = lambda: now[0]
        for _ in range(3):
            await type_into(pilot, app, "#pass-1", "not the passphrase")
            await pilot.press("enter")
            await pilot.pause()
        wait = str(app.screen.query_one("#pass-wait").render())
        assert "Wait 2 seconds" in wait
        await type_into(pilot, app, "#pass-1", PASS)
        await pilot.press("enter")  # too soon: still locked
        await pilot.pause()
        assert app.locked
        now[0] += 2  # the wait is over
        await type_into(pilot, app, "#pass-1", PASS)
        await pilot.press("enter")
        await pilot.pause()
        assert not app.locked and type(app.screen).__name__ == "CaseloadScreen"
        assert not db.obj.is_closed()
        await pilot.press("ctrl+l")  # locks at once
        await pilot.pause()
        assert app.locked and db.obj.is_closed()
    storage.close_database()


async def test_an_unencrypted_database_is_named_as_such_at_start(db_path):
    storage.open_database(db_path, plaintext=True)
    storage.close_database()
    app = make_app(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseloadScreen"
        assert any("not encrypted" in str(n.message) for n in app._notifications)
    storage.close_database()
