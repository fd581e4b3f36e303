"""How every DynamoDB adapter turns a botocore failure into the errors its callers handle.

    with DynamoErrors("links read"):
        response = client.get_item(...)

    with ConditionalWrite("links update") as write:
        client.update_item(..., ConditionExpression=...)
    return not write.refused

Any ClientError (throttling included: the caller's retry is the backoff) or BotoCoreError (timeouts, connection
errors) leaving the block becomes `DependencyUnavailable("<what>: <detail>")`, chained to the original; the detail
is DynamoDB's error code or botocore's exception name, never the message, which may quote item data. A
ConditionalWrite treats a refused condition as a lost race, not an outage: it is swallowed and `refused` is set.
Anything else raised in the block (a domain error, a bug) passes through untouched.
"""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Self

from botocore.exceptions import BotoCoreError, ClientError

from skima.errors import DependencyUnavailable


def error_code(exc: ClientError) -> str:
    """DynamoDB's error code (safe to log: it never carries item data)."""
    return str(exc.response.get("Error", {}).get("Code", ""))


class DynamoErrors:
    """Maps a botocore failure in the block to `unavailable(f"{what}: {detail}")` (see the module doc).

    `keep_cause=False` raises it `from None`, for callers that log their errors' chains where nothing from
    DynamoDB should go (the Tracker JWT cache)."""

    def __init__(
        self,
        what: str,
        *,
        unavailable: Callable[[str], Exception] = DependencyUnavailable,
        keep_cause: bool = True,
    ) -> None:
        self._what = what
        self._unavailable = unavailable
        self._keep_cause = keep_cause

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.raise_mapped(exc)

    def raise_mapped(self, exc: BaseException | None) -> None:
        """Raise what `exc` maps to; return when it is no botocore failure (the caller lets it through)."""
        if isinstance(exc, ClientError):
            detail = error_code(exc) or type(exc).__name__
        elif isinstance(exc, BotoCoreError):
            detail = type(exc).__name__
        else:
            return
        mapped = self._unavailable(f"{self._what}: {detail}")
        raise mapped from (exc if self._keep_cause else None)


class ConditionalWrite:
    """A write whose condition may be refused (a race lost, not an outage): the refusal is swallowed and kept in
    `refusal`; `refused` says whether it happened. Every other failure is mapped as by DynamoErrors."""

    refusal_code = "ConditionalCheckFailedException"

    def __init__(
        self,
        what: str,
        *,
        unavailable: Callable[[str], Exception] = DependencyUnavailable,
        keep_cause: bool = True,
    ) -> None:
        self._errors = DynamoErrors(what, unavailable=unavailable, keep_cause=keep_cause)
        self.refusal: ClientError | None = None

    @property
    def refused(self) -> bool:
        return self.refusal is not None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> bool:
        if isinstance(exc, ClientError) and error_code(exc) == self.refusal_code:
            self.refusal = exc
            return True
        self._errors.raise_mapped(exc)
        return False


class ConditionalTransaction(ConditionalWrite):
    """TransactWriteItems: a cancelled transaction (one of its conditions failed, or a concurrent transaction
    touched the same items) is the refusal."""

    refusal_code = "TransactionCanceledException"
