"""The key derived once (storage/cipher_key.py): the same key SQLCipher derives,
kept instead of the passphrase, for every connection after the first."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlcipher3 import dbapi2 as sqlcipher

from mentorterm import storage
from mentorterm.domain.citizens import create_citizen
from mentorterm.domain.threads import in_own_connection
from mentorterm.models import Citizen, db
from mentorterm.schemas import CitizenIn
from mentorterm.storage import cipher_key

from .conftest import file_bytes

pytestmark = pytest.mark.sqlite_only

PASS = "æbleskiver i vindueskarmen"


@pytest.fixture(autouse=True)
def _encrypted_by_default():
    storage.allow_plaintext_for_tests(False)


def _kept() -> str:
    return db.obj.connect_params["passphrase"]


def _in_a_worker(call):
    """``call()`` in a thread with its own connection, as a screen's load runs."""
    out: list = []
    thread = threading.Thread(target=lambda: out.append(in_own_connection(call)))
    thread.start()
    thread.join()
    return out[0]


def _made_with_mette(path: Path) -> None:
    """A closed encrypted database at ``path`` with one citizen."""
    storage.open_database(path, passphrase=PASS)
    create_citizen(CitizenIn(name="Mette Jørgensen"))
    storage.close_database()


def _names() -> list[str]:
    return [c.name for c in Citizen.select().order_by(Citizen.name)]


def test_a_new_database_keeps_the_derived_key_not_the_passphrase(db_path):
    storage.open_database(db_path, passphrase=PASS)
    try:
        create_citizen(CitizenIn(name="Mette Jørgensen"))
        assert cipher_key.is_raw(_kept()) and PASS not in _kept()
        assert _kept() == cipher_key.derive(PASS, db_path)
        assert _kept()[-33:-1] == db_path.read_bytes()[:16].hex()  # the file's own salt
        assert _in_a_worker(_names) == ["Mette Jørgensen"]
    finally:
        storage.close_database()


def test_an_existing_database_opens_with_one_derivation_for_every_connection(db_path):
    _made_with_mette(db_path)
    storage.open_database(db_path, passphrase=PASS, create=False)
    try:
        assert _kept() == cipher_key.derive(PASS, db_path)
        create_citizen(CitizenIn(name="Ali Hassan"))
        assert _in_a_worker(_names) == ["Ali Hassan", "Mette Jørgensen"]
        # SQLCipher's own derivation from the passphrase opens the same file.
        assert cipher_key.opens(db_path, PASS)
    finally:
        storage.close_database()


def test_a_wrong_passphrase_is_still_refused_and_changes_nothing(db_path):
    _made_with_mette(db_path)
    before = file_bytes(db_path)
    with pytest.raises(storage.WrongPassphrase, match="passphrase is wrong"):
        storage.open_database(db_path, passphrase="pærer i vindueskarmen", create=False)
    assert file_bytes(db_path) == before


def test_a_derived_key_that_does_not_open_the_file_falls_back_to_the_passphrase(
    db_path, monkeypatch
):
    _made_with_mette(db_path)
    # As if the file had been made with other settings than the library's.
    monkeypatch.setattr(cipher_key, "derive", lambda p, path: "x'" + "00" * 48 + "'")
    storage.open_database(db_path, passphrase=PASS, create=False)
    try:
        assert _kept() == PASS
        assert _in_a_worker(_names) == ["Mette Jørgensen"]
    finally:
        storage.close_database()


def test_a_backup_made_with_the_key_opens_with_the_passphrase(db_path, tmp_path):
    storage.open_database(db_path, passphrase=PASS)
    try:
        create_citizen(CitizenIn(name="Mette Jørgensen"))
        assert cipher_key.is_raw(_kept())
        backup = storage.backup_database(tmp_path / "backup.db")
    finally:
        storage.close_database()
    assert storage.is_encrypted_file(backup)
    assert cipher_key.opens(backup, PASS)  # SQLCipher's derivation, not ours
    storage.open_database(backup, passphrase=PASS, create=False)
    try:
        assert _names() == ["Mette Jørgensen"]
    finally:
        storage.close_database()
    with pytest.raises(storage.WrongPassphrase):
        storage.open_database(backup, passphrase="pærer i vindueskarmen", create=False)


def test_changing_the_passphrase_checks_the_old_one_against_the_key(db_path):
    new = "kanelsnegle på altanen"
    storage.open_database(db_path, passphrase=PASS)
    try:
        create_citizen(CitizenIn(name="Mette Jørgensen"))
        with pytest.raises(storage.WrongPassphrase):
            storage.change_passphrase("pærer i vindueskarmen", new)
        storage.change_passphrase(PASS, new)
        assert _kept() == cipher_key.derive(new, db_path)
        assert _in_a_worker(_names) == ["Mette Jørgensen"]
    finally:
        storage.close_database()
    with pytest.raises(storage.WrongPassphrase):
        storage.open_database(db_path, passphrase=PASS, create=False)
    storage.open_database(db_path, passphrase=new, create=False)
    try:
        assert _names() == ["Mette Jørgensen"]
    finally:
        storage.close_database()


def test_the_lock_blanks_the_key(db_path):
    storage.open_database(db_path, passphrase=PASS)
    storage.lock_database()
    assert _kept() == ""
    storage.open_database(db_path, passphrase=PASS, create=False)
    storage.close_database()


@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    passphrase=st.text(
        alphabet=st.sampled_from("aæøåÆØÅ 'x\"-;é1"), min_size=8, max_size=30
    ).filter(str.strip)
)
def test_the_derived_key_is_the_one_sqlcipher_derives(tmp_path, passphrase):
    path = tmp_path / f"f{abs(hash(passphrase))}.db"
    conn = sqlcipher.connect(str(path))
    conn.execute(cipher_key.key_sql(passphrase))
    conn.execute("CREATE TABLE t (day TEXT)")
    conn.execute("INSERT INTO t VALUES (?)", (date(2026, 12, 8).isoformat(),))
    conn.commit()
    conn.close()
    key = cipher_key.derive(passphrase, path)
    assert key is not None and cipher_key.is_raw(key)
    assert cipher_key.opens(path, key)
    assert not cipher_key.opens(path, cipher_key.derive(passphrase + "!", path))


def test_no_key_is_derived_without_a_salt_to_read(tmp_path):
    assert cipher_key.derive(PASS, tmp_path / "missing.db") is None
    (tmp_path / "short.db").write_bytes(b"abc")
    assert cipher_key.derive(PASS, tmp_path / "short.db") is None
    assert cipher_key.derive("", tmp_path / "short.db") is None
    assert not cipher_key.is_raw(PASS) and not cipher_key.is_raw("x'" + "zz" * 48 + "'")
    assert cipher_key.verified(PASS, tmp_path / "missing.db") == PASS
