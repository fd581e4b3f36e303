"""The download cap on what arrives after decompression, and the deadline while a body trickles in (no sockets;
the over-HTTP cases are in tests/integration/tracker_contract/test_download_cap.py)."""

from __future__ import annotations

import gzip
from collections.abc import Iterator

import httpx
import pytest

from skima.tracker import TrackerRejected, TrackerUnavailable
from tests.unit.tracker.fakes import FakeTime, FakeTrackerApi

LIMIT = 64 * 1024


def test_a_compressed_body_is_capped_on_its_decompressed_size(make_client, tracker: FakeTrackerApi) -> None:
    bomb = gzip.compress(b"\0" * (50 * LIMIT))  # about 3 KB on the wire, 3.2 MB decompressed

    def answer(request: httpx.Request) -> httpx.Response | None:
        if "/Documents/55/Download" in request.url.path:
            return httpx.Response(
                200, content=bomb, headers={"Content-Type": "application/pdf", "Content-Encoding": "gzip"}
            )
        if "/Document/55" in request.url.path:
            return httpx.Response(404)
        return None

    tracker.interceptors.append(answer)
    assert len(bomb) < LIMIT
    with pytest.raises(TrackerRejected, match="larger than the limit"):
        make_client(max_document_bytes=LIMIT).download_document(7, 55)


def test_a_compressed_body_within_the_limit_arrives_decoded(make_client, tracker: FakeTrackerApi) -> None:
    pdf = b"%PDF-1.4 " + b"x" * 1000

    def answer(request: httpx.Request) -> httpx.Response | None:
        if "/Document/55" in request.url.path:
            headers = {"Content-Type": "application/pdf", "Content-Encoding": "gzip"}
            return httpx.Response(200, content=gzip.compress(pdf), headers=headers)
        return None

    tracker.interceptors.append(answer)
    assert make_client(max_document_bytes=LIMIT).download_document(7, 55).content == pdf


def test_a_trickling_body_stops_at_the_deadline(make_client, tracker: FakeTrackerApi, fake_time: FakeTime) -> None:
    def trickle() -> Iterator[bytes]:
        while True:
            fake_time.advance(1.0)  # each small chunk takes a second
            yield b"%PDF" * 16

    def answer(request: httpx.Request) -> httpx.Response | None:
        if "/Document/55" in request.url.path:
            return httpx.Response(200, content=trickle(), headers={"Content-Type": "application/pdf"})
        return None

    tracker.interceptors.append(answer)
    client = make_client(max_document_bytes=LIMIT)
    with pytest.raises(TrackerUnavailable, match="deadline passed"):
        client.download_document(7, 55, deadline=client.deadline(20.0))
