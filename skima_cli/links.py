"""`skima links create|list|revoke|renew`: share links for IT, against the real LinksTable.

Hook into `skima_cli.main`: `register(commands)` on the subparsers object, then `if args.command == "links": return
run(args)`. Tables and URLs come from flags or the same environment names the functions use. With the link
signing key's secret (`--signing-key-secret`, the stack's LinkSigningKeySecretArn output) a created link's token
is derived from the key, so the scorer can quote it in later score notes; without it the token is random.

skima links create --job 123 [--for "Name"] [--title T] [--hide-score] [--hide-gaps] [--ttl-hours 48]
                                               prints the URL once; --for names the manager in their vote notes
skima links list --job 123
skima links revoke --job 123 --link-id ID      (or: skima links revoke --url https://.../s/<token>)
skima links renew --job 123 --link-id ID [--ttl-hours 48]
(ids made before 2026-12 may begin with "-": write --link-id=ID)
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, datetime, timedelta
from typing import Any, TextIO

from skima.errors import SecretUnavailable
from skima.shortlist.links import MAX_MANAGER_NAME_CHARS, LinkNotFound, ShareLinks, manager_display_name
from skima.shortlist.ports import LinkStore


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the `links` command to a `parser.add_subparsers()` object."""
    links: argparse.ArgumentParser = subparsers.add_parser(
        "links", help="create, list, revoke or renew hiring-manager shortlist links"
    )
    links.add_argument("--links-table", default=os.environ.get("LINKS_TABLE"), help="default: $LINKS_TABLE")
    links.add_argument(
        "--base-url", default=os.environ.get("SHORTLIST_BASE_URL", ""), help="default: $SHORTLIST_BASE_URL"
    )
    links.add_argument(
        "--signing-key-secret",
        default=os.environ.get("LINK_SIGNING_KEY_SECRET_ARN", ""),
        help="ARN of the link signing key secret (default: $LINK_SIGNING_KEY_SECRET_ARN)",
    )
    actions = links.add_subparsers(dest="links_action", required=True)

    def ttl(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--ttl-hours",
            type=int,
            default=int(os.environ.get("SHARE_LINK_TTL_HOURS", "48") or 48),
            help="lifetime in hours (default: $SHARE_LINK_TTL_HOURS or 48)",
        )

    create = actions.add_parser("create", help="create a link and print its URL (shown once, never stored)")
    create.add_argument("--job", type=int, required=True)
    create.add_argument(
        "--for",
        dest="manager_name",
        default=None,
        metavar="NAME",
        help="the hiring manager the link is for: their votes' notes in Tracker name them",
    )
    create.add_argument("--title", default="", help="job title shown until the first score arrives")
    create.add_argument("--hide-score", action="store_true", help="do not show the 0-100 score")
    create.add_argument("--hide-gaps", action="store_true", help="show strengths only, not what was not found")
    ttl(create)
    listing = actions.add_parser("list", help="list a job's links")
    listing.add_argument("--job", type=int, required=True)
    revoke = actions.add_parser("revoke", help="revoke a link at once")
    revoke.add_argument("--job", type=int)
    revoke.add_argument("--link-id")
    revoke.add_argument("--url", help="the link itself, instead of --job/--link-id")
    renew = actions.add_parser("renew", help="give a link a fresh lifetime from now (same URL)")
    renew.add_argument("--job", type=int, required=True)
    renew.add_argument("--link-id", required=True)
    ttl(renew)
    return links


def _when(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def run(
    args: argparse.Namespace,
    out: TextIO = sys.stdout,
    store: LinkStore | None = None,
    signing_key: bytes | None = None,
) -> int:
    if store is None:
        if not args.links_table:
            print("skima links: set --links-table or $LINKS_TABLE", file=sys.stderr)
            return 2
        from skima.bootstrap import admin  # noqa: PLC0415 (boto3 only when really used)

        store = admin.link_store(args.links_table)
    if signing_key is None and args.links_action == "create" and args.signing_key_secret:
        from skima.bootstrap import admin  # noqa: PLC0415

        try:
            signing_key = admin.link_signing_key(args.signing_key_secret)
        except (SecretUnavailable, ValueError) as exc:
            print(f"skima links: cannot use the link signing key: {exc}", file=sys.stderr)
            return 2
    links = ShareLinks(store, args.base_url or "", signing_key=signing_key)
    action = args.links_action
    try:
        if action == "create":
            if args.ttl_hours <= 0:
                raise ValueError("--ttl-hours must be positive")
            manager_name = None
            if args.manager_name is not None:
                manager_name = manager_display_name(args.manager_name)
                if manager_name is None or len(" ".join(args.manager_name.split())) > MAX_MANAGER_NAME_CHARS:
                    raise ValueError(f"--for takes a name of 1-{MAX_MANAGER_NAME_CHARS} characters")
            if not args.base_url:
                print(
                    "skima links: set --base-url or $SHORTLIST_BASE_URL (the ShortlistBaseUrl output)", file=sys.stderr
                )
                return 2
            created = links.create(
                args.job,
                args.title,
                hide_score=args.hide_score,
                hide_gaps=args.hide_gaps,
                ttl=timedelta(hours=args.ttl_hours),
                manager_name=manager_name,
            )
            print(created.url, file=out)
            for_whom = f", for {created.link.manager_name}" if created.link.manager_name else ""
            print(
                f"link id {created.link.link_id}, job {args.job}{for_whom}, expires {_when(created.link.expires_at)}",
                file=out,
            )
            print("The URL is shown only now; only its hash is stored.", file=out)
        elif action == "list":
            now = datetime.now(UTC)
            rows = links.list(args.job)
            if not rows:
                print(f"no links for job {args.job}", file=out)
            for link in rows:
                options = ",".join(
                    name for name, on in (("hide-score", link.hide_score), ("hide-gaps", link.hide_gaps)) if on
                )
                for_whom = f"  for {link.manager_name}" if link.manager_name else ""
                print(
                    f"{link.link_id}  {link.state(now):8}  source={link.source:5}  created {_when(link.created_at)}"
                    f"  expires {_when(link.expires_at)}{for_whom}{'  ' + options if options else ''}",
                    file=out,
                )
        elif action == "revoke":
            if args.url:
                token = args.url.rstrip("/").rsplit("/s/", 1)[-1]
                done = links.revoke_token(token)
            elif args.job and args.link_id:
                done = links.revoke(args.job, args.link_id)
            else:
                print("skima links revoke: give --url, or --job and --link-id", file=sys.stderr)
                return 2
            print("revoked" if done else "already revoked or unknown", file=out)
        elif action == "renew":
            link = links.renew(args.job, args.link_id, timedelta(hours=args.ttl_hours))
            print(f"renewed {link.link_id}: expires {_when(link.expires_at)}", file=out)
    except (LinkNotFound, ValueError) as exc:
        print(f"skima links: {exc}", file=sys.stderr)
        return 1
    return 0
