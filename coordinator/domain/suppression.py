"""Small numbers hide people: the rule for figures that leave the coordinator's desk.

Danish statistical practice does not publish a count of 1 to 4 (a group that small can be
recognised), nor anything computed from one: a share whose numerator or denominator is small,
a mean or a median over fewer than five values. A count of 0 names nobody and is shown.

A hidden figure must not come back by subtraction either (complementary suppression): a part
whose whole is shown is hidden when the rest (whole - part) is small ("9 of 10 reached the
goal" tells that one did not), and a partition (planned = held + absent + ...) with exactly
one hidden cell has a second one hidden. Days are not people and are always shown.

The coordinator's own screen shows every number; exports for others pass through a
`Suppressor`, which returns None for a hidden figure and remembers where it hid one, so the
JSON can say `"suppressed": true` and a report can print "<5".
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Counts from 1 to SMALL - 1 are hidden.
SMALL = 5
#: How a hidden figure is printed.
HIDDEN = "<5"


def is_small(count: int | None) -> bool:
    """A group of 1 to 4: it could point at a person."""
    return count is not None and 0 < count < SMALL


@dataclass
class Suppressor:
    """Applies the rule (or not: the coordinator's own view) and records the hidden paths."""

    active: bool = True
    hidden: list[str] = field(default_factory=list)

    def count(self, path: str, value: int) -> int | None:
        if self.active and is_small(value):
            self.hidden.append(path)
            return None
        return value

    def part(self, path: str, value: int, whole: int) -> int | None:
        """A count that is part of a shown whole: hidden when it or the rest is small."""
        if self.active and (is_small(value) or is_small(whole - value)):
            self.hidden.append(path)
            return None
        return value

    def share(self, path: str, numerator: int, denominator: int) -> float | None:
        """numerator / denominator, None when there is nothing to divide by (no data) or
        when the numerator, the denominator or the rest is small."""
        if denominator <= 0:
            return None
        if self.active and (
            is_small(numerator) or is_small(denominator) or is_small(denominator - numerator)
        ):
            self.hidden.append(path)
            return None
        return round(numerator / denominator, 3)

    def partition(self, cells: dict[str, int]) -> dict[str, int | None]:
        """Counts that add up to a shown whole: the small ones hidden, and when that hides
        exactly one non-zero cell, the next smallest non-zero cell too (else the hidden one
        is the whole minus the others)."""
        shown: dict[str, int | None] = {p: self.count(p, v) for p, v in cells.items()}
        hidden = [p for p, v in shown.items() if v is None]
        if self.active and len(hidden) == 1:
            others = sorted((v, p) for p, v in cells.items() if p not in hidden and v > 0)
            if others:
                shown[others[0][1]] = None
                self.hidden.append(others[0][1])
        return shown

    def measure(self, path: str, value: float | None, n: int) -> float | None:
        """A mean, median or maximum over `n` values: hidden when n is small."""
        if value is None or n <= 0:
            return None
        if self.active and is_small(n):
            self.hidden.append(path)
            return None
        return value

    @property
    def suppressed(self) -> bool:
        return bool(self.hidden)


def merge_small_groups(groups: list[tuple[str, int]], other_label: str) -> list[tuple[str, int]]:
    """Labelled counts (reasons typed by hand) where each small group is folded into one
    `other_label` row: the label of a small group could itself name the person (a reason
    written about one citizen), so in an export it goes, and only its count remains in the
    sum. Large groups keep their label."""
    kept = [(label, n) for label, n in groups if not is_small(n)]
    folded = sum(n for _label, n in groups if is_small(n))
    if folded:
        kept.append((other_label, folded))
    return kept
