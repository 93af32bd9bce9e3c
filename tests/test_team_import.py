"""``mentorterm team import LOGIN FILE``: a mentor's own database (or an
export of it) joins the team database as LOGIN's citizens, all or nothing,
against a real server whose row-level security decides who may do it."""

from __future__ import annotations

import json
from pathlib import Path

import psycopg

from mentorterm import cli, storage
from mentorterm.models import AuditEntry, Citizen, LogbookEntry, Mentor

from .factories import full_citizen
from .team_logins import PASSWORD

SOURCE_PASSPHRASE = "Rugbrød med leverpostej 77"


def own_database(tmp_path: Path, names: list[str]) -> tuple[Path, Path]:
    """A mentor's own encrypted database with a full citizen per name; (file, passphrase file)."""
    path = tmp_path / "own.db"
    secret = tmp_path / "own-passphrase"
    secret.write_text(SOURCE_PASSPHRASE + "\n")
    storage.open_database(path, create=True, passphrase=SOURCE_PASSPHRASE)
    for name in names:
        full_citizen(name)
    storage.close_database()
    return path, secret


def login_of(url: str) -> str:
    from urllib.parse import parse_qsl

    return dict(parse_qsl(url.partition("?")[2]))["user"]


def team_rows(url: str) -> tuple[list[tuple[str, str]], int]:
    """(citizen name, mentor name) on the team, and the logbook's row count."""
    storage.close_database()
    storage.open_database(url)
    rows = [(c.name, c.mentor.name) for c in Citizen.select().join(Mentor).order_by(Citizen.name)]
    days = LogbookEntry.select().count()
    storage.close_database()
    return rows, days


def run(capsys, *argv: str) -> tuple[int, str]:
    status = cli.main(list(argv))
    storage.close_database()
    out = capsys.readouterr()
    return status, out.out + out.err


def test_a_mentors_own_encrypted_database_joins_the_team_as_theirs(team, tmp_path, capsys):
    source, secret = own_database(tmp_path, ["Mette Jørgensen", "Karim Nielsen"])
    anna = login_of(team["anna"])
    status, said = run(capsys, "team", "import", anna, str(source),
                       "--source-passphrase-file", str(secret), "--db", team["anna"])  # fmt: skip
    assert status == 0, said
    assert "Imported 2 citizens" in said and anna in said
    rows, days = team_rows(team["bo"])  # a colleague sees them, as Anna's
    assert rows == [("Karim Nielsen", "Anna"), ("Mette Jørgensen", "Anna")]
    assert days == 2
    storage.open_database(team["anna"])
    entry = AuditEntry.get(AuditEntry.action == "import")
    assert entry.mentor_id == Mentor.get(Mentor.name == "Anna").id
    storage.close_database()
    # The same database again: refused, nothing doubled.
    status, said = run(capsys, "team", "import", anna, str(source),
                       "--source-passphrase-file", str(secret), "--db", team["anna"])  # fmt: skip
    assert status == 1 and "already in this database" in said and "Traceback" not in said
    assert team_rows(team["anna"])[0] == rows


def test_a_colleague_cannot_import_into_my_caseload_but_the_administrator_can(
    team, team_url, tmp_path, capsys
):
    source, secret = own_database(tmp_path, ["Mette Jørgensen"])
    anna = login_of(team["anna"])
    status, said = run(capsys, "team", "import", anna, str(source),
                       "--source-passphrase-file", str(secret), "--db", team["bo"])  # fmt: skip
    assert status == 1 and "Traceback" not in said
    assert team_rows(team["anna"])[0] == []  # all or nothing
    status, said = run(capsys, "team", "import", anna, str(source),
                       "--source-passphrase-file", str(secret), "--db", team["lead"])  # fmt: skip
    # The lead's own login writes decisions in the lead's name only (review_note).
    assert status == 1 and "Traceback" not in said
    status, said = run(capsys, "team", "import", anna, str(source),
                       "--source-passphrase-file", str(secret), "--db", team_url)  # fmt: skip
    assert status == 0, said
    assert team_rows(team["anna"])[0] == [("Mette Jørgensen", "Anna")]


def test_an_export_naming_a_mentor_the_team_lacks_is_refused_by_name(
    team, team_url, tmp_path, capsys
):
    storage.open_database(tmp_path / "own.db", create=True, plaintext=True)
    full_citizen("Mette Jørgensen")
    storage.close_database()
    export = tmp_path / "export.json"
    status, said = run(capsys, "export", "--db", str(tmp_path / "own.db"), "-o", str(export))
    assert status == 0, said
    document = json.loads(export.read_text())
    document["mentors"].append({"key": "m-karen", "name": "Karen Holm", "email": ""})
    document["citizens"][0]["meetings"][0]["mentor"] = "m-karen"
    export.write_text(json.dumps(document))
    bo = login_of(team["bo"])
    status, said = run(capsys, "team", "import", bo, str(export), "--db", team["bo"])
    assert status == 1 and "Karen Holm" in said and "team add-mentor" in said
    assert team_rows(team["bo"])[0] == []
    # With Karen on the team, the same file goes in, her meeting hers.
    karen = "karen_" + login_of(team["bo"]).rsplit("_", 1)[1]
    pw = tmp_path / "pw"
    pw.write_text(PASSWORD + "\n")
    status, said = run(capsys, "team", "add-mentor", karen, "--name", "Karen Holm",
                       "--mentor-password-file", str(pw), "--db", team_url)  # fmt: skip
    assert status == 0, said
    try:
        status, said = run(capsys, "team", "import", bo, str(export), "--db", team["bo"])
        assert status == 0, said
        storage.open_database(team["bo"])
        citizen = Citizen.get(Citizen.name == "Mette Jørgensen")
        assert citizen.mentor.name == "Bo"
        assert citizen.meetings[0].mentor.name == "Karen Holm"
    finally:
        storage.close_database()
        with psycopg.connect(team_url, autocommit=True) as conn:
            conn.execute(f'DROP OWNED BY "{karen}"')
            conn.execute(f'DROP ROLE "{karen}"')


def test_a_plain_import_into_the_team_makes_the_citizens_the_logins(team, tmp_path, capsys):
    storage.open_database(tmp_path / "own.db", create=True, plaintext=True)
    full_citizen("Mette Jørgensen")
    storage.close_database()
    export = tmp_path / "export.json"
    assert run(capsys, "export", "--db", str(tmp_path / "own.db"), "-o", str(export))[0] == 0
    status, said = run(capsys, "import", str(export), "--db", team["bo"])
    assert status == 0, said
    assert team_rows(team["anna"])[0] == [("Mette Jørgensen", "Bo")]


def test_bad_sources_are_refused_in_words_and_change_nothing(team, tmp_path, capsys):
    source, _secret = own_database(tmp_path, ["Mette Jørgensen"])
    wrong = tmp_path / "wrong"
    wrong.write_text("not the passphrase\n")
    anna = login_of(team["anna"])
    status, said = run(capsys, "team", "import", anna, str(source),
                       "--source-passphrase-file", str(wrong), "--db", team["anna"])  # fmt: skip
    assert status != 0 and "passphrase" in said.lower() and "Traceback" not in said
    status, said = run(capsys, "team", "import", anna, str(tmp_path / "nothing.db"),
                       "--db", team["anna"])  # fmt: skip
    assert status == 1 and "There is no file" in said
    status, said = run(capsys, "team", "import", anna, "--db", team["anna"])
    assert status == 1 and "team import LOGIN FILE" in said
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "mentorterm", "version": 1, "citizens": [{"name": ""}]}')
    status, said = run(capsys, "team", "import", anna, str(broken), "--db", team["anna"])
    assert status == 1 and "nothing was changed" in said and "Traceback" not in said
    assert team_rows(team["anna"])[0] == []
