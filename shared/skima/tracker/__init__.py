"""Client for TrackerRMS ("Tracker"): REST reads, Widget writes, a shared JWT and a shared request budget."""

from skima.tracker.api import TrackerApi
from skima.tracker.client import TrackerClient
from skima.tracker.errors import (
    TrackerAuthError,
    TrackerBadResponse,
    TrackerError,
    TrackerNotFound,
    TrackerRateLimited,
    TrackerRejected,
    TrackerUnavailable,
)
from skima.tracker.models import (
    ActivityRow,
    DownloadedDocument,
    Opportunity,
    OpportunityResource,
    Placement,
    RecordRow,
    Resource,
    ResourceDocument,
    Settings,
)
from skima.tracker.ports import (
    CachedJwt,
    InMemoryRequestBudget,
    InMemoryTokenCache,
    LockAttempt,
    RequestBudget,
    TokenCache,
)
from skima.tracker.settings import TrackerSettings
from skima.tracker.timing import Deadline, RetryPolicy, TokenBucket, parse_retry_after

__all__ = [
    "ActivityRow",
    "CachedJwt",
    "Deadline",
    "DownloadedDocument",
    "InMemoryRequestBudget",
    "InMemoryTokenCache",
    "LockAttempt",
    "Opportunity",
    "OpportunityResource",
    "Placement",
    "RecordRow",
    "RequestBudget",
    "Resource",
    "ResourceDocument",
    "RetryPolicy",
    "Settings",
    "TokenBucket",
    "TokenCache",
    "TrackerApi",
    "TrackerAuthError",
    "TrackerBadResponse",
    "TrackerClient",
    "TrackerError",
    "TrackerNotFound",
    "TrackerRateLimited",
    "TrackerRejected",
    "TrackerSettings",
    "TrackerUnavailable",
    "parse_retry_after",
]
