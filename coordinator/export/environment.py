"""The Jinja environments of the export.

- Templates come from the user's folder (`--templates DIR` or the `templates_dir` setting)
  first, then the shipped `templates/`; everything runs in Jinja's sandbox, so a municipality's
  own template cannot reach Python internals (`__class__`, `os`).
- HTML and XML templates are autoescaped; Markdown output is escaped for Markdown; undefined
  variables are errors (`StrictUndefined`).
- Texts are translated with the i18n extension and the app's gettext catalogs.
- A broken template raises `TemplateProblem` (a user error) naming the template and line.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from types import TracebackType
from typing import Literal

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from markupsafe import Markup

from coordinator.i18n import _, translations_for
from coordinator.store.errors import Invalid

Flavour = Literal["html", "md", "txt"]

_PACKAGE_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
_REPO_TEMPLATES = Path(__file__).resolve().parent.parent.parent / "templates"

#: Control characters other than tab and newline: never wanted in a document or a file name.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: Characters Markdown could read as markup (CommonMark backslash-escapable punctuation subset).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~&])")
#: What makes a line a list item, a rule or a heading underline ("3. december", "- ", "==").
_BLOCK_START = re.compile(r"^(\s*)(?:([-+=])|(\d+)([.)]))", re.MULTILINE)


def _escape_block_start(match: re.Match[str]) -> str:
    indent, marker, digits, dot = match.groups()
    return f"{indent}\\{marker}" if marker else f"{indent}{digits}\\{dot}"


class TemplateProblem(Invalid):
    """A template could not be loaded or rendered; the message names the template and line."""


def templates_root() -> Path:
    """The shipped templates: inside the installed package (wheel), else the repository's."""
    if _PACKAGE_TEMPLATES.is_dir():
        return _PACKAGE_TEMPLATES
    return _REPO_TEMPLATES


def clean_text(value: object) -> str:
    """A value as text without control characters (kept: tab and newline)."""
    return CONTROL_CHARS.sub("", "" if value is None else str(value))


def escape_markdown(value: object) -> str:
    """Text that Markdown shows literally: markup characters are backslash-escaped."""
    if isinstance(value, _Markdown):
        return str(value)
    escaped = _MD_SPECIAL.sub(r"\\\1", clean_text(value))
    # A value at the start of a line ("3. december 2026", a citizen's "1. ..." or "- ...")
    # must not turn the line into a list: the backslash shows the character as it is.
    return _BLOCK_START.sub(_escape_block_start, escaped)


def chunks(value: object, size: int = 700) -> list[str]:
    """Text cut into pieces of at most about `size` characters, at a line, sentence or word
    boundary: a PDF table row cannot be taller than a page, so long cell text becomes
    continuation rows. Empty text is one empty piece."""
    text = clean_text(value).strip()
    pieces: list[str] = []
    while len(text) > size:
        window = text[:size]
        cut = max(window.rfind("\n"), window.rfind(". ") + 1, window.rfind("! ") + 1)
        if cut < size // 3:
            cut = window.rfind(" ")
        if cut < size // 3:
            cut = size
        pieces.append(text[:cut].strip())
        text = text[cut:].strip()
    pieces.append(text)
    return pieces


class _Markdown(str):
    """Text already meant as Markdown (the output of a nested render); not escaped again."""


def _finalize_for(flavour: Flavour):  # noqa: ANN202 - a finalize callable
    clean = {"md": escape_markdown, "txt": clean_text}.get(flavour, _finalize_html)

    def finalize(value: object) -> object:
        shown = clean(value)
        _spend(len(shown) if isinstance(shown, str) else 0)
        return shown

    return finalize


#: What a render may still write (characters), when it is bounded (`render_here(max_chars=)`).
_BUDGET: ContextVar[list[int] | None] = ContextVar("template_budget", default=None)


class OutputTooLarge(SecurityError):
    """A template wrote more than a document can sensibly hold."""


def _spend(size: int) -> None:
    """Count what a template writes; past the budget, stop it (inside the template, so the
    error carries the template's line)."""
    budget = _BUDGET.get()
    if budget is None:
        return
    budget[0] -= size
    if budget[0] < 0:
        raise OutputTooLarge(
            _("the document would be larger than {size} MB").format(size=MAX_CHARS // 1_000_000)
        )


#: The most a rendered document may hold (characters): an agreement is some 50,000.
MAX_CHARS = 20_000_000
#: The largest number `**` may make (bits): enough for any date or count.
_MAX_POWER_BITS = 256


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """Jinja's sandbox that also refuses, before computing it, a `*` or `**` whose result would
    be huge (`'A' * 1024**3` would take gigabytes at once), and lets no template change a list
    or dict in place (an `append` inside a `for` over the same list never ends)."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context, operator: str, left: object, right: object) -> object:  # noqa: ANN001
        if operator == "**" and _ints(left, right) and abs(left) > 1:  # type: ignore[arg-type]
            if right * abs(left).bit_length() > _MAX_POWER_BITS:  # type: ignore[operator]
                raise SecurityError(_("the number {a} ** {b} is too large").format(a=left, b=right))
        if operator == "*":
            size = _repeated_size(left, right)
            if size is not None and size > MAX_CHARS:
                raise OutputTooLarge(
                    _("the document would be larger than {size} MB").format(
                        size=MAX_CHARS // 1_000_000
                    )
                )
        return super().call_binop(context, operator, left, right)


def _ints(*values: object) -> bool:
    return all(isinstance(value, int) and not isinstance(value, bool) for value in values)


def _repeated_size(left: object, right: object) -> int | None:
    """The length of `sequence * count` (either order), or None for numbers."""
    for seq, count in ((left, right), (right, left)):
        if isinstance(seq, str | list | tuple) and _ints(count):
            return len(seq) * max(int(count), 0)  # type: ignore[call-overload]
    return None


def _finalize_html(value: object) -> object:
    """Drop control characters; translated or escaped text (Markup) stays Markup."""
    if isinstance(value, Markup):
        return Markup(CONTROL_CHARS.sub("", value))
    return clean_text(value) if isinstance(value, str) else value


@cache
def environment(
    language: str, flavour: Flavour = "html", user_dir: str | None = None
) -> ImmutableSandboxedEnvironment:
    """The (cached) environment for one language, output flavour and user template folder."""
    folders = [str(Path(user_dir).expanduser())] if user_dir else []
    folders.append(str(templates_root()))
    env = BoundedSandbox(
        loader=jinja2.FileSystemLoader(folders),
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html", "htm", "xml", "html.j2", "xml.j2"),
            default_for_string=flavour == "html",
            default=False,
        ),
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_finalize_for(flavour),
    )
    env.install_gettext_translations(translations_for(language), newstyle=True)  # type: ignore[attr-defined]
    env.filters["md"] = escape_markdown
    env.filters["lines"] = lambda value: clean_text(value).splitlines()
    env.filters["chunks"] = chunks
    return env


def render_template(
    name: str, context: dict[str, object], flavour: Flavour, user_dir: str | None = None
) -> str:
    """Render template `name` with `context`; any template error becomes `TemplateProblem`.

    With a user's template folder, the render runs in a child process with a time, memory and
    size limit (`export.template_child`): a municipality's template may loop for ever or ask
    for gigabytes, and neither may hang or fill the machine. The shipped templates are ours
    and render here (the agreement screen's read-back renders on every change)."""
    if user_dir:
        from coordinator.export.template_child import render_in_child

        return render_in_child(name, context, flavour, user_dir)
    return render_here(name, context, flavour, user_dir)


def render_here(
    name: str,
    context: dict[str, object],
    flavour: Flavour,
    user_dir: str | None = None,
    max_chars: int | None = None,
) -> str:
    """Render in this process; with `max_chars`, stop a template that writes more."""
    language = str(context.get("language", "da"))
    env = environment(language, flavour, user_dir)
    token = _BUDGET.set([max_chars] if max_chars is not None else None)
    try:
        template = env.get_template(name)
        return template.render(context)
    except jinja2.TemplateNotFound as exc:
        raise TemplateProblem(
            _("Template {name} was not found.").format(name=exc.name or name)
        ) from None
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateProblem(
            _("Template {name}, line {line}: {reason}").format(
                name=exc.name or name, line=exc.lineno, reason=exc.message
            )
        ) from None
    except Exception as exc:  # noqa: BLE001 - whatever a template does wrong is one line
        raise template_problem(exc, name) from None
    finally:
        _BUDGET.reset(token)


def template_problem(exc: BaseException, name: str) -> TemplateProblem:
    """The one line for an error raised while a template ran: the template and line where it
    happened (a deep recursion, a too-big range, the time limit, a division by zero)."""
    where, line = _template_frame(exc.__traceback__, name)
    if isinstance(exc, jinja2.TemplateError):
        reason = exc.message or type(exc).__name__
    elif isinstance(exc, RecursionError):
        reason = _("it calls itself without end (a macro or an include of itself)")
    elif isinstance(exc, MemoryError):
        reason = _("it needs too much memory")
    else:
        reason = f"{type(exc).__name__}: {exc}"
    reason = " ".join(str(reason).split())[:200]
    return TemplateProblem(
        _("Template {name}, line {line}: {reason}").format(name=where, line=line, reason=reason)
    )


def _template_frame(tb: TracebackType | None, fallback: str) -> tuple[str, object]:
    """The innermost template frame of a render error: Jinja rewrites tracebacks so that
    template frames carry the template's file name and line."""
    where, line = fallback, "?"
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2") or filename == "<template>":
            where, line = Path(filename).name, tb.tb_lineno
        tb = tb.tb_next
    return where, line
