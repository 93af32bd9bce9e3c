"""A team database with two mentors and a lead, each their own login: the
``team`` fixture (registered in conftest.py) and how a test connects as one."""

from __future__ import annotations

import uuid
from urllib.parse import parse_qsl, urlencode

import psycopg
import pytest

from mentorterm import cli, storage

PASSWORD = "Kaffe og kage 2026"


def as_login(url: str, login: str) -> str:
    """The same team database, connected as ``login`` (whose password the
    test knows: a server may ask for one, as pg_virtualenv's does)."""
    base, _, query = url.partition("?")
    params = dict(parse_qsl(query))
    params["user"] = login
    params["password"] = PASSWORD
    return f"{base}?{urlencode(params)}"


@pytest.fixture
def team(team_url, tmp_path, capsys):
    """A team database with two mentors and a lead, each their own login."""
    tag = uuid.uuid4().hex[:8]
    logins = {who: f"{who}_{tag}" for who in ("anna", "bo", "lead")}
    secret = tmp_path / "password"
    secret.write_text(PASSWORD + "\n")
    for who, login in logins.items():
        extra = ["--lead"] if who == "lead" else []
        extra += ["--mentor-password-file", str(secret)]
        status = cli.main(
            ["team", "add-mentor", login, "--name", who.title(), "--db", team_url, *extra]
        )
        storage.close_database()
        assert status == 0, capsys.readouterr()
    urls = {who: as_login(team_url, login) for who, login in logins.items()}
    yield urls
    storage.close_database()
    with psycopg.connect(team_url, autocommit=True) as conn:
        for login in logins.values():
            conn.execute(f'DROP OWNED BY "{login}"')
            conn.execute(f'DROP ROLE "{login}"')
