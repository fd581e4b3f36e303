"""A job's tags as Tracker's shapes carry them: REST `tagText`, the Widget's `tag`, or nothing at all."""

from __future__ import annotations

from typing import Any

import pytest

from skima.adapters.tracker_source import resource_display_name
from skima.tracker.models import Opportunity, Resource


@pytest.mark.parametrize(
    ("record", "tags"),
    [
        ({"id": 1, "name": "Job", "tagText": "Hot, SKIMA Share"}, ["Hot", "SKIMA Share"]),
        ({"opportunityId": 1, "TAG": " SKIMA Share ,, Urgent"}, ["SKIMA Share", "Urgent"]),
        ({"id": 1, "tags": ["Hot", {"name": "SKIMA Share"}]}, ["Hot", "SKIMA Share"]),
        ({"id": 1, "tag": ""}, []),
        ({"id": 1, "name": "Job"}, None),  # no tag field: unknown, not "no tags"
        ({"id": 1, "tag": None}, None),
        ({"id": 1, "tag": {"odd": "shape"}}, None),
    ],
)
def test_opportunity_tags_are_read_from_any_shape(record: dict[str, Any], tags: list[str] | None) -> None:
    assert Opportunity.model_validate(record).tags == tags


@pytest.mark.parametrize(
    ("record", "name"),
    [
        ({"resourceId": 1, "displayAs": "  Ada   Lovelace ", "firstName": "A"}, "Ada Lovelace"),
        ({"resourceId": 1, "firstName": "Grace", "surname": "Hopper"}, "Grace Hopper"),
        ({"resourceId": 1, "firstname": "Grace"}, "Grace"),
        ({"resourceId": 1}, None),
    ],
)
def test_the_candidates_display_name(record: dict[str, Any], name: str | None) -> None:
    assert resource_display_name(Resource.model_validate(record)) == name
