"""Why a team database (PostgreSQL) could not be reached or used, in words
a mentor can act on: a wrong or missing password, no such database or user,
no right, a server that cannot prove who it is (TLS), or no answer at all."""

from __future__ import annotations

import re

from ..i18n import _
from .errors import DatabaseMissing, PasswordNeeded, StorageError, WrongPassphrase


def connection_error(exc: BaseException, where: str) -> StorageError:
    """Why a team database could not be reached, as a mentor can act on it."""
    cause = getattr(exc, "orig", None) or exc.__cause__ or exc
    state = getattr(cause, "sqlstate", None) or ""
    text = str(cause).lower()
    tls = _tls_error(str(cause), where)
    if tls is not None:
        return tls
    if state == "28P01" or "password authentication failed" in text:
        return WrongPassphrase(
            _(
                "The team database {where} refused the password. Check your user name "
                "and password (ask your team lead if you have forgotten it). Nothing was changed."
            ).format(where=where)
        )
    if "no password supplied" in text or "password is required" in text:
        return PasswordNeeded(
            _(
                "The team database {where} needs your password: give it when asked, with "
                "--passphrase-file, or in your ~/.pgpass file. Nothing was changed."
            ).format(where=where)
        )
    if state == "3D000" or ("database" in text and "does not exist" in text):
        return DatabaseMissing(
            _(
                "There is no team database {where} on the server. Check the address, "
                "or ask your team lead to create it and run 'mentorterm team init' on it."
            ).format(where=where)
        )
    if state == "28000" or "role" in text and "does not exist" in text:
        return WrongPassphrase(
            _(
                "The team database {where} does not know this user. Ask your team lead "
                "to give you access to it. Nothing was changed."
            ).format(where=where)
        )
    if state == "42501" or "permission denied" in text:
        return StorageError(
            _(
                "You may not use the team database {where} this way (permission denied). "
                "Ask your team lead. Nothing was changed."
            ).format(where=where)
        )
    reason = str(cause).strip().splitlines()[0] if str(cause) else ""
    # The server answered and refused the statement (a class other than 08,
    # connection, and 57P, shut down): it is there, so it is no outage.
    if state and not state.startswith(("08", "57P")):
        return StorageError(
            _(
                "The team database {where} refused this change ({reason}). Nothing was "
                "changed. If it happens again, tell your team lead what you were doing."
            ).format(where=where, reason=reason)
        )
    return StorageError(
        _(
            "The team database server for {where} does not answer: it may be down, or "
            "this computer has no network to it. Nothing was changed; try again later, or "
            "work offline. ({reason})"
        ).format(where=where, reason=reason)
    )


def _tls_error(text: str, where: str) -> StorageError | None:
    """A TLS refusal (``sslmode=verify-full``) in words, or None."""
    lowered = text.lower()
    if "certificate verify failed" in lowered or "does not match host name" in lowered:
        why = (
            _("its certificate is for another name than the one in the address")
            if "does not match host name" in lowered
            else _("its certificate is not signed by the certificate authority in sslrootcert")
        )
        return StorageError(
            _(
                "The server for {where} could not prove that it is your team's server: "
                "{why}. Nothing was sent to it. Check the address and the CA file, or ask "
                "whoever runs the server."
            ).format(where=where, why=why)
        )
    missing = re.search(r'root certificate file "([^"]+)" does not exist', text)
    if missing:
        return StorageError(
            _(
                "The CA file {path} that the address names (sslrootcert) does not exist. "
                "Nothing was changed."
            ).format(path=missing.group(1))
        )
    if "no encryption" in lowered and "pg_hba.conf" in lowered:
        return StorageError(
            _(
                "The team database server for {where} takes only encrypted connections: "
                "add ?sslmode=verify-full&sslrootcert=/path/to/ca.pem to the address (the "
                "CA file comes from whoever runs the server). Nothing was changed."
            ).format(where=where)
        )
    if "server does not support ssl" in lowered:
        return StorageError(
            _(
                "The server for {where} offers no encrypted connection, and the address "
                "asks for one. Ask whoever runs it to turn TLS on. Nothing was sent."
            ).format(where=where)
        )
    return None
