"""The webhook token check's promises: a constant-time comparison of every valid token, and rotation that ends
(the old token refused once "previous" is emptied in the secret, with no redeploy)."""

from __future__ import annotations

import hmac
import json
from typing import Any

import pytest

from skima import intake as intake_module
from skima.adapters.secrets import CachedSecret, SecretsManagerWebhookTokens
from skima.errors import Unauthorized
from skima.intake import InboundPing, WebhookIntake
from tests.fakes import FakeQueue, FakeWebhookTokens

NEW_TOKEN = "n3wT0kenForTheWebhookUrl0123456789abcdefABCDEF"
OLD_TOKEN = "0ldT0kenForTheWebhookUrl0123456789abcdefABCDEF"
BODY = json.dumps({"recordType": "Resource", "recordId": 7})


def _ping(token: str) -> InboundPing:
    return InboundPing(BODY, False, {"token": token})


def test_tokens_are_compared_with_hmac_compare_digest_every_one_every_time(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[bytes, bytes]] = []
    real_compare = hmac.compare_digest

    def recording_compare(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real_compare(a, b)

    monkeypatch.setattr(intake_module.hmac, "compare_digest", recording_compare)
    checker = WebhookIntake(FakeQueue(), FakeWebhookTokens(NEW_TOKEN, OLD_TOKEN), 1024)
    checker.accept(_ping(NEW_TOKEN))  # matches the first: still compared against the second (no early exit)
    assert len(calls) == 2
    assert {len(a) for a, _ in calls} == {len(b) for _, b in calls} == {32}  # fixed-length digests, not tokens
    with pytest.raises(Unauthorized):
        checker.accept(_ping("wrong" + NEW_TOKEN))
    assert len(calls) == 4


def test_the_verdict_is_compare_digests_not_an_equality_test(monkeypatch: pytest.MonkeyPatch) -> None:
    # Were the tokens compared with ==, a compare_digest that refuses everything would change nothing.
    monkeypatch.setattr(intake_module.hmac, "compare_digest", lambda a, b: False)
    with pytest.raises(Unauthorized):
        WebhookIntake(FakeQueue(), FakeWebhookTokens(NEW_TOKEN), 1024).accept(_ping(NEW_TOKEN))


class SecretsManagerStub:
    """get_secret_value over a value the test rotates, as an admin would with put-secret-value."""

    def __init__(self, value: dict[str, str]) -> None:
        self.value = value
        self.reads = 0

    def get_secret_value(self, **kwargs: Any) -> dict[str, Any]:
        self.reads += 1
        return {"SecretString": json.dumps(self.value)}


def _accepted(checker: WebhookIntake, token: str) -> bool:
    try:
        checker.accept(_ping(token))
    except Unauthorized:
        return False
    return True


def test_the_old_token_is_refused_once_rotation_ends() -> None:
    now = [0.0]
    stub = SecretsManagerStub({"current": NEW_TOKEN, "previous": OLD_TOKEN})
    secret = CachedSecret(stub, "arn:webhook", max_age_seconds=300, clock=lambda: now[0])  # type: ignore[arg-type]
    tokens = SecretsManagerWebhookTokens(secret)
    checker = WebhookIntake(FakeQueue(), tokens, 1024)
    assert _accepted(checker, OLD_TOKEN) and _accepted(checker, NEW_TOKEN)  # during rotation both work

    stub.value = {"current": NEW_TOKEN, "previous": ""}  # the admin ends the rotation
    now[0] = 299.0
    assert _accepted(checker, OLD_TOKEN)  # the cached secret: at most max_age_seconds of grace
    now[0] = 300.0
    assert not _accepted(checker, OLD_TOKEN)
    assert _accepted(checker, NEW_TOKEN)
    assert not _accepted(checker, "")  # an emptied "previous" never matches an empty token
