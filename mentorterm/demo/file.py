"""The demo's own file: where it lives, how it is recognised, and opening it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..domain import demo_store
from ..i18n import _

# The demo lives in its own file beside the mentor's database, never in it.
DEMO_FILE_NAME = "demo.db"
# What generate_demo's last audit row says (the mark of a demo database).
_DEMO_AUDIT = ("import", "demo")


class DemoRefused(ValueError):
    """The database already holds citizens; the demo never mixes with real data."""


def demo_database_path() -> Path:
    """The separate demo file: ``demo.db`` in the per-user data folder."""
    return demo_store.file_beside_database(DEMO_FILE_NAME)


def is_demo_database() -> bool:
    """True when the open database holds the fictional demo caseload.

    generate_demo writes one "import demo" audit row for the whole demo; the
    audit log is append-only, so the mark stays as long as the demo's records do.
    """
    return demo_store.has_audit_entry(*_DEMO_AUDIT)


def open_demo_database(today: date | None = None) -> tuple[Path, bool]:
    """Open the separate demo file instead of the open database (whose file is
    not touched), making the demo there on first use. Returns the file and
    whether the demo was made now. Raises StorageError or DemoRefused with the
    first database still open when the demo file cannot be used."""
    from . import generate_demo

    path = demo_database_path()
    if demo_store.open_path() == path.resolve():
        if demo_store.has_citizens():
            return path, False
        generate_demo(today=today)
        return path, True

    def fill() -> bool:
        if not demo_store.has_citizens():
            generate_demo(today=today)
            return True
        if not is_demo_database():
            raise DemoRefused(
                _(
                    "{path} holds records that are not the demo, so it was not "
                    "opened as the demo. Nothing was changed."
                ).format(path=path)
            )
        return False

    return path, demo_store.switch_to(path, fill)
