"""The command line's help in the language of the run (Danish by default, `--lang en`).

Typer takes every command's and option's help text when the command tree is built, before the
language is known (`--lang` is an option of that tree, and `--help` is answered before the root
callback that sets the language runs). So the texts stay English msgids in the code, and are
translated when help is shown: `install()` wraps Typer's `format_help` (every command and group
of the tree uses it, however and whenever it was registered) to choose the language first
(the root's `--lang` as typed, else `COORDINATOR_LANG`, else Danish) and translate the help of
the command, of its options and arguments, and the one-line help of its sub-commands; Typer's own
headings ("Options", "Commands", "default: …") go through the same catalogs. Nothing else is
imported: `coordinator --help` stays as fast as before. The Danish texts are in
`locale/da/LC_MESSAGES/ui_defects.po`.
"""

from __future__ import annotations

import os
from typing import Any

from coordinator.i18n import DEFAULT_LANGUAGE, LANGUAGES, _, set_language

#: Where the root's own arguments are kept for the help (parsed before `--lang` is handled).
_ARGS = "coordinator.args"


def install() -> None:
    """Translate every help text shown from now on (idempotent)."""
    import typer.core as typer_core

    if getattr(typer_core, "_coordinator_help", False):
        return
    typer_core._coordinator_help = True  # type: ignore[attr-defined]
    typer_core._ = _  # type: ignore[attr-defined] - Typer's own headings, through our catalogs
    for cls in (typer_core.TyperCommand, typer_core.TyperGroup):
        cls.format_help = _translating(cls.format_help)  # type: ignore[method-assign]
    parse = typer_core.TyperGroup.parse_args

    def keeping_args(self: Any, ctx: Any, args: list[str]) -> list[str]:  # noqa: ANN401
        """Typer's own parsing, with the root's arguments kept for `language_of`."""
        if ctx.parent is None:
            ctx.meta[_ARGS] = list(args)
        return parse(self, ctx, args)

    typer_core.TyperGroup.parse_args = keeping_args  # type: ignore[method-assign]


def _translating(format_help: Any) -> Any:  # noqa: ANN401 - Typer's method
    def translated(self: Any, ctx: Any, formatter: Any) -> None:  # noqa: ANN401
        set_language(language_of(ctx))
        _translate(self, ctx)
        return format_help(self, ctx, formatter)

    return translated


def language_of(ctx: Any) -> str:  # noqa: ANN401 - a Click context
    """The language of this run: `--lang` as given (the root callback may not have run yet:
    `coordinator --lang en --help`), else `COORDINATOR_LANG`, else Danish."""
    root = ctx.find_root()
    chosen = root.params.get("lang")
    if chosen is None:
        args = root.meta.get(_ARGS, [])
        for index, arg in enumerate(args):
            if arg == "--lang" and index + 1 < len(args):
                chosen = args[index + 1]
            elif arg.startswith("--lang="):
                chosen = arg.split("=", 1)[1]
    chosen = chosen or os.environ.get("COORDINATOR_LANG") or DEFAULT_LANGUAGE
    return chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE


def _translate(command: Any, ctx: Any) -> None:  # noqa: ANN401 - a Click command
    """The command's, its parameters' and its sub-commands' help texts, in this run's language.

    The top-level commands are built once per process (cli/lazy.py) and may show their help
    more than once (tests run many commands in one process), so each text is translated from
    its English original, kept beside it, never from an earlier translation."""
    _texts(command, ("help", "short_help", "epilog"))
    for parameter in command.get_params(ctx):
        _texts(parameter, ("help",))
    for sub in _built_subcommands(command, ctx):
        _texts(sub, ("help", "short_help", "epilog"))


def _built_subcommands(command: Any, ctx: Any) -> list[Any]:  # noqa: ANN401 - Click's
    """The sub-commands whose help lines are shown, without building the lazy ones: the root's
    registry lines are translated where they are shown (`LazyCommands.short_help`)."""
    from coordinator.cli.lazy import LazyCommands

    commands = getattr(command, "commands", None)
    if isinstance(commands, LazyCommands):
        return commands.loaded()
    names = getattr(command, "list_commands", lambda _ctx: [])(ctx)
    return [sub for name in names if (sub := command.get_command(ctx, name)) is not None]


#: Where a command or parameter keeps its English texts once they have been translated.
_ORIGINALS = "_coordinator_english_help"


def _texts(thing: Any, attributes: tuple[str, ...]) -> None:  # noqa: ANN401 - Click's
    originals = getattr(thing, _ORIGINALS, None)
    if originals is None:
        originals = {attribute: getattr(thing, attribute, None) for attribute in attributes}
        setattr(thing, _ORIGINALS, originals)
    for attribute, text in originals.items():
        if text:
            setattr(thing, attribute, _(text))
