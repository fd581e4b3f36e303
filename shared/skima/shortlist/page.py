"""Use case: the shortlist page for one active link, rendered on the server.

Everything that comes from a resume, a job or the manager is escaped (resumes are untrusted input). The page
works without JavaScript: one small form per candidate, posted to `/s/<token>/feedback`, answered with a
303 back to the page (post/redirect/get).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from html import escape

from skima.shortlist.models import (
    MAX_COMMENT_CHARS,
    VERDICT_LABELS,
    VERDICT_WORDS,
    VERDICTS,
    Evidence,
    RecordedVerdict,
    ShareLink,
    ShortlistEntry,
)
from skima.shortlist.ports import FeedbackStore, ShortlistSource
from skima.shortlist.tokens import make_nonce
from skima.web import html_document


def _when(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%d %b %Y, %H:%M UTC")


def _words(text: str) -> set[str]:
    return {word for word in re.findall(r"[a-z0-9+#.]+", text.lower()) if len(word) > 1}


def evidence_for_reason(reason: str, evidence: Sequence[Evidence]) -> list[Evidence]:
    """The requirements a reason talks about: those whose label (or quote) it names."""
    lowered = reason.lower()
    found = [
        item
        for item in evidence
        if item.quote
        and (
            (item.label and item.label.lower() in lowered)
            or (len(item.quote) > 12 and item.quote.lower()[:40] in lowered)
            or (item.label and _words(item.label) and _words(item.label) <= _words(reason))
        )
    ]
    return found[:3]


def names_a_gap(reason: str, gaps: Sequence[str]) -> bool:
    """A reason about something missing (hidden with the gaps when a link shows strengths only)."""
    lowered = reason.lower()
    if "not found" in lowered or "no evidence" in lowered:
        return True
    return any(gap.split(":")[0].strip().lower() in lowered for gap in gaps if gap.split(":")[0].strip())


class ShortlistPage:
    def __init__(
        self,
        source: ShortlistSource,
        feedback: FeedbackStore,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._source = source
        self._feedback = feedback
        self._clock = clock

    def render(self, link: ShareLink, token: str, saved_candidate: int | None = None) -> str:
        """`token` is the raw token of the request (only used to address the form back to this link)."""
        entries = self._source.top10(link.job_id)[:10]
        verdicts = self._feedback.latest(link.job_id, [entry.candidate_id for entry in entries]) if entries else {}
        now = self._clock()
        nonce = make_nonce(link.nonce_key, link.token_hash, now)
        title = next((entry.job_title for entry in entries if entry.job_title), "") or link.job_title
        title = title or f"Job {link.job_id}"
        action = f"/s/{token}/feedback"
        parts = [
            "<main>",
            '<header><p class="eyebrow">Shortlist · top candidates</p>',
            f"<h1>{escape(title)}</h1>",
            '<p class="meta">Ranked by SKIMA from each resume and the job description only. '
            "The ranking is live: reload to see new candidates. "
            f"This link expires {escape(_when(link.expires_at))}.</p></header>",
        ]
        if not entries:
            parts.append("<p>No candidate has been scored for this job yet. Check back soon.</p>")
        else:
            parts.append(f'<ol class="cards" aria-label="Top {len(entries)} candidates, best first">')
            for rank, entry in enumerate(entries, start=1):
                parts.append(
                    self._card(
                        rank,
                        entry,
                        link=link,
                        verdict=verdicts.get(entry.candidate_id),
                        nonce=nonce,
                        action=action,
                        saved=saved_candidate == entry.candidate_id,
                    )
                )
            parts.append("</ol>")
        parts.append(
            '<p class="meta">Your answers are saved to the recruiter\'s system with the time and this link. '
            "Nobody is rejected automatically.</p></main>"
        )
        return html_document(f"Shortlist: {title}", "".join(parts))

    def _card(
        self,
        rank: int,
        entry: ShortlistEntry,
        *,
        link: ShareLink,
        verdict: RecordedVerdict | None,
        nonce: str,
        action: str,
        saved: bool,
    ) -> str:
        cid = entry.candidate_id
        name = escape(entry.display_name or f"Candidate {cid}")
        out = [f'<li class="card" id="c-{cid}"><article aria-labelledby="n-{cid}">']
        score = ""
        if not link.hide_score and entry.status == "scored" and entry.score is not None:
            score = f'<span class="score" aria-label="Match score {entry.score} out of 100">{entry.score}</span>'
        out.append(
            f'<div class="card-head"><span class="rank" aria-label="Rank {rank}">{rank}</span>'
            f'<h2 id="n-{cid}">{name}</h2>{score}</div>'
        )
        if entry.rediscovered:
            out.append('<p><span class="badge">Found in your existing candidates</span></p>')
        if entry.status != "scored":
            out.append("<p>Not scored: the resume could not be read well enough to judge.</p>")
        if verdict is not None:
            said = f"{VERDICT_LABELS[verdict.verdict]} {VERDICT_WORDS[verdict.verdict]}"
            comment = f" — “{escape(verdict.comment)}”" if verdict.comment else ""
            flag = '<span class="saved">Saved. </span>' if saved else ""
            role = ' role="status"' if saved else ""
            out.append(
                f'<p class="verdict-now"{role}>{flag}Your verdict: {escape(said)}{comment} '
                f"<small>({escape(_when(verdict.submitted_at))})</small></p>"
            )
        evidence = [item for item in entry.evidence if not (link.hide_gaps and item.verdict == "missing")]
        reasons = [r for r in entry.reasons if not (link.hide_gaps and names_a_gap(r, entry.gaps))]
        if reasons:
            out.append(f'<h3 id="r-{cid}">Why</h3><ul aria-labelledby="r-{cid}">')
            for reason in reasons:
                backing = evidence_for_reason(reason, evidence)
                detail = ""
                if backing:
                    quotes = "".join(
                        f"<p>{escape(item.label)}</p><blockquote>{escape(item.quote or '')}</blockquote>"
                        for item in backing
                    )
                    detail = f"<details><summary>Evidence</summary>{quotes}</details>"
                out.append(f"<li>{escape(reason)}{detail}</li>")
            out.append("</ul>")
        if entry.gaps and not link.hide_gaps:
            out.append(f'<h3 id="g-{cid}">Not found in resume</h3><ul aria-labelledby="g-{cid}">')
            out.extend(f"<li>{escape(gap)}</li>" for gap in entry.gaps)
            out.append("</ul>")
        quoted = [item for item in evidence if item.quote]
        if quoted:
            rows = "".join(
                f"<li><strong>{escape(item.label)}</strong> ({escape(item.verdict)})"
                f"<blockquote>{escape(item.quote or '')}</blockquote></li>"
                for item in quoted
            )
            out.append(f"<details><summary>All evidence from the resume</summary><ul>{rows}</ul></details>")
        if entry.updated_at is not None:
            out.append(f'<p class="updated">Updated {escape(_when(entry.updated_at))}</p>')
        out.append(self._form(entry, name, verdict, nonce, action))
        out.append("</article></li>")
        return "".join(out)

    @staticmethod
    def _form(entry: ShortlistEntry, name: str, verdict: RecordedVerdict | None, nonce: str, action: str) -> str:
        cid = entry.candidate_id
        radios = []
        for value in VERDICTS:
            checked = " checked" if verdict is not None and verdict.verdict == value else ""
            radios.append(
                f'<input type="radio" id="v-{cid}-{value}" name="verdict" value="{value}" required{checked}>'
                f'<label for="v-{cid}-{value}">{VERDICT_LABELS[value]}'
                f"<span>{'' if value == 'maybe' else ' ' + escape(VERDICT_WORDS[value])}</span></label>"
            )
        return (
            f'<form method="post" action="{escape(action)}" aria-label="Your verdict on {name}">'
            f'<input type="hidden" name="nonce" value="{escape(nonce)}">'
            f'<input type="hidden" name="candidate" value="{cid}">'
            f'<fieldset><legend>Your verdict on {name}</legend><div class="votes">{"".join(radios)}</div></fieldset>'
            f'<label class="comment-label" for="m-{cid}">Comment (optional, up to {MAX_COMMENT_CHARS} characters)'
            f'</label><textarea id="m-{cid}" name="comment" maxlength="{MAX_COMMENT_CHARS}" rows="2"></textarea>'
            f'<button type="submit" aria-label="Save verdict on {name}">Save verdict</button></form>'
        )
