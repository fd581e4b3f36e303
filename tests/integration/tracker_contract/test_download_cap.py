"""The document download cap over real HTTP: an oversized document is refused on its declared Content-Length
before any of its body is read, and a body without one is read as a stream only up to the cap; the JSON route's
base64 content is capped on its decoded size. Both the evidenced (JSON) and the guessed (raw bytes) route."""

from __future__ import annotations

import os
import time

import pytest

from skima.tracker import TrackerRejected

LIMIT = 8192


def _candidate_with_file(sim, size: int) -> tuple[int, int]:
    resource_id = sim.ui_create_resource(firstname="Cap", lastname="Tester", email="cap.tester@example.org")
    document_id = sim.ui_attach_document(resource_id, "cv.pdf", data=os.urandom(size))
    return resource_id, document_id


def test_a_document_at_the_limit_downloads(sim, make_client):
    client = make_client(max_document_bytes=LIMIT)
    resource_id, document_id = _candidate_with_file(sim, LIMIT)
    assert len(client.download_document(resource_id, document_id).content) == LIMIT


@pytest.mark.parametrize("size", [LIMIT + 1, LIMIT + 2000, 20 * LIMIT])
def test_a_document_above_the_limit_is_refused(sim, make_client, size):
    # LIMIT + 1 fits the JSON answer's raw allowance (base64 and envelope) and is refused on its decoded size.
    client = make_client(max_document_bytes=LIMIT)
    resource_id, document_id = _candidate_with_file(sim, size)
    with pytest.raises(TrackerRejected, match="limit"):
        client.download_document(resource_id, document_id)


def test_a_declared_oversized_body_is_refused_before_reading(sim, make_client):
    client = make_client(max_document_bytes=LIMIT)
    resource_id, document_id = _candidate_with_file(sim, 100)
    sim.set_fault("oversized_body", bytes=4 * 1024**3, declare=True, path="/Document")
    started = time.monotonic()
    with pytest.raises(TrackerRejected, match="declares 4294967296 bytes"):
        client.download_document(resource_id, document_id)
    assert time.monotonic() - started < 3.0  # 4 GiB were never read


def test_an_undeclared_oversized_body_stops_at_the_cap(sim, make_client):
    client = make_client(max_document_bytes=LIMIT)
    resource_id, document_id = _candidate_with_file(sim, 100)
    sim.set_fault("oversized_body", bytes=4 * 1024**3, declare=False, path="/Document")
    started = time.monotonic()
    with pytest.raises(TrackerRejected, match="larger than the limit"):
        client.download_document(resource_id, document_id)
    assert time.monotonic() - started < 3.0  # stopped reading a few chunks in, not after 4 GiB
