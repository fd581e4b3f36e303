"""Helpers for the pipeline scenarios: bounded waits, reading notes and tags off the simulator, call counts."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from local.lambda_runtime.logs import LogSink
from local.lambda_runtime.testing import RunningApp, running_app
from local.trackerrms_sim.testing import SimHandle

SCREENED_TAG = "SKIMA Screened"
NOTE_SUBJECT = re.compile(
    r"^SKIMA (Match Score \d{1,3}/100 \((strong|good|partial|weak) match\)|could not judge the resume) - "
)
# Fast redelivery: a failed message is visible again after 2 s, so maxReceiveCount (5) is reached in ~10-15 s.
VISIBILITY_TIMEOUT = 2
# The request budget is not under test here (the figures are printed instead); 600/min keeps scenarios short.
REQUESTS_PER_MINUTE = "600"

PYTHON_RESUME = """Priya Raman - Senior Python Backend Engineer
Manchester, UK

SUMMARY
Backend engineer with 8 years of professional software development, 7 of them in Python.

EXPERIENCE
Senior Backend Engineer, Acme Payments, Jan 2019 - Present
- Built and ran Python microservices with FastAPI and Django REST Framework on AWS (Lambda, ECS, RDS).
- Designed PostgreSQL schemas, tuned queries, introduced Redis caching and Celery task queues.
- Led a team of four engineers; mentored juniors; owned CI/CD with GitHub Actions, Docker and Terraform.
Software Engineer, Northwind Analytics, Sep 2016 - Dec 2018
- Python data APIs with Flask and SQLAlchemy; Kafka event pipelines; pytest test suites.

EDUCATION
BSc Computer Science, University of Manchester, 2016

SKILLS
Python, Django, FastAPI, Flask, PostgreSQL, Redis, Docker, Kubernetes, AWS, Terraform, REST APIs, microservices
"""

CHEF_RESUME = """Sam Okafor - Head Chef
Leeds, UK

EXPERIENCE
Head Chef, The Riverside Kitchen, Mar 2015 - Present
- Ran a kitchen brigade of twelve; designed seasonal menus; managed food cost and stock.
Sous Chef, Old Mill Hotel, 2010 - 2015
- Banqueting for up to 300 covers; trained apprentices; food hygiene and HACCP records.

EDUCATION
NVQ Level 3 Professional Cookery, Leeds City College, 2009
"""


@contextmanager
def start_app(build_dir: Path, **options: Any) -> Iterator[RunningApp]:
    """`running_app` with the scenario defaults: 40 candidates, fast redelivery, no batching wait, logs kept."""
    options.setdefault("sim_options", {"candidates": 40})
    options.setdefault("resource_overrides", {"ScoreQueue": {"VisibilityTimeout": VISIBILITY_TIMEOUT}})
    options.setdefault("sqs_batching_window", 0)
    options.setdefault("parameter_overrides", {"TrackerRequestsPerMinute": REQUESTS_PER_MINUTE})
    options.setdefault("log", LogSink())
    options.setdefault("prewarm", True)
    with running_app(build_dir, **options) as app:
        yield app


def wait_until[T](probe: Callable[[], T], *, timeout: float, what: str, interval: float = 0.25) -> T:
    """Poll `probe` until it returns something truthy (returned) or `timeout` seconds pass (AssertionError)."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what} (last: {value!r})")
        time.sleep(interval)


def wait_settled(app: RunningApp, *, timeout: float = 45.0, quiet: float = 2.5) -> None:
    """Wait until the score queue has been empty (nothing visible, in flight or delayed) for `quiet` seconds:
    every hint, echo ping and redelivery has been handled."""
    deadline = time.monotonic() + timeout
    quiet_since: float | None = None
    while time.monotonic() < deadline:
        depth = app.stack.queue_depth("ScoreQueue")
        if depth.visible == depth.in_flight == depth.delayed == 0:
            quiet_since = quiet_since or time.monotonic()
            if time.monotonic() - quiet_since >= quiet:
                return
        else:
            quiet_since = None
        time.sleep(0.25)
    depth = app.stack.queue_depth("ScoreQueue")
    raise AssertionError(f"the score queue did not settle within {timeout:.0f} s: {depth}")


def skima_notes(sim: SimHandle, candidate_id: int, job_id: int | None = None) -> list[dict[str, Any]]:
    """SKIMA's activity notes on a candidate (optionally for one job), oldest first."""
    notes = [
        activity
        for activity in sim.state()["activities"]
        if activity.get("linkRecordType") == "R"
        and int(activity.get("linkRecordId") or 0) == candidate_id
        and NOTE_SUBJECT.match(str(activity.get("subject") or ""))
    ]
    if job_id is not None:
        notes = [note for note in notes if f"\nref: job {job_id} | " in str(note.get("note") or "")]
    return sorted(notes, key=lambda note: int(note["activityId"]))


def screened(sim: SimHandle) -> int:
    """Screened tags a scored candidate ends with: none where Tracker's reads carry no tags (the evidenced shapes),
    as a tag set that cannot be read is never written over the recruiter's tags; one otherwise."""
    return 0 if sim.shapes == "evidenced" else 1


def tags_of(sim: SimHandle, candidate_id: int) -> list[str]:
    text = sim.state()["tags"].get(str(candidate_id)) or ""
    return [tag.strip() for tag in text.split(",") if tag.strip()]


def outsider(sim: SimHandle, job_id: int, *, with_document: bool = True, skip: int = 0) -> int:
    """A seeded candidate not in the job's pipeline (preferring one of the job's field), deterministically."""
    state = sim.state()
    in_pipeline = {p["resourceId"] for p in state["placements"] if p["opportunityId"] == job_id}
    field = next(o["field"] for o in state["opportunities"] if o["opportunityId"] == job_id)
    candidates = [
        r
        for r in state["resources"]
        if r["resourceId"] not in in_pipeline and (r["documents"] > 0 or not with_document)
    ]
    candidates.sort(key=lambda r: (r["field"] != field, r["resourceId"]))
    return int(candidates[skip]["resourceId"])


def calls(sim: SimHandle) -> int:
    """Tracker API requests so far (ExchangeToken included; the simulator's control API never counts)."""
    return int(sim.stats()["total"])


def figure(label: str, value: float, sim: SimHandle | None = None) -> None:
    """A measured figure, printed (run pytest with -s, or read the captured output of a failure); with `sim`,
    also the Tracker requests behind it, by route."""
    by_route = f" {sim.stats()['requests']}" if sim is not None else ""
    print(f"FIGURE {label}: {value:g}{by_route}")
