"""Writes whose responses are lost land exactly once."""

from __future__ import annotations

import pytest

from skima.tracker import TrackerUnavailable
from tests.integration.tracker_contract.conftest import evidenced

CREATE = r"^/api/widget/createActivity$"
UPDATE = r"^/api/widget/updateRecord$"


def _ours(sim, key: str) -> list[dict]:
    return [a for a in sim.state()["activities"] if f"[{key}]" in (a.get("subject") or "")]


def _note(client, key: str, **kw) -> int | None:
    return client.create_activity(
        link_type="R",
        link_id=1001,
        subject="SKIMA Match Score 87",
        note="- 6 yrs Python\n- Django",
        idempotency_key=key,
        **kw,
    )


@pytest.mark.parametrize("mode", ["drop", "stall"])
def test_lost_activity_response_creates_exactly_one(sim, make_client, mode):
    sim.set_fault("lost_response", mode=mode, seconds=1.0, count=1, path=CREATE)
    activity_id = _note(make_client(request_timeout_seconds=0.4), "lost-" + mode)
    ours = _ours(sim, "lost-" + mode)
    assert len(ours) == 1
    assert ours[0]["activityId"] == activity_id  # the read-back found it, so its id is known
    assert sim.stats()["faults_fired"].get("lost_response") == 1


def test_repeated_lost_responses_still_one_activity(sim, make_client):
    sim.set_fault("lost_response", mode="drop", count=3, path=CREATE)
    activity_id = _note(make_client(), "lost-thrice")
    assert [a["activityId"] for a in _ours(sim, "lost-thrice")] == [activity_id]


@pytest.mark.parametrize(
    ("fault", "params"), [("drop_connection", {}), ("http_error", {"status": 503}), ("timeout", {"seconds": 1.0})]
)
def test_uncommitted_write_failures_are_resent_once(sim, make_client, fault, params):
    sim.set_fault(fault, count=1, path=CREATE, **params)
    _note(make_client(request_timeout_seconds=0.4), "resend-" + fault.replace("_", "-"))
    assert len(_ours(sim, "resend-" + fault.replace("_", "-"))) == 1


def test_rerun_with_check_existing_does_not_duplicate(sim, make_client):
    first = _note(make_client(), "rerun-0001")
    again = _note(make_client(), "rerun-0001", check_existing=True)
    assert len(_ours(sim, "rerun-0001")) == 1
    assert again == _ours(sim, "rerun-0001")[0]["activityId"]
    assert first == (None if evidenced(sim) else again)


def test_write_that_never_succeeds_raises_without_duplicates(sim, make_client):
    sim.set_fault("http_error", status=503, path=CREATE)
    client = make_client()
    with pytest.raises(TrackerUnavailable):
        _note(client, "never-0001", deadline=client.deadline(1.0))
    assert _ours(sim, "never-0001") == []


def test_lost_tag_write_lands_once_and_keeps_other_tags(sim, make_client):
    if evidenced(sim):
        pytest.skip("evidenced reads carry no tags, so no tag is written")
    resource_id = next(int(rid) for rid, tags in sim.state()["tags"].items() if tags == "Hot")
    sim.set_fault("lost_response", mode="drop", count=1, path=UPDATE)
    assert make_client().add_tag(resource_id, "SKIMA Screened") is True
    assert sim.state()["tags"][str(resource_id)] == "Hot, SKIMA Screened"
    assert sim.stats()["requests"].get("POST /api/widget/updateRecord") == 1


def test_tag_added_by_a_recruiter_between_retries_survives(sim, make_client):
    if evidenced(sim):
        pytest.skip("evidenced reads carry no tags, so no tag is written")
    resource_id = next(int(rid) for rid, tags in sim.state()["tags"].items() if tags == "Hot")
    sim.set_fault("http_error", status=503, count=1, path=UPDATE)
    client = make_client()
    original_sleep = client._sleep

    def recruiter_edits_during_backoff(seconds: float) -> None:
        sim.ui_save_resource(resource_id, tagText="Hot, Relocating")
        original_sleep(seconds)

    client._sleep = recruiter_edits_during_backoff
    client.add_tag(resource_id, "SKIMA Screened")
    assert sim.state()["tags"][str(resource_id)] == "Hot, Relocating, SKIMA Screened"


def test_lost_placement_status_and_application_responses(sim, make_client):
    client = make_client()
    placement = sim.state()["placements"][0]
    sim.set_fault("lost_response", mode="drop", count=1, path=UPDATE)
    client.set_placement_status(placement["opportunityResourceId"], 4)
    assert sim.record("placement", placement["opportunityResourceId"])["statusId"] == 4
    on_job = {p["resourceId"] for p in sim.state()["placements"] if p["opportunityId"] == 2003}
    resource_id = next(r["resourceId"] for r in sim.state()["resources"] if r["resourceId"] not in on_job)
    sim.set_fault("lost_response", mode="drop", count=1, path=r"^/api/widget/resourceApplication$")
    client.resource_application(2003, resource_id)
    pairs = [(p["opportunityId"], p["resourceId"]) for p in sim.state()["placements"]]
    assert pairs.count((2003, resource_id)) == 1
