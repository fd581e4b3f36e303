"""The poller function's composition root: Tracker's change feed → the score queue, under the poll lease.

The scorer uses `poll_use_case` too, for a reconcile request (the lease keeps it from overlapping a scheduled run).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from functools import cache

from skima.adapters import wiring
from skima.adapters.tracker_feed import TrackerChangeFeed
from skima.config import PollerSettings
from skima.polling import Poller, PollReport
from skima.tracker.timing import Deadline

Poll = Callable[[Deadline, str, int], PollReport]
"""One poll: its Tracker calls stop at the deadline; `owner` names the invocation holding the lease, for
`lease_seconds`."""


@dataclass(frozen=True)
class PollerDeps:
    poll: Poll
    forget_tracker_client: Callable[[], None]
    """After a TrackerAuthError: the admin may have put a new API token in the secret, read it next time."""


def poll_use_case(config: PollerSettings) -> Poll:
    def poll(deadline: Deadline, owner: str, lease_seconds: int) -> PollReport:
        return Poller(
            TrackerChangeFeed(
                wiring.tracker_client(config), lambda: deadline, wiring.tracker_timezone(config.state_table)
            ),
            wiring.state_store(config.state_table),
            wiring.score_queue(config.score_queue_url),
            owner=owner,
            lookback=timedelta(minutes=config.poll_lookback_minutes),
            pipeline_checks_per_run=config.poll_pipeline_checks,
            lease_seconds=lease_seconds,
        ).run()

    return poll


def build(config: PollerSettings) -> PollerDeps:
    return PollerDeps(poll_use_case(config), wiring.tracker_client.cache_clear)


@cache
def from_env() -> PollerDeps:
    return build(PollerSettings.from_env())
