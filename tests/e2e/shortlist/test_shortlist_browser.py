"""A hiring manager's review in real headless Chromium, against the sam-built ShortlistFunction run by the local
Lambda runner (moto for DynamoDB and SQS): open the link on a phone, see the ten best live applications (no
withdrawn or declined ones, nobody under the score floor), each with its stage and band, three reasons and at most
three gaps (the rest behind "show all", each gap once), the page within six phone screens, the "why #11 missed the
cut" line, and no axe-core violation; vote and comment on two, reload and see the verdicts; the feedback messages it
queued on the feedback queue are written back to the Tracker simulator by the sam-built FeedbackFunction (delivered
twice: still one note each, naming the manager the link was made for); expired and revoked links show the friendly
page.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from local.lambda_runtime.build import REPO_ROOT
from local.lambda_runtime.stack import LocalStack
from local.lambda_runtime.testing import RunningApp, running_app
from local.trackerrms_sim.testing import SimHandle
from skima.adapters.dynamo_links import DynamoLinkStore
from skima.adapters.dynamo_scores import DynamoScoreStore
from skima.bands import band_for
from skima.models import FeedbackGiven, QueueMessage
from skima.scoring.ports import ScoreRow
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


# Invented requirements and resume lines (never real data). Every live card has 11-18 gaps, the engine's strongest
# one repeated among its reasons, a benefit that slipped through as a requirement, and one gap that the resume's
# quotes contradict: the page must show each gap once, no benefit, no contradicted gap.
MISSING_SKILLS = [
    "Kubernetes", "Terraform", "GraphQL", "Kafka", "Redis", "gRPC", "Helm", "Prometheus", "Grafana",
    "OAuth 2.0", "Spark", "Airflow", "Snowflake", "dbt", "Istio", "Vault", "ArgoCD",
]  # fmt: skip
BENEFIT_GAP = "Private health insurance"
LIVE_STAGES = ["Applied", "Longlisted", "CV Sent", "First Interview"]
PHONE = {"width": 375, "height": 667}
MAX_SCREENS = 6


@dataclass(frozen=True)
class Seeded:
    live: list[int]  # the ten expected on the page, best first
    next_in_line: int  # #11
    left_out: list[int]  # closed applications and scores under the floor
    names: dict[int, str]


def _row(job_id: int, cid: int, score: int, stage: str, *, gaps: int, kubernetes: str, salt: int) -> ScoreRow:
    missing = [skill for skill in MISSING_SKILLS[:gaps] if not (skill == "Kubernetes" and kubernetes == "met")]
    java = f"Built Java services at Acme, {2012 + salt}-2024"
    eks = "Ran 40 services on EKS" if kubernetes == "met" else None
    requirements: list[dict[str, Any]] = [
        {"label": "Java", "verdict": "met", "evidence": java, "weight": 0.3},
        {"label": "Spring Boot", "verdict": "met", "evidence": "Spring Boot microservices for payments", "weight": 0.2},
        {"label": "Postgres", "verdict": "met", "evidence": "Tuned Postgres for a 3 TB ledger", "weight": 0.1},
        {"label": "Kubernetes", "verdict": kubernetes, "evidence": eks, "weight": 0.15},
    ]
    requirements += [{"label": s, "verdict": "missing", "evidence": None, "weight": 0.01} for s in missing]
    gap_lines = [f"not found in resume: {s}" for s in missing]
    gap_lines += [
        "not found in resume: 7+ years Java (about 4.5 yrs found)",
        f"not found in resume: {BENEFIT_GAP}",
        "not found in resume: Postgres",  # quoted as met above: not a gap
    ]
    return ScoreRow(
        job_id=job_id,
        candidate_id=cid,
        status="scored",
        score=score,
        reasons=[
            f"{8 - salt % 5} yrs Java (Acme, {2012 + salt}-2024)",
            'Did similar work: "Rebuilt the payments ledger on Spring Boot, cutting batch time by 60%"',
            'Used Postgres: "Tuned Postgres partitions for a 3 TB ledger"',
            "Led a team of 6 engineers across two time zones",
            gap_lines[0],  # the engine names its strongest gap among the reasons too
        ],
        gaps=gap_lines,
        receipt_id=f"r{cid}",
        receipt_json="{}",
        result_json=json.dumps({"requirements": requirements}),
        content_version="2026-11-28T09:00:00+00:00|e1",
        inputs_hash=f"h{cid}",
        engine_version="e1",
        job_title=JOB_TITLE,
        placement_id=3000 + cid,
        placement_status_name=stage,
    )


def _seed_scores(stack: LocalStack, job_id: int, candidates: list[dict[str, Any]]) -> Seeded:
    """Scores as the scorer stores them (its own adapter), for real simulator candidates: two closed applications
    above everyone, ten live ones, the next live one (#11, without Kubernetes), and two under the floor."""
    store = DynamoScoreStore(stack.resources.client("dynamodb"), stack.resources.tables["ScoresTable"])
    ids = [int(c["resourceId"]) for c in candidates]
    plan: list[tuple[int, int, str, str]] = [(ids[0], 97, "Withdrawn", "met"), (ids[1], 95, "Offer declined", "met")]
    plan += [(ids[2 + k], 92 - 4 * k, LIVE_STAGES[k % 4], "met") for k in range(10)]
    plan += [(ids[12], 54, "Applied", "missing"), (ids[13], 35, "Applied", "met"), (ids[14], 0, "Applied", "met")]
    names: dict[int, str] = {}
    client = stack.resources.client("dynamodb")
    for salt, (cid, score, stage, kubernetes) in enumerate(plan):
        store.put(_row(job_id, cid, score, stage, gaps=11 + salt % 7, kubernetes=kubernetes, salt=salt))
        candidate = candidates[ids.index(cid)]
        names[cid] = candidate.get("displayAs") or f"{candidate['firstName']} {candidate['surname']}"
        # The display name the page shows (the scorer masks names for scoring; the page needs one).
        client.update_item(
            TableName=stack.resources.tables["ScoresTable"],
            Key={"job_id": {"S": str(job_id)}, "candidate_id": {"S": str(cid)}},
            UpdateExpression="SET candidate_name = :n",
            ExpressionAttributeValues={":n": {"S": names[cid]}},
        )
    return Seeded(ids[2:12], ids[12], [ids[0], ids[1], ids[13], ids[14]], names)


def _text(element: Any) -> str:
    """All of an element's text, visually hidden or inside a closed <details> included."""
    return " ".join(str(element.get_attribute("textContent")).split())


def _check_cards(browser: Any, seeded: Seeded) -> None:
    for cid in seeded.live:
        card = browser.find_element(By.ID, f"c-{cid}")
        score = int(_text(card.find_element(By.CSS_SELECTOR, ".score")).split()[2])
        band = band_for(score)
        assert f"band-{band.name}" in str(card.get_attribute("class"))
        assert card.find_element(By.CSS_SELECTOR, ".band").text == band.label
        stage = card.find_element(By.CSS_SELECTOR, ".stage").text
        assert stage.startswith("Stage: ") and stage.removeprefix("Stage: ") in LIVE_STAGES
        reasons = [li for li in card.find_elements(By.CSS_SELECTOR, "ul.why li") if li.is_displayed()]
        assert len(reasons) == 3
        gaps = card.find_elements(By.CSS_SELECTOR, "ul.gaps li")
        visible = [li for li in gaps if li.is_displayed()]
        assert len(visible) == 3 and len(gaps) >= 11  # three shown, the rest behind "show all"
        every_gap = [_text(li) for li in gaps]
        assert len(every_gap) == len(set(every_gap)), every_gap  # each gap in one place only
        assert "7+ years Java (about 4.5 yrs found)" in every_gap
        assert "Postgres" not in every_gap and BENEFIT_GAP not in _text(card)  # contradicted, a benefit
        assert "not found in resume" not in " ".join(_text(li) for li in card.find_elements(By.CSS_SELECTOR, "li"))
        assert not card.find_elements(By.CSS_SELECTOR, "span[aria-label]")


def _wait_for(driver: Any, css: str, timeout: float = 30.0) -> Any:

    return WebDriverWait(driver, timeout).until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, css)))


def _vote(driver: Any, candidate_id: int, verdict: str, comment: str) -> None:

    card = driver.find_element(By.ID, f"c-{candidate_id}")
    # Keyboard use, as a manager without a mouse would: focus the radio with its label, type the comment.
    card.find_element(By.CSS_SELECTOR, f'label[for="v-{candidate_id}-{verdict}"]').click()
    card.find_element(By.CSS_SELECTOR, "details.comment summary").click()
    card.find_element(By.ID, f"m-{candidate_id}").send_keys(comment)
    card.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    _wait_for(driver, f"#c-{candidate_id} .verdict-now")


def test_a_manager_reviews_the_shortlist_on_a_phone(
    browser: Any, stack: LocalStack, sim: SimHandle, tmp_path: Path
) -> None:

    job = sim.records("opportunity")[0]
    job_id = int(job["opportunityId"])
    candidates = sim.records("resource")[:15]
    seeded = _seed_scores(stack, job_id, candidates)
    dynamodb = stack.resources.client("dynamodb")
    base_url = stack.function_url("ShortlistFunction")
    links = ShareLinks(DynamoLinkStore(dynamodb, stack.resources.tables["LinksTable"]), base_url)
    created = links.create(job_id, JOB_TITLE, manager_name="Dana Whitfield")

    # A phone: 375 x 667 CSS px (headless windows cannot be narrower than 500 px, so emulate the device).
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {**PHONE, "deviceScaleFactor": 2, "mobile": True})
    browser.get(created.url)
    _wait_for(browser, "ol.cards")
    assert browser.execute_script("return window.innerWidth") == PHONE["width"]
    assert browser.find_element(By.TAG_NAME, "h1").text == JOB_TITLE
    ranked = [int(el.get_attribute("id")[2:]) for el in browser.find_elements(By.CSS_SELECTOR, "li.card")]
    assert ranked == seeded.live  # no withdrawn or declined application, nobody under the floor
    for cid in seeded.left_out:
        assert not browser.find_elements(By.ID, f"c-{cid}")
    scores = [_text(el) for el in browser.find_elements(By.CSS_SELECTOR, ".score")]
    assert scores == [f"Match score {92 - 4 * k} out of 100" for k in range(10)]  # the words are announced
    _check_cards(browser, seeded)
    cut = browser.find_element(By.ID, "next-in-line").text
    assert cut.startswith("Why #11 missed the cut:") and seeded.names[seeded.next_in_line] in cut
    assert "(score 54)" in cut and "Kubernetes" in cut and seeded.names[seeded.live[-1]] in cut
    # Compact: the whole page, ten candidates with 11-18 gaps each, within six phone screens.
    screens = browser.execute_script("return document.body.scrollHeight") / PHONE["height"]
    print(f"shortlist page height: {screens:.2f} phone screens")
    assert screens <= MAX_SCREENS, screens
    # Readable at phone width: nothing wider than the viewport.
    assert browser.execute_script("return document.documentElement.scrollWidth") <= PHONE["width"]
    # Accessible: axe-core finds nothing (run as the page is first seen, then with every <details> open).
    axe = Axe(browser)
    axe.inject()
    first_look = axe.run()
    assert first_look["passes"] and first_look["violations"] == [], axe.report(first_look["violations"])
    browser.execute_script("document.querySelectorAll('details').forEach(d => d.open = true)")
    violations = axe.run()["violations"]
    assert violations == [], axe.report(violations)
    # Evidence on demand, without JavaScript: "show all" opens the other gaps and the quotes.
    browser.refresh()
    _wait_for(browser, "ol.cards")
    first = browser.find_element(By.ID, f"c-{ranked[0]}")
    first.find_element(By.CSS_SELECTOR, "details.more summary").click()
    assert "Built Java services at Acme" in first.find_element(By.CSS_SELECTOR, "details.more").text
    assert len([li for li in first.find_elements(By.CSS_SELECTOR, "ul.gaps li") if li.is_displayed()]) > 3
    first.find_element(By.CSS_SELECTOR, "details.more summary").click()

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
