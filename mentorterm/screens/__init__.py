"""Textual screens. Only screens, widgets and app.py import textual."""
