"""The layers below the UI never import Qt (DESIGN.md: imports go ui → services → api, storage)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
QT_LESS_PACKAGES = ("api", "services", "storage", "sandbox")
QT_MODULES = ("PySide6", "qasync", "shiboken6")


def _imported_modules(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


@pytest.mark.parametrize("package", QT_LESS_PACKAGES)
def test_no_qt_import_in_source(package: str) -> None:
    folder = ROOT / "pos_app" / package
    files = sorted(folder.rglob("*.py"))
    assert files, f"{folder} has no Python files"
    offenders = [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for path in files
        for line, module in _imported_modules(path)
        if module.split(".")[0] in QT_MODULES
    ]
    assert offenders == []


def test_no_qt_loaded_at_runtime() -> None:
    """Catches Qt pulled in indirectly, through another module."""
    modules = [f"pos_app.{package}" for package in QT_LESS_PACKAGES]
    modules += [
        str(path.relative_to(ROOT).with_suffix("")).replace("/", ".")
        for package in QT_LESS_PACKAGES
        for path in sorted((ROOT / "pos_app" / package).rglob("*.py"))
        if path.name not in ("__init__.py", "__main__.py")
    ]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        f"loaded = sorted(m for m in sys.modules if m.split('.')[0] in {QT_MODULES!r})\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_the_check_would_notice_a_qt_import(tmp_path: Path) -> None:
    sample = tmp_path / "bad.py"
    sample.write_text("import os\nfrom PySide6.QtCore import QObject\nimport qasync\n")
    names = [module for _, module in _imported_modules(sample)]
    assert "PySide6.QtCore" in names
    assert "qasync" in names
