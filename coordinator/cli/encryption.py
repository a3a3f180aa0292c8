"""Encryption at rest on the command line: opening with `--encrypt`, `db encrypt`, `db rekey`.

The key is looked for in `COORDINATOR_KEY`, then the keyring, and only then asked for (once;
twice for a new key, to catch a typo); a passphrase that was asked and worked is kept in the
keyring when there is one, so the next start asks nothing (store/keys.py).
"""

from __future__ import annotations

from pathlib import Path

import typer

from coordinator.cli import Settings, UserError, echo, settings_of
from coordinator.i18n import _

ASKED = "asked"


def _ask(prompt: str, confirm: bool) -> str:
    key = typer.prompt(
        prompt,
        hide_input=True,
        confirmation_prompt=_("Repeat the passphrase") if confirm else False,
        err=True,
    )
    if not key:
        raise UserError(_("the key must not be empty"))
    return key


def file_of(settings: Settings) -> Path:
    from coordinator.store.engine import resolve_url, sqlite_path

    path = sqlite_path(resolve_url(settings.db))
    if path is None:
        raise UserError(_("--encrypt works only with a SQLite file, not a server database"))
    return path


def key_for(path: Path) -> tuple[str, str]:
    """The key to open the file at `path` with, and where it came from."""
    from coordinator.store.cipher import looks_encrypted
    from coordinator.store.keys import env_key, stored_key

    key = env_key()
    if key:
        return key, "env"
    key = stored_key(path)
    if key:
        return key, "keyring"
    new = not looks_encrypted(path)
    prompt = _("New passphrase for {path}") if new else _("Passphrase for {path}")
    return _ask(prompt.format(path=path), confirm=new), ASKED


def open_encrypted(settings: Settings):  # noqa: ANN201 - a Store, imported lazily
    """Open the store through SQLCipher (`--encrypt`), keeping an asked key in the keyring."""
    from coordinator.store.cipher import cipher_module, is_plain_sqlite, wrong_key
    from coordinator.store.database import Store
    from coordinator.store.keys import remember_key

    path = file_of(settings)
    cipher_module()  # says how to install the extra before asking for any key
    if is_plain_sqlite(path):
        raise wrong_key(path)  # a plain file: say how to encrypt it, ask for nothing
    key, source = key_for(path)
    store = Store.open(settings.db, clock=settings.clock, key=key)
    if source == ASKED:
        remember_key(path, key)
    return store


def register(db_app: typer.Typer) -> None:
    @db_app.command("encrypt")
    def encrypt(ctx: typer.Context) -> None:
        """Encrypt a plain database file in place (SQLCipher; close the app first). The key
        comes from COORDINATOR_KEY or is asked twice, and is kept in the keyring."""
        from coordinator.store.cipher import cipher_module
        from coordinator.store.encryption import encrypt_file
        from coordinator.store.keys import env_key, remember_key

        path = file_of(settings_of(ctx))
        cipher_module()
        key = env_key() or _ask(_("New passphrase for {path}").format(path=path), confirm=True)
        report = encrypt_file(path, key)
        if not env_key():
            remember_key(path, key)
        echo(
            _(
                "Encrypted {path} ({total} rows checked); open it with --encrypt "
                "(or COORDINATOR_ENCRYPT=1)."
            ).format(path=report.path, total=report.total)
        )

    @db_app.command("rekey")
    def rekey(ctx: typer.Context) -> None:
        """Change the key of an encrypted database (the new one from COORDINATOR_NEW_KEY, or
        asked twice); the keyring is updated."""
        from coordinator.store.cipher import cipher_module, looks_encrypted
        from coordinator.store.encryption import rekey_file
        from coordinator.store.keys import ENV_NEW_KEY, env_key, remember_key, stored_key

        path = file_of(settings_of(ctx))
        cipher_module()
        if not looks_encrypted(path):
            raise UserError(
                _("{path} is not encrypted: encrypt it with `db encrypt`").format(path=path)
            )
        old_key, _source = key_for(path)
        new_key = env_key(ENV_NEW_KEY) or _ask(
            _("New passphrase for {path}").format(path=path), confirm=True
        )
        had_entry = stored_key(path) is not None
        report = rekey_file(path, old_key, new_key)
        if had_entry or not env_key(ENV_NEW_KEY):
            remember_key(path, new_key)
        echo(
            _("Changed the key of {path} ({total} rows checked).").format(
                path=report.path, total=report.total
            )
        )
