"""The demo database as sorted rows per table, to compare two builders of it.

``python tests/demo_dump.py OUT.json`` writes the dump of ``generate_demo`` for
seeds 1 and 2 on 22-11-2026. Surrogate ids are left out: a foreign key is
replaced by the referenced row's own content (recursively), so the dump does
not depend on the order rows were inserted in. Audit rows are left out (the
builder may write them through the domain); so is the default mentor, which
``open_database`` makes at the wall-clock time.
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
from datetime import date
from pathlib import Path

from peewee import ForeignKeyField

from mentorterm import storage
from mentorterm.demo import generate_demo
from mentorterm.models import ALL_MODELS, Cover, Handover, Mentor
from mentorterm.storage.migration_v10 import NEW_TABLES as SCHEMA_10

TODAY = date(2026, 11, 22)
SEEDS = (1, 2)


def _plain(value: object) -> object:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


# What the domain now decides and the old builder wrote itself (see the test):
# sub-goal priorities (the active ones numbered 1..n) and a course's
# updated_at (extending a course writes an extension row, not the course).
# Schema 7's columns (migration_v7) are the domain's too: the day an end was
# decided, a status change's day and the status before, a record's own day;
# and schema 8's (migration_v8): the day a meeting was booked, and its status
# history, a table the domain fills whole (DOMAIN_TABLES). Schema 10's tables
# (the provider's own work) are the domain's too, and so is the placement's
# link to the register (``site``): the old builder had none of them.
DOMAIN_TABLES = frozenset({"meeting_status_change", *(m._meta.table_name for m in SCHEMA_10)})
# Tables the old builder never wrote (schema 10's, issue 20).
LATER = tuple(SCHEMA_10)
DOMAIN_DECIDES = {
    "sub_goal": frozenset({"priority", "created_on"}),
    "course": frozenset({"updated_at", "end_decided_on"}),
    "placement": frozenset({"end_decided_on", "site"}),
    # Schema 12's aftercare situation is the domain's too (the old builder had none).
    "meeting": frozenset(
        {"status_before", "status_changed_on", "booked_on", "aftercare_situation"}
    ),
    "action_item": frozenset({"created_on"}),
}


def dump_open_database(leave_out: dict[str, frozenset[str]] | None = None) -> dict[str, list[list]]:
    """Every table but the mentor's, each row without ids (and without the
    ``leave_out`` columns per table, in nested rows too), sorted."""
    leave_out = leave_out or {}
    keys: dict[tuple[str, int], object] = {}

    def key_of(model, row_id: int | None) -> object:
        if row_id is None:
            return None
        if model is Mentor:
            return "the default mentor"
        found = (model._meta.table_name, row_id)
        if found not in keys:
            keys[found] = row_of(model, model.get_by_id(row_id))
        return keys[found]

    def row_of(model, row) -> list:
        values = []
        skip = leave_out.get(model._meta.table_name, frozenset())
        for name, field in model._meta.fields.items():
            # The version (schema 9) counts saves: the old builders wrote rows, not saves.
            # The uid (schema 11) is random per record: the old builders had none.
            if name in ("id", "version", "uid") or name in skip:
                continue
            # A foreign key's id under its accessor's name ("workplace_id" for
            # Placement.site, whose column is named so).
            value = getattr(
                row, field.name if not isinstance(field, ForeignKeyField) else field.object_id_name
            )
            if isinstance(field, ForeignKeyField):
                value = key_of(field.rel_model, value)
            values.append([name, _plain(value)])
        return values

    tables = {}
    for model in ALL_MODELS:
        if model in (Mentor, Handover, Cover, *LATER) or (
            leave_out and model._meta.table_name in DOMAIN_TABLES
        ):
            continue
        rows = [row_of(model, row) for row in model.select()]
        tables[model._meta.table_name] = sorted(
            rows, key=lambda r: json.dumps(r, ensure_ascii=False)
        )
    return tables


def dump_demo(
    seed: int, today: date = TODAY, leave_out: dict[str, frozenset[str]] | None = None
) -> dict[str, list[list]]:
    with tempfile.TemporaryDirectory() as folder:
        storage.open_database(Path(folder) / "demo.db", plaintext=True)
        try:
            generate_demo(seed=seed, today=today)
            return dump_open_database(leave_out)
        finally:
            storage.close_database()


def digests(dump: dict[str, list[list]]) -> dict[str, str]:
    """One sha256 per table of a dump (what the equivalence test keeps)."""
    return {
        table: hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode()).hexdigest()[:16]
        for table, rows in dump.items()
    }


def main(out: str, *flags: str) -> None:
    """Write the full dump to ``out``; with ``--digests``, print each seed's
    per-table digests without the columns the domain decides."""
    dump = {str(seed): dump_demo(seed) for seed in SEEDS}
    Path(out).write_text(json.dumps(dump, ensure_ascii=False, indent=0, sort_keys=True))
    if "--digests" in flags:
        for seed in SEEDS:
            print(seed, json.dumps(digests(dump_demo(seed, leave_out=DOMAIN_DECIDES)), indent=1))


if __name__ == "__main__":
    main(*sys.argv[1:])
