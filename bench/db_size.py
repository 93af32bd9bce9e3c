"""Where the bench database's bytes are: each table with its indexes, and the sync's uids.

    python bench/db_size.py [--db bench/bench.db] [--without-uids]

Reads SQLite's ``dbstat`` (pages per B-tree) and prints, largest first, each
table's own pages and its indexes', and what the ``uid`` columns' unique
indexes take. ``--without-uids`` also makes a copy in a temporary folder,
drops every ``uid`` index and column there and VACUUMs it: the file the
≤ 50 MB target was set on had no uids (bench/README.md, "The database size,
like for like"), so this is the like-for-like figure. The database given is
only read.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import DEFAULT_OUT  # noqa: E402

MB = 1e6


def btrees(connection: sqlite3.Connection) -> dict[str, tuple[str, int]]:
    """name -> (the table it belongs to, bytes), from dbstat."""
    owner = dict(connection.execute("SELECT name, tbl_name FROM sqlite_master"))
    sizes = connection.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name")
    return {name: (owner.get(name, name), size) for name, size in sizes}


def uid_tables(connection: sqlite3.Connection) -> list[str]:
    tables = [t for (t,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    return [t for t in tables if any(c[1] == "uid" for c in connection.execute(f'PRAGMA table_info("{t}")'))]  # fmt: skip


def report(path: Path) -> None:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    found = btrees(connection)
    tables: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # table -> [own, indexes]
    uid_indexes = 0
    for name, (table, size) in found.items():
        tables[table][0 if name == table else 1] += size
        if name.endswith("_uid"):
            uid_indexes += size
    total = path.stat().st_size
    print(f"{path}: {total / MB:.1f} MB, {len(uid_tables(connection))} tables with a uid")
    print(f"{'table':28} {'rows MB':>8} {'indexes MB':>11}")
    for table, (own, indexes) in sorted(tables.items(), key=lambda kv: -sum(kv[1]))[:12]:
        print(f"{table:28} {own / MB:8.1f} {indexes / MB:11.1f}")
    print(f"the uids' unique indexes: {uid_indexes / MB:.1f} MB")
    connection.close()


def without_uids(path: Path) -> float:
    """The size of a VACUUMed copy with every uid index and column dropped."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "copy.db"
        shutil.copyfile(path, copy)
        connection = sqlite3.connect(copy)
        connection.execute("PRAGMA journal_mode = DELETE")
        for table in uid_tables(connection):
            for (index,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='index' AND tbl_name=? AND sql LIKE '%\"uid\"%'",
                (table,),
            ).fetchall():
                connection.execute(f'DROP INDEX "{index}"')
            connection.execute(f'ALTER TABLE "{table}" DROP COLUMN uid')
        connection.commit()
        connection.execute("VACUUM")
        connection.close()
        return copy.stat().st_size / MB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--without-uids", action="store_true")
    args = parser.parse_args()
    if not args.db.exists():
        parser.error(f"{args.db} does not exist: run python bench/generate.py first")
    report(args.db)
    if args.without_uids:
        print(f"without the uids (a VACUUMed copy): {without_uids(args.db):.1f} MB")


if __name__ == "__main__":
    main()
