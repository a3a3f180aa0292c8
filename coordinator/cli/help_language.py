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
    """The command's, its parameters' and its sub-commands' help texts, translated in place
    (the tree is built anew for every run, so nothing outlives this one)."""
    _texts(command)
    for parameter in command.get_params(ctx):
        if getattr(parameter, "help", None):
            parameter.help = _(parameter.help)
    for name in getattr(command, "list_commands", lambda _ctx: [])(ctx):
        sub = command.get_command(ctx, name)
        if sub is not None:
            _texts(sub)


def _texts(command: Any) -> None:  # noqa: ANN401 - a Click command
    for attribute in ("help", "short_help", "epilog"):
        text = getattr(command, attribute, None)
        if text:
            setattr(command, attribute, _(text))
