"""The page key derived from the passphrase once, then handed to each connection as it is.

SQLCipher derives a file's key from the passphrase (PBKDF2-HMAC-SHA512,
256,000 rounds, with the 16-byte salt at the start of the file) every time
a connection is keyed with it: 150-300 ms here, on an older laptop more. The
app keys a connection for the check before opening, for the open itself and
for every load a screen runs in a worker thread (peewee's connections are per
thread: the rest of a long caseload, the year's figures, reports, the access
export), so each of those waited for one more derivation. A *raw* key,
``x'<32 bytes of key><the 16-byte salt>'`` in hex, is used as it is.

So the key is derived once, here, with the library's own default settings
(hashlib's PBKDF2 is OpenSSL's, as SQLCipher's is), and the database keeps
that raw key instead of the passphrase for the connections after the first:
the same key SQLCipher would derive, never a weaker one, and the passphrase
itself (which a mentor may use elsewhere too) is no longer held. A key is
used only once a connection has opened the file with it: a file it does not
open (made with other settings) is keyed with the passphrase, as before.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from .connection import BUSY_TIMEOUT

#: SQLCipher's names of its key derivations, as hashlib names the digest.
_DIGESTS = {
    "PBKDF2_HMAC_SHA512": "sha512",
    "PBKDF2_HMAC_SHA256": "sha256",
    "PBKDF2_HMAC_SHA1": "sha1",
}
SALT_BYTES = 16
KEY_BYTES = 32


@functools.cache
def _defaults() -> tuple[str, int] | None:
    """(hashlib's digest name, rounds) the library keys a new connection with;
    None when it keeps anything at the start of the file but the salt."""
    from sqlcipher3 import dbapi2 as sqlcipher

    conn = sqlcipher.connect(":memory:")
    try:
        algorithm = conn.execute("PRAGMA cipher_default_kdf_algorithm").fetchone()[0]
        rounds = int(conn.execute("PRAGMA cipher_default_kdf_iter").fetchone()[0])
        header = int(conn.execute("PRAGMA cipher_default_plaintext_header_size").fetchone()[0])
    finally:
        conn.close()
    if header != 0 or algorithm not in _DIGESTS or rounds < 1:
        return None
    return _DIGESTS[algorithm], rounds


def is_raw(key: str) -> bool:
    """Is ``key`` a raw key as ``derive`` makes it (not a passphrase)?"""
    body = key[2:-1]
    return (
        key.startswith("x'")
        and key.endswith("'")
        and len(body) == 2 * (KEY_BYTES + SALT_BYTES)
        and all(c in "0123456789abcdef" for c in body)
    )


def derive(passphrase: str, path: Path) -> str | None:
    """The raw key the passphrase gives the encrypted file at ``path`` (the
    salt read from it), or None: no salt to read, or settings not known."""
    settings = _defaults()
    if settings is None or not passphrase:
        return None
    try:
        with open(path, "rb") as handle:
            salt = handle.read(SALT_BYTES)
    except OSError:
        return None
    if len(salt) != SALT_BYTES:
        return None
    digest, rounds = settings
    key = hashlib.pbkdf2_hmac(digest, passphrase.encode("utf-8"), salt, rounds, KEY_BYTES)
    return f"x'{key.hex()}{salt.hex()}'"


def key_sql(key: str) -> str:
    """``PRAGMA key`` for a passphrase or a raw key (a string literal either way)."""
    return "PRAGMA key = '{}'".format(key.replace("'", "''"))


def read_only(path: Path, key: str):
    """A read-only connection of its own to the encrypted file at ``path``,
    keyed with ``key`` (a passphrase or a raw key); nothing is read yet."""
    from sqlcipher3 import dbapi2 as sqlcipher

    conn = sqlcipher.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(key_sql(key))
    except BaseException:
        conn.close()
        raise
    return conn


def opens(path: Path, key: str) -> bool:
    """Does ``key`` open the file at ``path`` (read-only, a connection of its own)?"""
    from sqlcipher3 import dbapi2 as sqlcipher

    try:
        conn = read_only(path, key)
    except sqlcipher.Error:
        return False
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher.Error:
        return False
    finally:
        conn.close()


def verified(passphrase: str, path: Path) -> str:
    """The raw key for ``path`` when it opens the file, else the passphrase itself."""
    key = derive(passphrase, path)
    return key if key is not None and opens(path, key) else passphrase


def same_passphrase(given: str, kept: str, path: Path) -> bool:
    """Is ``given`` the passphrase behind ``kept`` (the passphrase or its raw key)?"""
    if not given or not kept:
        return False
    return given == kept or (is_raw(kept) and derive(given, path) == kept)
