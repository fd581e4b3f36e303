"""Each fault, its scoping and counting, search lag, unstable pages and the real rate limit."""

from __future__ import annotations

import email.utils

import httpx
import pytest

from local.trackerrms_sim.testing import running_simulator

from .conftest import START, Api


def test_unauthorized_storm_for_next_n_requests(sim, api):
    sim.set_fault("unauthorized", count=2)
    assert api.get("/api/v1/Resource/1001").status_code == 401
    assert (
        api.http.post(
            "/api/widget/getRecords",
            headers=api.auth,
            json={"trackerrms": {"getRecords": {"instructions": {"recordtype": "O"}}}},
        ).status_code
        == 401
    )
    assert api.get("/api/v1/Resource/1001").status_code == 200
    assert sim.stats()["faults_fired"] == {"unauthorized": 2}


def test_unauthorized_spares_the_token_exchange(sim, api):
    sim.set_fault("unauthorized")
    assert api.http.post("/api/Auth/ExchangeToken", json={"bearerToken": sim.api_token}).status_code == 200


@pytest.mark.parametrize(
    ("fmt", "check"),
    [
        ("seconds", lambda v: v == "7"),
        ("http-date", lambda v: email.utils.parsedate_to_datetime(v) is not None and "GMT" in v),
        ("absent", lambda v: v is None),
    ],
)
def test_rate_limit_fault_retry_after_formats(sim, api, fmt, check):
    sim.set_fault("rate_limit", retry_after=7, retry_after_format=fmt, count=1)
    response = api.get("/api/v1/Resource/1001")
    assert response.status_code == 429
    assert check(response.headers.get("Retry-After"))
    assert api.get("/api/v1/Resource/1001").status_code == 200


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_http_errors_commit_nothing(fresh_sim, fresh_api, status):
    before = fresh_api.get("/api/v1/Resource/1001").json()["note"]
    fresh_sim.set_fault("http_error", status=status, count=1, methods=["PATCH"])
    assert fresh_api.patch("/api/v1/Resource/1001", {"note": "should not stick"}).status_code == status
    assert fresh_api.get("/api/v1/Resource/1001").json()["note"] == before


def test_fault_scoped_by_path_and_method(sim, api):
    sim.set_fault("http_error", status=503, path=r"^/api/v1/Opportunity/", methods=["GET"])
    assert api.get("/api/v1/Opportunity/2001").status_code == 503
    assert api.get("/api/v1/Resource/1001").status_code == 200
    assert api.post("/api/v1/Opportunity/Search", {}).status_code == 200


def test_skip_then_fire(sim, api):
    sim.set_fault("http_error", status=500, skip=2, count=1)
    codes = [api.get("/api/v1/Resource/1001").status_code for _ in range(4)]
    assert codes == [200, 200, 500, 200]


def _pattern(seed: int) -> list[int]:
    with running_simulator(shapes="guessed", candidates=5, start_time=START) as sim:
        client = Api(sim)
        sim.set_fault("http_error", status=502, probability=0.5, seed=seed)
        codes = [client.get("/api/v1/Resource/1001").status_code for _ in range(30)]
        client.close()
    return codes


def test_probability_is_seeded_and_reproducible():
    first, again, other = _pattern(3), _pattern(3), _pattern(4)
    assert first == again
    assert first != other
    assert 200 in first and 502 in first


def test_delay_makes_a_short_timeout_client_fail(sim, api):
    sim.set_fault("delay", seconds=0.5, count=1)
    with pytest.raises(httpx.ReadTimeout):
        api.http.get("/api/v1/Resource/1001", headers=api.auth, timeout=0.1)
    sim.set_fault("delay", seconds=0.05, count=1)
    assert api.get("/api/v1/Resource/1001").status_code == 200


def test_timeout_stalls_then_closes_without_response(fresh_sim, fresh_api):
    fresh_sim.set_fault("timeout", seconds=30, count=1)
    with pytest.raises(httpx.ReadTimeout):
        fresh_api.http.get("/api/v1/Resource/1001", headers=fresh_api.auth, timeout=0.3)
    assert fresh_api.get("/api/v1/Resource/1001").status_code == 200  # the stalled handler does not block others


def test_drop_connection(sim, api):
    sim.set_fault("drop_connection", count=1)
    with pytest.raises(httpx.RemoteProtocolError):
        api.get("/api/v1/Resource/1001")
    assert api.get("/api/v1/Resource/1001").status_code == 200
    assert sim.stats()["statuses"].get("dropped") == 1


def test_lost_response_commits_the_write(fresh_sim, fresh_api):
    fresh_sim.set_fault("lost_response", count=1)
    with pytest.raises(httpx.RemoteProtocolError):
        fresh_api.patch("/api/v1/Resource/1001", {"tagText": "SKIMA Screened"})
    assert fresh_api.get("/api/v1/Resource/1001").json()["tagText"] == "SKIMA Screened"
    # reads never lose their response
    fresh_sim.set_fault("lost_response", count=1)
    assert fresh_api.get("/api/v1/Resource/1001").status_code == 200


def test_lost_response_stall_mode_on_widget_write(fresh_sim, fresh_api):
    fresh_sim.set_fault("lost_response", mode="stall", seconds=30, path="createActivity")
    with pytest.raises(httpx.ReadTimeout):
        fresh_api.http.post(
            "/api/widget/createActivity",
            headers=fresh_api.auth,
            timeout=0.3,
            json={
                "trackerrms": {
                    "createActivity": {"activity": {"subject": "lost", "linkRecordType": "R", "linkRecordId": 1001}}
                }
            },
        )
    assert any(a["subject"] == "lost" for a in fresh_sim.state()["activities"])
    fresh_sim.clear_faults()


def test_lost_response_not_applied_to_failed_writes(fresh_sim, fresh_api):
    fresh_sim.set_fault("lost_response", count=1)
    bad = fresh_api.widget("createActivity", {"activity": {"subject": "x", "linkRecordType": "Q"}})
    assert bad["status"] == 99
    assert fresh_sim.faults()[0]["remaining"] == 1


def test_search_lag_hides_new_and_shows_stale(fresh_sim, fresh_api):
    fresh_sim.set_fault("search_lag", seconds=120)
    new_id = fresh_sim.ui_create_resource(firstName="Late", surname="Arrival")
    fresh_sim.ui_save_resource(1001, jobTitle="Changed Title")
    # GET by id is live
    assert fresh_api.get(f"/api/v1/Resource/{new_id}").status_code == 200
    assert fresh_api.get("/api/v1/Resource/1001").json()["jobTitle"] == "Changed Title"
    # searches and getRecords are not
    all_rows = []
    for page in range(1, 10):
        all_rows += fresh_api.post("/api/v1/Resource/Search", {"pageNumber": page}).json()
    assert new_id not in {r["resourceId"] for r in all_rows}
    assert next(r for r in all_rows if r["resourceId"] == 1001)["jobTitle"] != "Changed Title"
    widget_rows = fresh_api.widget("getRecords", {"instructions": {"recordtype": "R", "numrecords": 500}})
    assert new_id not in {r["id"] for r in widget_rows["results"]}
    fresh_sim.advance_clock(121)
    widget_rows = fresh_api.widget("getRecords", {"instructions": {"recordtype": "R", "numrecords": 500}})
    assert new_id in {r["id"] for r in widget_rows["results"]}
    row = fresh_api.widget("getRecords", {"instructions": {"recordtype": "R", "recordid": 1001}})["results"][0]
    assert row["details"]["jobtitle"] == "Changed Title"


def test_unstable_pages_overlap_and_repeat(fresh_sim, fresh_api):
    fresh_sim.set_fault("unstable_pages", overlap=4, repeat_probability=0.3, seed=1)
    seen: list[int] = []
    for page in range(1, 5):
        rows = fresh_api.post("/api/v1/Resource/Search", {"pageNumber": page}).json()
        assert len(rows) <= 10
        seen += [r["resourceId"] for r in rows]
    assert len(seen) != len(set(seen))  # duplicates across pages
    # other search endpoints are unaffected unless scoped in
    rows = fresh_api.post("/api/v1/Opportunity/Search", {"pageNumber": 1}).json()
    assert len({r["opportunityId"] for r in rows}) == len(rows)


def test_real_rate_limit_sliding_window():
    with running_simulator(shapes="guessed", candidates=5, rate_limit_per_minute=5, start_time=START) as sim:
        client = Api(sim)  # the exchange counts: 1
        codes = [client.get("/api/v1/Resource/1001").status_code for _ in range(5)]
        assert codes == [200, 200, 200, 200, 429]
        limited = client.get("/api/v1/Resource/1001")
        assert limited.status_code == 429 and int(limited.headers["Retry-After"]) >= 1
        assert sim.stats()["statuses"]["429"] == 2
        sim.advance_clock(61)
        assert client.get("/api/v1/Resource/1001").status_code == 200
        sim.configure(rate_limit_per_minute=None)
        assert all(client.get("/api/v1/Resource/1001").status_code == 200 for _ in range(10))
        client.close()


def test_unknown_fault_and_params_are_rejected(sim):
    with pytest.raises(RuntimeError, match="unknown fault"):
        sim.set_fault("gremlins")
    with pytest.raises(RuntimeError, match="unknown params"):
        sim.set_fault("http_error", colour="red")
    with pytest.raises(RuntimeError):
        sim.set_fault("http_error", status=200)


def test_stats_count_by_route_template_and_kind(sim, api):
    api.get("/api/v1/Resource/1001")
    api.get("/api/v1/Resource/1002")
    api.patch("/api/v1/Resource/1001", {"note": sim.now()})
    api.widget("getRecords", {"instructions": {"recordtype": "O"}})
    stats = sim.stats()
    assert stats["requests"]["GET /api/v1/Resource/{id}"] == 2
    assert stats["requests"]["PATCH /api/v1/Resource/{id}"] == 1
    assert stats["requests"]["POST /api/widget/getRecords"] == 1
    assert stats["requests"]["POST /api/Auth/ExchangeToken"] == 1
    assert stats["writes"] == 1 and stats["reads"] == 4 and stats["total"] == 5


def test_bad_body_answers_200_with_a_non_json_body(sim, api):
    sim.set_fault("bad_body", count=1, path=r"^/api/v1/Resource/\d+$")
    odd = api.get("/api/v1/Resource/1001")
    assert odd.status_code == 200 and odd.content == b""
    sim.set_fault("bad_body", body="<html>Object moved</html>", count=1)
    odd = api.get("/api/v1/Resource/1001")
    assert odd.status_code == 200 and odd.text.startswith("<html>")
    assert api.get("/api/v1/Resource/1001").json()["resourceId"] == 1001
