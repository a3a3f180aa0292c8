"""Where the key of an encrypted database comes from: `COORDINATOR_KEY` (scripts and tests),
else the operating system's keyring (through `keyring`, part of the `encrypt` extra), else the
passphrase the command line asks for once and then keeps in the keyring.

The keyring entry is named by the database file's absolute path, so two databases on one
laptop can have two keys. A keyring that is missing or cannot be reached (no desktop session,
a locked wallet) is simply not used: the passphrase is asked instead.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

#: The keyring's service name for every database key of the app.
SERVICE = "stepup-coordinator"
#: The key of an encrypted database, for scripts and tests (never asked, never stored).
ENV_KEY = "COORDINATOR_KEY"
#: The new key for `db rekey` in scripts and tests.
ENV_NEW_KEY = "COORDINATOR_NEW_KEY"


def env_key(name: str = ENV_KEY) -> str | None:
    return os.environ.get(name) or None


def _usable_keyring() -> Any:  # noqa: ANN401 - the keyring module (an optional dependency)
    """The keyring module when a real backend answers, else None."""
    try:
        import keyring

        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - not installed, or no backend can start here
        return None
    return keyring if getattr(backend, "priority", 0) > 0 else None


def _entry(path: str | Path) -> str:
    return str(Path(path).expanduser().resolve())


def stored_key(path: str | Path) -> str | None:
    """The key kept in the keyring for the database at `path`, if any."""
    keyring = _usable_keyring()
    if keyring is None:
        return None
    try:
        return keyring.get_password(SERVICE, _entry(path)) or None
    except Exception:  # noqa: BLE001 - a locked or broken keyring: ask instead
        return None


def remember_key(path: str | Path, key: str) -> bool:
    """Keep `key` in the keyring for `path`; False when there is no usable keyring."""
    keyring = _usable_keyring()
    if keyring is None:
        return False
    try:
        keyring.set_password(SERVICE, _entry(path), key)
    except Exception:  # noqa: BLE001 - the passphrase will be asked next time
        return False
    return True
