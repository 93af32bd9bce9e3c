from __future__ import annotations

import os
from pathlib import Path

import pytest

from mentorterm import storage


@pytest.fixture(autouse=True)
def _private_user_dirs(tmp_path_factory, monkeypatch):
    """No test reads or writes the real per-user database or log folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.delenv("MENTORTERM_DB", raising=False)
    # Tests ask for plaintext databases explicitly (the app's default is an
    # encrypted one); tests/test_encryption.py turns this off.
    monkeypatch.setenv("MENTORTERM_PLAINTEXT", "1")
    monkeypatch.setenv("MENTORTERM_SETTINGS", str(home / "config" / "settings.toml"))
    yield


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
os.environ["MENTORTERM_PLAINTEXT"] = "1"
