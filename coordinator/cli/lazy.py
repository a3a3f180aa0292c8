"""The command line's top-level commands, each loaded only when it is used.

Building every command (18 modules, some hundred Click commands with their options converted
by Typer) cost `coordinator --help` and every single command most of their time beyond Typer's
own import. Here each top-level name has its one-line help written out and a loader that
imports its module(s) and builds its Click command; the root group (`CoordinatorGroup`) holds
a `LazyCommands` mapping of them, so `--help` lists every command from this registry and
`coordinator day list` builds only `day`. `tests/unit/test_cli_lazy.py` checks that each help
line here says what the loaded command says.

A command that adds to another's group (`export tasks` from followup, `export stats` and the
top-level `stats` from stats, `db encrypt|decrypt|...` from encryption) is added by the loader
of the group it joins, once per process.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass
from typing import Any

import typer

#: Built Click commands by top-level name: each is built once per process (the modules'
#: Typer apps are module globals, and the commands joining another group join it once).
_BUILT: dict[str, Any] = {}


@dataclass(frozen=True)
class Entry:
    """A top-level command: its help as `--help` lists it, and how to build it."""

    name: str
    help: str
    load: Callable[[typer.Typer], None]


def _named(name: str) -> Callable[[typer.Typer], None]:
    """A loader that adds the Typer app of `coordinator.cli.<name>` as the group `name`."""

    def load(scratch: typer.Typer) -> None:
        from importlib import import_module

        scratch.add_typer(import_module(f"coordinator.cli.{name}").app, name=name)

    return load


def _export(scratch: typer.Typer) -> None:
    from coordinator.cli import export, followup, stats

    followup.register_export(export.app)
    stats.register(_scratch(), export.app)  # its top-level `stats` is the `stats` entry's
    scratch.add_typer(export.app, name="export")


def _db(scratch: typer.Typer) -> None:
    from coordinator.cli import admin, encryption

    encryption.register(admin.db_app)
    scratch.add_typer(admin.db_app, name="db")


def _admin(scratch: typer.Typer) -> None:
    from coordinator.cli import admin

    admin.register(scratch)


def _privacy(scratch: typer.Typer) -> None:
    from coordinator.cli import privacy

    privacy.register(scratch)


def _stats(scratch: typer.Typer) -> None:
    from coordinator.cli import stats

    stats.register(scratch, _scratch())  # its `export stats` is the `export` entry's


#: Every top-level command, in the order `--help` lists them (Typer's: commands, then groups).
REGISTRY: tuple[Entry, ...] = (
    Entry("backup", "Copy the database safely, even while the app is running.", _admin),
    Entry(
        "demo",
        # Word for word the command's docstring (line break included): the Danish catalog
        # knows the help by that text.
        "Fill the database with a fictional step-up day (today), two earlier days with their\n"
        "follow-up, and open it.",
        _admin,
    ),
    Entry(
        "purge",
        "Erase every citizen whose last activity is older than the retention period.",
        _privacy,
    ),
    Entry(
        "audit", "The audit trail: who read, changed, exported or erased what, and when.", _privacy
    ),
    Entry(
        "stats",
        "Figures for the steering group: days, cases, overruns, attendance, goals, items.",
        _stats,
    ),
    Entry("day", "Plan step-up days and see their agenda.", _named("day")),
    Entry("case", "Put citizens' cases on a day's agenda.", _named("case")),
    Entry("people", "The directory of professionals.", _named("people")),
    Entry("roster", "Who takes part in a case.", _named("roster")),
    Entry("agreement", "The agreement document of a case.", _named("agreement")),
    Entry("export", "Export documents through the Jinja templates.", _export),
    Entry(
        "settings",
        "The job centre's settings: municipality, jobcentre, logo, templates_dir, max_circle, "
        "keymap.",
        _named("settings"),
    ),
    Entry("referral", "The queue of citizens referred to a step-up.", _named("referral")),
    Entry("db", "The database itself.", _db),
    Entry("followup", "Follow up the agreements' items after the day.", _named("followup")),
    Entry("item", "An agreement item's progress after the meeting.", _named("item")),
    Entry("outcome", "The three-month outcome of a case.", _named("outcome")),
    Entry("rating", "The citizen's F.I.T. ratings of a case.", _named("rating")),
    Entry("citizen", "Citizens: list, insight export, erasure.", _named("citizen")),
    Entry("consent", "The citizen's consent to share information.", _named("consent")),
)


def _scratch() -> typer.Typer:
    """A Typer app to build commands in, with the root app's settings (they decide how the
    commands' help is formatted)."""
    return typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)


def build(name: str) -> Any:  # noqa: ANN401 - a Click command
    """The Click command of the top-level `name` (built on first use, then kept)."""
    if name not in _BUILT:
        entry = next(entry for entry in REGISTRY if entry.name == name)
        scratch = _scratch()
        entry.load(scratch)
        built = typer.main.get_group(scratch).commands
        for sibling in REGISTRY:  # a loader may build its siblings too (backup and demo)
            if sibling.load is entry.load and sibling.name in built:
                _BUILT[sibling.name] = built[sibling.name]
    return _BUILT[name]


class LazyCommands(MutableMapping[str, Any]):
    """The root group's commands: every registered name, each built when first looked up.

    Iterating gives the names without building anything; looking one up builds it (and
    `on_load` is called with it once: the bounds checks of cli/bounds.py go on there)."""

    def __init__(self, on_load: Callable[[Any], None], extra: Mapping[str, Any]) -> None:
        self._on_load = on_load
        self._names = [entry.name for entry in REGISTRY]
        self._loaded: dict[str, Any] = dict(extra)
        for name in extra:
            if name not in self._names:
                self._names.append(name)

    def __getitem__(self, name: str) -> Any:  # noqa: ANN401 - a Click command
        if name not in self._loaded:
            if name not in self._names:
                raise KeyError(name)
            command = build(name)
            self._on_load(command)
            self._loaded[name] = command
        return self._loaded[name]

    def __setitem__(self, name: str, command: Any) -> None:  # noqa: ANN401 - a Click command
        if name not in self._names:
            self._names.append(name)
        self._loaded[name] = command

    def __delitem__(self, name: str) -> None:
        self._names.remove(name)
        self._loaded.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._names))

    def __len__(self) -> int:
        return len(self._names)

    def __contains__(self, name: object) -> bool:
        return name in self._names

    def short_help(self, name: str, limit: int) -> str:
        """The line `--help` shows for `name`: the loaded command's, else the registry's."""
        if name in self._loaded:
            return self._loaded[name].get_short_help_str(limit)
        from typer.core import TyperGroup  # shortened as Typer's own commands shorten theirs

        from coordinator.i18n import _

        entry = next(entry for entry in REGISTRY if entry.name == name)
        return TyperGroup(name=name, help=_(entry.help)).get_short_help_str(limit)

    def loaded(self) -> list[Any]:
        """The commands built so far (a help translates their texts, and builds no other)."""
        return list(self._loaded.values())
