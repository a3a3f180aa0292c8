"""The layering holds: domain and store never import Textual; the CLI's help never does."""

import subprocess
import sys

import pytest

CORE_MODULES = [
    "coordinator.domain.vocab",
    "coordinator.domain.schedule",
    "coordinator.domain.roster_rules",
    "coordinator.domain.agreement_rules",
    "coordinator.domain.quickdates",
    "coordinator.domain.cpr",
    "coordinator.store.database",
    "coordinator.store.days",
    "coordinator.store.cases",
    "coordinator.store.roster",
    "coordinator.store.agreements",
    "coordinator.store.preparation",
    "coordinator.demo",
]


def _loaded_after_import(module: str) -> set[str]:
    code = f"import sys, {module}; print('\\n'.join(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_does_not_import_textual(module: str) -> None:
    loaded = _loaded_after_import(module)
    assert not {m for m in loaded if m == "textual" or m.startswith("textual.")}


@pytest.mark.parametrize("module", [m for m in CORE_MODULES if ".domain." in m])
def test_domain_does_not_import_sql(module: str) -> None:
    loaded = _loaded_after_import(module)
    assert "sqlalchemy" not in loaded
    assert "sqlmodel" not in loaded


def test_help_loads_neither_textual_nor_sqlalchemy() -> None:
    code = (
        "import sys\n"
        "from coordinator.cli import app\n"
        "try:\n    app(['--help'])\nexcept SystemExit:\n    pass\n"
        "print('LOADED', ' '.join(sorted(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    loaded = set(result.stdout.split("LOADED", 1)[1].split())
    assert "Usage" in result.stdout
    assert "textual" not in loaded
    assert "sqlalchemy" not in loaded


def test_screens_and_widgets_never_touch_the_database_directly() -> None:
    """A screen shows state and turns keys into store calls: no sessions, queries or SQL."""
    import ast
    from pathlib import Path

    package = Path(__file__).resolve().parents[2] / "coordinator"
    offenders = []
    for folder in ("screens", "widgets"):
        for path in sorted((package / folder).glob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                imported = (
                    [node.module or ""]
                    if isinstance(node, ast.ImportFrom)
                    else [alias.name for alias in node.names]
                    if isinstance(node, ast.Import)
                    else []
                )
                if any(name.split(".")[0] in {"sqlalchemy", "sqlmodel"} for name in imported):
                    offenders.append(f"{path.name}:{node.lineno} imports SQL")
                if isinstance(node, ast.Attribute) and node.attr in {"session", "exec", "execute"}:
                    offenders.append(f"{path.name}:{node.lineno} uses .{node.attr}")
    assert offenders == []
