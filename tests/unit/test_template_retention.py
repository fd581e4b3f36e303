"""Data retention in the stack: TTL on every table holding candidate data, days from parameters, read typed."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from local.harness.template import properties, template
from skima.config import BackfillSettings, ScorerSettings, ShortlistSettings
from tests.unit.test_config import BASE

SCORER_ENV = {
    **BASE,
    "SCORES_TABLE": "s",
    "PROFILES_TABLE": "p",
    "LINKS_TABLE": "l",
    "FEEDBACK_TABLE": "f",
}
SHORTLIST_ENV = {
    "SCORES_TABLE": "s",
    "LINKS_TABLE": "l",
    "FEEDBACK_TABLE": "f",
    "GUESS_TABLE": "g",
    "FEEDBACK_QUEUE_URL": "q",
}


@pytest.mark.parametrize("logical_id", ["ScoresTable", "ProfilesTable", "FeedbackTable"])
def test_candidate_data_expires_by_ttl(logical_id: str) -> None:
    assert properties(logical_id)["TimeToLiveSpecification"] == {"AttributeName": "expires_at", "Enabled": True}


@pytest.mark.parametrize("parameter", ["ScoreRetentionDays", "FeedbackRetentionDays"])
def test_retention_parameters_default_to_two_years(parameter: str) -> None:
    declared = template()["Parameters"][parameter]
    assert declared["Type"] == "Number" and declared["Default"] == 730 and declared["MinValue"] == 1


def test_feedback_retention_tells_the_operator_to_follow_their_law() -> None:
    assert "law" in template()["Parameters"]["FeedbackRetentionDays"]["Description"]


def test_retention_days_reach_the_functions_that_write_the_data() -> None:
    scorer = properties("ScorerFunction")["Environment"]["Variables"]
    shortlist = properties("ShortlistFunction")["Environment"]["Variables"]
    assert scorer["SCORE_RETENTION_DAYS"] == {"Ref": "ScoreRetentionDays"}
    assert shortlist["FEEDBACK_RETENTION_DAYS"] == {"Ref": "FeedbackRetentionDays"}


def test_retention_settings_default_override_and_refuse_nonsense() -> None:
    assert ScorerSettings.from_env(SCORER_ENV).score_retention_days == 730
    assert ScorerSettings.from_env({**SCORER_ENV, "SCORE_RETENTION_DAYS": "90"}).score_retention_days == 90
    assert ShortlistSettings.from_env(SHORTLIST_ENV).feedback_retention_days == 730
    assert (
        ShortlistSettings.from_env({**SHORTLIST_ENV, "FEEDBACK_RETENTION_DAYS": "2555"}).feedback_retention_days == 2555
    )
    profiles = {**BASE, "PROFILES_TABLE": "p", "SCORE_RETENTION_DAYS": "365"}
    assert BackfillSettings.model_validate(profiles).score_retention_days == 365
    for bad in ("0", "-5", "forever"):
        with pytest.raises(ValidationError, match="SCORE_RETENTION_DAYS"):
            ScorerSettings.from_env({**SCORER_ENV, "SCORE_RETENTION_DAYS": bad})
        with pytest.raises(ValidationError, match="FEEDBACK_RETENTION_DAYS"):
            ShortlistSettings.from_env({**SHORTLIST_ENV, "FEEDBACK_RETENTION_DAYS": bad})
