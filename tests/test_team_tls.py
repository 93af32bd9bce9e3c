"""TLS to the team database: ``?sslmode=verify-full&sslrootcert=CA`` against
a real server that takes only encrypted connections (its own throwaway
cluster with a certificate from a test CA). A server that cannot prove who
it is, or an address without encryption, is refused in words."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

import psycopg
import pytest

from mentorterm import cli, storage
from mentorterm.models import db

from .pg_server import _free_port, _initdb


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


def _certificates(folder: Path) -> None:
    """A test CA, a server certificate for 'localhost' signed by it, and a
    second CA that signed nothing of the server's."""
    for ca in ("ca", "other-ca"):
        _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", f"{ca}.key",
                 "-out", f"{ca}.pem", "-days", "2", "-subj", f"/CN=mentorterm test {ca}",
                 cwd=folder)  # fmt: skip
    _openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out",
             "server.csr", "-subj", "/CN=localhost", cwd=folder)  # fmt: skip
    (folder / "san.ext").write_text("subjectAltName=DNS:localhost\n")
    _openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
             "-CAcreateserial", "-out", "server.crt", "-days", "2", "-extfile", "san.ext",
             cwd=folder)  # fmt: skip


@pytest.fixture(scope="module")
def tls_server():
    """(address of an empty database over TLS without the CA, the folder)."""
    initdb = _initdb()
    if initdb is None or shutil.which("openssl") is None:
        if os.environ.get("CI"):
            pytest.fail("CI tests TLS, but initdb or openssl is missing", pytrace=False)
        pytest.skip("no initdb or openssl here")
    bindir = Path(initdb).parent
    folder = Path(tempfile.mkdtemp(prefix="mentorterm-tls-"))
    folder.chmod(0o755)
    run_as: list[str] = []
    user = pwd.getpwuid(os.geteuid()).pw_name
    if os.geteuid() == 0:
        run_as, user = ["runuser", "-u", "postgres", "--"], "postgres"
    _certificates(folder)
    data = folder / "data"
    port = _free_port()
    if run_as:
        owner = pwd.getpwnam("postgres")
        for name in (".", "server.key", "server.crt"):
            os.chown(folder / name, owner.pw_uid, owner.pw_gid)
    (folder / "server.key").chmod(0o600)
    quiet = {"capture_output": True, "check": True}
    subprocess.run([*run_as, str(bindir / "initdb"), "-D", str(data), "-U", user, "-A", "trust",
                    "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], **quiet)  # fmt: skip
    (data / "pg_hba.conf").write_text(
        "local all all trust\n"
        "hostssl all all 127.0.0.1/32 trust\nhostssl all all ::1/128 trust\n"
        "hostnossl all all 0.0.0.0/0 reject\nhostnossl all all ::/0 reject\n"
    )
    options = (
        f"-k {folder} -p {port} -c listen_addresses=localhost -c fsync=off -c ssl=on "
        f"-c ssl_cert_file={folder / 'server.crt'} -c ssl_key_file={folder / 'server.key'}"
    )
    subprocess.run([*run_as, str(bindir / "pg_ctl"), "-D", str(data), "-w", "-o", options,
                    "-l", str(folder / "log"), "start"], **quiet)  # fmt: skip
    try:
        with psycopg.connect(host=str(folder), port=port, user=user, dbname="postgres",
                             autocommit=True) as conn:  # fmt: skip
            conn.execute("CREATE DATABASE team")
        yield f"postgresql://{user}@localhost:{port}/team", folder
    finally:
        storage.close_database()
        subprocess.run([*run_as, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate",
                        "stop"], capture_output=True, check=False)  # fmt: skip
        shutil.rmtree(folder, ignore_errors=True)


def run(capsys, *argv: str) -> tuple[int, str]:
    status = cli.main(list(argv))
    storage.close_database()
    out = capsys.readouterr()
    return status, out.out + out.err


def test_verify_full_with_the_teams_ca_connects_encrypted(tls_server, capsys):
    address, folder = tls_server
    secure = f"{address}?sslmode=verify-full&sslrootcert={folder / 'ca.pem'}"
    status, said = run(capsys, "team", "init", "--db", secure)
    assert status == 0, said
    storage.open_database(secure)
    try:
        assert db.execute_sql(
            "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"
        ).fetchone() == (True,)
    finally:
        storage.close_database()
    status, said = run(capsys, "info", "--db", secure)
    assert status == 0, said


def test_a_server_that_cannot_prove_who_it_is_is_refused_in_words(tls_server, capsys):
    address, folder = tls_server
    for wrong in (
        f"{address}?sslmode=verify-full&sslrootcert={folder / 'other-ca.pem'}",
        # The certificate is for 'localhost', not for this name of the same server.
        f"{address.replace('@localhost:', '@127.0.0.1:')}?sslmode=verify-full"
        f"&sslrootcert={folder / 'ca.pem'}",
    ):
        status, said = run(capsys, "info", "--db", wrong)
        assert status == 1 and "Traceback" not in said, said
        assert "could not prove" in said and "certificate" in said, said


def test_a_missing_ca_file_and_an_unencrypted_address_are_said_plainly(tls_server, capsys):
    address, folder = tls_server
    status, said = run(capsys, "info", "--db",
                       f"{address}?sslmode=verify-full&sslrootcert={folder / 'no-such.pem'}")  # fmt: skip
    assert status == 1 and "no-such.pem" in said and "Traceback" not in said, said
    status, said = run(capsys, "info", "--db", f"{address}?sslmode=disable")
    assert status == 1 and "only encrypted connections" in said, said
    assert "sslmode=verify-full" in said
