"""`python -m local.trackerrms_sim --port 8765`: run the simulator standalone (rate limit on by default)."""

from __future__ import annotations

import argparse

from .core import SimConfig
from .server import serve_forever


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m local.trackerrms_sim", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--api-token", default="sim-api-token")
    parser.add_argument("--candidates", type=int, default=300)
    parser.add_argument("--webhook-url", default=None)
    parser.add_argument("--webhook-token", default="sim-webhook-token")
    parser.add_argument("--webhook-shape", default="default", choices=["default", "id_type", "nested", "query"])
    parser.add_argument("--rate-limit", type=int, default=100, help="requests/minute per API token; 0 = off")
    parser.add_argument(
        "--shapes", default="evidenced", choices=["evidenced", "guessed"], help="evidenced (§12) or earlier guesses"
    )
    parser.add_argument("--utc-offset-minutes", type=int, default=None, help="tenant stamp offset (default by shapes)")
    parser.add_argument("--quiet", action="store_true", help="do not log each request")
    args = parser.parse_args(argv)
    config = SimConfig(
        seed=args.seed,
        api_token=args.api_token,
        candidates=args.candidates,
        webhook_url=args.webhook_url,
        webhook_token=args.webhook_token,
        webhook_shape=args.webhook_shape,
        rate_limit_per_minute=args.rate_limit or None,
        shapes=args.shapes,
        tenant_utc_offset_minutes=args.utc_offset_minutes,
    )
    serve_forever(config, args.host, args.port, verbose=not args.quiet)


if __name__ == "__main__":
    main()
