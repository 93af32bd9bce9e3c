"""``mentorterm sync …``: a laptop's copy of the mentor's citizens, offline (issue 19).

- ``sync out --team URL``: take the mentor's citizens (and those covered)
  offline onto this laptop's database; colleagues see where they are;
- ``sync`` (``sync now``): send what was written here, merge, bring the
  laptop up to the team database; the conflicts are listed;
- ``sync back``: sync, then the citizens go back (gone from the laptop);
- ``sync conflicts`` / ``sync resolve ID mine|theirs|merged [--text]``: on
  the team database;
- ``sync devices`` / ``sync revoke NAME``: the lead's, for a lost laptop.
"""

from __future__ import annotations

import argparse
import json

from ..i18n import _, ngettext
from ..terminal import terminal_safe
from .common import EXIT_OK, CliError

ACTIONS = (
    "out", "now", "back", "conflicts", "resolve", "devices", "revoke",
    "bundle", "apply-bundle", "receive",
)  # fmt: skip


def add_sync_command(add) -> None:
    """The ``sync`` subcommand (called by ``parser.build_parser``)."""
    sync = add(
        "sync",
        _(
            "the mentor's citizens on this laptop, offline: 'out' takes them from the team "
            "database, 'now' sends and fetches, 'back' gives them back"
        ),
    )
    sync.add_argument(
        "action",
        nargs="?",
        default="now",
        choices=ACTIONS,
        help=_(
            "out: take your citizens offline onto this laptop (--team URL); now (the "
            "default): send what was written here and fetch what changed; back: sync, then "
            "the citizens leave the laptop; conflicts: list what a sync could not merge; "
            "resolve ID mine|theirs|merged: decide one; devices: the team's laptops; revoke "
            "NAME: a lost laptop's syncs are refused from now on (the lead's); without a "
            "network: bundle FILE (the laptop's changes, sealed), apply-bundle FILE --reply "
            "FILE (where the team database is reached), receive FILE (the reply, on the laptop)"
        ),
    )
    sync.add_argument("rest", nargs="*", help=argparse.SUPPRESS)
    sync.add_argument(
        "--team", metavar="URL", help=_("the team database (postgresql://LOGIN@HOST/DATABASE)")
    )
    sync.add_argument("--name", metavar="NAME", help=_("out: what this laptop is called"))
    sync.add_argument(
        "--team-password-fd",
        type=int,
        metavar="N",
        help=_("read the team database's password from file descriptor N"),
    )
    sync.add_argument("--text", metavar="TEXT", help=_("resolve … merged: the merged text"))
    sync.add_argument(
        "--reply", metavar="FILE", help=_("apply-bundle: where to write the reply for the laptop")
    )
    sync.add_argument(
        "--bundle-password-file",
        metavar="FILE",
        help=_("the password a bundle is locked with, from the first line of FILE"),
    )


def _team_opener(target: str, given: str | None = None):
    """Open the team database at ``target``, asking its password once at a terminal."""
    from .. import storage
    from .team import ask_password_once

    known: dict[str, str | None] = {} if given is None else {"password": given}

    def open_team() -> None:
        if "password" in known:
            storage.open_database(target, passphrase=known["password"])
            return

        def attempt(password):
            storage.open_database(target, passphrase=password)
            known["password"] = password

        ask_password_once(target, attempt)

    open_team.where = storage.describe(target)  # how messages name it
    return open_team


def _laptop_opener(args: argparse.Namespace):
    from .. import storage
    from .passphrase import _passphrase_for

    target = storage.resolve_target(getattr(args, "db", None))
    if storage.is_team_target(target):
        raise CliError(
            _("--db names the laptop's own database file; the team database goes after --team.")
        )
    passphrase = _passphrase_for(args, target, create=True)

    def open_laptop() -> None:
        storage.open_database(target, passphrase=passphrase)

    return open_laptop


def _team_password(args: argparse.Namespace) -> str | None:
    """The team password from --team-password-fd (the app's sync dialog), else None."""
    import os

    if args.team_password_fd is None:
        return None
    try:
        with os.fdopen(args.team_password_fd, encoding="utf-8") as handle:
            line = handle.readline().rstrip("\n")
    except OSError as exc:
        raise CliError(
            _("Could not read the password from file descriptor {fd}: {reason}").format(
                fd=args.team_password_fd, reason=exc.strerror or exc
            )
        ) from None
    return line or None


def _kept_team(open_laptop, password: str | None):
    """The laptop's opener, which notes the team address the laptop's sync
    state keeps the first time it opens the file, and the team database's
    opener for that address. Before, the file was opened once more only to
    read the address: each opening of an encrypted file is a key derivation
    (about 0.1 s of a sync)."""
    from ..domain.sync.flow import state

    kept: dict = {}

    def laptop() -> None:
        open_laptop()
        if "team" not in kept:
            found = state()
            kept["team"] = found.team if found else None

    def team() -> None:
        if "open" not in kept:
            if not kept.get("team"):
                raise CliError(
                    _("Give the team database: --team postgresql://LOGIN@HOST/DATABASE.")
                )
            kept["open"] = _team_opener(kept["team"], password)
            team.where = kept["open"].where
        kept["open"]()

    team.where = "postgresql"
    return laptop, team


def _team_target(args: argparse.Namespace) -> str:
    target = args.team
    if not target:
        raise CliError(_("Give the team database: --team postgresql://LOGIN@HOST/DATABASE."))
    return target


def _print_report(report) -> None:
    print(
        terminal_safe(_("Synced with the team database as {device}.").format(device=report.device))
    )
    print(
        terminal_safe(
            ngettext(
                "Sent {n} change: {applied} applied, {already} already there, {conflicts} in "
                "conflict.",
                "Sent {n} changes: {applied} applied, {already} already there, {conflicts} in "
                "conflict.",
                report.sent,
            ).format(
                n=report.sent,
                applied=report.merged.applied,
                already=report.merged.already,
                conflicts=len(report.merged.conflicts),
            )  # fmt: skip
        )
    )
    print(
        terminal_safe(
            ngettext(
                "{n} record here brought up to date from the team database.",
                "{n} records here brought up to date from the team database.",
                report.received,
            ).format(n=report.received)
        )
    )
    names = ", ".join(sorted(report.citizens)) or _("none")
    print(terminal_safe(_("On this laptop: {names}").format(names=names)))
    for other in report.elsewhere:
        print(
            terminal_safe(
                _("{citizen} stays out on {device} ({mentor}) since {since}.").format(
                    citizen=other.citizen,
                    device=other.device,
                    mentor=other.mentor,
                    since=f"{other.since:%d-%m-%Y %H:%M}",
                )  # fmt: skip
            )
        )
    _print_conflicts(report.conflicts)


def _shown(raw: str) -> str:
    from ..domain.sync.conflicts import shown

    return shown(json.loads(raw) if isinstance(raw, str) else raw)


def _print_conflicts(conflicts) -> None:
    from ..enums_sync import ConflictKind

    if not conflicts:
        return
    print(
        terminal_safe(
            ngettext(
                "{n} conflict to decide, in mentorterm on the team database (Y) or with "
                "mentorterm sync resolve ID mine|theirs|merged:",
                "{n} conflicts to decide, in mentorterm on the team database (Y) or with "
                "mentorterm sync resolve ID mine|theirs|merged:",
                len(conflicts),
            ).format(n=len(conflicts))
        )
    )
    for c in conflicts:
        what = c.get("record") or (f"{c['table']}.{c['field']}" if c["field"] else c["table"])
        print(
            terminal_safe(
                _("  {id}. {citizen} · {what}: {kind}. Laptop: {mine} · Server: {theirs}").format(
                    id=c["id"],
                    citizen=c["citizen"] or "-",
                    what=what,
                    kind=ConflictKind(c["kind"]).label,
                    mine=_shown(c["mine"]),
                    theirs=_shown(c["theirs"]),
                )  # fmt: skip
            )
        )


def _on_team(args: argparse.Namespace, step):
    from .. import storage

    _team_opener(_team_target(args))()
    try:
        return step()
    finally:
        storage.close_database()


def _conflicts(args: argparse.Namespace) -> int:
    from ..domain.sync.conflicts import open_conflicts

    found = _on_team(args, open_conflicts)
    if not found:
        print(_("No conflicts to decide."))
        return EXIT_OK
    _print_conflicts(
        [
            {
                "id": c.id,
                "citizen": c.citizen,
                "table": c.what,
                "field": c.field,
                "kind": c.kind.value,
                "mine": json.dumps(c.mine),
                "theirs": json.dumps(c.theirs),
            }
            for c in found
        ]  # fmt: skip
    )
    return EXIT_OK


def _resolve(args: argparse.Namespace) -> int:
    from ..domain.sync.conflicts import resolve
    from ..enums_sync import ConflictResolution

    if len(args.rest) != 2 or not args.rest[0].isdigit() or args.rest[1] not in (
        "mine", "theirs", "merged"
    ):  # fmt: skip
        raise CliError(_("Say which and how: mentorterm sync resolve ID mine|theirs|merged."))
    choice = ConflictResolution(args.rest[1])
    if choice is ConflictResolution.MERGED and args.text is None:
        raise CliError(_("A merged value needs --text with the merged text."))
    _on_team(args, lambda: resolve(int(args.rest[0]), choice, args.text))
    print(terminal_safe(_("Conflict {id}: {how}.").format(id=args.rest[0], how=choice.label)))
    return EXIT_OK


def _devices(args: argparse.Namespace) -> int:
    from ..domain.sync.devices import devices, local

    for device, mentor, held in _on_team(args, devices):
        state = (
            _("revoked {day}").format(day=f"{local(device.revoked_at):%d-%m-%Y}")
            if device.revoked_at
            else _("last sync {day}").format(day=f"{local(device.last_sync_at):%d-%m-%Y %H:%M}")
            if device.last_sync_at
            else _("never synced")
        )
        line = ngettext("{name} ({mentor}): {n} citizen, {state}",
                        "{name} ({mentor}): {n} citizens, {state}", held)  # fmt: skip
        print(terminal_safe(line.format(name=device.name, mentor=mentor, n=held, state=state)))
    return EXIT_OK


def _revoke(args: argparse.Namespace) -> int:
    from ..domain.sync.devices import revoke

    if len(args.rest) != 1:
        raise CliError(_("Name the laptop to revoke: mentorterm sync revoke NAME."))
    device, held = _on_team(args, lambda: revoke(args.rest[0]))
    names = ", ".join(c.name for c in held) or _("no citizens")
    print(
        terminal_safe(
            _("{device} is revoked: its syncs are refused from now on. It held: {names}.").format(
                device=device.name, names=names
            )
        )
    )
    return EXIT_OK


def cmd_sync(args: argparse.Namespace) -> int:
    from .. import storage
    from ..domain.errors import DomainError
    from ..domain.sync.flow import give_back, sync

    try:
        if args.action == "conflicts":
            return _conflicts(args)
        if args.action == "resolve":
            return _resolve(args)
        if args.action == "devices":
            return _devices(args)
        if args.action == "revoke":
            return _revoke(args)
        if args.action in ("bundle", "apply-bundle", "receive"):
            from .sync_bundle import bundles

            return bundles(args)
        open_laptop = _laptop_opener(args)
        if args.team or args.action == "out":
            target = _team_target(args)
            open_team = _team_opener(target, _team_password(args))
            team, login = storage.kept_target(target), storage.login_of(target)
        else:  # the address the laptop keeps, read when its file is first opened
            open_laptop, open_team = _kept_team(open_laptop, _team_password(args))
            team = login = ""
        if args.action == "back":
            report = give_back(open_laptop, open_team)
            _print_report(report)
            print(_("The citizens are back on the team database and gone from this laptop."))
            return EXIT_OK
        report = sync(
            open_laptop, open_team, team=team, login=login, take=args.action == "out",
            name=args.name or "",
        )  # fmt: skip
        _print_report(report)
        return EXIT_OK
    except DomainError as exc:
        raise CliError(str(exc)) from None
