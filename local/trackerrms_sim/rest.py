"""The new REST API (`/api/v1/...`, §5): shapes as reconstructed from public code, quirks included."""

from __future__ import annotations

import base64
import html
import math
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from .core import NotFound, public
from .documents import content_type_for
from .seed import STATUS_BY_ID, USERS, new_activity
from .wire import Request, Response, json_response, problem

if TYPE_CHECKING:
    from .server import Simulator

PAGE_SIZE = 10  # every */Search endpoint returns 10 rows per page whatever the request says (§5.1, C6)

RESOURCE_PATCHABLE = {
    "firstName",
    "surname",
    "displayAs",
    "jobTitle",
    "currentClient",
    "workTypes",
    "quickSkills",
    "contactDetails",
    "email",
    "source",
    "resourceStatus",
    "availableForWork",
    "currentSalaryNum",
    "desiredSalaryNum",
    "noticePeriod",
    "note",
    "tagText",
    "location",
    "employmentHistory",
    "educationSummary",
    "text",
}


def _int_param(req: Request, name: str) -> int | None:
    try:
        return int(req.params[name])
    except (KeyError, ValueError):
        return None


def _page_number(body: Any) -> int:
    if not isinstance(body, dict):
        return 1
    raw = body.get("pageNumber", body.get("page", 1))
    try:
        return max(1, int(raw)) if raw is not None else 1
    except (TypeError, ValueError):
        return 1


def _page(rows: list[Any], page_number: int) -> list[Any]:
    start = (page_number - 1) * PAGE_SIZE
    return rows[start : start + PAGE_SIZE]


# --- Resource ---------------------------------------------------------------------------------------------


def resource_view(sim: Simulator, rec: dict[str, Any]) -> dict[str, Any]:
    view = public(rec)
    if sim.config.evidenced:
        view.pop("tagText", None)  # public reads never list tagText (§12.7): it is write-only as far as we know
    return view


def resource_row(rec: dict[str, Any]) -> dict[str, Any]:
    return {
        "resourceId": rec["resourceId"],
        "firstName": rec["firstName"],
        "surname": rec["surname"],
        "displayAs": rec.get("displayAs"),
        "jobTitle": rec.get("jobTitle"),
        "email": rec.get("email"),
        "quickSkills": rec.get("quickSkills", []),
        "resourceStatus": rec.get("resourceStatus"),
        "lastUpdatedDateTime": rec["lastUpdatedDateTime"],
    }


def get_resource(sim: Simulator, req: Request) -> Response:
    rid = _int_param(req, "id")
    rec = sim.store.find("resource", rid) if rid is not None else None
    if rec is None:
        return problem(404, "Not Found", "No record found")
    return json_response(resource_view(sim, rec))


def _apply_resource_changes(sim: Simulator, rec: dict[str, Any], body: dict[str, Any]) -> None:
    for key, value in body.items():
        if key not in RESOURCE_PATCHABLE:
            continue  # unknown fields are silently ignored, as Tracker does with e.g. unknown skill ids
        if key == "contactDetails" and isinstance(value, dict):
            rec.setdefault("contactDetails", {}).update(value)
            if "email" in value:
                rec["email"] = value["email"]
        elif key == "quickSkills" and isinstance(value, list):
            known_ids = set(sim.store.skills.values())
            # replace semantics; ids Tracker does not know are silently dropped (C3), id 0 = free text
            rec["quickSkills"] = [
                {"id": int(s.get("id", 0)), "name": str(s.get("name", ""))}
                for s in value
                if isinstance(s, dict) and (int(s.get("id", 0) or 0) == 0 or int(s["id"]) in known_ids)
            ]
        elif key == "email":
            rec["email"] = value
            rec.setdefault("contactDetails", {})["email"] = value
        else:
            rec[key] = value
    if "firstName" in body or "surname" in body:
        rec["displayAs"] = f"{rec.get('firstName', '')} {rec.get('surname', '')}".strip()


def patch_resource(sim: Simulator, req: Request) -> Response:
    rid = _int_param(req, "id")
    body = req.json()
    if not isinstance(body, dict):
        return problem(400, "One or more validation errors occurred.", "body must be a JSON object")
    if rid is None or sim.store.find("resource", rid) is None:
        return problem(404, "Not Found", "No record found")
    saved = sim.store.update("resource", rid, lambda rec: _apply_resource_changes(sim, rec, body))
    status = sim.config.patch_status or sim.choose_patch_status()
    if status == 204:
        return Response(204)
    return json_response(resource_view(sim, saved))


def create_resource(sim: Simulator, req: Request) -> Response:
    body = req.json()
    if not isinstance(body, dict) or not (body.get("firstName") or body.get("surname")):
        return problem(400, "One or more validation errors occurred.", "firstName or surname is required")
    rid = sim.store.new_id("resource")
    now = sim.now_ts()
    rec: dict[str, Any] = {
        "resourceId": rid,
        "firstName": "",
        "surname": "",
        "displayAs": "",
        "jobTitle": "",
        "currentClient": None,
        "workTypes": [],
        "quickSkills": [],
        "contactDetails": {},
        "email": None,
        "source": "",
        "resourceStatus": "Active",
        "availableForWork": None,
        "note": "",
        "tagText": "",
        "location": "",
        "employmentHistory": "",
        "educationSummary": "",
        "text": "",
        "dateCreated": now,
        "lastUpdatedDateTime": now,
        "_field": "api",
        "_quality": "unknown",
    }
    _apply_resource_changes(sim, rec, body)
    sim.store.save("resource", rid, rec, action="Created")
    return json_response({"id": rid, "success": True}, status=201)


def search_resources(sim: Simulator, req: Request) -> Response:
    body = req.json()
    page = _page_number(body)
    rows = [resource_row(r) for r in sim.store.all("resource", sim.search_lag(req))]
    # all text filters ignored (C6); the default list is by id
    unstable = sim.faults.active("unstable_pages", path=req.path, method=req.method)
    if unstable is not None:
        return json_response(sim.unstable_page(rows, page, unstable))
    return json_response(_page(rows, page))


def list_documents(sim: Simulator, req: Request) -> Response:
    rid = _int_param(req, "id")
    if rid is None or sim.store.find("resource", rid) is None:
        return problem(404, "Not Found", "No record found")
    docs = sorted(sim.store.documents_for(rid), key=lambda d: d["documentId"])
    rows = [sim.store.document_public(d) for d in docs]
    if not sim.config.evidenced:
        return json_response(rows)
    # Evidenced: wrapped, and the id under another of the names public code looks for (§12.2).
    for row in rows:
        row["resourceDocumentId"] = row.pop("documentId")
        row["fileName"] = row.pop("filename")
    return json_response({"items": rows, "count": len(rows)})


def _document(sim: Simulator, req: Request) -> tuple[dict[str, Any], bytes] | Response:
    rid, doc_id = _int_param(req, "id"), _int_param(req, "docId")
    if rid is None or doc_id is None:
        return problem(404, "Not Found")
    try:
        meta, data = sim.store.document_bytes(doc_id)
    except NotFound:
        return problem(404, "Not Found", "No record found")
    if meta["resourceId"] != rid:
        return problem(404, "Not Found", "No record found")
    return meta, data


def get_document(sim: Simulator, req: Request) -> Response:
    """``GET /api/v1/Resource/{rid}/Document/{docId}`` (§12.1): JSON, base64 ``filecontent`` + ``filename``."""
    if not sim.config.evidenced:
        return problem(404, "Not Found")
    found = _document(sim, req)
    if isinstance(found, Response):
        return found
    meta, data = found
    return json_response(
        {
            "documentId": meta["documentId"],
            "filename": meta["filename"],
            "filecontent": base64.b64encode(data).decode("ascii"),
        }
    )


def download_document(sim: Simulator, req: Request) -> Response:
    """The guessed ``/Documents/{docId}/Download`` (raw bytes): served with guessed shapes only."""
    if sim.config.evidenced:
        return problem(404, "Not Found")
    rid, doc_id = _int_param(req, "id"), _int_param(req, "docId")
    if rid is None or doc_id is None:
        return problem(404, "Not Found")
    try:
        meta, data = sim.store.document_bytes(doc_id)
    except NotFound:
        return problem(404, "Not Found", "No record found")
    if meta["resourceId"] != rid:
        return problem(404, "Not Found", "No record found")
    filename = meta["filename"]
    ascii_name = filename.encode("ascii", "replace").decode().replace('"', "")
    return Response(
        200, data, content_type_for(filename), [("Content-Disposition", f'attachment; filename="{ascii_name}"')]
    )


# --- Opportunity -----------------------------------------------------------------------------------------


def _html_description(text: str) -> str:
    """The advert text as Tracker's rich-text editor would store it [INF]."""
    parts = []
    for block in text.split("\n\n"):
        lines = block.split("\n")
        bullets = [ln[2:] for ln in lines if ln.startswith("- ")]
        plain = [ln for ln in lines if not ln.startswith("- ")]
        if plain:
            head = plain[0]
            if len(plain) == 1 and bullets:
                parts.append(f"<p><strong>{html.escape(head)}</strong></p>")
            else:
                parts.append("<p>" + "<br>".join(html.escape(p) for p in plain) + "</p>")
        if bullets:
            parts.append("<ul>" + "".join(f"<li>{html.escape(b)}</li>" for b in bullets) + "</ul>")
    return "".join(parts)


def _status_name(rec: dict[str, Any]) -> str:
    return {"open": "Active", "closed": "Closed", "won": "Filled"}.get(rec.get("state", "open"), "Active")


def opportunity_view(sim: Simulator, rec: dict[str, Any]) -> dict[str, Any]:
    """GET /api/v1/Opportunity/{id}: the rich nested shape (§7.2) plus description fields [INF]."""
    owner = next((u for u in USERS if u["UserId"] == rec.get("ownerId")), USERS[0])
    return {
        "id": rec["opportunityId"],
        "name": rec["name"],
        "reference": rec.get("reference"),
        "description": rec.get("description", ""),
        "advertDetails": {
            "title": rec["name"],
            "description": _html_description(rec.get("description", "")),
            "location": rec.get("location"),
            "sector": rec.get("department"),
            "advertStatus": rec.get("advertStatus", ""),
            "salaryFrom": rec.get("salaryFrom"),
            "salaryTo": rec.get("salaryTo"),
            "salaryPer": rec.get("salaryPer"),
            "workType": rec.get("workType"),
            "reference": rec.get("reference"),
            "publishDate": rec.get("publishDate"),
            "publishOnline": bool(rec.get("publishOnline")),
        },
        "owners": [{"ownerId": owner["UserId"], "name": owner["Username"], "email": owner["Email"], "rank": 1}],
        "publishContact": {"id": owner["UserId"]},
        "location": rec.get("location"),
        "locationCity": rec.get("locationCity"),
        "department": {"name": rec.get("department")},
        "workType": {"name": rec.get("workType")},
        "client": {"id": rec.get("clientId"), "name": rec.get("clientName")},
        "contact": {"id": rec.get("contactId"), "name": rec.get("contactName")},
        "status": {"name": _status_name(rec)},
        "history": {
            "opened": rec.get("dateOpened"),
            "filled": None,
            "closed": rec.get("lastUpdatedDateTime") if rec.get("state") == "closed" else None,
        },
        "tagText": rec.get("tagText", ""),
        "note": rec.get("note", ""),
        "creationDate": rec.get("creationDate"),
        "lastUpdatedDateTime": rec["lastUpdatedDateTime"],
    }


def opportunity_row(sim: Simulator, rec: dict[str, Any], shortlisted: int) -> dict[str, Any]:
    """A flat Opportunity/Search row (§7.1)."""
    return {
        "opportunityId": rec["opportunityId"],
        "opportunityName": rec["name"],
        "opportunityStatusId": {"open": 1, "closed": 2, "won": 3}.get(rec.get("state", "open"), 1),
        "opportunityStatusDesc": _status_name(rec),
        "clientRef": rec.get("reference"),
        "active": "y" if rec.get("state") == "open" else "n",
        "workType": rec.get("workType"),
        "location": rec.get("location"),
        "locationCity": rec.get("locationCity"),
        "dateOpened": rec.get("dateOpened"),
        "creationDate": rec.get("creationDate"),
        "lastUpdatedDateTime": rec["lastUpdatedDateTime"],
        "clientId": rec.get("clientId"),
        "clientName": rec.get("clientName"),
        "contactId": rec.get("contactId"),
        "opportunityOwnerId": rec.get("ownerId"),
        "publishOnline": "y" if rec.get("publishOnline") else "No",
        "publishTitle": rec["name"],
        "publishDescription": _html_description(rec.get("description", "")),
        "publishLocation": rec.get("location"),
        "publishWorkType": rec.get("workType"),
        "publishSector": rec.get("department"),
        "publishDate": rec.get("publishDate"),
        "advertStatus": rec.get("advertStatus", ""),
        "opportunityDescription": rec.get("description", ""),
        "note": rec.get("note", ""),
        "currencyCode": rec.get("currencyCode"),
        "countShortlisted": shortlisted,
        "customFields": [],
    }


def _rows_for_opportunities(sim: Simulator, req: Request) -> list[dict[str, Any]]:
    lag = sim.search_lag(req)
    placements = sim.store.all("placement", lag)
    counts: dict[int, int] = {}
    for p in placements:
        counts[p["opportunityId"]] = counts.get(p["opportunityId"], 0) + 1
    return [opportunity_row(sim, r, counts.get(r["opportunityId"], 0)) for r in sim.store.all("opportunity", lag)]


def get_opportunity(sim: Simulator, req: Request) -> Response:
    oid = _int_param(req, "id")
    rec = sim.store.find("opportunity", oid) if oid is not None else None
    if rec is None:
        return problem(404, "Not Found", "No record found")
    return json_response(opportunity_view(sim, rec))


def search_opportunities(sim: Simulator, req: Request) -> Response:
    rows = _rows_for_opportunities(sim, req)
    return json_response(_page(rows, _page_number(req.json())))


def _parse_date(value: Any) -> date | None:
    """`updatedAfter` is honoured as a DATE: any time part is ignored (C2)."""
    if not value or not isinstance(value, str):
        return None
    text = value.strip().replace("Z", "")
    for candidate in (text[:10], text):
        try:
            return date.fromisoformat(candidate)
        except ValueError:
            continue
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        return None


def paged_search_opportunities(sim: Simulator, req: Request) -> Response:
    body = req.json()
    if not isinstance(body, dict):
        body = {}
    rows = _rows_for_opportunities(sim, req)
    lag_view = {r["opportunityId"]: r for r in sim.store.all("opportunity", sim.search_lag(req))}
    state = str(body.get("state") or "").lower()
    if state in ("open", "closed", "won"):
        rows = [r for r in rows if lag_view[r["opportunityId"]].get("state") == state]
    if "publishOnline" in body and body["publishOnline"] is not None:
        wanted = body["publishOnline"] in (True, "true", "y", "yes", "True", 1)
        rows = [r for r in rows if bool(lag_view[r["opportunityId"]].get("publishOnline")) == wanted]
    after = _parse_date(body.get("updatedAfter"))
    if after is not None:
        rows = [r for r in rows if datetime.fromisoformat(r["lastUpdatedDateTime"]).date() >= after]
    page = _page_number(body)
    total = len(rows)
    total_pages = math.ceil(total / PAGE_SIZE) if total else 0
    return json_response(
        {
            "opportunities": _page(rows, page),
            "totalCount": total,
            "hasNextPage": page < total_pages,
            "totalPages": total_pages,
            "pageSize": PAGE_SIZE,
            "pageNumber": page,
        }
    )


# --- OpportunityResource ---------------------------------------------------------------------------------


def placement_row(sim: Simulator, rec: dict[str, Any]) -> dict[str, Any]:
    opp = sim.store.find("opportunity", rec["opportunityId"]) or {}
    res = sim.store.find("resource", rec["resourceId"]) or {}
    status_name, _ = STATUS_BY_ID.get(rec["statusId"], ("Unknown", ""))
    return {
        "opportunityResourceId": rec["opportunityResourceId"],
        "opportunityId": rec["opportunityId"],
        "resourceId": rec["resourceId"],
        "clientId": opp.get("clientId"),
        "opportunityName": opp.get("name"),
        "opportunityResourceStatusName": status_name,
        "opportunityResourceStatusId": rec["statusId"],
        "startDate": rec.get("startDate"),
        "endDate": rec.get("endDate"),
        "payRate": rec.get("payRate"),
        "chargeRate": rec.get("chargeRate"),
        "overtimeRate": None,
        "activeRecord": rec.get("activeRecord", "y"),
        "enterTimesheet": "n",
        "timesheetEntry": None,
        "daysOfWeek": None,
        "clientName": opp.get("clientName"),
        "resourceDisplayAs": res.get("displayAs"),
        "resourceEmail": res.get("email"),
        "firstOwnerId": opp.get("ownerId"),
        "secondOwnerId": None,
        "dateAssigned": rec.get("dateAssigned"),
        "lastUpdatedDateTime": rec["lastUpdatedDateTime"],
    }


def search_placements(sim: Simulator, req: Request) -> Response:
    body = req.json()
    page = _page_number(body)
    rows = [placement_row(sim, p) for p in sim.store.all("placement", sim.search_lag(req))]
    return json_response(
        {"data": _page(rows, page), "totalRecords": len(rows), "pageNumber": page, "pageSize": PAGE_SIZE}
    )


def get_placement(sim: Simulator, req: Request) -> Response:
    pid = _int_param(req, "id")
    rec = sim.store.find("placement", pid) if pid is not None else None
    if rec is None:
        return problem(404, "Not Found", "No record found")
    row = placement_row(sim, rec)
    row["customFields"] = [{"id": 501, "name": "Source Channel", "value": rec.get("source", "")}]
    return json_response(row)


def patch_placement(sim: Simulator, req: Request) -> Response:
    """[INF only] stage change over REST, mirroring Resource PATCH; served only with `unverified_routes`."""
    pid = _int_param(req, "id")
    body = req.json()
    if not isinstance(body, dict):
        return problem(400, "One or more validation errors occurred.", "body must be a JSON object")
    if pid is None or sim.store.find("placement", pid) is None:
        return problem(404, "Not Found", "No record found")
    status = body.get("opportunityResourceStatusId")
    if status is not None:
        try:
            status_id = int(status)
        except (TypeError, ValueError):
            status_id = -1
        if status_id not in STATUS_BY_ID:
            return problem(400, "One or more validation errors occurred.", "unknown opportunityResourceStatusId")
        sim.store.update("placement", pid, lambda rec: rec.update(statusId=status_id))
    return Response(204)


def create_activity(sim: Simulator, req: Request) -> Response:
    """[CODE C4, unverified guess] POST /api/v1/Activity; served only with `unverified_routes`."""
    body = req.json()
    if not isinstance(body, dict):
        return problem(400, "One or more validation errors occurred.", "body must be a JSON object")
    link = {"Resource": ("R", "resource"), "Opportunity": ("O", "opportunity")}.get(str(body.get("recordType")))
    try:
        record_id = int(body.get("recordId"))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        record_id = -1
    if link is None or sim.store.find(link[1], record_id) is None:
        return problem(400, "One or more validation errors occurred.", "recordType/recordId do not name a record")
    aid = sim.store.new_id("activity")
    sim.store.save("activity", aid, new_activity(aid, link[0], record_id, body, sim.clock.now()), action="Created")
    return json_response({"id": aid}, status=201)


# --- MetaData ----------------------------------------------------------------------------------------------


def area_skills(sim: Simulator, req: Request) -> Response:
    area = _int_param(req, "areaId")
    names = sim.store.skill_areas.get(area or -1)
    if names is None:
        return json_response([])
    # pageNumber ignored (C3: duplicate pages)
    return json_response([{"skillId": sim.store.skills[n], "skillName": n} for n in names])
