"""The Peewee models: every record a mentor keeps.

Rules that hold for every table:
- ``created_at`` / ``updated_at`` (UTC) on every row, stored as integer
  microseconds (fields.StampField, schema 6); ``save()`` keeps ``updated_at``
  current.
- Every record belongs to a mentor: a citizen is owned by one mentor and
  everything about the citizen hangs off the citizen. Records a mentor writes
  themself (scores, meetings, review notes) also name that mentor, so a shared
  team database later needs no rewrite.
- Deleting a citizen deletes everything about them (ON DELETE CASCADE all the
  way down); a mentor who still owns citizens cannot be deleted (RESTRICT);
  optional links (a sub-goal's course, an action item's meeting) become NULL.
- Only ``storage`` binds these models to a database (``db`` is a proxy).
- A foreign key that is the first column of a composite index gets no index
  of its own (``index=False``): the composite serves the lookups and the
  ON DELETE checks, and a second index only costs space and a page write per
  insert (bench/README.md). tests/test_query_plans.py checks that every
  foreign key still leads some index.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from peewee import SQL, Model  # noqa: F401  (re-exported for the domain's raw fragments)

from .base import (  # noqa: F401
    BaseModel,
    _enum_check,
    db,
    utcnow,
)

if TYPE_CHECKING:  # loaded by load_all() at first use; type checkers see them here
    from .registry import ALL_MODELS, AUDIT_MODELS  # noqa: F401


def __getattr__(name: str):
    """Every model, loaded at the first use of any of them.

    The first frame needs only the proxy, the clock and the base model; the
    tables' classes (about 10 ms and their memory) load when something names
    one. They load all together, never one module alone, so every backref
    (``citizen.subgoals``) exists as soon as any model does.
    """
    if name.startswith("__"):
        raise AttributeError(name)
    load_all()
    try:
        return globals()[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None


def load_all() -> None:
    """Import every model module (idempotent: cheap once done).

    Importing from a submodule does not pass through ``__getattr__`` above,
    so this cannot recurse; ``ALL_MODELS`` is set last and marks it done.
    """
    if "ALL_MODELS" in globals():
        return
    from .audit import (  # noqa: F401
        AuditEntry,
        ErasureInProgress,
    )
    from .courses import (  # noqa: F401
        AllianceScore,
        Course,
        CourseExtension,
        SubGoal,
    )
    from .jobsearch import (  # noqa: F401
        CvStatus,
        JobContact,
        TargetCompany,
    )
    from .meetings import (  # noqa: F401
        ActionItem,
        Meeting,
        MeetingParticipant,
        MeetingStatusChange,
        ReviewNote,
        _MeetingStatusField,
    )
    from .people import (  # noqa: F401
        Citizen,
        Mentor,
    )
    from .placements import (  # noqa: F401
        HoursStep,
        LogbookEntry,
        Placement,
    )
    from .provider import (  # noqa: F401
        GroupSeries,
        GroupSession,
        SessionParticipant,
        Workplace,
    )
    from .records import (  # noqa: F401
        Draft,
        Report,
    )
    from .registry import (  # noqa: F401
        ALL_MODELS,
        AUDIT_MODELS,
    )
    from .sync import (  # noqa: F401
        SYNC_MODELS,
        ChangeOp,
        Checkout,
        Device,
        SyncConflict,
        SyncReceipt,
        SyncState,
    )
    from .team import (  # noqa: F401
        Cover,
        Handover,
    )

    named = dict(locals())
    registry_all = named.pop("ALL_MODELS")
    globals().update(named)
    globals()["ALL_MODELS"] = registry_all
