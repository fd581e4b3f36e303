"""The shortlist function in-process against moto DynamoDB and SQS: the real adapters, the scorer's item shape
(written with the scorer's own `DynamoScoreStore`), Function URL events in and out."""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

import boto3
import pytest
from moto import mock_aws

from local.harness.handlers import FakeLambdaContext, load_handler
from local.harness.template import create_table
from skima.adapters import dynamo_scores
from skima.adapters.dynamo_feedback import DynamoFeedbackStore
from skima.adapters.dynamo_links import DynamoLinkStore
from skima.adapters.dynamo_scores import DynamoScoreStore, DynamoShortlistSource  # the scorer's writer: its items
from skima.bootstrap import shortlist as shortlist_bootstrap
from skima.models import FeedbackGiven, QueueMessage
from skima.scoring.ports import ScoreRow
from skima.shortlist.links import ShareLinks
from skima.shortlist.models import FeedbackSubmission

HOST = "abc123.lambda-url.us-east-1.on.aws"


def score_row(job_id: int, candidate_id: int, score: int, **extra: Any) -> Any:
    result = {
        "requirements": [
            {"label": "Java", "verdict": "met", "evidence": f"Java at Acme ({candidate_id})"},
            {"label": "Kubernetes", "verdict": "missing", "evidence": None},
        ]
    }
    return ScoreRow(
        job_id=job_id,
        candidate_id=candidate_id,
        status="scored",
        score=score,
        reasons=[f"6 yrs Java <b>{candidate_id}</b>", "Led a team"],
        gaps=["Kubernetes: not found in resume"],
        receipt_id=f"r{candidate_id}",
        receipt_json="{}",
        result_json=json.dumps(result),
        content_version="2026-11-28T09:00:00+00:00|e1",
        inputs_hash=f"h{candidate_id}",
        engine_version="e1",
        job_title="Senior Java Developer",
        placement_id=5000 + candidate_id,
        **extra,
    )


@pytest.fixture
def aws(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    with mock_aws():
        dynamodb = boto3.client("dynamodb", region_name="us-east-1")
        sqs = boto3.client("sqs", region_name="us-east-1")
        names = {
            logical: create_table(dynamodb, logical)
            for logical in ("ScoresTable", "LinksTable", "FeedbackTable", "GuessLimitTable")
        }
        queue_url = sqs.create_queue(QueueName="feedback")["QueueUrl"]
        monkeypatch.setenv("SCORES_TABLE", names["ScoresTable"])
        monkeypatch.setenv("LINKS_TABLE", names["LinksTable"])
        monkeypatch.setenv("FEEDBACK_TABLE", names["FeedbackTable"])
        monkeypatch.setenv("GUESS_TABLE", names["GuessLimitTable"])
        monkeypatch.setenv("FEEDBACK_QUEUE_URL", queue_url)
        handler = load_handler("shortlist")
        shortlist_bootstrap.from_env.cache_clear()
        scores = DynamoScoreStore(dynamodb, names["ScoresTable"])
        for index in range(12):
            scores.put(score_row(42, 100 + index, 95 - 3 * index))
        scores.put(score_row(77, 500, 99))
        yield {"dynamodb": dynamodb, "sqs": sqs, "queue_url": queue_url, "names": names, "handler": handler}
        shortlist_bootstrap.from_env.cache_clear()


def links(aws: dict[str, Any]) -> ShareLinks:
    return ShareLinks(DynamoLinkStore(aws["dynamodb"], aws["names"]["LinksTable"]), f"https://{HOST}/")


def event(method: str, path: str, body: bytes | None = None, query: str = "", **headers: str) -> dict[str, Any]:
    return {
        "version": "2.0",
        "rawPath": path,
        "rawQueryString": query,
        "headers": {"host": HOST, **{k.replace("_", "-"): v for k, v in headers.items()}},
        "requestContext": {"http": {"method": method, "path": path, "sourceIp": "203.0.113.9"}, "domainName": HOST},
        "body": base64.b64encode(body).decode() if body is not None else None,
        "isBase64Encoded": body is not None,
    }


def call(aws: dict[str, Any], evt: dict[str, Any]) -> dict[str, Any]:
    response: dict[str, Any] = aws["handler"].lambda_handler(evt, FakeLambdaContext())
    return response


def queued(aws: dict[str, Any]) -> list[FeedbackGiven]:
    found = []
    while True:
        batch = aws["sqs"].receive_message(QueueUrl=aws["queue_url"], MaxNumberOfMessages=10).get("Messages", [])
        if not batch:
            return found
        for msg in batch:
            root = QueueMessage.model_validate_json(msg["Body"]).root
            assert isinstance(root, FeedbackGiven)
            found.append(root)
            aws["sqs"].delete_message(QueueUrl=aws["queue_url"], ReceiptHandle=msg["ReceiptHandle"])


def post_form(token: str, fields: dict[str, str], **headers: str) -> dict[str, Any]:
    base = {"content_type": "application/x-www-form-urlencoded", "origin": "null", "sec_fetch_site": "same-origin"}
    return event("POST", f"/s/{token}/feedback", urlencode(fields).encode(), **{**base, **headers})


def test_page_vote_reload_and_message(aws: dict[str, Any]) -> None:
    created = links(aws).create(42, "Senior Java Developer")
    page = call(aws, event("GET", f"/s/{created.token}"))
    assert page["statusCode"] == 200
    assert page["headers"]["Cache-Control"] == "no-store" and page["headers"]["Referrer-Policy"] == "no-referrer"
    html = page["body"]
    assert re.findall(r'name="candidate" value="(\d+)"', html) == [str(100 + i) for i in range(10)]
    assert "6 yrs Java &lt;b&gt;100&lt;/b&gt;" in html and "Java at Acme (100)" in html
    nonce = re.search(r'name="nonce" value="([^"]+)"', html).group(1)  # type: ignore[union-attr]
    vote = post_form(created.token, {"nonce": nonce, "candidate": "103", "verdict": "down", "comment": "No <b>"})
    answer = call(aws, vote)
    assert answer["statusCode"] == 303, answer["body"]
    assert call(aws, vote)["statusCode"] == 303  # double submit
    (message,) = queued(aws)
    assert (message.candidate_id, message.verdict, message.comment, message.placement_id) == (
        103,
        "down",
        "No <b>",
        5103,
    )
    assert message.link_id == created.link.link_id
    html = call(aws, event("GET", f"/s/{created.token}", query="saved=103"))["body"]
    assert "Your verdict: 👎 No — “No &lt;b&gt;”" in html


def test_scope_other_jobs_candidates_are_404(aws: dict[str, Any]) -> None:
    created = links(aws).create(42)
    html = call(aws, event("GET", f"/s/{created.token}"))["body"]
    nonce = re.search(r'name="nonce" value="([^"]+)"', html).group(1)  # type: ignore[union-attr]
    assert (
        call(aws, post_form(created.token, {"nonce": nonce, "candidate": "500", "verdict": "up"}))["statusCode"] == 404
    )
    assert 'id="c-500"' not in html
    assert queued(aws) == []


def test_dead_tokens_get_one_answer(aws: dict[str, Any]) -> None:
    service = links(aws)
    revoked = service.create(42)
    service.revoke(42, revoked.link.link_id)
    store = DynamoLinkStore(aws["dynamodb"], aws["names"]["LinksTable"])
    expired = ShareLinks(store, "https://x", clock=lambda: datetime.now(UTC) - timedelta(hours=49)).create(42)
    answers = {
        json.dumps(call(aws, event("GET", f"/s/{token}")), sort_keys=True)
        for token in (revoked.token, expired.token, "A" * 43, "x", "%3Cscript%3E")
    }
    assert len(answers) == 1 and '"statusCode": 404' in answers.pop()


def test_a_table_scan_finds_no_raw_token(aws: dict[str, Any]) -> None:
    service = links(aws)
    tokens = [service.create(42).token for _ in range(3)]
    tokens.append(service.sync_share_tag(42, "Job", ["SKIMA Share"], "SKIMA Share").created.token)  # type: ignore[union-attr]
    dump = json.dumps(aws["dynamodb"].scan(TableName=aws["names"]["LinksTable"])["Items"])
    for token in tokens:
        assert token not in dump
        assert hashlib.sha256(token.encode()).hexdigest() in dump


def test_link_store_revoke_extend_and_tag_claims(aws: dict[str, Any]) -> None:
    store = DynamoLinkStore(aws["dynamodb"], aws["names"]["LinksTable"])
    service = ShareLinks(store, "https://x")
    first = service.sync_share_tag(42, "Job", ["SKIMA Share"], "SKIMA Share")
    assert first.created is not None
    assert not store.claim_tag_share(42, "other", None)  # a concurrent creator loses
    assert store.claim_tag_share(42, "other", first.created.link.token_hash)
    service.mark_announced(first.created.link)
    assert store.get(first.created.link.token_hash).announced_at is not None  # type: ignore[union-attr]
    assert service.sync_share_tag(42, "Job", [], "SKIMA Share").revoked == 1
    assert service.resolve(first.created.token) is None
    assert not store.extend(first.created.link.token_hash, datetime.now(UTC) + timedelta(days=1))
    assert store.get("tagshare#42") is None


def test_feedback_store_keeps_history_and_locks_the_current_verdict(aws: dict[str, Any]) -> None:
    store = DynamoFeedbackStore(aws["dynamodb"], aws["names"]["FeedbackTable"])
    t0 = datetime(2026, 11, 28, 9, tzinfo=UTC)

    def sub(render: str, verdict: str, minutes: int) -> FeedbackSubmission:
        return FeedbackSubmission(42, 7, verdict, f"c{render}", "L1", render, t0 + timedelta(minutes=minutes))  # type: ignore[arg-type]

    assert store.record(sub("r1", "up", 0)).outcome == "recorded"
    dup = store.record(sub("r1", "down", 1))
    assert dup.outcome == "duplicate" and dup.stored.verdict == "up" and not dup.enqueued
    store.mark_enqueued(dup.stored)
    assert store.record(sub("r1", "up", 0)).enqueued
    assert store.record(sub("r3", "down", 10)).outcome == "recorded"
    assert store.record(sub("r2", "maybe", 5)).outcome == "recorded"  # late and older: history only
    latest = store.latest(42, [7, 8])
    assert list(latest) == [7] and latest[7].verdict == "down" and latest[7].version == 2
    assert [s.verdict for s in store.history(42, 7)] == ["up", "maybe", "down"]


def test_shortlist_source_reads_the_scorer_items(aws: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    source = DynamoShortlistSource(aws["dynamodb"], aws["names"]["ScoresTable"])
    monkeypatch.setattr(dynamo_scores, "_RANKED_PAGE", 4)  # several pages, read lazily
    top = list(itertools.islice(source.ranked(42, 40), 10))
    assert [e.candidate_id for e in top] == [100 + i for i in range(10)]
    # The floor is in the query (scores at or above it only), inclusive.
    assert [e.score for e in source.ranked(42, 86)] == [95, 92, 89, 86]
    assert list(source.ranked(42, 100)) == []
    with pytest.raises(ValueError, match="from 0 to 100"):
        list(source.ranked(42, 101))
    assert top[0].score == 95 and top[0].evidence[0].quote == "Java at Acme (100)"
    assert top[0].updated_at is not None and top[0].job_title == "Senior Java Developer"
    assert source.entry(42, 500) is None and source.entry(77, 500) is not None


def test_wrong_token_bursts_from_one_address_get_429(aws: dict[str, Any]) -> None:
    created = links(aws).create(42)

    def get(token: str, ip: str) -> int:
        evt = event("GET", f"/s/{token}")
        evt["requestContext"]["http"]["sourceIp"] = ip
        return int(call(aws, evt)["statusCode"])

    statuses = [get("A" * 43, "198.51.100.7") for _ in range(31)]
    assert statuses[:30] == [404] * 30 and statuses[30] == 429
    assert get(created.token, "198.51.100.7") == 200  # a live token is never blocked (a shared office NAT)
    assert get(created.token, "203.0.113.1") == 200
    # IPv6: one /64 is one client, however many addresses it rotates through
    statuses = [get("B" * 43, f"2001:db8:5:7::{index:x}") for index in range(31)]
    assert statuses[:30] == [404] * 30 and statuses[30] == 429
    assert get("B" * 43, "2001:db8:5:8::1") == 404  # the next /64 is someone else
    items = aws["dynamodb"].scan(TableName=aws["names"]["GuessLimitTable"])["Items"]
    dump = json.dumps(items)
    assert "198.51.100.7" not in dump and "2001:db8" not in dump
    assert len({item["pk"]["S"] for item in items}) == 3  # one row per client (and window)
    assert all("expires_at" in item for item in items)


def test_concurrent_verdicts_both_stay_in_history_and_the_lock_holds(aws: dict[str, Any]) -> None:
    table = aws["names"]["FeedbackTable"]
    other = DynamoFeedbackStore(aws["dynamodb"], table)
    t0 = datetime(2026, 11, 28, 9, tzinfo=UTC)
    mine = FeedbackSubmission(42, 7, "up", "", "L1", "mine", t0 + timedelta(seconds=2))
    theirs = FeedbackSubmission(42, 7, "down", "", "L1", "theirs", t0 + timedelta(seconds=1))
    other.record(FeedbackSubmission(42, 7, "maybe", "", "L1", "first", t0))

    class Racing:
        """Lets a concurrent verdict land between our read of the version and our transaction."""

        def __init__(self, client: Any) -> None:
            self.client, self.raced, self.transactions = client, False, 0

        def __getattr__(self, name: str) -> Any:
            return getattr(self.client, name)

        def transact_write_items(self, **kwargs: Any) -> Any:
            self.transactions += 1
            if not self.raced:
                self.raced = True
                other.record(theirs)
            return self.client.transact_write_items(**kwargs)

    racing = Racing(aws["dynamodb"])
    assert DynamoFeedbackStore(racing, table).record(mine).outcome == "recorded"  # type: ignore[arg-type]
    assert racing.transactions == 2  # the first attempt lost the optimistic lock and was retried
    latest = other.latest(42, [7])[7]
    assert (latest.verdict, latest.version) == ("up", 3)
    assert [s.render_id for s in other.history(42, 7)] == ["first", "theirs", "mine"]


def test_logs_never_carry_the_token_or_the_comment(aws: dict[str, Any], caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("INFO")
    created = links(aws).create(42)
    html = call(aws, event("GET", f"/s/{created.token}", query="saved=1"))["body"]
    nonce = re.search(r'name="nonce" value="([^"]+)"', html).group(1)  # type: ignore[union-attr]
    form = {"nonce": nonce, "candidate": "101", "verdict": "up", "comment": "private remark 12345"}
    assert call(aws, post_form(created.token, form))["statusCode"] == 303
    call(aws, event("GET", f"/s/{created.token[:-1]}x"))
    logs = "\n".join(repr(record.__dict__) for record in caplog.records)
    assert "shortlist request" in logs
    assert created.token not in logs and created.token[:20] not in logs
    assert nonce not in logs and "private remark" not in logs
