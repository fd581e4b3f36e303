"""Settings for the Tracker client (the lead wires them from configuration / Secrets Manager)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator

#: How widget calls authenticate (evidence 2.2 and 12.5, decision 0007). ``auto`` probes at the first widget call,
#: in the order below.
WidgetAuth = Literal["auto", "oauth", "credentials", "rest_jwt"]
WIDGET_AUTH_METHODS: tuple[Literal["oauth", "credentials", "rest_jwt"], ...] = ("oauth", "credentials", "rest_jwt")


class TrackerSettings(BaseModel):
    """Where Tracker is and how patient to be with it.

    ``rest_base_url`` serves ``/api/Auth/ExchangeToken`` and ``/api/v1/...``; ``widget_base_url`` serves
    ``/api/widget/<op>`` (a different host in real regions, e.g. evoglapi vs evoapi; the same in the simulator).
    """

    model_config = ConfigDict(frozen=True)

    rest_base_url: str
    widget_base_url: str | None = None
    api_token: SecretStr
    #: Upper bound for one HTTP request (it is also cut to the caller's remaining deadline).
    request_timeout_seconds: float = Field(default=20.0, gt=0)
    #: Time budget of a call when the caller passes no deadline.
    default_deadline_seconds: float = Field(default=30.0, gt=0)
    #: Re-exchange when the JWT expires within this many seconds (clients in the wild use 1 hour).
    jwt_refresh_margin_seconds: float = Field(default=3600.0, ge=0)
    #: Lifetime assumed when ExchangeToken omits ``expiration``.
    assumed_jwt_lifetime_seconds: float = Field(default=6 * 3600.0, gt=0)
    jwt_lock_lease_seconds: float = Field(default=20.0, gt=0)
    jwt_wait_step_seconds: float = Field(default=0.25, gt=0)
    #: How many times one request may recover from a 401 before giving up for now.
    max_auth_recoveries: int = Field(default=3, ge=1)
    #: createActivity read-back: how far back (Tracker's clock, whose timezone is unknown) to look for a marker.
    activity_readback_lookback_seconds: float = Field(default=86400.0, gt=0)
    activity_readback_pages: int = Field(default=3, ge=1)
    #: Resource/Search: how often to re-ask for a page that brought nothing new (Tracker repeats pages).
    resource_page_rereads: int = Field(default=2, ge=0)
    #: Largest document download accepted.
    max_document_bytes: int = Field(default=15 * 1024 * 1024, gt=0)
    #: Activity type of every note we file (tenant-configurable in Tracker; "Email" would pollute email reports).
    activity_type: str = Field(default="Note", min_length=1, max_length=50)
    #: Widget API auth: its own OAuth2 bearer, ``credentials`` in the body, or the REST JWT (no public evidence).
    widget_auth: WidgetAuth = "auto"
    #: ``credentials.apikey`` for body-credential auth; None uses the REST API token.
    widget_api_key: SecretStr | None = None
    #: ``credentials.username`` sent along with the api key (the docs' "user will default to system admin").
    widget_username: str | None = None
    #: OAuth2 refresh token for ``POST {widget}/oAuth2/Token`` (grant_type=refresh_token); None: no OAuth.
    widget_oauth_refresh_token: SecretStr | None = None
    widget_oauth_client_id: str = "EvoApi_1.0"
    widget_oauth_client_secret: SecretStr | None = None

    @field_validator("rest_base_url", "widget_base_url")
    @classmethod
    def _strip_slash(cls, value: str | None) -> str | None:
        return value.rstrip("/") if value else value

    @property
    def widget_url(self) -> str:
        return self.widget_base_url or self.rest_base_url
