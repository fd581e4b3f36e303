"""Use case: the shortlist page for one active link, rendered on the server.

Everything that comes from a resume, a job or the manager is escaped (resumes are untrusted input). The page
works without JavaScript: one small form per candidate, posted to `/s/<token>/feedback`, answered with a
303 back to the page (post/redirect/get). Who is on it and what each card says: `skima.shortlist.selection`.
Compact for a phone: three reasons and three gaps per card, the rest behind one "show all" (<details>).
Screen-reader words ride in visually hidden text (class "vh"): an aria-label on a plain span is not announced.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from html import escape

from skima.bands import band_for
from skima.config import DEFAULT_SHORTLIST_MIN_SCORE
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
from skima.shortlist.selection import (
    SHOWN_GAPS,
    SHOWN_REASONS,
    Gap,
    card_points,
    deciding_requirement,
    select_shortlist,
)
from skima.shortlist.tokens import make_nonce
from skima.web import html_document


def _when(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%d %b %Y, %H:%M UTC")


class ShortlistPage:
    def __init__(
        self,
        source: ShortlistSource,
        feedback: FeedbackStore,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        *,
        min_score: int = DEFAULT_SHORTLIST_MIN_SCORE,
    ) -> None:
        if not 0 <= min_score <= 100:
            raise ValueError(f"the shortlist's score floor is from 0 to 100, not {min_score}")
        self._source = source
        self._feedback = feedback
        self._clock = clock
        self._min_score = min_score

    def render(self, link: ShareLink, token: str, saved_candidate: int | None = None) -> str:
        """`token` is the raw token of the request (only used to address the form back to this link)."""
        shortlist = select_shortlist(self._source.ranked(link.job_id, self._min_score), self._min_score)
        entries = shortlist.entries
        verdicts = self._feedback.latest(link.job_id, [entry.candidate_id for entry in entries]) if entries else {}
        now = self._clock()
        nonce = make_nonce(link.nonce_key, link.token_hash, now)
        title = next((entry.job_title for entry in entries if entry.job_title), "") or link.job_title
        title = title or f"Job {link.job_id}"
        action = f"/s/{token}/feedback"
        floor = "" if link.hide_score else f" scoring {self._min_score} or more"
        parts = [
            "<main>",
            '<header><p class="eyebrow">Shortlist · top candidates</p>',
            f"<h1>{escape(title)}</h1>",
            f'<p class="meta">Live applications{floor}, best first, ranked by SKIMA from the resume and the job '
            f"description only. Reload for new candidates. Link expires {escape(_when(link.expires_at))}.</p>"
            "</header>",
        ]
        if not entries:
            parts.append(f"<p>No live application{floor} for this job yet. Check back soon.</p>")
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
            if shortlist.next_in_line is not None:
                parts.append(self._missed_the_cut(entries[-1], shortlist.next_in_line, len(entries), link))
        parts.append(
            '<p class="meta">Your answers are saved to the recruiter\'s system with the time and this link. '
            "Nobody is rejected automatically.</p></main>"
        )
        return html_document(f"Shortlist: {title}", "".join(parts))

    @staticmethod
    def _missed_the_cut(last_in: ShortlistEntry, next_one: ShortlistEntry, size: int, link: ShareLink) -> str:
        """Who came next, and the one requirement that kept them out (not shown on a strengths-only link)."""
        name = escape(next_one.display_name or f"Candidate {next_one.candidate_id}")
        last_name = escape(last_in.display_name or f"Candidate {last_in.candidate_id}")
        scored = "" if link.hide_score or next_one.score is None else f" (score {next_one.score})"
        line = f"<strong>Why #{size + 1} missed the cut:</strong> {name}{scored} was next. "
        separation = None if link.hide_gaps else deciding_requirement(last_in, next_one)
        if separation is None:
            line += f"The overall score put #{size} {last_name} ahead; no single requirement separated them."
        else:
            how = "only partly shown in" if separation.next_in_line == "partial" else "not found in"
            line += (
                f"What separated them from #{size} {last_name}: <strong>{escape(separation.label)}</strong>, "
                f"shown in {last_name}\u2019s resume, {how} {name}\u2019s."
            )
        return f'<p class="next" id="next-in-line">{line}</p>'

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
        band = band_for(entry.score) if entry.score is not None and not link.hide_score else None
        band_class = f" band-{band.name}" if band else ""
        out = [f'<li class="card{band_class}" id="c-{cid}"><article aria-labelledby="n-{cid}">']
        score = ""
        if band is not None:
            score = (
                f'<span class="score"><span class="vh">Match score </span>{entry.score}'
                '<span class="vh"> out of 100</span></span>'
            )
        out.append(
            f'<div class="card-head"><span class="rank"><span class="vh">Rank </span>{rank}</span>'
            f'<h2 id="n-{cid}">{name}</h2>{score}</div>'
        )
        facts = [f'<span class="band">{escape(band.label)}</span>'] if band else []
        if entry.placement_status_name:
            facts.append(f'<span class="stage">Stage: {escape(entry.placement_status_name)}</span>')
        elif entry.rediscovered:
            facts.append('<span class="stage">Not applied: found in your existing candidates</span>')
        else:
            facts.append('<span class="stage">Stage: not recorded</span>')
        out.append(f'<p class="facts">{" · ".join(facts)}</p>')
        if verdict is not None:
            said = f"{VERDICT_LABELS[verdict.verdict]} {VERDICT_WORDS[verdict.verdict]}"
            comment = f" — “{escape(verdict.comment)}”" if verdict.comment else ""
            flag = '<span class="saved">Saved. </span>' if saved else ""
            role = ' role="status"' if saved else ""
            out.append(
                f'<p class="verdict-now"{role}>{flag}Your verdict: {escape(said)}{comment} '
                f"<small>({escape(_when(verdict.submitted_at))})</small></p>"
            )
        points = card_points(entry)
        reasons = list(points.reasons)
        gaps: list[Gap] = [] if link.hide_gaps else list(points.gaps)
        evidence = [item for item in entry.evidence if item.quote and item.verdict != "missing"]
        if reasons:
            out.append(f'<h3 class="vh" id="r-{cid}">Why</h3><ul class="why" aria-labelledby="r-{cid}">')
            out.extend(f"<li>{escape(reason)}</li>" for reason in reasons[:SHOWN_REASONS])
            out.append("</ul>")
        if gaps:
            out.append(
                f'<div class="gapline"><h3 id="g-{cid}">Not found in resume:</h3> '
                f'<ul class="gaps" aria-labelledby="g-{cid}">'
            )
            out.extend(f"<li>{escape(gap.text)}</li>" for gap in gaps[:SHOWN_GAPS])
            out.append("</ul></div>")
        if entry.status != "scored":
            out.append("<p>Not scored: the resume could not be read well enough to judge.</p>")
        more = self._show_all(cid, reasons[SHOWN_REASONS:], gaps[SHOWN_GAPS:], evidence, entry.updated_at)
        # "Show all" and "Add a comment" share one line (a phone screen holds more cards); the comment box sits
        # outside the form and joins it through its form attribute, still without JavaScript.
        out.append(f'<div class="more-row">{more}{self._comment(cid)}</div>')
        out.append(self._form(entry, name, verdict, nonce, action))
        out.append("</article></li>")
        return "".join(out)

    @staticmethod
    def _show_all(
        cid: int, reasons: list[str], gaps: list[Gap], evidence: list[Evidence], updated_at: datetime | None
    ) -> str:
        """One <details> per card for everything past the first three: the other reasons and gaps (each shown
        once: the visible ones are not repeated) and the quotes behind the verdicts."""
        parts = []
        if reasons:
            parts.append(f'<h3 id="rm-{cid}">More reasons</h3><ul aria-labelledby="rm-{cid}">')
            parts.extend(f"<li>{escape(reason)}</li>" for reason in reasons)
            parts.append("</ul>")
        if gaps:
            parts.append(f'<h3 id="gm-{cid}">Also not found</h3><ul class="gaps" aria-labelledby="gm-{cid}">')
            parts.extend(f"<li>{escape(gap.text)}</li>" for gap in gaps)
            parts.append("</ul>")
        if evidence:
            parts.append(f'<h3 id="e-{cid}">From the resume</h3><ul class="evidence" aria-labelledby="e-{cid}">')
            parts.extend(
                f"<li><strong>{escape(item.label)}</strong> ({escape(item.verdict)})"
                f"<blockquote>{escape(item.quote or '')}</blockquote></li>"
                for item in evidence
            )
            parts.append("</ul>")
        if updated_at is not None:
            parts.append(f'<p class="updated">Updated {escape(_when(updated_at))}</p>')
        if not parts:
            return ""
        hidden = len(reasons) + len(gaps)
        summary = f"Show all ({hidden} more)" if hidden else "Show the evidence"
        return f'<details class="more"><summary>{summary}</summary>{"".join(parts)}</details>'

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
            f'<form method="post" action="{escape(action)}" id="f-{cid}" aria-label="Your verdict on {name}">'
            f'<input type="hidden" name="nonce" value="{escape(nonce)}">'
            f'<input type="hidden" name="candidate" value="{cid}">'
            f'<fieldset><legend class="vh">Your verdict on {name}</legend><div class="votes">{"".join(radios)}'
            f'<button type="submit">Save<span class="vh"> verdict on {name}</span></button></div></fieldset>'
            "</form>"
        )

    @staticmethod
    def _comment(cid: int) -> str:
        return (
            '<details class="comment"><summary>Add comment</summary>'
            f'<label class="comment-label" for="m-{cid}">Comment (optional, up to {MAX_COMMENT_CHARS} characters, '
            f'saved with your verdict)</label><textarea id="m-{cid}" name="comment" form="f-{cid}" '
            f'maxlength="{MAX_COMMENT_CHARS}" rows="2"></textarea></details>'
        )
