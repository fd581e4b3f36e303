"""The scorer's DynamoDB adapters against moto, tables created from template.yaml's key schemas."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import boto3
import pytest
from moto import mock_aws

from local.harness.template import create_table
from skima.adapters.dynamo_links import DynamoLinkStore
from skima.adapters.dynamo_profiles import DynamoProfileCache
from skima.adapters.dynamo_scores import DynamoScoreStore, DynamoShortlistSource, rank_key
from skima.adapters.dynamo_state import DynamoStateStore
from skima.engine import Engine
from skima.errors import WriteInProgress
from skima.scoring.ports import CachedJob, CachedProfile, ScoreRow, WrittenBack
from skima.shortlist.links import ShareLinks
from tests.fakes import HashingEmbedder
from tests.unit.scoring.world import JOB_TEXT, STRONG_RESUME

T0 = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
BASE = "https://abc.lambda-url.eu-west-2.on.aws/"
KEY = b"k" * 64


def row(candidate_id: int, score: int | None, *, job_id: int = 2001, version: str = "2026-11-28T09:00:00") -> ScoreRow:
    return ScoreRow(
        job_id=job_id,
        candidate_id=candidate_id,
        status="scored" if score is not None else "insufficient_evidence",
        score=score,
        reasons=["a reason", "another"],
        gaps=["Kafka"],
        receipt_id="r" * 12,
        receipt_json='{"engine_version": "e"}',
        result_json='{"requirements": []}',
        content_version=version,
        inputs_hash=f"h{candidate_id}{score}{version}",
        engine_version="e",
        job_title="Engineer",
        placement_id=3000 + candidate_id,
        placement_status_id=1,
        placement_status_name="Applied",
    )


@dataclass
class Tables:
    client: Any
    scores: DynamoScoreStore
    profiles: DynamoProfileCache
    state: DynamoStateStore
    links: ShareLinks  # as the scorer's wiring builds them (scorer_wiring.share_links)
    links_table: str
    scores_table: str


@pytest.fixture
def tables() -> Iterator[Tables]:
    with mock_aws():
        client = boto3.client("dynamodb")
        links_table = create_table(client, "LinksTable")
        scores_table = create_table(client, "ScoresTable")
        yield Tables(
            client=client,
            scores=DynamoScoreStore(client, scores_table),
            profiles=DynamoProfileCache(client, create_table(client, "ProfilesTable")),
            state=DynamoStateStore(client, create_table(client, "StateTable")),
            links=ShareLinks(
                DynamoLinkStore(client, links_table, clock=lambda: T0), BASE, clock=lambda: T0, signing_key=KEY
            ),
            links_table=links_table,
            scores_table=scores_table,
        )


def test_a_row_round_trips(tables: Tables) -> None:
    stored = row(1001, 77)
    assert tables.scores.put(stored)
    assert tables.scores.get(2001, 1001) == stored
    assert tables.scores.get(2001, 9999) is None


def test_an_older_version_never_overwrites_a_newer_one(tables: Tables) -> None:
    assert tables.scores.put(row(1001, 80, version="2026-11-28T10:00:00"))
    assert not tables.scores.put(row(1001, 20, version="2026-11-28T09:59:59"))
    got = tables.scores.get(2001, 1001)
    assert got is not None and got.score == 80
    assert tables.scores.put(row(1001, 85, version="2026-11-28T10:00:00"))  # the same version may be re-stored
    assert tables.scores.put(row(1001, 60, version="2026-11-28T10:00:01"))
    got = tables.scores.get(2001, 1001)
    assert got is not None and got.score == 60


def test_put_keeps_what_was_written_back_and_mark_written_needs_the_same_inputs(tables: Tables) -> None:
    first = row(1001, 80, version="2026-11-28T10:00:00")
    tables.scores.put(first)
    written = WrittenBack(score=80, status="scored", reasons=("a reason", "another"), content_key="k" * 64)
    assert not tables.scores.mark_written(2001, 1001, "some other inputs", written)
    assert tables.scores.mark_written(2001, 1001, first.inputs_hash, written)
    second = row(1001, 81, version="2026-11-28T11:00:00")
    tables.scores.put(second)
    got = tables.scores.get(2001, 1001)
    assert got is not None
    assert got.written == written and got.writeback_done_for == first.inputs_hash
    assert got.inputs_hash == second.inputs_hash


def test_top10_is_one_query_best_first_ties_by_candidate_id_and_sparse(tables: Tables) -> None:
    scores = {1001: 50, 1002: 90, 1003: 90, 1004: 100, 1005: None, 1006: 0}
    scores.update({2000 + i: 10 + i for i in range(10)})
    for candidate_id, score in scores.items():
        tables.scores.put(row(candidate_id, score))
    tables.scores.put(row(1007, 99, job_id=2002))  # another job
    top = tables.scores.top10(2001)
    assert [r.candidate_id for r in top] == [1004, 1002, 1003, 1001, 2009, 2008, 2007, 2006, 2005, 2004]
    assert 1005 not in {r.candidate_id for r in top}
    # Insufficient evidence has no rank: a row losing its score leaves the ranking.
    tables.scores.put(row(1004, None, version="2026-11-28T10:00:00"))
    assert 1004 not in {r.candidate_id for r in tables.scores.top10(2001)}


def test_top10_passes_over_closed_applications_and_expired_rows_and_still_finds_ten(tables: Tables) -> None:
    now = [1_800_000_000.0]
    scores = DynamoScoreStore(tables.client, tables.scores_table, retention_days=1, clock=lambda: now[0])
    # 25 withdrawn or declined at the top (more than one index page), then 12 live ones.
    for index in range(25):
        stage = "Candidate withdrew" if index % 2 else "Declined - CV"
        scores.put(replace(row(3000 + index, 99 - index), placement_status_name=stage))
    for index in range(12):
        scores.put(replace(row(4000 + index, 60 - index), placement_status_name="Applied" if index else None))
    top = scores.top10(2001)
    assert [r.candidate_id for r in top] == [4000 + index for index in range(10)]
    # A row past its retention that TTL has not removed yet is not shown either.
    now[0] += 2 * 86400
    scores.put(replace(row(5000, 55), placement_status_name="Applied"))
    assert [r.candidate_id for r in scores.top10(2001)] == [5000]


def test_rank_key_sorts_as_the_ranking() -> None:
    keys = [rank_key(100, 5), rank_key(90, 2), rank_key(90, 10), rank_key(9, 1), rank_key(0, 1)]
    assert keys == sorted(keys)


def test_jobs_of_a_candidate_and_candidates_of_a_job(tables: Tables) -> None:
    for job_id in (2003, 2001, 2002):
        tables.scores.put(row(1001, 50, job_id=job_id))
    tables.scores.put(row(1002, 50, job_id=2001))
    assert tables.scores.jobs_of(1001) == [2001, 2002, 2003]
    assert tables.scores.candidates_of(2001) == {1001, 1002}
    assert tables.scores.jobs_of(4242) == []


def test_profiles_and_prepared_jobs_round_trip_compressed(tables: Tables) -> None:
    engine = Engine(HashingEmbedder(), as_of=date(2026, 1, 1))
    profile = engine.build_profile("1001", STRONG_RESUME)
    cached = CachedProfile(1001, profile, "doc#8001#10#x", T0, T0, ("VIP",), display_name="Ada Lovelace")
    tables.profiles.put_profile(cached)
    got = tables.profiles.get_profile(1001)
    assert got is not None
    assert got.profile.profile_sha256 == profile.profile_sha256
    assert got.profile.span_vectors().shape == profile.span_vectors().shape
    assert (got.source_key, got.candidate_stamp, got.tags) == ("doc#8001#10#x", T0, ("VIP",))
    assert got.display_name == "Ada Lovelace"
    tables.profiles.put_profile(replace(cached, display_name=None))
    assert (got_unnamed := tables.profiles.get_profile(1001)) is not None and got_unnamed.display_name is None
    item = tables.client.get_item(TableName="ProfilesTable", Key={"candidate_id": {"S": "1001"}})["Item"]
    assert len(item["profile"]["B"]) < 350 * 1024 and item["kind"]["S"] == "candidate"

    prepared = engine.prepare_job("2001", JOB_TEXT)
    job = CachedJob(2001, "Engineer", "sha", True, T0, prepared)
    tables.profiles.put_job(job)
    got_job = tables.profiles.get_job(2001)
    assert got_job is not None and got_job.prepared is not None
    assert got_job.prepared.text_sha256 == prepared.text_sha256 and got_job.is_open
    assert tables.profiles.get_profile(2001) is None  # a job never reads as a candidate
    tables.profiles.put_job(replace(job, prepared=None, is_open=False))
    unmatched = tables.profiles.get_job(2001)
    assert unmatched is not None and unmatched.prepared is None and not unmatched.is_open


def test_the_outbox_goes_attempted_then_done_and_never_back(tables: Tables) -> None:
    assert tables.state.outbox_status("note#k1") is None
    tables.state.outbox_attempted("note#k1")
    assert tables.state.outbox_status("note#k1") == "attempted"
    tables.state.outbox_done("note#k1", "5001")
    with pytest.raises(WriteInProgress):  # a late duplicate cannot downgrade it, nor write again
        tables.state.outbox_attempted("note#k1")
    assert tables.state.outbox_status("note#k1") == "done"


def test_a_live_shortlist_link_is_rebuilt_for_score_notes_and_never_stored(tables: Tables) -> None:
    assert tables.links.link_for(2001) is None
    store = DynamoLinkStore(tables.client, tables.links_table, clock=lambda: T0)
    clock = [T0 - timedelta(hours=100)]
    links = ShareLinks(store, BASE, clock=lambda: clock[0], signing_key=KEY)
    expired = links.create(2001, "Engineer")  # 48 h, long gone by T0
    clock[0] = T0 - timedelta(hours=1)
    revoked = links.create(2001, "Engineer")
    links.revoke(2001, revoked.link.link_id)
    unkeyed = ShareLinks(store, BASE, clock=lambda: clock[0]).create(2001)  # random token: cannot be rebuilt
    live = links.create(2001, "Engineer")
    links.create(2002, "Other job")

    assert tables.links.link_for(2001) == live.url
    keyless = ShareLinks(DynamoLinkStore(tables.client, tables.links_table, clock=lambda: T0), BASE, clock=lambda: T0)
    assert keyless.link_for(2001) is None  # no key: no URL can be rebuilt

    dump = repr(tables.client.scan(TableName=tables.links_table)["Items"])
    for created in (expired, revoked, unkeyed, live):
        assert created.token not in dump and created.url not in dump
        assert created.link.token_hash in dump


def test_the_candidate_name_is_stored_and_kept_when_a_later_write_does_not_know_it(tables: Tables) -> None:
    assert tables.scores.put(replace(row(1001, 70), candidate_name="Ada Lovelace"))
    assert tables.scores.put(row(1001, 75, version="2026-11-28T10:00:00"))  # scored from cached data: no name
    stored = tables.scores.get(2001, 1001)
    assert stored is not None and stored.score == 75 and stored.candidate_name == "Ada Lovelace"
    (entry,) = DynamoShortlistSource(tables.client, tables.scores_table).ranked(2001, 0)
    assert entry.display_name == "Ada Lovelace"
