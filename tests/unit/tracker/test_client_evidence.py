"""The client against Tracker's evidenced shapes (issue 10), on the in-process fake Tracker."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from skima.adapters.tracker_feed import TrackerTimezone, parse_tracker_time, tracker_instant
from skima.tracker import TrackerAuthError, TrackerBadResponse, TrackerNotFound
from tests.fakes import FakeHealthStore
from tests.unit.tracker.fakes import FakeTrackerApi

PDF = b"%PDF-1.4 invented resume of Ada Quill, welder, 9 years"


def _answer(path_part: str, status: int = 200, body: Any = None, content: bytes | None = None, **headers: str):
    def interceptor(request: httpx.Request) -> httpx.Response | None:
        if path_part not in request.url.path:
            return None
        if content is not None:
            return httpx.Response(status, content=content, headers=headers)
        return httpx.Response(status, json=body)

    return interceptor


# 1 ---------------------------------------------------------------------------------------------------------
def test_create_activity_answered_without_an_id_is_done_in_one_request(make_client, tracker: FakeTrackerApi) -> None:
    tracker.interceptors.append(_answer("createActivity", body={"status": 0, "message": "success", "count": 0}))
    client = make_client()
    assert client.create_activity(link_type="R", link_id=7, subject="s", note="n", idempotency_key="key-001") is None
    assert tracker.paths().count("/api/widget/createActivity") == 1
    assert "/api/widget/getRecords" not in tracker.paths()


def test_activity_type_comes_from_the_settings(make_client, tracker: FakeTrackerApi) -> None:
    sent: list[str] = []

    def capture(request: httpx.Request) -> None:
        if request.url.path.endswith("createActivity"):
            sent.append(json.loads(request.content)["trackerrms"]["createActivity"]["activity"]["type"])

    tracker.interceptors.append(capture)
    make_client().create_activity(link_type="R", link_id=7, subject="s", note="n", idempotency_key="key-002")
    make_client(activity_type="General").create_activity(
        link_type="R", link_id=7, subject="s", note="n", idempotency_key="key-003"
    )
    assert sent == ["Note", "General"]


# 2 ---------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("content_key", ["filecontent", "fileContent", "content", "fileData"])
def test_document_json_with_base64_content(make_client, tracker: FakeTrackerApi, content_key: str) -> None:
    body = {"filename": "ada-quill.pdf", content_key: base64.b64encode(PDF).decode()}
    tracker.interceptors.append(_answer("/Document/55", body=body))
    document = make_client().download_document(7, 55)
    assert (document.content, document.filename, document.content_type) == (PDF, "ada-quill.pdf", "application/pdf")


def test_document_falls_back_to_the_guessed_route_and_remembers_it(make_client, tracker: FakeTrackerApi) -> None:
    tracker.interceptors.append(_answer("/Documents/55/Download", content=PDF, **{"Content-Type": "application/pdf"}))
    tracker.interceptors.append(_answer("/Document/55", status=404, body={"title": "Not Found"}))
    client = make_client()
    assert client.download_document(7, 55).content == PDF
    assert client.download_document(7, 55).content == PDF
    assert [p for p in tracker.paths() if "/Document" in p] == [
        "/api/v1/Resource/7/Document/55",
        "/api/v1/Resource/7/Documents/55/Download",
        "/api/v1/Resource/7/Documents/55/Download",
    ]


def test_no_route_serves_the_document_is_not_found(make_client, tracker: FakeTrackerApi) -> None:
    tracker.interceptors.append(_answer("/Document", status=404, body={"title": "Not Found"}))
    with pytest.raises(TrackerNotFound):
        make_client().download_document(7, 55)


def test_document_json_without_content_is_a_bad_response(make_client, tracker: FakeTrackerApi) -> None:
    tracker.interceptors.append(_answer("/Document/55", body={"filename": "x.pdf", "filecontent": "%%%"}))
    with pytest.raises(TrackerBadResponse):
        make_client().download_document(7, 55)


@pytest.mark.parametrize("wrapper", ["items", "documents", "value", "$values", "results", "data", None])
@pytest.mark.parametrize("id_key", ["documentId", "id", "docId", "resourceDocumentId"])
def test_document_lists_wrapped_or_bare(make_client, tracker: FakeTrackerApi, wrapper: str | None, id_key: str) -> None:
    rows = [{id_key: 55, "fileName": "cv.docx", "documentType": "Resume"}]
    tracker.interceptors.append(_answer("/Documents", body=rows if wrapper is None else {wrapper: rows, "count": 1}))
    (document,) = make_client().list_documents(7)
    assert (document.document_id, document.filename, document.is_resume) == (55, "cv.docx", True)


# 3 ---------------------------------------------------------------------------------------------------------
def _widget_accepts(tracker: FakeTrackerApi, method: str, oauth_token: str = "oauth-abc") -> list[dict[str, Any]]:
    """The fake widget accepts only `method`; returns the OAuth token requests it saw."""
    token_requests: list[dict[str, Any]] = []

    def interceptor(request: httpx.Request) -> httpx.Response | None:
        path = request.url.path
        if path == "/oAuth2/Token":
            form = dict(httpx.QueryParams(request.content.decode()))
            token_requests.append(form)
            if form.get("refresh_token") != "refresh-1":
                return httpx.Response(400, json={"error": "invalid_grant"})
            return httpx.Response(
                200, json={"access_token": oauth_token, "expires_in": 3600, "refresh_token": "refresh-2"}
            )
        if not path.startswith("/api/widget/"):
            return None
        op = path.rsplit("/", 1)[1]
        inner = json.loads(request.content)["trackerrms"][op]
        bearer = request.headers.get("Authorization", "")
        if method == "oauth" and bearer == f"Bearer {oauth_token}":
            return httpx.Response(200, json={"status": 0, "message": "success"})
        if method == "credentials" and inner.get("credentials", {}).get("apikey"):
            return httpx.Response(200, json={"status": 0, "message": "success"})
        if method == "rest_jwt" and bearer.startswith("Bearer jwt-"):
            return None  # the fake's own widget routes
        if bearer:
            return httpx.Response(401)
        return httpx.Response(200, json={"status": 1, "message": "User not found"})

    tracker.interceptors.append(interceptor)
    return token_requests


@pytest.mark.parametrize("method", ["oauth", "credentials", "rest_jwt"])
def test_auto_widget_auth_probes_once_and_uses_what_works(make_client, tracker: FakeTrackerApi, method: str) -> None:
    _widget_accepts(tracker, method)
    client = make_client(widget_auth="auto", widget_oauth_refresh_token="refresh-1")
    client.get_settings()
    client.get_settings()
    assert client.widget_auth_method() == method
    assert tracker.paths().count("/api/widget/checkLogon") == 1 + ["oauth", "credentials", "rest_jwt"].index(method)


def test_oauth_refresh_token_rotation_is_followed_in_process(make_client, tracker: FakeTrackerApi) -> None:
    requests = _widget_accepts(tracker, "oauth")
    client = make_client(widget_auth="oauth", widget_oauth_refresh_token="refresh-1", widget_oauth_client_secret="cs")
    client.get_settings()
    assert requests == [
        {"grant_type": "refresh_token", "client_id": "EvoApi_1.0", "refresh_token": "refresh-1", "client_secret": "cs"}
    ]
    assert client._oauth_refresh == "refresh-2"


def test_no_working_widget_auth_names_every_failure(make_client, tracker: FakeTrackerApi) -> None:
    _widget_accepts(tracker, "none")
    client = make_client(widget_auth="auto")
    with pytest.raises(TrackerAuthError, match=r"oauth: not configured.*credentials: failed.*rest_jwt: failed"):
        client.get_settings()


# 4 ---------------------------------------------------------------------------------------------------------
def test_tags_absent_from_every_read_are_not_written(make_client, tracker: FakeTrackerApi, capsys) -> None:
    del tracker.resources[7]["tagText"]
    tracker.interceptors.append(
        _answer("getIndividualRecord", body={"status": 0, "count": 1, "results": [{"id": 7, "name": "Zebulon"}]})
    )
    client = make_client()
    assert client.read_tags(7) is None
    assert client.add_tag(7, "SKIMA Screened") is False
    assert "/api/widget/updateRecord" not in tracker.paths()
    assert '"TagWriteSkipped":1' in capsys.readouterr().out


def test_tags_absent_from_rest_are_read_from_the_widget(make_client, tracker: FakeTrackerApi) -> None:
    del tracker.resources[7]["tagText"]
    row = {"id": 7, "name": "Zebulon", "details": {"tag": "VIP"}}
    tracker.interceptors.append(_answer("getIndividualRecord", body={"status": 0, "count": 1, "results": [row]}))
    client = make_client()
    assert client.add_tag(7, "SKIMA Screened") is True
    assert tracker.resources[7]["tagText"] == "VIP, SKIMA Screened"


def test_empty_tags_are_known_and_written(make_client, tracker: FakeTrackerApi) -> None:
    tracker.resources[7]["tagText"] = ""
    assert make_client().add_tag(7, "SKIMA Screened") is True
    assert tracker.resources[7]["tagText"] == "SKIMA Screened"


# 6 ---------------------------------------------------------------------------------------------------------
NOW = datetime(2026, 12, 5, 12, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("stamp", "minutes"),
    [
        ("2026-12-05 07:00:01", -300),
        ("2026-12-05T21:30:00", 570),
        ("2026-12-05 12:00:02", 0),
        ("2026-12-05 04:59:58", -420),
    ],
)
def test_calibration_rounds_to_the_quarter_hour(stamp: str, minutes: int) -> None:
    health = FakeHealthStore()
    timezone = TrackerTimezone(health, clock=lambda: NOW)
    assert timezone.due() and timezone.offset() is None
    assert timezone.calibrate(stamp, NOW - timedelta(seconds=1), NOW + timedelta(seconds=1)) == timedelta(
        minutes=minutes
    )
    assert health.fields["tracker_utc_offset_minutes"] == str(minutes)
    assert not timezone.due()
    # another container reads it from the state table
    assert TrackerTimezone(health, clock=lambda: NOW).offset() == timedelta(minutes=minutes)


def test_calibration_goes_stale_after_a_day_and_ignores_nonsense() -> None:
    health = FakeHealthStore()
    clock = [NOW]
    timezone = TrackerTimezone(health, clock=lambda: clock[0], reread_seconds=0)
    timezone.calibrate("2026-12-05 07:00:00", NOW, NOW)
    clock[0] = NOW + timedelta(days=1, minutes=1)
    assert timezone.due() and timezone.offset() == timedelta(minutes=-300)
    assert timezone.calibrate("1999-01-01 00:00:00", NOW, NOW) is None
    assert timezone.calibrate(None, NOW, NOW) is None and timezone.calibrate("garbage", NOW, NOW) is None
    assert timezone.offset() == timedelta(minutes=-300)


def test_naive_stamps_convert_with_the_offset_zoned_ones_keep_their_zone() -> None:
    assert parse_tracker_time("2026-12-05 07:00:00", timedelta(minutes=-300)) == NOW.replace(hour=12)
    assert parse_tracker_time("2026-12-05T07:00:00", None) == NOW.replace(hour=7)
    assert parse_tracker_time("2026-12-05T07:00:00-05:00", timedelta(minutes=600)) == NOW.replace(hour=12)


def test_a_naive_stamp_is_an_instant_only_once_the_offset_is_known() -> None:
    assert tracker_instant("2026-12-05 07:00:00", None) is None  # read as UTC it would be five hours off
    assert tracker_instant("2026-12-05 07:00:00", timedelta(minutes=-300)) == NOW.replace(hour=12)
    assert tracker_instant("2026-12-05T07:00:00Z", None) == NOW.replace(hour=7)
    assert tracker_instant("2026-12-05T07:00:00-05:00", None) == NOW.replace(hour=12)
    assert tracker_instant("not a time", timedelta(0)) is None and tracker_instant(None, timedelta(0)) is None


def test_a_refused_refresh_token_is_an_auth_error(make_client, tracker: FakeTrackerApi) -> None:
    _widget_accepts(tracker, "oauth")
    client = make_client(widget_auth="oauth", widget_oauth_refresh_token="revoked")
    with pytest.raises(TrackerAuthError, match="refused the refresh token"):
        client.get_settings()
