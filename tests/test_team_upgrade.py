"""``mentorterm team upgrade`` (storage/team_upgrade.py): a team database at
schema 8 is refused at open with the command to run; the upgrade, by the
tables' owner, brings it to exactly what a new team database is (columns,
indexes, triggers, functions, policies, grants), keeps the rows, and is all
or nothing; a mentor's login cannot run it."""

from __future__ import annotations

import re
import uuid

import psycopg
import pytest

from mentorterm import cli, storage
from mentorterm.domain.citizens import create_citizen
from mentorterm.models import ALL_MODELS, Citizen, Mentor
from mentorterm.schemas import CitizenIn
from mentorterm.storage.migration_v10 import NEW_TABLES as SCHEMA_10

from .conftest import _postgres_server
from .team_logins import PASSWORD, as_login

CATALOGUE = {
    "columns": "SELECT table_name, column_name, data_type, is_nullable, column_default "
    "FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2",
    "indexes": "SELECT tablename, indexname, indexdef FROM pg_indexes "
    "WHERE schemaname = 'public' ORDER BY 1, 2",
    "triggers": "SELECT event_object_table, trigger_name, event_manipulation, action_timing, "
    "action_statement FROM information_schema.triggers WHERE trigger_schema = 'public' "
    "ORDER BY 1, 2, 3",
    "functions": "SELECT p.oid::regprocedure::text, p.prosrc, p.prosecdef, p.proconfig "
    "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
    "WHERE n.nspname = 'public' ORDER BY 1",
    "policies": "SELECT tablename, policyname, cmd, qual, with_check FROM pg_policies "
    "WHERE schemaname = 'public' ORDER BY 1, 2",
    "security": "SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class "
    "WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY 1",
    "grants": "SELECT table_name, grantee, privilege_type FROM information_schema.role_table_grants "
    "WHERE table_schema = 'public' AND grantee LIKE 'mentorterm%' ORDER BY 1, 2, 3",
    "version": "SELECT version FROM mentorterm_schema",
}


def catalogue(url: str) -> dict[str, list[tuple]]:
    with psycopg.connect(url) as conn:
        return {name: conn.execute(sql).fetchall() for name, sql in CATALOGUE.items()}


def back_to_schema_8(url: str) -> None:
    """What schema 8 had not: the handover and cover tables, every version
    column, the cover and handover rules (nor schema 10's and 11's)."""
    with psycopg.connect(url) as conn:
        conn.execute("DROP TABLE handover, cover CASCADE")
        # Nor schema 10's: the provider's own tables and the placement's link.
        later = [m._meta.table_name for m in SCHEMA_10]
        conn.execute("DROP TABLE " + ", ".join(f'"{t}"' for t in later) + " CASCADE")
        conn.execute('ALTER TABLE "placement" DROP COLUMN IF EXISTS workplace_id')
        for model in ALL_MODELS:
            if model._meta.table_name in ("handover", "cover", *later):
                continue
            conn.execute(f'ALTER TABLE "{model._meta.table_name}" DROP COLUMN version')
        for model in ALL_MODELS:  # nor schema 11's uid (its index goes with it)
            if model._meta.table_name not in ("handover", "cover", *later):
                conn.execute(f'ALTER TABLE "{model._meta.table_name}" DROP COLUMN uid')
        # Nor schema 14's summary columns (storage/summary.py) and their triggers.
        for table in ("logbook_entry", "job_contact"):
            for event in ("insert", "delete", "update"):
                conn.execute(f'DROP FUNCTION "caseload_summary_{table}_{event}"() CASCADE')
        conn.execute(
            "ALTER TABLE caseload_summary DROP COLUMN log_day, DROP COLUMN log_days, "
            "DROP COLUMN log_present, DROP COLUMN log_extra, DROP COLUMN follow_up_due"
        )
        conn.execute("DROP FUNCTION mentorterm_covers(integer) CASCADE")
        conn.execute("DROP FUNCTION mentorterm_handed_over(integer, integer) CASCADE")
        conn.execute("UPDATE mentorterm_schema SET version = 8")


@pytest.fixture
def old_team(team_url):
    storage.open_database(team_url)
    cid = create_citizen(CitizenIn(name="Anja Andersen"))
    storage.close_database()
    back_to_schema_8(team_url)
    return team_url, cid


def test_a_schema_8_team_database_is_refused_at_open_with_the_command_to_run(old_team):
    url, _cid = old_team
    with pytest.raises(storage.StorageError) as refused:
        storage.open_database(url)
    said = str(refused.value)
    assert f"schema 8, older than this mentorterm's schema {storage.SCHEMA_VERSION}" in said
    assert "mentorterm team upgrade --db postgresql://" in said and "Nothing was changed" in said


def test_the_upgrade_makes_it_what_a_new_team_database_is_and_keeps_the_rows(old_team, capsys):
    url, cid = old_team
    server = _postgres_server()
    fresh = server.new_database()
    try:
        new = catalogue(server.url(fresh))
        assert catalogue(url) != new
        assert cli.main(["team", "upgrade", "--db", url]) == 0
        assert f"upgraded from schema 8 to {storage.SCHEMA_VERSION}" in capsys.readouterr().out
        assert catalogue(url) == new
        # Again: nothing to add, the rules of access made anew, the same.
        assert cli.main(["team", "upgrade", "--db", url]) == 0
        assert "rules of access renewed" in capsys.readouterr().out
        assert catalogue(url) == new
    finally:
        storage.close_database()
        server.drop(fresh)
    storage.open_database(url)
    citizen = Citizen.get_by_id(cid)
    assert citizen.name == "Anja Andersen" and citizen.version == 1
    # The summary made again from the tables (schema 14), one row per citizen.
    from mentorterm.models import db

    assert db.execute_sql(
        "SELECT citizen_id, log_day, log_extra FROM caseload_summary"
    ).fetchall() == [(cid, None, 0)]
    # Schema 11: every row its own uid (gen_random_uuid), 32 hex digits.
    uids = [m.uid for m in Mentor.select(Mentor.uid)] + [citizen.uid]
    assert all(re.fullmatch(r"[0-9a-f]{32}", u) for u in uids)
    assert len(set(uids)) == len(uids)


def test_a_mentors_login_cannot_upgrade_and_nothing_changes(old_team, capsys):
    url, _cid = old_team
    login = f"lead_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE \"{login}\" LOGIN PASSWORD '{PASSWORD}' IN ROLE mentorterm_lead")
        here = conn.execute("SELECT current_database()").fetchone()[0]
        conn.execute(f'GRANT CONNECT ON DATABASE "{here}" TO "{login}"')
    try:
        before = catalogue(url)
        status = cli.main(["team", "upgrade", "--db", as_login(url, login)])
        said = capsys.readouterr()
        assert status == 1 and "Only the role that made the team database" in said.err
        assert "Traceback" not in said.err
        assert catalogue(url) == before  # all or nothing: nothing
    finally:
        storage.close_database()
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'DROP OWNED BY "{login}"')
            conn.execute(f'DROP ROLE "{login}"')


def test_a_newer_team_database_is_not_upgraded_down(team_url, capsys):
    with psycopg.connect(team_url) as conn:
        conn.execute("UPDATE mentorterm_schema SET version = 99")
    before = catalogue(team_url)
    assert cli.main(["team", "upgrade", "--db", team_url]) == 1
    said = capsys.readouterr().err
    assert (
        f"schema 99, newer than this mentorterm's {storage.SCHEMA_VERSION}: update mentorterm"
        in said
    )
    assert catalogue(team_url) == before
