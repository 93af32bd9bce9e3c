"""What a mentor types to resolve a sync conflict by hand (issue 19)."""

from __future__ import annotations

from .fields import InputModel, Text


class MergedTextIn(InputModel):
    """The merged value of a field changed on the laptop and on the server."""

    text: Text
