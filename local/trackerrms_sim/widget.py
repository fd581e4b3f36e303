"""The Widget API (`POST /api/widget/<op>`, §4): JSON-RPC style, HTTP 200 with an application `status`."""

from __future__ import annotations

import base64
import binascii
from datetime import datetime
from typing import TYPE_CHECKING, Any

from .core import NotFound
from .seed import PLACEMENT_STATUSES, STATUS_BY_ID, USERS, X_VISIBLE_GROUPS, new_activity
from .wire import BadJson, Request, Response, json_response, unauthorized

if TYPE_CHECKING:
    from .server import Simulator

WIDGET_TS = "%Y-%m-%d %H:%M:%S"


def _status(code: int, message: str, **extra: Any) -> Response:
    response = json_response({"status": code, "message": message, "count": extra.pop("count", 0), **extra})
    response.widget_status = code
    return response


def invalid(message: str = "Invalid request") -> Response:
    return _status(99, message)


def _ok(results: list[dict[str, Any]]) -> Response:
    return _status(0, "success", count=len(results), results=results)


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _widget_time(value: str | None) -> str | None:
    return value.replace("T", " ") if value else None


def envelope(req: Request, op: str) -> dict[str, Any] | None:
    try:
        body = req.json()
    except BadJson:
        return None
    if not isinstance(body, dict) or not isinstance(body.get("trackerrms"), dict):
        return None
    inner = body["trackerrms"].get(op)
    return inner if isinstance(inner, dict) else None


def authenticate(sim: Simulator, req: Request, inner: dict[str, Any] | None) -> Response | None:
    """None if allowed, else the refusal.

    A bearer must be the widget's own OAuth2 token (§12.5); with guessed shapes the REST JWT is accepted too.
    A bad bearer is HTTP 401. Body credentials: ``apikey`` == the API token or ``oauthtoken`` == a valid OAuth
    token; neither → status 1 "User not found".
    """
    bearer = req.bearer()
    if bearer is not None:
        if sim.auth.check_oauth(bearer) or (not sim.config.evidenced and sim.auth.check(bearer)):
            return None
        return unauthorized()
    creds = inner.get("credentials") if isinstance(inner, dict) else None
    if isinstance(creds, dict):
        if creds.get("apikey") in sim.auth.api_tokens:
            return None
        if isinstance(creds.get("oauthtoken"), str) and sim.auth.check_oauth(creds["oauthtoken"]):
            return None
    return _status(1, "User not found")


def _tags(sim: Simulator, rec: dict[str, Any]) -> dict[str, Any]:
    """The candidate's `tag` column in a read: public reads never show it (§12.7), so evidenced shapes omit it."""
    return {} if sim.config.evidenced else {"tag": rec.get("tagText", "")}


# --- row shapes ---------------------------------------------------------------------------------------------


def resource_details(sim: Simulator, rec: dict[str, Any]) -> dict[str, Any]:
    contact = rec.get("contactDetails") or {}
    return {
        "firstname": rec.get("firstName"),
        "lastname": rec.get("surname"),
        "preferredname": "",
        "jobtitle": rec.get("jobTitle"),
        "companyname": (rec.get("currentClient") or {}).get("name"),
        "town": rec.get("location"),
        "country": "",
        "email": rec.get("email"),
        "otheremail": "",
        "mobiletelephone": contact.get("mobilePhone"),
        "worktelephone": contact.get("telephone"),
        "source": rec.get("source"),
        "status": rec.get("resourceStatus"),
        **_tags(sim, rec),
        "lastupdateddatetime": _widget_time(rec["lastUpdatedDateTime"]),
    }


def resource_row(sim: Simulator, rec: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": rec["resourceId"],
        "name": rec.get("displayAs"),
        "company": (rec.get("currentClient") or {}).get("name"),
        "status": rec.get("resourceStatus"),
        "dateopened": (rec.get("dateCreated") or "")[:10],
        "text": rec.get("text", ""),
        "details": resource_details(sim, rec),
    }


def opportunity_row(rec: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": rec["opportunityId"],
        "name": f"JOB-{rec['opportunityId']} {rec['name']}",
        "company": rec.get("clientName"),
        "status": {"open": "Active", "closed": "Closed", "won": "Filled"}.get(rec.get("state", "open"), "Active"),
        "dateopened": (rec.get("dateOpened") or "")[:10],
        "text": rec.get("description", ""),
        "details": {
            "clientid": rec.get("clientId"),
            "contactid": rec.get("contactId"),
            "location": rec.get("location"),
            "worktype": rec.get("workType"),
            "department": rec.get("department"),
            "publishonline": "y" if rec.get("publishOnline") else "n",
            "tag": rec.get("tagText", ""),
            "lastupdateddatetime": _widget_time(rec["lastUpdatedDateTime"]),
        },
    }


def placement_row(sim: Simulator, rec: dict[str, Any]) -> dict[str, Any]:
    opp = sim.store.find("opportunity", rec["opportunityId"]) or {}
    res = sim.store.find("resource", rec["resourceId"]) or {}
    status_name = STATUS_BY_ID.get(rec["statusId"], ("Unknown", ""))[0]
    return {
        "id": rec["opportunityResourceId"],
        "name": f"{res.get('displayAs')} - {opp.get('name')}",
        "company": opp.get("clientName"),
        "status": status_name,
        "dateopened": (rec.get("dateAssigned") or "")[:10],
        "text": "",
        "details": {
            "id": rec["opportunityResourceId"],
            "name": opp.get("name"),
            "clientid": opp.get("clientId"),
            "contactid": opp.get("contactId"),
            "resourceid": rec["resourceId"],
            "resourcename": res.get("displayAs"),
            "opportunityid": rec["opportunityId"],
            "status": status_name,
            "statusid": rec["statusId"],
            "dateassigned": rec.get("dateAssigned"),
            "dateconfirmed": None,
            "startdate": rec.get("startDate"),
            "enddate": rec.get("endDate"),
            "payrate": rec.get("payRate"),
            "chargerate": rec.get("chargeRate"),
            "currency": opp.get("currencyCode"),
            "lastupdated": _widget_time(rec["lastUpdatedDateTime"]),
            "Owners": [],
            "PurchaseOrders": [],
        },
    }


def activity_row(sim: Simulator, rec: dict[str, Any]) -> dict[str, Any]:
    link_type, link_id = rec["linkRecordType"], rec["linkRecordId"]
    res = sim.store.find("resource", link_id) if link_type == "R" else None
    opp = sim.store.find("opportunity", link_id) if link_type == "O" else None
    return {
        "id": rec["activityId"],
        "name": rec.get("subject"),
        "company": None,
        "status": rec.get("status"),
        "dateopened": rec.get("date"),
        "text": rec.get("note", ""),
        "details": {
            "activityid": rec["activityId"],
            "clientid": None,
            "contactid": None,
            "leadid": None,
            "opportunityid": link_id if link_type == "O" else None,
            "opportunityname": opp.get("name") if opp else None,
            "resourceid": link_id if link_type == "R" else None,
            "resourcename": res.get("displayAs") if res else None,
            "activityTypeId": None,
            "ActivityTypeName": rec.get("type"),
            "activityStatusId": None,
            "activitystatusname": rec.get("status"),
            "subject": rec.get("subject"),
            "note": rec.get("note"),
            "datedue": rec.get("date"),
            "timedue": rec.get("time"),
            "lastupdateddatetime": _widget_time(rec["lastUpdatedDateTime"]),
            "userid": rec.get("userId"),
            "username": rec.get("userName"),
            "priority": rec.get("priority"),
            "contacttype": rec.get("contactType"),
            "opportunityresourceid": None,
        },
    }


KIND_BY_LETTER = {"R": "resource", "O": "opportunity", "X": "placement", "A": "activity"}


def _row(sim: Simulator, letter: str, rec: dict[str, Any]) -> dict[str, Any]:
    if letter == "R":
        return resource_row(sim, rec)
    if letter == "O":
        return opportunity_row(rec)
    if letter == "X":
        return placement_row(sim, rec)
    return activity_row(sim, rec)


def _parse_widget_time(value: Any) -> datetime | str | None:
    if value in (None, ""):
        return None
    try:
        return datetime.strptime(str(value).strip(), WIDGET_TS)
    except ValueError:
        try:
            return datetime.fromisoformat(str(value).strip())
        except ValueError:
            return "bad"


# --- operations ---------------------------------------------------------------------------------------------


def get_records(sim: Simulator, req: Request, inner: dict[str, Any]) -> Response:
    ins = inner.get("instructions")
    if not isinstance(ins, dict):
        return invalid()
    letter = str(ins.get("recordtype", "")).upper()
    kind = KIND_BY_LETTER.get(letter)
    if kind is None:
        return _ok([]) if letter in ("C", "N", "L", "P", "T") else invalid("Invalid record type")
    records = sim.store.all(kind, sim.search_lag(req))
    if letter == "X":  # only Working / Offer / Complete placements (§4.2, DOC S5)
        records = [r for r in records if STATUS_BY_ID.get(r["statusId"], ("", ""))[1] in X_VISIBLE_GROUPS]
    id_key = {
        "resource": "resourceId",
        "opportunity": "opportunityId",
        "placement": "opportunityResourceId",
        "activity": "activityId",
    }[kind]
    record_id = _int(ins.get("recordid"))
    if record_id:
        return _ok([_row(sim, letter, r) for r in records if r[id_key] == record_id])
    state = str(ins.get("state") or "").lower()
    if letter == "O" and state in ("open", "closed", "won"):
        records = [r for r in records if r.get("state") == state]
    after, before = _parse_widget_time(ins.get("updatedafter")), _parse_widget_time(ins.get("updatedbefore"))
    if after == "bad" or before == "bad":
        return invalid("Invalid date format, use YYYY-MM-DD HH:MM:SS")
    if isinstance(after, datetime):
        records = [r for r in records if datetime.fromisoformat(r["lastUpdatedDateTime"]) >= after]
    if isinstance(before, datetime):
        records = [r for r in records if datetime.fromisoformat(r["lastUpdatedDateTime"]) <= before]
    rows = [_row(sim, letter, r) for r in records]
    text = str(ins.get("searchtext") or "").strip().lower()
    if text:
        rows = [r for r in rows if text in str(r.get("name") or "").lower()]
    sortfield = str(ins.get("sortfield") or "").lower()
    reverse = str(ins.get("sortdir") or "asc").lower() == "desc"
    if sortfield == "lastupdateddatetime":
        by_id = {r[id_key]: r["lastUpdatedDateTime"] for r in records}
        rows.sort(key=lambda r: (by_id[r["id"]], r["id"]), reverse=reverse)
    elif sortfield == "name":
        rows.sort(key=lambda r: (str(r.get("name") or "").lower(), r["id"]), reverse=reverse)
    else:
        rows.sort(key=lambda r: r["id"], reverse=reverse)
    numrecords = _int(ins.get("numrecords"))
    numrecords = 100 if numrecords is None or numrecords <= 0 else min(numrecords, 500)
    pagenum = max(0, _int(ins.get("pagenum")) or 0)
    return _ok(rows[pagenum * numrecords : (pagenum + 1) * numrecords])


def get_individual_record(sim: Simulator, req: Request, inner: dict[str, Any]) -> Response:
    ins = inner.get("instructions")
    if not isinstance(ins, dict):
        return invalid()
    letter = str(ins.get("recordtype", "")).upper()
    record_id = _int(ins.get("recordid"))
    if record_id is None:
        return invalid("recordid is required")
    if letter == "O":
        rec = sim.store.find("opportunity", record_id)
        if rec is None:
            return _ok([])
        return _ok([opportunity_individual(sim, rec)])
    if letter == "R":
        rec = sim.store.find("resource", record_id)
        if rec is None:
            return _ok([])
        row = resource_row(sim, rec)
        row.update(
            {
                "firstname": rec.get("firstName"),
                "lastname": rec.get("surname"),
                "jobtitle": rec.get("jobTitle"),
                "email": rec.get("email"),
                **_tags(sim, rec),
                "note": rec.get("note", ""),
                "employmenthistory": rec.get("employmentHistory", ""),
                "educationsummary": rec.get("educationSummary", ""),
                "skills": [s.get("name") for s in rec.get("quickSkills", [])],
                "lastupdated": _widget_time(rec["lastUpdatedDateTime"]),
            }
        )
        return _ok([row])
    if letter == "A":
        rec = sim.store.find("activity", record_id)
        return _ok([activity_row(sim, rec)] if rec else [])
    if letter in ("L", "P", "T"):
        return _ok([])
    return invalid("Invalid record type")


def opportunity_individual(sim: Simulator, rec: dict[str, Any]) -> dict[str, Any]:
    oid = rec["opportunityId"]
    placements = [p for p in sim.store.all("placement") if p["opportunityId"] == oid]
    names = {}
    for p in placements:
        res = sim.store.find("resource", p["resourceId"])
        names[p["resourceId"]] = res.get("displayAs") if res else None
    status = {"open": "Active", "closed": "Closed", "won": "Filled"}.get(rec.get("state", "open"), "Active")
    owner = next((u for u in USERS if u["UserId"] == rec.get("ownerId")), USERS[0])
    return {
        "id": oid,
        "name": rec["name"],
        "clientid": rec.get("clientId"),
        "clientname": rec.get("clientName"),
        "contactid": rec.get("contactId"),
        "contactname": rec.get("contactName"),
        "status": status,
        "type": rec.get("workType"),
        "values": None,
        "shortlisted": str(len(placements)),
        # The documented sample's description is the job's name (§12.6): the full text is on the REST record.
        "description": rec["name"] if sim.config.evidenced else rec.get("description", ""),
        "executivesummary": [
            {"recordName": "Status", "recordValue": status},
            {"recordName": "Type", "recordValue": rec.get("workType")},
            {"recordName": "Shortlisted", "recordValue": str(len(placements))},
        ],
        "nameinitials": rec["name"][:1],
        "subject": f"JOB-{oid} {rec['name']}",
        "lastupdated": _widget_time(rec["lastUpdatedDateTime"]),
        "Owners": [{"UserId": owner["UserId"], "Name": owner["Username"]}],
        "salarypayrate": float(rec.get("salaryFrom") or 0),
        "feebillrate": float(rec.get("salaryTo") or 0),
        "location": rec.get("location"),
        "city": rec.get("locationCity"),
        "state": None,
        "awarddate": None,
        "startdate": None,
        "enddate": None,
        "invoicestartdate": None,
        "Placements": [
            {
                "PlacementId": p["opportunityResourceId"],
                "CandidateId": p["resourceId"],
                "CandidateName": names[p["resourceId"]],
            }
            for p in placements
        ],
    }


def create_activity(sim: Simulator, req: Request, inner: dict[str, Any]) -> Response:
    activity = inner.get("activity")
    if not isinstance(activity, dict):
        return invalid()
    link_type = str(activity.get("linkRecordType") or "").upper()
    link_id = _int(activity.get("linkRecordId"))
    if link_type not in ("R", "O") or link_id is None or isinstance(activity.get("linkRecordId"), list):
        return invalid("An activity must be linked to exactly one record (linkRecordType R or O, linkRecordId)")
    kind = KIND_BY_LETTER[link_type]
    if sim.store.find(kind, link_id) is None:
        return invalid("Linked record not found")
    aid = sim.store.new_id("activity")
    record = new_activity(aid, link_type, link_id, activity, sim.clock.now())
    sim.store.save("activity", aid, record, action="Created")
    if sim.config.evidenced:
        return _status(0, "success")  # the documented answer carries no record id (§12.3)
    return _status(0, "created", recordId=aid, recordName=record["subject"])


RESOURCE_COLUMNS = {
    "firstname": "firstName",
    "surname": "surname",
    "lastname": "surname",
    "jobtitle": "jobTitle",
    "email": "email",
    "note": "note",
    "tag": "tagText",
    "text": "text",
    "employmenthistory": "employmentHistory",
    "educationsummary": "educationSummary",
    "town": "location",
    "source": "source",
    "displayas": "displayAs",
    "mobilephone": "mobilePhone",
    "workphone": "telephone",
    "noticeperiod": "noticePeriod",
    "currentsalary": "currentSalaryNum",
    "desiredsalary": "desiredSalaryNum",
}
OPPORTUNITY_COLUMNS = {
    "opportunityname": "name",
    "opportunitydescription": "description",
    "note": "note",
    "tag": "tagText",
    "location": "location",
    "publishonline": "publishOnline",
    "text": "description",
}


def update_record(sim: Simulator, req: Request, inner: dict[str, Any]) -> Response:
    ins = inner.get("instructions")
    updates = inner.get("updates", [])
    skills = inner.get("skills", [])
    if not isinstance(ins, dict) or not isinstance(updates, list) or not isinstance(skills, list):
        return invalid()
    letter = str(ins.get("recordtype", "")).upper()
    record_id = _int(ins.get("recordid"))
    kind = KIND_BY_LETTER.get(letter)
    if kind is None or kind == "activity" or record_id is None:
        return invalid("Invalid record type or id")
    if sim.store.find(kind, record_id) is None:
        return invalid("Record not found")
    pairs: list[tuple[str, Any]] = []
    for item in updates:
        if not isinstance(item, dict) or "column" not in item:
            return invalid()
        pairs.append((str(item["column"]).lower(), item.get("value")))
    columns = {
        "resource": RESOURCE_COLUMNS,
        "opportunity": OPPORTUNITY_COLUMNS,
        "placement": {"opportunityresourcestatusid": "statusId"},
    }[kind]
    for column, value in pairs:
        if column not in columns:
            return invalid(f"Invalid column: {column}")
        if column == "opportunityresourcestatusid" and _int(value) not in STATUS_BY_ID:
            return invalid("Invalid opportunityresourcestatusid")
    if skills and kind != "resource":
        return invalid("skills apply to C, N and R records only")

    def apply(rec: dict[str, Any]) -> None:
        for column, value in pairs:
            field = columns[column]
            if field == "statusId":
                rec["statusId"] = int(value)
            elif field in ("mobilePhone", "telephone"):
                rec.setdefault("contactDetails", {})[field] = "" if value is None else str(value)
            elif field == "email":
                rec["email"] = value
                rec.setdefault("contactDetails", {})["email"] = value
            elif field == "publishOnline":
                rec["publishOnline"] = str(value).lower() in ("y", "yes", "true", "1")
            else:
                rec[field] = "" if value is None else str(value)  # `tag` replaces the whole field
            if field in ("firstName", "surname"):
                rec["displayAs"] = f"{rec.get('firstName', '')} {rec.get('surname', '')}".strip()
        if skills:
            names = {v: k for k, v in sim.store.skills.items()}
            current = {s["id"]: s for s in rec.get("quickSkills", [])}
            for item in skills:
                sid = _int(item.get("id")) if isinstance(item, dict) else None
                if sid is None or sid not in names:
                    continue
                if str(item.get("value", "Yes")).lower() == "no":
                    current.pop(sid, None)
                else:
                    current[sid] = {"id": sid, "name": names[sid]}
            rec["quickSkills"] = list(current.values())

    try:
        sim.store.update(kind, record_id, apply)
    except NotFound:
        return invalid("Record not found")
    return _status(0, "success")


def resource_application(sim: Simulator, req: Request, inner: dict[str, Any]) -> Response:
    ins = inner.get("instructions")
    if not isinstance(ins, dict):
        return invalid()
    oid, rid = _int(ins.get("opportunityid")), _int(ins.get("resourceid"))
    target = str(ins.get("assigntolist") or "").lower()
    by = str(ins.get("shortlistedby") or "user").lower()
    if oid is None or rid is None or target not in ("short", "long") or by not in ("user", "resource"):
        return invalid()
    if sim.store.find("opportunity", oid) is None or sim.store.find("resource", rid) is None:
        return invalid("Record not found")
    if any(p["opportunityId"] == oid and p["resourceId"] == rid for p in sim.store.all("placement")):
        return _status(3, "Record found and cannot be overwritten")
    status = 2 if target == "long" else (1 if by == "resource" else 3)
    pid = sim.create_placement(oid, rid, status, source=str(ins.get("source") or ""))
    return _status(0, "created", recordId=pid, recordName=f"JOB-{oid}")


def attach_document(sim: Simulator, req: Request, inner: dict[str, Any]) -> Response:
    file = inner.get("file")
    if not isinstance(file, dict):
        return invalid()
    filename = str(file.get("filename") or "")
    record_type = str(file.get("recordType") or "").upper()
    record_id = _int(file.get("recordId"))
    if not filename or record_type != "R" or record_id is None:
        return invalid("filename, recordType R and recordId are required")
    if sim.store.find("resource", record_id) is None:
        return invalid("Record not found")
    try:
        data = base64.b64decode(str(file.get("data") or ""), validate=True)
    except (binascii.Error, ValueError):
        return invalid("data must be base64")
    document_type = str(file.get("documentType") or "general")
    if document_type not in ("general", "resume", "photo", "specification", "logo", "agencyresume"):
        return invalid("Invalid documentType")
    primary = str(file.get("primary") or "n").lower() in ("y", "yes", "true")
    doc_id = sim.store.add_document(record_id, filename, document_type, primary, data)
    sim.store.update("resource", record_id, lambda rec: None)  # [INF] a new document saves the candidate
    return _status(0, "created", recordId=doc_id, recordName=filename)


def get_settings(sim: Simulator, req: Request, inner: dict[str, Any]) -> Response:
    return json_response(
        {
            "status": 0,
            "message": "success",
            "count": 0,
            "accessRights": "Administrator",
            "namingConventions": {
                "client": "Company",
                "contact": "Contact",
                "lead": "Lead",
                "opportunity": "Job",
                "project": "Project",
                "resource": "Candidate",
                "ticket": "Ticket",
                "resume": "CV",
                "opportunities": "Jobs",
                "leads": "Leads",
                "tickets": "Tickets",
                "projects": "Projects",
            },
            "leadStatuses": [],
            "leadSources": [],
            "opportunityStatuses": [
                {"Id": 1, "Name": "Active"},
                {"Id": 2, "Name": "Closed"},
                {"Id": 3, "Name": "Filled"},
            ],
            "opportunityWorkTypes": [{"Id": 1, "Name": "Permanent"}, {"Id": 2, "Name": "Contract"}],
            "projectStatuses": [],
            "resourceStatuses": [
                {"Id": 1, "Name": "Active"},
                {"Id": 2, "Name": "Pre-Registered"},
                {"Id": 3, "Name": "Inactive"},
                {"Id": 4, "Name": "Do Not Use"},
            ],
            "resourceSources": [{"Id": 1, "Name": "Website"}, {"Id": 2, "Name": "LinkedIn"}],
            "departments": [],
            "ticketTypes": [],
            "userTeams": [],
            "taskTypes": [
                {"Id": i, "Name": n}
                for i, n in enumerate(
                    ("Telephone", "Appointment", "Task", "Email", "Fax", "Marketing", "Text", "Letter"), start=1
                )
            ],
            "skillCategories": [],
            "skillAreas": [{"Id": k, "Name": f"Area {k}"} for k in sim.store.skill_areas],
            "skills": [{"Id": v, "Name": k} for k, v in sim.store.skills.items()],
            "skillLists": [],
            "customFields": [],
            "customFieldLists": [],
            "users": [dict(u, LastLogon=None, Active="Y") for u in USERS],
            # [INF] not in C1's type: Tracker says to ask support for these ids.
            "placementStatuses": [{"Id": sid, "Name": name, "Group": group} for sid, name, group in PLACEMENT_STATUSES],
        }
    )


def check_logon(sim: Simulator, req: Request, inner: dict[str, Any]) -> Response:
    return _status(0, "success")


OPERATIONS = {
    # name: (handler, is_write)
    "getRecords": (get_records, False),
    "getIndividualRecord": (get_individual_record, False),
    "createActivity": (create_activity, True),
    "updateRecord": (update_record, True),
    "resourceApplication": (resource_application, True),
    "attachDocument": (attach_document, True),
    "getSettingsData": (get_settings, False),
    "getSettings": (get_settings, False),
    "checkLogon": (check_logon, False),
}


def handle(sim: Simulator, req: Request, op: str) -> Response:
    handler, _ = OPERATIONS[op]
    # getSettingsData is called with a "checkPerson" envelope by C1: accept any single op key there.
    inner = envelope(req, op)
    if inner is None and op in ("getSettingsData", "getSettings"):
        try:
            body = req.json()
            values = list(body["trackerrms"].values()) if isinstance(body.get("trackerrms"), dict) else []
            inner = values[0] if values and isinstance(values[0], dict) else None
        except (BadJson, AttributeError):
            inner = None
    denied = authenticate(sim, req, inner)
    if denied is not None:
        return denied
    if inner is None:
        return invalid()
    return handler(sim, req, inner)
