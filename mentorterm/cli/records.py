"""Commands that read records out: the audit log, the weekly review, the settings."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from ..i18n import _, language, ngettext, speaking
from ..terminal import json_terminal_safe, terminal_safe
from .common import EXIT_OK, CliError
from .passphrase import _open


def cmd_audit(args: argparse.Namespace) -> int:
    from ..domain import audit

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
    # Not _() inside the f-string: Babel does not extract from f-strings.
    when, action, what = _("When"), _("Action"), _("What")
    record, citizen, purpose = _("Record"), _("Citizen"), _("Purpose")
    print(f"{when:<19}  {action:<12} {what:<18} {record:>7} {citizen:>7}  {purpose}")
    for e in entries:
        when = audit.local_time(e.at).strftime("%d-%m-%Y %H:%M:%S")
        record = "" if e.record_id is None else e.record_id
        citizen = "" if e.citizen_id is None else e.citizen_id
        purpose = audit.purpose_label(e.purpose)
        if e.covering_for is not None:
            covering = _("covering for {colleague}").format(colleague=e.covering_for)
            purpose = f"{purpose} · {covering}" if purpose else covering
        print(
            terminal_safe(
                f"{when:<19}  {e.action.value:<12} {e.what:<18} {record:>7} "
                f"{citizen:>7}  {purpose}".rstrip()
            )
        )
    return EXIT_OK


def _settings():
    from ..settings import SettingsError, load_settings

    try:
        return load_settings()
    except SettingsError as exc:
        raise CliError(str(exc)) from None


def cmd_review(args: argparse.Namespace) -> int:
    from ..domain.review import handout

    if args.schema:
        print(json.dumps(handout.handout_schema(), indent=2, ensure_ascii=False))
        return EXIT_OK
    thresholds = _settings().review
    _open(args, create=False)
    render = {
        "text": handout.render_text,
        "json": handout.handout_json,
        "markdown": handout.render_markdown,
    }[args.format]
    # The handout in its reader's language; the command's own messages keep the app's.
    # The handout speaks the run's language (--lang, the settings, LANG).
    with speaking(language()):
        result = handout.review_handout(args.as_of or date.today(), args.mentor, thresholds)
        text = render(result)
    # Names and decisions are the mentor's typing: harmless before they reach a terminal.
    safe = json_terminal_safe if args.format == "json" else terminal_safe
    sys.stdout.write(safe(text))
    return EXIT_OK


def cmd_settings(args: argparse.Namespace) -> int:
    from ..settings import SettingsError, describe_settings, settings_path, write_default_settings

    path = settings_path()
    if getattr(args, "language", None) is not None:
        from ..settings import save_section

        value = "" if args.language == "auto" else args.language
        try:
            save_section("mentor", {"language": value}, path)
        except SettingsError as exc:
            raise CliError(str(exc)) from None
        print(
            _("Saved in {path}: language = {language}.").format(
                path=path, language=f'"{value}"' if value else _('"" (the computer\'s language)')
            )
        )
        if args.mentor_name is None and args.organisation is None:
            return EXIT_OK
    if args.mentor_name is not None or args.organisation is not None:
        from ..domain.errors import DomainError
        from ..domain.identity import mentor_identity, save_mentor_identity

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
