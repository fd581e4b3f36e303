"""The simulator's default, evidenced shapes (decision 0007); the guessed ones are pinned elsewhere."""

from __future__ import annotations

import base64
from datetime import datetime, timedelta

import httpx
import pytest

from local.trackerrms_sim.testing import running_simulator
from tests.integration.simulator.conftest import START, Api


@pytest.fixture(scope="module")
def evidenced_sim():
    with running_simulator(seed=5, candidates=30, start_time=START) as sim:
        yield sim


@pytest.fixture
def api(evidenced_sim):
    client = Api(evidenced_sim)
    yield client
    client.close()


def _oauth(sim, http: httpx.Client) -> str:
    response = http.post(
        "/oAuth2/Token",
        data={"grant_type": "refresh_token", "client_id": "EvoApi_1.0", "refresh_token": sim.oauth_refresh_token},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["expires_in"] == 3600 and body["refresh_token"] == sim.oauth_refresh_token
    return str(body["access_token"])


def _widget(api, op: str, instructions: dict) -> dict:
    """Widget calls with body credentials (the REST JWT is refused there)."""
    return api.widget(op, {"credentials": {"apikey": api.sim.api_token}, "instructions": instructions}, bearer=False)


def test_evidenced_is_the_default(evidenced_sim):
    assert evidenced_sim.shapes == "evidenced"


def test_create_activity_answers_without_an_id(api):
    body = {"activity": {"subject": "s", "type": "Note", "note": "n", "linkRecordType": "R", "linkRecordId": 1001}}
    assert api.widget("createActivity", body, bearer=False) == {"status": 1, "message": "User not found", "count": 0}
    body["credentials"] = {"apikey": api.sim.api_token}
    assert api.widget("createActivity", body, bearer=False) == {"status": 0, "message": "success", "count": 0}


def test_the_widget_refuses_the_rest_jwt_and_takes_its_own_bearer(api):
    response = api.http.post("/api/widget/checkLogon", headers=api.auth, json={"trackerrms": {"checkLogon": {}}})
    assert response.status_code == 401
    token = _oauth(api.sim, api.http)
    response = api.http.post(
        "/api/widget/checkLogon", headers={"Authorization": f"Bearer {token}"}, json={"trackerrms": {"checkLogon": {}}}
    )
    assert response.json()["status"] == 0
    # also as credentials.oauthtoken in the body
    assert api.widget("checkLogon", {"credentials": {"oauthtoken": token}}, bearer=False)["status"] == 0
    bad = api.http.post(
        "/oAuth2/Token", data={"grant_type": "refresh_token", "client_id": "EvoApi_1.0", "refresh_token": "x"}
    )
    assert bad.status_code == 400 and bad.json() == {"error": "invalid_grant"}


def test_documents_are_wrapped_and_served_as_base64_json_on_the_singular_route(api):
    resource_id = next(r["resourceId"] for r in api.sim.state()["resources"] if r.get("documents"))
    listing = api.get(f"/api/v1/Resource/{resource_id}/Documents").json()
    assert set(listing) == {"items", "count"}
    row = listing["items"][0]
    assert "resourceDocumentId" in row and "fileName" in row and "documentId" not in row
    doc = api.get(f"/api/v1/Resource/{resource_id}/Document/{row['resourceDocumentId']}")
    assert doc.headers["content-type"].startswith("application/json")
    assert doc.json()["filename"] == row["fileName"]
    assert base64.b64decode(doc.json()["filecontent"])
    guessed = api.get(f"/api/v1/Resource/{resource_id}/Documents/{row['resourceDocumentId']}/Download")
    assert guessed.status_code == 404
    assert api.get(f"/api/v1/Resource/{resource_id + 1}/Document/{row['resourceDocumentId']}").status_code == 404


def test_candidate_reads_carry_no_tags(api):
    api.sim.ui_save_resource(1002, tagText="Hot")
    assert "tagText" not in api.get("/api/v1/Resource/1002").json()
    individual = _widget(api, "getIndividualRecord", {"recordtype": "R", "recordid": 1002})
    assert "tag" not in individual["results"][0]
    rows = _widget(api, "getRecords", {"recordtype": "R", "recordid": 1002})["results"]
    assert "tag" not in rows[0]["details"]
    assert api.sim.state()["tags"]["1002"] == "Hot"  # stored, only not shown


def test_the_widget_job_read_has_the_name_as_description_and_rest_the_text(api):
    name = api.sim.record("opportunity", 2001)["name"]
    (job,) = _widget(api, "getIndividualRecord", {"recordtype": "O", "recordid": 2001})["results"]
    assert job["description"] == name
    assert len(api.get("/api/v1/Opportunity/2001").json()["description"].split()) > 50


def test_stamps_are_tenant_local_five_hours_behind_utc(api):
    clock = api.sim._call("GET", "/_sim/clock")
    local, utc = datetime.fromisoformat(clock["now"]), datetime.fromisoformat(clock["utc"])
    assert abs((utc - local) - timedelta(hours=5)) < timedelta(seconds=2)
    api.sim.ui_save_resource(1003, note="now")
    stamp = datetime.fromisoformat(api.get("/api/v1/Resource/1003").json()["lastUpdatedDateTime"])
    assert abs(stamp - local) < timedelta(seconds=3)
    # the JWT's expiration stays honest UTC
    expiration = api.http.post("/api/Auth/ExchangeToken", json={"bearerToken": api.sim.api_token}).json()["expiration"]
    assert abs(datetime.fromisoformat(expiration.rstrip("Z")) - (utc + timedelta(days=7))) < timedelta(seconds=5)


def test_shapes_switch_at_run_time_and_bad_values_are_refused(evidenced_sim):
    evidenced_sim.configure(shapes="guessed")
    try:
        assert evidenced_sim.shapes == "guessed"
    finally:
        evidenced_sim.configure(shapes="evidenced")
    with pytest.raises(Exception, match="shapes"):
        evidenced_sim.configure(shapes="imagined")
    with pytest.raises(TypeError, match="shapes"), running_simulator(candidates=1, shapes="imagined"):
        pass


def test_offset_is_configurable(evidenced_sim):
    with running_simulator(candidates=2, tenant_utc_offset_minutes=570) as sim:
        clock = sim._call("GET", "/_sim/clock")
        delta = datetime.fromisoformat(clock["now"]) - datetime.fromisoformat(clock["utc"])
        assert abs(delta - timedelta(minutes=570)) < timedelta(seconds=2)
