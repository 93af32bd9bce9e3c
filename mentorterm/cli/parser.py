"""The command line: every command, its options and their help texts."""

from __future__ import annotations

import argparse
from typing import NoReturn

from .. import __version__
from ..i18n import LANGUAGES, _
from .common import _date_arg, _Parser
from .figures import add_figures_command
from .sync import add_sync_command
from .workplaces import add_workplaces_command


def _top_options(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The options the command line takes before or without a command."""
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help=_("database file (default: $MENTORTERM_DB, else your per-user database)"),
    )
    # The passphrase never comes from the command line (it would show in the
    # process list and the shell history): a prompt, a file or a descriptor.
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help=_("read the database's passphrase from the first line of FILE"),
    )
    parser.add_argument(
        "--passphrase-fd",
        metavar="N",
        type=int,
        default=argparse.SUPPRESS,
        help=_("read the database's passphrase from file descriptor N"),
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=argparse.SUPPRESS,
        help=_(
            "the language for this run: da (Danish) or en (English); default: the "
            "settings' language, else the computer's (LANG)"
        ),
    )
    return parser


def build_parser() -> argparse.ArgumentParser:
    # --db is accepted before or after the subcommand: the subparsers share it
    # with SUPPRESS so a value given before is not reset by the default.
    db_parent = _top_options(argparse.ArgumentParser(add_help=False))
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
    team = add(
        "team",
        _("the team database on PostgreSQL: 'init' makes mentorterm's tables in an empty one"),
    )
    team.add_argument(
        "action",
        choices=(
            "init",
            "upgrade",
            "add-mentor",
            "deactivate-mentor",
            "reassign",
            "cover",
            "import",
            "overview",
        ),
        help=_(
            "init: make the tables, roles and rules (once, by the team lead); upgrade: bring "
            "an older team database to this mentorterm's schema (by the same role); add-mentor "
            "LOGIN --name NAME: a mentor's own login; deactivate-mentor LOGIN: the login "
            "can no longer connect (the history stays); reassign LOGIN --citizen ID: the "
            "citizen goes to that mentor (the lead's, or a mentor's own citizen); cover LOGIN --for LOGIN --from DAY "
            "--to DAY: the first covers the second's citizens (the lead's or the one away); "
            "import LOGIN FILE: a mentor's own database or an export joins the team as "
            "LOGIN's citizens, all or nothing; "
            "overview: per mentor the caseload size, open review signals and overdue "
            "agreements"
        ),
    )
    team.add_argument("--citizen", type=int, metavar="ID", help=_("the citizen to reassign"))
    team.add_argument(
        "--note", metavar="TEXT", help=_("reassign: the handover note the new mentor reads")
    )
    team.add_argument("login", nargs="?", metavar="LOGIN", help=_("the mentor's login"))
    team.add_argument(
        "source",
        nargs="?",
        metavar="FILE",
        help=_("import: the mentor's own database file, or an export of it"),
    )
    team.add_argument(
        "--source-passphrase-file",
        metavar="FILE",
        help=_(
            "import: the passphrase of the database being imported, from the first line of FILE"
        ),
    )
    team.add_argument("--for", dest="covered", metavar="LOGIN", help=_("cover: whose citizens"))
    team.add_argument("--from", dest="starts_on", type=_date_arg, metavar="DAY")
    team.add_argument("--to", dest="ends_on", type=_date_arg, metavar="DAY")
    team.add_argument(
        "--as-of",
        dest="as_of",
        type=_date_arg,
        default=None,
        metavar="DATE",
        help=_("overview: the review's signals as of DATE, YYYY-MM-DD (default today)"),
    )
    team.add_argument("--name", metavar="NAME", help=_("the mentor's name, as on their notes"))
    team.add_argument(
        "--lead", action="store_true", help=_("the new login may reassign and add mentors")
    )
    team.add_argument(
        "--mentor-password-file",
        metavar="FILE",
        help=_("the new mentor's password, from the first line of FILE (else it is asked)"),
    )
    add_figures_command(add)
    add_sync_command(add)
    add_workplaces_command(add)
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
    settings.add_argument(
        "--language",
        choices=(*LANGUAGES, "auto"),
        help=_(
            "the language mentorterm speaks to you: da (Danish), en (English) or auto "
            "(the computer's language)"
        ),
    )
    return parser


class _NotPlain(Exception):
    """The command line is more than the app's own options: the whole parser reads it."""


class _TopOnly(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _NotPlain(message)


def parse_args(argv: list[str]) -> argparse.Namespace:
    """``build_parser().parse_args(argv)``, without building every command's
    parser (about 8 ms before the first frame, bench/README.md) when ``argv``
    only opens the app: the app's own options, no command, no help or
    version. Anything else, or anything these options refuse, is read by the
    whole parser, so its answer and its messages are the same."""
    if not any(arg.startswith(("-h", "--h", "--v")) for arg in argv):
        top = _top_options(_TopOnly(prog="mentorterm", add_help=False))
        top.set_defaults(command=None)
        try:
            args, rest = top.parse_known_args(argv)
        except _NotPlain:
            pass
        else:
            if not rest:
                return args
    return build_parser().parse_args(argv)
