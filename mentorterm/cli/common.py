"""What every command shares: exit statuses, the one-line error, the argument parser's errors."""

from __future__ import annotations

import argparse
from datetime import date
from typing import NoReturn

from ..i18n import _

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_USAGE = 2
EXIT_WAIT = 75  # EX_TEMPFAIL: the wrong-passphrase back-off runs; try again later
NEW_PASSPHRASE_TRIES = 3


class CliError(Exception):
    """A failure to report as one line, with an exit status."""

    def __init__(self, message: str, status: int = EXIT_PROBLEM):
        super().__init__(message)
        self.status = status


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise CliError(_("{problem} (see 'mentorterm --help')").format(problem=message), EXIT_USAGE)


def _date_arg(text: str) -> date:
    from ..schemas import parse_date_text

    try:
        value = parse_date_text(text)
    except Exception:  # PydanticCustomError: the message is the same either way
        value = None
    if not isinstance(value, date):
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a date; write it as YYYY-MM-DD or DD-MM-YYYY").format(text=text)
        )
    return value
