"""What the lock tests share: another program's write lock on the database file, held until the
test itself lets it go.

The promise they check: a locked database never freezes a screen. The lock is held by a thread
of its own and released only when the test calls `release()`; the store waits on a lock far
longer than that thread would ever hold it (the `patient_store` fixture, tests/ui/conftest.py).
So while the lock is held, every key the test sees take effect proves the event loop ran: had
the loop waited for the database, the test (which runs on that loop) could not have seen it,
nor released the lock, and the holder would have given up (`gave_up`) after `GIVE_UP` seconds,
a safety net that fails the test rather than hang it. No figure about speed is asserted;
bench/lock_stall.py prints how long the event loop stalls.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

#: Seconds the holder keeps the lock without hearing from the test: only reached when the event
#: loop (and with it the test) is stuck on the database.
GIVE_UP = 60.0
#: The store's busy timeout in the lock tests (ms): longer than `GIVE_UP`, so a write made on
#: the event loop would wait for the holder instead of failing and letting the loop go on.
PATIENT_BUSY_TIMEOUT_MS = int(GIVE_UP * 1000) * 5


class HeldLock:
    """Another program's write transaction on `db_path`, open (uncommitted) from `__enter__`
    until `release()`; `statement` is an optional write it made, rolled back at the end."""

    def __init__(self, db_path: Path, statement: str = "", *args: object) -> None:
        self._db_path, self._statement, self._args = db_path, statement, args
        self._held = threading.Event()
        self._release = threading.Event()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._hold, name="held-lock", daemon=True)
        #: The holder let go on its own after `GIVE_UP` seconds: the test never released it.
        self.gave_up = False

    def _hold(self) -> None:
        try:
            other = sqlite3.connect(self._db_path, isolation_level=None)
            try:
                other.execute("BEGIN IMMEDIATE")
                if self._statement:
                    other.execute(self._statement, self._args)
                self._held.set()
                self.gave_up = not self._release.wait(GIVE_UP)
            finally:
                other.rollback()
                other.close()
        except BaseException as exc:  # noqa: BLE001 - told to the test in __enter__
            self._error = exc
            self._held.set()

    def __enter__(self) -> HeldLock:
        self._thread.start()
        self._held.wait()
        if self._error is not None:
            raise self._error
        return self

    def release(self) -> None:
        """Let the lock go and wait until it is gone (the transaction rolled back)."""
        self._release.set()
        self._thread.join()

    def __exit__(self, *exc_info: object) -> None:
        self.release()


@contextmanager
def held_write_lock(db_path: Path, statement: str = "", *args: object) -> Iterator[HeldLock]:
    """`HeldLock` as a block: held until `release()` or the block's end."""
    with HeldLock(db_path, statement, *args) as lock:
        yield lock


async def until(pilot, condition, timeout: float = 30.0) -> None:  # noqa: ANN001 - a Pilot
    """Let the app run until `condition()` holds; the timeout only bounds the wait (a broken
    screen fails the test instead of hanging it), it says nothing about speed."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, f"never came: {condition}"
        await pilot.pause(0.05)
