"""The agreement store as the live editor uses it: batched saves, versions, conflicts between
two writers on one file, undoing a delete, and a second conversation."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from coordinator.domain.vocab import ItemKind
from coordinator.store import agreement_edits, agreements, second_conversation
from coordinator.store.autosave import DELETED, Autosave, Autosaver, WriteOutcome
from coordinator.store.database import Store
from coordinator.store.days import DayInput, create_day
from coordinator.store.errors import Invalid
from coordinator.store.models import Case

pytestmark = pytest.mark.both_engines

HEALTH_CASE = 1
NASTY = "[bold]Ærø[/bold] <b>øl</b> 😀 " + "å" * 10_000


def saver_for(store: Store, case_id: int) -> Autosaver:
    return Autosaver(store, case_id)


def test_batch_creates_updates_and_deletes_in_one_go(demo_store) -> None:
    saver = saver_for(demo_store, HEALTH_CASE)
    first = agreements.items(demo_store, agreements.latest(demo_store, HEALTH_CASE).id)[0]
    saver.set_field("citizen_words", NASTY)
    saver.create_item("n1", ItemKind.ACCOMMODATION, text="Arbejdstid 9–14", position=0)
    saver.set_item("n1", responsible="Borgeren", due=date(2026, 12, 20))
    saver.set_item(f"i{first.id}", text="Ny tekst")
    result = saver.flush()
    assert result is not None and not result.theirs and "n1" in saver.ids
    agreement = agreements.latest(demo_store, HEALTH_CASE)
    assert agreement.citizen_words == NASTY
    stored = {i.id: i for i in agreements.items(demo_store, agreement.id)}
    new = stored[saver.ids["n1"]]
    assert (new.kind, new.text, new.responsible_text, new.due) == (
        "accommodation",
        "Arbejdstid 9–14",
        "Borgeren",
        date(2026, 12, 20),
    )
    assert new.responsible_kind == "citizen"
    assert stored[first.id].text == "Ny tekst"
    saver.delete_item("n1")
    saver.flush()
    assert saver.ids["n1"] not in {i.id for i in agreements.items(demo_store, agreement.id)}
    assert saver.flush() is None


def test_a_deleted_item_can_be_brought_back(demo_store) -> None:
    saver = saver_for(demo_store, HEALTH_CASE)
    agreement = agreements.latest(demo_store, HEALTH_CASE)
    item = agreements.items(demo_store, agreement.id)[0]
    kept = {"text": item.text, "responsible": item.responsible_text, "due": item.due}
    saver.delete_item(f"i{item.id}")
    saver.flush()
    assert len(agreements.items(demo_store, agreement.id)) == 1
    saver.create_item("n1", ItemKind(item.kind), position=item.position, **kept)
    saver.flush()
    back = [i for i in agreements.items(demo_store, agreement.id) if i.kind == item.kind]
    assert [(i.text, i.responsible_text, i.due) for i in back] == [
        (item.text, item.responsible_text, item.due)
    ]


def test_two_writers_on_one_file_never_overwrite_silently(demo_store, db_url, clock) -> None:
    other_store = Store.open(db_url, clock=clock, actor="laptop-2")
    try:
        mine = saver_for(demo_store, HEALTH_CASE)
        theirs = saver_for(other_store, HEALTH_CASE)
        item = agreements.items(demo_store, agreements.latest(demo_store, HEALTH_CASE).id)[0]
        theirs.set_item(f"i{item.id}", text="Deres tekst")
        theirs.flush()
        mine.set_item(f"i{item.id}", text="Min tekst")
        outcome = mine.flush()
        assert outcome.theirs == {(f"i{item.id}", "text"): "Deres tekst"}
        assert mine.conflict and mine.pending  # nothing lost, nothing written
        assert agreements.items(demo_store, item.agreement_id)[0].text == "Deres tekst"
        mine.set_item(f"i{item.id}", status="done")  # typed while the question waits
        mine.flush()  # the other field of the item is written meanwhile
        stored = agreements.items(demo_store, item.agreement_id)[0]
        assert (stored.text, stored.status) == ("Deres tekst", "done")
        mine.keep_mine()
        mine.flush()
        assert agreements.items(demo_store, item.agreement_id)[0].text == "Min tekst"
        assert not mine.conflict and not mine.pending
        # the fields of the agreement are checked the same way
        mine.set_field("job_goal", "Lagermedarbejder på deltid")
        mine.flush()
        theirs.set_field("job_goal", "Chauffør")
        assert theirs.flush().theirs == {"job_goal": "Lagermedarbejder på deltid"}
        assert theirs.take_theirs() == {"job_goal": "Lagermedarbejder på deltid"}
        assert not theirs.pending and not theirs.conflict
    finally:
        other_store.close()


def test_a_conflict_on_one_field_lets_the_others_save(demo_store, db_url, clock) -> None:
    """The disputed field waits for the choice; every other field keeps being saved."""
    mine = saver_for(demo_store, HEALTH_CASE)
    agreements.set_fields(demo_store, HEALTH_CASE, job_goal="Chauffør")  # elsewhere
    mine.set_field("job_goal", "Lagermedarbejder nu")
    mine.set_field("citizen_words", "Jeg vil gerne")
    mine.flush()
    stored = agreements.latest(demo_store, HEALTH_CASE)
    assert (stored.job_goal, stored.citizen_words) == ("Chauffør", "Jeg vil gerne")
    mine.set_field("job_goal", "Lagermedarbejder nu straks")  # typing goes on in it
    mine.set_field("citizen_words", "Jeg vil gerne prøve igen.")
    mine.flush()
    stored = agreements.latest(demo_store, HEALTH_CASE)
    assert (stored.job_goal, stored.citizen_words) == ("Chauffør", "Jeg vil gerne prøve igen.")
    assert mine.conflicts == {"job_goal": "Chauffør"} and not mine.unsaved


def test_an_item_deleted_elsewhere_is_asked_about_and_kept_mine_is_made_again(demo_store):
    mine = saver_for(demo_store, HEALTH_CASE)
    item = agreements.items(demo_store, agreements.latest(demo_store, HEALTH_CASE).id)[0]
    agreements.delete_item(demo_store, item.id)  # elsewhere
    mine.set_item(f"i{item.id}", text="Min tekst")
    assert mine.flush().theirs == {(f"i{item.id}", "text"): DELETED}
    mine.keep_mine()
    mine.flush()
    agreement_id = agreements.latest(demo_store, HEALTH_CASE).id
    again = [i for i in agreements.items(demo_store, agreement_id) if i.text == "Min tekst"]
    assert len(again) == 1 and again[0].responsible_text == item.responsible_text
    assert again[0].kind == item.kind and again[0].due == item.due


def test_a_save_started_while_one_writes_checks_against_what_that_one_wrote() -> None:
    """The race of the old preparation form: the second save must not see a stale value."""
    import threading

    stored = {"f": "a"}
    entered, release = threading.Event(), threading.Event()

    def writer(changes, base):
        theirs = {k: stored[k] for k, v in changes.items() if stored[k] not in (base[k], v)}
        if changes.get("f") == "ab":
            entered.set()
            release.wait(5)
        written = {k: v for k, v in changes.items() if k not in theirs}
        stored.update(written)
        return WriteOutcome(written, theirs)

    saver = Autosave(writer, {"f": "a"})
    saver.set("f", "ab")
    first = threading.Thread(target=saver.flush)
    first.start()
    assert entered.wait(5)
    saver.set("f", "abc")  # typing goes on while the first save writes
    second = threading.Thread(target=saver.flush)
    second.start()
    release.set()
    first.join(5)
    second.join(5)
    assert stored == {"f": "abc"} and not saver.conflict and not saver.pending


def test_finalise_reopen_and_earlier_versions(demo_store) -> None:
    case = HEALTH_CASE
    agreements.set_fields(demo_store, case, goal_date=None)
    with pytest.raises(Invalid, match="måldato"):
        agreements.finalise(demo_store, case)
    agreements.set_fields(demo_store, case, goal_date=date(2027, 3, 3))
    final = agreements.finalise(demo_store, case)
    assert final.status == "final" and final.author_name == "Jonas Berg"
    assert final.finalised_at == demo_store.now()
    with pytest.raises(Invalid):
        agreement_edits.save_edits(demo_store, case, {"job_goal": "x"}, {}, {})
    second = agreements.reopen(demo_store, case)
    assert (second.version, second.status) == (2, "draft")
    versions = agreements.versions(demo_store, case)
    assert [(v.version, v.status) for v in versions] == [(1, "final"), (2, "draft")]
    assert len(agreements.items(demo_store, versions[0].id)) == 2
    assert agreements.agreement_by_id(demo_store, versions[0].id).job_goal == "Lagermedarbejder"


def test_save_edits_refuses_unknown_fields(demo_store) -> None:
    agreements.ensure_draft(demo_store, HEALTH_CASE)
    with pytest.raises(Invalid):
        agreement_edits.save_edits(demo_store, HEALTH_CASE, {"case_id": 2}, {}, {})
    with pytest.raises(Invalid):
        agreement_edits.save_edits(
            demo_store,
            HEALTH_CASE,
            {("n1", "kind"): ItemKind.SUPPORT, ("n1", "agreement_id"): 9},
            {},
            {},
        )


def test_second_conversation_carries_the_agreement_forward(demo_store) -> None:
    later = create_day(demo_store, DayInput(date=demo_store.now().date() + timedelta(days=28)))
    second = second_conversation.schedule_second_conversation(demo_store, HEALTH_CASE, later.id)
    assert (second.conversation_number, second.previous_case_id) == (2, HEALTH_CASE)
    with demo_store.session() as session:
        first = session.get(Case, HEALTH_CASE)
        assert second.citizen_id == first.citizen_id
        assert second.jobbroker_id == first.jobbroker_id
    carried = agreements.latest(demo_store, second.id)
    assert (carried.status, carried.version, carried.job_goal) == ("draft", 1, "Lagermedarbejder")
    assert [i.text for i in agreements.items(demo_store, carried.id)] == [
        i.text for i in agreements.items(demo_store, agreements.latest(demo_store, HEALTH_CASE).id)
    ]
    with pytest.raises(Invalid):
        second_conversation.schedule_second_conversation(demo_store, HEALTH_CASE, later.id)
    with pytest.raises(Invalid):
        second_conversation.schedule_second_conversation(demo_store, second.id, later.id)


def test_second_conversation_must_be_on_a_later_day(demo_store) -> None:
    with demo_store.session() as session:
        day_id = session.get(Case, HEALTH_CASE).day_id
    with pytest.raises(Invalid):
        second_conversation.schedule_second_conversation(demo_store, HEALTH_CASE, day_id)


def test_autosave_timing(demo_store) -> None:
    from coordinator.store.autosave import IDLE, MAX_DELAY

    now = [0.0]
    step = IDLE / 3  # typing steadily, faster than the idle delay
    saver = Autosaver(demo_store, HEALTH_CASE, monotonic=lambda: now[0])
    assert not saver.due()
    saver.set_field("job_goal", "x")
    while now[0] + step < MAX_DELAY - 1e-9:
        now[0] += step
        assert not saver.due()
        saver.set_field("job_goal", "x")
    now[0] = MAX_DELAY
    assert saver.due()  # MAX_DELAY after the first unsaved key, even while typing on
    saver.flush()
    saver.set_field("job_goal", "y")
    now[0] += IDLE - 0.01
    assert not saver.due()
    now[0] += 0.02
    assert saver.due()  # IDLE after the last key
