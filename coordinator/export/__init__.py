"""Export: one template context per document, Jinja templates, one renderer per format.

`context` builds the dictionaries (no Textual, no Jinja); `environment` makes the Jinja
environments; `render` turns a context into text (HTML, Markdown, plain text); `pdf`, `docx`
and `ics` make the binary and calendar formats; `files` writes them safely; `jobs` ties it
together for the CLI and the export dialog.
"""
