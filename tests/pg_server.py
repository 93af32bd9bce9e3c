"""A PostgreSQL server for the tests that run on both engines.

Found in this order: ``MENTORTERM_TEST_POSTGRES`` (a libpq address of a server
where databases may be created), libpq's environment (``PGHOST``, as
Debian's ``pg_virtualenv`` sets it), else a throwaway cluster started here
from the installed ``initdb`` (as root through ``runuser -u postgres``, since
initdb refuses root), listening on a Unix socket in a temporary folder only,
stopped at the end of the run. Without any of them the PostgreSQL cases are
skipped; under CI they must run, so there a missing server is an error.

Each test gets its own database, copied from a template that ``team init``
made once (``CREATE DATABASE … TEMPLATE``: about a tenth of a second).
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

TEMPLATE = "mentorterm_template"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _initdb() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return found[-1] if found else shutil.which("initdb")


class Server:
    """A reachable server and how to reach it."""

    def __init__(self) -> None:
        self.params: dict[str, str] = {}
        self._cluster: Path | None = None
        self._as: list[str] = []
        self._counter = itertools.count(1)
        self.why_not = ""
        self.running = False

    # -- finding or starting one ---------------------------------------------

    def start(self) -> bool:
        given = os.environ.get("MENTORTERM_TEST_POSTGRES")
        if given:
            from psycopg.conninfo import conninfo_to_dict

            self.params = {k: str(v) for k, v in conninfo_to_dict(given).items()}
        elif os.environ.get("PGHOST"):
            self.params = {}  # libpq reads PGHOST, PGPORT, PGUSER, PGPASSWORD
        elif not self._start_cluster():
            return False
        try:
            self._admin("SELECT 1")
            self._make_template()
        except Exception as exc:  # noqa: BLE001 - said in the skip reason
            self.why_not = f"PostgreSQL did not answer or team init failed: {exc}"
            self.stop()
            self.params = {}
            return False
        self.running = True
        return True

    def _start_cluster(self) -> bool:
        initdb = _initdb()
        if initdb is None:
            self.why_not = "no PostgreSQL server (initdb not found, no PGHOST)"
            return False
        bindir = Path(initdb).parent
        folder = Path(tempfile.mkdtemp(prefix="mentorterm-pg-"))
        data = folder / "data"
        if os.geteuid() == 0:
            owner = pwd.getpwnam("postgres")
            os.chown(folder, owner.pw_uid, owner.pw_gid)
            self._as = ["runuser", "-u", "postgres", "--"]
            user = "postgres"
        else:
            user = pwd.getpwuid(os.geteuid()).pw_name
        port = _free_port()
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.PIPE, "check": True}
        try:
            subprocess.run(
                [*self._as, str(bindir / "initdb"), "-D", str(data), "-U", user,
                 "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
                **quiet,
            )  # fmt: skip
            options = f"-k {folder} -p {port} -c listen_addresses='' -c fsync=off"
            subprocess.run(
                [*self._as, str(bindir / "pg_ctl"), "-D", str(data), "-w", "-o", options,
                 "-l", str(folder / "log"), "start"],
                **quiet,
            )  # fmt: skip
        except (subprocess.CalledProcessError, KeyError, OSError) as exc:
            detail = getattr(exc, "stderr", b"") or b""
            self.why_not = f"could not start PostgreSQL: {exc} {detail.decode(errors='replace')}"
            shutil.rmtree(folder, ignore_errors=True)
            return False
        self._cluster = folder
        self._bindir = bindir
        self.params = {"host": str(folder), "port": str(port), "user": user}
        return True

    def stop(self) -> None:
        if self._cluster is None:
            return
        subprocess.run(
            [*self._as, str(self._bindir / "pg_ctl"), "-D", str(self._cluster / "data"),
             "-m", "immediate", "stop"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
        )  # fmt: skip
        shutil.rmtree(self._cluster, ignore_errors=True)
        self._cluster = None

    # -- databases -------------------------------------------------------------

    def url(self, dbname: str) -> str:
        """The address of database ``dbname``, as a mentor gives it (``--db``)."""
        from urllib.parse import urlencode

        query = urlencode(self.params)
        return f"postgresql:///{dbname}" + (f"?{query}" if query else "")

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(sql)

    def _make_template(self) -> None:
        from mentorterm.storage import postgres

        self._admin(f"DROP DATABASE IF EXISTS {TEMPLATE}")
        self._admin(f"CREATE DATABASE {TEMPLATE}")
        postgres.init_team(self.url(TEMPLATE))

    def new_database(self) -> str:
        """A fresh team database (the current schema, no rows); its name."""
        name = f"mentorterm_test_{os.getpid()}_{next(self._counter)}"
        self._admin(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
        # A copy does not keep the template's database rights: closed to
        # PUBLIC again, as 'team init' leaves a team database.
        self._admin(f"REVOKE CONNECT, TEMPORARY ON DATABASE {name} FROM PUBLIC")
        return name

    def drop(self, name: str) -> None:
        self._admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
