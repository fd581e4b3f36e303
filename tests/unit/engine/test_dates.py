import pytest

from skima.engine.dates import find_ranges, merged_years, year_label


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("2016 - 2024", 8.0),
        ("Jan 2018 – Present", 8.0),
        ("01/2018 - 03/2021", 3.17),
        ("May 2013 to May 2017", 4.0),
        ("Sept. 2019 to till date", 6.33),
        ("2019-05 - 2020-08", 1.25),
        ("Mar 20 - Jun 22", 2.25),
        ("since 2017", 9.0),
    ],
)
def test_date_ranges_in_many_forms(text: str, years: float) -> None:
    found = find_ranges(text, 2026.0)
    assert found, text
    start, end, _ = found[0]
    assert round(end - start, 2) == years


def test_implausible_ranges_are_ignored() -> None:
    assert find_ranges("1850 - 1900", 2026.0) == []
    assert find_ranges("2030 - 2035", 2026.0) == []


def test_overlapping_roles_are_not_double_counted() -> None:
    assert merged_years([(2015.0, 2020.0), (2018.0, 2022.0), (2023.0, 2024.0)]) == 8.0


def test_year_label_says_now_for_open_ranges() -> None:
    assert year_label(2018.0, 2026.0, 2026.0) == "2018-now"
    assert year_label(2018.0, 2024.0, 2026.0) == "2018-2024"
