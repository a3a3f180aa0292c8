"""The layering holds at run time: importing every domain, store and export module loads no
Textual (and the domain no SQL); the CLI's help loads neither. The static contracts (widgets,
CLI, templates) are import-linter's, in test_import_contracts.py; these catch what a static
reading cannot, such as an import made through importlib or a plugin hook."""

import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "coordinator"


def _modules(*layers: str) -> list[str]:
    """Every module of the given sub-packages, found on disk rather than listed by hand."""
    found = []
    for layer in layers:
        for path in sorted((PACKAGE / layer).rglob("*.py")):
            parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
            if "migrations" in parts:  # Alembic's scripts run inside Alembic, not imported
                continue
            found.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return found


CORE_MODULES = [*_modules("domain", "store", "export"), "coordinator.demo"]


def _loaded_after_import(modules: list[str]) -> set[str]:
    code = "import importlib, sys\n"
    code += "".join(f"importlib.import_module({m!r})\n" for m in modules)
    code += "print('\\n'.join(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


def test_the_core_modules_are_found() -> None:
    assert {"coordinator.domain.schedule", "coordinator.store.days"} <= set(CORE_MODULES)
    assert "coordinator.export.docx" in CORE_MODULES


def test_core_modules_do_not_import_textual() -> None:
    loaded = _loaded_after_import(CORE_MODULES)
    assert "coordinator.store.days" in loaded
    assert not {m for m in loaded if m == "textual" or m.startswith("textual.")}


def test_domain_does_not_import_sql() -> None:
    loaded = _loaded_after_import(_modules("domain"))
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
