"""`skima doctor`: what works against a Tracker tenant (or the simulator), read-only.

Checks the token exchange, a REST read, each Widget API auth method (``checkLogon``), the document download
routes, whether candidate reads carry tags, and whether the widget's job read carries the job's text. Nothing
is written to Tracker.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

from skima.tracker.client import DOCUMENT_ROUTES, TrackerClient
from skima.tracker.errors import TrackerError


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    required: bool = True  # a failed required check makes the doctor's exit status 1

    def line(self) -> str:
        mark = "ok  " if self.ok else ("FAIL" if self.required else "warn")
        return f"[{mark}] {self.name}: {self.detail}"


def diagnose(client: TrackerClient, *, resource_id: int | None = None, scan: int = 30) -> list[Check]:
    """Every check, in order; later checks are skipped (failed) when the token exchange fails."""
    checks: list[Check] = []
    try:
        client.ensure_token()
    except TrackerError as exc:
        return [Check("token exchange", False, str(exc))]
    checks.append(Check("token exchange", True, "POST /api/Auth/ExchangeToken gave a JWT"))

    try:
        jobs = list(client.iter_opportunities(state="open", max_pages=1))
        checks.append(Check("REST read", True, f"Opportunity/PagedSearch listed {len(jobs)} open jobs (first page)"))
    except TrackerError as exc:
        jobs = []
        checks.append(Check("REST read", False, str(exc)))

    results = client.probe_widget_auth()
    working = [method for method, outcome in results.items() if outcome == "ok"]
    for method, outcome in results.items():
        checks.append(Check(f"widget auth {method}", outcome == "ok", outcome, required=False))
    checks.append(
        Check(
            "widget auth",
            bool(working),
            f"use TrackerWidgetAuth={working[0]}" if working else "no method passed checkLogon",
        )
    )
    if not working:
        return checks
    client.pin_widget_auth(working[0])

    checks.extend(_documents(client, resource_id, scan))
    if jobs:
        checks.append(_job_text(client, jobs[0].opportunity_id))
    return checks


def _documents(client: TrackerClient, resource_id: int | None, scan: int) -> list[Check]:
    candidates = [resource_id] if resource_id is not None else list(islice(client.iter_resource_ids(), scan))
    found: tuple[int, int] | None = None
    for candidate in candidates:
        documents = client.list_documents(candidate)
        if documents:
            found = (candidate, documents[0].document_id)
            break
    checks: list[Check] = []
    if candidates:
        tags = client.read_tags(candidates[0])
        checks.append(
            Check(
                "tags readable",
                tags is not None,
                "a candidate read carries the tag field"
                if tags is not None
                else "no read carries tags: SKIMA will not write its screened tag (it would wipe recruiters' tags)",
                required=False,
            )
        )
    if found is None:
        checks.append(Check("document download", False, f"no document on {len(candidates)} candidates looked at"))
        return checks
    candidate, document = found
    outcomes: list[str] = []
    working: str | None = None
    for route in DOCUMENT_ROUTES:
        try:
            downloaded = client.download_document_from(route, candidate, document)
        except TrackerError as exc:
            outcomes.append(f"{route}: {type(exc).__name__}")
            continue
        outcomes.append(f"{route}: {len(downloaded.content)} bytes")
        working = working or route
    checks.append(
        Check("document download", working is not None, f"works: {working}" if working else "; ".join(outcomes))
    )
    return checks


def _job_text(client: TrackerClient, job_id: int) -> Check:
    try:
        widget_job, _ = client.get_job_with_placements(job_id)
        rest_job = client.get_opportunity(job_id)
    except TrackerError as exc:
        return Check("job text", False, str(exc), required=False)
    widget_words, rest_words = len(widget_job.description.split()), len(rest_job.description.split())
    return Check(
        "job text",
        rest_words > 0,
        f"job {job_id}: widget read {widget_words} words, REST read {rest_words} words"
        + (" (SKIMA completes thin widget reads from REST)" if widget_words < rest_words else ""),
        required=False,
    )
