"""A sealed bundle: bytes encrypted and authenticated for a USB stick (issue 19).

A laptop that never sees the team's server carries its changes in a file;
the file must be unreadable to whoever finds the stick, and any change to it
(a flipped bit, a cut-off end, a header edited by hand) must be refused as a
whole, never half read. So the payload is sealed with AES-256-GCM (the
``cryptography`` library: a well-kept binding of OpenSSL's, with wheels for
every platform mentorterm runs on) under a key derived from the mentor's
secret with scrypt, whose memory cost makes guessing a password slow.

The file: ``MAGIC``, one format byte, scrypt's cost (log2 n), r and p, a
16-byte salt, a 12-byte nonce, then the ciphertext with its 16-byte tag.
Everything before the ciphertext is authenticated as associated data, so a
header edited by hand fails like a damaged body. A new salt and nonce for
every bundle: the same payload sealed twice gives two different files.
"""

from __future__ import annotations

import os
from pathlib import Path

from .. import private
from ..i18n import _
from .errors import StorageError

MAGIC = b"MENTORTERM-BUNDLE\n"
FORMAT = 1
#: scrypt's cost as log2 of n: 2**15 takes 32 MiB and about a tenth of a second.
COST = 15
_MAX_COST = 20  # a header asking for more is damaged, not a reason to use a GiB
_R, _P = 8, 1
_SALT, _NONCE = 16, 12
_HEADER = len(MAGIC) + 1 + 3 + _SALT + _NONCE
_TAG = 16


class BundleError(StorageError):
    """A bundle that cannot be opened, in the mentor's words; nothing was changed."""


def _key(secret: str, salt: bytes, cost: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=2**cost, r=r, p=p).derive(secret.encode("utf-8"))


def seal(payload: bytes, secret: str, *, cost: int = COST) -> bytes:
    """``payload`` encrypted and authenticated under ``secret``: the bundle's bytes."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if not secret:
        raise BundleError(_("A bundle needs a password to lock it with. Nothing was written."))
    salt, nonce = os.urandom(_SALT), os.urandom(_NONCE)
    header = MAGIC + bytes([FORMAT, cost, _R, _P]) + salt + nonce
    return header + AESGCM(_key(secret, salt, cost, _R, _P)).encrypt(nonce, payload, header)


def unseal(blob: bytes, secret: str) -> bytes:
    """The payload of a bundle; BundleError when it is no bundle, is from a newer
    mentorterm, or the password is wrong or the file was changed or damaged."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if not blob.startswith(MAGIC):
        raise BundleError(_("This file is not a mentorterm bundle. Nothing was changed."))
    if len(blob) < _HEADER + _TAG:
        raise _damaged()
    at = len(MAGIC)
    version, cost, r, p = blob[at : at + 4]
    if version > FORMAT:
        raise BundleError(
            _(
                "This bundle was made by a newer mentorterm. Update mentorterm on this "
                "computer, then open it again. Nothing was changed."
            )
        )
    if version != FORMAT or not 10 <= cost <= _MAX_COST or (r, p) != (_R, _P):
        raise _damaged()
    salt = blob[at + 4 : at + 4 + _SALT]
    nonce = blob[at + 4 + _SALT : _HEADER]
    try:
        return AESGCM(_key(secret, salt, cost, r, p)).decrypt(nonce, blob[_HEADER:], blob[:_HEADER])
    except InvalidTag:
        raise _damaged() from None


def _damaged() -> BundleError:
    return BundleError(
        _(
            "This bundle could not be opened: the password is not the one it was "
            "locked with, or the file was changed or damaged on the way. Nothing "
            "was changed. Check the password; if it is right, make the bundle again."
        )
    )


def write_bundle(path: Path, payload: bytes, secret: str, *, cost: int = COST) -> Path:
    """Seal ``payload`` into a new file at ``path`` (owner-only, whole or not at
    all); an existing file is never replaced."""
    blob = seal(payload, secret, cost=cost)
    try:
        return private.write_atomically(Path(path), blob)
    except FileExistsError:
        raise BundleError(
            _("{path} exists already. Choose another name; nothing was written.").format(path=path)
        ) from None
    except OSError as exc:
        raise BundleError(
            _("The bundle could not be written to {path} ({reason}). Nothing was written.").format(
                path=path, reason=exc.strerror or exc
            )
        ) from None


def read_bundle(path: Path, secret: str) -> bytes:
    """The payload of the bundle file at ``path``; BundleError in words."""
    try:
        blob = Path(path).read_bytes()
    except FileNotFoundError:
        message = _("There is no file {path}. Nothing was changed.").format(path=path)
        raise BundleError(message) from None
    except OSError as exc:
        raise BundleError(
            _("{path} could not be read ({reason}). Nothing was changed.").format(
                path=path, reason=exc.strerror or exc
            )
        ) from None
    return unseal(blob, secret)
