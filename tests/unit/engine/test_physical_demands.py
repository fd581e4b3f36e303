"""A physical demand standing alone in a posting, with no physical heading above it, is no requirement: every holder
of the job meets it and no resume says so. Every posting here is invented."""

import pytest

from skima.engine.requirements import extract_requirements


def _labels(line: str) -> list[str]:
    _, requirements = extract_requirements(f"Warehouse Associate\n\nRequirements:\n{line}\n- Stock rotation\n")
    return [r.label for r in requirements if r.kind != "role"]


@pytest.mark.parametrize(
    "line",
    [
        "- Lift up to 50 lbs",
        "- Must be able to lift 23 kg unaided",
        "- Stand for long periods",
        "- Able to stand and walk for extended periods",
        "- Prolonged periods of standing",
        "- Be on your feet for 10 hour shifts",
        "- Bending, stooping and kneeling",
    ],
)
def test_a_lone_physical_demand_is_not_a_requirement(line: str) -> None:
    assert _labels(line) == ["Stock rotation"]


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("- Forklift licence", "Forklift licence"),
        ("- Lift up to 50 lbs; forklift licence", "forklift licence"),
        ("- Experience with Excel, able to sit for long periods", "Excel"),
    ],
)
def test_a_skill_beside_a_physical_demand_is_kept(line: str, kept: str) -> None:
    assert kept in _labels(line)
