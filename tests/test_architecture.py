"""The layers: only screens, widgets, app.py, driver.py and keys.py know Textual; screens know no peewee."""

from __future__ import annotations

import ast
from pathlib import Path

import mentorterm

PACKAGE = Path(mentorterm.__file__).parent
UI = ("screens", "widgets")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = "." * node.level + (node.module or "")
            names.add(base)
            sep = "" if base.endswith(".") else "."
            names.update(f"{base}{sep}{alias.name}" for alias in node.names)
    return names


def _modules():
    return [p for p in PACKAGE.rglob("*.py")]


def test_only_the_ui_layer_imports_textual():
    offenders = []
    for path in _modules():
        relative = path.relative_to(PACKAGE)
        in_ui = relative.parts[0] in UI or relative.name in ("app.py", "keys.py", "driver.py")
        uses_textual = any(n == "textual" or n.startswith("textual.") for n in _imports(path))
        if uses_textual and not in_ui:
            offenders.append(str(relative))
    assert offenders == []


def test_screens_reach_storage_only_through_the_domain():
    offenders = []
    for path in _modules():
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] not in UI:
            continue
        for name in _imports(path):
            bare = name.lstrip(".")
            if (
                bare.startswith(("peewee", "playhouse", "models", "storage", "sqlite3"))
                or ".models" in name
                or ".storage" in name
            ):
                offenders.append(f"{relative}: {name}")
    assert offenders == []


def test_the_checker_sees_a_violation(tmp_path):
    """The scanner itself works: a file importing textual is found."""
    bad = tmp_path / "bad.py"
    bad.write_text("from textual.app import App\nfrom ..models import Citizen\n")
    names = _imports(bad)
    assert "textual.app" in names
    assert any(".models" in n for n in names)
