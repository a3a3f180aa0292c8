"""The agreement form's items: insert, delete (and undo), move, by kind.

Mixed into `AgreementForm`; each change is posted as the form's `Edited` (a new item's `"kind"`
creates it, positions follow moves) or `ItemRemoved` message for the screen's autosave.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import Vertical
from textual.widget import Widget

from coordinator.domain.vocab import ItemKind
from coordinator.widgets.item_editor import ItemEditor

if TYPE_CHECKING:
    from coordinator.screens.agreement_form import AgreementForm, SectionHeading


class ItemActions:
    """Insert, delete, undo and move items of the form (mixed into `AgreementForm`)."""

    def _section(self: AgreementForm, kind: ItemKind) -> Vertical:
        return self.query_one(f"#section-{kind.value}", Vertical)

    def editors(self: AgreementForm, kind: ItemKind | None = None) -> list[ItemEditor]:
        """The item editors in order (of one kind, or all kinds)."""
        kinds = [kind] if kind else list(ItemKind)
        return [e for k in kinds for e in self._section(k).query_children(ItemEditor)]

    def current_editor(self: AgreementForm) -> ItemEditor | None:
        """The item editor holding the focus, read now (not from queued focus events)."""
        node: Widget | None = self.screen.focused
        while node is not None and node is not self:
            if isinstance(node, ItemEditor):
                return node
            node = node.parent  # type: ignore[assignment]
        return None

    def _new_key(self: AgreementForm) -> str:
        self._next_key += 1
        return f"n{self._next_key}"

    def _renumber(self: AgreementForm, kind: ItemKind) -> None:
        """Store each item's position within its section where it changed."""
        for position, editor in enumerate(self.editors(kind)):
            if self._positions.get(editor.key) != position:
                self._positions[editor.key] = position
                self.post_message(self.Edited((editor.key, "position"), position))

    async def insert_item(
        self: AgreementForm,
        kind: ItemKind,
        index: int | None,
        values: dict[str, object] | None = None,
    ) -> None:
        key = self._new_key()
        values = values or {}
        self.post_message(self.Edited((key, "kind"), kind))
        for name, value in values.items():
            self.post_message(self.Edited((key, name), value))
        editor = ItemEditor(
            key,
            kind,
            text=str(values.get("text", "")),
            responsible=str(values.get("responsible", "")),
            due=values.get("due"),  # type: ignore[arg-type]
            status=str(values.get("status", "open")),
            suggestions=self.suggestions,
            today=self.today,
        )
        section = self._section(kind)
        siblings = self.editors(kind)
        if index is not None and index < len(siblings):
            await section.mount(editor, before=siblings[index])
        else:
            await section.mount(editor)
        self._renumber(kind)
        self.current_kind = kind
        self.refresh_sections()
        self.update_warnings()
        editor.focus_text()
        editor.scroll_visible()

    async def add_item(self: AgreementForm) -> None:
        """A new item after the current one, or first under the focused heading."""
        from coordinator.screens.agreement_form import SectionHeading

        current = self.current_editor()
        kind, index = self.current_kind, None
        focused = self.screen.focused
        if current is not None:
            kind, index = current.kind, self.editors(current.kind).index(current) + 1
        elif isinstance(focused, SectionHeading):
            kind, index = focused.kind, 0
        await self.insert_item(kind, index)

    async def delete_item(self: AgreementForm, editor: ItemEditor) -> None:
        siblings = self.editors(editor.kind)
        index = siblings.index(editor)
        self._deleted.append((editor.kind, index, editor.values()))
        self.post_message(self.ItemRemoved(editor.key))
        self._positions.pop(editor.key, None)
        following = siblings[index + 1] if index + 1 < len(siblings) else None
        await editor.remove()
        self._renumber(editor.kind)
        self.refresh_sections()
        self.update_warnings()
        if following is not None:
            following.focus_text()
        else:
            self.screen.set_focus(self._heading(editor.kind))

    @property
    def can_undo(self: AgreementForm) -> bool:
        return bool(self._deleted)

    async def undo_delete(self: AgreementForm) -> None:
        kind, index, values = self._deleted.pop()
        await self.insert_item(kind, index, values)

    def move_item(self: AgreementForm, editor: ItemEditor, step: int) -> None:
        siblings = self.editors(editor.kind)
        target = siblings.index(editor) + step
        if not 0 <= target < len(siblings):
            return
        section = self._section(editor.kind)
        if step < 0:
            section.move_child(editor, before=siblings[target])
        else:
            section.move_child(editor, after=siblings[target])
        self._renumber(editor.kind)
        self.update_warnings()
        self.call_after_refresh(editor.scroll_visible)

    def _heading(self: AgreementForm, kind: ItemKind) -> SectionHeading:
        from coordinator.screens.agreement_form import SectionHeading

        return self.query_one(f"#heading-{kind.value}", SectionHeading)
