"""When an equal Tracker stamp proves a record unchanged.

Tracker's last-updated stamps have whole seconds, so a save in the same second as our read keeps the stamp: an
equal stamp proves "unchanged" only when our read came well after that second. Tracker's stamps also carry no
zone; until the tenant's offset is calibrated a stamp's true age is known only to within the widest zone spread.
"""

from __future__ import annotations

from datetime import datetime, timedelta

STAMP_TRUST = timedelta(seconds=5)
# Tenants sit between UTC-12 and UTC+14: a naive stamp read as UTC may be this far from the true instant.
ZONE_UNCERTAINTY = timedelta(hours=14)


def stamp_settled(read_at: datetime, stamp: datetime | None, stamp_utc: datetime | None) -> bool:
    """Whether a read at ``read_at`` (UTC) came well after the second of ``stamp``.

    ``stamp_utc`` is the stamp as a true UTC instant (calibrated offset applied), None while the offset is unknown;
    ``stamp`` is the stamp read as if it were UTC, which then needs the zone spread on top.
    """
    if stamp_utc is not None:
        return read_at - stamp_utc > STAMP_TRUST
    return stamp is not None and read_at - stamp > STAMP_TRUST + ZONE_UNCERTAINTY
