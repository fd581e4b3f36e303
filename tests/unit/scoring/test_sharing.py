"""The share tag through the scorer: a tagged job's link is announced on the job and its top-10, later score notes
carry the live link, removing the tag revokes it, and an unchanged job costs no extra Tracker call."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, replace
from datetime import timedelta

import pytest

from skima.models import RecordChanged, RecordType
from skima.shortlist.tokens import hash_token
from tests.fakes import T0
from tests.unit.scoring.world import SHARE_TAG, SHORTLIST_BASE, STRONG_RESUME, WEAK_RESUME, World


def application(placement_id: int) -> RecordChanged:
    return RecordChanged(source="poll", record_type=RecordType.OPPORTUNITY_RESOURCE, record_id=placement_id)


def job(job_id: int) -> RecordChanged:
    return RecordChanged(source="webhook", record_type=RecordType.OPPORTUNITY, record_id=job_id)


def link_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("Shortlist Link: ")]


def scored_job_with_candidates(world: World, count: int = 3) -> None:
    world.add_job(2001)
    for index in range(count):
        world.add_candidate(1001 + index, STRONG_RESUME if index % 2 == 0 else WEAK_RESUME)
        world.apply(3001 + index, 2001, 1001 + index)
    scorer = world.scorer()
    for index in range(count):
        scorer.handle(application(3001 + index))


def share(world: World, minutes: int = 1) -> None:
    """The recruiter adds the share tag (a job save: its stamp moves), then the job's ping is handled."""
    world.tracker.save_job(2001, tags=["Hot", SHARE_TAG], stamp=T0 - timedelta(minutes=minutes))
    world.scorer().handle(job(2001))


def test_adding_the_share_tag_announces_one_link_on_the_job_and_each_top10_candidate(world: World) -> None:
    links = world.enable_sharing()
    scored_job_with_candidates(world)
    before = len(world.tracker.notes)

    share(world)

    announced = world.tracker.notes[before:]
    assert sorted((n.link_type, n.record_id) for n in announced) == [
        ("O", 2001),
        *[("R", row.candidate_id) for row in sorted(world.scores.top10(2001), key=lambda r: r.candidate_id)],
    ]
    (url,) = {link_lines(n.note)[0].removeprefix("Shortlist Link: ") for n in announced}
    assert url.startswith(SHORTLIST_BASE + "s/")
    (link,) = links.list(2001)
    assert link.source == "tag" and link.announced_at is not None
    assert links.resolve(url.rsplit("/", 1)[1]) == link

    # The same ping again, or any later ping of the unchanged job: nothing new, and only the job read.
    calls = len(world.tracker.calls)
    world.scorer().handle(job(2001))
    world.scorer().handle(job(2001))
    assert world.tracker.calls[calls:] == ["job", "job"]
    assert len(world.tracker.notes) == before + len(announced)


def test_later_score_notes_carry_the_live_link(world: World) -> None:
    links = world.enable_sharing()
    scored_job_with_candidates(world, count=1)
    assert all(not link_lines(n.note) for n in world.tracker.notes)  # no link yet, no line
    share(world)
    (link,) = links.list(2001)
    url = links.url_of(link)
    assert url is not None

    world.add_candidate(1050)
    world.apply(3050, 2001, 1050)
    world.scorer().handle(application(3050))

    note = world.tracker.notes[-1]
    assert note.link_type == "R" and note.record_id == 1050 and note.subject.startswith("SKIMA Match Score")
    lines = note.note.splitlines()
    assert lines[lines.index(f"Shortlist Link: {url}") - 1].startswith("- ")  # after the reasons
    assert lines[-1].startswith("ref: job 2001 | ")  # the ref line stays last


def test_the_links_table_never_holds_the_raw_token(world: World) -> None:
    links = world.enable_sharing()
    scored_job_with_candidates(world, count=2)
    share(world)
    (link,) = links.list(2001)
    url = links.url_of(link)
    assert url is not None and world.link_store is not None
    token = url.rsplit("/", 1)[1]
    stored = repr([asdict(item) for item in world.link_store.links.values()])
    assert token not in stored and url not in stored
    assert link.token_hash == hashlib.sha256(token.encode()).hexdigest() == hash_token(token)


def test_removing_the_tag_revokes_the_link_and_later_notes_carry_none(world: World) -> None:
    links = world.enable_sharing()
    scored_job_with_candidates(world, count=1)
    share(world)
    (link,) = links.list(2001)

    world.tracker.save_job(2001, tags=["Hot"], stamp=T0 - timedelta(seconds=30))
    report = world.scorer().handle(job(2001))

    assert report.share == "revoked"
    assert links.list(2001)[0].revoked_at is not None
    assert links.link_for(2001) is None
    world.add_candidate(1050)
    world.apply(3050, 2001, 1050)
    world.scorer().handle(application(3050))
    assert link_lines(world.tracker.notes[-1].note) == []
    assert link.link_id  # the revoked link stays listed for audit


def test_an_expired_link_is_not_written_into_notes(world: World) -> None:
    links = world.enable_sharing()
    scored_job_with_candidates(world, count=1)
    share(world)
    (link,) = links.list(2001)
    world.clock.now = link.expires_at  # expiry is enforced on read, whatever DynamoDB's TTL did

    world.add_candidate(1050)
    world.apply(3050, 2001, 1050)
    world.scorer().handle(application(3050))

    assert link_lines(world.tracker.notes[-1].note) == []


def test_a_job_read_that_carries_its_tags_needs_no_extra_call(world: World) -> None:
    world.enable_sharing()
    world.tracker.tags_in_job_read = True
    scored_job_with_candidates(world, count=1)
    calls = len(world.tracker.calls)

    share(world)
    world.scorer().handle(job(2001))

    assert "job_tags" not in world.tracker.calls[calls:]
    assert [c for c in world.tracker.calls[calls:] if c != "create_note"] == ["job", "job"]


def test_the_tags_are_read_once_per_job_version(world: World) -> None:
    world.enable_sharing()
    scored_job_with_candidates(world, count=1)
    calls = len(world.tracker.calls)

    world.scorer().handle(job(2001))  # untagged, first seen at this version: one tag read
    world.scorer().handle(job(2001))  # same version: the job read only
    world.tracker.save_job(2001, tags=["Hot"], stamp=T0 - timedelta(minutes=1))
    world.scorer().handle(job(2001))  # a new version: its tags are read once

    assert world.tracker.calls[calls:] == ["job", "job_tags", "job", "job", "job_tags"]


def test_a_version_saved_in_the_seconds_before_our_read_is_read_again(world: World) -> None:
    """Whole-second stamps: a tag added in the same second as our read would keep the stamp, so a stamp this
    fresh does not prove anything and the next read looks at the tags again."""
    world.enable_sharing()
    scored_job_with_candidates(world, count=1)
    world.tracker.save_job(2001, tags=[], stamp=T0 - timedelta(seconds=1))
    world.scorer().handle(job(2001))
    world.tracker.job_tag_texts[2001] = [SHARE_TAG]  # the same second: the stamp did not move

    report = world.scorer().handle(job(2001))

    assert report.share == "created"


def test_before_the_tenants_zone_is_known_a_job_stamp_proves_nothing(world: World) -> None:
    """A UTC-5 tenant's fresh stamp read as UTC looks hours old; until the offset is calibrated it must not mark
    the version followed, or a tag removed in the same second would never revoke the link."""
    world.enable_sharing()
    scored_job_with_candidates(world, count=1)
    world.tracker.offset_calibrated = False
    local_now = T0 - timedelta(hours=5)  # Tracker's wall clock at T0, read as UTC
    world.tracker.save_job(2001, tags=[SHARE_TAG], stamp=local_now)
    assert world.scorer().handle(job(2001)).share == "created"
    world.tracker.job_tag_texts[2001] = []  # removed in the same second: the stamp did not move

    assert world.scorer().handle(job(2001)).share == "revoked"


def test_a_crash_before_the_link_is_marked_announced_never_duplicates_notes(world: World) -> None:
    links = world.enable_sharing()
    scored_job_with_candidates(world, count=2)
    world.tracker.save_job(2001, tags=[SHARE_TAG], stamp=T0 - timedelta(minutes=1))
    world.outbox.crash_on_done = True  # the first note lands, its outbox row does not

    with pytest.raises(RuntimeError):
        world.scorer().handle(job(2001))
    assert len(links.list(2001)) == 1 and links.list(2001)[0].announced_at is None
    # Within the grace another invocation may be announcing it: left alone, and looked at again later.
    assert world.scorer().handle(job(2001)).share == "kept"
    world.clock.now += timedelta(minutes=21)
    assert world.scorer().handle(job(2001)).share == "created"

    (live,) = [link for link in links.list(2001) if link.revoked_at is None]
    url = links.url_of(live)
    assert url is not None
    job_notes = [n for n in world.tracker.notes if n.link_type == "O"]
    assert [link_lines(n.note) for n in job_notes][-1] == [f"Shortlist Link: {url}"]


def test_without_a_signing_key_links_work_but_notes_cannot_quote_them(world: World) -> None:
    links = world.enable_sharing(signing_key=None)
    scored_job_with_candidates(world, count=1)
    share(world)
    (link,) = links.list(2001)
    assert links.url_of(link) is None and links.link_for(2001) is None
    assert link_lines(next(n.note for n in world.tracker.notes if n.link_type == "O"))  # announced once, though


def test_the_scorer_stores_the_candidates_display_name(world: World) -> None:
    world.add_job(2001)
    world.add_candidate(1001, resume=None, fields_text=STRONG_RESUME, name="Ada Lovelace")  # read: no document
    world.add_candidate(1002)
    world.apply(3001, 2001, 1001)
    world.apply(3002, 2001, 1002, name="Grace Hopper")  # the application read carries the name
    scorer = world.scorer()
    scorer.handle(application(3001))
    scorer.handle(application(3002))

    first, second = world.scores.get(2001, 1001), world.scores.get(2001, 1002)
    assert first is not None and first.candidate_name == "Ada Lovelace"
    assert second is not None and second.candidate_name == "Grace Hopper"
    cached = world.profiles.get_profile(1001)  # kept with the profile, for rows rediscovery writes without a read
    assert cached is not None and cached.display_name == "Ada Lovelace"
    # A known candidate's next job is scored from the cache: the application's name, no candidate read.
    world.add_job(2002, title="Platform Engineer")
    world.apply(3003, 2002, 1001, name="Ada King")
    scorer.handle(job(2002))
    calls = len(world.tracker.calls)
    scorer.handle(application(3003))
    assert "candidate" not in world.tracker.calls[calls:]
    third = world.scores.get(2002, 1001)
    assert third is not None and third.candidate_name == "Ada King"


def test_a_closed_jobs_tag_removal_still_revokes(world: World) -> None:
    links = world.enable_sharing()
    scored_job_with_candidates(world, count=1)
    share(world)
    world.tracker.jobs[2001] = replace(world.tracker.jobs[2001], is_open=False)
    world.tracker.save_job(2001, tags=[], stamp=T0 - timedelta(seconds=20))

    assert world.scorer().handle(job(2001)).share == "revoked"
    assert links.link_for(2001) is None


def test_a_tag_link_is_made_for_the_jobs_contact_in_tracker(world: World) -> None:
    links = world.enable_sharing()
    scored_job_with_candidates(world)
    world.tracker.jobs[2001] = replace(world.tracker.jobs[2001], contact_name="Marisol Okafor")

    share(world)

    (link,) = links.list(2001)
    assert link.manager_name == "Marisol Okafor"


def test_a_job_without_a_contact_makes_a_link_for_nobody_in_particular(world: World) -> None:
    links = world.enable_sharing()
    scored_job_with_candidates(world)

    share(world)

    (link,) = links.list(2001)
    assert link.manager_name is None
