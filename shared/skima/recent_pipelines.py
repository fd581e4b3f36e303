"""Pipeline rows read moments ago, so a burst of applications to one job costs about one request per burst, not
one application read each.

Tracker announces each new application by its id alone, and reading it (`OpportunityResource/{id}`) is one request.
Applications come in runs to one job (a job posted to a board, a bulk import, a job's own fan-out). So when the
last application seen was to job J, the next one is first looked for in J's pipeline (one request,
`getIndividualRecord` O, which lists every application with its candidate and stage): a hit costs what the
application read would have, and names the rest of the run for free. A miss (an application to another job) costs
one request more; after a miss that job is not guessed again for the rest of the window, so interleaved traffic
loses at most one request per job per window. Rows are trusted for `window` only (a stage changed since is seen on
a later read). Memory of one container: each Lambda container keeps its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from skima.scoring.ports import Application

DEFAULT_WINDOW = timedelta(seconds=30)
# Bounds the memory a huge pipeline or a long burst can take.
MAX_ROWS = 5_000


@dataclass
class RecentPipelines:
    window: timedelta = DEFAULT_WINDOW
    _rows: dict[int, tuple[datetime, Application]] = field(default_factory=dict)
    _last_job: tuple[int, datetime] | None = None  # the job of the last application seen, and when
    _missed: dict[int, datetime] = field(default_factory=dict)  # job id -> when its guessed pipeline missed

    def find(self, placement_id: int, now: datetime) -> Application | None:
        """The application from a pipeline read within the window, if any."""
        found = self._rows.get(placement_id)
        if found is None or not self._fresh(found[0], now):
            return None
        return found[1]

    def guess_job(self, now: datetime) -> int | None:
        """The job whose pipeline probably holds the next application: the last one's, within the window, unless
        a guess of that job missed within the window."""
        if self._last_job is None or not self._fresh(self._last_job[1], now):
            return None
        job_id = self._last_job[0]
        missed_at = self._missed.get(job_id)
        if missed_at is not None and self._fresh(missed_at, now):
            return None
        return job_id

    def seen(self, application: Application, now: datetime) -> None:
        self._last_job = (application.job_id, now)

    def missed(self, job_id: int, now: datetime) -> None:
        self._missed[job_id] = now
        if len(self._missed) > MAX_ROWS:
            self._missed = {key: at for key, at in self._missed.items() if self._fresh(at, now)}

    def remember(self, rows: Iterable[Application], now: datetime) -> None:
        for row in rows:
            self._rows[row.placement_id] = (now, row)
        if len(self._rows) > MAX_ROWS:
            self._forget_stale(now)

    def _fresh(self, at: datetime, now: datetime) -> bool:
        return timedelta(0) <= now - at <= self.window

    def _forget_stale(self, now: datetime) -> None:
        self._rows = {key: value for key, value in self._rows.items() if self._fresh(value[0], now)}
        if len(self._rows) > MAX_ROWS:  # all fresh: keep the newest
            self._rows = dict(sorted(self._rows.items(), key=lambda item: item[1][0])[-MAX_ROWS:])
