"""Issue 14, items 2 and 4: no variable turns encryption off, and every file is owner-only.

- MENTORTERM_PLAINTEXT=1 in the environment no longer makes a new database
  (the real one, or an ``import`` into a new file) unencrypted; an
  unencrypted database always says so on opening.
- Under the usual umask 022 the database, its -wal/-shm, backups, migration
  backups, the ``encrypt`` original, exports and errors.log are 0600; the
  per-user folders 0700; files an older mentorterm left 0644 are fixed when
  mentorterm starts.
- Temporary ``.part`` files are created O_EXCL|O_NOFOLLOW: a planted symlink
  is refused, never followed; ``export -o`` keeps an existing file unless
  ``--force``; the TUI asks before it replaces one.
- A file dialog given a path the operating system refuses says so next to
  the field (no traceback).
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Input

from mentorterm import cli, crashlog, private, storage
from mentorterm.app import make_app
from mentorterm.domain import files
from mentorterm.domain.errors import DomainError

from .factories import full_citizen

TODAY = date(2026, 11, 22)
PASS = "bananer i vindueskarmen"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


@pytest.fixture
def umask_022():
    """The usual desktop umask, as a mentor's shell has it."""
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.fixture
def populated(db_path):
    storage.open_database(db_path)
    full_citizen("Ali Hassan")
    storage.close_database()
    return db_path


def real_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """The real command (python -m mentorterm.cli): no test switch in it."""
    return subprocess.run(
        [sys.executable, "-m", "mentorterm.cli", *args],
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


# --- item 2: no environment variable turns encryption off ----------------------------


def test_the_plaintext_variable_does_not_make_a_new_database_unencrypted(db_path, monkeypatch):
    storage.allow_plaintext_for_tests(False)  # as in real use
    monkeypatch.setenv("MENTORTERM_PLAINTEXT", "1")
    assert storage.needs_passphrase(db_path) == "create"
    with pytest.raises(storage.PassphraseNeeded):
        storage.open_database(db_path)
    assert not db_path.exists()
    storage.open_database(db_path, passphrase=PASS)
    storage.close_database()
    assert db_path.read_bytes()[:16] != storage.PLAINTEXT_HEADER


def test_the_default_database_is_encrypted_even_with_the_variable_set(tmp_path, monkeypatch):
    storage.allow_plaintext_for_tests(False)
    monkeypatch.setenv("MENTORTERM_PLAINTEXT", "1")
    default = storage.default_database_path()
    assert storage.needs_passphrase(str(default)) == "create"
    app = make_app(str(default), today=TODAY)
    assert app.ask == "create"  # the app asks the mentor to choose a passphrase
    assert not default.exists()


def test_import_into_a_new_file_with_the_variable_set_is_not_unencrypted(tmp_path, populated):
    exported = tmp_path / "all.json"
    assert real_cli("export", "--db", str(populated), "-o", str(exported)).returncode == 0
    new = tmp_path / "new.db"
    done = real_cli("import", str(exported), "--db", str(new), env={"MENTORTERM_PLAINTEXT": "1"})
    assert done.returncode == 1, done.stderr
    assert "encrypted" in done.stderr and "passphrase" in done.stderr
    assert "Traceback" not in done.stderr
    assert not new.exists() or new.read_bytes()[:16] != storage.PLAINTEXT_HEADER


def test_demo_plaintext_is_still_possible_with_the_explicit_flag(tmp_path):
    demo = tmp_path / "demo.db"
    done = real_cli("demo", "--db", str(demo), "--plaintext", "--today", "2026-11-22")
    assert done.returncode == 0, done.stderr
    assert demo.read_bytes()[:16] == storage.PLAINTEXT_HEADER


async def test_an_unencrypted_database_always_says_so_on_opening(populated, monkeypatch):
    monkeypatch.setenv("MENTORTERM_PLAINTEXT", "1")  # once hid the notice
    app = make_app(populated, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert any("not encrypted" in message for message in said), said


# --- item 4: owner-only files ---------------------------------------------------------


def test_a_new_database_and_its_companions_are_owner_only_under_umask_022(db_path, umask_022):
    storage.open_database(db_path)
    try:
        full_citizen()
        for suffix in ("", "-wal", "-shm"):
            assert mode(Path(f"{db_path}{suffix}")) == 0o600, suffix
    finally:
        storage.close_database()


def test_an_encrypted_database_is_owner_only_under_umask_022(db_path, umask_022):
    storage.open_database(db_path, passphrase=PASS)
    try:
        full_citizen()
        for suffix in ("", "-wal", "-shm"):
            assert mode(Path(f"{db_path}{suffix}")) == 0o600, suffix
    finally:
        storage.close_database()


def test_a_backup_is_owner_only_under_umask_022(database, tmp_path, umask_022):
    full_citizen()
    folder = tmp_path / "backups"
    folder.mkdir()
    made = storage.backup_database(folder)
    assert mode(made) == 0o600
    assert not list(folder.glob("*.part*"))


def test_a_migration_backup_is_owner_only_under_umask_022(database, db_path, umask_022):
    made = storage.backup_before_migration(database, db_path, 4)
    assert mode(made) == 0o600


def test_the_encrypt_original_and_the_encrypted_file_are_owner_only(populated, umask_022):
    os.chmod(populated, 0o644)  # as an older mentorterm left it
    encrypted, kept = storage.encrypt_database(populated, PASS)
    assert mode(encrypted) == 0o600
    assert mode(kept) == 0o600


def test_files_left_readable_by_an_older_version_are_fixed_at_start(tmp_path, umask_022):
    default = storage.default_database_path()
    storage.open_database(default)
    full_citizen()
    storage.close_database()
    backup = default.with_name(default.name + ".schema4-20260101-000000.bak")
    backup.write_bytes(default.read_bytes())
    for path in (default, backup):
        os.chmod(path, 0o644)
    os.chmod(default.parent, 0o755)
    log = crashlog.log_path()
    log.parent.mkdir(parents=True)
    log.write_text("old\n")
    os.chmod(log, 0o644)
    os.chmod(log.parent, 0o755)

    assert cli.main(["info"]) == 0
    assert mode(default) == 0o600
    assert mode(backup) == 0o600
    assert mode(default.parent) == 0o700
    assert mode(log) == 0o600
    assert mode(log.parent) == 0o700
    assert os.umask(0o077) == 0o077  # the command ran under umask 077


def test_a_folder_the_mentor_chose_is_left_as_it_is(populated, umask_022):
    os.chmod(populated.parent, 0o755)
    storage.open_database(populated)
    storage.close_database()
    assert mode(populated.parent) == 0o755
    assert mode(populated) == 0o600


def test_export_json_is_owner_only_and_needs_force_to_replace(populated, tmp_path, umask_022):
    out = tmp_path / "all.json"
    assert cli.main(["export", "--db", str(populated), "-o", str(out)]) == 0
    assert mode(out) == 0o600
    assert json.loads(out.read_text())["citizens"]
    out.write_text("keep me")
    assert cli.main(["export", "--db", str(populated), "-o", str(out)]) == 1
    assert out.read_text() == "keep me"
    assert cli.main(["export", "--db", str(populated), "-o", str(out), "--force"]) == 0
    assert json.loads(out.read_text())["citizens"]
    assert mode(out) == 0o600
    # The audit anchor is written by its own thread: wait for it, then no .part is left.
    from mentorterm.domain.audit import anchor_file

    assert anchor_file.flush()
    assert sorted(p.name for p in tmp_path.iterdir() if "part" in p.name) == []


def test_export_refuses_an_existing_file_with_one_line(populated, tmp_path, capsys):
    out = tmp_path / "all.json"
    out.write_text("keep me")
    assert cli.main(["export", "--db", str(populated), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "already exists" in err and "--force" in err and len(err.strip().splitlines()) == 1


def test_write_export_is_owner_only_under_umask_022(tmp_path, umask_022):
    written = files.write_export(tmp_path / "overview.md", b"# Overview")
    assert mode(written) == 0o600
    assert written.read_bytes() == b"# Overview"


def test_the_error_log_is_owner_only(umask_022):
    try:
        raise RuntimeError("planted")
    except RuntimeError as error:
        log = crashlog.write(error)
    assert log is not None and mode(log) == 0o600 and mode(log.parent) == 0o700


# --- .part files: never through a planted symlink -------------------------------------


def plant_symlink(target: Path) -> tuple[Path, Path]:
    victim = target.parent / "victim.txt"
    victim.write_text("the victim's own file")
    part = private.part_path(target)
    part.symlink_to(victim)
    return victim, part


def test_write_export_refuses_a_symlink_at_the_part_path(tmp_path):
    target = tmp_path / "report.md"
    victim, part = plant_symlink(target)
    with pytest.raises(DomainError) as refused:
        files.write_export(target, b"secret")
    assert refused.value.field == "path" and "in the way" in str(refused.value)
    assert victim.read_text() == "the victim's own file"
    assert part.is_symlink() and not target.exists()


def test_export_o_refuses_a_symlink_at_the_part_path(populated, tmp_path, capsys):
    target = tmp_path / "all.json"
    victim, _part = plant_symlink(target)
    assert cli.main(["export", "--db", str(populated), "-o", str(target)]) == 1
    assert victim.read_text() == "the victim's own file"
    assert not target.exists()
    assert "in the way" in capsys.readouterr().err


def test_a_backup_refuses_a_symlink_at_the_part_path(database, tmp_path):
    dest = tmp_path / "copy.db"
    victim = tmp_path / "victim.txt"
    victim.write_text("the victim's own file")
    Path(f"{dest}.part").symlink_to(victim)
    with pytest.raises(storage.StorageError):
        storage.backup_database(dest)
    assert victim.read_text() == "the victim's own file"
    assert not dest.exists()


def test_a_stale_part_file_from_an_interrupted_write_is_replaced(tmp_path):
    target = tmp_path / "report.md"
    private.part_path(target).write_bytes(b"half a report")
    files.write_export(target, b"the whole report")
    assert target.read_bytes() == b"the whole report"
    assert not private.part_path(target).exists()


def test_write_export_keeps_an_existing_file_unless_overwrite(tmp_path):
    target = tmp_path / "report.md"
    target.write_bytes(b"old")
    with pytest.raises(DomainError, match="already exists"):
        files.write_export(target, b"new")
    assert target.read_bytes() == b"old"
    files.write_export(target, b"new", overwrite=True)
    assert target.read_bytes() == b"new"


def test_write_export_does_not_write_through_a_symlink_at_the_target(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("mine")
    target = tmp_path / "report.md"
    target.symlink_to(victim)
    with pytest.raises(DomainError, match="already exists"):
        files.write_export(target, b"new")
    files.write_export(target, b"new", overwrite=True)  # replaces the link itself
    assert victim.read_text() == "mine" and not target.is_symlink()


# --- OS errors in a file dialog are messages -------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["a" * 300 + ".md", "a" * 300 + "/report.md", "not-a-folder.txt/report.md", "bad\x00name.md"],
)
def test_a_path_the_system_refuses_is_a_message(tmp_path, name):
    (tmp_path / "not-a-folder.txt").write_text("x")
    with pytest.raises(DomainError) as refused:
        files.write_export(f"{tmp_path}/{name}", b"data")
    assert refused.value.field == "path"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-folder.txt"]


@pytest.mark.skipif(IS_ROOT, reason="root may write anywhere")
@pytest.mark.parametrize("folder_mode", [0o000, 0o500])
def test_a_folder_without_access_or_read_only_is_a_message(tmp_path, folder_mode):
    folder = tmp_path / "closed"
    folder.mkdir()
    os.chmod(folder, folder_mode)
    try:
        with pytest.raises(DomainError, match="may not write|does not exist"):
            files.write_export(folder / "sub" / "report.md", b"data")
        with pytest.raises(DomainError, match="may not write|does not exist"):
            files.write_export(folder / "report.md", b"data")
    finally:
        os.chmod(folder, 0o700)


def test_a_read_only_file_system_is_a_message(tmp_path, monkeypatch):
    import errno

    def refuse(*_args, **_kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(private, "create_exclusive", refuse)
    with pytest.raises(DomainError, match="may not write"):
        files.write_export(tmp_path / "report.md", b"data")


async def _save_dialog(app, pilot, path: str):
    from mentorterm.screens.statistics import SaveFileForm

    results: list[str | None] = []
    app.push_screen(SaveFileForm(str(path), b"the overview", "Save the overview"), results.append)
    await pilot.pause()
    app.screen.query_one("#f-path", Input).value = str(path)
    await pilot.press("ctrl+s")
    await pilot.pause()
    return results


@pytest.mark.parametrize("size", [(120, 36), (80, 24)])
async def test_the_save_dialog_shows_a_refused_path_next_to_the_field(populated, tmp_path, size):
    app = make_app(populated, today=TODAY)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        results = await _save_dialog(app, pilot, f"{tmp_path}/{'a' * 300}.md")
        assert type(app.screen).__name__ == "SaveFileForm" and results == []
        error = app.screen.query_one("#e-path")
        assert "too long" in str(error.render())
        assert app.is_running


async def test_the_save_dialog_asks_before_it_replaces_a_file(populated, tmp_path):
    target = tmp_path / "overview.md"
    target.write_bytes(b"the old overview")
    app = make_app(populated, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        results = await _save_dialog(app, pilot, str(target))
        assert type(app.screen).__name__ == "ConfirmScreen"
        await pilot.press("n")  # keep it
        await pilot.pause()
        assert type(app.screen).__name__ == "SaveFileForm"
        assert "already exists" in str(app.screen.query_one("#e-path").render())
        assert target.read_bytes() == b"the old overview"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")  # replace it
        await pilot.pause()
        assert results == [str(target)]
    assert target.read_bytes() == b"the overview"
    assert mode(target) == 0o600


def test_sqlite_sees_an_owner_only_backup_as_a_whole_database(database, tmp_path):
    full_citizen()
    made = storage.backup_database(tmp_path / "copy.db")
    conn = sqlite3.connect(made)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT name FROM citizen").fetchone()[0] == "Mette Jørgensen"
    finally:
        conn.close()


def test_the_settings_file_is_owner_only_under_umask_022(umask_022):
    from mentorterm.settings import settings_path, write_default_settings

    written = write_default_settings()
    assert written == settings_path() and mode(written) == 0o600
    assert cli.main(["settings", "--mentor-name", "Hanne Mentor"]) == 0
    assert mode(settings_path()) == 0o600
    assert not list(settings_path().parent.glob("*.part"))


def test_the_access_export_folder_dialog_turns_an_os_error_into_a_message(tmp_path):
    from mentorterm.schemas import ExportFileIn
    from mentorterm.screens.citizen_forms import AccessExportForm

    form = AccessExportForm("Ali Hassan")
    for bad in (f"{tmp_path}/{'a' * 300}", f"{tmp_path}/missing"):
        with pytest.raises(DomainError) as refused:
            form.submit(ExportFileIn(path=bad))
        assert refused.value.field == "path" and "does not exist" in str(refused.value)
    assert form.submit(ExportFileIn(path=str(tmp_path))) == tmp_path


def test_an_encrypted_database_is_tightened_before_its_passphrase_is_asked(db_path, umask_022):
    storage.open_database(db_path, passphrase=PASS)
    full_citizen()
    storage.close_database()
    os.chmod(db_path, 0o644)
    # No passphrase can be asked here (no terminal): the command stops, the file is fixed.
    assert cli.main(["info", "--db", str(db_path)]) == 1
    assert mode(db_path) == 0o600
