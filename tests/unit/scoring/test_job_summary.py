"""Job-level summary rules: a material top-10 change gives one note on the job, at most hourly, once on retries."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from skima.job_summary import AnnouncedTopTen, JobSummary, TopTenEntry, top10_change
from skima.scoring.ports import ScoreRow
from tests.fakes import Clock, FakeOutbox, FakeScoreStore, FakeTopTenMemory, FakeTracker
from tests.unit.scoring.world import STRONG_RESUME, World

JOB = 2300


def result_json(met: str, gap: str) -> str:
    """A stored MatchResult with one requirement met and one missing (invented)."""
    requirements = [
        {"id": "r1", "kind": "skill", "label": met, "verdict": "met", "evidence": f"Used {met} every day",
         "exact": True, "similarity": 0.9, "years_found": None},
        {"id": "r2", "kind": "skill", "label": gap, "verdict": "missing", "evidence": None,
         "exact": False, "similarity": 0.2, "years_found": None},
    ]  # fmt: skip
    return json.dumps({"requirements": requirements, "receipt": {"weights": {"r1": 0.5, "r2": 0.6}}})


def row(candidate_id: int, score: int, name: str | None = None) -> ScoreRow:
    return ScoreRow(
        job_id=JOB,
        candidate_id=candidate_id,
        status="scored",
        score=score,
        reasons=[],
        gaps=[],
        receipt_id="r",
        receipt_json="{}",
        result_json=result_json("forklift licence", "night shifts"),
        content_version=f"2026-11-28T09:00:{candidate_id % 60:02d}+00:00|e",
        inputs_hash=str(candidate_id),
        engine_version="e",
        job_title="Warehouse Lead",
        candidate_name=name,
    )


class Setup:
    def __init__(self) -> None:
        self.tracker = FakeTracker()
        self.outbox = FakeOutbox()
        self.scores = FakeScoreStore()
        self.memory = FakeTopTenMemory()
        self.clock = Clock()
        self.summary = JobSummary(self.tracker, self.outbox, self.scores, self.memory, clock=self.clock)

    def store(self, *rows: ScoreRow) -> None:
        for item in rows:
            self.scores.rows[(item.job_id, item.candidate_id)] = item

    def scored(self) -> bool:
        return self.summary.job_scored(JOB, "Warehouse Lead")

    def job_notes(self) -> list[str]:
        return [note.note for note in self.tracker.notes if note.link_type == "O"]


@pytest.fixture
def setup() -> Setup:
    made = Setup()
    made.store(*(row(100 + i, 90 - i) for i in range(10)))  # a full top-10: 100 (90) ... 109 (81)
    return made


def test_who_entered_and_who_left_in_ranking_order() -> None:
    previous = [TopTenEntry(1, 90), TopTenEntry(2, 80), TopTenEntry(3, 70)]
    current = [row(4, 95), row(1, 88), row(3, 71)]
    change = top10_change(previous, current)
    assert [r.candidate_id for r in change.entered] == [4] and change.left == (2,)
    assert change.material
    # a reordering or a score moving inside the top-10 is no news
    assert not top10_change(previous, [row(3, 99), row(1, 60), row(2, 80)]).material


def test_the_first_top10_is_a_baseline_not_a_note(setup: Setup) -> None:
    assert not setup.scored()
    assert setup.job_notes() == []
    assert setup.memory.announced[JOB].announced_at is None
    assert [e.candidate_id for e in setup.memory.announced[JOB].entries] == list(range(100, 110))


def test_a_material_change_gives_one_note_saying_who_and_why(setup: Setup) -> None:
    setup.scored()
    setup.store(row(200, 95, name="Ada Obi"))  # enters at #1
    setup.store(replace(row(103, 40), candidate_name="Lee Park"))  # drops out on a re-score (109 stays in)
    assert setup.scored()
    (note,) = setup.tracker.notes
    assert note.link_type == "O" and note.record_id == JOB
    assert note.subject == "SKIMA top-10 changed - Warehouse Lead"
    lines = note.note.splitlines()
    assert lines[:-1] == [
        "SKIMA top-10 changed: 1 entered, 1 left.",
        "Entered:",
        '- Ada Obi (200) #1: 95/100 (strong match); forklift licence: "Used forklift licence every day"',
        "Left:",
        "- Lee Park (103): 40/100 (partial match); night shifts: not found",
    ]
    assert lines[-1].startswith(f"ref: job {JOB} | sktop{JOB}-")


def test_someone_pushed_out_and_someone_gone_are_named(setup: Setup) -> None:
    setup.scored()
    setup.store(row(200, 95))  # pushes 109 (81) out
    del setup.scores.rows[(JOB, 100)]  # purged: no score left
    setup.store(row(201, 99))
    assert setup.scored()
    (note,) = setup.job_notes()
    assert "- candidate 109: 81/100 (strong match); night shifts: not found" in note.splitlines()
    assert "- candidate 100: no longer scored for this job" in note.splitlines()


def test_the_deciding_requirement_is_the_role_when_it_decides() -> None:
    from skima.job_summary import _why  # noqa: PLC0415

    requirements = [
        {"id": "r1", "kind": "role", "label": "Warehouse Lead", "verdict": "partial", "evidence": "Barista",
         "exact": False, "similarity": 0.4, "years_found": None},
        {"id": "r2", "kind": "skill", "label": "forklift licence", "verdict": "met", "evidence": "Forklift licence",
         "exact": True, "similarity": 0.9, "years_found": None},
    ]  # fmt: skip
    stored = json.dumps({"requirements": requirements, "receipt": {"weights": {"r1": 0.7, "r2": 0.3}}})
    barista = replace(row(300, 12), result_json=stored, reasons=['Role: "Barista" (2020-now)'])
    # pushed out: the role decided it; let in (a top-10 not yet full): the one thing in their favour
    assert _why(barista, entered=False).endswith(
        'Role mismatch: asked Warehouse Lead; closest role "Barista" (2020-now)'
    )
    assert _why(barista, entered=True) == '12/100 (weak match); forklift licence: "Forklift licence"'


def test_no_note_when_nothing_entered_or_left(setup: Setup) -> None:
    setup.scored()
    setup.store(row(100, 70), row(105, 89))  # reordered, the same ten
    setup.clock.advance(hours=2)
    assert not setup.scored()
    assert setup.job_notes() == []


def test_at_most_one_note_an_hour_then_everything_since_the_last_one(setup: Setup) -> None:
    setup.scored()
    setup.store(row(200, 95))
    assert setup.scored()
    setup.clock.advance(minutes=20)
    setup.store(row(201, 96))
    assert not setup.scored()  # within the hour: waits
    setup.clock.advance(minutes=30)
    setup.store(row(202, 97))
    assert not setup.scored()
    assert len(setup.job_notes()) == 1
    setup.clock.advance(minutes=11)  # 61 minutes after the first note
    assert setup.scored()
    first, second = setup.job_notes()
    assert "candidate 200 #1" in first
    # the second note compares with the top-10 the first announced: both later entrants, both leavers
    assert second.splitlines()[0] == "SKIMA top-10 changed: 2 entered, 2 left."
    assert "candidate 202 #1" in second and "candidate 201 #2" in second


def test_a_retry_after_a_crash_writes_the_note_once(setup: Setup) -> None:
    setup.scored()
    setup.store(row(200, 95))
    setup.outbox.crash_on_done = True  # the note landed in Tracker, the outbox never heard
    with pytest.raises(RuntimeError):
        setup.scored()
    assert len(setup.job_notes()) == 1
    assert setup.scored()  # the retry finds "attempted", asks Tracker for the key, finds the note
    assert len(setup.job_notes()) == 1
    assert "find_note" in setup.tracker.calls
    assert not setup.scored()  # and then it is the announced top-10: nothing more
    assert len(setup.job_notes()) == 1


def test_a_retry_after_the_note_and_its_outbox_row_writes_nothing(setup: Setup) -> None:
    setup.scored()
    setup.store(row(200, 95))
    remember = setup.memory.remember_top10

    def crash_once(job_id: int, announced: AnnouncedTopTen) -> None:
        setup.memory.remember_top10 = remember  # type: ignore[method-assign]
        raise RuntimeError("crashed before the top-10 was remembered")

    setup.memory.remember_top10 = crash_once  # type: ignore[method-assign]
    with pytest.raises(RuntimeError):
        setup.scored()
    assert len(setup.job_notes()) == 1
    assert not setup.scored()  # the outbox says done: no second note, and the top-10 is remembered now
    assert len(setup.job_notes()) == 1
    assert setup.memory.announced[JOB].announced_at == setup.clock()


def test_the_scorer_writes_a_summary_when_an_applicant_enters_the_top10(world: World) -> None:
    from skima.models import RecordChanged, RecordType  # noqa: PLC0415

    world.top10_memory = FakeTopTenMemory()
    world.add_job(2001, title="Backend Engineer")
    for number in range(3):
        world.add_candidate(1001 + number, STRONG_RESUME, name=f"Candidate {number}")
        world.apply(3001 + number, 2001, 1001 + number, name=f"Candidate {number}")

    def apply(placement: int) -> None:
        world.scorer().handle(
            RecordChanged(
                record_type=RecordType.OPPORTUNITY_RESOURCE,
                record_id=placement,
                received_at=world.clock(),
                source="webhook",
            )
        )

    apply(3001)  # the first top-10: a baseline
    assert [n for n in world.tracker.notes if n.link_type == "O"] == []
    apply(3002)  # a new entrant
    (summary,) = [n for n in world.tracker.notes if n.link_type == "O"]
    assert summary.record_id == 2001 and "Candidate 1 (1002)" in summary.note
    apply(3003)  # within the hour: no second summary
    assert len([n for n in world.tracker.notes if n.link_type == "O"]) == 1
