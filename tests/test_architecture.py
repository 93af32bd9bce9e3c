"""The layers, held: import-linter's contracts (pyproject.toml) plus what they cannot see.

`lint-imports` follows imports transitively, including those inside functions.
What it cannot see is an import by name at run time (``importlib.import_module``,
``__import__``), so such imports are refused here outright. The contracts are
proved able to fail: each of five planted violations in a copy of the package
breaks the check, and the same check passes on the real package.
"""

from __future__ import annotations

import ast
import os
import pkgutil
import shutil
import statistics
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import mentorterm

PACKAGE = Path(mentorterm.__file__).parent
PYPROJECT = PACKAGE.parent / "pyproject.toml"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

# The layers below the UI: importing any of them must not load Textual.
BELOW_THE_UI = ("domain", "documents", "storage", "models", "schemas", "demo")


def _dynamic_imports(root: Path) -> list[str]:
    """Every import by name at run time in the package under ``root``."""
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("import_module", "__import__"):
                found.append(f"{path.relative_to(root)}:{node.lineno}")
    return found


def _contracts_config(target: Path) -> Path:
    """The project's import-linter settings, alone in a file under ``target``."""
    settings = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]
    lines = ["[tool.importlinter]"]
    lines += [f"{key} = {_toml(value)}" for key, value in settings.items() if key != "contracts"]
    for contract in settings["contracts"]:
        lines.append("\n[[tool.importlinter.contracts]]")
        lines += [f"{key} = {_toml(value)}" for key, value in contract.items()]
    config = target / "contracts.toml"
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return config


def _toml(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return "[" + ", ".join(_toml(v) for v in value) + "]"


def _lint(where: Path) -> subprocess.CompletedProcess:
    """Run the contracts on the package found first on ``where``'s path."""
    config = _contracts_config(where)
    env = dict(os.environ, PYTHONPATH=str(where))
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(config)],
        cwd=where,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _architecture_problems(where: Path) -> list[str]:
    """All that breaks the layers in the package ``where/mentorterm``."""
    problems = [
        f"imports by name at run time: {hit}" for hit in _dynamic_imports(where / "mentorterm")
    ]
    result = _lint(where)
    if result.returncode != 0:
        problems.append(result.stdout[-3000:] + result.stderr[-2000:])
    return problems


def test_the_layers_hold_on_the_real_package():
    assert _architecture_problems(PACKAGE.parent) == []


def _module_file(root: Path, dotted: str) -> Path:
    """The file that holds ``dotted`` in the copy (a module or a package's __init__)."""
    base = root.joinpath(*dotted.split("."))
    return base / "__init__.py" if base.is_dir() else base.with_suffix(".py")


def _first_module_of(root: Path, package: str) -> Path:
    """Any real module of ``package`` (for planting inside the domain or the screens)."""
    folder = root.joinpath(*package.split("."))
    return sorted(p for p in folder.rglob("*.py") if p.name != "__init__.py")[0]


PLANTED = {
    "domain imports a screen": (
        lambda root: _first_module_of(root, "mentorterm.domain"),
        "\nfrom mentorterm.screens import help as _planted  # noqa\n",
    ),
    "models import the domain": (
        lambda root: _module_file(root, "mentorterm.models"),
        "\nfrom mentorterm.domain import citizens as _planted  # noqa\n",
    ),
    "schemas import storage": (
        lambda root: _module_file(root, "mentorterm.schemas"),
        "\nfrom mentorterm import storage as _planted  # noqa\n",
    ),
    "a lazy import of Textual in the domain": (
        lambda root: _first_module_of(root, "mentorterm.domain"),
        "\n\ndef _planted():\n    import textual  # noqa\n\n    return textual\n",
    ),
    "a screen imports peewee by name": (
        lambda root: _first_module_of(root, "mentorterm.screens"),
        '\nimport importlib as _il  # noqa\n\n_planted = _il.import_module("peewee")\n',
    ),
}


@pytest.fixture(scope="module")
def clean_copy(tmp_path_factory) -> Path:
    where = tmp_path_factory.mktemp("copy")
    shutil.copytree(PACKAGE, where / "mentorterm", ignore=shutil.ignore_patterns("__pycache__"))
    return where


@pytest.mark.parametrize("violation", sorted(PLANTED))
def test_each_planted_violation_breaks_the_check(clean_copy, tmp_path, violation):
    where = tmp_path / "planted"
    shutil.copytree(clean_copy, where)
    target_of, code = PLANTED[violation]
    target = target_of(where)
    target.write_text(target.read_text(encoding="utf-8") + code, encoding="utf-8")
    problems = _architecture_problems(where)
    assert problems, f"the check missed: {violation} (planted in {target.relative_to(where)})"


def test_the_check_runs_on_the_copy_not_the_installed_package(clean_copy):
    """A planted break in the copy must not be judged by the real package's files."""
    result = _lint(clean_copy)
    assert result.returncode == 0, result.stdout[-2000:]
    assert "Analyzed" in result.stdout


def test_importing_every_layer_below_the_ui_loads_no_textual():
    names = []
    for layer in BELOW_THE_UI:
        names.append(f"mentorterm.{layer}")
        spec_path = PACKAGE / layer
        if spec_path.is_dir():
            prefix = f"mentorterm.{layer}."
            names += [m.name for m in pkgutil.walk_packages([str(spec_path)], prefix)]
    script = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(len(loaded), loaded[:5])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("0 "), result.stdout


def _module_lengths() -> dict[str, int]:
    return {
        str(path.relative_to(PACKAGE)): len(path.read_text(encoding="utf-8").splitlines())
        for path in sorted(PACKAGE.rglob("*.py"))
    }


def test_no_module_is_over_400_lines_and_the_median_is_at_most_120():
    """The rooms (issue 15, ARCHITECTURE.md's conventions): a module past 400
    lines is split; the median module stays a room a newcomer reads at once."""
    lengths = _module_lengths()
    assert len(lengths) > 100  # the package's own files, not an empty glob
    too_long = {name: n for name, n in lengths.items() if n > 400}
    assert not too_long, f"split these rooms: {too_long}"
    median = statistics.median(lengths.values())
    assert median <= 120, f"median module {median} lines"
