"""What a check says about a case: a finding with a severity, and the counts a status bar shows.

The roster rules (domain/roster_rules.py) and the consent check (store/consent.py) both speak in
findings, so the day, case and roster screens and `roster check --json` show them one way,
whichever rule produced them. Pure: no store, no Textual.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from coordinator.i18n import ngettext

__all__ = ["SEVERITY_RANK", "Finding", "Severity", "count_by_severity", "counts_text"]


class Severity(StrEnum):
    """How bad a finding is: an error must be fixed for a sound meeting, a warning is advice,
    info is a note."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


#: Sort rank of each severity: errors first, because those must be fixed before the day.
SEVERITY_RANK: dict[Severity, int] = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True)
class Finding:
    """One thing wrong (or worth knowing) about a case, with a message that says what to do.

    `message` is already translated into the current language; `subject` is the name of the
    participant the finding is about, so a screen can highlight the row.
    """

    severity: Severity
    code: str
    message: str
    subject: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        """The JSON shape of `roster check --json` (plus the subject, null when none)."""
        return {
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
            "subject": self.subject,
        }


def count_by_severity(findings: Iterable[Finding]) -> dict[Severity, int]:
    """How many findings of each severity; every severity is present (zero when none), so a
    status bar can show "0 errors" without special cases."""
    counts = dict.fromkeys(Severity, 0)
    for finding in findings:
        counts[finding.severity] += 1
    return counts


def counts_text(counts: dict[Severity, int], separator: str = " · ") -> str:
    """ "1 error · 2 warnings", in the current language with its plural forms."""
    errors, warnings = counts[Severity.ERROR], counts[Severity.WARNING]
    return separator.join(
        (
            ngettext("{count} error", "{count} errors", errors).format(count=errors),
            ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings),
        )
    )
