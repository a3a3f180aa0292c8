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
import sys
from functools import cache
from pathlib import Path
from types import TracebackType
from typing import Literal

import jinja2
from jinja2.sandbox import SandboxedEnvironment
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
    return _MD_SPECIAL.sub(r"\\\1", clean_text(value))


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
    if flavour == "md":
        return escape_markdown
    if flavour == "txt":
        return clean_text
    return _finalize_html


def _finalize_html(value: object) -> object:
    """Drop control characters; translated or escaped text (Markup) stays Markup."""
    if isinstance(value, Markup):
        return Markup(CONTROL_CHARS.sub("", value))
    return clean_text(value) if isinstance(value, str) else value


@cache
def environment(
    language: str, flavour: Flavour = "html", user_dir: str | None = None
) -> SandboxedEnvironment:
    """The (cached) environment for one language, output flavour and user template folder."""
    folders = [str(Path(user_dir).expanduser())] if user_dir else []
    folders.append(str(templates_root()))
    env = SandboxedEnvironment(
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
    """Render template `name` with `context`; any template error becomes `TemplateProblem`."""
    language = str(context.get("language", "da"))
    env = environment(language, flavour, user_dir)
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
    except jinja2.TemplateError as exc:
        where, line = _template_frame(sys.exc_info()[2], name)
        raise TemplateProblem(
            _("Template {name}, line {line}: {reason}").format(
                name=where, line=line, reason=exc.message or type(exc).__name__
            )
        ) from None


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
