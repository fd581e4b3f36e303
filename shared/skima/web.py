"""HTTP response conventions for the public shortlist page (decision 0006).

One stylesheet, inlined in every page and allowed by its hash, so the CSP needs no 'unsafe-inline'; no script
runs at all; forms post only to ourselves; nothing may frame the page.
"""

from __future__ import annotations

import base64
import hashlib
from html import escape

STYLESHEET = """
:root{color-scheme:light;--ink:#1f2937;--muted:#4b5563;--line:#d1d5db;--bg:#f9fafb;--accent:#1d4ed8;--ok:#065f46}
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:var(--ink);background:var(--bg)}
main{max-width:44rem;margin:0 auto;padding:1rem .75rem 3rem}
h1{font-size:1.35rem;line-height:1.25;margin:.25rem 0 .5rem}
h2{font-size:1.1rem;margin:0;flex:1;min-width:0;overflow-wrap:anywhere}
h3{font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);margin:.9rem 0 .25rem}
p{margin:.25rem 0}
.eyebrow{font-size:.85rem;color:var(--muted);margin:0}
.meta{font-size:.85rem;color:var(--muted)}
ol.cards{list-style:none;margin:1rem 0 0;padding:0}
.card{background:#fff;border:1px solid var(--line);border-left:6px solid var(--band,var(--line));
border-radius:.75rem;padding:.5rem .7rem;margin:0 0 .5rem;font-size:.9rem;line-height:1.35}
.card-head{display:flex;align-items:center;gap:.5rem}
.rank{flex:none;width:1.75rem;height:1.75rem;border-radius:50%;background:#e5e7eb;display:flex;align-items:center;
justify-content:center;font-weight:700}
.score{flex:none;font-weight:700;font-size:1.05rem;color:#fff;background:var(--band,var(--accent));
border-radius:.5rem;padding:0 .5rem}
.band-strong{--band:#065f46}.band-good{--band:#1d4ed8}.band-partial{--band:#92400e}.band-weak{--band:#991b1b}
.facts{font-size:.85rem;color:var(--muted);margin:.15rem 0 0}
.band{font-weight:700;color:var(--band,var(--ink))}
.vh{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);
white-space:nowrap;border:0}
.card h3{font-size:.75rem;margin:.4rem 0 0}
ul.gaps{list-style:none;padding:0;margin:.1rem 0}
.gapline{margin:.2rem 0}.gapline h3,.gapline ul.gaps{display:inline;margin:0}
ul.gaps li{display:inline;margin:0}
ul.gaps li+li::before{content:" · ";color:var(--muted)}
.next{border-top:1px solid var(--line);padding-top:.6rem;margin-top:.4rem}
.more-row{display:flex;flex-wrap:wrap;column-gap:1.25rem}.more-row details[open]{flex-basis:100%}
.badge{display:inline-block;font-size:.75rem;border:1px solid var(--line);border-radius:1rem;padding:0 .5rem;
color:var(--muted)}
ul{margin:.15rem 0;padding-left:1.1rem;list-style:disc}
li{margin:.1rem 0;overflow-wrap:anywhere}
details{margin:.1rem 0}
summary{cursor:pointer;color:var(--accent);font-size:.875rem;padding:.2rem 0}
blockquote{margin:.25rem 0 .25rem .25rem;padding:.25rem .6rem;border-left:3px solid var(--line);color:var(--muted);
overflow-wrap:anywhere}
.verdict-now{background:#ecfdf5;color:var(--ok);border-radius:.5rem;padding:.4rem .6rem;margin-top:.6rem;
overflow-wrap:anywhere}
.saved{font-weight:700}
.updated{font-size:.8rem;color:var(--muted);margin-top:.3rem}
form{margin-top:.4rem;border-top:1px solid var(--line);padding-top:.4rem}
fieldset{border:0;margin:0;padding:0;min-width:0}
legend{font-weight:600;padding:0;margin-bottom:.35rem}
.votes{display:flex;gap:.4rem}
.votes label{flex:1;display:flex;align-items:center;justify-content:center;gap:.3rem;min-height:2.5rem;
border:1px solid var(--line);border-radius:.5rem;background:#fff;cursor:pointer;font-size:.95rem}
.votes button{flex:1;margin:0;width:auto;min-height:2.5rem}
.votes input{position:absolute;opacity:0;width:1px;height:1px}
.votes input:checked+label{border:2px solid var(--accent);background:#eff6ff;font-weight:700}
.votes input:focus-visible+label{outline:3px solid #f59e0b;outline-offset:2px}
.comment-label{display:block;margin:.6rem 0 .2rem;font-size:.9rem}
textarea{width:100%;font:inherit;border:1px solid var(--line);border-radius:.5rem;padding:.5rem;min-height:2.75rem}
button{margin-top:.6rem;width:100%;min-height:2.75rem;font:inherit;font-weight:600;color:#fff;background:var(--accent);
border:0;border-radius:.5rem;cursor:pointer}
a{color:var(--accent)}
:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
@media (min-width:40rem){main{padding:2rem 1rem}h1{font-size:1.6rem}}
""".strip()

STYLESHEET_HASH = base64.b64encode(hashlib.sha256(STYLESHEET.encode()).digest()).decode()

# Strict: no third-party assets, no script at all, only our own inline stylesheet (by hash), forms post only to
# ourselves, no framing, no <base> tricks.
CONTENT_SECURITY_POLICY = (
    f"default-src 'none'; style-src 'sha256-{STYLESHEET_HASH}'; img-src 'self' data:; form-action 'self'; "
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
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}


def html_document(title: str, body_html: str) -> str:
    """A complete page around already-escaped `body_html`; `title` is escaped here."""
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="robots" content="noindex, nofollow"><meta name="referrer" content="no-referrer">'
        f"<title>{escape(title)}</title><style>{STYLESHEET}</style></head>\n"
        f"<body>{body_html}</body></html>\n"
    )


def message_page(title: str, message: str, back_href: str | None = None) -> str:
    back = f'<p><a href="{escape(back_href)}">Back to the shortlist</a></p>' if back_href else ""
    return html_document(title, f"<main><h1>{escape(title)}</h1><p>{escape(message)}</p>{back}</main>")


LINK_UNAVAILABLE_TITLE = "This shortlist link is not available"
LINK_UNAVAILABLE_MESSAGE = "The link may have expired or been withdrawn. Ask the recruiter who shared it for a new one."
