"""The shortlist function's environment and permissions, as template.yaml declares them."""

from __future__ import annotations

from skima.config import ShortlistSettings
from tests.support.template import properties, template


def test_shortlist_settings_read_only_declared_variables() -> None:
    declared = set(template()["Globals"]["Function"]["Environment"]["Variables"])
    declared |= set(properties("ShortlistFunction")["Environment"]["Variables"])
    aliases = {field.alias for field in ShortlistSettings.model_fields.values()}
    assert aliases <= declared, aliases - declared


def test_shortlist_function_may_do_exactly_what_it_does() -> None:
    policies = {
        (name, next(iter(args.values()))["Ref"] if "TableName" in args else "queue")
        for policy in properties("ShortlistFunction")["Policies"]
        for name, args in policy.items()
    }
    # Reads scores and links only (it can never create, renew or un-revoke a link); writes feedback; counts
    # wrong-token guesses in the state table; enqueues feedback write-backs.
    assert policies == {
        ("DynamoDBReadPolicy", "ScoresTable"),
        ("DynamoDBReadPolicy", "LinksTable"),
        ("DynamoDBCrudPolicy", "FeedbackTable"),
        ("DynamoDBCrudPolicy", "StateTable"),
        ("SQSSendMessagePolicy", "queue"),
    }


def test_links_table_is_keyed_by_token_hash_with_a_job_index_and_ttl() -> None:
    table = properties("LinksTable")
    assert table["KeySchema"] == [{"AttributeName": "token_hash", "KeyType": "HASH"}]
    assert table["GlobalSecondaryIndexes"][0]["IndexName"] == "by_job"
    assert table["TimeToLiveSpecification"] == {"AttributeName": "expires_at", "Enabled": True}
