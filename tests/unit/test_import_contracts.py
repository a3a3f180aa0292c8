"""The layer contracts in pyproject.toml's `[tool.importlinter]`, enforced by `pytest` alone.

import-linter reads the import graph without importing anything (function-level imports
included), so a widget that reaches the store, or a CLI module that imports Textual at the top,
fails here with import-linter's own report. The other tests prove the check can fail: the same
contracts, run on a small package that breaks each of them, report every one broken.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = ROOT / "pyproject.toml"


def _config() -> dict:
    return tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]


def _contracts() -> list[dict]:
    return _config()["contracts"]


def _lint_imports(cwd: Path, config: Path) -> subprocess.CompletedProcess[str]:
    """Run import-linter with this interpreter on the `coordinator` package found in `cwd`."""
    code = (
        "import sys\n"
        "from importlinter.cli import lint_imports\n"
        f"sys.exit(lint_imports(config_filename={str(config)!r}, no_cache=True, no_logo=True))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True
    )


def test_the_layer_contracts_are_kept() -> None:
    result = _lint_imports(ROOT, PYPROJECT)
    if result.returncode != 0:
        pytest.fail(result.stdout + result.stderr, pytrace=False)
    assert f"Contracts: {len(_contracts())} kept, 0 broken." in result.stdout


def test_the_contracts_name_the_forbidden_layers() -> None:
    """What each layer may not import, as the team agreed; a contract dropped or loosened in
    pyproject.toml fails here rather than silently allowing the import."""
    config = _config()
    assert config["root_package"] == "coordinator"
    assert config["include_external_packages"] is True
    forbidden = {
        tuple(contract["source_modules"]): set(contract["forbidden_modules"])
        for contract in _contracts()
        if contract["type"] == "forbidden" and not contract.get("allow_indirect_imports")
    }
    assert forbidden[("coordinator.domain",)] >= {"textual", "sqlalchemy", "sqlmodel", "jinja2"}
    assert forbidden[("coordinator.store", "coordinator.export")] >= {"textual"}
    assert forbidden[("coordinator.widgets",)] >= {"coordinator.store"}
    assert forbidden[("coordinator.cli",)] >= {
        "textual",
        "coordinator.app",
        "coordinator.screens",
        "coordinator.widgets",
    }
    rows = {
        tuple(contract["source_modules"]): set(contract["forbidden_modules"])
        for contract in _contracts()
        if contract.get("allow_indirect_imports")
    }
    ui = ("coordinator.screens", "coordinator.widgets", "coordinator.app", "coordinator.commands")
    assert rows[ui] >= {"coordinator.store.models", "sqlalchemy", "sqlmodel"}


#: A tiny `coordinator` that breaks every contract once (and keeps one allowed deferred import).
VIOLATIONS = {
    "__init__.py": "",
    "app.py": "import textual\n",
    "commands.py": "",
    "domain/__init__.py": "",
    "domain/rules.py": "import jinja2\nfrom sqlmodel import select\n",
    "store/__init__.py": "",
    "store/days.py": "from textual.widget import Widget\n",
    "export/__init__.py": "",
    "widgets/__init__.py": "",
    "widgets/clock.py": "from coordinator.store.days import Widget\n",
    "screens/__init__.py": "",
    "screens/day.py": "from coordinator.store.models import Case\n",
    "store/models.py": "",
    "launch.py": "def open_tui():\n    from coordinator.app import App\n",
    "cli/__init__.py": "from coordinator.launch import open_tui\n",
    "cli/day.py": "from coordinator.screens import day\n",
}


def _pyproject_importlinter_text() -> str:
    """The `[tool.importlinter]` tables of pyproject.toml, copied as they are written."""
    kept: list[str] = []
    keeping = False
    for line in PYPROJECT.read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            keeping = line.strip("[]").startswith("tool.importlinter")
        if keeping:
            kept.append(line)
    return "\n".join(kept) + "\n"


def test_the_contracts_fail_on_a_package_that_breaks_them(tmp_path: Path) -> None:
    for name, source in VIOLATIONS.items():
        path = tmp_path / "coordinator" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
    config = tmp_path / "pyproject.toml"
    config.write_text(_pyproject_importlinter_text(), encoding="utf-8")

    result = _lint_imports(tmp_path, config)

    report = result.stdout
    assert result.returncode == 1, report + result.stderr
    assert f"Contracts: 0 kept, {len(_contracts())} broken." in report
    for line in (
        "coordinator.domain.rules -> jinja2",
        "coordinator.domain.rules -> sqlmodel",
        "coordinator.store.days -> textual",
        "coordinator.widgets.clock -> coordinator.store.days",
        "coordinator.cli.day -> coordinator.screens",
        "coordinator.screens.day -> coordinator.store.models",
    ):
        assert line in report
    # The listed deferred import stays allowed; only the module-level one breaks the CLI rule.
    assert "coordinator.launch -> coordinator.app" not in report


def _deferred_imports() -> list[tuple[str, str]]:
    pairs = []
    for contract in _contracts():
        for entry in contract.get("ignore_imports", []):
            importer, imported = (part.strip() for part in entry.split("->"))
            pairs.append((importer, imported))
    return pairs


@pytest.mark.parametrize(("importer", "imported"), _deferred_imports())
def test_each_ignored_import_is_deferred_inside_a_function(importer: str, imported: str) -> None:
    """`ignore_imports` is only for imports made when a command runs, never at module level."""
    assert "*" not in importer + imported, "name each allowed import exactly"
    module = ROOT.joinpath(*importer.split("."))
    path = module / "__init__.py" if module.is_dir() else module.with_suffix(".py")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            names = (
                [child.module or ""]
                if isinstance(child, ast.ImportFrom)
                else [alias.name for alias in child.names]
                if isinstance(child, ast.Import)
                else []
            )
            if any(name == imported or name.startswith(imported + ".") for name in names):
                found.append((child.lineno, in_function))
            visit(child, in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef))

    visit(tree, False)
    assert found, f"{importer} no longer imports {imported}: drop it from ignore_imports"
    assert all(in_function for _line, in_function in found), found
