"""Nothing leaks the API token, the JWT or a candidate's details into logs or exception messages."""

from __future__ import annotations

import logging

import httpx
import pytest

from skima.tracker import TrackerError
from tests.unit.tracker.fakes import API_TOKEN, CANDIDATE_EMAIL, CANDIDATE_NAME, lose_response, raise_error, respond


def _secrets(tracker) -> list[str]:
    jwts = [f"jwt-{n}-SECRETJWT" for n in range(1, tracker.jwt_counter + 1)]
    return [API_TOKEN, "SECRETJWT", CANDIDATE_EMAIL, CANDIDATE_NAME, *jwts]


def test_faulty_run_logs_no_secrets_or_pii(make_client, tracker, caplog):
    caplog.set_level(logging.DEBUG)
    client = make_client()
    messages: list[str] = []

    def attempt(call) -> None:
        try:
            call()
        except TrackerError as exc:
            messages.append(str(exc))
            messages.append(repr(exc))

    tracker.interceptors.append(respond(503, times=1, path="/Resource/"))
    tracker.interceptors.append(respond(429, times=1, path="/Resource/", headers={"Retry-After": "1"}))
    tracker.interceptors.append(raise_error(httpx.ReadTimeout, times=1, path="/Resource/"))
    attempt(lambda: client.get_resource(7))
    tracker.valid_jwt = "jwt-999-SECRETJWT"  # invalidated elsewhere: 401 then recovery
    attempt(lambda: client.get_resource(7))
    tracker.interceptors.append(lose_response(times=1, path="createActivity"))
    attempt(
        lambda: client.create_activity(
            link_type="R",
            link_id=7,
            subject=f"About {CANDIDATE_NAME}",
            note=f"Contact {CANDIDATE_EMAIL}",
            idempotency_key="key-123456",
        )
    )
    attempt(lambda: client.add_tag(7, "SKIMA Screened"))
    tracker.interceptors.append(
        respond(200, times=1, path="/Resource/", body={"firstName": CANDIDATE_NAME, "email": CANDIDATE_EMAIL})
    )
    attempt(lambda: client.get_resource(7))  # no id: bad shape, message must not quote the input
    tracker.interceptors.append(respond(400, times=1, path="/Resource/", body={"detail": CANDIDATE_EMAIL}))
    attempt(lambda: client.get_resource(7))
    tracker.api_token = "rotated"
    tracker.valid_jwt = None
    attempt(lambda: client.get_resource(7))  # exchange refused: TrackerAuthError

    assert len(messages) >= 6  # the failures above did happen
    assert caplog.records, "the faults should have been logged"
    logged = caplog.text + "\n".join(str(r.__dict__) for r in caplog.records)
    for secret in _secrets(tracker):
        assert secret not in logged, f"{secret!r} leaked into logs"
        for message in messages:
            assert secret not in message, f"{secret!r} leaked into an exception message"


def test_settings_repr_hides_the_api_token(make_client):
    client = make_client()
    assert API_TOKEN not in repr(client._settings)
    assert API_TOKEN not in str(client._settings.model_dump())


def test_bad_shape_error_has_no_pii(make_client, tracker):
    tracker.interceptors.append(
        respond(200, times=1, path="/Resource/", body={"resourceId": "not-a-number", "email": CANDIDATE_EMAIL})
    )
    with pytest.raises(TrackerError) as raised:
        make_client().get_resource(7)
    assert CANDIDATE_EMAIL not in str(raised.value)
    assert "resource_id" in str(raised.value) or "resourceid" in str(raised.value)
    assert raised.value.__cause__ is None
