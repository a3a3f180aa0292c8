"""Every key binding of the active screen is also a command-palette entry, so nothing is
reachable only by remembering a key (and a projector audience can see what was chosen)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.app import App, SystemCommand
from textual.screen import Screen


def binding_commands(app: App, screen: Screen) -> Iterator[SystemCommand]:
    """One palette command per enabled, described binding of the screen's binding chain,
    including those the footer leaves out for room (one entry per action and per title)."""
    seen: set[str] = set()
    for active in screen.active_bindings.values():
        binding = active.binding
        if not active.enabled or not binding.description:
            continue
        if {binding.action, binding.description} & seen or binding.action in {
            "command_palette",
            "quit",
        }:
            continue
        seen.update((binding.action, binding.description))
        yield SystemCommand(
            binding.description,
            app.get_key_display(binding),
            partial(app.run_action, binding.action, active.node),
        )
