from __future__ import annotations

import os
from pathlib import Path

import pytest

# The suite speaks English whatever the developer's LANG: MENTORTERM_LANG is
# the strongest choice (i18n.choose), and it is read when mentorterm.i18n is
# first imported, so it is set before anything of mentorterm is. Child
# processes inherit it. Tests of Danish choose it explicitly.
os.environ["MENTORTERM_LANG"] = "en"

from mentorterm import i18n, storage  # noqa: E402


@pytest.fixture(autouse=True)
def _private_user_dirs(tmp_path_factory, monkeypatch):
    """No test reads or writes the real per-user database or log folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.delenv("MENTORTERM_DB", raising=False)
    monkeypatch.delenv("MENTORTERM_PLAINTEXT", raising=False)  # the app ignores it anyway
    monkeypatch.setenv("MENTORTERM_SETTINGS", str(home / "config" / "settings.toml"))
    yield


@pytest.fixture(autouse=True)
def _english_after():
    """A test that switched to Danish (i18n.use) leaves English behind it."""
    yield
    if i18n.language() != "en":
        i18n.use("en")


@pytest.fixture(autouse=True)
def _plaintext_databases():
    """New databases in tests are plaintext unless a test gives a passphrase (the
    app's default is an encrypted one, and no variable changes that);
    tests/test_encryption.py's fixture turns this off."""
    storage.allow_plaintext_for_tests(True)
    yield
    storage.allow_plaintext_for_tests(True)


@pytest.fixture(autouse=True)
def _forget_kept_wal_copies():
    """The copies of damaged -wal files are remembered per process; one test's
    (a kill -9 run) must not turn up as a notice in the next test's app."""
    yield
    storage.kept_wal_copies.clear()


@pytest.fixture(autouse=True)
def _keep_umask():
    """`mentorterm` sets umask 077 for its process; an in-process cli.main must
    not change it for the tests after it."""
    old = os.umask(0o022)
    os.umask(old)
    yield
    os.umask(old)


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "mentorterm.db"


@pytest.fixture
def database(db_path):
    """A fresh database file, opened and bound for the test, closed after."""
    handle = storage.open_database(db_path)
    yield handle
    storage.close_database()


def file_bytes(path: Path) -> dict[str, bytes]:
    """The bytes of a database file and its -wal/-shm companions, if present."""
    out = {}
    for suffix in ("", "-wal", "-shm"):
        candidate = Path(str(path) + suffix)
        if candidate.exists():
            out[suffix] = candidate.read_bytes()
    return out


os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
# Module-scoped fixtures build databases before the autouse fixture runs.
storage.allow_plaintext_for_tests(True)

#: Runs the mentorterm command in a child process with plaintext databases
#: allowed: ``[sys.executable, PLAIN_CLI, *args]`` (tests/plain_cli.py).
PLAIN_CLI = str(Path(__file__).with_name("plain_cli.py"))
