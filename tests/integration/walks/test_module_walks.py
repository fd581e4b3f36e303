"""Issue 13's walk: a webhook ping and a hiring manager's vote go through the code without visiting a module twice
(no module calls back into one that called it, directly or round a loop), traced through the real handlers."""

from __future__ import annotations

import types
from collections.abc import Iterator

import pytest
from moto import mock_aws

from local.harness.handlers import FakeLambdaContext
from local.harness.module_walk import ModuleWalk
from skima.adapters.dynamo_links import DynamoLinkStore
from skima.shortlist.links import ShareLinks
from tests.integration.feedback import test_feedback_fast_path
from tests.integration.feedback.test_feedback_fast_path import HOST, hm_notes, request, shortlisted, vote
from tests.integration.feedback.test_feedback_fast_path import Stack as VoteStack
from tests.integration.webhook.test_webhook_function import Stack, http_event

stack = test_feedback_fast_path.stack  # the vote's stack fixture (moto, the simulator), by its name


@pytest.fixture
def webhook(monkeypatch: pytest.MonkeyPatch) -> Iterator[Stack]:
    with mock_aws():
        yield Stack(monkeypatch)


def test_a_webhook_ping_visits_no_module_twice(webhook: Stack) -> None:
    event = http_event('{"recordType":"OpportunityResource","action":"Created","recordId":301}')
    webhook.call(event)  # the first call builds the composition root; the walk is a warm container's
    with ModuleWalk() as walk:
        assert webhook.call(event)["statusCode"] == 202
    assert walk.cycle() is None, walk.describe()
    # The walk really went through the layers it is meant to: handler, use case, adapters.
    assert {"skima_function_webhook", "skima.intake", "skima.adapters.sqs", "skima.adapters.secrets"} <= walk.modules


def test_a_vote_visits_no_module_twice_on_the_page_nor_on_its_way_into_tracker(stack: VoteStack) -> None:
    job_id, title, candidates = shortlisted(stack)
    token = ShareLinks(DynamoLinkStore(stack.dynamodb, "LinksTable"), f"https://{HOST}/").create(job_id, title).token
    stack.shortlist.lambda_handler(request("GET", f"/s/{token}"), FakeLambdaContext())  # a warm container
    with ModuleWalk() as on_the_page:
        vote(stack, token, candidates[0], "up", "Strong on payroll")
    with ModuleWalk() as into_tracker:
        assert stack.deliver_feedback() == []
    assert len(hm_notes(stack.sim, candidates[0])) == 1
    for walk in (on_the_page, into_tracker):
        assert walk.cycle() is None, walk.describe()
    assert {"skima_function_shortlist", "skima.shortlist.web_app", "skima.shortlist.feedback"} <= on_the_page.modules
    assert {"skima_function_feedback", "skima.tracker.client"} <= into_tracker.modules


def test_the_walk_finds_a_module_that_calls_back_into_its_caller() -> None:
    """The tracer itself: a module that calls a module that calls it back is a cycle."""
    first = types.ModuleType("skima.walk_first")
    second = types.ModuleType("skima.walk_second")
    exec("def down(then):\n    return then()\ndef back():\n    return 1", second.__dict__)
    exec("def start(second):\n    return second.down(up)\ndef up():\n    return 2", first.__dict__)
    with ModuleWalk() as walk:
        assert first.start(second) == 2
    assert walk.cycle() is not None
    assert ("skima.walk_second", "skima.walk_first") in walk.edges
