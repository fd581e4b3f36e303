"""The one stage policy (`skima.stages`): which stages are early enough for a "Skima Shortlisted" move."""

from __future__ import annotations

import pytest

from local.trackerrms_sim.seed import PLACEMENT_STATUSES
from skima.stages import EARLY_STAGE_NAMES, is_early_stage, known_past_early


@pytest.mark.parametrize("name", ["Applied", "new", "Sourced", "Longlisted", "Long List", "longlist", "Shortlisted"])
def test_early_stages_by_whole_name_whatever_the_case_and_spacing(name: str) -> None:
    assert is_early_stage(name) and is_early_stage(f"  {name.upper()} ")
    assert not known_past_early(name)


@pytest.mark.parametrize("name", ["Skima Shortlisted", "CV Sent", "First Interview", "Offer Made", "Withdrawn"])
def test_later_stages_are_not_early(name: str) -> None:
    assert not is_early_stage(name)
    assert known_past_early(name)


@pytest.mark.parametrize("name", [None, "", "   "])
def test_an_unnamed_stage_is_never_early_and_rules_nothing_out(name: str | None) -> None:
    # Live: a stage we cannot name may be past the early ones, so nobody is moved from it.
    assert not is_early_stage(name)
    # Stored: no name says nothing, so the live read decides.
    assert not known_past_early(name)


def test_of_the_simulators_statuses_the_first_three_are_early() -> None:
    names = [name for _, name, _ in PLACEMENT_STATUSES]
    assert [name for name in names if is_early_stage(name)] == ["Applied", "Longlisted", "Shortlisted"]
    assert all(name.lower() in EARLY_STAGE_NAMES for name in names[:3])
