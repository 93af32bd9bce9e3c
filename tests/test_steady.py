"""The collector's full passes kept off the app's keys (mentorterm/steady.py)."""

from __future__ import annotations

import gc

from mentorterm import steady


def test_settle_freezes_only_inside_the_installed_commands_session():
    gc.unfreeze()
    try:
        steady.settle()  # a test process (no begin): nothing kept for good
        assert gc.get_freeze_count() == 0
        steady.begin()
        assert gc.get_freeze_count() > 0
        kept = gc.get_freeze_count()
        made = [[n] for n in range(1000)]  # alive now: frozen by the next settle
        steady.settle()
        assert gc.get_freeze_count() >= kept + len(made)
        # Only once: a later load must not keep a closed screen's garbage for good.
        frozen = gc.get_freeze_count()
        later = [[n] for n in range(1000)]
        steady.settle()
        assert gc.get_freeze_count() == frozen and later
        steady.end()
        gc.unfreeze()
        steady.settle()
        assert gc.get_freeze_count() == 0
    finally:
        steady.end()
        gc.unfreeze()
