"""``mentorterm sync bundle|apply-bundle|receive``: a sync carried in sealed files
(issue 19), for a laptop that never sees the team's server: the laptop's
change set goes one way, the server's reply comes back, each sealed under a
password (storage/bundle.py: AES-256-GCM, the key from it with scrypt)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..i18n import _, ngettext
from ..terminal import terminal_safe
from .common import EXIT_OK, CliError
from .sync import _laptop_opener, _print_report, _team_opener, _team_target


def _bundle_password(args: argparse.Namespace, *, new: bool) -> str:
    import getpass
    import sys
    from pathlib import Path

    if args.bundle_password_file:
        try:
            lines = Path(args.bundle_password_file).read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise CliError(
                _("Could not read {path}: {reason}").format(
                    path=args.bundle_password_file, reason=exc.strerror or exc
                )
            ) from None
        return lines[0] if lines else ""
    if not sys.stdin.isatty():
        raise CliError(_("Give the bundle's password with --bundle-password-file FILE."))
    password = getpass.getpass(_("The bundle's password: "))
    if new and getpass.getpass(_("The same password again: ")) != password:
        raise CliError(_("The two passwords differ. Nothing was written."))
    return password


def _one_file(args: argparse.Namespace, usage: str):
    from pathlib import Path

    if len(args.rest) != 1:
        raise CliError(usage)
    return Path(args.rest[0]).expanduser()


def bundles(args: argparse.Namespace) -> int:
    from .. import storage
    from ..domain.sync import flow

    if args.action == "bundle":
        path = _one_file(args, _("Name the bundle to write: mentorterm sync bundle FILE."))
        changes = flow.bundle_changes(_laptop_opener(args))
        password = _bundle_password(args, new=True)
        storage.write_bundle(path, json.dumps(changes).encode("utf-8"), password)
        count = flow.changelog.count(changes["changes"])
        print(
            terminal_safe(
                ngettext(
                    "{n} change sealed in {path}. Take it to where the team database is "
                    "reached: mentorterm sync apply-bundle {path} --reply REPLY.",
                    "{n} changes sealed in {path}. Take it to where the team database is "
                    "reached: mentorterm sync apply-bundle {path} --reply REPLY.",
                    count,
                ).format(n=count, path=path)
            )
        )
        return EXIT_OK
    if args.action == "apply-bundle":
        path = _one_file(
            args, _("Name the bundle: mentorterm sync apply-bundle FILE --reply REPLY.")
        )
        if not args.reply:
            raise CliError(_("Say where the reply goes: --reply FILE."))
        password = _bundle_password(args, new=False)
        laptop = _read_bundle(path, password)
        reply = flow.bundle_apply(_team_opener(_team_target(args)), laptop)
        storage.write_bundle(Path(args.reply), json.dumps(reply).encode("utf-8"), password)
        report = flow.report_of(reply, 0)
        _print_report(report)
        print(
            terminal_safe(
                _("The reply is sealed in {path}: on the laptop, mentorterm sync receive {path}.")
                .format(path=args.reply)
            )
        )  # fmt: skip
        return EXIT_OK
    path = _one_file(args, _("Name the reply: mentorterm sync receive FILE."))
    password = _bundle_password(args, new=False)
    report = flow.bundle_receive(_laptop_opener(args), _read_bundle(path, password))
    _print_report(report)
    return EXIT_OK


def _read_bundle(path, password: str) -> dict:
    from .. import storage

    payload = storage.read_bundle(path, password)
    try:
        data = json.loads(payload)
    except ValueError:
        data = None
    if not isinstance(data, dict):
        raise CliError(_("{path} holds no sync bundle. Nothing was changed.").format(path=path))
    return data
