"""Every key binding of the active screen is also a command-palette entry, so nothing is
reachable only by remembering a key (and a projector audience can see what was chosen)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.app import App, SystemCommand
from textual.screen import Screen

from coordinator.i18n import _


def binding_commands(app: App, screen: Screen) -> Iterator[SystemCommand]:
    """One palette command per enabled, described binding of the screen's binding chain
    (focused widget, its ancestors, the screen, and the App unless the screen is a dialog),
    including those the footer leaves out for room (one entry per action and per title).

    The chain is walked rather than `screen.active_bindings`, which keeps one binding per key:
    a binding whose key an earlier node takes (the days table's Enter over "Open day") is
    still offered, without a key, since pressing its key does something else.
    """
    active = {key: entry.binding for key, entry in screen.active_bindings.items()}
    seen: set[str] = set()
    # Textual keeps the chain private; it is the same list `active_bindings` reads (with the
    # keymap applied and keys a focused text field consumes left out). Textual is pinned.
    for node, bindings in screen._modal_binding_chain:
        for key, binding in bindings:
            if not binding.description or binding.action in {"command_palette", "quit"}:
                continue
            if {binding.action, binding.description} & seen:
                continue
            if not app._check_action_state(binding.action, node):
                continue
            seen.update((binding.action, binding.description))
            yield SystemCommand(
                _(binding.description),  # Textual's widgets' own are English msgids
                app.get_key_display(binding) if active.get(key) == binding else "",
                partial(app.run_action, binding.action, node),
            )
