"""Translated key bindings.

`BINDINGS` are class attributes, evaluated once at import, so a description translated there
would be frozen in whatever language was active then. Screens and widgets therefore declare
descriptions as msgids (`N_("Start meeting")`) and translate them here, per instance, in the
language the app was started with: the footer, the key panel and the palette all read the
instance's bindings.
"""

from __future__ import annotations

from dataclasses import replace

from textual.dom import DOMNode

from coordinator.i18n import _


def translate_bindings(node: DOMNode) -> None:
    """Replace the node's bindings with copies whose descriptions are translated."""
    bindings = node._bindings  # noqa: SLF001 - the per-instance copy Textual reads
    for key, entries in bindings.key_to_bindings.items():
        bindings.key_to_bindings[key] = [
            replace(b, description=_(b.description)) if b.description else b for b in entries
        ]


class TranslatedBindings:
    """Mixin for Screens and Widgets: translate the bindings when the instance is built."""

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 - passes through
        super().__init__(*args, **kwargs)
        translate_bindings(self)  # type: ignore[arg-type]
