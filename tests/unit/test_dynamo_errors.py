"""The one mapping every DynamoDB adapter uses from botocore's failures to the errors its callers handle."""

from __future__ import annotations

import ast
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from botocore.exceptions import BotoCoreError, ClientError, EndpointConnectionError, ReadTimeoutError

import skima.adapters
from skima.adapters.dynamo_errors import ConditionalTransaction, ConditionalWrite, DynamoErrors
from skima.adapters.dynamo_state import DynamoStateStore
from skima.errors import DependencyUnavailable
from skima.tracker.errors import TrackerUnavailable

OUTAGE_CODES = [
    "ProvisionedThroughputExceededException",
    "ThrottlingException",
    "RequestLimitExceeded",
    "InternalServerError",
    "ResourceNotFoundException",
    "ValidationException",
    "ItemCollectionSizeLimitExceededException",
]
BOTOCORE_FAILURES: list[BotoCoreError] = [
    EndpointConnectionError(endpoint_url="https://dynamodb.eu-west-2.amazonaws.com"),
    ReadTimeoutError(endpoint_url="https://dynamodb.eu-west-2.amazonaws.com"),
]


def client_error(code: str, message: str = "item {'jwt': 'secret'} rejected") -> ClientError:
    return ClientError({"Error": {"Code": code, "Message": message}}, "PutItem")  # type: ignore[arg-type]


@pytest.mark.parametrize("code", [*OUTAGE_CODES, "ConditionalCheckFailedException", "TransactionCanceledException"])
def test_every_client_error_is_dependency_unavailable_named_by_its_code(code: str) -> None:
    error = client_error(code)
    with pytest.raises(DependencyUnavailable) as raised, DynamoErrors("scores write"):
        raise error
    assert str(raised.value) == f"scores write: {code}"
    assert raised.value.__cause__ is error


def test_the_message_never_carries_dynamodbs_text() -> None:
    with pytest.raises(DependencyUnavailable) as raised, DynamoErrors("links read"):
        raise client_error("ValidationException", "One or more values: token_hash=abc123")
    assert "abc123" not in str(raised.value)


def test_a_client_error_without_a_code_is_named_by_its_type() -> None:
    with pytest.raises(DependencyUnavailable, match=r"^links read: ClientError$"), DynamoErrors("links read"):
        raise ClientError({}, "GetItem")


@pytest.mark.parametrize("failure", BOTOCORE_FAILURES, ids=lambda failure: type(failure).__name__)
def test_a_botocore_failure_is_dependency_unavailable_named_by_its_type(failure: BotoCoreError) -> None:
    with pytest.raises(DependencyUnavailable) as raised, DynamoErrors("profiles read"):
        raise failure
    assert str(raised.value) == f"profiles read: {type(failure).__name__}"
    assert raised.value.__cause__ is failure


@pytest.mark.parametrize("raised_inside", [ValueError("a bug"), KeyError("Item"), TrackerUnavailable("other")])
def test_anything_else_passes_through_untouched(raised_inside: Exception) -> None:
    for manager in (DynamoErrors("x"), ConditionalWrite("x"), ConditionalTransaction("x")):
        with pytest.raises(type(raised_inside)) as raised, manager:
            raise raised_inside
        assert raised.value is raised_inside


def test_nothing_raised_is_nothing_refused() -> None:
    with DynamoErrors("x"):
        pass
    with ConditionalWrite("x") as write:
        pass
    assert not write.refused and write.refusal is None


def test_another_error_type_and_no_cause_when_asked() -> None:
    with (
        pytest.raises(TrackerUnavailable) as raised,
        DynamoErrors("token cache unavailable", unavailable=TrackerUnavailable, keep_cause=False),
    ):
        raise client_error("InternalServerError")
    assert str(raised.value) == "token cache unavailable: InternalServerError"
    assert raised.value.__cause__ is None and raised.value.__suppress_context__


def test_a_refused_condition_is_swallowed_and_remembered() -> None:
    refusal = client_error("ConditionalCheckFailedException")
    with ConditionalWrite("links claim") as write:
        raise refusal
    assert write.refused and write.refusal is refusal


@pytest.mark.parametrize("code", [*OUTAGE_CODES, "TransactionCanceledException"])
def test_a_conditional_write_maps_every_other_code(code: str) -> None:
    with pytest.raises(DependencyUnavailable, match=rf"^lease poll: {code}$"), ConditionalWrite("lease poll") as write:
        raise client_error(code)
    assert not write.refused


@pytest.mark.parametrize("failure", BOTOCORE_FAILURES, ids=lambda failure: type(failure).__name__)
def test_a_conditional_write_maps_botocore_failures(failure: BotoCoreError) -> None:
    with pytest.raises(DependencyUnavailable, match=rf"^outbox: {type(failure).__name__}$"), ConditionalWrite("outbox"):
        raise failure


def test_a_conditional_write_raises_the_callers_error_type() -> None:
    with pytest.raises(TrackerUnavailable), ConditionalWrite("t", unavailable=TrackerUnavailable, keep_cause=False):
        raise client_error("ThrottlingException")
    with ConditionalWrite("t", unavailable=TrackerUnavailable, keep_cause=False) as write:
        raise client_error("ConditionalCheckFailedException")
    assert write.refused


def test_a_cancelled_transaction_is_the_transactions_refusal() -> None:
    cancelled = client_error("TransactionCanceledException")
    with ConditionalTransaction("feedback write") as write:
        raise cancelled
    assert write.refusal is cancelled


@pytest.mark.parametrize("code", ["ConditionalCheckFailedException", "ThrottlingException"])
def test_a_transaction_maps_every_other_code(code: str) -> None:
    # ConditionalCheckFailedException never comes from TransactWriteItems: if it did, it would be no refusal.
    with (
        pytest.raises(DependencyUnavailable, match=rf"^feedback write: {code}$"),
        ConditionalTransaction("feedback write") as write,
    ):
        raise client_error(code)
    assert not write.refused


class _OutageClient:
    """A DynamoDB client whose every call fails as a throttled request would."""

    def __getattr__(self, operation: str) -> object:
        def fail(**_kwargs: object) -> None:
            raise client_error("ThrottlingException")

        return fail


@pytest.mark.parametrize(
    ("call", "what"),
    [
        (lambda store: store.release_claim("fanout#1#abc"), "claim release"),
        (lambda store: store.record_ping("candidate", 7, datetime(2026, 1, 1, tzinfo=UTC), 3600), "ping record"),
        (lambda store: store.record_health(last_poll="2026-01-01T00:00:00+00:00", polls=1), "sync health"),
        (lambda store: store.claim("k", 60), "claim"),
        (lambda store: store.get_watermark("poll"), "state read"),
    ],
)
def test_state_store_calls_map_an_outage_like_every_other_adapter(
    call: Callable[[DynamoStateStore], object], what: str
) -> None:
    store = DynamoStateStore(_OutageClient(), "state")  # type: ignore[arg-type]
    with pytest.raises(DependencyUnavailable, match=rf"^{what}: ThrottlingException$"):
        call(store)


def _mapping_block(node: ast.With) -> bool:
    return any(
        isinstance(item.context_expr, ast.Call)
        and getattr(item.context_expr.func, "id", "") in {"DynamoErrors", "ConditionalWrite", "ConditionalTransaction"}
        for item in node.items
    )


def test_every_dynamodb_call_in_the_adapters_sits_in_a_mapping_block() -> None:
    """A call outside one leaks a raw botocore error past the port, where callers only handle ours."""
    unmapped: list[str] = []
    for path in sorted((Path(skima.adapters.__file__).parent).glob("dynamo_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        parents = {child: parent for parent in ast.walk(tree) for child in ast.iter_child_nodes(parent)}
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Attribute)
                and node.func.value.attr == "_client"
            ):
                continue
            enclosing: ast.AST = node
            while enclosing in parents and not (isinstance(enclosing, ast.With) and _mapping_block(enclosing)):
                enclosing = parents[enclosing]
            if not isinstance(enclosing, ast.With):
                unmapped.append(f"{path.name}:{node.lineno} {node.func.attr}")
    assert unmapped == []
