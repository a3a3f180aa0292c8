"""The agreement as a Word document, rendered from the Word template `agreement.docx`
(docxtpl: Jinja tags inside a real .docx), so a municipality changes the logo, layout and
wording in Word without code. A copy in the `--templates` folder (or the `templates_dir`
setting) wins over the shipped one, as for the other templates.

The shipped template is A4 with Danish (da-DK) proofing, page numbers in the footer and a
repeated header row on the items tables (made by `scripts/make_agreement_docx.py`). The
document's metadata says who wrote the agreement and when its version was made, not which
library wrote the file.
"""

from __future__ import annotations

import io
from datetime import date, datetime, time
from pathlib import Path

from coordinator.export.context import Context
from coordinator.export.environment import TemplateProblem, clean_text, templates_root
from coordinator.i18n import _, translations_for

TEMPLATE = "agreement.docx"


def template_path(templates_dir: str | None = None) -> Path:
    """The user's `agreement.docx` when the templates folder has one, else the shipped one."""
    if templates_dir:
        own = Path(templates_dir).expanduser() / TEMPLATE
        if own.is_file():
            return own
    return templates_root() / TEMPLATE


def _cleaned(value: object) -> object:
    """Every text of the context without control characters, which Word refuses as XML."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {key: _cleaned(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_cleaned(item) for item in value]
    return value


def _listings(context: Context) -> Context:
    """Texts that may hold line breaks, as docxtpl Listings (a break stays a break)."""
    from docxtpl import Listing

    agreement = dict(context["agreement"])
    agreement["citizen_words"] = Listing(agreement["citizen_words"])
    sections = [
        {**section, "items": [{**item, "text": Listing(item["text"])} for item in section["items"]]}
        for section in context["sections"]
    ]
    return {**context, "agreement": agreement, "sections": sections}


def agreement_docx(context: Context, templates_dir: str | None = None) -> bytes:
    """A .docx of the agreement context (`export.agreement_context.agreement_context`); a
    user's own Word template renders in a bounded child process (`export.template_child`)."""
    path = template_path(templates_dir)
    if templates_dir and path != templates_root() / TEMPLATE:
        from coordinator.export.template_child import docx_in_child

        return docx_in_child(path.name, context, templates_dir)
    return render_docx(context, templates_dir)


def render_docx(context: Context, templates_dir: str | None = None) -> bytes:
    """Render the Word template here (the shipped one, or in the bounded child)."""
    import jinja2
    from docxtpl import DocxTemplate

    from coordinator.export.environment import BoundedSandbox

    path = template_path(templates_dir)
    env = BoundedSandbox(undefined=jinja2.StrictUndefined, extensions=["jinja2.ext.i18n"])
    env.install_gettext_translations(translations_for(context["language"]), newstyle=True)  # type: ignore[attr-defined]
    try:
        document = DocxTemplate(str(path))
        document.render(_listings(_cleaned(context)), env, autoescape=True)
    except jinja2.TemplateError as exc:
        raise TemplateProblem(
            _("Template {name}: {reason}").format(name=path.name, reason=exc.message or exc)
        ) from None
    except RecursionError:
        raise TemplateProblem(
            _("Template {name}: {reason}").format(
                name=path.name,
                reason=_("it calls itself without end (a macro or an include of itself)"),
            )
        ) from None
    _properties(document.docx.core_properties, context)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _properties(properties, context: Context) -> None:  # noqa: ANN001 - docx CoreProperties
    """Title, author, language and dates of the agreement itself."""
    agreement = context["agreement"]
    made = agreement.get("finalised_on") or context["day"]["date"]
    moment = datetime.combine(date.fromisoformat(made), time(12, 0))
    properties.title = clean_text(context["document"]["title"])
    properties.author = properties.last_modified_by = clean_text(context["author"]["name"])
    properties.language = "da-DK" if context["language"] == "da" else "en-GB"
    properties.created = properties.modified = moment
    properties.revision = int(agreement["version"])
    properties.comments = ""
    properties.subject = clean_text(context["letterhead"]["jobcentre"])
