"""PostgreSQL's driver is imported only for a team database (mentorterm/drivers.py).

Each check runs in a fresh interpreter: which modules are loaded depends on
what was imported first, and pytest's own process has imported everything.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

# What peewee knows of psycopg, as names a second interpreter can compare.
_PEEWEE_PSYCOPG = """
import json, sys, peewee
a = peewee.Psycopg3Adapter
print(json.dumps({
    "psycopg": getattr(peewee.psycopg, "__name__", None),
    "status": getattr(peewee, "TransactionStatus", None).__name__,
    "json": [peewee.Json_pg3.__qualname__, peewee.Jsonb_pg3.__qualname__],
    "txn": [int(a.txn_idle), int(a.txn_inerror), int(a.txn_unknown)],
    "adapter": type(peewee.PostgresqlDatabase("x")._adapter).__name__,
}))
"""


def _python(code: str) -> str:
    run = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ, PYTHONPATH=os.getcwd()),
    )
    assert run.returncode == 0, run.stderr
    return run.stdout.strip().splitlines()[-1]


def test_opening_the_storage_loads_no_postgresql_driver():
    code = (
        "import sys; from mentorterm import storage, models; import peewee; "
        "print(peewee.psycopg is None, 'psycopg' in sys.modules)"
    )
    assert _python(code) == "True False"


def test_peewee_given_psycopg_later_knows_what_its_own_import_would_have_set():
    later = _python(
        "from mentorterm import storage\n"
        "from mentorterm.drivers import give_peewee_psycopg\n"
        "give_peewee_psycopg()\n" + _PEEWEE_PSYCOPG
    )
    at_import = _python("import psycopg\n" + _PEEWEE_PSYCOPG)  # peewee's own import
    assert json.loads(later) == json.loads(at_import)
    assert json.loads(later)["adapter"] == "Psycopg3Adapter"


def test_a_team_database_is_made_with_the_driver_in_place():
    code = (
        "from mentorterm.storage import postgres\n"
        "db = postgres.make_database('postgresql://mentor@localhost/team')\n"
        "print(type(db._adapter).__name__)"
    )
    assert _python(code) == "Psycopg3ExtAdapter"


def test_a_team_database_connects_and_answers_with_the_driver_given_late(team_url):
    # team_url: a fresh database on the test server (skipped without one).
    code = (
        "import sys\n"
        "from mentorterm import storage\n"
        "from mentorterm.storage import postgres\n"
        "import peewee\n"
        "assert peewee.psycopg is None  # not imported with peewee\n"
        "db = postgres.connect(sys.argv[1])\n"
        "with db.atomic():\n"
        "    print(db.execute_sql('SELECT 40 + 2').fetchone()[0])\n"
        "db.close()\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, team_url],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ, PYTHONPATH=os.getcwd()),
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines()[-1] == "42"
