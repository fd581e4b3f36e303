"""The shortlist page and the feedback POST through the pure web layer (fakes behind it)."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skima.models import FeedbackGiven
from skima.shortlist.models import Evidence, ShortlistEntry
from skima.shortlist.tokens import hash_token, new_token
from skima.shortlist.web_app import WebRequest
from skima.web import LINK_UNAVAILABLE_TITLE
from tests.unit.shortlist.builders import entry
from tests.unit.shortlist.conftest import App, build_app

REQUIRED_HEADERS = {
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Robots-Tag": "noindex, nofollow",
}


def assert_security_headers(headers: dict[str, str]) -> None:
    for name, value in REQUIRED_HEADERS.items():
        assert headers[name] == value
    assert headers["Strict-Transport-Security"].startswith("max-age=")
    csp = headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp and "form-action 'self'" in csp
    assert "script-src" not in csp and "unsafe-inline" not in csp and "http" not in csp


def nonce_and_candidates(html: str) -> tuple[str, list[str]]:
    nonces = set(re.findall(r'name="nonce" value="([^"]+)"', html))
    assert len(nonces) == 1
    return nonces.pop(), re.findall(r'name="candidate" value="(\d+)"', html)


def share(app: App, **options: bool) -> tuple[str, str]:
    created = app.links.create(42, "Senior Java Developer", **options)
    return created.token, f"/s/{created.token}"


class _TagCounter(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


# ---------------------------------------------------------------------- the page


def test_page_shows_the_live_top_ten_in_rank_order(app: App) -> None:
    _, path = share(app)
    response = app.get(path)
    assert response.status == 200
    assert_security_headers(response.headers)
    html = response.body
    assert "<h1>Senior Java Developer</h1>" in html
    names = re.findall(r'<h2 id="n-\d+">([^<]+)</h2>', html)
    assert names == [f"Person {100 + i}" for i in range(10)]
    # Screen-reader words as visually hidden text (an aria-label on a plain span is not announced).
    assert '<span class="score"><span class="vh">Match score </span>95<span class="vh"> out of 100</span>' in html
    assert '<span class="rank"><span class="vh">Rank </span>1</span>' in html
    assert not re.search(r"<span[^>]*aria-label", html)
    assert '<li class="card band-strong"' in html and '<span class="band">strong match</span>' in html
    assert '<span class="stage">Stage: Applied</span>' in html
    # The gap once, under its heading, not again among the reasons in the engine's words.
    assert "6 yrs Java (2018-2024, Acme)" in html and "<li>Kubernetes</li>" in html
    assert "Kubernetes: not found in resume" not in html
    assert "<summary>Show the evidence</summary>" in html
    assert "Senior Java developer at Acme 2018-2024" in html
    assert "Updated 28 Nov 2026, 09:00 UTC" in html
    # A new, better candidate appears on the next load (the ranking is live).
    app.source.entries.append(entry(999, 99, name="Newcomer"))
    names = re.findall(r'<h2 id="n-\d+">([^<]+)</h2>', app.get(path).body)
    assert names[0] == "Newcomer" and len(names) == 10


def test_every_form_control_is_labelled_and_no_script_is_served(app: App) -> None:
    _, path = share(app)
    html = app.get(path).body
    counter = _TagCounter()
    counter.feed(html)
    assert "script" not in counter.tags and "img" not in counter.tags
    for control_id in re.findall(r'<(?:input type="radio"|textarea) id="([^"]+)"', html):
        assert f'for="{control_id}"' in html
    assert html.count('<legend class="vh">Your verdict on ') == 10
    assert not re.search(r"<span[^>]*aria-label", html)
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html


def test_hide_score_and_hide_gaps() -> None:
    app = build_app([entry(1, 90, reasons=["6 yrs Java (2018-2024, Acme)", "Kubernetes: not found in resume"])])
    _, path = share(app, hide_score=True, hide_gaps=True)
    html = app.get(path).body
    assert "Match score" not in html
    assert "Not found in resume" not in html and "Kubernetes" not in html
    assert "6 yrs Java" in html


def _card(html: str, candidate_id: int) -> str:
    return html.split(f'id="c-{candidate_id}"', 1)[1].split("</article>", 1)[0]


def test_only_live_applications_at_or_above_the_floor_and_who_missed_the_cut() -> None:
    def e(cid: int, score: int, stage: str | None = "Applied", *, kubernetes: str = "met") -> ShortlistEntry:
        evidence = (
            Evidence("Java", "met", "Senior Java developer at Acme 2018-2024", 0.4),
            Evidence("Kubernetes", kubernetes, "Ran 40 services on EKS" if kubernetes == "met" else None, 0.3),
        )
        return replace(entry(cid, score, evidence=evidence, gaps=()), placement_status_name=stage)

    closed = [e(1, 99, "Withdrawn"), e(2, 98, "Offer declined"), e(3, 97, "Rejected"), e(4, 96, "Placed elsewhere")]
    live = [e(100 + i, 90 - 4 * i, "CV Sent" if i % 2 else None) for i in range(10)]
    after = [e(200, 52, kubernetes="missing"), e(201, 51), e(300, 39), e(301, 0)]
    app = build_app([*closed, *live, *after], min_score=40)
    html = app.get(share(app)[1]).body
    ranked = [int(cid) for cid in re.findall(r'<li class="card[^"]*" id="c-(\d+)"', html)]
    assert ranked == [100 + i for i in range(10)]
    assert "Stage: CV Sent" in _card(html, 101) and "Stage: not recorded" in _card(html, 100)
    assert '<li class="card band-good" id="c-104"' in html and '<li class="card band-partial" id="c-109"' in html
    assert "partial match" in _card(html, 109)
    line = html.split('id="next-in-line">', 1)[1].split("</p>", 1)[0]
    assert "Why #11 missed the cut:</strong> Person 200 (score 52) was next." in line
    assert "from #10 Person 109: <strong>Kubernetes</strong>" in line and "not found in Person 200" in line
    # A higher floor from the configuration: fewer than ten, nobody below it named.
    higher = build_app([*closed, *live, *after], min_score=70)
    html = higher.get(share(higher)[1]).body
    assert re.findall(r'<li class="card[^"]*" id="c-(\d+)"', html) == [str(100 + i) for i in range(6)]
    assert "next-in-line" not in html and "scoring 70 or more" in html
    # Nobody live above the floor: an honest empty page.
    empty = build_app([*closed, *after[2:]], min_score=40)
    html = empty.get(share(empty)[1]).body
    assert '<li class="card' not in html and "No live application scoring 40 or more for this job yet." in html


def test_three_reasons_and_three_gaps_shown_the_rest_once_behind_show_all() -> None:
    reasons = [f"Reason {n}" for n in range(5)]
    gaps = [f"not found in resume: Skill {n}" for n in range(7)] + ["not found in resume: Skill 0", "Dental plan"]
    app = build_app([entry(1, 88, reasons=[*reasons, "not found in resume: Skill 0"], gaps=gaps)])
    card = _card(app.get(share(app)[1]).body, 1)
    visible, hidden = card.split('<details class="more">', 1)
    assert re.findall(r"<li>(Reason \d)</li>", visible) == ["Reason 0", "Reason 1", "Reason 2"]
    assert re.findall(r"<li>(Skill \d)</li>", visible) == ["Skill 0", "Skill 1", "Skill 2"]
    assert "<summary>Show all (6 more)</summary>" in hidden
    assert re.findall(r"<li>(Skill \d)</li>", hidden) == ["Skill 3", "Skill 4", "Skill 5", "Skill 6"]
    assert "not found in resume" not in card and "Dental" not in card


def test_resume_text_is_escaped_everywhere() -> None:
    evil = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&"
    app = build_app(
        [
            entry(
                7,
                80,
                name=evil,
                reasons=[f"Java {evil}"],
                gaps=[evil],
                evidence=[Evidence(f"Java {evil}", "met", evil)],
            )
        ]
    )
    _, path = share(app)
    html = app.get(path).body
    assert "<script>" not in html and "<img" not in html and "onerror=alert(2)>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_unknown_malformed_expired_and_revoked_tokens_get_the_same_answer(app: App) -> None:
    expired_token, _ = share(app)
    revoked = app.links.create(42)
    app.links.revoke(42, revoked.link.link_id)
    app.clock.advance(hours=47)
    live_token, _ = share(app)  # created later, still live
    app.clock.advance(hours=2)
    assert app.get(f"/s/{live_token}").status == 200
    answers = []
    app.links_store.lookups.clear()
    tokens = [new_token(), "short", "x" * 300, expired_token, revoked.token, "%00", "A" * 44]
    for token in tokens:
        response = app.get(f"/s/{token}")
        answers.append((response.status, response.body, sorted(response.headers.items())))
    assert len(set(map(repr, answers))) == 1
    assert answers[0][0] == 404 and LINK_UNAVAILABLE_TITLE in answers[0][1]
    assert app.links_store.lookups == [hash_token(token) for token in tokens]  # one lookup each, always


@pytest.mark.parametrize("method", ["HEAD", "PUT", "DELETE", "OPTIONS", "PATCH"])
def test_other_methods_are_refused_and_change_nothing(app: App, method: str) -> None:
    _, path = share(app)
    for target in (path, f"{path}/feedback"):
        response = app.web.handle(WebRequest(method, target, {}, b"x", {}))
        assert response.status == 405
        assert_security_headers(response.headers)
    assert not app.queue.sent and not app.feedback_store.items


def test_get_on_the_feedback_address_changes_nothing(app: App) -> None:
    _, path = share(app)
    nonce, _ = nonce_and_candidates(app.get(path).body)
    response = app.get(f"{path}/feedback", {"nonce": nonce, "candidate": "100", "verdict": "up"})
    assert response.status == 405
    assert not app.queue.sent and not app.feedback_store.items


def test_robots_txt_keeps_crawlers_out(app: App) -> None:
    response = app.get("/robots.txt")
    assert response.status == 200 and "Disallow: /" in response.body


# ---------------------------------------------------------------------- feedback


def test_vote_and_comment_are_stored_enqueued_and_shown_after_the_redirect(app: App) -> None:
    _, path = share(app)
    nonce, candidates = nonce_and_candidates(app.get(path).body)
    response = app.post(
        f"{path}/feedback",
        {"nonce": nonce, "candidate": candidates[1], "verdict": "up", "comment": "Ready for final interview"},
    )
    assert response.status == 303
    assert response.headers["Location"] == f"{path}?saved={candidates[1]}#c-{candidates[1]}"
    assert_security_headers(response.headers)
    (message,) = app.queue.sent
    assert isinstance(message, FeedbackGiven)
    assert (message.job_id, message.candidate_id, message.verdict) == (42, int(candidates[1]), "up")
    assert message.comment == "Ready for final interview"
    page = app.get(path, {"saved": candidates[1]}).body
    assert "Your verdict: 👍 Yes — “Ready for final interview”" in page
    assert 'value="up" required checked' in page
    assert "Saved." in page


def test_a_vote_through_a_link_made_for_a_manager_carries_their_name(app: App) -> None:
    created = app.links.create(42, "Senior Java Developer", manager_name="Tomasz Wójcik")
    path = f"/s/{created.token}"
    nonce, candidates = nonce_and_candidates(app.get(path).body)
    app.post(f"{path}/feedback", {"nonce": nonce, "candidate": candidates[0], "verdict": "maybe"})
    (message,) = app.queue.sent
    assert isinstance(message, FeedbackGiven) and message.voter_name == "Tomasz Wójcik"
    _, anonymous = share(app)
    nonce, candidates = nonce_and_candidates(app.get(anonymous).body)
    app.post(f"{anonymous}/feedback", {"nonce": nonce, "candidate": candidates[0], "verdict": "maybe"})
    assert isinstance(app.queue.sent[-1], FeedbackGiven) and app.queue.sent[-1].voter_name is None


def test_the_same_nonce_twice_writes_once(app: App) -> None:
    _, path = share(app)
    nonce, candidates = nonce_and_candidates(app.get(path).body)
    form = {"nonce": nonce, "candidate": candidates[0], "verdict": "maybe"}
    assert app.post(f"{path}/feedback", form).status == 303
    assert app.post(f"{path}/feedback", form).status == 303
    assert app.post(f"{path}/feedback", {**form, "verdict": "down"}).status == 303
    assert len(app.queue.sent) == 1 and len(app.feedback_store.items) == 1
    # One page render may vote on several candidates.
    assert app.post(f"{path}/feedback", {**form, "candidate": candidates[1]}).status == 303
    assert len(app.queue.sent) == 2


def test_a_changed_mind_is_a_new_verdict_and_the_old_one_is_kept(app: App) -> None:
    _, path = share(app)
    nonce, candidates = nonce_and_candidates(app.get(path).body)
    app.post(f"{path}/feedback", {"nonce": nonce, "candidate": candidates[0], "verdict": "up"})
    app.clock.advance(minutes=5)
    nonce2, _ = nonce_and_candidates(app.get(path).body)
    assert nonce2 != nonce
    app.post(f"{path}/feedback", {"nonce": nonce2, "candidate": candidates[0], "verdict": "down", "comment": "no"})
    history = app.feedback_store.history(42, int(candidates[0]))
    assert [item.verdict for item in history] == ["up", "down"]
    assert app.feedback_store.latest(42, [int(candidates[0])])[int(candidates[0])].verdict == "down"
    assert [m.verdict for m in app.queue.sent] == ["up", "down"]  # type: ignore[union-attr]


def test_a_failed_enqueue_is_retried_by_resubmitting_the_same_form(app: App) -> None:
    _, path = share(app)
    nonce, candidates = nonce_and_candidates(app.get(path).body)
    form = {"nonce": nonce, "candidate": candidates[0], "verdict": "up"}
    app.queue.fail_next = 1
    assert app.post(f"{path}/feedback", form).status == 503
    assert not app.queue.sent
    assert app.post(f"{path}/feedback", form).status == 303
    assert app.post(f"{path}/feedback", form).status == 303
    assert len(app.queue.sent) == 1


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({"sec_fetch_site": "cross-site"}, 403),
        ({"sec_fetch_site": "same-site"}, 403),
        ({"origin": "https://evil.example"}, 403),
        ({"origin": "https://abc123.lambda-url.eu-west-2.on.aws.evil.example"}, 403),
        ({"origin": "null"}, 303),  # a same-origin post under Referrer-Policy: no-referrer
        ({"origin": "", "sec_fetch_site": ""}, 303),  # an old browser: the nonce decides
    ],
)
def test_cross_site_posts_are_refused(app: App, headers: dict[str, str], status: int) -> None:
    _, path = share(app)
    nonce, candidates = nonce_and_candidates(app.get(path).body)
    response = app.post(f"{path}/feedback", {"nonce": nonce, "candidate": candidates[0], "verdict": "up"}, **headers)
    assert response.status == status
    assert bool(app.queue.sent) == (status == 303)


def test_missing_foreign_or_stale_nonce_is_refused(app: App) -> None:
    _, path = share(app)
    _, other_path = share(app)
    other_nonce, _ = nonce_and_candidates(app.get(other_path).body)
    nonce, candidates = nonce_and_candidates(app.get(path).body)
    base = {"candidate": candidates[0], "verdict": "up"}
    assert app.post(f"{path}/feedback", base).status == 403
    assert app.post(f"{path}/feedback", {**base, "nonce": ""}).status == 403
    assert app.post(f"{path}/feedback", {**base, "nonce": other_nonce}).status == 403  # bound to its own link
    app.clock.advance(hours=13)
    assert app.post(f"{path}/feedback", {**base, "nonce": nonce}).status == 403
    assert not app.queue.sent and not app.feedback_store.items


@pytest.mark.parametrize("verdict", ["", "yes", "UP", "👍", "up ", "upp", "maybe\x00", "none"])
def test_votes_outside_the_three_are_422(app: App, verdict: str) -> None:
    _, path = share(app)
    nonce, candidates = nonce_and_candidates(app.get(path).body)
    response = app.post(f"{path}/feedback", {"nonce": nonce, "candidate": candidates[0], "verdict": verdict})
    assert response.status == 422
    assert not app.queue.sent


def test_comment_is_capped_at_500_characters(app: App) -> None:
    _, path = share(app)
    nonce, candidates = nonce_and_candidates(app.get(path).body)
    form = {"nonce": nonce, "candidate": candidates[0], "verdict": "up"}
    assert app.post(f"{path}/feedback", {**form, "comment": "x" * 501}).status == 422
    assert app.post(f"{path}/feedback", {**form, "comment": "x" * 500}).status == 303


def test_xss_in_a_comment_renders_inert(app: App) -> None:
    _, path = share(app)
    nonce, candidates = nonce_and_candidates(app.get(path).body)
    evil = '</textarea><script>alert(document.cookie)</script>"><img src=x onerror=alert(1)>'
    app.post(f"{path}/feedback", {"nonce": nonce, "candidate": candidates[0], "verdict": "maybe", "comment": evil})
    html = app.get(path).body
    assert "<script>" not in html and "<img" not in html
    assert "&lt;/textarea&gt;&lt;script&gt;" in html


def test_feedback_is_scoped_to_the_links_job() -> None:
    app = build_app([entry(1, 90, job_id=42), entry(2, 80, job_id=77)])
    _, path = share(app)
    nonce, _ = nonce_and_candidates(app.get(path).body)
    for candidate in ["2", "3", "0", "-1", "abc", "1" * 30, ""]:
        response = app.post(f"{path}/feedback", {"nonce": nonce, "candidate": candidate, "verdict": "up"})
        assert response.status in (404, 422), candidate
    assert not app.queue.sent


def test_feedback_on_dead_links_gets_the_friendly_page(app: App) -> None:
    created = app.links.create(42)
    nonce, candidates = nonce_and_candidates(app.get(f"/s/{created.token}").body)
    app.links.revoke(42, created.link.link_id)
    response = app.post(f"/s/{created.token}/feedback", {"nonce": nonce, "candidate": candidates[0], "verdict": "up"})
    assert response.status == 404 and LINK_UNAVAILABLE_TITLE in response.body
    assert not app.queue.sent


def test_malformed_forms_are_refused_cleanly(app: App) -> None:
    _, path = share(app)
    nonce, candidates = nonce_and_candidates(app.get(path).body)
    good = urlencode({"nonce": nonce, "candidate": candidates[0], "verdict": "up"}).encode()
    assert app.post(f"{path}/feedback", b"\xff\xfe" + good).status == 422
    assert app.post(f"{path}/feedback", good + b"&verdict=down").status == 422
    assert app.post(f"{path}/feedback", b"x" * 9000).status == 413
    assert app.post(f"{path}/feedback", good, content_type="application/json").status == 415
    assert not app.queue.sent


# ---------------------------------------------------------------------- never a 500


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(
    method=st.sampled_from(["GET", "POST", "HEAD", "PUT", "DELETE", "get", "TRACE"]),
    path=st.one_of(
        st.text(max_size=80).map(lambda t: "/s/" + t),
        st.text(max_size=80).map(lambda t: "/s/" + t + "/feedback"),
        st.text(max_size=80),
    ),
    body=st.binary(max_size=600),
    headers=st.dictionaries(
        st.sampled_from(["origin", "sec-fetch-site", "content-type", "host"]), st.text(max_size=40), max_size=4
    ),
)
def test_bursts_of_garbage_never_cause_a_500(method: str, path: str, body: bytes, headers: dict[str, str]) -> None:
    app = _FUZZ_APP
    response = app.web.handle(WebRequest(method, path, headers, body, {}))
    assert response.status in {200, 303, 403, 404, 405, 413, 415, 422}
    assert_security_headers(response.headers)
    assert not app.queue.sent


_FUZZ_APP = build_app()
_FUZZ_APP.links.create(42)
