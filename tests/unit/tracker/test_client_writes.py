"""Writes: no duplicate activity after a lost response, tags read-modify-write, idempotent status/application."""

from __future__ import annotations

import httpx
import pytest

from skima.tracker import TrackerApi, TrackerAuthError, TrackerNotFound, TrackerRejected, TrackerUnavailable
from tests.unit.tracker.fakes import FakeTrackerApi, lose_response, raise_error, respond


def _sent(tracker: FakeTrackerApi, op: str) -> int:
    return tracker.paths().count(f"/api/widget/{op}")


def _note(client, key: str = "key-000001", **kw):
    return client.create_activity(
        link_type="R", link_id=7, subject="SKIMA Match Score 89", note="Reasons", idempotency_key=key, **kw
    )


def test_create_activity_returns_the_new_id_and_marks_the_subject(make_client, tracker):
    activity_id = _note(make_client())
    assert activity_id == 500
    assert tracker.activities[0]["subject"] == "SKIMA Match Score 89 [key-000001]"
    assert tracker.activities[0]["linkRecordType"] == "R"
    assert tracker.activities[0]["linkRecordId"] == 7


SCORE_SUBJECT = "SKIMA Match Score 65/100 (good match) - Payroll Administrator"


def _score_note(client, key: str, **kw):
    note = f"SKIMA Match Score: 65/100 (good match)\nSKIMA Reasons:\n- Sage 50: met\nref: job 31 | {key} | receipt 1"
    return client.create_activity(
        link_type="R", link_id=7, subject=SCORE_SUBJECT, note=note, idempotency_key=key, key_in_note=True, **kw
    )


def test_a_note_carrying_its_key_keeps_a_plain_subject(make_client, tracker):
    _score_note(make_client(), "sk31-7-00000001")
    assert tracker.activities[0]["subject"] == SCORE_SUBJECT
    with pytest.raises(ValueError, match="must carry the idempotency key"):
        make_client().create_activity(
            link_type="R", link_id=7, subject="s", note="no key", idempotency_key="sk31-7-0002", key_in_note=True
        )


@pytest.mark.parametrize("rows_carry_note", [True, False])
def test_a_key_in_the_note_is_found_after_a_lost_response(make_client, tracker, rows_carry_note):
    tracker.activity_rows_carry_note = rows_carry_note
    client = make_client()
    _score_note(client, "sk31-7-00000001")  # an earlier note with the very same subject: not this one
    tracker.interceptors.append(lose_response(times=1, path="createActivity"))
    second = _score_note(client, "sk31-7-00000002")
    assert len(tracker.activities) == 2
    assert second == tracker.activities[1]["activityid"]
    assert _sent(tracker, "createActivity") == 2
    again = _score_note(client, "sk31-7-00000002", check_existing=True)
    assert again == second and len(tracker.activities) == 2
    assert (_sent(tracker, "getIndividualRecord") > 0) is not rows_carry_note  # the note read only when needed


def test_an_attempt_from_before_the_key_moved_into_the_note_is_found_by_its_marker(make_client, tracker):
    client = make_client()
    client.create_activity(  # the old format: the key as a marker on the subject
        link_type="R", link_id=7, subject="SKIMA Match Score 65 - Payroll", note="old", idempotency_key="sk31-7-0003"
    )
    again = _score_note(client, "sk31-7-0003", check_existing=True)  # its retry, after the deploy
    assert again == tracker.activities[0]["activityid"] and len(tracker.activities) == 1


def test_lost_response_creates_exactly_one_activity(make_client, tracker):
    tracker.interceptors.append(lose_response(times=1, path="createActivity"))
    activity_id = _note(make_client())
    assert len(tracker.activities) == 1
    assert activity_id == tracker.activities[0]["activityid"]
    assert _sent(tracker, "createActivity") == 1
    assert _sent(tracker, "getRecords") >= 1


@pytest.mark.parametrize("failure", ["503", "drop"])
def test_uncommitted_failure_is_looked_up_then_sent_again(make_client, tracker, failure):
    if failure == "503":
        tracker.interceptors.append(respond(503, times=1, path="createActivity"))
    else:
        tracker.interceptors.append(raise_error(httpx.RemoteProtocolError, times=1, path="createActivity"))
    _note(make_client())
    assert len(tracker.activities) == 1
    assert _sent(tracker, "createActivity") == 2
    assert _sent(tracker, "getRecords") == 1


def test_connect_error_is_resent_without_a_lookup(make_client, tracker):
    tracker.interceptors.append(raise_error(httpx.ConnectError, times=1, path="createActivity"))
    _note(make_client())
    assert len(tracker.activities) == 1
    assert _sent(tracker, "getRecords") == 0


def test_other_activities_with_similar_text_are_not_mistaken_for_ours(make_client, tracker):
    client = make_client()
    _note(client, key="key-000001")
    tracker.interceptors.append(lose_response(times=1, path="createActivity"))
    _note(client, key="key-000002")
    assert len(tracker.activities) == 2


def test_marker_on_another_candidate_does_not_count(make_client, tracker):
    client = make_client()
    client.create_activity(link_type="R", link_id=8, subject="s", note="n", idempotency_key="key-000009")
    tracker.interceptors.append(respond(503, times=1, path="createActivity"))
    client.create_activity(link_type="R", link_id=7, subject="s", note="n", idempotency_key="key-000009")
    assert [a["linkRecordId"] for a in tracker.activities] == [8, 7]


def test_check_existing_finds_an_earlier_invocations_activity(make_client, tracker):
    client = make_client()
    first = _note(client)
    again = _note(client, check_existing=True)
    assert again == first
    assert len(tracker.activities) == 1


def test_lost_responses_until_the_deadline_never_duplicate(make_client, tracker, fake_time):
    tracker.interceptors.append(respond(503, times=10_000, path="createActivity"))
    client = make_client()
    with pytest.raises(TrackerUnavailable):
        _note(client, deadline=client.deadline(5))
    assert tracker.activities == []


@pytest.mark.parametrize("key", ["", "short", "has space!", "x" * 65])
def test_invalid_idempotency_key_is_refused_before_sending(make_client, tracker, key):
    with pytest.raises(ValueError, match="idempotency_key"):
        _note(make_client(), key=key)
    assert tracker.requests == []


def test_add_tag_appends_and_keeps_other_tags(make_client, tracker):
    client = make_client()
    assert client.add_tag(7, "SKIMA Screened") is True
    assert tracker.resources[7]["tagText"] == "VIP, Java, SKIMA Screened"


def test_add_tag_already_present_writes_nothing(make_client, tracker):
    tracker.resources[7]["tagText"] = "vip,skima screened"
    client = make_client()
    assert client.add_tag(7, "SKIMA Screened") is False
    assert _sent(tracker, "updateRecord") == 0
    assert tracker.resources[7]["tagText"] == "vip,skima screened"


def test_add_tag_to_empty_tags(make_client, tracker):
    tracker.resources[7]["tagText"] = None
    make_client().add_tag(7, "SKIMA Screened")
    assert tracker.resources[7]["tagText"] == "SKIMA Screened"


def test_remove_tag_leaves_the_others(make_client, tracker):
    tracker.resources[7]["tagText"] = "VIP, SKIMA Screened, Java"
    assert make_client().remove_tag(7, "skima screened") is True
    assert tracker.resources[7]["tagText"] == "VIP, Java"


def test_add_tag_lost_response_rereads_instead_of_rewriting(make_client, tracker):
    tracker.interceptors.append(lose_response(times=1, path="updateRecord"))
    assert make_client().add_tag(7, "SKIMA Screened") is True
    assert tracker.resources[7]["tagText"] == "VIP, Java, SKIMA Screened"
    assert _sent(tracker, "updateRecord") == 1


def test_add_tag_retry_does_not_clobber_a_tag_added_meanwhile(make_client, tracker):
    def fail_then_someone_edits(request: httpx.Request) -> httpx.Response | None:
        if "updateRecord" in request.url.path and not getattr(fail_then_someone_edits, "done", False):
            fail_then_someone_edits.done = True  # type: ignore[attr-defined]
            tracker.resources[7]["tagText"] = "VIP, Java, Hot"
            return httpx.Response(503)
        return None

    tracker.interceptors.append(fail_then_someone_edits)
    make_client().add_tag(7, "SKIMA Screened")
    assert tracker.resources[7]["tagText"] == "VIP, Java, Hot, SKIMA Screened"


@pytest.mark.parametrize("tag", ["", "   ", "a,b"])
def test_bad_tag_is_refused(make_client, tracker, tag):
    with pytest.raises(ValueError):
        make_client().add_tag(7, tag)
    assert tracker.requests == []


def test_tag_on_unknown_candidate_is_not_found(make_client, tracker):
    with pytest.raises(TrackerNotFound):
        make_client().add_tag(99, "SKIMA Screened")


def test_set_placement_status_is_retried_as_idempotent(make_client, tracker):
    tracker.interceptors.append(lose_response(times=1, path="updateRecord"))
    make_client().set_placement_status(3000, 4)
    assert tracker.placement_status == {3000: 4}
    assert _sent(tracker, "updateRecord") == 2


def test_resource_application_reports_created_then_existing(make_client, tracker):
    client = make_client()
    assert client.resource_application(3111, 7) is True
    assert client.resource_application(3111, 7) is False


def test_resource_application_lost_response_is_safe_to_resend(make_client, tracker):
    tracker.interceptors.append(lose_response(times=1, path="resourceApplication"))
    assert make_client().resource_application(3111, 7) is False  # landed the first time
    assert tracker.applications == {(3111, 7)}


def test_job_placements_reads_the_widget_record(make_client, tracker):
    placements = make_client().job_placements(3111)
    assert [(p.placement_id, p.resource_id) for p in placements] == [(3000, 188)]


def test_job_placements_for_a_missing_job_is_not_found(make_client, tracker):
    with pytest.raises(TrackerNotFound):
        make_client().job_placements(1)


@pytest.mark.parametrize(
    ("status", "error"), [(1, TrackerAuthError), (2, TrackerAuthError), (3, TrackerRejected), (99, TrackerRejected)]
)
def test_widget_status_codes_map_to_errors(make_client, tracker, status, error):
    tracker.interceptors.append(respond(200, times=5, path="updateRecord", body={"status": status}))
    with pytest.raises(error):
        make_client().set_placement_status(3000, 4)
    assert _sent(tracker, "updateRecord") == 1


def test_get_settings(make_client, tracker):
    settings = make_client().get_settings()
    assert settings.placement_statuses == [{"Id": 4, "Name": "Skima"}]


def test_client_satisfies_the_tracker_api_protocol(make_client):
    assert isinstance(make_client(), TrackerApi)
