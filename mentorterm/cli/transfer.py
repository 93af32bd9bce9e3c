"""Commands that move records in and out: export, import, the export format's schema."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from ..i18n import _, ngettext
from ..terminal import json_terminal_safe, terminal_safe
from .common import EXIT_OK, CliError
from .passphrase import _open


def _write_atomically(path: Path, text: str, *, force: bool = False) -> None:
    """The export file, owner-only, whole or not at all; an existing one only with --force."""
    from ..private import PlantedLink, part_path, write_atomically

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
    from ..domain.transfer import dumps, export_document

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


def read_export_file(source: Path):
    """An export file read and validated (nothing written yet); CliError in words."""
    from ..domain.transfer import ImportFailed, parse_document, read_import_text

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
        return parse_document(text)
    except ImportFailed as exc:
        raise _import_error(source, exc.problems) from None


def cmd_import(args: argparse.Namespace) -> int:
    from .. import storage
    from ..domain.transfer import ImportFailed, import_document

    source = Path(args.file).expanduser()
    document = read_export_file(source)
    target = _open(args, create=True, writes=True)
    # On the team database the file's own mentor is this login's mentor, and
    # only the lead adds mentors: a file naming others who are not there is refused.
    team = storage.is_team_target(target)
    owner = storage.ensure_default_mentor().id if team else None
    try:
        result = import_document(document, owner_id=owner, create_mentors=not team)
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


def cmd_schema(args: argparse.Namespace) -> int:
    from ..interchange import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK
