"""Commands on the database file itself: open, info, encrypt, passphrase, demo, backup, check."""

from __future__ import annotations

import argparse

from ..format import show_number
from ..i18n import _, ngettext
from ..terminal import terminal_safe
from .common import EXIT_OK, CliError
from .passphrase import (
    _checked_new,
    _counting_tries,
    _given_passphrase,
    _open,
    _passphrase_for,
    _prompt_passphrase,
    _refuse_while_waiting,
)


def cmd_open(args: argparse.Namespace) -> int:
    from .. import storage
    from ..app import make_app
    from ..stylesheet_cache import Kept, default_path

    target = storage.resolve_target(getattr(args, "db", None))
    # Without a passphrase file or descriptor the app itself asks (or, for a
    # new database, has the mentor choose one), with the same back-off.
    given = _given_passphrase(args)
    if storage.is_team_target(target) and given is None:
        # The team's server: its password is asked here, at the terminal, when
        # libpq finds none (~/.pgpass, PGPASSWORD), before the screen is taken.
        from .team import ask_password_once

        given = ask_password_once(target, lambda pw: storage.try_team_login(target, pw) or pw)
    if given is not None and not storage.is_team_target(target):
        _refuse_while_waiting(target)
    # The stylesheets as parsed at the last start: the first frame without parsing them.
    kept_css = Kept.read(default_path())
    with _counting_tries(target):
        app = make_app(target, passphrase=given, ask_identity=True, kept_css=kept_css)
    del given
    from .. import steady

    steady.begin()  # the collector's full passes kept off the first frame and the keys
    try:
        app.run()
        kept_css.write()  # only when this session parsed a stylesheet it lacked
    finally:
        steady.end()
        storage.close_database()
    return app.return_code or EXIT_OK


def cmd_info(args: argparse.Namespace) -> int:
    from .. import storage

    target = _open(args, create=False)
    path = storage.target_path(target)
    print(terminal_safe(_("Database: {path}").format(path=storage.describe(target))))
    if path is not None:
        print(_("Size: {size} MB").format(size=show_number(round(path.stat().st_size / 1e6, 1))))
    print(_("Schema version: {version}").format(version=storage.schema_version()))
    for table, count in storage.row_counts().items():
        print(f"  {table:<22} {count:>9}")
    return EXIT_OK


def cmd_encrypt(args: argparse.Namespace) -> int:
    from .. import storage

    target = storage.resolve_target(getattr(args, "db", None))
    path = storage.target_path(target)
    if path is None:
        raise CliError(_("Only a database file can be encrypted."))
    passphrase = _checked_new(_given_passphrase(args), path) or _prompt_passphrase(
        _("Choose a passphrase for {path}: ").format(path=path), new=True, where=path
    )
    encrypted, kept = storage.encrypt_database(path, passphrase)
    print(
        _(
            "{path} is now encrypted. The unencrypted original is still on disk as {kept}, "
            "and so are any earlier backups next to it: delete them once you have opened the "
            "encrypted database."
        ).format(path=encrypted, kept=kept)
    )
    return EXIT_OK


def cmd_passphrase(args: argparse.Namespace) -> int:
    from .. import storage

    target = storage.resolve_target(getattr(args, "db", None))
    old = _passphrase_for(args, target, create=False)
    if old is None:
        raise CliError(_("This database is not encrypted; 'mentorterm encrypt' encrypts it."))
    with _counting_tries(target):
        storage.open_database(target, create=False, passphrase=old, verify=True)
    new = _prompt_passphrase(_("New passphrase: "), new=True, where=target)
    storage.change_passphrase(old, new)
    print(
        _("The passphrase of {path} is changed. Backups made before keep the old one.").format(
            path=target
        )
    )
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from .. import storage
    from ..demo import DemoRefused, demo_database_path, generate_demo, is_demo_database

    if getattr(args, "db", None):
        target = _open(args, create=True, writes=True)
    else:
        # Without --db (even with $MENTORTERM_DB set) the demo goes into its
        # own file: never into the mentor's real database. It is fictional,
        # so it is not encrypted.
        target = str(demo_database_path())
        storage.open_database(target, create=True, plaintext=True, verify=True)
        if is_demo_database():
            print(
                _("The demo is already in {path}. Open it with: mentorterm --db {path}").format(
                    path=target
                )
            )
            return EXIT_OK
    try:
        counts = generate_demo(seed=args.seed, today=args.today)
    except DemoRefused as exc:
        if getattr(args, "db", None):
            raise CliError(str(exc)) from None
        raise CliError(
            _(
                "{path} holds records that are not the demo, so no demo was added. "
                "Nothing was changed."
            ).format(path=target)
        ) from None
    citizens = counts.get("citizen", 0)
    print(
        ngettext(
            "Demo caseload written to {path}: {citizens} fictional citizen, {rows} records.",
            "Demo caseload written to {path}: {citizens} fictional citizens, {rows} records.",
            citizens,
        ).format(path=target, citizens=citizens, rows=sum(counts.values()))
    )
    if not getattr(args, "db", None):
        print(_("Open it with: mentorterm --db {path}").format(path=target))
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from .. import storage

    _open(args, create=False, writes=True)
    dest = storage.backup_database(args.dest)
    print(
        _(
            "Backup written to {path}. It holds personal data: keep it as safe as the database."
        ).format(path=dest.resolve())
    )
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from .. import storage
    from ..domain.checks import rule_problems

    # The -wal is read before the database is opened: opening replays only
    # its sound frames and the close then removes it, and with it the
    # evidence of what was dropped. A damaged one is copied aside first.
    path = storage.target_path(storage.resolve_target(getattr(args, "db", None)))
    wal_problems = storage.wal_problems(path) if path is not None else []
    kept = storage.keep_damaged_wal(path) if wal_problems else None
    target = _open(args, create=False)
    problems = wal_problems + storage.integrity_problems()
    if not problems:
        problems = rule_problems()
    if problems:
        for problem in problems:
            print(terminal_safe(problem))
        if kept is not None:
            print(_("A copy of the -wal file as it was is kept at {kept}.").format(kept=kept))
        raise CliError(
            ngettext(
                "{path}: {count} problem found.", "{path}: {count} problems found.", len(problems)
            ).format(path=target, count=len(problems))
        )
    print(_("{path}: no problems found.").format(path=target))
    return EXIT_OK
