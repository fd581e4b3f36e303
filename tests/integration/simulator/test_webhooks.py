"""Webhook pings: on every save (UI or API), token in the URL, shapes, drops/duplicates/delays, retries."""

from __future__ import annotations

import json
import time

import pytest

from local.trackerrms_sim.testing import running_simulator, webhook_receiver

from .conftest import START, Api


def _bodies(requests):
    return [json.loads(r["body"]) for r in requests]


def test_default_ping_on_ui_and_api_saves():
    with (
        webhook_receiver() as hook,
        running_simulator(shapes="guessed", candidates=20, webhook_url=hook.url, start_time=START) as sim,
    ):
        client = Api(sim)
        sim.ui_save_opportunity(2001, note="recruiter edit")
        hook.wait_for(1)
        client.patch("/api/v1/Resource/1001", {"tagText": "SKIMA Screened"})  # our own write pings too
        hook.wait_for(2)
        client.widget(
            "resourceApplication",
            {
                "instructions": {
                    "opportunityid": 2001,
                    "resourceid": 1019,
                    "assigntolist": "long",
                    "shortlistedby": "user",
                }
            },
        )
        requests = hook.wait_for(3)
        bodies = _bodies(requests)
        assert bodies[0] == {"recordType": "Opportunity", "action": "Updated", "recordId": 2001}
        assert bodies[1] == {"recordType": "Resource", "action": "Updated", "recordId": 1001}
        assert bodies[2]["recordType"] == "OpportunityResource" and bodies[2]["action"] == "Created"
        assert all(r["path"].endswith("?token=sim-webhook-token") for r in requests)
        assert not any(k.lower().startswith("x-") and "sign" in k.lower() for k in requests[0]["headers"])
        # activities are not records that ping
        client.widget("createActivity", {"activity": {"subject": "s", "linkRecordType": "R", "linkRecordId": 1001}})
        log = sim.wait_for_webhooks(3)
        assert len(log) == 3 and all(e["delivered"] and e["status"] == 200 for e in log)
        client.close()


@pytest.mark.parametrize(
    ("shape", "expected"),
    [
        ("id_type", {"Id": 1002, "Type": "Resource"}),
        ("nested", {"data": {"id": 1002, "type": "Resource", "event": "Updated"}}),
        ("query", {}),
    ],
)
def test_alternative_shapes(sim, shape, expected):
    with webhook_receiver() as hook:
        sim.set_webhook(hook.url, body_shape=shape, token="s3cret")
        sim.ui_save_resource(1002, note=f"shape {shape}")
        request = hook.wait_for(1)[0]
        assert json.loads(request["body"]) == expected
        assert "token=s3cret" in request["path"]
        if shape == "query":
            assert "id=1002" in request["path"]


def test_record_types_can_be_limited(sim):
    with webhook_receiver() as hook:
        sim.set_webhook(hook.url, record_types=["Opportunity"])
        sim.ui_save_resource(1003, note="no ping")
        sim.ui_save_opportunity(2002, note="ping")
        assert _bodies(hook.wait_for(1)) == [{"recordType": "Opportunity", "action": "Updated", "recordId": 2002}]
        sim.wait_for_webhooks(1)
        assert len(hook.requests()) == 1


def test_drop_and_duplicate_are_seeded(sim):
    with webhook_receiver() as hook:
        sim.set_webhook(hook.url)
        start = len(sim.delivered_webhooks())
        sim.set_fault("webhook_drop", probability=0.5, seed=5)
        sim.set_fault("webhook_duplicate", probability=0.5, seed=6)
        for i in range(12):
            sim.ui_save_resource(1004, note=f"save {i}")
        log = sim.wait_for_webhooks(start + 12)[start:]
        dropped = [e for e in log if e["dropped"]]
        dupes = [e for e in log if e["duplicate"]]
        assert dropped and dupes
        delivered = [e for e in log if not e["dropped"]]
        assert len(hook.wait_for(len(delivered))) == len(delivered)
    # same seeds, same decisions
    with running_simulator(shapes="guessed", candidates=20, start_time=START) as other, webhook_receiver() as hook2:
        other.set_webhook(hook2.url)
        other.set_fault("webhook_drop", probability=0.5, seed=5)
        other.set_fault("webhook_duplicate", probability=0.5, seed=6)
        for i in range(12):
            other.ui_save_resource(1004, note=f"save {i}")
        log2 = other.wait_for_webhooks(len(log))
        assert [(e["dropped"], e["duplicate"]) for e in log2] == [(e["dropped"], e["duplicate"]) for e in log]


def test_delay_reorders_pings(sim):
    with webhook_receiver() as hook:
        sim.set_webhook(hook.url)
        sim.set_fault("webhook_delay", seconds=0.4, count=1)
        sim.ui_save_resource(1005, note="first, delivered late")
        sim.ui_save_resource(1006, note="second, delivered first")
        ids = [b["recordId"] for b in _bodies(hook.wait_for(2))]
        assert ids == [1006, 1005]


def test_retry_on_non_2xx():
    with (
        webhook_receiver(statuses=[500, 503]) as hook,
        running_simulator(
            candidates=10, webhook_url=hook.url, webhook_retries=3, webhook_retry_delay=0.01, start_time=START
        ) as sim,
    ):
        sim.ui_save_resource(1001, note="retry me")
        requests = hook.wait_for(3)
        assert [r["status"] for r in requests] == [500, 503, 200]
        for _ in range(100):  # the log entry is updated just after the receiver answers
            entry = sim.wait_for_webhooks(1)[0]
            if entry["delivered"]:
                break
            time.sleep(0.02)
        assert entry["delivered"] and entry["attempts"] == 3 and entry["status"] == 200


def test_no_retry_by_default(sim):
    with webhook_receiver(statuses=[500]) as hook:
        sim.set_webhook(hook.url)
        start = len(sim.delivered_webhooks())
        sim.ui_save_resource(1007, note="once")
        entry = sim.wait_for_webhooks(start + 1)[start]
        assert entry["status"] == 500 and entry["attempts"] == 1 and not entry["delivered"]
        assert len(hook.requests()) == 1


def test_unreachable_receiver_is_logged(sim):
    sim.set_webhook("http://127.0.0.1:9/nowhere")
    start = len(sim.delivered_webhooks())
    sim.ui_save_resource(1008, note="nobody listens")
    entry = sim.wait_for_webhooks(start + 1)[start]
    assert entry["error"] and not entry["delivered"]
