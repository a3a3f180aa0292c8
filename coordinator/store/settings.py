"""Settings kept in the database: they belong to the job centre's data, not to one laptop."""

from __future__ import annotations

from coordinator.store.database import Store
from coordinator.store.models import Setting

#: Known settings with their defaults.
DEFAULTS: dict[str, str] = {
    "municipality": "",
    "jobcentre": "",
    "logo": "",
    "templates_dir": "",
    "max_circle": "7",
}


def get_setting(store: Store, key: str) -> str:
    with store.session() as session:
        setting = session.get(Setting, key)
        return setting.value if setting else DEFAULTS.get(key, "")


def set_setting(store: Store, key: str, value: str) -> None:
    with store.session() as session:
        setting = session.get(Setting, key) or Setting(key=key)
        setting.value = value
        session.add(setting)


def all_settings(store: Store) -> dict[str, str]:
    values = dict(DEFAULTS)
    with store.session() as session:
        from sqlmodel import select

        values.update({s.key: s.value for s in session.exec(select(Setting))})
    return values
