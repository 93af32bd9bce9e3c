"""Two teams on one server: each team's database is closed to the other's
logins, its lead included (the mentors' and leads' group roles are the
server's, shared by every team database on it)."""

from __future__ import annotations

import uuid
from urllib.parse import parse_qsl

import psycopg
import pytest

from mentorterm import cli, storage
from mentorterm.domain.citizens import create_citizen
from mentorterm.models import Citizen
from mentorterm.schemas import CitizenIn

from .conftest import _postgres_server
from .team_logins import PASSWORD, as_login


@pytest.fixture
def other_team(team, tmp_path, capsys):
    """A second team database on the same server, with its own mentor Carl."""
    server = _postgres_server()
    name = server.new_database()
    url = server.url(name)
    carl = f"carl_{uuid.uuid4().hex[:8]}"
    secret = tmp_path / "carl-password"
    secret.write_text(PASSWORD + "\n")
    status = cli.main(["team", "add-mentor", carl, "--name", "Carl",
                       "--mentor-password-file", str(secret), "--db", url])  # fmt: skip
    storage.close_database()
    assert status == 0, capsys.readouterr()
    yield as_login(url, carl)
    storage.close_database()
    server.drop(name)
    with psycopg.connect(server.url("postgres"), autocommit=True) as conn:
        conn.execute(f'DROP ROLE "{carl}"')


def login(url: str) -> str:
    return dict(parse_qsl(url.partition("?")[2]))["user"]


def test_another_teams_mentors_and_lead_cannot_even_connect(team, other_team):
    storage.open_database(other_team)
    carls = create_citizen(CitizenIn(name="Cecilie Carlsen"))
    storage.close_database()
    for who in ("anna", "lead"):
        into_other = as_login(other_team, login(team[who]))
        with pytest.raises(storage.StorageError, match="may not use the team database"):
            storage.open_database(into_other)
        storage.close_database()
        with pytest.raises(psycopg.OperationalError, match="permission denied for database"):
            psycopg.connect(into_other).close()
    # Nor the other way round.
    with pytest.raises(storage.StorageError, match="may not use the team database"):
        storage.open_database(as_login(team["anna"], login(other_team)))
    storage.close_database()
    storage.open_database(other_team)
    assert [c.name for c in Citizen.select()] == ["Cecilie Carlsen"]
    assert Citizen.get_by_id(carls).mentor.name == "Carl"


def test_team_init_closes_the_database_to_logins_not_added(team_url):
    with psycopg.connect(team_url, autocommit=True) as conn:
        name = conn.execute("SELECT current_database()").fetchone()[0]
        conn.execute(f"CREATE DATABASE {name}_fresh")
    fresh = team_url.replace(f"/{name}?", f"/{name}_fresh?")
    try:
        assert cli.main(["team", "init", "--db", fresh]) == 0
        storage.close_database()
        with psycopg.connect(fresh) as conn:
            public = conn.execute(
                "SELECT has_database_privilege('public', current_database(), 'CONNECT')"
            ).fetchone()[0]
        assert public is False
    finally:
        storage.close_database()
        with psycopg.connect(team_url, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE {name}_fresh WITH (FORCE)")


def test_an_upgrade_closes_an_open_database_and_keeps_the_teams_logins_in(team, team_url):
    """A team database made before CONNECT was closed: PUBLIC may connect,
    and its mentors never got a grant of their own."""
    with psycopg.connect(team_url, autocommit=True) as conn:
        here = conn.execute("SELECT current_database()").fetchone()[0]
        conn.execute(f'GRANT CONNECT ON DATABASE "{here}" TO PUBLIC')
        for who in ("anna", "lead"):
            conn.execute(f'REVOKE CONNECT ON DATABASE "{here}" FROM "{login(team[who])}"')
    assert cli.main(["team", "upgrade", "--db", team_url]) == 0
    storage.close_database()
    with psycopg.connect(team_url) as conn:
        public, anna, lead_grants = conn.execute(
            "SELECT has_database_privilege('public', current_database(), 'CONNECT'), "
            "has_database_privilege(%s, current_database(), 'CONNECT'), "
            "has_database_privilege(%s, current_database(), 'CONNECT WITH GRANT OPTION')",
            (login(team["anna"]), login(team["lead"])),
        ).fetchone()
    assert (public, anna, lead_grants) == (False, True, True)
    storage.open_database(team["anna"])  # Anna works as before
