"""Reusable Textual pieces the screens share: tables, charts, dialogs, form parts."""
