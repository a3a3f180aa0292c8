"""The keymap's catalogue is the screens' bindings, and its checks match Textual's key names."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

from coordinator.keymap import _BY_OWNER, NAMED_KEYS, is_valid_key, usable_keymap


def _declared_bindings() -> dict[str, tuple[tuple[str, str, str], ...]]:
    """Per class of the app, screens and widgets: its own bindings that carry an id."""
    from textual.binding import Binding

    import coordinator.screens
    import coordinator.widgets

    names = ["coordinator.app"] + [
        f"{package.__name__}.{info.name}"
        for package in (coordinator.screens, coordinator.widgets)
        for info in pkgutil.iter_modules(package.__path__)
    ]
    found = {}
    for name in names:
        for cls_name, cls in vars(importlib.import_module(name)).items():
            if not (inspect.isclass(cls) and cls.__module__ == name):
                continue
            bindings = cls.__dict__.get("BINDINGS", [])
            assert all(isinstance(b, Binding) for b in bindings), f"{cls_name}: use Binding(…)"
            with_id = tuple((b.id, b.key, b.description) for b in bindings if b.id)
            if with_id:
                found[cls_name] = with_id
    return found


def test_the_catalogue_is_every_binding_with_an_id() -> None:
    declared = _declared_bindings()
    assert {owner: set(bindings) for owner, bindings in _BY_OWNER.items()} == {
        owner: set(bindings) for owner, bindings in declared.items()
    }


def test_every_described_binding_has_an_id() -> None:
    """A binding the user sees (it has a description) can be remapped."""
    from textual.binding import Binding

    import coordinator.screens

    missing = []
    for info in pkgutil.iter_modules(coordinator.screens.__path__):
        module = importlib.import_module(f"coordinator.screens.{info.name}")
        for cls in vars(module).values():
            if inspect.isclass(cls) and cls.__module__ == module.__name__:
                for binding in cls.__dict__.get("BINDINGS", []):
                    if isinstance(binding, Binding) and binding.description and not binding.id:
                        missing.append(f"{cls.__name__}: {binding.key}")
    assert missing == []


def test_named_keys_are_textual_key_names() -> None:
    from textual.keys import KEY_NAME_REPLACEMENTS, Keys

    assert NAMED_KEYS <= {key.value for key in Keys} | set(KEY_NAME_REPLACEMENTS.values())


@pytest.mark.parametrize(
    "key", ["a", "T", "enter", "f12", "ctrl+shift+up", "question_mark", "?", "plus", "ctrl+Æ"]
)
def test_keys_textual_understands(key: str) -> None:
    assert is_valid_key(key)


@pytest.mark.parametrize(
    "key", ["", "ctl+a", "ctrl+", "ctrl+ctrl+a", "enterr", "Enter", "two words", "f25", " "]
)
def test_keys_that_are_refused(key: str) -> None:
    assert not is_valid_key(key)


def test_a_stored_keymap_that_no_longer_checks_keeps_its_good_entries() -> None:
    stored = '{"day.gone": "x", "day.next": "enter", "days.new": "ctl+n", "day.absent": "enter"}'
    assert usable_keymap(stored) == {"day.next": "enter"}
    assert usable_keymap("not json") == {}
    assert usable_keymap("[1]") == {}
