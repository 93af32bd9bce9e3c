"""``mentorterm team import LOGIN FILE``: a mentor's own database, or an
export of it, joins the team database as that mentor's citizens, all or
nothing.

The source is read first (a database file opened read as the app would, with
its passphrase asked or read from ``--source-passphrase-file``), checked as
an import file is, and only then written to the team database in one
transaction; the server's row-level security decides whether this login may
give citizens to LOGIN (the mentor themself, or the lead).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..i18n import _, ngettext
from ..terminal import terminal_safe
from .common import CliError

_SQLITE_HEADER = b"SQLite format 3\x00"


def is_database_file(path: Path) -> bool:
    """A mentorterm database (plain SQLite or encrypted), not an export's JSON."""
    from .. import storage

    with path.open("rb") as handle:
        head = handle.read(len(_SQLITE_HEADER))
    if head == _SQLITE_HEADER:
        return True
    stripped = head.lstrip()
    return not stripped.startswith(b"{") and storage.is_encrypted_file(path)


def read_source(args: argparse.Namespace):
    """The validated document to import: from an export file or a database."""
    from .. import storage
    from ..domain.transfer import ImportFailed, dumps, export_document, parse_document
    from .passphrase import _open
    from .transfer import _import_error, read_export_file

    if not args.source:
        raise CliError(
            _(
                "Name what joins the team: mentorterm team import LOGIN FILE (a mentor's "
                "own database or an export of it)."
            )
        )
    source = Path(args.source).expanduser()
    if not source.is_file():
        raise CliError(_("There is no file {path}.").format(path=source))
    try:
        database = is_database_file(source)
    except OSError as exc:
        raise CliError(
            _("Could not read {path}: {reason}").format(path=source, reason=exc.strerror or exc)
        ) from None
    if not database:
        return read_export_file(source)
    opened = argparse.Namespace(
        db=str(source), passphrase_file=args.source_passphrase_file, passphrase_fd=None
    )
    _open(opened, create=False)
    try:
        text = dumps(export_document())
    finally:
        storage.close_database()
    try:
        return parse_document(text)
    except ImportFailed as exc:
        raise _import_error(source, exc.problems) from None


def import_into_team(args: argparse.Namespace, target: str, document) -> None:
    """Write the document as LOGIN's citizens in the open team database."""
    from .. import storage
    from ..domain.transfer import ImportFailed, import_document
    from .transfer import _import_error

    owner = storage.team_mentor_of(args.login)
    try:
        result = import_document(document, owner_id=owner, create_mentors=False)
    except ImportFailed as exc:
        raise _import_error(Path(args.source), exc.problems) from None
    print(
        terminal_safe(
            ngettext(
                "Imported {citizens} citizen ({records} records in all) from {path} "
                "into {where}, in the caseload of '{login}'.",
                "Imported {citizens} citizens ({records} records in all) from {path} "
                "into {where}, in the caseload of '{login}'.",
                result.citizens,
            ).format(
                citizens=result.citizens,
                records=result.records,
                path=args.source,
                login=args.login,
                where=storage.describe(target),
            )
        )
    )
