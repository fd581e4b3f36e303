"""The pipeline end to end on the artifacts `sam build` produced: Tracker simulator → webhook / poller → SQS →
scorer → DynamoDB + notes and tags in the simulator. Each scenario gets a fresh stack and simulator and waits
with bounded polling loops. Calls to Tracker per scored application are printed as FIGURE lines (pytest -s).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from local.lambda_runtime.testing import RunningApp
from skima.adapters.dynamo_scores import DynamoScoreStore
from skima.bands import band_for
from skima.job_summary import SUMMARY_SUBJECT
from skima.models import RecordChanged, RecordType
from skima.score_note import note_text
from skima.scoring.ports import ScoreRow
from tests.e2e.pipeline.support import (
    CHEF_RESUME,
    PYTHON_RESUME,
    SCREENED_TAG,
    calls,
    figure,
    outsider,
    screened,
    skima_notes,
    start_app,
    tags_of,
    wait_settled,
    wait_until,
)

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

JOB = 2001  # "Senior Python Backend Engineer", open, in every seed


@pytest.fixture
def app(build_dir: Path) -> Iterator[RunningApp]:
    with start_app(build_dir) as running:
        yield running


def score_row(app: RunningApp, job_id: int, candidate_id: int) -> ScoreRow:
    store = DynamoScoreStore(app.stack.resources.client("dynamodb"), app.stack.resources.tables["ScoresTable"])
    row = store.get(job_id, candidate_id)
    assert row is not None, f"no score stored for job {job_id}, candidate {candidate_id}"
    return row


def wait_for_notes(app: RunningApp, candidate_id: int, job_id: int, count: int = 1) -> list[dict[str, Any]]:
    def enough() -> list[dict[str, Any]]:
        notes = skima_notes(app.sim, candidate_id, job_id)
        return notes if len(notes) >= count else []

    return wait_until(
        enough,
        timeout=45,
        what=f"{count} SKIMA note(s) on candidate {candidate_id} for job {job_id}",
    )


def assert_note_format(note: dict[str, Any], row: ScoreRow, job_id: int, job_title: str) -> None:
    """The score note as a recruiter reads it: the band on line 1, one line per requirement, the ids on a last
    `ref:` line, and a subject of words."""
    text = str(note["note"])
    assert text == note_text(row, None)  # exactly what the stored score says, and no shortlist link yet
    lines = text.splitlines()
    assert row.status == "scored" and row.score is not None
    band = band_for(row.score)
    assert lines[0] == f"SKIMA Match Score: {row.score}/100 ({band.label})"
    assert lines[0].startswith(f"SKIMA Match Score: {row.score}")  # filters on the old first line still match
    assert lines[1] == "SKIMA Reasons:"
    bullets = [line.removeprefix("- ") for line in lines[2:-1]]
    assert bullets and all(line.startswith("- ") and len(line) > 2 for line in lines[2:-1]), bullets
    # one line per requirement: every requirement the engine judged is named by at most one bullet
    labels = {str(r["label"]) for r in json.loads(row.result_json)["requirements"] if r["kind"] != "role"}
    for label in labels:
        named = [b for b in bullets if b.startswith((f"{label}:", f'Similar work to "{label}"'))]
        assert len(named) <= 1, (label, named)
    heads = [b.split(":", 1)[0] for b in bullets]
    assert len(heads) == len(set(heads)), bullets
    assert not any("not found in resume" in b or "(about " in b for b in bullets), bullets
    assert sum(b.startswith(("Recent role:", "Closest role:", "Role mismatch:", "Role: no ")) for b in bullets) == 1
    key = f"sk{job_id}-{row.candidate_id}-[0-9a-f]{{16}}"
    assert re.fullmatch(rf"ref: job {job_id} \| {key} \| receipt {row.receipt_id} \| skima-engine/\S+", lines[-1])
    assert str(note["subject"]) == f"SKIMA Match Score {row.score}/100 ({band.label}) - {job_title}"


def test_a_new_application_is_scored_and_written_back_once(app: RunningApp) -> None:
    sim = app.sim
    candidate = outsider(sim, JOB)
    sim.ui_save_resource(candidate, tagText="Do not call before 10am, Relocating")  # the recruiter's own tags
    wait_until(sim.delivered_webhooks, timeout=10, what="the save's ping")
    wait_settled(app)
    tags_before = tags_of(sim, candidate)
    assert tags_before == ["Do not call before 10am", "Relocating"]
    sim.reset_stats()

    sim.ui_create_application(JOB, candidate)
    wait_for_notes(app, candidate, JOB)
    wait_settled(app)

    notes = skima_notes(sim, candidate, JOB)
    assert len(notes) == 1
    assert_note_format(notes[0], score_row(app, JOB, candidate), JOB, "Senior Python Backend Engineer")
    tags = tags_of(sim, candidate)
    assert tags.count(SCREENED_TAG) == screened(sim)
    assert [tag for tag in tags if tag != SCREENED_TAG] == tags_before  # the recruiter's tags are kept
    figure("tracker calls per new application (webhook on, echo pings included)", calls(sim), sim)


def test_score_notes_read_in_five_seconds_and_the_job_hears_of_its_new_top10(app: RunningApp) -> None:
    sim = app.sim
    title = "Senior Python Backend Engineer"
    strong = sim.ui_create_resource(firstName="Priya", surname="Raman", resumeText=PYTHON_RESUME)
    weak = sim.ui_create_resource(firstName="Sam", surname="Okafor", resumeText=CHEF_RESUME)

    sim.ui_create_application(JOB, strong)
    wait_for_notes(app, strong, JOB)
    wait_settled(app)
    sim.ui_create_application(JOB, weak)
    wait_for_notes(app, weak, JOB)
    wait_settled(app)

    (strong_note,) = skima_notes(sim, strong, JOB)
    strong_row = score_row(app, JOB, strong)
    assert_note_format(strong_note, strong_row, JOB, title)
    print(f"\nSAMPLE NOTE\nSubject: {strong_note['subject']}\n{strong_note['note']}")
    assert strong_row.score is not None and band_for(strong_row.score).name in ("strong", "good")
    assert str(strong_note["note"]).splitlines()[2].startswith(("- Recent role: ", "- Closest role: "))

    (weak_note,) = skima_notes(sim, weak, JOB)
    weak_row = score_row(app, JOB, weak)
    assert_note_format(weak_note, weak_row, JOB, title)
    print(f"\nSAMPLE NOTE\nSubject: {weak_note['subject']}\n{weak_note['note']}")
    assert weak_row.score is not None and band_for(weak_row.score).name == "weak"
    weak_lines = str(weak_note["note"]).splitlines()
    assert weak_lines[2].startswith(f"- Role mismatch: asked {title}; closest role ")  # a gap, not a reason
    assert not any(": related - " in line or line.startswith("- Similar work") for line in weak_lines)

    # The chef entered the job's top-10 (Priya's score was its first, remembered as the baseline): one note on the
    # job, in words, with the score and the deciding requirement.
    summaries = [
        a
        for a in sim.state()["activities"]
        if a.get("linkRecordType") == "O"
        and int(a.get("linkRecordId") or 0) == JOB
        and str(a.get("subject") or "").startswith(SUMMARY_SUBJECT)
    ]
    (summary,) = summaries
    print(f"\nSAMPLE JOB SUMMARY\nSubject: {summary['subject']}\n{summary['note']}")
    assert summary["subject"] == f"{SUMMARY_SUBJECT}{title}"
    lines = str(summary["note"]).splitlines()
    assert lines[:2] == ["SKIMA top-10 changed: 1 entered, 0 left.", "Entered:"]
    assert lines[2].startswith(f"- Sam Okafor ({weak}) #2: {weak_row.score}/100 (weak match)")
    assert lines[-1].startswith(f"ref: job {JOB} | sktop{JOB}-")


def test_duplicate_pings_give_one_note(app: RunningApp) -> None:
    sim = app.sim
    candidate = outsider(sim, JOB)
    sim.set_fault("webhook_duplicate")  # Tracker delivers every ping twice...

    placement = sim.ui_create_application(JOB, candidate)

    def pings_with_their_duplicate() -> list[dict[str, Any]] | None:
        # The original ping can be seen delivered a moment before its twin: wait for both.
        pings = [d for d in sim.delivered_webhooks() if d["recordId"] == placement and d["delivered"]]
        return pings if any(d["duplicate"] for d in pings) else None

    delivered = wait_until(pings_with_their_duplicate, timeout=10, what="the application's ping and its duplicate")
    assert any(d["duplicate"] for d in delivered) and any(not d["duplicate"] for d in delivered)
    body = delivered[0]["body"]
    for _ in range(3):  # ...and re-sends it later
        response = httpx.post(app.webhook_url, json=json.loads(body) if isinstance(body, str) else body)
        assert response.status_code == 202
    wait_for_notes(app, candidate, JOB)
    wait_settled(app)

    notes = skima_notes(sim, candidate, JOB)
    assert len(notes) == 1, [note.get("subject") for note in notes] + [note.get("note") for note in notes]
    assert tags_of(sim, candidate).count(SCREENED_TAG) == screened(sim)


def test_with_webhooks_off_the_poller_catches_every_change(app: RunningApp) -> None:
    sim = app.sim
    sim.set_webhook(None)
    # One open job, so the poller's pipeline re-check fans out only this scenario's applications.
    description = str(sim.record("opportunity", JOB)["description"])
    seeded_open = [o["opportunityId"] for o in sim.state()["opportunities"] if o["state"] == "open"]
    job = sim.ui_create_opportunity(name="Python Backend Engineer", description=description, state="open")
    for opportunity_id in seeded_open:
        sim.ui_save_opportunity(opportunity_id, state="closed")
    first = sim.ui_create_resource(firstName="Sam", surname="Okafor", resumeText=CHEF_RESUME)
    sim.ui_create_application(job, first)  # "Applied": Tracker's getRecords X never lists it

    report = app.stack.invoke("PollerFunction", {})
    assert report.ok, report.error
    assert report.payload["open_jobs"] == 1
    wait_for_notes(app, first, job)
    wait_settled(app)
    first_score = score_row(app, job, first)

    # Webhooks still off: a new early-stage application and a changed resume.
    second = outsider(sim, JOB)
    sim.reset_stats()
    sim.ui_create_application(job, second)
    sim.ui_attach_document(first, "resume-2026.txt", text=PYTHON_RESUME, primary=True)
    report = app.stack.invoke("PollerFunction", {})
    assert report.ok, report.error
    assert report.payload["pipelines_checked"] == 1
    wait_for_notes(app, second, job)
    wait_for_notes(app, first, job, count=2)
    wait_settled(app)

    assert len(skima_notes(sim, second, job)) == 1
    assert len(skima_notes(sim, first, job)) == 2
    rescored = score_row(app, job, first)
    assert (rescored.score, rescored.reasons) != (first_score.score, first_score.reasons)
    assert tags_of(sim, second).count(SCREENED_TAG) == screened(sim)
    assert tags_of(sim, first).count(SCREENED_TAG) == screened(sim)
    figure("tracker calls per scored pair via the poller (1 new application + 1 changed resume)", calls(sim) / 2, sim)

    # Nothing changed since: a poll costs its reads and one request per open job re-checked, and writes nothing.
    sim.reset_stats()
    report = app.stack.invoke("PollerFunction", {})
    assert report.ok, report.error
    wait_settled(app)
    assert len(skima_notes(sim, second, job)) == 1 and len(skima_notes(sim, first, job)) == 2
    assert sim.stats()["writes"] == 0
    figure("tracker calls for a poll that finds nothing new (1 open job)", calls(sim), sim)
    assert sim.delivered_webhooks() == []  # every change above was found by polling alone


def test_401_storms_429s_5xx_and_lost_responses_end_in_one_note_and_one_tag(app: RunningApp) -> None:
    sim = app.sim
    candidate = outsider(sim, JOB)
    sim.set_fault("unauthorized", count=4)  # a 401 storm outlasting one re-exchange
    sim.set_fault("rate_limit", count=2, retry_after=1)
    sim.set_fault("http_error", status=503, count=2)
    sim.set_fault("lost_response", path=r"^/api/widget/createActivity$", count=1)  # committed, answer lost
    sim.set_fault("lost_response", path=r"^/api/widget/updateRecord$", count=1)

    sim.ui_create_application(JOB, candidate)
    wait_for_notes(app, candidate, JOB)
    wait_settled(app, timeout=60)

    fired = sim.stats()["faults_fired"]
    assert {"unauthorized", "rate_limit", "http_error", "lost_response"} <= set(fired), fired
    assert fired["lost_response"] == 1 + screened(sim)  # no tag write (so no lost one) where tags cannot be read
    assert len(skima_notes(sim, candidate, JOB)) == 1
    assert tags_of(sim, candidate).count(SCREENED_TAG) == screened(sim)


def test_a_poison_message_reaches_the_dlq_without_blocking_its_batch(app: RunningApp) -> None:
    sim = app.sim
    sim.set_webhook(None)  # the only hint for the application is the one sent with the poison below
    candidate = outsider(sim, JOB)
    placement = sim.ui_create_application(JOB, candidate)
    valid = RecordChanged(source="webhook", record_type=RecordType.OPPORTUNITY_RESOURCE, record_id=placement)
    poison = ["this is not json {", '{"kind": "record_changed", "record_type": "Nope", "record_id": -1}']
    app.stack.resources.client("sqs").send_message_batch(
        QueueUrl=app.stack.resources.queues["ScoreQueue"].url,
        Entries=[
            {"Id": "poison0", "MessageBody": poison[0]},
            {"Id": "valid", "MessageBody": valid.model_dump_json()},
            {"Id": "poison1", "MessageBody": poison[1]},
        ],
    )

    wait_for_notes(app, candidate, JOB)
    dead: list[str] = []

    def both_dead() -> bool:
        dead.extend(m["Body"] for m in app.stack.receive_messages("ScoreDeadLetterQueue", delete=True))
        return len(dead) >= 2

    wait_until(both_dead, timeout=45, what="the poison messages in the dead-letter queue")
    wait_settled(app)
    assert sorted(dead) == sorted(poison)  # kept verbatim for inspection
    assert len(skima_notes(sim, candidate, JOB)) == 1


def test_a_changed_resume_gives_a_new_score_and_note_an_unchanged_save_none(app: RunningApp) -> None:
    sim = app.sim
    candidate = sim.ui_create_resource(firstName="Sam", surname="Okafor", resumeText=CHEF_RESUME)
    sim.ui_create_application(JOB, candidate)
    wait_for_notes(app, candidate, JOB)
    wait_settled(app)
    before = score_row(app, JOB, candidate)

    sim.reset_stats()
    job_title = sim.record("resource", candidate).get("jobTitle") or ""
    sim.ui_save_resource(candidate, jobTitle=job_title)  # saved, nothing changed
    wait_until(lambda: sim.delivered_webhooks()[-1]["recordId"] == candidate, timeout=10, what="the save's ping")
    wait_settled(app)
    assert len(skima_notes(sim, candidate, JOB)) == 1
    assert score_row(app, JOB, candidate).inputs_hash == before.inputs_hash
    figure("tracker calls for an unchanged re-save (re-check, no write)", calls(sim), sim)
    assert sim.stats()["writes"] == 0

    sim.ui_attach_document(candidate, "resume-2026.txt", text=PYTHON_RESUME, primary=True)
    notes = wait_for_notes(app, candidate, JOB, count=2)
    wait_settled(app)
    after = score_row(app, JOB, candidate)
    assert after.inputs_hash != before.inputs_hash
    assert (after.score, after.reasons) != (before.score, before.reasons)
    assert len(skima_notes(sim, candidate, JOB)) == 2
    assert_note_format(notes[-1], after, JOB, "Senior Python Backend Engineer")
    assert tags_of(sim, candidate).count(SCREENED_TAG) == screened(sim)


NEW_JOB_DESCRIPTION = """We are hiring a Python Backend Developer to build our payments APIs.

Requirements:
- 5+ years of professional software development, mostly in Python
- Django or FastAPI, REST APIs and microservices
- PostgreSQL and Redis
- Docker and AWS

Nice to have: Kubernetes, Terraform, Kafka.
"""


def test_a_new_job_rediscovers_known_candidates_into_its_top10(app: RunningApp) -> None:
    sim = app.sim
    # Candidates the integration already knows: scored for another job, so their profiles are cached and indexed.
    pythonistas = [
        sim.ui_create_resource(firstName=first, surname="Known", resumeText=PYTHON_RESUME.replace("Priya", first))
        for first in ("Ada", "Brian", "Chidi")
    ]
    chef = sim.ui_create_resource(firstName="Sam", surname="Okafor", resumeText=CHEF_RESUME)
    for candidate in [*pythonistas, chef]:
        sim.ui_create_application(JOB, candidate)
    wait_until(lambda: all(skima_notes(sim, c, JOB) for c in pythonistas), timeout=60, what="the first job's notes")
    wait_settled(app)
    sim.reset_stats()

    new_job = sim.ui_create_opportunity(name="Python Backend Developer", description=NEW_JOB_DESCRIPTION)

    # Nobody applied to the new job; its ping alone brings the best known candidates into its top-10.
    store = DynamoScoreStore(app.stack.resources.client("dynamodb"), app.stack.resources.tables["ScoresTable"])
    top = wait_until(
        lambda: [row for row in store.top10(new_job) if row.origin == "rediscovery"],
        timeout=60,
        what="rediscovered candidates in the new job's top-10",
    )
    wait_settled(app)
    top = store.top10(new_job)
    rediscovered = {row.candidate_id for row in top if row.origin == "rediscovery"}
    assert set(pythonistas) <= rediscovered
    assert chef not in rediscovered  # an unrelated resume never makes it
    for candidate in pythonistas:
        assert len(skima_notes(sim, candidate, new_job)) == 1  # notes only for the top-10, once each
    assert skima_notes(sim, chef, new_job) == []
    assert all(row.placement_id is None for row in top)  # nobody was put into the pipeline or moved
    figure("tracker calls for a new job's rediscovery (3 entrants)", calls(sim), sim)
