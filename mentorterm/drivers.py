"""PostgreSQL's driver, imported only when a team database is opened.

Peewee imports psycopg (PostgreSQL's driver) at its own import when it is
installed, which cost 60-80 ms of the app's start before its first frame on
a mentor's own SQLite database (bench/README.md), where it is never used.
``mentorterm/__init__.py`` installs ``_PeeweeWithoutPsycopg`` first thing: while
peewee itself is being imported, ``import psycopg`` fails as if it were not
installed, so peewee sets its psycopg names to None. ``give_peewee_psycopg``
(called before a team database is made, storage/postgres.py) imports psycopg
and sets in peewee exactly what its own import would have set. When peewee
was imported before this package (with psycopg), nothing changes.
"""

from __future__ import annotations

import sys

_DEFERRED = ("psycopg",)


class _PeeweeWithoutPsycopg:
    """A meta path finder that answers only psycopg, and only during peewee's import."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        if name in _DEFERRED:
            peewee = sys.modules.get("peewee")
            spec = getattr(peewee, "__spec__", None)
            if spec is not None and getattr(spec, "_initializing", False):
                raise ImportError(f"{name} is imported when a team database is opened")
        return None


def defer_psycopg() -> None:
    """Install the finder (once; a no-op when peewee is already imported)."""
    if "peewee" in sys.modules:
        return
    if not any(isinstance(f, _PeeweeWithoutPsycopg) for f in sys.meta_path):
        sys.meta_path.insert(0, _PeeweeWithoutPsycopg())


def give_peewee_psycopg() -> None:
    """What peewee's import sets when psycopg is installed (if it was deferred)."""
    import peewee

    if peewee.psycopg is not None:
        return
    import psycopg
    from psycopg.pq import TransactionStatus
    from psycopg.types.json import Json, Jsonb

    peewee.TransactionStatus = TransactionStatus
    peewee.Json_pg3, peewee.Jsonb_pg3 = Json, Jsonb
    adapter = peewee.Psycopg3Adapter
    adapter.txn_idle = TransactionStatus.IDLE
    adapter.txn_inerror = TransactionStatus.INERROR
    adapter.txn_unknown = TransactionStatus.UNKNOWN
    peewee.psycopg = psycopg  # last: peewee tests this name to choose the adapter
