"""The directory of professionals: add, find, update, deactivate, import from CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from sqlmodel import Session, col, func, select

from coordinator.domain.contact import email_problem, phone_problem
from coordinator.domain.limits import MAX_NAME, check_length
from coordinator.domain.search import matches, name_key
from coordinator.domain.text import clean_line
from coordinator.domain.vocab import PROFESSION_LABELS, Profession, parse_profession
from coordinator.i18n import LANGUAGES, _, translate
from coordinator.store import audit
from coordinator.store.database import Store
from coordinator.store.errors import Invalid, NotFound
from coordinator.store.models import Person

#: The columns `people import` reads; only `name` and `profession` are required.
CSV_COLUMNS = (
    "name",
    "profession",
    "department",
    "email",
    "phone",
    "decision_authority",
    "fixed_representative",
)
#: A directory of people is a few hundred lines; a file far larger is not one.
MAX_CSV_BYTES = 10_000_000
#: Danish (and other usual) header names of the columns, as Danish Excel files have them.
CSV_HEADER_ALIASES = {
    "navn": "name",
    "fulde navn": "name",
    "faggruppe": "profession",
    "fag": "profession",
    "stilling": "profession",
    "afdeling": "department",
    "e-mail": "email",
    "mail": "email",
    "telefon": "phone",
    "tlf": "phone",
    "tlf.": "phone",
    "telefonnummer": "phone",
    "beslutningskompetence": "decision_authority",
    "kompetence": "decision_authority",
    "fast repræsentant": "fixed_representative",
    "fast_repræsentant": "fixed_representative",
    "repræsentant": "fixed_representative",
}
_TRUE = {"1", "true", "yes", "y", "ja", "j", "x"}
_FALSE = {"", "0", "false", "no", "n", "nej"}


@dataclass(frozen=True)
class PersonInput:
    """A person as typed or imported, before it is stored."""

    name: str
    profession: Profession
    department: str = ""
    email: str = ""
    phone: str = ""
    decision_authority: bool = False
    fixed_representative: bool = False


@dataclass(frozen=True)
class PersonRecord:
    """A person of the directory as the store hands it out: plain values, the profession
    parsed. Screens and commands get these, never the table row."""

    id: int
    name: str
    profession: Profession
    department: str = ""
    email: str = ""
    phone: str = ""
    decision_authority: bool = False
    fixed_representative: bool = False
    active: bool = True


def person_record(person: Person) -> PersonRecord:
    """The plain record of a stored person (one conversion, here at the store's edge)."""
    return PersonRecord(
        id=person.id or 0,
        name=person.name,
        profession=Profession(person.profession),
        department=person.department,
        email=person.email,
        phone=person.phone,
        decision_authority=person.decision_authority,
        fixed_representative=person.fixed_representative,
        active=person.active,
    )


def add_person(store: Store, data: PersonInput) -> PersonRecord:
    """Add a person; a person with the same name and e-mail is returned, not doubled. The
    name is cleaned before it is looked up (a NUL byte cannot even be sent to PostgreSQL)."""
    name = clean_line(data.name)
    if not name:
        raise Invalid(_("A person needs a name."))
    _check_contact(data.email, data.phone)
    with store.session() as session:
        existing = _find_duplicate(session, name, clean_line(data.email))
        if existing is not None:
            return person_record(existing)
        now = store.now()
        person = Person(
            name=name,
            profession=data.profession.value,
            department=data.department.strip(),
            email=data.email.strip(),
            phone=data.phone.strip(),
            decision_authority=data.decision_authority,
            fixed_representative=data.fixed_representative,
            created_at=now,
            updated_at=now,
        )
        session.add(person)
        session.flush()
        audit.record(store, session, "add", "person", person.id)
        return person_record(person)


def _check_contact(email: str = "", phone: str = "") -> None:
    """One line saying what is wrong with an e-mail address or phone number, as `Invalid`."""
    problem = email_problem(email) or phone_problem(phone)
    if problem:
        raise Invalid(problem)


def update_person(store: Store, person_id: int, **changes: object) -> PersonRecord:
    """Change fields of a person (name, profession, department, email, phone, flags)."""
    allowed = set(CSV_COLUMNS) | {"active"}
    unknown = set(changes) - allowed
    if unknown:
        raise Invalid(_("Unknown field: {fields}").format(fields=", ".join(sorted(unknown))))
    with store.session() as session:
        person = session.get(Person, person_id)
        if person is None:
            raise NotFound(_("No person with id {id}.").format(id=person_id))
        for field, value in changes.items():
            if field == "profession":
                value = parse_profession(str(value)).value
            if field == "name" and not str(value).strip():
                raise Invalid(_("A person needs a name."))
            if field in ("email", "phone"):
                _check_contact(**{field: str(value)})
            setattr(person, field, value.strip() if isinstance(value, str) else value)
        person.updated_at = store.now()
        session.add(person)
        audit.record(store, session, "update", "person", person_id, ",".join(sorted(changes)))
        return person_record(person)


def set_active(store: Store, person_id: int, active: bool) -> PersonRecord:
    """Deactivate (or reactivate) a person: kept for history, hidden from new rosters."""
    return update_person(store, person_id, active=active)


def _profession_names(profession: Profession) -> tuple[str, ...]:
    label = PROFESSION_LABELS[profession]
    return (profession.value, *(translate(label, language) for language in LANGUAGES))


def list_people(
    store: Store, include_inactive: bool = False, search: str = ""
) -> list[PersonRecord]:
    """People sorted by name; `search` matches name, profession (its id and its name in each
    language: "Sygeplejerske" and "nurse" both find a nurse), department or e-mail."""
    with store.session() as session:
        statement = select(Person).order_by(func.lower(Person.name))
        if not include_inactive:
            statement = statement.where(Person.active == True)  # noqa: E712 - SQL expression
        people = [person_record(p) for p in session.exec(statement)]
    if search:
        people = [
            p
            for p in people
            if matches(search, p.name, *_profession_names(p.profession), p.department, p.email)
        ]
    return people


def get_person(store: Store, person_id: int) -> PersonRecord:
    with store.session() as session:
        person = session.get(Person, person_id)
        if person is None:
            raise NotFound(_("No person with id {id}.").format(id=person_id))
        return person_record(person)


def find_person(store: Store, name: str, session: Session | None = None) -> Person:
    """The one active person with this name (case-insensitive), or a clear error.

    The row itself, for other store modules working inside `session`."""
    if session is None:
        with store.session() as own:
            return find_person(store, name, own)
    wanted = clean_line(name)
    named = persons_named(session, wanted)
    active = [p for p in named if p.active] or named
    if not active:
        raise NotFound(
            _("No person named {name!r} in the directory; add them with 'people add'.").format(
                name=wanted
            )
        )
    if len(active) > 1:
        raise Invalid(
            _("{count} people are named {name!r}; rename one of them first.").format(
                count=len(active), name=wanted
            )
        )
    return active[0]


def persons_named(session: Session, name: str) -> list[Person]:
    """Everyone whose name is `name`, letter case and Unicode form aside (see `name_key`)."""
    wanted = name_key(name)
    return [p for p in session.exec(select(Person)) if name_key(p.name) == wanted]


def _find_duplicate(session: Session, name: str, email: str) -> Person | None:
    email_key = name_key(email)
    return next((p for p in persons_named(session, name) if name_key(p.email) == email_key), None)


def _parse_flag(value: str, column: str) -> bool:
    folded = value.strip().casefold()
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    raise ValueError(
        _("{column} must be yes or no, not {value!r}").format(column=column, value=value)
    )


@dataclass(frozen=True)
class ImportResult:
    added: int
    duplicates: int
    #: The encoding the file was read in ("UTF-8" or "Windows-1252").
    encoding: str = "UTF-8"


#: The problems an import names in its one-line message (a broken file can have thousands).
_SHOWN_PROBLEMS = 10


class ImportFailed(Invalid):
    """At least one line is bad; `problems` lists each as (line number, reason)."""

    def __init__(self, problems: list[tuple[int, str]]) -> None:
        shown = problems[:_SHOWN_PROBLEMS]
        lines = "; ".join(_("line {line}: {reason}").format(line=n, reason=r) for n, r in shown)
        if len(problems) > len(shown):
            lines += "; " + _("and {count} more").format(count=len(problems) - len(shown))
        super().__init__(_("Nothing was imported. {problems}").format(problems=lines))
        self.problems = problems


def _column(heading: str) -> str:
    """The column a header names, in English or Danish ("Navn", "Faggruppe", "E-mail")."""
    folded = heading.strip().casefold()
    return CSV_HEADER_ALIASES.get(folded, folded.replace(" ", "_"))


def read_csv_text(path: Path) -> tuple[str, str]:
    """The file's text and the encoding it was read in: UTF-8 (with or without a BOM) or, when
    the bytes are not UTF-8, Windows-1252, which Danish Excel writes ("Gem som CSV")."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "Windows-1252"


def parse_people_csv(text: str) -> list[PersonInput]:
    """Read people from CSV text (comma or semicolon, header row required).

    Raises `ImportFailed` listing every bad line, so a user fixes the file in one go.
    """
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    try:
        header = [_column(clean_line(h)) for h in (reader.fieldnames or [])]
    except csv.Error as exc:
        raise ImportFailed(
            [(1, _("cannot be read as CSV ({reason})").format(reason=exc))]
        ) from None
    missing = [c for c in ("name", "profession") if c not in header]
    if missing:
        raise ImportFailed(
            [
                (
                    1,
                    _("the header must name the columns {columns}").format(
                        columns=", ".join(CSV_COLUMNS)
                    ),
                )
            ]
        )
    unknown = [h for h in header if h not in CSV_COLUMNS]
    if unknown:
        raise ImportFailed(
            [(1, _("unknown columns: {columns}").format(columns=", ".join(unknown)))]
        )
    reader.fieldnames = header
    people: list[PersonInput] = []
    problems: list[tuple[int, str]] = []
    for line, row in _rows(reader, problems):
        if None in row:
            problems.append((line, _("more fields than the header has")))
            continue
        # The store's edge cleans again; cleaning here too makes the duplicate check and the
        # line numbers of the problems right.
        values = {k: clean_line(v or "") for k, v in row.items()}
        if not any(values.values()):
            continue
        try:
            if not values.get("name"):
                raise ValueError(_("the name is empty"))
            for column, value in values.items():
                check_length(value, MAX_NAME, column)
            contact = email_problem(values.get("email", "")) or phone_problem(
                values.get("phone", "")
            )
            if contact:
                raise ValueError(contact)
            people.append(
                PersonInput(
                    name=values["name"],
                    profession=parse_profession(values.get("profession", "")),
                    department=values.get("department", ""),
                    email=values.get("email", ""),
                    phone=values.get("phone", ""),
                    decision_authority=_parse_flag(
                        values.get("decision_authority", ""), "decision_authority"
                    ),
                    fixed_representative=_parse_flag(
                        values.get("fixed_representative", ""), "fixed_representative"
                    ),
                )
            )
        except ValueError as exc:
            problems.append((line, str(exc)))
    if problems:
        raise ImportFailed(problems)
    return people


def _rows(
    reader: csv.DictReader[str], problems: list[tuple[int, str]]
) -> Iterator[tuple[int, dict[str, str]]]:
    """The rows of `reader` with their line numbers; a line the csv module cannot read (a
    field over its size limit, a quote never closed) ends the reading as a problem of that
    line rather than a traceback."""
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            problems.append(
                (reader.line_num + 1, _("cannot be read as CSV ({reason})").format(reason=exc))
            )
            return
        yield reader.line_num, row


def import_people(store: Store, path: Path) -> ImportResult:
    """Import a CSV file all-or-nothing; people already in the directory are not doubled."""
    try:
        if path.stat().st_size > MAX_CSV_BYTES:
            raise Invalid(
                _("{path} is too large for a list of people (at most {limit} MB).").format(
                    path=path, limit=MAX_CSV_BYTES // 1_000_000
                )
            )
        text, encoding = read_csv_text(path)
    except FileNotFoundError as exc:
        raise NotFound(_("No such file: {path}").format(path=path)) from exc
    except OSError as exc:
        raise Invalid(
            _("Cannot read {path}: {reason}").format(path=path, reason=exc.strerror)
        ) from exc
    people = parse_people_csv(text)
    return replace(_store_all(store, people), encoding=encoding)


def _store_all(store: Store, people: Iterable[PersonInput]) -> ImportResult:
    added = duplicates = 0
    seen: set[tuple[str, str]] = set()
    with store.session() as session:
        now = store.now()
        for data in people:
            key = (data.name.casefold(), data.email.casefold())
            if key in seen or _find_duplicate(session, data.name, data.email) is not None:
                duplicates += 1
                continue
            seen.add(key)
            session.add(
                Person(
                    name=data.name,
                    profession=data.profession.value,
                    department=data.department,
                    email=data.email,
                    phone=data.phone,
                    decision_authority=data.decision_authority,
                    fixed_representative=data.fixed_representative,
                    created_at=now,
                    updated_at=now,
                )
            )
            added += 1
        audit.record(store, session, "import", "person", None, f"added={added}")
    return ImportResult(added=added, duplicates=duplicates)


def count_people(store: Store) -> int:
    with store.session() as session:
        return session.exec(select(func.count(col(Person.id)))).one()
