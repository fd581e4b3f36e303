"""No secrets or PII in logs during a faulty run; the DynamoDB token cache shared by two clients."""

from __future__ import annotations

import logging
import threading

import boto3
import pytest
from moto import mock_aws

from skima.adapters.dynamo_state import DynamoRequestBudget, DynamoTokenCache
from skima.tracker import TrackerError
from tests.integration.tracker_contract.conftest import EXCHANGE, sim_requests


def test_faulty_run_leaks_no_token_jwt_or_candidate_details(sim, make_client, caplog):
    caplog.set_level(logging.DEBUG)
    client = make_client(request_timeout_seconds=0.4)
    people = [sim.record("resource", rid) for rid in (1001, 1002, 1003)]
    messages: list[str] = []

    def attempt(call) -> None:
        try:
            call()
        except TrackerError as exc:
            messages.append(f"{exc} {exc!r}")

    sim.set_fault("unauthorized", count=1, path=r"^/api/v1/")
    sim.set_fault("rate_limit", retry_after=0, count=1, path=r"^/api/v1/")
    sim.set_fault("http_error", status=503, count=1, path=r"^/api/v1/")
    sim.set_fault("timeout", seconds=1.0, count=1, path=r"^/api/v1/")
    for person in people:
        attempt(lambda person=person: client.get_resource(person["resourceId"]))
    first_jwt = client.jwt._cache.read().token
    sim.set_fault("invalidate_jwt")
    sim.set_fault("lost_response", mode="drop", count=2, path=r"^/api/widget/")
    attempt(
        lambda: client.create_activity(
            link_type="R",
            link_id=1001,
            subject=f"Note on {people[0]['firstName']}",
            note=f"Email {people[0]['email']}",
            idempotency_key="leak-check-1",
        )
    )
    attempt(lambda: client.add_tag(1002, "SKIMA Screened"))
    sim.set_fault("http_error", status=400, count=1, path=r"^/api/v1/")
    attempt(lambda: client.get_resource(1003))
    sim.rotate_api_token("rotated-token-abc")
    sim.set_fault("invalidate_jwt")
    attempt(lambda: client.get_resource(1003))  # API token refused

    assert len(messages) == 2
    assert caplog.records
    second_jwt = client.jwt._cache.read().token
    secrets = ["sim-api-token", first_jwt, second_jwt]
    for person in people:
        secrets += [person["email"], person["firstName"], person["surname"]]
    logged = caplog.text + "\n".join(str(r.__dict__) for r in caplog.records)
    for secret in secrets:
        assert secret not in logged
        assert all(secret not in m for m in messages)


TABLE = "skima-state"


class AtomicMotoClient:
    """moto applies conditional updates without per-item atomicity under threads (measured: two threads
    can both pass ``attribute_not_exists``), which real DynamoDB never does. Serialise calls to get
    DynamoDB's semantics back; the code under test is unchanged."""

    def __init__(self, client) -> None:
        self._client = client
        self._lock = threading.Lock()

    def __getattr__(self, name: str):
        attr = getattr(self._client, name)
        if not callable(attr):
            return attr

        def call(*args, **kwargs):
            with self._lock:
                return attr(*args, **kwargs)

        return call


@pytest.fixture
def dynamodb():
    with mock_aws():
        client = boto3.client("dynamodb", region_name="eu-west-2")
        client.create_table(
            TableName=TABLE,
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
            AttributeDefinitions=[
                {"AttributeName": "pk", "AttributeType": "S"},
                {"AttributeName": "sk", "AttributeType": "S"},
            ],
            BillingMode="PAY_PER_REQUEST",
        )
        yield AtomicMotoClient(client)


def test_dynamo_cache_shared_by_concurrent_clients_exchanges_once(sim, make_client, dynamodb):
    clients = [make_client(cache=DynamoTokenCache(dynamodb, TABLE)) for _ in range(3)]
    barrier = threading.Barrier(3)
    errors: list[BaseException] = []

    def work(client) -> None:
        barrier.wait()
        try:
            for i in range(3):
                client.get_resource(1001 + i)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(c,)) for c in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    assert sim_requests(sim, EXCHANGE) == 1
    sim.set_fault("invalidate_jwt")
    for client in clients:
        client.get_resource(1004)
    assert sim_requests(sim, EXCHANGE) == 2
    assert sim.stats()["statuses"].get("401", 0) == 3  # each client met the dead JWT once, then took the new one


def test_dynamo_request_budget_shared_by_two_clients(sim, make_client, dynamodb):
    wall = {"now": 6000.0}
    waits: list[float] = []

    def fake_sleep(seconds: float) -> None:
        waits.append(seconds)
        wall["now"] += seconds

    budget = DynamoRequestBudget(dynamodb, TABLE, limit=4, wall_clock=lambda: wall["now"])
    first, second = make_client(), make_client()
    for c in (first, second):
        c._budget = budget
        c._sleep = fake_sleep
    first.get_resource(1001)  # exchange + read
    second.get_resource(1002)  # exchange + read: the window's 4 are spent
    assert waits == []
    first.get_resource(1003, deadline=first.deadline(120))
    assert waits and sum(waits) >= 60 - 1e-6
