"""A case whose citizen has not consented, or withdrew, is in the readiness the day screen, the
case and the roster screens show: a warning, or an error (not ready) under `consent_rule`.
The day's batch read and the one-case read give the same findings."""

from __future__ import annotations

from datetime import timedelta

import pytest

from coordinator.domain.findings import Severity
from coordinator.store import roster
from coordinator.store.consent import set_consent
from coordinator.store.readiness import case_readiness, day_readiness
from coordinator.store.settings import set_setting
from tests.unit.test_readiness import _health_case, _prepare

pytestmark = pytest.mark.both_engines


def _ready_case(store) -> int:
    case_id = _health_case(store)
    _prepare(store, case_id)
    roster.add_people(store, case_id, ["Helle Nygaard"])
    return case_id


def _consent_codes(readiness) -> list[tuple[str, Severity]]:
    return [(f.code, f.severity) for f in readiness.findings if f.code.startswith("consent-")]


def _both(store, case_id: int):
    """The case's readiness read alone and with its day: they must agree."""
    from coordinator.store.cases import get_case

    alone = case_readiness(store, case_id)
    batch = day_readiness(store, get_case(store, case_id).day_id)[case_id]
    assert alone == batch
    return alone


def test_no_consent_is_a_warning_and_the_case_stays_ready(store) -> None:
    case_id = _ready_case(store)
    readiness = _both(store, case_id)
    assert _consent_codes(readiness) == [("consent-missing", Severity.WARNING)]
    assert readiness.counts[Severity.WARNING] >= 1
    assert readiness.ready


def test_a_given_consent_is_no_finding(store) -> None:
    case_id = _ready_case(store)
    set_consent(store, case_id, given_on=store.now().date() - timedelta(days=7))
    readiness = _both(store, case_id)
    assert _consent_codes(readiness) == []
    assert readiness.ready


def test_a_withdrawn_consent_is_said_with_its_date(store) -> None:
    case_id = _ready_case(store)
    today = store.now().date()
    set_consent(store, case_id, given_on=today - timedelta(days=14), withdrawn_on=today)
    readiness = _both(store, case_id)
    assert _consent_codes(readiness) == [("consent-withdrawn", Severity.WARNING)]
    withdrawn = next(f for f in readiness.findings if f.code == "consent-withdrawn")
    assert today.isoformat() in withdrawn.message


def test_the_consent_rule_makes_it_an_error_and_the_case_not_ready(store) -> None:
    case_id = _ready_case(store)
    set_setting(store, "consent_rule", "error")
    readiness = _both(store, case_id)
    assert _consent_codes(readiness) == [("consent-missing", Severity.ERROR)]
    assert not readiness.ready
    assert readiness.findings[0].severity is Severity.ERROR, "errors first"
    set_consent(store, case_id, given_on=store.now().date())
    assert _both(store, case_id).ready


def test_the_agenda_says_no_consent_in_the_colour_of_its_severity() -> None:
    from coordinator.domain.findings import Finding
    from coordinator.i18n import set_language
    from coordinator.screens.day_agenda import readiness_text
    from coordinator.store.readiness import _readiness

    set_language("en")
    for severity, style in ((Severity.WARNING, "yellow"), (Severity.ERROR, "bold red")):
        finding = Finding(severity, "consent-missing", "no consent to share")
        text = readiness_text(_readiness(None, None, [finding]))
        assert text.plain.splitlines()[-1] == "no consent"
        assert any(span.style == style for span in text.spans)
    assert "no consent" not in readiness_text(_readiness(None, None, [])).plain
