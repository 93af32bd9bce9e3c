"""``mentorterm team …``: the team database on PostgreSQL (its administration)."""

from __future__ import annotations

import argparse

from ..i18n import _
from ..terminal import terminal_safe
from .common import EXIT_OK, CliError
from .passphrase import _given_passphrase


def team_password(args: argparse.Namespace, target: str) -> str | None:
    """The password for the team database: --passphrase-file / -fd, else
    None (libpq then looks in ~/.pgpass, PGPASSWORD or a service file)."""
    del target
    return _given_passphrase(args)


def ask_password_once(target: str, action):
    """Run ``action(password)`` with libpq's own password first; if the server
    wants one and none was found, ask for it (at a terminal) and try once more."""
    import getpass
    import sys

    from .. import storage

    try:
        return action(None)
    except storage.PasswordNeeded:
        if not sys.stdin.isatty():
            raise
        password = getpass.getpass(
            _("Password for {where}: ").format(where=storage.describe(target))
        )
        return action(password)


def cmd_team(args: argparse.Namespace) -> int:
    from .. import storage

    target = storage.resolve_target(getattr(args, "db", None))
    if not storage.is_team_target(target):
        raise CliError(
            _(
                "'mentorterm team' works on a team database: give its address with "
                "--db postgresql://USER@HOST/DATABASE."
            )
        )
    given = team_password(args, target)
    if args.action == "init":
        version = (
            storage.init_team(target, password=given)
            if given is not None
            else ask_password_once(target, lambda pw: storage.init_team(target, password=pw))
        )
        print(
            terminal_safe(
                _(
                    "The team database {where} is ready: mentorterm's tables, triggers and "
                    "schema {version}."
                ).format(where=storage.describe(target), version=version)
            )
        )
        return EXIT_OK
    if args.action == "overview":
        _open_team(target, given)
        _overview(args.as_of)
        return EXIT_OK
    if args.action == "upgrade":
        return _upgrade(target, given)
    if not args.login:
        raise CliError(
            _("Name the mentor's login: mentorterm team {action} LOGIN.").format(action=args.action)
        )
    document = None
    if args.action == "import":  # the source is read (and checked) before the team is opened
        from .team_import import read_source

        document = read_source(args)
    _open_team(target, given)
    if args.action == "import":
        from .team_import import import_into_team

        import_into_team(args, target, document)
    elif args.action == "add-mentor":
        if not args.name:
            raise CliError(_("Give the mentor's name: --name NAME."))
        password = _new_mentor_password(args)
        storage.add_team_mentor(args.login, args.name, password, lead=args.lead)
        print(
            terminal_safe(
                _("{name} can now log in to {where} as '{login}'.").format(
                    name=args.name, where=storage.describe(target), login=args.login
                )
            )
        )
    elif args.action == "reassign":
        _reassign(args, target)
    elif args.action == "cover":
        _cover(args, target)
    else:
        storage.deactivate_team_mentor(args.login)
        print(
            terminal_safe(
                _(
                    "'{login}' can no longer log in to {where}; their records and history stay."
                ).format(login=args.login, where=storage.describe(target))
            )
        )
    return EXIT_OK


def _open_team(target: str, given: str | None) -> None:
    from .. import storage

    if given is not None:
        storage.open_database(target, passphrase=given)
    else:
        ask_password_once(target, lambda pw: storage.open_database(target, passphrase=pw))


def _overview(as_of=None) -> None:
    """The lead's table: the same as the app's overview screen (domain/team.py),
    as of ``as_of`` (default today)."""
    from datetime import date

    from ..domain.team import OVERVIEW_COLUMNS, overview_cells, team_overview
    from .records import _settings

    rows = [tuple(_(label) for label in OVERVIEW_COLUMNS)]
    rows += [
        overview_cells(load) for load in team_overview(as_of or date.today(), _settings().review)
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(OVERVIEW_COLUMNS))]
    for row in rows:
        name, *figures = row
        line = f"{name:<{widths[0]}}  " + "  ".join(
            f"{value:>{width}}" for value, width in zip(figures, widths[1:], strict=True)
        )
        print(terminal_safe(line.rstrip()))


def _upgrade(target: str, given: str | None) -> int:
    from .. import storage

    found, now = (
        storage.upgrade_team(target, password=given)
        if given is not None
        else ask_password_once(target, lambda pw: storage.upgrade_team(target, password=pw))
    )
    where = storage.describe(target)
    print(
        terminal_safe(
            _(
                "The team database {where} is at schema {version}; its rules of access renewed."
            ).format(where=where, version=now)
            if found == now
            else _(
                "The team database {where} was upgraded from schema {found} to {version}."
            ).format(where=where, found=found, version=now)
        )
    )
    return EXIT_OK


def _reassign(args: argparse.Namespace, target: str) -> None:
    from .. import storage
    from ..domain.citizens import get_citizen, reassign_citizen

    if args.citizen is None:
        raise CliError(_("Name the citizen: --citizen ID (the id 'mentorterm export' shows)."))
    mentor_id = storage.team_mentor_of(args.login)
    citizen = get_citizen(args.citizen)
    # Refused by the server unless the lead's, or the mentor's own citizen.
    reassign_citizen(args.citizen, mentor_id, note=args.note or "")
    print(
        terminal_safe(
            _("{citizen} is now {login}'s citizen in {where}.").format(
                citizen=citizen.name, login=args.login, where=storage.describe(target)
            )
        )
    )


def _cover(args: argparse.Namespace, target: str) -> None:
    from .. import storage
    from ..domain.cover import add_cover
    from ..domain.errors import DomainError
    from ..format import show_date

    if not (args.covered and args.starts_on and args.ends_on):
        raise CliError(
            _("Say whose citizens and when: --for LOGIN --from DAY --to DAY (e.g. 2026-12-21).")
        )
    mentor_id = storage.team_mentor_of(args.login)
    covered_id = storage.team_mentor_of(args.covered)
    # Refused by the server unless the lead's or the covered mentor's own.
    try:
        add_cover(mentor_id, covered_id, args.starts_on, args.ends_on, note=args.note or "")
    except DomainError as exc:
        raise CliError(str(exc)) from None
    print(
        terminal_safe(
            _("'{login}' covers the citizens of '{covered}' from {start} to {end}.").format(
                login=args.login,
                covered=args.covered,
                start=show_date(args.starts_on),
                end=show_date(args.ends_on),
            )
        )
    )


def _new_mentor_password(args: argparse.Namespace) -> str | None:
    import getpass
    import sys

    if args.mentor_password_file:
        try:
            with open(args.mentor_password_file, encoding="utf-8") as handle:
                return handle.readline().rstrip("\n") or None
        except OSError as exc:
            raise CliError(
                _("Could not read the password file {path}: {reason}").format(
                    path=args.mentor_password_file, reason=exc.strerror or exc
                )
            ) from None
    if not sys.stdin.isatty():
        return None  # the login then needs another way in (a certificate, peer)
    first = getpass.getpass(_("Password for the new login: "))
    if first != getpass.getpass(_("The same password again: ")):
        raise CliError(_("The two passwords differ. Nothing was changed."))
    return first or None
