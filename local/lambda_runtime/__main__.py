"""`sam local invoke` without Docker: run one built function once against a fresh moto server.

    python -m local.lambda_runtime invoke WebhookFunction -e events/webhook_post.json \
        [--build-dir .aws-sam/build] [--parameter-overrides K=V ...] [--secret LogicalId=VALUE ...]

Prints the function's result (or Lambda's error object) as JSON on stdout; the function's logs go to stderr.
Exit status 0 on success, 1 on a function error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from local.lambda_runtime.build import REPO_ROOT
from local.lambda_runtime.logs import LogSink
from local.lambda_runtime.stack import LocalStack


def _pairs(values: list[str], what: str) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for value in values:
        key, separator, rest = value.partition("=")
        if not separator or not key:
            raise SystemExit(f"{what} must look like Name=Value, got {value!r}")
        pairs[key] = rest
    return pairs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m local.lambda_runtime", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    invoke = commands.add_parser("invoke", help="invoke one function once")
    invoke.add_argument("function", help="the function's logical id, e.g. WebhookFunction")
    invoke.add_argument("-e", "--event", type=Path, default=None, help="event JSON file (default: {})")
    invoke.add_argument("--build-dir", type=Path, default=REPO_ROOT / ".aws-sam" / "build")
    invoke.add_argument("--parameter-overrides", nargs="*", default=[], metavar="NAME=VALUE")
    invoke.add_argument("--secret", nargs="*", default=[], metavar="LOGICAL_ID=VALUE", help="secret values")
    args = parser.parse_args(argv)
    event = json.loads(args.event.read_text(encoding="utf-8")) if args.event else {}
    with LocalStack.start(
        args.build_dir,
        functions=[args.function],
        event_sources=False,
        parameter_overrides=_pairs(args.parameter_overrides, "--parameter-overrides"),
        secret_values=_pairs(args.secret, "--secret"),
        log=LogSink(sys.stderr),
    ) as stack:
        if args.function in stack.unavailable:
            print(stack.unavailable[args.function], file=sys.stderr)
            return 2
        result = stack.invoke(args.function, event)
    print(json.dumps(result.payload if result.ok else result.error, indent=2))
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
