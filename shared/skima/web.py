"""HTTP response conventions for the public shortlist page (reliability.md §8 item 24)."""

from __future__ import annotations

from html import escape

# Strict: no third-party assets, no inline script, no framing, forms post only to ourselves.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)

SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Robots-Tag": "noindex, nofollow",
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
}

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>{title}</title>
<style>body{{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:40rem;padding:2rem 1rem;color:#1f2937}}
h1{{font-size:1.4rem}}</style></head>
<body><main><h1>{title}</h1><p>{message}</p></main></body></html>"""


def message_page(title: str, message: str) -> str:
    return _PAGE.format(title=escape(title), message=escape(message))


LINK_UNAVAILABLE_TITLE = "This shortlist link is not available"
LINK_UNAVAILABLE_MESSAGE = "The link may have expired or been withdrawn. Ask the recruiter who shared it for a new one."
