"""The citizen's insight file (right of access): the store's document as HTML and JSON.

The HTML is one self-contained page (no scripts, no external files), every value escaped,
table by table as `store/insight.py` gathered it; the JSON is the same document. Both are
written 0600 through `export/files.py` and recorded in the audit trail with their paths.
"""

from __future__ import annotations

import json
from pathlib import Path

from jinja2 import Environment

from coordinator.export.environment import clean_text
from coordinator.export.files import safe_stem, target_folder, write_file
from coordinator.i18n import _
from coordinator.store import audit
from coordinator.store.database import Store
from coordinator.store.insight import citizen_insight

_PAGE = """<!doctype html>
<html lang="{{ lang }}"><head><meta charset="utf-8">
<title>{{ title }}</title>
<style>
body { font-family: sans-serif; margin: 2em; max-width: 70em; }
table { border-collapse: collapse; margin-bottom: 1.5em; }
th, td { border: 1px solid #999; padding: .2em .5em; text-align: left; vertical-align: top; }
td { white-space: pre-wrap; }
</style></head><body>
<h1>{{ title }}</h1>
<p>{{ intro }}</p>
{% for name, rows in doc.tables.items() %}
<h2>{{ name }}</h2>
{% for row in rows %}<table>
{% for key, value in row.items() %}<tr><th>{{ key }}</th><td>{{ clean(value) }}</td></tr>
{% endfor %}</table>{% endfor %}
{% endfor %}
{% if doc.challenges %}<h2>{{ challenges }}</h2><ul>
{% for c in doc.challenges %}<li>{{ c.case_id }}: {{ c.kind }}</li>{% endfor %}</ul>{% endif %}
<h2>{{ trail }}</h2>
<table><tr>{% for k in columns %}<th>{{ k }}</th>{% endfor %}</tr>
{% for e in doc.audit %}<tr>{% for k in columns %}<td>{{ clean(e[k]) }}</td>{% endfor %}</tr>
{% endfor %}</table>
</body></html>
"""


def _clean(value: object) -> str:
    return "" if value is None else clean_text(value)


def insight_html(document: dict[str, object], language: str) -> bytes:
    environment = Environment(autoescape=True)
    page = environment.from_string(_PAGE).render(
        lang=language,
        doc=document,
        clean=_clean,
        title=_("What the step-up coordinator holds about citizen {id}").format(
            id=document["citizen_id"]
        ),
        intro=_(
            "Every row the app keeps about the citizen, table by table, as of {when}; then "
            "who read, changed or exported it and when."
        ).format(when=document["generated_at"]),
        challenges=_("Challenge kinds of the cases"),
        trail=_("Audit trail"),
        columns=("at", "actor", "action", "entity", "entity_id", "detail"),
    )
    return page.encode("utf-8")


def export_insight(
    store: Store, citizen_id: int, out: Path | None, language: str, force: bool = False
) -> list[Path]:
    """Write the insight as HTML and JSON (in `out`'s folder, named after `out` if a file)."""
    document = citizen_insight(store, citizen_id)
    out = out.expanduser() if out else None
    folder = target_folder(out)
    stem = out.stem if out is not None and folder != out else safe_stem("insight", citizen_id)
    written = [
        write_file(folder / f"{stem}.html", insight_html(document, language), force),
        write_file(
            folder / f"{stem}.json",
            (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
            force,
        ),
    ]
    audit.record_export(store, "insight", citizen_id, written, citizen_id=citizen_id)
    return written
