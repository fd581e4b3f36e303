"""Which modules a request walks through, and whether the walk ever comes back to a module it has left.

`ModuleWalk` records, while it is active, every call from one of our modules into another (the function handlers and
the `skima` package; libraries and the standard library are passed over), as an edge of a graph. A walk that visits
no module twice is one whose graph has no cycle: the webhook handler calls the intake, the intake the queue adapter,
and nothing down the line calls back up. Callbacks a caller hands down (a lambda or a nested function) are calls
the caller makes through the callee, so they are not counted as the callee calling back.
"""

from __future__ import annotations

import sys
from graphlib import CycleError, TopologicalSorter
from types import FrameType, TracebackType
from typing import Any, Self

OURS = ("skima.", "skima_function_")


def _ours(module: str) -> bool:
    return module == "skima" or module.startswith(OURS)


class ModuleWalk:
    def __init__(self) -> None:
        self.edges: dict[tuple[str, str], str] = {}  # (caller, callee) -> the first callee function seen
        self._previous: Any = None

    def __enter__(self) -> Self:
        self._previous = sys.getprofile()
        sys.setprofile(self._profile)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        sys.setprofile(self._previous)

    def _profile(self, frame: FrameType, event: str, arg: object) -> None:
        if event != "call" or frame.f_back is None:
            return
        callee = str(frame.f_globals.get("__name__", ""))
        caller = str(frame.f_back.f_globals.get("__name__", ""))
        code = frame.f_code
        if callee == caller or not (_ours(callee) and _ours(caller)):
            return
        if code.co_name == "<lambda>" or "<locals>" in code.co_qualname:
            return  # a callback the caller handed down
        self.edges.setdefault((caller, callee), code.co_qualname)

    @property
    def modules(self) -> set[str]:
        return {module for edge in self.edges for module in edge}

    def cycle(self) -> list[str] | None:
        """A cycle of modules (each calls the next, the last calls the first), or None when the walk has none."""
        graph: dict[str, set[str]] = {}
        for caller, callee in self.edges:
            graph.setdefault(callee, set()).add(caller)
        try:
            tuple(TopologicalSorter(graph).static_order())
        except CycleError as exc:
            found: list[str] = exc.args[1]
            return found
        return None

    def describe(self) -> str:
        edges = sorted(self.edges.items())
        return "\n".join(f"{caller} -> {callee} ({function})" for (caller, callee), function in edges)
