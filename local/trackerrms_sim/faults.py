"""Run-time switchable faults: which requests they hit, how often, and a seeded RNG for probabilities."""

from __future__ import annotations

import itertools
import random
import re
import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

FAULT_NAMES = frozenset(
    {
        "unauthorized",
        "invalidate_jwt",
        "rate_limit",
        "http_error",
        "delay",
        "timeout",
        "drop_connection",
        "lost_response",
        "bad_body",
        "oversized_body",
        "search_lag",
        "unstable_pages",
        "webhook_drop",
        "webhook_duplicate",
        "webhook_delay",
    }
)
# Faults that change how data looks, not whether a request succeeds: they do not consume `count`.
PASSIVE = frozenset({"search_lag", "unstable_pages"})
COMMON_PARAMS = frozenset({"count", "probability", "seed", "skip", "path", "methods", "record_types"})
PARAMS: dict[str, frozenset[str]] = {
    "unauthorized": frozenset(),
    "invalidate_jwt": frozenset(),
    "rate_limit": frozenset({"retry_after", "retry_after_format"}),
    "http_error": frozenset({"status", "body"}),
    "delay": frozenset({"seconds"}),
    "timeout": frozenset({"seconds"}),
    "drop_connection": frozenset(),
    "lost_response": frozenset({"mode", "seconds"}),
    "bad_body": frozenset({"body"}),
    "oversized_body": frozenset({"bytes", "declare", "content_type"}),
    "search_lag": frozenset({"seconds"}),
    "unstable_pages": frozenset({"overlap", "repeat_probability"}),
    "webhook_drop": frozenset(),
    "webhook_duplicate": frozenset(),
    "webhook_delay": frozenset({"seconds"}),
}


class FaultError(ValueError):
    pass


@dataclass
class Fault:
    id: str
    name: str
    params: dict[str, Any]
    count: int | None
    probability: float
    skip: int
    path: re.Pattern[str] | None
    methods: frozenset[str] | None
    record_types: frozenset[str] | None
    rng: random.Random
    fired: int = 0
    seen: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def describe(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "params": self.params,
            "remaining": self.count,
            "probability": self.probability,
            "skip": self.skip,
            "fired": self.fired,
            "path": self.path.pattern if self.path else None,
            "methods": sorted(self.methods) if self.methods else None,
            "record_types": sorted(self.record_types) if self.record_types else None,
        }


class Faults:
    def __init__(self, default_seed: int) -> None:
        self._faults: list[Fault] = []
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self.default_seed = default_seed
        self.fired: Counter[str] = Counter()

    def add(self, name: str, params: dict[str, Any]) -> Fault:
        if name not in FAULT_NAMES:
            raise FaultError(f"unknown fault {name!r}; known: {sorted(FAULT_NAMES)}")
        params = dict(params)
        unknown = set(params) - COMMON_PARAMS - PARAMS[name]
        if unknown:
            raise FaultError(f"unknown params for {name}: {sorted(unknown)}")
        try:
            count = params.pop("count", None)
            count = None if count is None else int(count)
            probability = float(params.pop("probability", 1.0))
            seed = params.pop("seed", None)
            skip = int(params.pop("skip", 0))
            path = params.pop("path", None)
            methods = params.pop("methods", None)
            record_types = params.pop("record_types", None)
            compiled = re.compile(path) if path else None
        except (TypeError, ValueError, re.error) as exc:
            raise FaultError(f"bad fault params: {exc}") from exc
        if not 0.0 <= probability <= 1.0:
            raise FaultError("probability must be between 0 and 1")
        if name == "http_error" and int(params.get("status", 500)) not in range(400, 600):
            raise FaultError("status must be 4xx or 5xx")
        fault = Fault(
            id=f"f{next(self._ids)}",
            name=name,
            params=params,
            count=count,
            probability=probability,
            skip=skip,
            path=compiled,
            methods=frozenset(m.upper() for m in methods) if methods else None,
            record_types=frozenset(record_types) if record_types else None,
            rng=random.Random(self.default_seed if seed is None else seed),
        )
        with self._lock:
            self._faults.append(fault)
        return fault

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def remove(self, fault_id: str) -> bool:
        with self._lock:
            before = len(self._faults)
            self._faults = [f for f in self._faults if f.id != fault_id]
            return len(self._faults) != before

    def describe(self) -> list[dict[str, Any]]:
        with self._lock:
            return [f.describe() for f in self._faults]

    def _matches(self, fault: Fault, path: str | None, method: str | None, record_type: str | None) -> bool:
        if fault.path is not None and (path is None or not fault.path.search(path)):
            return False
        if fault.methods is not None and (method is None or method.upper() not in fault.methods):
            return False
        return not (fault.record_types is not None and (record_type is None or record_type not in fault.record_types))

    def fire(
        self,
        names: frozenset[str] | set[str],
        *,
        path: str | None = None,
        method: str | None = None,
        record_type: str | None = None,
    ) -> list[Fault]:
        """Faults among `names` that hit this event, consuming skip/count/probability."""
        hits: list[Fault] = []
        with self._lock:
            for fault in list(self._faults):
                if fault.name not in names or not self._matches(fault, path, method, record_type):
                    continue
                fault.seen += 1
                if fault.seen <= fault.skip:
                    continue
                if fault.probability < 1.0 and fault.rng.random() >= fault.probability:
                    continue
                fault.fired += 1
                self.fired[fault.name] += 1
                if fault.count is not None and fault.name not in PASSIVE:
                    fault.count -= 1
                    if fault.count <= 0:
                        self._faults.remove(fault)
                hits.append(fault)
        return hits

    def active(self, name: str, *, path: str | None = None, method: str | None = None) -> Fault | None:
        """A passive fault in force for this request (no counting)."""
        with self._lock:
            for fault in self._faults:
                if fault.name == name and self._matches(fault, path, method, None):
                    return fault
        return None
