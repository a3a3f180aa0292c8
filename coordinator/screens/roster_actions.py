"""The roster screen's keys that change the roster: add from the directory or the citizen's
network, accept suggestions, cycle part and attendance, remove and undo a removal, and go to
the preparation form.

Mixed into `RosterScreen` (like `StatusActions` into the day screen) so the screen module keeps
to its layout and to reading the roster. Every change is queued on the screen's `StoreJobs`
and stored in order by a worker; a change the next key press depends on (part, attendance,
removal) is shown at once, and the roster is read again once the queue is empty.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from coordinator.domain.roster_suggest import Suggestion
from coordinator.domain.vocab import Attendance, Part, RosterRole
from coordinator.i18n import _
from coordinator.screens.autosave import in_thread
from coordinator.screens.case_dialogs import (
    NetworkDialog,
    NetworkInput,
    PickPersonDialog,
    SuggestDialog,
)
from coordinator.store import people, roster
from coordinator.store.roster import RosterLine
from coordinator.store.roster_suggestions import accept_suggestions
from coordinator.store.roster_suggestions import suggest as suggest_for

if TYPE_CHECKING:
    from coordinator.screens.roster import RosterScreen
    from coordinator.store.database import Store

_PART_CYCLE = (Part.BOTH, Part.MEETING, Part.PRE)
_ATTENDANCE_CYCLE = tuple(Attendance)


def _next(cycle: tuple, current: object, step: int = 1) -> object:  # noqa: ANN401 - any enum
    """The value `step` places on from `current` in `cycle` (-1: the one before)."""
    return cycle[(cycle.index(current) + step) % len(cycle)] if current in cycle else cycle[0]


class RosterActions:
    """Mixed into the roster screen: the keys that change the roster."""

    def _write(
        self: RosterScreen, job: Callable[[Store], Any], then: Callable[[Any], object] | None = None
    ) -> None:
        """Queue a change of the store (`job(store)` in a worker); the roster is read again
        once every queued change is stored."""
        store = self.store
        self._jobs.submit(lambda: job(store), then)

    def _focus_after_read(self: RosterScreen, line: RosterLine) -> None:
        self._focus_next = line.id

    def action_add(self: RosterScreen) -> None:
        """Pick a person of the directory (read in a worker) not on the roster yet."""
        on_roster = {line.person_id for line in self.lines}
        store = self.store

        def show(directory: object) -> None:
            assert isinstance(directory, list)
            available = [p for p in directory if p.id not in on_roster]
            self.app.push_screen(PickPersonDialog(available), chosen)

        def chosen(person_id: int | None) -> None:
            if person_id is not None:
                case_id = self.case_id
                self._write(
                    lambda store: roster.add_person_by_id(store, case_id, person_id),
                    self._focus_after_read,
                )

        in_thread(self, lambda: people.list_people(store), show, group="roster-directory")

    def action_add_network(self: RosterScreen) -> None:
        def chosen(data: NetworkInput | None) -> None:
            if data is None:
                return
            case_id = self.case_id
            self._write(
                lambda store: roster.add_network_person(store, case_id, data.name, data.relation),
                self._focus_after_read,
            )

        self.app.push_screen(NetworkDialog(), chosen)

    def action_suggest(self: RosterScreen) -> None:
        """Ask the store (in a worker) whom the model proposes; the user ticks whom to add."""
        store, case_id = self.store, self.case_id

        def show(suggestions: object) -> None:
            assert isinstance(suggestions, list)
            if not suggestions:
                self.notify(_("Nothing to suggest: everyone the model proposes is on the roster."))
                return
            self.app.push_screen(SuggestDialog(suggestions), accepted)

        def accepted(chosen: list[Suggestion] | None) -> None:
            if not chosen:
                return

            def told(added: object) -> None:
                assert isinstance(added, list)
                self.notify(_("{count} added to the roster.").format(count=len(added)))

            self._write(lambda store: accept_suggestions(store, case_id, chosen), told)

        in_thread(self, lambda: suggest_for(store, case_id), show, group="roster-suggest")

    def action_cycle_part(self: RosterScreen) -> None:
        line = self._line()
        if line is None:
            return
        if line.role is RosterRole.CITIZEN:
            self.notify(_("The citizen attends the meeting, never the pre-meeting."))
            if line.part is Part.MEETING:
                return
            part = Part.MEETING
        else:
            part = _next(_PART_CYCLE, line.part)
        self._update(line, part=part)

    def action_cycle_attendance(self: RosterScreen, step: int = 1) -> None:
        line = self._line()
        if line is None:
            return
        attendance = _next(_ATTENDANCE_CYCLE, line.attendance, step)
        self._update(line, attendance=attendance)

    def _update(self: RosterScreen, line: RosterLine, **changes: Any) -> None:  # noqa: ANN401
        """Show the change at once (so the next press cycles on from it) and store it."""
        self._replace_lines(
            [replace(other, **changes) if other.id == line.id else other for other in self.lines]
        )
        entry_id = line.id
        self._write(lambda store: roster.update_entry(store, entry_id, **changes))

    def _replace_lines(self: RosterScreen, lines: list[RosterLine]) -> None:
        self.lines = lines
        self._show_lines()

    def action_prepare(self: RosterScreen) -> None:
        """The case's preparation form: back to it when the roster was opened from there."""
        from coordinator.screens.case import CaseScreen

        below = self.app.screen_stack[-2] if len(self.app.screen_stack) > 1 else None
        if isinstance(below, CaseScreen) and below.case_id == self.case_id:
            self.app.pop_screen()
        else:
            self.app.push_screen(CaseScreen(self.case_id))

    def action_remove(self: RosterScreen) -> None:
        line = self._line()
        if line is None:
            return
        self._replace_lines([other for other in self.lines if other.id != line.id])

        def removed(removed: object) -> None:
            assert isinstance(removed, RosterLine)
            self._removed.append(removed)
            self.notify(
                _("{name} removed from the roster; u puts them back.").format(
                    name=line.display_name
                )
            )

        entry_id = line.id
        self._write(lambda store: roster.remove_entry(store, entry_id), removed)

    def action_undo_remove(self: RosterScreen) -> None:
        if not self._removed:
            self.notify(_("Nothing to undo."))
            return
        removed = self._removed.pop()

        def restored(entry: object) -> None:
            assert isinstance(entry, RosterLine)
            self.notify(_("{name} is back on the roster.").format(name=removed.display_name))
            self._focus_next = entry.id

        self._write(lambda store: roster.restore_entry(store, removed), restored)
