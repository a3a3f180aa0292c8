"""The base of every full screen: translated bindings and typed access to the app's store."""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar

from textual import events, on
from textual.binding import Binding
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Input

from coordinator.i18n import N_
from coordinator.widgets.footer import StepUpFooter
from coordinator.widgets.translated import TranslatedBindings

if TYPE_CHECKING:
    from coordinator.app import CoordinatorApp
    from coordinator.domain.clock import Clock
    from coordinator.store.database import Store


class AppScreen(TranslatedBindings, Screen[None]):
    """A screen of this app; `self.store` and `self.clock` are the app's injected ones."""

    @property
    def coordinator_app(self) -> CoordinatorApp:
        return self.app  # type: ignore[return-value]

    @property
    def store(self) -> Store:
        return self.coordinator_app.store

    @property
    def clock(self) -> Clock:
        return self.coordinator_app.clock


T = TypeVar("T")


class AppModal(TranslatedBindings, ModalScreen[T], Generic[T]):
    """A dialog of this app, returning a T.

    Every dialog has its own footer: without one the footer of the screen behind shows through
    with keys that do nothing while the dialog is open."""

    @on(events.Mount)
    def _give_a_footer(self) -> None:
        if not self.query(Footer):
            self.mount(StepUpFooter())

    @property
    def store(self) -> Store:
        return self.app.store  # type: ignore[attr-defined]


class FormModal(AppModal[T]):
    """A form dialog: Enter in any field, ctrl+s or its Save button saves; escape or its Cancel
    button closes without saving. Subclasses say what saving means in `action_save` (and stay
    open with a message when it cannot be done)."""

    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="dialog.cancel"),
        Binding("ctrl+s", "save", N_("Save"), id="dialog.save"),
    ]

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        raise NotImplementedError

    @on(Input.Submitted)
    def _save_on_enter(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
