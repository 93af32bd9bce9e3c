"""Checking the chain: every hash, every link, and the gaps only erasures explain."""

from __future__ import annotations

import json

from ...enums import AuditAction
from ...i18n import _
from ...storage import audit_chain
from .anchor import verify_anchor
from .chain import GENESIS, digest


def verify() -> list[str]:
    """Check the whole chain; the problems in plain words (empty: the log holds).

    Each row's hash must match its fields and its ``prev_hash`` the hash of
    the row before it. A run of missing ids is accepted only when erase rows
    list exactly those rows (their ids and hashes), and then the chain must
    run through the listed hashes too.
    """
    problems: list[str] = []
    rows = audit_chain.rows()
    present = {row[0]: row for row in rows}
    # id -> (prev_hash, hash, id of the erase row that listed it)
    erased: dict[int, tuple[str, str, int]] = {}
    for row in rows:
        if row[2] != AuditAction.ERASE.value or not row[8]:
            continue
        try:
            listed = [(int(i), str(p), str(h)) for i, p, h in json.loads(row[8])]
        except (ValueError, TypeError):
            problems.append(
                _(
                    "Entry {id} (an erasure) has an unreadable list of the entries it removed."
                ).format(id=row[0])
            )
            continue
        for removed_id, prev_hash, hash_ in listed:
            if removed_id in present:
                problems.append(
                    _(
                        "Entry {removed} is listed as removed by the erasure in entry "
                        "{erase}, but it is still in the log."
                    ).format(removed=removed_id, erase=row[0])
                )
            elif removed_id >= row[0] or removed_id in erased:
                problems.append(
                    _(
                        "The erasure in entry {erase} lists entry {removed}, which it "
                        "cannot have removed."
                    ).format(erase=row[0], removed=removed_id)
                )
            else:
                erased[removed_id] = (prev_hash, hash_, row[0])

    expected_prev, last_id = GENESIS, 0
    for entry_id in sorted(present.keys() | erased.keys()):
        if entry_id != last_id + 1:
            first, last = last_id + 1, entry_id - 1
            problems.append(
                _(
                    "Entries {first}–{last} are missing: they were removed without an erasure."
                ).format(first=first, last=last)
                if first != last
                else _("Entry {id} is missing: it was removed without an erasure.").format(id=first)
            )
            # The gap is the problem; do not also report the broken link after it.
            expected_prev = present[entry_id][9] if entry_id in present else erased[entry_id][0]
        if entry_id in present:
            (
                _id,
                at,
                action,
                what,
                record_id,
                citizen_id,
                mentor_id,
                purpose,
                detail,
                prev_hash,
                hash_,
            ) = present[entry_id]
            fields = dict(
                id=entry_id,
                at=at,
                action=action,
                what=what,
                record_id=record_id,
                citizen_id=citizen_id,
                mentor_id=mentor_id,
                purpose=purpose,
                detail=detail,
            )
            if digest(prev_hash, **fields) != hash_:
                problems.append(
                    _(
                        "Entry {id} ({action} {what}) was changed after it was "
                        "written: its hash does not match."
                    ).format(id=entry_id, action=action, what=what)
                )
            if prev_hash != expected_prev:
                problems.append(
                    _(
                        "Entry {id} does not follow the entry before it: an entry "
                        "was changed or removed."
                    ).format(id=entry_id)
                )
            expected_prev = hash_
        else:
            prev_hash, hash_, erase_id = erased[entry_id]
            if prev_hash != expected_prev:
                problems.append(
                    _(
                        "Entry {id}, removed by the erasure in entry {erase}, does "
                        "not follow the entry before it."
                    ).format(id=entry_id, erase=erase_id)
                )
            expected_prev = hash_
        last_id = entry_id

    issued = audit_chain.last_issued_id()
    if issued is not None and issued > last_id:
        problems.append(
            _(
                "The last entries ({first}–{last}) are missing: they were removed "
                "without an erasure."
            ).format(first=last_id + 1, last=issued)
            if issued > last_id + 1
            else _("The last entry ({id}) is missing: it was removed without an erasure.").format(
                id=issued
            )
        )
    return problems


def check() -> tuple[list[str], list[str]]:
    """``verify`` and ``verify_anchor`` together: (problems, notes)."""
    problems, notes = verify_anchor()
    return verify() + problems, notes
