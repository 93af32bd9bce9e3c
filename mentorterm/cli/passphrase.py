"""The passphrase for a command: from a file, a descriptor or a prompt, with the back-off."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..i18n import _, ngettext
from .common import EXIT_WAIT, NEW_PASSPHRASE_TRIES, CliError


def _clock() -> float:
    """The wall clock of the passphrase back-off (tests fix it)."""
    return time.time()


def _read_line(handle) -> str:
    line = handle.readline()
    return line[:-1] if line.endswith("\n") else line


def _given_passphrase(args: argparse.Namespace) -> str | None:
    """The passphrase from --passphrase-file or --passphrase-fd, if one was given."""
    if getattr(args, "passphrase_file", None):
        try:
            with open(args.passphrase_file, encoding="utf-8") as handle:
                return _read_line(handle)
        except OSError as exc:
            raise CliError(
                _("Could not read the passphrase file {path}: {reason}").format(
                    path=args.passphrase_file, reason=exc.strerror or exc
                )
            ) from None
    if getattr(args, "passphrase_fd", None) is not None:
        try:
            with os.fdopen(args.passphrase_fd, encoding="utf-8", closefd=False) as handle:
                return _read_line(handle)
        except OSError as exc:
            raise CliError(
                _("Could not read the passphrase from descriptor {fd}: {reason}").format(
                    fd=args.passphrase_fd, reason=exc.strerror or exc
                )
            ) from None
    return None


def _prompt_passphrase(question: str, *, new: bool, where: str = "") -> str:
    import getpass

    from ..domain import security

    if not sys.stdin.isatty():
        if new:
            raise CliError(
                _(
                    "A new database is encrypted: give its passphrase with "
                    "--passphrase-file FILE or --passphrase-fd N (or --plaintext "
                    "for a demo)."
                )
            )
        raise CliError(
            _(
                "{path} is encrypted (or it is damaged): give its passphrase with "
                "--passphrase-file FILE or --passphrase-fd N. Nothing was changed."
            ).format(path=where)
        )
    if not new:
        return getpass.getpass(question)
    # A new passphrase: judged by the estimator, asked again while too weak.
    for attempt in range(NEW_PASSPHRASE_TRIES):
        first = getpass.getpass(question)
        try:
            security.check_new_passphrase(first, _own_words(where))
        except security.WeakPassphrase as error:
            if attempt == NEW_PASSPHRASE_TRIES - 1:
                raise CliError(_("{reason} Nothing was changed.").format(reason=error)) from None
            print(f"mentorterm: {error}", file=sys.stderr)
            continue
        print(security.passphrase_hint(first, _own_words(where)), file=sys.stderr)
        if getpass.getpass(_("The same passphrase again: ")) != first:
            raise CliError(_("The two passphrases differ; nothing was changed."))
        return first
    raise AssertionError("unreachable")  # pragma: no cover


def _own_words(where: str | Path) -> tuple[str, ...]:
    """Words a guesser would try first for this database: its file name."""
    return (Path(str(where)).stem,) if where else ()


def _checked_new(passphrase: str | None, where: str | Path) -> str | None:
    """A new passphrase given by file or descriptor is judged like a typed one."""
    if passphrase is not None:
        from ..domain import security

        try:
            security.check_new_passphrase(passphrase, _own_words(where))
        except security.WeakPassphrase as error:
            raise CliError(_("{reason} Nothing was changed.").format(reason=error)) from None
    return passphrase


# --- the wrong-passphrase back-off (kept beside the database, as in the app) ----------


def _encrypted_file(target: str | Path) -> Path | None:
    from .. import storage

    path = storage.target_path(target)
    if path is None or not path.is_file() or not storage.is_encrypted_file(path):
        return None
    return path


def _wait_text(seconds: float) -> str:
    whole = max(1, int(seconds + 0.999))
    return ngettext(
        "Too many wrong passphrases: wait {seconds} second, then try again.",
        "Too many wrong passphrases: wait {seconds} seconds, then try again.",
        whole,
    ).format(seconds=whole)


def _refuse_while_waiting(target: str | Path) -> None:
    """Before a passphrase is asked or tried: refuse while the back-off runs."""
    from ..domain import security

    path = _encrypted_file(target)
    if path is None:
        return
    wait = security.read_tries(path).wait_left(_clock())
    if wait:
        raise CliError(_wait_text(wait) + " " + _("Nothing was changed."), status=EXIT_WAIT)


@contextmanager
def _counting_tries(target: str | Path) -> Iterator[None]:
    """Around opening with a passphrase: a wrong one counts, a right one resets."""
    from .. import storage
    from ..domain import security

    path = _encrypted_file(target)
    try:
        yield
    except storage.WrongPassphrase as error:
        if path is None:
            raise
        tries = security.wrong_try(path, _clock())
        wait = tries.wait_left(_clock())
        if wait:
            raise CliError(f"{error} {_wait_text(wait)}") from None
        raise
    if path is not None:
        security.right_try(path)


def _passphrase_for(args: argparse.Namespace, target: str, *, create: bool) -> str | None:
    from .. import storage

    _refuse_while_waiting(target)
    storage.refuse_empty_file(target)  # before a passphrase is asked for nothing
    given = _given_passphrase(args)
    plaintext = True if getattr(args, "plaintext", False) else None
    need = storage.needs_passphrase(target, given, plaintext=plaintext)
    path = storage.target_path(target)
    if (
        given is not None
        and create
        and not plaintext
        and path is not None
        and not (path.is_file() and path.stat().st_size > 0)
    ):
        return _checked_new(given, target)  # a new database from a passphrase file
    if need is None or (need == "create" and not create):
        return given
    if need == "create":
        return _prompt_passphrase(
            _("Choose a passphrase for the new database: "), new=True, where=target
        )
    return _prompt_passphrase(
        _("Passphrase for {path}: ").format(path=target), new=False, where=target
    )


def _open(args: argparse.Namespace, *, create: bool, writes: bool = False):
    """Open the database for a command; ``writes``: a command that writes to it,
    which first checks (read-only) that the file is a sound mentorterm database."""
    from .. import storage
    from ..domain import audit  # noqa: F401 - every backup, also before a migration, gets its anchor

    target = storage.resolve_target(getattr(args, "db", None))
    if storage.is_team_target(target):
        from .team import ask_password_once, team_password

        given = team_password(args, target)
        if given is not None:
            storage.open_database(target, passphrase=given)
        else:
            ask_password_once(target, lambda pw: storage.open_database(target, passphrase=pw))
        return target
    passphrase = _passphrase_for(args, target, create=create)
    plaintext = True if getattr(args, "plaintext", False) else None
    with _counting_tries(target):
        storage.open_database(
            target, create=create, passphrase=passphrase, plaintext=plaintext, verify=writes
        )
    return target
