"""The base of every full screen: translated bindings and typed access to the app's store."""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar

from textual.screen import ModalScreen, Screen

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
    """A dialog of this app, returning a T."""

    @property
    def store(self) -> Store:
        return self.app.store  # type: ignore[attr-defined]
