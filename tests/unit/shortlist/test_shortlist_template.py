"""The shortlist function's environment and permissions, as template.yaml declares them."""

from __future__ import annotations

import math

import pytest
from pydantic import ValidationError

from local.harness.template import properties, template
from skima.bands import SCORE_BANDS
from skima.config import DEFAULT_SHORTLIST_MIN_SCORE, ShortlistSettings


def test_shortlist_settings_read_only_declared_variables() -> None:
    declared = set(template()["Globals"]["Function"]["Environment"]["Variables"])
    declared |= set(properties("ShortlistFunction")["Environment"]["Variables"])
    aliases = {field.alias for field in ShortlistSettings.model_fields.values()}
    assert aliases <= declared, aliases - declared


def test_shortlist_function_may_do_exactly_what_it_does() -> None:
    policies = {
        (name, next(iter(args.values()))["Ref"] if "TableName" in args else args["QueueName"]["Fn::GetAtt"][0])
        for policy in properties("ShortlistFunction")["Policies"]
        for name, args in policy.items()
    }
    # Reads scores and links only (it can never create, renew or un-revoke a link); writes feedback; counts
    # wrong-token guesses in their own table (never the state table: the Tracker JWT is there); enqueues feedback
    # write-backs on the feedback queue only (never the score queue).
    assert policies == {
        ("DynamoDBReadPolicy", "ScoresTable"),
        ("DynamoDBReadPolicy", "LinksTable"),
        ("DynamoDBCrudPolicy", "FeedbackTable"),
        ("DynamoDBCrudPolicy", "GuessLimitTable"),
        ("SQSSendMessagePolicy", "FeedbackQueue"),
    }


def test_links_table_is_keyed_by_token_hash_with_a_job_index_and_ttl() -> None:
    table = properties("LinksTable")
    assert table["KeySchema"] == [{"AttributeName": "token_hash", "KeyType": "HASH"}]
    assert table["GlobalSecondaryIndexes"][0]["IndexName"] == "by_job"
    assert table["TimeToLiveSpecification"] == {"AttributeName": "expires_at", "Enabled": True}


def test_the_link_signing_key_is_a_generated_secret_of_at_least_256_bits() -> None:
    generate = properties("LinkSigningKeySecret")["GenerateSecretString"]
    alphabet = 62 if generate.get("ExcludePunctuation") else 94  # letters and digits, or printable ASCII
    assert generate["PasswordLength"] * math.log2(alphabet) >= 256
    assert "SecretString" not in properties("LinkSigningKeySecret")  # never a value in the template


def test_only_the_scorer_reads_the_link_signing_key() -> None:
    assert "LINK_SIGNING_KEY_SECRET_ARN" not in template()["Globals"]["Function"]["Environment"]["Variables"]
    readers = {
        logical_id
        for logical_id, node in template()["Resources"].items()
        if node["Type"] == "AWS::Serverless::Function"
        for policy in node["Properties"].get("Policies", [])
        if policy.get("AWSSecretsManagerGetSecretValuePolicy") == {"SecretArn": {"Ref": "LinkSigningKeySecret"}}
    }
    assert readers == {"ScorerFunction"}
    scorer_env = properties("ScorerFunction")["Environment"]["Variables"]
    assert scorer_env["LINK_SIGNING_KEY_SECRET_ARN"] == {"Ref": "LinkSigningKeySecret"}
    for logical_id in ("WebhookFunction", "PollerFunction", "ShortlistFunction"):
        assert "LINK_SIGNING_KEY_SECRET_ARN" not in properties(logical_id).get("Environment", {}).get("Variables", {})


def test_the_score_floor_is_a_parameter_whose_default_is_the_partial_band() -> None:
    parameter = template()["Parameters"]["ShortlistMinScore"]
    floor = next(band.floor for band in SCORE_BANDS if band.name == "partial")
    assert parameter["Default"] == DEFAULT_SHORTLIST_MIN_SCORE == floor == 40
    assert (parameter["MinValue"], parameter["MaxValue"]) == (0, 100)
    variables = properties("ShortlistFunction")["Environment"]["Variables"]
    assert variables["SHORTLIST_MIN_SCORE"] == {"Ref": "ShortlistMinScore"}
    required = {
        "SCORES_TABLE": "s",
        "LINKS_TABLE": "l",
        "FEEDBACK_TABLE": "f",
        "GUESS_TABLE": "g",
        "FEEDBACK_QUEUE_URL": "q",
    }
    assert ShortlistSettings.from_env(required).shortlist_min_score == 40
    assert ShortlistSettings.from_env({**required, "SHORTLIST_MIN_SCORE": "55"}).shortlist_min_score == 55
    with pytest.raises(ValidationError):
        ShortlistSettings.from_env({**required, "SHORTLIST_MIN_SCORE": "101"})
