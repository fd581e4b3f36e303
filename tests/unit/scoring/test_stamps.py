"""An equal stamp proves "unchanged" only when our read came well after its second, in true UTC."""

from __future__ import annotations

from datetime import timedelta

from skima.stamps import stamp_settled
from tests.fakes import T0


def test_a_calibrated_stamp_is_settled_a_few_seconds_after_its_second() -> None:
    assert stamp_settled(T0, T0 - timedelta(hours=9), T0 - timedelta(seconds=6))
    assert not stamp_settled(T0, T0 - timedelta(hours=9), T0 - timedelta(seconds=1))


def test_an_uncalibrated_stamp_needs_the_whole_zone_spread() -> None:
    # A UTC-5 tenant's stamp of this very second reads five hours old: not proof of anything.
    assert not stamp_settled(T0, T0 - timedelta(hours=5), None)
    # A UTC+14 tenant's stamp from a few seconds ago reads fourteen hours in the future.
    assert not stamp_settled(T0, T0 + timedelta(hours=14), None)
    # Whatever the zone, a stamp read as more than 14 hours old is older than a few seconds.
    assert stamp_settled(T0, T0 - timedelta(hours=14, seconds=6), None)
    assert not stamp_settled(T0, None, None)
