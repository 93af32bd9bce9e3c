"""``mentorterm figures``: the year's figures for the experience report, and the
courses one figure counted (``--list``)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from ..i18n import _, language, speaking
from ..terminal import json_terminal_safe, terminal_safe
from .common import EXIT_OK, CliError
from .passphrase import _open

# As domain/figures has them; written here so that building the parser loads no domain.
BY_CHOICES = ("mentor", "programme")
FORMATS = ("text", "csv", "xlsx", "json")


def _aftercare_days() -> int:
    from .records import _settings

    return _settings().review.aftercare_days


def _period(args: argparse.Namespace, today: date) -> tuple[date, date]:
    start = args.starts_on or date(today.year, 1, 1)
    end = args.ends_on or today
    if end < start:
        raise CliError(
            _("--to {end} is before --from {start}: the period must end on or after its start.")
            .format(end=end.isoformat(), start=start.isoformat())
        )  # fmt: skip
    return start, end


def _listing(result, wanted: str) -> str:
    from ..domain.errors import DomainError
    from ..domain.figures import counted, log_listed
    from ..format import show_date

    try:
        row = result.table.find(wanted)
    except DomainError as exc:
        raise CliError(str(exc)) from None
    lines = [f"{row.label} [{row.key}]"]
    shown = []
    for index, group in enumerate(result.table.groups):
        courses = counted(result, row, index)
        shown += courses
        if len(result.table.groups) > 1:
            lines += ["", f"{group.label}: {len(courses)}"]
        for c in courses:
            ended = show_date(c.ended_on) if c.ended_on else _("running")
            outcome = f" · {c.outcome_label}" if c.outcome_label else ""
            lines.append(
                f"  {c.course_id:>5}  {c.citizen_name} ({c.citizen_id}) · {c.mentor_name} · "
                f"{show_date(c.start)}–{ended}{outcome} · {c.purpose_label}"
                + (f" · {c.programme}" if c.programme else "")
                + (f" · {c.aftercare_text}" if row.key.endswith("_at_aftercare") else "")
            )
        if not courses:
            lines.append("  " + _("(no course)"))
    log_listed(shown)
    return "\n".join(lines) + "\n"


def cmd_figures(args: argparse.Namespace) -> int:
    from ..domain.errors import DomainError
    from ..domain.figures import year_figures
    from ..domain.figures.export import render, save_figures

    today = date.today()
    start, end = _period(args, today)
    if args.format == "xlsx" and not args.out and not args.list:
        raise CliError(_("A spreadsheet goes to a file: add --out FILE.xlsx."))
    aftercare_days = _aftercare_days()
    _open(args, create=False)
    # The figures in the run's language (--lang, the settings, LANG).
    with speaking(language()):
        result = year_figures(start, end, today=today, by=args.by, aftercare_days=aftercare_days)
        if args.list:
            sys.stdout.write(terminal_safe(_listing(result, args.list)))
            return EXIT_OK
        if args.out:
            try:
                written = save_figures(result, Path(args.out), args.format, overwrite=args.force)
            except DomainError as exc:
                raise CliError(str(exc)) from None
            print(_("The figures are in {path}.").format(path=written))
            return EXIT_OK
        text = render(result, args.format)
    safe = json_terminal_safe if args.format == "json" else terminal_safe
    sys.stdout.write(safe(text))
    return EXIT_OK


def add_figures_command(add) -> None:
    """The ``figures`` subcommand and its options (called by ``parser.build_parser``)."""
    from .common import _date_arg

    figures = add(
        "figures",
        _(
            "the year's figures for the experience report: courses started, running and "
            "ended, how they ended, length, extensions, aftercare, hours and attendance"
        ),
    )
    figures.add_argument(
        "--from",
        dest="starts_on",
        type=_date_arg,
        metavar="DAY",
        help=_("the period's first day (default: 1 January this year)"),
    )
    figures.add_argument(
        "--to",
        dest="ends_on",
        type=_date_arg,
        metavar="DAY",
        help=_("the period's last day (default: today)"),
    )
    figures.add_argument(
        "--by", choices=BY_CHOICES, help=_("also per mentor or per programme, beside the total")
    )
    figures.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help=_("text (default), csv, xlsx (a spreadsheet; needs --out) or json"),
    )
    figures.add_argument("--out", metavar="FILE", help=_("write to FILE (default: screen)"))
    figures.add_argument(
        "--force",
        action="store_true",
        help=_("replace FILE if it exists (without it, an existing file is kept)"),
    )
    figures.add_argument(
        "--list",
        metavar="FIGURE",
        help=_("list the courses counted in FIGURE (its number or key as the table shows)"),
    )
