"""A hiring manager's review in real headless Chromium, against the sam-built ShortlistFunction run by the local
Lambda runner (moto for DynamoDB and SQS): open the link, see ten ranked candidates, vote and comment on two,
reload and see the verdicts; the feedback messages it queued on the feedback queue are written back to the Tracker
simulator by the sam-built FeedbackFunction (delivered twice: still one note each, naming the manager the link was
made for); expired and revoked links show the friendly page.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from local.lambda_runtime.build import REPO_ROOT
from local.lambda_runtime.stack import LocalStack
from local.lambda_runtime.testing import RunningApp, running_app
from local.trackerrms_sim.testing import SimHandle
from skima.adapters.dynamo_links import DynamoLinkStore
from skima.adapters.dynamo_scores import DynamoScoreStore
from skima.models import FeedbackGiven, QueueMessage
from skima.pipeline.ports import ScoreRow
from skima.shortlist.links import ShareLinks
from skima.web import LINK_UNAVAILABLE_TITLE

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

# The README's screenshot is refreshed only on request (its dates change every run, which would dirty the tree):
# SKIMA_UPDATE_SCREENSHOT=1 make test
README_SCREENSHOT = REPO_ROOT / "docs" / "shortlist-phone.png"
JOB_TITLE = "Senior Java Developer"


@pytest.fixture
def app(build_dir: Path) -> Iterator[RunningApp]:
    """The complete build: the shortlist page and the feedback function that writes votes back to the simulator."""
    with running_app(
        build_dir,
        sim_options={"seed": 7, "candidates": 40},
        functions=["WebhookFunction", "ShortlistFunction", "FeedbackFunction"],
        event_sources=False,
    ) as running:
        yield running


@pytest.fixture
def stack(app: RunningApp) -> LocalStack:
    return app.stack


@pytest.fixture
def sim(app: RunningApp) -> SimHandle:
    return app.sim


def _sqs_event(bodies: list[str]) -> dict[str, Any]:
    return {
        "Records": [
            {
                "messageId": f"feedback-{index}",
                "receiptHandle": f"handle-{index}",
                "body": body,
                "attributes": {"ApproximateReceiveCount": "1"},
                "messageAttributes": {},
                "eventSource": "aws:sqs",
                "eventSourceARN": "arn:aws:sqs:us-east-1:123456789012:FeedbackQueue",
                "awsRegion": "us-east-1",
            }
            for index, body in enumerate(bodies)
        ]
    }


def _seed_scores(stack: LocalStack, job_id: int, candidates: list[dict[str, Any]]) -> None:
    """Scores as the scorer stores them (its own adapter), for real simulator candidates."""

    store = DynamoScoreStore(stack.resources.client("dynamodb"), stack.resources.tables["ScoresTable"])
    for index, candidate in enumerate(candidates):
        cid = int(candidate["resourceId"])
        result = {
            "requirements": [
                {"label": "Java", "verdict": "met", "evidence": f"Built Java services at Acme, {2016 + index}-2024"},
                {"label": "Spring Boot", "verdict": "partial", "evidence": "Spring Boot microservices"},
                {"label": "Kubernetes", "verdict": "missing", "evidence": None},
            ]
        }
        store.put(
            ScoreRow(
                job_id=job_id,
                candidate_id=cid,
                status="scored",
                score=94 - 4 * index,
                reasons=[
                    f"{8 - index % 5} yrs Java (Acme, 2016-2024)",
                    "Spring Boot microservices in production",
                    "Kubernetes: not found in resume",
                ],
                gaps=["Kubernetes: not found in resume"],
                receipt_id=f"r{cid}",
                receipt_json="{}",
                result_json=json.dumps(result),
                content_version="2026-11-28T09:00:00+00:00|e1",
                inputs_hash=f"h{cid}",
                engine_version="e1",
                job_title=JOB_TITLE,
                placement_id=None,
            )
        )
        # The display name the page shows (the scorer masks names for scoring; the page needs one).
        store_client = stack.resources.client("dynamodb")
        store_client.update_item(
            TableName=stack.resources.tables["ScoresTable"],
            Key={"job_id": {"S": str(job_id)}, "candidate_id": {"S": str(cid)}},
            UpdateExpression="SET candidate_name = :n",
            ExpressionAttributeValues={
                ":n": {"S": candidate.get("displayAs") or f"{candidate['firstName']} {candidate['surname']}"}
            },
        )


def _wait_for(driver: Any, css: str, timeout: float = 30.0) -> Any:

    return WebDriverWait(driver, timeout).until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, css)))


def _vote(driver: Any, candidate_id: int, verdict: str, comment: str) -> None:

    card = driver.find_element(By.ID, f"c-{candidate_id}")
    # Keyboard use, as a manager without a mouse would: focus the radio with its label, type the comment.
    card.find_element(By.CSS_SELECTOR, f'label[for="v-{candidate_id}-{verdict}"]').click()
    card.find_element(By.ID, f"m-{candidate_id}").send_keys(comment)
    card.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    _wait_for(driver, f"#c-{candidate_id} .verdict-now")


def test_a_manager_reviews_the_shortlist_on_a_phone(
    browser: Any, stack: LocalStack, sim: SimHandle, tmp_path: Path
) -> None:

    job = sim.records("opportunity")[0]
    job_id = int(job["opportunityId"])
    candidates = sim.records("resource")[:12]
    _seed_scores(stack, job_id, candidates)
    dynamodb = stack.resources.client("dynamodb")
    base_url = stack.function_url("ShortlistFunction")
    links = ShareLinks(DynamoLinkStore(dynamodb, stack.resources.tables["LinksTable"]), base_url)
    created = links.create(job_id, JOB_TITLE, manager_name="Dana Whitfield")

    # A phone: 360 CSS px wide (headless windows cannot be narrower than 500 px, so emulate the device).
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": 360, "height": 760, "deviceScaleFactor": 2, "mobile": True}
    )
    browser.get(created.url)
    _wait_for(browser, "ol.cards")
    assert browser.execute_script("return window.innerWidth") == 360
    assert browser.find_element(By.TAG_NAME, "h1").text == JOB_TITLE
    ranked = [int(el.get_attribute("id")[2:]) for el in browser.find_elements(By.CSS_SELECTOR, "li.card")]
    assert ranked == [int(c["resourceId"]) for c in candidates[:10]]
    scores = [el.text for el in browser.find_elements(By.CSS_SELECTOR, ".score")]
    assert scores == [str(94 - 4 * i) for i in range(10)]
    # Evidence on demand, without JavaScript: a <details> opens.
    first = browser.find_element(By.ID, f"c-{ranked[0]}")
    summary = first.find_element(By.CSS_SELECTOR, "details summary")
    summary.click()
    assert "Built Java services at Acme" in first.find_element(By.CSS_SELECTOR, "details").text
    # Readable at 360 px: nothing wider than the viewport.
    assert browser.execute_script("return document.documentElement.scrollWidth") <= browser.execute_script(
        "return window.innerWidth"
    )

    _vote(browser, ranked[0], "up", "Ready for final interview")
    _vote(browser, ranked[2], "maybe", "Check notice period <script>alert(1)</script>")
    browser.refresh()
    _wait_for(browser, "ol.cards")
    verdicts = {
        int(el.find_element(By.XPATH, "ancestor::li").get_attribute("id")[2:]): el.text
        for el in browser.find_elements(By.CSS_SELECTOR, ".verdict-now")
    }
    assert set(verdicts) == {ranked[0], ranked[2]}
    assert "👍" in verdicts[ranked[0]] and "Ready for final interview" in verdicts[ranked[0]]
    assert "<script>alert(1)</script>" in verdicts[ranked[2]]  # shown as text, never run
    assert browser.find_element(By.ID, f"v-{ranked[0]}-up").is_selected()

    screenshot = README_SCREENSHOT if os.environ.get("SKIMA_UPDATE_SCREENSHOT") == "1" else tmp_path / "phone.png"
    browser.execute_script("window.scrollTo(0, 0)")
    assert browser.save_screenshot(str(screenshot))
    assert screenshot.read_bytes().startswith(b"\x89PNG")

    # The two answers were queued once each on the feedback queue; the built feedback function (no model) writes
    # them into Tracker as notes, once each even when SQS delivers them twice.
    bodies: list[str] = []
    messages: list[FeedbackGiven] = []
    deadline = time.monotonic() + 20
    while len(messages) < 2 and time.monotonic() < deadline:
        for raw in stack.receive_messages("FeedbackQueue", delete=True):
            root = QueueMessage.model_validate_json(raw["Body"]).root
            assert isinstance(root, FeedbackGiven)
            bodies.append(raw["Body"])
            messages.append(root)
    assert sorted((m.candidate_id, m.verdict) for m in messages) == sorted([(ranked[0], "up"), (ranked[2], "maybe")])
    for _ in range(2):
        result = stack.invoke("FeedbackFunction", _sqs_event(bodies))
        assert result.ok, result.error
        assert result.payload == {"batchItemFailures": []}
    notes = [a for a in sim.records("activity") if "HM Feedback" in (a.get("subject") or "")]
    assert len(notes) == 2, notes
    by_candidate = {int(n["linkRecordId"]): n for n in notes}
    assert "HM Feedback: 👍" in by_candidate[ranked[0]]["note"]
    assert "HM Comment: Ready for final interview" in by_candidate[ranked[0]]["note"]
    assert "HM Feedback: Maybe" in by_candidate[ranked[2]]["note"]
    assert all(f"From Dana Whitfield, via shortlist link {created.link.link_id}," in n["note"] for n in notes)
    assert stack.queue_depth("ScoreQueue").total == 0  # votes never touch the score queue

    # Revoked and expired links: the same friendly page.
    links.revoke(job_id, created.link.link_id)
    browser.get(created.url)
    assert browser.find_element(By.TAG_NAME, "h1").text == LINK_UNAVAILABLE_TITLE
    expired = ShareLinks(
        DynamoLinkStore(dynamodb, stack.resources.tables["LinksTable"]),
        base_url,
        clock=lambda: datetime.now(UTC) - timedelta(hours=48, seconds=1),
    ).create(job_id, JOB_TITLE)
    browser.get(expired.url)
    assert browser.find_element(By.TAG_NAME, "h1").text == LINK_UNAVAILABLE_TITLE
