"""Where the functions' (and the local gateways') log lines go: a prefixed console stream, a file, and memory."""

from __future__ import annotations

import collections
import sys
import threading
from pathlib import Path
from typing import TextIO


class LogSink:
    def __init__(self, stream: TextIO | None = None, path: Path | None = None, keep: int = 5000) -> None:
        """`stream` None = quiet; `path` appends every line to a file; the last `keep` lines per source stay in
        memory for tests (`lines("WebhookFunction")`)."""
        self._stream = stream
        self._file = open(path, "a", encoding="utf-8") if path else None  # noqa: SIM115
        self._keep = keep
        self._lines: dict[str, collections.deque[str]] = {}
        self._lock = threading.Lock()

    @classmethod
    def console(cls, path: Path | None = None) -> LogSink:
        return cls(sys.stderr, path)

    def write(self, source: str, line: str) -> None:
        line = line.rstrip("\r\n")
        with self._lock:
            self._lines.setdefault(source, collections.deque(maxlen=self._keep)).append(line)
            text = f"[{source}] {line}\n"
            if self._stream is not None:
                self._stream.write(text)
                self._stream.flush()
            if self._file is not None:
                self._file.write(text)
                self._file.flush()

    def lines(self, source: str | None = None) -> list[str]:
        with self._lock:
            if source is not None:
                return list(self._lines.get(source, ()))
            return [line for lines in self._lines.values() for line in lines]

    def close(self) -> None:
        with self._lock:
            if self._file is not None:
                self._file.close()
                self._file = None
