"""Text a person typed, shown as typed inside Textual markup."""

from __future__ import annotations


def escape(text: str) -> str:
    """``Føtex [Vest]``, ``[b]`` and a trailing ``\\`` stay as typed inside markup.

    rich's ``escape`` (and Textual's) leave ``[Vest]`` alone, which Textual's
    markup then reads as a style and drops; a backslash at the end would
    escape the tag that follows it, so it gets an invisible zero-width space.
    """
    text = text.replace("[", "\\[")
    return text + "\u200b" if text.endswith("\\") else text
