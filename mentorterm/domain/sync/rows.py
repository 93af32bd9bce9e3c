"""Records as plain data between two databases (issue 19).

A record travels as a dict of its fields by name, its stamps as ISO text,
and each link to another record as that record's uid: the local ids of a
laptop and of the team database differ, the uids are the same everywhere.
Which records are a citizen's is found from the models' foreign keys (a
citizen's own rows, or a row whose parent is a citizen's), so a new table is
carried without a change here.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

import peewee

from ...models import (
    ALL_MODELS,
    BaseModel,
    Citizen,
    Cover,
    Draft,
    GroupSeries,
    GroupSession,
    Mentor,
    Workplace,
)

#: The provider's own records: every laptop gets them whole (a placement's
#: workplace, a session's series, a record's mentor), none is a citizen's.
REFERENCE: list[type[BaseModel]] = [Mentor, Workplace, GroupSeries, GroupSession]
#: Not carried: a draft stays on its machine; covers are the team's to arrange.
_NOT_CARRIED = {Draft, Cover}
#: Kept as the machine has it: which mentor row is the machine's own.
_LOCAL_COLUMNS = {"is_default"}
#: Too many ids for one IN (...) on SQLite's older builds: looked up in slices.
_SLICE = 500


def citizen_models() -> list[type[BaseModel]]:
    """The citizen's records, parents first (the order of ALL_MODELS)."""
    return [m for m in ALL_MODELS if m not in REFERENCE and m not in _NOT_CARRIED]


def carried_models() -> list[type[BaseModel]]:
    return REFERENCE + citizen_models()


def model_of(table: str) -> type[BaseModel]:
    for model in ALL_MODELS:
        if model._meta.table_name == table:
            return model
    raise LookupError(table)


def citizen_path(model: type[BaseModel]) -> tuple[peewee.Field, type[BaseModel] | None]:
    """How a row of ``model`` names its citizen: (its own citizen field, None),
    or (its link to a parent, the parent) whose citizen field names it."""
    if model is Citizen:
        return Citizen.id, None
    if "citizen" in model._meta.fields:
        return model._meta.fields["citizen"], None
    for field in model._meta.sorted_fields:
        if isinstance(field, peewee.ForeignKeyField) and "citizen" in field.rel_model._meta.fields:
            return field, field.rel_model
    raise LookupError(model._meta.table_name)


def of_citizens(model: type[BaseModel], citizen_ids: Iterable[int]) -> peewee.Expression:
    """The WHERE that picks the rows of ``model`` about these citizens."""
    ids = list(citizen_ids)
    field, parent = citizen_path(model)
    if parent is None:
        return field.in_(ids)
    return field.in_(parent.select(parent.id).where(parent._meta.fields["citizen"].in_(ids)))


def carried_fields(model: type[BaseModel]) -> list[peewee.Field]:
    return [f for f in model._meta.sorted_fields if f.name != "id" and f.name not in _LOCAL_COLUMNS]


def _links(model: type[BaseModel]) -> list[peewee.ForeignKeyField]:
    return [f for f in carried_fields(model) if isinstance(f, peewee.ForeignKeyField)]


def uids_of(model: type[BaseModel], ids: Iterable[int]) -> dict[int, str]:
    wanted = sorted({i for i in ids if i is not None})
    found: dict[int, str] = {}
    for start in range(0, len(wanted), _SLICE):
        chunk = wanted[start : start + _SLICE]
        found.update(model.select(model.id, model.uid).where(model.id.in_(chunk)).tuples())
    return found


def ids_of(model: type[BaseModel], uids: Iterable[str]) -> dict[str, int]:
    wanted = sorted({u for u in uids if u})
    found: dict[str, int] = {}
    for start in range(0, len(wanted), _SLICE):
        chunk = wanted[start : start + _SLICE]
        found.update(
            (uid, rid)
            for rid, uid in model.select(model.id, model.uid).where(model.uid.in_(chunk)).tuples()
        )
    return found


def plain(value: Any) -> Any:
    """A field's value as JSON can carry it."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def unplain(field: peewee.Field, value: Any) -> Any:
    """A carried value back as the field takes it."""
    if value is None:
        return None
    if isinstance(field, peewee.DateTimeField) and isinstance(value, str):
        return datetime.fromisoformat(value)
    if isinstance(field, peewee.DateField) and isinstance(value, str):
        return date.fromisoformat(value)
    return value


def encode(model: type[BaseModel], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows (``model.select().dicts()``) as carried records: links by uid."""
    maps = {f.name: uids_of(f.rel_model, (r[f.name] for r in rows)) for f in _links(model)}
    out = []
    for row in rows:
        record = {}
        for field in carried_fields(model):
            value = row[field.name]
            if field.name in maps:
                value = maps[field.name].get(value)
            record[field.name] = plain(value)
        out.append(record)
    return out


def read(model: type[BaseModel], where: peewee.Expression | None = None) -> list[dict[str, Any]]:
    """The carried records of ``model`` (those ``where`` picks), by id."""
    query = model.select().order_by(model.id)
    if where is not None:
        query = query.where(where)
    return encode(model, list(query.dicts()))


class MissingParent(LookupError):
    """A record links to one that is not in this database (deleted meanwhile)."""

    def __init__(self, field: str, uid: str):
        super().__init__(field, uid)
        self.field = field
        self.uid = uid


def decode(model: type[BaseModel], records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Carried records as field values for this database: links by its ids.

    A link to a record this database does not have raises MissingParent."""
    maps = {
        f.name: (f, ids_of(f.rel_model, (r.get(f.name) for r in records))) for f in _links(model)
    }
    out = []
    for record in records:
        values = {}
        for field in carried_fields(model):
            if field.name not in record:
                continue  # a column the other side's schema has not (a later one)
            value = record[field.name]
            if field.name in maps and value is not None:
                link = maps[field.name][1].get(value)
                if link is None:
                    raise MissingParent(field.name, value)
                value = link
            values[field.name] = unplain(field, value)
        out.append(values)
    return out
