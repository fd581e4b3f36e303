"""Share-link and feedback notes against the Tracker simulator (real HTTP on 127.0.0.1, the real client): each
note exactly once, even when Tracker commits a write and the response is lost."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from local.trackerrms_sim.testing import SimHandle, running_simulator
from skima.adapters.tracker_source import TrackerRecordSource
from skima.models import FeedbackGiven
from skima.shortlist.links import ShareLinks
from skima.tracker.client import TrackerClient
from skima.tracker.ports import InMemoryRequestBudget, InMemoryTokenCache
from skima.tracker.settings import TrackerSettings
from skima.writeback import WriteBack, WriteBackPolicy
from tests.fakes import FakeLinkStore, FakeOutbox


@pytest.fixture
def sim() -> Iterator[SimHandle]:
    with running_simulator(seed=11, candidates=20) as handle:
        yield handle


@pytest.fixture
def client(sim: SimHandle) -> Iterator[TrackerClient]:
    settings = TrackerSettings(
        rest_base_url=sim.base_url,
        widget_base_url=sim.base_url,
        api_token=SecretStr(sim.api_token),
        request_timeout_seconds=2.0,
    )
    with httpx.Client(trust_env=False) as http:
        yield TrackerClient(
            http,
            settings,
            token_cache=InMemoryTokenCache(),
            request_budget=InMemoryRequestBudget(600),
            sleep=lambda _: None,
        )


def notes(sim: SimHandle, marker: str) -> list[dict[str, Any]]:
    return [a for a in sim.records("activity") if marker in (a.get("subject") or "") + (a.get("note") or "")]


def test_share_link_note_on_the_job_and_top10_once(sim: SimHandle, client: TrackerClient) -> None:
    job_id = int(sim.records("opportunity")[0]["opportunityId"])
    candidate_ids = [int(r["resourceId"]) for r in sim.records("resource")[:3]]
    links = ShareLinks(FakeLinkStore(), "https://abc.lambda-url.eu-west-2.on.aws/")
    sync = links.sync_share_tag(job_id, "Data Engineer", ["SKIMA Share"], "SKIMA Share")
    assert sync.created is not None
    outbox = FakeOutbox()
    tracker = TrackerRecordSource(client, lambda: client.deadline(20))
    sim.set_fault("lost_response", path="^/api/widget/createActivity$", count=1, mode="drop")
    created = sync.created
    writeback = WriteBack(tracker, outbox)
    assert (
        writeback.announce_link(created, candidate_ids, mark_announced=lambda: links.mark_announced(created.link)) == 4
    )
    assert (
        writeback.announce_link(created, candidate_ids, mark_announced=lambda: links.mark_announced(created.link)) == 0
    )
    assert sim.stats()["faults_fired"] == {"lost_response": 1}
    assert links.list(job_id)[0].announced_at is not None
    written = notes(sim, f"Shortlist Link: {sync.created.url}")
    assert sorted((n["linkRecordType"], int(n["linkRecordId"])) for n in written) == sorted(
        [("O", job_id)] + [("R", cid) for cid in candidate_ids]
    )


def test_feedback_note_survives_a_lost_response_and_a_redelivery(sim: SimHandle, client: TrackerClient) -> None:
    candidate_id = int(sim.records("resource")[0]["resourceId"])
    message = FeedbackGiven(
        job_id=int(sim.records("opportunity")[0]["opportunityId"]),
        candidate_id=candidate_id,
        verdict="down",
        comment="Salary expectations too high",
        link_id="L-abc123",
        feedback_key="v#abcdefghijklmnop",
        job_title="Data Engineer",
        submitted_at=datetime(2026, 11, 28, 9, tzinfo=UTC),
    )
    tracker = TrackerRecordSource(client, lambda: client.deadline(20))
    outbox = FakeOutbox()
    sim.set_fault("lost_response", path="^/api/widget/createActivity$", count=1, mode="drop")
    writeback = WriteBack(tracker, outbox)
    writeback.feedback(message)
    writeback.feedback(message)  # the message delivered again
    assert sim.stats()["faults_fired"] == {"lost_response": 1}
    written = notes(sim, "HM Feedback")
    assert len(written) == 1
    assert int(written[0]["linkRecordId"]) == candidate_id
    assert "HM Feedback: 👎" in written[0]["note"] and "HM Comment: Salary expectations too high" in written[0]["note"]


def test_a_thumbs_up_moves_from_the_stage_tracker_has_now_not_the_one_the_vote_carries(
    sim: SimHandle, client: TrackerClient
) -> None:
    placement = sim.records("placement")[0]
    placement_id = int(placement["opportunityResourceId"])
    tracker = TrackerRecordSource(client, lambda: client.deadline(20))
    client.ensure_token()  # the JWT exchange and the widget auth probe are once per container, not per vote
    client.widget_auth_method()

    def thumbs_up(feedback_key: str) -> bool:
        message = FeedbackGiven(
            job_id=int(placement["opportunityId"]),
            candidate_id=int(placement["resourceId"]),
            verdict="up",
            link_id="L-abc123",
            feedback_key=feedback_key,
            placement_id=placement_id,
            placement_status_name="Applied",  # stored at the candidate's last scoring
            submitted_at=datetime(2026, 11, 28, 9, tzinfo=UTC),
        )
        return WriteBack(tracker, FakeOutbox(), policy=WriteBackPolicy(stage_status_id=4)).feedback(message).stage_moved

    sim.ui_update_application(placement_id, 6)  # First Interview: a recruiter has moved the candidate on
    before = client.request_count
    assert not thumbs_up("v#stale-stage-0001")
    assert sim.record("placement", placement_id)["statusId"] == 6
    assert client.request_count - before == 2  # the note and the live stage

    sim.ui_update_application(placement_id, 1)  # Applied
    before = client.request_count
    assert thumbs_up("v#early-stage-0001")
    assert sim.record("placement", placement_id)["statusId"] == 4
    assert client.request_count - before == 3  # the note, the live stage, the move
