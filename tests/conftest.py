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

from .team_logins import team  # noqa: E402, F401 - the team fixture


@pytest.fixture(autouse=True)
def _private_user_dirs(tmp_path_factory, monkeypatch):
    """No test reads or writes the real per-user database, log or cache folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
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


# ----------------------------------------------------------------- both engines
# A test marked ``both_engines`` (or in a module whose ``pytestmark`` has it)
# runs once on SQLite and once on a real PostgreSQL server (tests/pg_server.py);
# its ``database`` fixture is then a fresh team database.

ENGINES = ("sqlite", "postgresql")


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "both_engines: run on SQLite and on PostgreSQL (the database fixture)"
    )
    config.addinivalue_line(
        "markers",
        "sqlite_only: in a both_engines module, a test of what only SQLite has "
        "(its file, its -wal, its pragmas, rows edited behind the app's back)",
    )


def pytest_generate_tests(metafunc):
    if (
        "engine" in metafunc.fixturenames
        and metafunc.definition.get_closest_marker("both_engines")
        and not metafunc.definition.get_closest_marker("sqlite_only")
    ):
        metafunc.parametrize("engine", ENGINES, indirect=True)


_SERVER = None


def _postgres_server():
    global _SERVER
    if _SERVER is None:
        from tests.pg_server import Server

        _SERVER = Server()
        if not _SERVER.start():
            if os.environ.get("CI"):
                pytest.fail(f"CI runs both engines, but {_SERVER.why_not}", pytrace=False)
        else:
            import atexit

            atexit.register(_SERVER.stop)
    return _SERVER if _SERVER.running else None


@pytest.fixture
def engine(request) -> str:
    """The engine of this run of the test: "sqlite" unless marked both_engines."""
    return getattr(request, "param", "sqlite")


@pytest.fixture
def team_url(engine):
    """A fresh team database on the test server (skipped without one)."""
    server = _postgres_server()
    if server is None:
        pytest.skip(f"PostgreSQL: {_SERVER.why_not}")
    name = server.new_database()
    yield server.url(name)
    storage.close_database()
    server.drop(name)


@pytest.fixture
def db_target(engine, db_path, request):
    """What ``--db`` names for this test: the file, or (the PostgreSQL run of a
    both_engines test) the address of a fresh team database."""
    if engine == "postgresql":
        return request.getfixturevalue("team_url")
    return db_path


@pytest.fixture
def database(db_target):
    """A fresh database, opened and bound for the test, closed after: a file,
    or (the PostgreSQL run of a both_engines test) a fresh team database."""
    handle = storage.open_database(db_target)
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
