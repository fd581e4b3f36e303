"""A plain read-only HTML view, so a person can watch what the integration writes back, as a recruiter would."""

from __future__ import annotations

import re
from html import escape
from typing import TYPE_CHECKING, Any

from .core import NotFound
from .documents import content_type_for
from .seed import STATUS_BY_ID
from .wire import Request, Response

if TYPE_CHECKING:
    from .server import Simulator

CSS = """
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1f2933;background:#f5f7fa}
header{background:#1f3a5f;color:#fff;padding:10px 24px}header a{color:#fff;margin-right:18px;text-decoration:none}
header b{margin-right:28px}main{max-width:1100px;margin:0 auto;padding:16px 24px}
table{border-collapse:collapse;width:100%;background:#fff}th,td{padding:6px 8px;border-bottom:1px solid #e4e7eb;
text-align:left;vertical-align:top}th{background:#eef2f7;font-weight:600}a{color:#1f5fa8}
.card{background:#fff;border:1px solid #e4e7eb;border-radius:6px;padding:12px 16px;margin:12px 0}
.tag{display:inline-block;background:#fff4d6;border:1px solid #f0c36d;border-radius:10px;padding:1px 8px;
margin:2px 4px 2px 0;font-size:12px}.muted{color:#7b8794;font-size:12px}
.note{white-space:pre-wrap}pre.desc{white-space:pre-wrap;font:inherit;margin:0}
.status{font-size:12px;padding:1px 6px;border-radius:4px;background:#e3f8ff}
"""


def _page(title: str, body: str, status: int = 200) -> Response:
    html = (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{escape(title)} - Tracker (simulator)"
        f"</title><style>{CSS}</style></head><body><header><b>Tracker RMS (simulator)</b>"
        f"<a href='/'>Jobs</a><a href='/candidates'>Candidates</a></header><main>{body}</main></body></html>"
    )
    return Response(status, html.encode("utf-8"), "text/html; charset=utf-8")


def _tags(text: str | None) -> str:
    parts = [p.strip() for p in (text or "").split(",") if p.strip()]
    return "".join(f"<span class='tag'>{escape(p)}</span>" for p in parts) or "<span class='muted'>no tags</span>"


def _notes(activities: list[dict[str, Any]]) -> str:
    if not activities:
        return "<p class='muted'>No activities.</p>"
    rows = []
    for a in sorted(activities, key=lambda a: (a["dateCreated"], a["activityId"]), reverse=True):
        rows.append(
            f"<div class='card'><b>{escape(str(a.get('subject') or ''))}</b> "
            f"<span class='muted'>{escape(str(a.get('type') or ''))} · {escape(str(a.get('status') or ''))} · "
            f"{escape(a['dateCreated'].replace('T', ' '))} · {escape(str(a.get('userName') or ''))}</span>"
            f"<div class='note'>{escape(str(a.get('note') or ''))}</div></div>"
        )
    return "".join(rows)


def jobs_page(sim: Simulator) -> Response:
    placements = sim.store.all("placement")
    rows = []
    for o in sim.store.all("opportunity"):
        count = sum(1 for p in placements if p["opportunityId"] == o["opportunityId"])
        rows.append(
            f"<tr><td>JOB-{o['opportunityId']}</td><td><a href='/jobs/{o['opportunityId']}'>{escape(o['name'])}</a>"
            f"</td><td>{escape(str(o.get('clientName') or ''))}</td><td>{escape(str(o.get('location') or ''))}</td>"
            f"<td>{escape(o.get('state', ''))}</td><td>{count}</td><td>{_tags(o.get('tagText'))}</td>"
            f"<td class='muted'>{escape(o['lastUpdatedDateTime'])}</td></tr>"
        )
    body = (
        "<h1>Jobs</h1><table><tr><th>Ref</th><th>Job</th><th>Client</th><th>Location</th><th>State</th>"
        "<th>Pipeline</th><th>Tags</th><th>Last updated</th></tr>" + "".join(rows) + "</table>"
    )
    return _page("Jobs", body)


def job_page(sim: Simulator, oid: int) -> Response:
    o = sim.store.find("opportunity", oid)
    if o is None:
        return _page("Not found", "<h1>Job not found</h1>", 404)
    pipeline = []
    for p in sorted(
        (p for p in sim.store.all("placement") if p["opportunityId"] == oid), key=lambda p: p["opportunityResourceId"]
    ):
        r = sim.store.find("resource", p["resourceId"]) or {}
        status, group = STATUS_BY_ID.get(p["statusId"], ("Unknown", ""))
        pipeline.append(
            f"<tr><td>{p['opportunityResourceId']}</td><td><a href='/candidates/{p['resourceId']}'>"
            f"{escape(str(r.get('displayAs') or p['resourceId']))}</a></td><td>{escape(str(r.get('jobTitle') or ''))}"
            f"</td><td><span class='status'>{escape(status)}</span> <span class='muted'>{escape(group)}</span></td>"
            f"<td>{_tags(r.get('tagText'))}</td><td class='muted'>{escape(p['lastUpdatedDateTime'])}</td></tr>"
        )
    notes = [a for a in sim.store.all("activity") if a["linkRecordType"] == "O" and a["linkRecordId"] == oid]
    body = (
        f"<h1>JOB-{oid} {escape(o['name'])}</h1><p>{escape(str(o.get('clientName') or ''))} · "
        f"{escape(str(o.get('location') or ''))} · {escape(o.get('state', ''))} · {_tags(o.get('tagText'))}</p>"
        f"<div class='card'><pre class='desc'>{escape(str(o.get('description') or ''))}</pre></div>"
        "<h2>Pipeline</h2><table><tr><th>Placement</th><th>Candidate</th><th>Title</th><th>Status</th><th>Tags</th>"
        "<th>Last updated</th></tr>" + "".join(pipeline) + "</table>"
        f"<h2>Activities</h2>{_notes(notes)}"
    )
    return _page(o["name"], body)


def candidates_page(sim: Simulator, req: Request) -> Response:
    q = req.query.get("q", "").strip().lower()
    rows = []
    for r in sim.store.all("resource"):
        name = str(r.get("displayAs") or "")
        if q and q not in name.lower() and q not in str(r.get("tagText") or "").lower():
            continue
        rows.append(
            f"<tr><td>{r['resourceId']}</td><td><a href='/candidates/{r['resourceId']}'>{escape(name)}</a></td>"
            f"<td>{escape(str(r.get('jobTitle') or ''))}</td><td>{escape(str(r.get('location') or ''))}</td>"
            f"<td>{_tags(r.get('tagText'))}</td><td class='muted'>{escape(r['lastUpdatedDateTime'])}</td></tr>"
        )
    body = (
        f"<h1>Candidates</h1><form><input name='q' value='{escape(q)}' placeholder='name or tag'> "
        "<button>Filter</button></form><table><tr><th>Id</th><th>Name</th><th>Title</th><th>Location</th>"
        "<th>Tags</th><th>Last updated</th></tr>" + "".join(rows) + "</table>"
    )
    return _page("Candidates", body)


def candidate_page(sim: Simulator, rid: int) -> Response:
    r = sim.store.find("resource", rid)
    if r is None:
        return _page("Not found", "<h1>Candidate not found</h1>", 404)
    docs = (
        "".join(
            f"<li><a href='/candidates/{rid}/documents/{d['documentId']}'>{escape(d['filename'])}</a> "
            f"<span class='muted'>{escape(d['documentType'])}{' · primary' if d['isPrimary'] else ''} · "
            f"{escape(d['dateCreated'])}</span></li>"
            for d in sorted(sim.store.documents_for(rid), key=lambda d: d["documentId"])
        )
        or "<li class='muted'>No documents</li>"
    )
    jobs = (
        "".join(
            f"<li><a href='/jobs/{p['opportunityId']}'>JOB-{p['opportunityId']}</a> · "
            f"{escape(STATUS_BY_ID.get(p['statusId'], ('Unknown', ''))[0])}</li>"
            for p in sim.store.all("placement")
            if p["resourceId"] == rid
        )
        or "<li class='muted'>Not in any pipeline</li>"
    )
    skills = ", ".join(escape(str(s.get("name"))) for s in r.get("quickSkills", [])) or "—"
    notes = [a for a in sim.store.all("activity") if a["linkRecordType"] == "R" and a["linkRecordId"] == rid]
    fields = "".join(
        f"<tr><th>{escape(label)}</th><td class='note'>{escape(str(r.get(key) or ''))}</td></tr>"
        for label, key in (
            ("Job title", "jobTitle"),
            ("Email", "email"),
            ("Location", "location"),
            ("Status", "resourceStatus"),
            ("Source", "source"),
            ("Note", "note"),
            ("Employment history", "employmentHistory"),
            ("Education", "educationSummary"),
            ("Text", "text"),
            ("Last updated", "lastUpdatedDateTime"),
        )
    )
    body = (
        f"<h1>{escape(str(r.get('displayAs') or ''))}</h1><p>{_tags(r.get('tagText'))}</p>"
        f"<table>{fields}<tr><th>Quick skills</th><td>{skills}</td></tr></table>"
        f"<h2>Documents</h2><ul>{docs}</ul><h2>Jobs</h2><ul>{jobs}</ul><h2>Activities</h2>{_notes(notes)}"
    )
    return _page(str(r.get("displayAs") or rid), body)


def document_download(sim: Simulator, rid: int, doc_id: int) -> Response:
    try:
        meta, data = sim.store.document_bytes(doc_id)
    except NotFound:
        return _page("Not found", "<h1>Document not found</h1>", 404)
    if meta["resourceId"] != rid:
        return _page("Not found", "<h1>Document not found</h1>", 404)
    return Response(200, data, content_type_for(meta["filename"]))


def render(sim: Simulator, req: Request) -> Response:
    if req.method not in ("GET", "HEAD"):
        return Response(405, b"Method Not Allowed", "text/plain")
    path = req.path.rstrip("/") or "/"
    response = _route(sim, req, path)
    refresh = req.query.get("refresh", "")
    if refresh.isdigit() and response.content_type and response.content_type.startswith("text/html"):
        # ?refresh=N re-renders with auto-refresh, for watching write-backs arrive
        tag = f"<meta http-equiv='refresh' content='{min(int(refresh), 3600)}'>".encode()
        response.body = response.body.replace(b"<meta charset='utf-8'>", b"<meta charset='utf-8'>" + tag, 1)
    return response


def _route(sim: Simulator, req: Request, path: str) -> Response:
    if path in ("/", "/jobs"):
        return jobs_page(sim)
    if path == "/candidates":
        return candidates_page(sim, req)
    if m := re.match(r"^/jobs/(\d+)$", path):
        return job_page(sim, int(m.group(1)))
    if m := re.match(r"^/candidates/(\d+)$", path):
        return candidate_page(sim, int(m.group(1)))
    if m := re.match(r"^/candidates/(\d+)/documents/(\d+)$", path):
        return document_download(sim, int(m.group(1)), int(m.group(2)))
    return _page("Not found", "<h1>Not found</h1>", 404)
