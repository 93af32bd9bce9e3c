"""The audit log, its face: one row per operation, append-only, each row chained to the last.

Every create, update, delete, export, import, erase, unlock and every opening
of a citizen's record writes exactly one row, inside the transaction of the
change it records (``record``), so the log and the data cannot disagree.

Tamper evidence: a row's ``hash`` is the SHA-256 of the previous row's hash
and a canonical JSON of the row's own fields (id included), so changing,
removing or reordering a row breaks the chain (``verify``). Triggers
(storage/schema.py) refuse UPDATE always and DELETE except while the row's citizen
is being erased. Erasure removes the citizen's rows (they name the records
kept about them) and leaves one ``erase`` row that lists the ids and hashes
of the rows it removed, which lets ``verify`` bridge exactly that gap.

A chain without a secret key shows tampering by anyone who does not rewrite
every row after the one they change; someone who can run SQLite on the
decrypted file can rebuild the whole chain. The encryption keeps that
someone out; the chain catches edits behind the app's back.

The rooms: labels (how rows read), chain (writing rows), corrections
(old → new, openings, unlocks), view_log (reads per view), export (a
citizen's accesses), checking (``verify``), anchor and anchor_file (the head
kept beside the file). The SQL is storage's (storage/audit_chain.py).

The chain alone cannot show that its last rows were cut off (with the
counter in ``sqlite_sequence`` lowered to match): what is left is a valid,
shorter chain. So the head of the chain (last id, its hash, the number of
rows) is also kept *outside the database file*, in ``<db>.audit-anchor``
beside it (owner-only, replaced atomically after every commit that appended
rows, by a writer thread so that the save does not wait for it). A table
in the same file would not do: whoever edits the file edits
that table too. The anchor only ever moves forward: when it no longer
matches the log (the log ends before it, or its entry has another hash), it
is left as it is, so the evidence stays until ``verify`` reports it. A kill
between the commit and the anchor's write leaves the anchor one commit
behind, which ``verify`` accepts (the log may be ahead of its anchor, never
behind it). Every backup carries an anchor of its own (``<backup>.audit-
anchor``), and ``verify`` also checks the backups beside the database: a
backup's last entry must still be in the live log. Someone who deletes the
anchor and every backup, or rewrites the anchor as well, is not caught: the
anchor raises the bar from one file to several, it is not a signature.

Rows hold ids, kinds, actions and purposes only, never names or note text:
they outlive every record they mention except the citizen's erasure.
"""

from __future__ import annotations

from .anchor import (
    _advance,
    _after_commit,
    _register_backup_hook,
    anchor_backup,
    anchor_path,
    verify_anchor,
)
from .anchor_file import ANCHOR_FORMAT, ANCHOR_SUFFIX, flush, read_anchor
from .chain import GENESIS, count, digest, entries, erase_trail, record
from .checking import check, verify
from .corrections import apply_correction, changes, correction, open_record, unlocked
from .export import accesses_of
from .labels import VIEW_LABELS, WHAT_LABELS, local_time, purpose_label
from .view_log import ViewLog, viewed

_register_backup_hook()


def __getattr__(name: str) -> object:
    # AuditView needs pydantic, which the caseload's first frame does without.
    if name == "AuditView":
        from .entry_view import AuditView

        return AuditView
    raise AttributeError(name)


__all__ = [
    "purpose_label",
    "ANCHOR_FORMAT",
    "ANCHOR_SUFFIX",
    "GENESIS",
    "VIEW_LABELS",
    "WHAT_LABELS",
    "AuditView",
    "ViewLog",
    "_advance",
    "_after_commit",
    "accesses_of",
    "anchor_backup",
    "anchor_path",
    "changes",
    "check",
    "apply_correction",
    "correction",
    "count",
    "digest",
    "entries",
    "erase_trail",
    "flush",
    "local_time",
    "open_record",
    "read_anchor",
    "record",
    "unlocked",
    "verify",
    "verify_anchor",
    "viewed",
]
