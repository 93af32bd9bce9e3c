"""The passphrase rules the screens show while it is typed (the checks live in storage)."""

from __future__ import annotations

from ..storage import StorageError, check_new_passphrase, passphrase_hint

__all__ = ["StorageError", "check_new_passphrase", "passphrase_hint"]
