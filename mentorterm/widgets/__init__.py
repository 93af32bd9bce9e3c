"""Reusable widgets: the pieces screens are built from."""
