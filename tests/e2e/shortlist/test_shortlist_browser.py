"""A hiring manager's review in real headless Chromium, against the sam-built ShortlistFunction run by the local
Lambda runner (moto for DynamoDB and SQS): open the link, see ten ranked candidates, vote and comment on two,
reload and see the verdicts; the feedback messages it queued are written back to the Tracker simulator by the
feedback write-back (as the scorer will run it); expired and revoked links show the friendly page.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import SecretStr
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from local.lambda_runtime.build import REPO_ROOT
from local.lambda_runtime.stack import LocalStack
from local.trackerrms_sim.testing import SimHandle, running_simulator
from skima.adapters.dynamo_links import DynamoLinkStore
from skima.adapters.dynamo_scores import DynamoScoreStore
from skima.adapters.tracker_source import TrackerRecordSource
from skima.models import FeedbackGiven, QueueMessage
from skima.pipeline.ports import ScoreRow
from skima.shortlist.feedback_writeback import write_feedback
from skima.shortlist.links import ShareLinks
from skima.tracker.client import TrackerClient
from skima.tracker.ports import InMemoryRequestBudget, InMemoryTokenCache
from skima.tracker.settings import TrackerSettings
from skima.web import LINK_UNAVAILABLE_TITLE
from tests.unit.shortlist.fakes import MemoryOutbox

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

SCREENSHOT = REPO_ROOT / "docs" / "shortlist-phone.png"
JOB_TITLE = "Senior Java Developer"


@pytest.fixture
def sim() -> Iterator[SimHandle]:
    with running_simulator(seed=7, candidates=40) as handle:
        yield handle


@pytest.fixture
def stack(shortlist_build: Path) -> Iterator[LocalStack]:
    with LocalStack.start(shortlist_build, functions=["ShortlistFunction"]) as running:
        yield running


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


def _tracker(sim: SimHandle) -> Any:

    settings = TrackerSettings(
        rest_base_url=sim.base_url, widget_base_url=sim.base_url, api_token=SecretStr(sim.api_token)
    )
    client = TrackerClient(
        httpx.Client(trust_env=False),
        settings,
        token_cache=InMemoryTokenCache(),
        request_budget=InMemoryRequestBudget(600),
    )
    return TrackerRecordSource(client, lambda: client.deadline(30))


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
    browser: Any, stack: LocalStack, sim: SimHandle, shortlist_build: Path
) -> None:

    job = sim.records("opportunity")[0]
    job_id = int(job["opportunityId"])
    candidates = sim.records("resource")[:12]
    _seed_scores(stack, job_id, candidates)
    dynamodb = stack.resources.client("dynamodb")
    base_url = stack.function_url("ShortlistFunction")
    links = ShareLinks(DynamoLinkStore(dynamodb, stack.resources.tables["LinksTable"]), base_url)
    created = links.create(job_id, JOB_TITLE)

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

    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    browser.execute_script("window.scrollTo(0, 0)")
    browser.save_screenshot(str(SCREENSHOT))

    # The two answers were queued once each; the scorer's write-back puts them into Tracker as notes.
    messages: list[FeedbackGiven] = []
    deadline = time.monotonic() + 20
    while len(messages) < 2 and time.monotonic() < deadline:
        for raw in stack.receive_messages("ScoreQueue", delete=True):
            body = raw["Body"] if isinstance(raw, dict) else raw.body
            root = QueueMessage.model_validate_json(body).root
            assert isinstance(root, FeedbackGiven)
            messages.append(root)
    assert sorted((m.candidate_id, m.verdict) for m in messages) == sorted([(ranked[0], "up"), (ranked[2], "maybe")])
    tracker, outbox = _tracker(sim), MemoryOutbox()
    for message in [*messages, *messages]:  # delivered twice: still one note each
        write_feedback(message, tracker, outbox)
    notes = [a for a in sim.records("activity") if "HM Feedback" in (a.get("subject") or "")]
    assert len(notes) == 2, notes
    by_candidate = {int(n["linkRecordId"]): n for n in notes}
    assert "HM Feedback: 👍" in by_candidate[ranked[0]]["note"]
    assert "HM Comment: Ready for final interview" in by_candidate[ranked[0]]["note"]
    assert "HM Feedback: Maybe" in by_candidate[ranked[2]]["note"]

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
