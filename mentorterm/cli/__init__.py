"""The ``mentorterm`` command: the TUI by default, and the maintenance commands.

Every failure ends as one clear line on stderr and a non-zero exit status;
no traceback reaches the mentor (unexpected ones go to a log file).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import NoReturn

from . import __version__
from .format import show_number
from .i18n import _, ngettext
from .terminal import json_terminal_safe, terminal_safe

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_USAGE = 2
EXIT_WAIT = 75  # EX_TEMPFAIL: the wrong-passphrase back-off runs; try again later
NEW_PASSPHRASE_TRIES = 3


def _clock() -> float:
    """The wall clock of the passphrase back-off (tests fix it)."""
    return time.time()


class CliError(Exception):
    """A failure to report as one line, with an exit status."""

    def __init__(self, message: str, status: int = EXIT_PROBLEM):
        super().__init__(message)
        self.status = status


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise CliError(_("{problem} (see 'mentorterm --help')").format(problem=message), EXIT_USAGE)


def _date_arg(text: str) -> date:
    from .schemas import parse_date_text

    try:
        value = parse_date_text(text)
    except Exception:  # PydanticCustomError: the message is the same either way
        value = None
    if not isinstance(value, date):
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a date; write it as YYYY-MM-DD or DD-MM-YYYY").format(text=text)
        )
    return value


def build_parser() -> argparse.ArgumentParser:
    # --db is accepted before or after the subcommand: the subparsers share it
    # with SUPPRESS so a value given before is not reset by the default.
    db_parent = argparse.ArgumentParser(add_help=False)
    db_parent.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help=_("database file (default: $MENTORTERM_DB, else your per-user database)"),
    )
    # The passphrase never comes from the command line (it would show in the
    # process list and the shell history): a prompt, a file or a descriptor.
    db_parent.add_argument(
        "--passphrase-file",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help=_("read the database's passphrase from the first line of FILE"),
    )
    db_parent.add_argument(
        "--passphrase-fd",
        metavar="N",
        type=int,
        default=argparse.SUPPRESS,
        help=_("read the database's passphrase from file descriptor N"),
    )
    parser = _Parser(
        prog="mentorterm",
        description=_("The employment mentor's terminal. Without a command, opens the app."),
        parents=[db_parent],
    )
    parser.add_argument("--version", action="version", version=f"mentorterm {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help_text, description=help_text, parents=[db_parent])

    add("open", _("open the app (the same as no command)"))
    add("info", _("show the database's path, schema version and row counts"))
    demo = add(
        "demo",
        _(
            "make a fictional demo caseload in its own file (demo.db beside your "
            "database), or in an empty --db"
        ),
    )
    demo.add_argument("--seed", type=int, default=1, help=_("random seed (default 1)"))
    demo.add_argument(
        "--today",
        type=_date_arg,
        default=None,
        help=_("date the demo is built around (default today)"),
    )
    demo.add_argument(
        "--plaintext",
        action="store_true",
        help=_("make a new demo database unencrypted (fictional data only)"),
    )
    add("encrypt", _("encrypt an existing unencrypted database (asks for a new passphrase)"))
    add("passphrase", _("change the passphrase of an encrypted database"))
    export = add("export", _("export the database, or one citizen, as JSON"))
    export.add_argument("--citizen", type=int, metavar="ID", help=_("only this citizen"))
    export.add_argument("-o", "--output", metavar="FILE", help=_("write to FILE (default: screen)"))
    export.add_argument(
        "--force",
        action="store_true",
        help=_("replace FILE if it exists (without it, an existing file is kept)"),
    )
    imp = add("import", _("import a JSON export (all or nothing)"))
    imp.add_argument("file", metavar="FILE")
    backup = add("backup", _("copy the database safely, even while the app is open"))
    backup.add_argument("dest", metavar="DEST", help=_("a new file, or a folder to put it in"))
    add("check", _("check the database's integrity and the domain's rules"))
    audit = add("audit", _("print the audit log: who did what to which record, when and why"))
    audit.add_argument("--citizen", type=int, metavar="ID", help=_("only this citizen's entries"))
    audit.add_argument(
        "--verify",
        action="store_true",
        help=_("check that no entry was changed or removed (exit 1 if one was)"),
    )
    add("schema", _("print the JSON Schema of the export format"))
    review = add(
        "review",
        _(
            "print the weekly review: who needs attention and why, with the "
            "facts and the decisions recorded for that week"
        ),
    )
    review.add_argument(
        "--as-of",
        type=_date_arg,
        default=None,
        metavar="DATE",
        help=_("read the records as they stood on DATE, YYYY-MM-DD (default today)"),
    )
    review.add_argument(
        "--format",
        choices=("text", "json", "markdown"),
        default="text",
        help=_("text (default), json, or markdown (a handout for the meeting)"),
    )
    review.add_argument(
        "--mentor",
        type=int,
        metavar="ID",
        help=_("only this mentor's citizens (default: everyone's)"),
    )
    review.add_argument(
        "--schema", action="store_true", help=_("print the JSON Schema of --format json and stop")
    )
    settings = add("settings", _("show the settings file's path and the settings in force"))
    settings.add_argument(
        "--write-defaults",
        action="store_true",
        help=_("write a commented file with the defaults (never overwrites)"),
    )
    settings.add_argument(
        "--mentor-name",
        metavar="NAME",
        help=_("your name, as it stands on notes, reports and handouts"),
    )
    settings.add_argument(
        "--organisation",
        metavar="NAME",
        help=_("the provider you work for, as it stands on reports"),
    )
    return parser


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

    from .domain import security

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
        from .domain import security

        try:
            security.check_new_passphrase(passphrase, _own_words(where))
        except security.WeakPassphrase as error:
            raise CliError(_("{reason} Nothing was changed.").format(reason=error)) from None
    return passphrase


# --- the wrong-passphrase back-off (kept beside the database, as in the app) ----------


def _encrypted_file(target: str | Path) -> Path | None:
    from . import storage

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
    from .domain import security

    path = _encrypted_file(target)
    if path is None:
        return
    wait = security.read_tries(path).wait_left(_clock())
    if wait:
        raise CliError(_wait_text(wait) + " " + _("Nothing was changed."), status=EXIT_WAIT)


@contextmanager
def _counting_tries(target: str | Path) -> Iterator[None]:
    """Around opening with a passphrase: a wrong one counts, a right one resets."""
    from . import storage
    from .domain import security

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
    from . import storage

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
    from . import storage
    from .domain import audit  # noqa: F401 - every backup, also before a migration, gets its anchor

    target = storage.resolve_target(getattr(args, "db", None))
    passphrase = _passphrase_for(args, target, create=create)
    plaintext = True if getattr(args, "plaintext", False) else None
    with _counting_tries(target):
        storage.open_database(
            target, create=create, passphrase=passphrase, plaintext=plaintext, verify=writes
        )
    return target


def cmd_open(args: argparse.Namespace) -> int:
    from . import storage
    from .app import make_app

    target = storage.resolve_target(getattr(args, "db", None))
    # Without a passphrase file or descriptor the app itself asks (or, for a
    # new database, has the mentor choose one), with the same back-off.
    given = _given_passphrase(args)
    if given is not None:
        _refuse_while_waiting(target)
    with _counting_tries(target):
        app = make_app(target, passphrase=given, ask_identity=True)
    del given
    try:
        app.run()
    finally:
        storage.close_database()
    return app.return_code or EXIT_OK


def cmd_info(args: argparse.Namespace) -> int:
    from . import storage

    target = _open(args, create=False)
    path = storage.target_path(target)
    print(terminal_safe(_("Database: {path}").format(path=path)))
    if path is not None:
        print(_("Size: {size} MB").format(size=show_number(round(path.stat().st_size / 1e6, 1))))
    print(_("Schema version: {version}").format(version=storage.schema_version()))
    for table, count in storage.row_counts().items():
        print(f"  {table:<22} {count:>9}")
    return EXIT_OK


def cmd_encrypt(args: argparse.Namespace) -> int:
    from . import storage

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
    from . import storage

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
    from . import storage
    from .demo import DemoRefused, demo_database_path, generate_demo, is_demo_database

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


def _write_atomically(path: Path, text: str, *, force: bool = False) -> None:
    """The export file, owner-only, whole or not at all; an existing one only with --force."""
    from .private import PlantedLink, part_path, write_atomically

    try:
        write_atomically(path, text.encode("utf-8"), overwrite=force)
    except FileExistsError:
        if os.path.lexists(path) and not force:
            raise CliError(
                _(
                    "{path} already exists; nothing was written. Choose another name, "
                    "or add --force to replace it."
                ).format(path=path)
            ) from None
        raise CliError(
            _("Could not write {path}: {part} is in the way (and was not touched).").format(
                path=path, part=part_path(path)
            )
        ) from None
    except PlantedLink:
        raise CliError(
            _("Could not write {path}: {part} is in the way (and was not touched).").format(
                path=path, part=part_path(path)
            )
        ) from None
    except OSError as exc:
        raise CliError(
            _("Could not write {path}: {reason}").format(path=path, reason=exc.strerror or exc)
        ) from None


def cmd_export(args: argparse.Namespace) -> int:
    from .domain.transfer import dumps, export_document

    _open(args, create=False)
    try:
        document = export_document(citizen_id=args.citizen)
    except LookupError as exc:
        raise CliError(str(exc)) from None
    text = dumps(document)
    if args.output:
        out = Path(args.output).expanduser()
        _write_atomically(out, text, force=args.force)
        count = len(document["citizens"])
        print(
            ngettext(
                "Exported {count} citizen to {path}. The file holds personal data: keep "
                "it safe and delete it when it is no longer needed.",
                "Exported {count} citizens to {path}. The file holds personal data: keep "
                "it safe and delete it when it is no longer needed.",
                count,
            ).format(count=count, path=out.resolve()),
            file=sys.stderr,
        )
    else:
        sys.stdout.write(json_terminal_safe(text))
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from .domain.transfer import ImportFailed, import_document, parse_document, read_import_text

    source = Path(args.file).expanduser()
    try:
        text = read_import_text(source)
    except ImportFailed as exc:  # too large: one line, before anything is parsed
        raise CliError(
            _("{path} was not imported (nothing was changed): {reason}").format(
                path=source, reason=exc.problems[0]
            )
        ) from None
    except FileNotFoundError:
        raise CliError(_("There is no file {path}.").format(path=source)) from None
    except UnicodeDecodeError:
        raise CliError(
            _("{path} is not a text (UTF-8) file; nothing was imported.").format(path=source)
        ) from None
    except OSError as exc:
        raise CliError(
            _("Could not read {path}: {reason}").format(path=source, reason=exc.strerror or exc)
        ) from None
    try:
        document = parse_document(text)
    except ImportFailed as exc:
        raise _import_error(source, exc.problems) from None
    _open(args, create=True, writes=True)
    try:
        result = import_document(document)
    except ImportFailed as exc:
        raise _import_error(source, exc.problems) from None
    print(
        terminal_safe(
            ngettext(
                "Imported {citizens} citizen, {records} records in all, from {path}.",
                "Imported {citizens} citizens, {records} records in all, from {path}.",
                result.citizens,
            ).format(citizens=result.citizens, records=result.records, path=source)
        )
    )
    return EXIT_OK


def _import_error(source: Path, problems: list[str]) -> CliError:
    if len(problems) == 1:  # e.g. a file too deeply nested: one line says it all
        return CliError(
            _("{path} was not imported (nothing was changed): {problem}").format(
                path=source, problem=problems[0]
            )
        )
    shown = problems[:50]
    lines = [
        ngettext(
            "{path} was not imported (nothing was changed): {count} problem.",
            "{path} was not imported (nothing was changed): {count} problems.",
            len(problems),
        ).format(path=source, count=len(problems))
    ]
    lines += [f"  {p}" for p in shown]
    if len(problems) > len(shown):
        lines.append(_("  ... and {more} more.").format(more=len(problems) - len(shown)))
    return CliError("\n".join(lines))


def cmd_backup(args: argparse.Namespace) -> int:
    from . import storage

    _open(args, create=False, writes=True)
    dest = storage.backup_database(args.dest)
    print(
        _(
            "Backup written to {path}. It holds personal data: keep it as safe as the database."
        ).format(path=dest.resolve())
    )
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from . import storage
    from .domain.checks import rule_problems

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


def cmd_audit(args: argparse.Namespace) -> int:
    from .domain import audit

    _open(args, create=False)
    if args.verify:
        problems, notes = audit.check()
        for note in notes:
            print(note, file=sys.stderr)
        if problems:
            for problem in problems:
                print(terminal_safe(problem))
            raise CliError(
                ngettext(
                    "The audit log has been tampered with: {count} problem found.",
                    "The audit log has been tampered with: {count} problems found.",
                    len(problems),
                ).format(count=len(problems))
            )
        total = audit.count()
        print(
            ngettext(
                "The audit log is intact ({count} entry).",
                "The audit log is intact ({count} entries).",
                total,
            ).format(count=total)
        )
        return EXIT_OK
    entries = audit.entries(args.citizen)
    print(
        f"{_('When'):<19}  {_('Action'):<12} {_('What'):<18} {_('Record'):>7} "
        f"{_('Citizen'):>7}  {_('Purpose')}"
    )
    for e in entries:
        when = audit.local_time(e.at).strftime("%d-%m-%Y %H:%M:%S")
        record = "" if e.record_id is None else e.record_id
        citizen = "" if e.citizen_id is None else e.citizen_id
        print(
            terminal_safe(
                f"{when:<19}  {e.action.value:<12} {e.what:<18} {record:>7} "
                f"{citizen:>7}  {_(e.purpose)}".rstrip()
            )
        )
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from .interchange import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


def _settings():
    from .settings import SettingsError, load_settings

    try:
        return load_settings()
    except SettingsError as exc:
        raise CliError(str(exc)) from None


def cmd_review(args: argparse.Namespace) -> int:
    from .domain import review_handout as handout

    if args.schema:
        print(json.dumps(handout.handout_schema(), indent=2, ensure_ascii=False))
        return EXIT_OK
    thresholds = _settings().review
    _open(args, create=False)
    result = handout.review_handout(args.as_of or date.today(), args.mentor, thresholds)
    render = {
        "text": handout.render_text,
        "json": handout.handout_json,
        "markdown": handout.render_markdown,
    }[args.format]
    # Names and decisions are the mentor's typing: harmless before they reach a terminal.
    safe = json_terminal_safe if args.format == "json" else terminal_safe
    sys.stdout.write(safe(render(result)))
    return EXIT_OK


def cmd_settings(args: argparse.Namespace) -> int:
    from .settings import SettingsError, describe_settings, settings_path, write_default_settings

    path = settings_path()
    if args.mentor_name is not None or args.organisation is not None:
        from .domain.errors import DomainError
        from .domain.identity import mentor_identity, save_mentor_identity

        known = mentor_identity(path)
        try:
            saved = save_mentor_identity(
                known.name if args.mentor_name is None else args.mentor_name,
                known.organisation if args.organisation is None else args.organisation,
                path,
            )
        except DomainError as exc:
            raise CliError(str(exc)) from None
        print(
            terminal_safe(
                _("Saved in {path}: name = {name}, organisation = {organisation}.").format(
                    path=path, name=saved.name, organisation=saved.organisation or "-"
                )
            )
        )
        return EXIT_OK
    if args.write_defaults:
        try:
            write_default_settings(path)
        except SettingsError as exc:
            raise CliError(str(exc)) from None
        print(_("Wrote the default settings to {path}.").format(path=path))
        return EXIT_OK
    state = "" if path.exists() else _(" (no such file: the defaults are in force)")
    print(_("Settings file: {path}{state}").format(path=path, state=state))
    for line in describe_settings(_settings()):
        print(terminal_safe(line))
    return EXIT_OK


COMMANDS = {
    None: cmd_open,
    "open": cmd_open,
    "info": cmd_info,
    "demo": cmd_demo,
    "encrypt": cmd_encrypt,
    "passphrase": cmd_passphrase,
    "export": cmd_export,
    "import": cmd_import,
    "backup": cmd_backup,
    "check": cmd_check,
    "audit": cmd_audit,
    "schema": cmd_schema,
    "review": cmd_review,
    "settings": cmd_settings,
}


def _at_start() -> None:
    """Owner-only from the first file on: umask 077, and the log folder tightened."""
    from . import crashlog, private

    private.restrict_umask()
    crashlog.secure_log_folder()


def _tighten_database_files(args: argparse.Namespace) -> None:
    """The database's files an older mentorterm left readable to others become
    0600 before anything else, even before its passphrase is asked."""
    from . import storage

    try:
        path = storage.target_path(storage.resolve_target(getattr(args, "db", None)))
        if path is not None and path.is_file():
            storage.make_files_private(path)
    except (storage.StorageError, OSError, ValueError):
        return  # the command itself says what is wrong with the target


def main(argv: list[str] | None = None) -> int:
    import peewee

    from .storage import StorageError, driver_errors

    args = None
    try:
        _at_start()
        args = build_parser().parse_args(argv)
        if args.command not in ("schema", "settings"):
            _tighten_database_files(args)
        return COMMANDS[args.command](args)
    except CliError as exc:
        print(terminal_safe(f"mentorterm: {exc}"), file=sys.stderr)
        return exc.status
    except StorageError as exc:
        print(terminal_safe(f"mentorterm: {exc}"), file=sys.stderr)
        return EXIT_PROBLEM
    except (peewee.DatabaseError, *driver_errors()) as exc:
        from .storage import resolve_target, translate_error

        message = translate_error(exc, resolve_target(getattr(args, "db", None)))
        print(terminal_safe(f"mentorterm: {message}"), file=sys.stderr)
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        print(_("mentorterm: stopped."), file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`mentorterm review | head`): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # the last guard: never a traceback on the screen
        from . import crashlog

        log = crashlog.write(exc)
        where = _(" Details are in {log}.").format(log=log) if log else ""
        print(
            _(
                "mentorterm: something unexpected went wrong ({kind}); nothing half-done was "
                "saved.{where}"
            ).format(kind=type(exc).__name__, where=where),
            file=sys.stderr,
        )
        return EXIT_PROBLEM


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
