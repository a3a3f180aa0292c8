"""Remappable keys: every binding id with its default keys, and the `keymap` setting's rules.

The setting is a JSON object from binding id to keys, e.g. `{"day.next": "enter"}`; several
keys are separated by commas (`"n,escape"`). The App hands it to `App.set_keymap` at start.

The catalogue below repeats the ids and keys of the screens' `BINDINGS` so the store and the
CLI can check a keymap without importing Textual (`coordinator --help` stays fast);
tests/unit/test_keymap.py fails when the two drift apart. Only the standard library is imported.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Mapping
from typing import NamedTuple

from coordinator.i18n import N_, _


class KeyBinding(NamedTuple):
    id: str
    keys: str
    description: str
    #: The classes (screens, dialogs, the App) that declare the binding.
    owners: tuple[str, ...]


#: Per class, its bindings with an id: (id, default keys, description).
_BY_OWNER: dict[str, tuple[tuple[str, str, str], ...]] = {
    "CoordinatorApp": (
        ("quit", "ctrl+q", N_("Quit")),
        ("app.people", "f2", N_("People")),
    ),
    "DaysScreen": (
        ("days.open", "enter", N_("Open day")),
        ("days.new", "n", N_("New day")),
        ("days.people", "p", N_("People")),
        ("days.refresh", "r", N_("Refresh")),
        ("days.followup", "f", N_("Follow-up")),
        ("days.audit", "a", N_("Audit trail")),
        ("days.stats", "s", N_("Statistics")),
        ("days.queue", "k", N_("Queue")),
        ("days.undo-delete", "u,ctrl+z", N_("Undo delete")),
        ("days.first", "ctrl+home", N_("First day")),
        ("days.last", "ctrl+end", N_("Last day")),
    ),
    "StatsScreen": (
        ("stats.back", "escape", N_("Back")),
        ("stats.quarter", "k", N_("This quarter")),
        ("stats.year", "y", N_("Last 12 months")),
        ("stats.period", "slash", N_("Period")),
        ("stats.refresh", "ctrl+r", N_("Refresh")),
    ),
    "QueueScreen": (
        ("queue.plan", "p", N_("Plan onto a day")),
        ("queue.add", "n", N_("New referral")),
        ("queue.withdraw", "w", N_("Withdraw")),
        ("queue.refresh", "r", N_("Refresh")),
        ("queue.back", "escape", N_("Back")),
    ),
    "AuditScreen": (
        ("audit.back", "escape", N_("Back")),
        ("audit.refresh", "r", N_("Refresh")),
    ),
    "EraseDialog": (
        ("erase.cancel", "escape", N_("Cancel")),
        ("erase.confirm", "ctrl+e", N_("Erase")),
    ),
    "DayScreen": (
        ("day.next", "space", N_("Next step")),
        ("day.agreement", "g", N_("Agreement")),
        ("day.absent", "a", N_("Citizen absent")),
        ("day.cancel", "c", N_("Cancel case")),
        ("day.pull-forward", "f", N_("Pull forward")),
        ("day.open-case", "o", N_("Open case")),
        ("day.roster", "r", N_("Roster")),
        ("day.export", "x", N_("Export agenda")),
        ("day.add-case", "n", N_("Add case")),
        ("day.move-up", "shift+up", N_("Move up")),
        ("day.move-down", "shift+down", N_("Move down")),
        ("day.batch", "s", N_("Batch order")),
        ("day.start-pre-meeting", "p", N_("Start pre-meeting")),
        ("day.start-meeting", "m", N_("Start meeting")),
        ("day.end-meeting", "e", N_("End meeting")),
        ("day.refresh", "ctrl+r", N_("Refresh")),
        ("day.followup", "f3", N_("Ratings")),
        ("day.edit-case", "i", N_("Edit case")),
        ("day.edit-day", "d", N_("Edit day")),
        ("day.move-to-day", "v", N_("Move to day")),
        ("day.absent-held", "h", N_("Absent, held")),
        ("day.delete-case", "delete", N_("Delete case")),
        ("day.delete-day", "D,shift+d", N_("Delete day")),
        ("day.undo-delete", "u,ctrl+z", N_("Undo delete")),
        ("day.use-gap", "l", N_("Use gap")),
        ("day.back", "escape", N_("All days")),
    ),
    "GapDialog": (("gap.cancel", "escape", N_("Cancel")),),
    "InvitedChoiceDialog": (
        ("invited.keep", "k", N_("Keep times")),
        ("invited.move", "m", N_("Let them move")),
        ("invited.cancel", "escape", N_("Cancel")),
    ),
    "ConfirmDialog": (
        ("confirm.yes", "y", N_("Yes")),
        ("confirm.no", "n,escape", N_("No")),
    ),
    "CaseScreen": (
        ("case.back", "escape", N_("Back")),
        ("case.roster", "ctrl+r", N_("Roster")),
        ("case.save", "ctrl+s", N_("Save now")),
        ("case.consent", "f3", N_("Consent…")),
        ("case.erase", "f8", N_("Erase citizen…")),
    ),
    "MaterialTable": (
        ("case.material_tick", "space", N_("Tick")),
        ("case.material_file", "f", N_("File…")),
    ),
    "RosterScreen": (
        ("roster.back", "escape", N_("Back")),
        ("roster.add", "a", N_("Add from directory")),
        ("roster.network", "n", N_("Add network person")),
        ("roster.suggest", "s", N_("Suggest roster")),
        ("roster.part", "p", N_("Part")),
        ("roster.attendance", "t", N_("Attendance")),
        ("roster.attendance-back", "T,shift+t", N_("Attendance back")),
        ("roster.remove", "delete,x", N_("Remove")),
        ("roster.undo", "u,ctrl+z", N_("Undo remove")),
        ("roster.prepare", "o", N_("Preparation")),
    ),
    "SuggestDialog": (
        ("dialog.cancel", "escape", N_("Cancel")),
        ("suggest.accept", "enter", N_("Accept ticked")),
        ("suggest.accept_all", "a", N_("Accept all")),
    ),
    "FormModal": (
        ("dialog.cancel", "escape", N_("Cancel")),
        ("dialog.save", "ctrl+s", N_("Save")),
    ),
    "PickPersonDialog": (("dialog.cancel", "escape", N_("Cancel")),),
    "NetworkDialog": (("dialog.cancel", "escape", N_("Cancel")),),
    "MaterialDialog": (("dialog.cancel", "escape", N_("Cancel")),),
    "AgreementScreen": (
        ("agreement.back", "escape", N_("Back")),
        ("agreement.add_item", "ctrl+n", N_("New item")),
        ("agreement.readback", "f2", N_("Read-back")),
        ("agreement.finalise", "f5", N_("Finalise")),
        ("agreement.export", "f4", N_("Export")),
        ("agreement.delete_item", "f8", N_("Delete item")),
        ("agreement.undo_delete", "f9", N_("Undo delete")),
        ("agreement.move_up", "ctrl+up", N_("Move up")),
        ("agreement.move_down", "ctrl+down", N_("Move down")),
        ("agreement.reopen", "f6", N_("Reopen")),
        ("agreement.versions", "f7", N_("Versions")),
        ("agreement.second", "f10", N_("2nd conversation")),
        ("agreement.followup", "f3", N_("Ratings")),
        ("agreement.save", "ctrl+s", N_("Save now")),
    ),
    "FinaliseProblemsDialog": (
        ("agreement.problems.close", "escape", N_("Back to the agreement")),
    ),
    "ConflictDialog": (
        ("agreement.conflict.mine", "m", N_("Keep mine")),
        ("agreement.conflict.theirs", "t", N_("Take theirs")),
        ("agreement.conflict.later", "escape", N_("Decide later")),
    ),
    "VersionsDialog": (("agreement.versions.close", "escape", N_("Close")),),
    "QuitDialog": (
        ("quit.keep", "r", N_("Keep and quit")),
        ("quit.drop", "x", N_("Quit without it")),
        ("quit.stay", "escape", N_("Stay")),
    ),
    "RestoreDialog": (
        ("recovery.restore", "r", N_("Restore")),
        ("recovery.discard", "x", N_("Delete it")),
        ("recovery.later", "escape", N_("Later")),
    ),
    "SecondConversationDialog": (
        ("agreement.second.save", "ctrl+s", N_("Schedule")),
        ("agreement.second.cancel", "escape", N_("Cancel")),
    ),
    "ExportDialog": (
        ("export.close", "escape", N_("Close")),
        ("export.run", "ctrl+e", N_("Export")),
    ),
    "FollowupScreen": (
        ("followup.back", "escape", N_("Back")),
        ("followup.open", "enter", N_("Agreement")),
        ("followup.started", "s", N_("Started")),
        ("followup.done", "d", N_("Done")),
        ("followup.dropped", "x", N_("Dropped")),
        ("followup.note", "n", N_("Note")),
        ("followup.view", "v", N_("View")),
        ("followup.me", "m", N_("Who am I")),
        ("followup.names", "c", N_("Names")),
        ("followup.case", "f3", N_("Outcome and ratings")),
        ("followup.filter", "slash", N_("Filter")),
        ("followup.refresh", "ctrl+r", N_("Refresh")),
    ),
    "CaseFollowupDialog": (
        ("casefollowup.close", "escape", N_("Close")),
        ("casefollowup.session", "r", N_("Session rating")),
        ("casefollowup.outcome-rating", "e", N_("Outcome rating")),
        ("casefollowup.outcome", "u", N_("Outcome")),
    ),
    "PeopleScreen": (
        ("people.back", "escape", N_("Back")),
        ("people.add", "ctrl+n", N_("Add")),
        ("people.edit", "ctrl+e", N_("Edit")),
        ("people.deactivate", "ctrl+d", N_("Deactivate")),
        ("people.reactivate", "ctrl+d", N_("Reactivate")),
        ("people.show-inactive", "ctrl+t", N_("Show inactive")),
        ("people.hide-inactive", "ctrl+t", N_("Hide inactive")),
        ("people.search", "ctrl+f", N_("Search")),
    ),
}


def _catalogue() -> dict[str, KeyBinding]:
    found: dict[str, KeyBinding] = {}
    for owner, bindings in _BY_OWNER.items():
        for binding_id, keys, description in bindings:
            known = found.get(binding_id)
            owners = (known.owners if known else ()) + (owner,)
            found[binding_id] = KeyBinding(binding_id, keys, description, owners)
    return found


#: Every remappable binding, by id, in the order a listing shows them.
BINDINGS: dict[str, KeyBinding] = _catalogue()

MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")
#: Named keys beyond single characters (Textual's names); punctuation may also be named by its
#: Unicode name in lower case with underscores, as Textual does (`question_mark`).
NAMED_KEYS = frozenset(
    {
        "escape",
        "enter",
        "tab",
        "space",
        "backspace",
        "delete",
        "insert",
        "home",
        "end",
        "pageup",
        "pagedown",
        "up",
        "down",
        "left",
        "right",
        *(f"f{number}" for number in range(1, 25)),
        # Textual's short names for characters whose Unicode names are long.
        "slash",
        "backslash",
        "at",
        "minus",
        "plus",
        "underscore",
    }
)


class KeymapError(ValueError):
    """A keymap that cannot be used; the message says what to change, in one line."""


def is_valid_key(key: str) -> bool:
    """A key as Textual names it: optional modifiers joined by `+`, then one key."""
    *modifiers, base = key.split("+")
    if not base or len(set(modifiers)) != len(modifiers):
        return False
    if any(modifier not in MODIFIERS for modifier in modifiers):
        return False
    if len(base) == 1:
        return base.isprintable() and not base.isspace()
    if base in NAMED_KEYS:
        return True
    try:
        character = unicodedata.lookup(base.replace("_", " ").upper())
    except KeyError:
        return False
    return base == base.lower() and character.isprintable()


def _keys_of(binding_id: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise KeymapError(
            _('keymap: give {id!r} its keys as text, e.g. "enter" or "n,escape"').format(
                id=binding_id
            )
        )
    keys = [key.strip() for key in value.split(",")]
    for key in keys:
        if not is_valid_key(key):
            raise KeymapError(
                _(
                    "keymap: {key!r} (for {id}) is not a key; use a letter, a name such as "
                    "enter, space, escape, f5 or pageup, optionally after ctrl+, shift+ or alt+"
                ).format(key=key, id=binding_id)
            )
    return ",".join(keys)


def parse_keymap(text: str) -> dict[str, str]:
    """The keymap a user typed, checked: a JSON object from known binding ids to keys.

    An empty text is the empty keymap (every default). Raises `KeymapError` with one line to
    show for invalid JSON, an unknown id, a malformed key, or a key that another binding of
    the same screen already uses.
    """
    if not text.strip():
        return {}
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise KeymapError(
            _(
                "keymap: not valid JSON ({problem}); write it as "
                '\'{{"day.next": "enter", "days.refresh": "f5"}}\''
            ).format(problem=exc.msg)
        ) from None
    if not isinstance(document, dict):
        raise KeymapError(
            _('keymap: write a JSON object of binding ids and keys, e.g. \'{"day.next": "enter"}\'')
        )
    keymap: dict[str, str] = {}
    for binding_id, value in document.items():
        if binding_id not in BINDINGS:
            raise KeymapError(
                _(
                    "keymap: unknown binding id {id!r}; `coordinator settings keys` lists them"
                ).format(id=binding_id)
            )
        keymap[binding_id] = _keys_of(binding_id, value)
    _refuse_clashes(keymap)
    return keymap


def _refuse_clashes(keymap: Mapping[str, str]) -> None:
    """A remapped key may not take a key another binding of the same class keeps. Bindings
    that share a key by default (Deactivate and Reactivate: only one is active at a time)
    may go on sharing one."""
    for binding_id, keys in keymap.items():
        binding = BINDINGS[binding_id]
        for owner in binding.owners:
            for other_id, other_keys, other_description in _BY_OWNER[owner]:
                if other_id == binding_id or set(binding.keys.split(",")) & set(
                    other_keys.split(",")
                ):
                    continue
                taken = set(keymap.get(other_id, other_keys).split(","))
                clash = sorted(set(keys.split(",")) & taken)
                if clash:
                    raise KeymapError(
                        _(
                            "keymap: {key!r} for {id} is already {other_id} ({description}) "
                            "on the same screen; remap that one too"
                        ).format(
                            key=clash[0],
                            id=binding_id,
                            other_id=other_id,
                            description=_(other_description),
                        )
                    )


def format_keymap(keymap: Mapping[str, str]) -> str:
    """How a keymap is stored: compact JSON in catalogue order, or "" for none."""
    ordered = {binding_id: keymap[binding_id] for binding_id in BINDINGS if binding_id in keymap}
    return json.dumps(ordered, ensure_ascii=False) if ordered else ""


def usable_keymap(text: str) -> dict[str, str]:
    """The stored keymap as the App applies it: never raises, so the app always opens. A
    keymap that no longer checks (say a binding was renamed in an upgrade) keeps its good
    entries and drops the rest."""
    try:
        return parse_keymap(text)
    except KeymapError:
        pass
    try:
        document = json.loads(text)
    except json.JSONDecodeError:
        return {}
    if not isinstance(document, dict):
        return {}
    usable: dict[str, str] = {}
    for binding_id, value in document.items():
        try:
            candidate = {**usable, binding_id: _keys_of(binding_id, value)}
            if binding_id in BINDINGS:
                _refuse_clashes(candidate)
                usable = candidate
        except KeymapError:
            continue
    return usable
