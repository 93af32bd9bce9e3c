"""The ``mentorterm`` command: the TUI by default, and the maintenance commands.

Every failure ends as one clear line on stderr and a non-zero exit status;
no traceback reaches the mentor (unexpected ones go to a log file). One
module per group of commands; ``mentorterm.cli:main`` is the entry point.
"""

from __future__ import annotations

import argparse
import os
import sys

from .. import steady
from ..i18n import _
from ..terminal import terminal_safe
from . import language
from .common import (
    EXIT_OK,
    EXIT_PROBLEM,
    EXIT_USAGE,
    EXIT_WAIT,
    NEW_PASSPHRASE_TRIES,
    CliError,
)
from .database import (
    cmd_backup,
    cmd_check,
    cmd_demo,
    cmd_encrypt,
    cmd_info,
    cmd_open,
    cmd_passphrase,
)
from .figures import cmd_figures
from .parser import build_parser, parse_args
from .records import cmd_audit, cmd_review, cmd_settings
from .sync import cmd_sync
from .team import cmd_team
from .transfer import cmd_export, cmd_import, cmd_schema
from .workplaces import cmd_workplaces

__all__ = [
    "COMMANDS",
    "EXIT_OK",
    "EXIT_PROBLEM",
    "EXIT_USAGE",
    "EXIT_WAIT",
    "NEW_PASSPHRASE_TRIES",
    "CliError",
    "build_parser",
    "main",
    "run",
]


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
    "team": cmd_team,
    "figures": cmd_figures,
    "sync": cmd_sync,
    "workplaces": cmd_workplaces,
}


def _at_start() -> None:
    """Owner-only from the first file on: umask 077, and the log folder tightened."""
    from .. import crashlog, private

    private.restrict_umask()
    crashlog.secure_log_folder()


def _tighten_database_files(args: argparse.Namespace) -> None:
    """The database's files an older mentorterm left readable to others become
    0600 before anything else, even before its passphrase is asked."""
    from .. import storage

    try:
        path = storage.target_path(storage.resolve_target(getattr(args, "db", None)))
        if path is not None and path.is_file():
            storage.make_files_private(path)
    except (storage.StorageError, OSError, ValueError):
        return  # the command itself says what is wrong with the target


def main(argv: list[str] | None = None) -> int:
    import peewee

    from ..storage import StorageError, driver_errors

    args = None
    try:
        _at_start()
        argv = sys.argv[1:] if argv is None else argv
        # Before the parser (its help texts) and before any screen module is
        # imported (their class-level labels are translated at import).
        language.install(argv)
        args = parse_args(argv)
        if getattr(args, "lang", None) and language.flag(argv) is None:
            language.install([language.FLAG, args.lang])  # an abbreviation (--lan da)
        if args.command not in ("schema", "settings"):
            _tighten_database_files(args)
        command = COMMANDS[args.command]
        if command is not cmd_open:  # cmd_open: "open" and no command at all
            steady.release()  # held by run() for the app's start only
        return command(args)
    except CliError as exc:
        print(terminal_safe(f"mentorterm: {exc}"), file=sys.stderr)
        return exc.status
    except StorageError as exc:
        print(terminal_safe(f"mentorterm: {exc}"), file=sys.stderr)
        return EXIT_PROBLEM
    except (peewee.DatabaseError, *driver_errors()) as exc:
        from ..storage import describe, resolve_target, translate_error

        message = translate_error(exc, describe(resolve_target(getattr(args, "db", None))))
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
        from .. import crashlog

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


def run() -> None:
    """The installed ``mentorterm`` command: ``main()``, then leave at once.

    Once a command has finished, every change is synced; what is left is the
    interpreter's own teardown (collecting every module and object: about
    100 ms after a session in the app), which a mentor waits through for
    nothing. So any thread that is not a daemon is waited for, the database is
    closed (checkpointed: no -wal file left), the exit handlers run (the
    audit anchor's last write, the logs), the output is flushed, and the
    process ends without the teardown.

    The collector is held off while the app loads (``steady.hold``: its
    imports' objects all live on); opening the app turns it on again before
    the app runs, any other command once its arguments are read.
    """
    steady.hold()
    try:
        status = main()
    finally:
        steady.release()
    _leave_now(status)


def _leave_now(status: int) -> None:
    import atexit
    import threading

    for thread in threading.enumerate():
        if thread is not threading.current_thread() and not thread.daemon:
            thread.join()
    if "mentorterm.storage" in sys.modules:  # checkpointed and closed, no -wal left
        from .. import storage

        storage.close_database()
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass  # a reader that went away (`mentorterm review | head`)
    os._exit(status)
