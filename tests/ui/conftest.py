"""Pilot tests: the real App on a temporary database with the fixed clock."""

from __future__ import annotations

import pytest

from coordinator.app import CoordinatorApp


@pytest.fixture
def make_app(store, clock):
    """Build the app on the test store; keyword arguments go to CoordinatorApp."""

    def factory(**kwargs) -> CoordinatorApp:
        kwargs.setdefault("language", "en")
        return CoordinatorApp(store=store, clock=clock, **kwargs)

    return factory
