"""Writing exported files: atomically, owner-only (0600), never silently overwriting.

A file is written to a temporary file in the target folder and then linked into place, which
fails instead of overwriting when the name is taken; the next free name `name (2).ext` is used
then, unless `force` is given (then the old file is atomically replaced). Names are made safe:
no path separators, no control characters, no leading dot.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path

from coordinator.domain.names import initials
from coordinator.i18n import _
from coordinator.store.errors import Invalid, StoreError

_UNSAFE = re.compile(r"[^\w\-.()]+")
MAX_STEM = 100


def default_folder() -> Path:
    """The default export folder: `Step-up` in the user's documents folder."""
    from platformdirs import user_documents_path

    return user_documents_path() / "Step-up"


def safe_stem(*parts: object) -> str:
    """A file-name stem from parts (date, document, case, initials), safe on every system."""
    words = []
    for part in parts:
        text = unicodedata.normalize("NFC", str(part))
        text = _UNSAFE.sub("-", text).strip("-.")
        if text:
            words.append(text)
    stem = "_".join(words)[:MAX_STEM].strip("-._")
    return stem or "export"


def initials_for_file(name: str) -> str:
    """`Mads Eriksen` → `ME`: the initials (`domain/names`) without dots, `X` for a name
    without letters (a file name shows no "?")."""
    return initials(name, dots=False, unknown="X")


def target_folder(out: Path | None) -> Path:
    """The folder to write into: `out` when it is (or looks like) a folder, else its parent."""
    if out is None:
        return default_folder()
    out = out.expanduser()
    if out.is_dir() or not out.suffix:
        return out
    return out.parent


def _ensure_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise Invalid(
            _("Cannot create the folder {folder}: {reason}").format(
                folder=folder, reason=exc.strerror
            )
        ) from None
    if not folder.is_dir():
        raise Invalid(_("{folder} is not a folder.").format(folder=folder))


def _candidates(path: Path):  # noqa: ANN202 - Iterator[Path]
    yield path
    suffixes = "".join(path.suffixes[-1:])
    stem = path.name[: len(path.name) - len(suffixes)] if suffixes else path.name
    for number in range(2, 1000):
        yield path.with_name(f"{stem} ({number}){suffixes}")


class ExportIncomplete(Invalid):
    """Some formats were written, one or more could not be made: `written` says where the
    good ones went, the message (one line) which format failed and why."""

    def __init__(self, message: str, written: list[Path]) -> None:
        super().__init__(message)
        self.written = written


def write_formats(
    paths: dict[str, Path], make: Callable[[str], bytes], force: bool = False
) -> list[Path]:
    """Make and write each format on its own, so one failing format (a PDF the layout engine
    cannot draw, a broken user template) never stops the others. Raises `ExportIncomplete`
    after writing all that worked; a user error keeps its message, anything else becomes one
    line naming the format (never a traceback)."""
    written: list[Path] = []
    failed: list[str] = []
    for fmt, path in paths.items():
        try:
            written.append(write_file(path, make(fmt), force))
        except StoreError as exc:
            failed.append(f"{fmt.upper()}: {exc}")
        except Exception as exc:  # noqa: BLE001 - a renderer's bug must not stop the rest
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            failed.append(f"{fmt.upper()}: {reason}")
    if failed:
        message = _("Could not make {formats}").format(formats="; ".join(failed))
        if written:
            message += " " + _("(the other formats were written)")
        raise ExportIncomplete(message, written)
    return written


def write_file(path: Path, data: bytes, force: bool = False) -> Path:
    """Write `data` to `path` atomically with mode 0600 and return where it went.

    Without `force` an existing file is never replaced: the first free `name (N).ext` is used.
    """
    if "/" in path.name or "\\" in path.name or not path.name.strip(". "):
        raise Invalid(_("Not a safe file name: {name}").format(name=path.name))
    folder = path.parent
    _ensure_folder(folder)
    try:
        return _write_new(path, data, force)
    except OSError as exc:  # a read-only folder, a full disk, a share that went away
        raise Invalid(
            _("Cannot write {path}: {reason}").format(path=path, reason=exc.strerror or exc)
        ) from None


def _write_new(path: Path, data: bytes, force: bool) -> Path:
    folder = path.parent
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".export-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o600)
        if force:
            os.replace(temporary, path)
            return path
        for candidate in _candidates(path):
            try:
                os.link(temporary, candidate)
            except FileExistsError:
                continue
            except OSError:
                # No hard links here (some USB sticks, network shares): check, then rename.
                if candidate.exists():
                    continue
                os.replace(temporary, candidate)
                return candidate
            return candidate
        raise Invalid(_("Too many files named like {name}.").format(name=path.name))
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
