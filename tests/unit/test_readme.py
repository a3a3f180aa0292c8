"""The README's two commands stay true: CI runs exactly the README's test command."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = text.split("```sh\n")[1:]
    return [block.split("```", 1)[0].strip() for block in blocks]


def test_readme_opens_with_the_two_commands() -> None:
    demo, tests = _commands()[:2]
    assert demo.endswith("coordinator demo")
    assert "pip install ." in demo
    assert tests.endswith("pytest -q")


def test_ci_runs_the_readme_test_command() -> None:
    tests = _commands()[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert tests in ci
