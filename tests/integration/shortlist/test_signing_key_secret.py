"""`skima links create --signing-key-secret <arn>` reads the key from Secrets Manager (moto), so the link it prints
is one the scorer can quote in later score notes."""

from __future__ import annotations

import argparse
import io
from collections.abc import Iterator

import boto3
import pytest
from moto import mock_aws

from skima.shortlist.links import ShareLinks
from skima.shortlist.tokens import signing_key_from_secret
from skima_cli import links as cli
from tests.fakes import FakeLinkStore

BASE = "https://short.example/"
SECRET = "Ab3" * 22


@pytest.fixture
def secrets() -> Iterator[object]:
    with mock_aws():
        yield boto3.client("secretsmanager")


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="skima")
    cli.register(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(["links", "--links-table", "T", "--base-url", BASE, *argv])


def test_cli_reads_the_signing_key_secret(secrets: object) -> None:
    arn = secrets.create_secret(Name="link-signing", SecretString=SECRET)["ARN"]  # type: ignore[attr-defined]
    store, out = FakeLinkStore(), io.StringIO()
    assert cli.run(parse("--signing-key-secret", arn, "create", "--job", "42"), out, store) == 0
    url = out.getvalue().splitlines()[0]
    assert ShareLinks(store, BASE, signing_key=signing_key_from_secret(SECRET)).link_for(42) == url


def test_cli_refuses_a_key_it_cannot_read_and_creates_nothing(
    secrets: object, capsys: pytest.CaptureFixture[str]
) -> None:
    short = secrets.create_secret(Name="short", SecretString="too-short")["ARN"]  # type: ignore[attr-defined]
    store = FakeLinkStore()
    assert cli.run(parse("--signing-key-secret", short, "create", "--job", "42"), io.StringIO(), store) == 2
    missing = short.replace("short", "missing")
    assert cli.run(parse("--signing-key-secret", missing, "create", "--job", "42"), io.StringIO(), store) == 2
    assert store.links == {}
    assert "signing key" in capsys.readouterr().err
