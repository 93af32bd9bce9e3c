"""Reusable Textual pieces the screens share: tables, lists, charts, dialogs, form parts, loads."""
