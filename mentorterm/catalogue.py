"""The translation catalogue: ``python -m mentorterm.catalogue extract|update|compile|check``.

A maintainer's tool, never imported by the app (the app reads the compiled
``.mo`` with the standard library's gettext). Babel does the work:

- ``extract``: every ``_("…")``, ``N_("…")`` and ``ngettext("…", "…", n)`` in
  the package into ``locale/mentorterm.pot``;
- ``update``: the template's messages into ``locale/da/LC_MESSAGES/mentorterm.po``
  (new ones empty, changed ones fuzzy, gone ones dropped);
- ``compile``: ``mentorterm.po`` into ``mentorterm.mo``, beside it (the package data);
- ``check``: what is still untranslated, fuzzy or inconsistent, one line each.

``all`` runs extract, update and compile in turn.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from pathlib import Path

PACKAGE = Path(__file__).parent
ROOT = PACKAGE.parent
LOCALE = PACKAGE / "locale"
DOMAIN = "mentorterm"
POT = LOCALE / f"{DOMAIN}.pot"
#: The translated languages (English is the source text).
TRANSLATED = ("da",)

#: What marks a message for the catalogue (``ngettext``: singular and plural).
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
WIDTH = 100


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(language: str) -> Path:
    return po_path(language).with_suffix(".mo")


def extract():
    """The package's messages afresh, as a Babel catalogue (a template)."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    from . import __version__

    template = Catalog(
        project=DOMAIN,
        version=__version__,
        copyright_holder="mentorterm",
        msgid_bugs_address="",
        fuzzy=False,
    )
    found = extract_from_dir(
        str(ROOT),
        method_map=[(f"{PACKAGE.name}/**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("TRANSLATORS:",),
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in found:
        template.add(
            message,
            None,
            [(filename.replace("\\", "/"), lineno)],
            auto_comments=comments,
            context=context,
        )
    return template


def _write_po(catalog, path: Path, **options) -> None:
    from babel.messages.pofile import write_po

    buffer = io.BytesIO()
    write_po(buffer, catalog, width=WIDTH, sort_by_file=True, **options)
    if path.exists() and _undated(path.read_bytes()) == _undated(buffer.getvalue()):
        return  # nothing but the creation date would change: keep the file as it is
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())


def _undated(text: bytes) -> bytes:
    return re.sub(rb'"POT-Creation-Date: [^"]*"', b"", text)


def read(path: Path):
    from babel.messages.pofile import read_po

    with path.open("rb") as file:
        return read_po(file)


def write_template() -> int:
    template = extract()
    _write_po(template, POT)
    return len(template)


def update(language: str) -> int:
    """Bring ``language``'s .po up to the template; the number of messages to translate."""
    from babel.messages.catalog import Catalog

    template = read(POT)
    path = po_path(language)
    if path.exists():
        catalog = read(path)
    else:
        catalog = Catalog(locale=language, project=DOMAIN, fuzzy=False)
    catalog.update(template, update_header_comment=False)
    catalog.obsolete.clear()
    _write_po(catalog, path, ignore_obsolete=True)
    return len(problems(catalog))


def compile_mo(language: str) -> None:
    from babel.messages.mofile import write_mo

    buffer = io.BytesIO()
    write_mo(buffer, read(po_path(language)), use_fuzzy=False)
    mo_path(language).write_bytes(buffer.getvalue())


def problems(catalog) -> list[str]:
    """Every message not ready to ship: empty, fuzzy, or failing Babel's own checks."""
    found = []
    for message in catalog:
        if not message.id:
            continue
        first = message.id[0] if isinstance(message.id, tuple) else message.id
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            found.append(f"untranslated: {first!r}")
        elif message.fuzzy:
            found.append(f"fuzzy: {first!r}")
        for error in message.check(catalog):
            found.append(f"{error}: {first!r}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mentorterm.catalogue", description=__doc__)
    parser.add_argument("step", choices=("extract", "update", "compile", "check", "all"))
    args = parser.parse_args(argv)
    if args.step in ("extract", "all"):
        print(f"{POT.relative_to(ROOT)}: {write_template()} messages")
    if args.step in ("update", "all"):
        for language in TRANSLATED:
            left = update(language)
            print(f"{po_path(language).relative_to(ROOT)}: {left} to translate")
    if args.step in ("compile", "all"):
        for language in TRANSLATED:
            compile_mo(language)
            print(f"{mo_path(language).relative_to(ROOT)}: compiled")
    if args.step == "check":
        status = 0
        for language in TRANSLATED:
            found = problems(read(po_path(language)))
            for line in found:
                print(f"{language}: {line}")
            print(f"{language}: {len(found)} problems")
            status = status or int(bool(found))
        return status
    return 0


if __name__ == "__main__":
    sys.exit(main())
