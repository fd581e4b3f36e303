"""ExchangeToken, the one-JWT-per-token rule, expiry, and Widget auth."""

from __future__ import annotations

from datetime import datetime

import httpx

from local.trackerrms_sim.testing import running_simulator

from .conftest import START


def _exchange(client: httpx.Client, token: str) -> httpx.Response:
    return client.post("/api/Auth/ExchangeToken", json={"bearerToken": token})


def test_exchange_returns_jwt_and_expiration_seven_days_ahead(sim):
    with httpx.Client(base_url=sim.base_url) as client:
        response = _exchange(client, sim.api_token)
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"token", "expiration"}
    assert body["token"].count(".") == 2  # looks like a JWT
    expiration = datetime.fromisoformat(body["expiration"].replace("Z", ""))
    now = datetime.fromisoformat(sim.now())
    assert 6.99 < (expiration - now).total_seconds() / 86400 <= 7


def test_unknown_token_and_bad_body(sim):
    with httpx.Client(base_url=sim.base_url) as client:
        assert _exchange(client, "not-the-token").status_code == 401
        assert client.post("/api/Auth/ExchangeToken", json={}).status_code == 400
        assert (
            client.post(
                "/api/Auth/ExchangeToken", content=b"{nope", headers={"Content-Type": "application/json"}
            ).status_code
            == 400
        )


def test_api_requires_current_bearer(sim):
    with httpx.Client(base_url=sim.base_url) as client:
        missing = client.get("/api/v1/Resource/1001")
        assert missing.status_code == 401
        assert "invalid_token" in missing.headers["WWW-Authenticate"]
        assert client.get("/api/v1/Resource/1001", headers={"Authorization": "Bearer junk"}).status_code == 401


def test_new_exchange_invalidates_previous_jwt(sim):
    with httpx.Client(base_url=sim.base_url) as client:
        first = _exchange(client, sim.api_token).json()["token"]
        assert client.get("/api/v1/Resource/1001", headers={"Authorization": f"Bearer {first}"}).status_code == 200
        second = _exchange(client, sim.api_token).json()["token"]
        assert second != first
        assert client.get("/api/v1/Resource/1001", headers={"Authorization": f"Bearer {first}"}).status_code == 401
        assert client.get("/api/v1/Resource/1001", headers={"Authorization": f"Bearer {second}"}).status_code == 200


def test_single_jwt_rule_is_switchable():
    with (
        running_simulator(shapes="guessed", candidates=20, single_jwt=False, start_time=START) as sim,
        httpx.Client(base_url=sim.base_url) as client,
    ):
        first = _exchange(client, sim.api_token).json()["token"]
        second = _exchange(client, sim.api_token).json()["token"]
        for jwt in (first, second):
            assert client.get("/api/v1/Resource/1001", headers={"Authorization": f"Bearer {jwt}"}).status_code == 200


def test_jwt_expires_after_seven_days(fresh_sim):
    with httpx.Client(base_url=fresh_sim.base_url) as client:
        jwt = _exchange(client, fresh_sim.api_token).json()["token"]
        headers = {"Authorization": f"Bearer {jwt}"}
        fresh_sim.advance_clock(7 * 86400 - 60)
        assert client.get("/api/v1/Resource/1001", headers=headers).status_code == 200
        fresh_sim.advance_clock(61)
        assert client.get("/api/v1/Resource/1001", headers=headers).status_code == 401


def test_rotated_api_token_invalidates_old_token_and_jwts(fresh_sim):
    with httpx.Client(base_url=fresh_sim.base_url) as client:
        old_token = fresh_sim.api_token
        jwt = _exchange(client, old_token).json()["token"]
        fresh_sim.rotate_api_token("brand-new-token")
        assert client.get("/api/v1/Resource/1001", headers={"Authorization": f"Bearer {jwt}"}).status_code == 401
        assert _exchange(client, old_token).status_code == 401
        assert _exchange(client, "brand-new-token").status_code == 200


def test_widget_auth_by_bearer_or_apikey(sim, api):
    payload = {"instructions": {"recordtype": "O", "numrecords": 1}}
    assert api.widget("getRecords", payload)["status"] == 0
    with_key = api.widget("getRecords", {**payload, "credentials": {"apikey": sim.api_token}}, bearer=False)
    assert with_key["status"] == 0
    no_auth = api.widget("getRecords", payload, bearer=False)
    assert no_auth["status"] == 1 and "results" not in no_auth
    wrong_key = api.widget("getRecords", {**payload, "credentials": {"apikey": "nope"}}, bearer=False)
    assert wrong_key["status"] == 1
    stale = api.http.post(
        "/api/widget/getRecords",
        headers={"Authorization": "Bearer stale"},
        json={"trackerrms": {"getRecords": payload}},
    )
    assert stale.status_code == 401


def test_invalidate_jwt_action(sim, api):
    assert api.get("/api/v1/Resource/1001").status_code == 200
    assert sim.set_fault("invalidate_jwt") is None
    assert api.get("/api/v1/Resource/1001").status_code == 401
    api.jwt = api.exchange()
    assert api.get("/api/v1/Resource/1001").status_code == 200
