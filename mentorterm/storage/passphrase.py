"""Passphrases (the rules, the hint), telling an encrypted file, and plaintext for tests."""

from __future__ import annotations

from pathlib import Path

from ..i18n import _
from .errors import WeakPassphrase

# New databases are encrypted (SQLCipher). A plaintext one is made only when
# the caller says so (``plaintext=True``: the demo's own file, ``demo
# --plaintext``), or in the test suite through allow_plaintext_for_tests().
# No environment variable can turn encryption off: one left set in a shell
# would silently leave the real caseload unencrypted.
_plaintext_for_tests = False


# A plaintext SQLite file starts with this; an encrypted one looks random.
PLAINTEXT_HEADER = b"SQLite format 3\x00"


MIN_PASSPHRASE = 8


def allow_plaintext_for_tests(allowed: bool = True) -> None:
    """Let new databases be plaintext without ``plaintext=True`` (tests only).

    The test suite calls this (tests/conftest.py, the worker scripts' flag);
    nothing the app or the command line does reaches it.
    """
    global _plaintext_for_tests
    _plaintext_for_tests = allowed


def plaintext_requested() -> bool:
    """True only in tests that allowed plaintext databases (never in real use)."""
    return _plaintext_for_tests


def is_encrypted_file(path: Path) -> bool:
    """True for an existing, non-empty file that is not plaintext SQLite."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(PLAINTEXT_HEADER))
    except OSError:
        return False
    return bool(head) and head != PLAINTEXT_HEADER


def check_new_passphrase(passphrase: str | None) -> str:
    """Refuse a passphrase that would not protect anything.

    An empty key makes SQLCipher write a *plaintext* file without a word, so
    it is refused here, before anything is created.
    """
    if passphrase is None or not passphrase.strip():
        raise WeakPassphrase(
            _(
                "An empty passphrase would leave the notes readable to anyone "
                "who has the laptop. Choose a passphrase."
            )
        )
    if len(passphrase) < MIN_PASSPHRASE:
        raise WeakPassphrase(
            _(
                "A passphrase needs at least {n} characters; a few words you can remember are best."
            ).format(n=MIN_PASSPHRASE)
        )
    return passphrase


def passphrase_hint(passphrase: str) -> str:
    """A plain-words strength hint while a passphrase is typed."""
    words = len(passphrase.split())
    kinds = sum(
        any(test(c) for c in passphrase)
        for test in (str.islower, str.isupper, str.isdigit, lambda c: not c.isalnum())
    )
    if len(passphrase) < MIN_PASSPHRASE:
        return _("Too short: at least {n} characters.").format(n=MIN_PASSPHRASE)
    if len(passphrase) >= 20 and (words >= 4 or kinds >= 3):
        return _("Strong.")
    if len(passphrase) >= 14 and (words >= 3 or kinds >= 2):
        return _("Good. Four words or more make it stronger.")
    return _("Weak: use three or four words, e.g. a sentence only you would say.")
