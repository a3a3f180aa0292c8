"""Waiting for the app's workers in Pilot tests."""

from __future__ import annotations

from textual.worker import WorkerCancelled


async def workers_done(app) -> None:  # noqa: ANN001 - a Textual App
    """Wait until the app's workers have finished. A worker cancelled on the way (an exclusive
    read superseded by a newer one, a screen that was left) is finished too: Textual's own
    `wait_for_complete` raises for it, which would fail a test for the app working as meant."""
    while True:
        try:
            await app.workers.wait_for_complete()
            return
        except WorkerCancelled:
            continue
