"""The fixed lists of offline sync (schema 13): a laptop's change, a conflict, its outcome."""

from __future__ import annotations

from .enums import _Labelled
from .i18n import N_


class OpKind(_Labelled):
    """One entry of a laptop's change log."""

    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"insert": N_("Written"), "update": N_("Changed"), "delete": N_("Deleted")}


class ConflictKind(_Labelled):
    """Why a laptop's change could not simply be applied."""

    BOTH_CHANGED = "both_changed"
    DELETED_HERE = "deleted_here"  # deleted on the laptop, changed on the server
    DELETED_THERE = "deleted_there"  # changed on the laptop, deleted on the server
    PARENT_GONE = "parent_gone"  # written on the laptop about something deleted on the server
    REFUSED = "refused"  # the server refused the change (not the mentor's to make)

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "both_changed": N_("Changed on the laptop and on the server"),
            "deleted_here": N_("Deleted on the laptop, changed on the server"),
            "deleted_there": N_("Changed on the laptop, deleted on the server"),
            "parent_gone": N_("Written on the laptop about something deleted on the server"),
            "refused": N_("The team database refused the laptop's change"),
        }


class ConflictResolution(_Labelled):
    MINE = "mine"
    THEIRS = "theirs"
    MERGED = "merged"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "mine": N_("Kept the laptop's"),
            "theirs": N_("Kept the server's"),
            "merged": N_("Merged by hand"),
        }
