"""The team database on PostgreSQL: opening it, its schema, its invariants,
and the one SQL dialect storage translates (a real server: tests/pg_server.py).

The domain's own tests run on both engines (``pytestmark = both_engines`` in
their modules); what is here is what only the team database has.
"""

from __future__ import annotations

import threading
from datetime import date

import peewee
import psycopg
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mentorterm import cli, storage
from mentorterm.domain import audit, caseload, courses
from mentorterm.domain.citizens import create_citizen, update_citizen
from mentorterm.models import AuditEntry, Citizen, db
from mentorterm.models.versions import ChangedMeanwhile
from mentorterm.schemas import CitizenIn, CourseIn
from mentorterm.storage.engine import to_postgres
from tests.factories import full_citizen

# ----------------------------------------------------------------- the dialect


def test_parameters_become_psycopgs_and_literals_stay_as_they_are():
    sql = (
        "SELECT group_concat(l.day, ' ') FROM t -- the citizen's day?\n"
        "WHERE a = ? AND b > :as_of AND c LIKE '50% of :x?' AND d = 'it''s'"
    )
    assert to_postgres(sql) == (
        "SELECT string_agg(CAST(l.day AS TEXT), ' ') FROM t -- the citizen's day?\n"
        "WHERE a = %s AND b > %(as_of)s AND c LIKE '50%% of :x?' AND d = 'it''s'"
    )


def test_sqlites_join_order_hint_is_a_plain_join():
    assert to_postgres("FROM citizen c CROSS JOIN logbook_entry l ON l.citizen_id = c.id") == (
        "FROM citizen c JOIN logbook_entry l ON l.citizen_id = c.id"
    )


@given(st.text(alphabet="ab?:%' ", max_size=30))
def test_text_inside_a_literal_is_never_a_parameter(inside):
    literal = "'" + inside.replace("'", "''") + "'"
    translated = to_postgres(f"SELECT {literal}")
    assert translated == "SELECT " + literal.replace("%", "%%")


# ------------------------------------------------------------------ opening


def _cli(capsys, *argv: str) -> tuple[int, str]:
    try:
        status = cli.main(list(argv))
    finally:
        storage.close_database()
    out = capsys.readouterr()
    return status, out.out + out.err


def test_a_server_that_is_down_is_said_in_words(capsys):
    status, said = _cli(capsys, "info", "--db", "postgresql://mentor@127.0.0.1:1/team")
    assert status == 1
    assert "does not answer" in said and "Nothing was changed" in said
    assert "Traceback" not in said


def test_an_empty_database_asks_for_team_init_and_init_makes_the_schema(team_url, capsys):
    server_db = team_url.split("?")[0].rsplit("/", 1)[1]
    empty = team_url.replace(f"/{server_db}", f"/{server_db}_empty")
    with psycopg.connect(team_url, autocommit=True) as c:
        c.execute(f"CREATE DATABASE {server_db}_empty")
    try:
        status, said = _cli(capsys, "info", "--db", empty)
        assert status == 1 and "mentorterm team init" in said
        status, said = _cli(capsys, "team", "init", "--db", empty)
        assert status == 0 and "is ready" in said, said
        status, said = _cli(capsys, "team", "init", "--db", empty)
        assert status == 1 and "already has mentorterm's tables" in said
        status, said = _cli(capsys, "info", "--db", empty)
        assert status == 0 and f"Schema version: {storage.SCHEMA_VERSION}" in said
    finally:
        with psycopg.connect(team_url, autocommit=True) as c:
            c.execute(f"DROP DATABASE IF EXISTS {server_db}_empty WITH (FORCE)")


def test_a_wrong_password_and_a_missing_database_are_said_in_words(team_url, capsys):
    missing = team_url.replace("/mentorterm_test_", "/no_such_", 1)
    status, said = _cli(capsys, "info", "--db", missing)
    assert status == 1 and "There is no team database" in said


def test_a_team_database_at_another_schema_is_refused_untouched(team_url):
    with psycopg.connect(team_url, autocommit=True) as conn:
        conn.execute("UPDATE mentorterm_schema SET version = version + 1")
    with pytest.raises(storage.DatabaseTooNew, match="Nothing was changed"):
        storage.open_database(team_url)
    with psycopg.connect(team_url) as conn:
        assert conn.execute("SELECT count(*) FROM citizen").fetchone()[0] == 0


def test_messages_never_show_a_password():
    shown = storage.describe("postgresql://anna:hemmelig@server.example:5432/team")
    assert shown == "postgresql://anna@server.example:5432/team"


# ---------------------------------------------------------------- invariants


def test_the_audit_log_refuses_change_and_removal_on_the_server(team_url):
    storage.open_database(team_url)
    rows = full_citizen("Mette Jørgensen")
    audit.open_record(rows["citizen"].id)
    with pytest.raises(peewee.IntegrityError, match="cannot be changed"), db.atomic():
        AuditEntry.update(purpose="x").execute()
    with pytest.raises(peewee.IntegrityError, match="only when their citizen is erased"):
        with db.atomic():
            AuditEntry.delete().execute()
    assert audit.verify() == []


def test_a_logbook_day_cannot_belong_to_another_citizens_placement_on_the_server(team_url):
    storage.open_database(team_url)
    first = full_citizen("Anna A")
    second = full_citizen("Bo B")
    entry = first["entry"]
    with pytest.raises(peewee.IntegrityError, match="differs from placement citizen"):
        with db.atomic():
            type(entry).update(citizen=second["citizen"].id).where(
                type(entry).id == entry.id
            ).execute()


def test_two_mentors_saving_at_once_keep_one_unbroken_audit_chain(team_url):
    """Two connections append at the same time: the server's lock orders them,
    so no two rows chain onto the same last row and no id is given twice."""
    storage.open_database(team_url)
    cid = create_citizen(CitizenIn(name="Anna Andersen"))
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def mentor() -> None:
        # peewee gives each thread its own connection: two sessions on the server.
        try:
            start.wait()
            for _ in range(25):
                audit.open_record(cid)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            db.close()

    threads = [threading.Thread(target=mentor) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors, errors
    assert audit.verify() == []
    ids = [row.id for row in AuditEntry.select(AuditEntry.id).order_by(AuditEntry.id)]
    assert ids == list(range(1, len(ids) + 1)) and len(ids) >= 51


# ------------------------------------------------------------ the same answers


def test_the_caseload_reads_the_same_on_both_engines(team_url, db_path):
    """The same citizens written to a file and to the team database: the
    caseload (its raw SQL, the summary's triggers) gives the same rows."""

    def fill() -> list:
        anna = create_citizen(CitizenIn(name="Anna Andersen"))
        courses.start_course(
            anna,
            CourseIn(
                referral_date="01-10-2026",
                start_date="05-10-2026",
                planned_end="05-04-2027",
                purpose="ordinary_job",
            ),
        )
        full_citizen("Bo Berg")
        return [
            row._replace(citizen_id=0)
            for row in caseload.caseload(today=date(2026, 11, 22), courses="all")
        ]

    storage.open_database(db_path)
    on_sqlite = fill()
    storage.close_database()
    storage.open_database(team_url)
    on_postgres = fill()
    assert len(on_sqlite) == len(on_postgres) == 2
    for pg, lite in zip(on_postgres, on_sqlite, strict=True):
        differs = {
            k: (v, lite._asdict()[k]) for k, v in pg._asdict().items() if v != getattr(lite, k)
        }
        assert not differs, differs


def test_the_demo_reads_the_same_from_a_file_and_from_the_team_database(team_url, db_path, capsys):
    """The whole demo caseload, written by the same code to both engines: the
    weekly review (text, JSON, the handout) and the export are the same bytes
    (but the export's moment and the records' uids)."""
    made = {}
    for name, target in (("sqlite", str(db_path)), ("postgresql", team_url)):
        extra = ["--plaintext"] if name == "sqlite" else []
        status, said = _cli(capsys, "demo", "--db", target, "--today", "2026-11-22", *extra)
        assert status == 0, said
        outputs = []
        for form in ("text", "json", "markdown"):
            status, out = _cli(
                capsys, "review", "--db", target, "--as-of", "2026-11-22", "--format", form
            )
            assert status == 0, out
            outputs.append(out)
        status, out = _cli(capsys, "export", "--db", target)
        assert status == 0
        # But the moment and the uids (schema 11: random, each record its own).
        lines = out.splitlines()
        outputs.append("\n".join(x for x in lines if "exported_at" not in x and '"uid"' not in x))
        made[name] = outputs
    assert "Jonas Nielsen" in made["sqlite"][0]
    for on_sqlite, on_postgres in zip(made["sqlite"], made["postgresql"], strict=True):
        assert on_postgres == on_sqlite


async def test_the_app_works_on_the_team_database(team_url):
    """The app itself on the team database: the caseload, a citizen's
    logbook, a day marked present with the key, and the title naming it."""
    from mentorterm.app import make_app
    from mentorterm.models import LogbookEntry

    def days() -> int:
        return LogbookEntry.select().where(LogbookEntry.placement == placement).count()

    storage.open_database(team_url)
    placement = full_citizen("Mette Jørgensen")["placement"].id
    before = days()
    storage.close_database()
    app = make_app(team_url, today=date(2026, 3, 3))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "mentorterm_test_" in app.sub_title and "local" in app.sub_title
        assert "Mette" in app.export_screenshot()
        await pilot.press("enter", "l")
        await pilot.pause()
        assert type(app.screen).__name__ == "LogbookScreen"
        await pilot.press("a")
        await pilot.pause()
    storage.open_database(team_url)
    assert days() == before + 1


def test_a_team_database_leaves_no_file_behind(team_url, tmp_path, monkeypatch, capsys):
    """No audit anchor, -wal or backup is written beside a team database: it
    has no file here (an anchor once landed in the working folder)."""
    monkeypatch.chdir(tmp_path)
    storage.open_database(team_url)
    full_citizen("Mette Jørgensen")
    storage.close_database()
    status, said = _cli(capsys, "audit", "--verify", "--db", team_url)
    assert status == 0 and "intact" in said, said
    status, said = _cli(capsys, "backup", str(tmp_path / "copy.db"), "--db", team_url)
    assert status == 1 and "backed up on its server" in said, said
    assert list(tmp_path.iterdir()) == []


def test_the_team_connection_compiles_no_jit_and_keeps_the_given_options(team_url):
    """JIT compiling the review's statement took ~2 s on the bench team (it
    runs in ~0.5 s without): the app's connection turns it off, and options
    given in the address are kept beside it."""
    storage.open_database(team_url)
    try:
        assert db.execute_sql("SHOW jit").fetchone() == ("off",)
    finally:
        storage.close_database()
    separator = "&" if "?" in team_url else "?"
    storage.open_database(f"{team_url}{separator}options=-c%20work_mem%3D8MB")
    try:
        assert db.execute_sql("SHOW work_mem").fetchone() == ("8MB",)
        assert db.execute_sql("SHOW jit").fetchone() == ("off",)
    finally:
        storage.close_database()


def test_two_saves_crossing_the_same_two_citizens_never_deadlock(team_url):
    """Two sessions each change two citizens in one transaction, in opposite
    orders. Without a lock PostgreSQL lets each take one row and then aborts
    one of them (a deadlock). The team database's write lock, taken at a
    transaction's first write, makes the second wait for the first; what the
    second had read before it waited is then a version behind, so it is
    refused as changed meanwhile, whole, as a form's save is. Nothing is half
    saved and no deadlock reaches the mentor."""
    storage.open_database(team_url)
    first = create_citizen(CitizenIn(name="Anna Andersen"))
    second = create_citizen(CitizenIn(name="Bo Berg"))
    errors: list[BaseException] = []
    crossed = threading.Barrier(2)

    def change(order: tuple[int, int], suffix: str) -> None:
        try:
            with db.atomic():
                update_citizen(order[0], CitizenIn(name=f"{order[0]} {suffix}"))
                try:  # both hold their first row here, unless one waits for the lock
                    crossed.wait(timeout=2)
                except threading.BrokenBarrierError:
                    pass
                update_citizen(order[1], CitizenIn(name=f"{order[1]} {suffix}"))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            db.close()

    threads = [
        threading.Thread(target=change, args=((first, second), "one")),
        threading.Thread(target=change, args=((second, first), "two")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert all(isinstance(error, ChangedMeanwhile) for error in errors), errors
    assert audit.verify() == []
    names = {c.id: c.name for c in Citizen.select()}
    (last,) = {name.split()[-1] for name in names.values()}  # one save's, whole
    assert names == {cid: f"{cid} {last}" for cid in (first, second)}
    assert audit.count() == 2 + 2 * (2 - len(errors))


def test_a_deadlock_the_server_reports_reads_as_save_again(team_url):
    """Should a deadlock still come from the server (another program's
    transaction), the mentor reads that nothing was saved and to save again."""
    from mentorterm.storage.errors import DatabaseLocked, translate_error

    with psycopg.connect(team_url, autocommit=True) as setup:
        setup.execute("CREATE TABLE crossing (id int PRIMARY KEY, n int)")
        setup.execute("INSERT INTO crossing VALUES (1, 0), (2, 0)")
    caught: list[BaseException] = []
    crossed = threading.Barrier(2)

    def change(first: int, second: int) -> None:
        with psycopg.connect(team_url) as conn:
            try:
                conn.execute("UPDATE crossing SET n = n + 1 WHERE id = %s", (first,))
                crossed.wait(timeout=10)
                conn.execute("UPDATE crossing SET n = n + 1 WHERE id = %s", (second,))
            except psycopg.errors.DeadlockDetected as exc:
                caught.append(exc)

    threads = [threading.Thread(target=change, args=pair) for pair in ((1, 2), (2, 1))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert len(caught) == 1
    error = translate_error(peewee.OperationalError(str(caught[0])), "team")
    assert isinstance(error, DatabaseLocked)
    assert str(error) == (
        "A colleague saved in the team database team at the same moment. "
        "Nothing of yours was saved; save again."
    )


def test_a_statement_the_server_refuses_is_no_outage_and_changes_nothing(team_url, capsys):
    """A mentor row written with its own id (as an older tool might) leaves the
    sequence behind: adding the next mentor then collides. The server answered,
    so the words say it refused, not that it is down, and no login is made."""
    assert _cli(capsys, "info", "--db", team_url)[0] == 0  # the default mentor is made
    with psycopg.connect(team_url, autocommit=True) as conn:
        taken = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM mentor").fetchone()[0]
        conn.execute(
            "INSERT INTO mentor (id, name, email, created_at, updated_at, is_default)"
            " VALUES (%s, 'Written by hand', '', 0, 0, false)",
            (taken,),
        )
    status, said = _cli(capsys, "team", "add-mentor", "cai", "--name", "Cai", "--db", team_url)
    assert status == 1
    assert "refused this change" in said and "duplicate key" in said
    assert "does not answer" not in said and "Traceback" not in said
    with psycopg.connect(team_url, autocommit=True) as conn:
        assert conn.execute("SELECT 1 FROM pg_roles WHERE rolname = 'cai'").fetchone() is None
