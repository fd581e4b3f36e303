"""Widget API: envelope, getRecords (types, windows, paging, X exclusion), reads and writes."""

from __future__ import annotations

import base64
import io
from datetime import datetime, timedelta

import docx
from pypdf import PdfReader


def _records(api, **instructions):
    return api.widget("getRecords", {"instructions": instructions})


def test_malformed_envelope_is_status_99(api):
    for body in ({}, {"trackerrms": {}}, {"trackerrms": {"getRecords": "x"}}, {"wrong": 1}):
        response = api.http.post("/api/widget/getRecords", headers=api.auth, json=body)
        assert response.status_code == 200 and response.json()["status"] == 99
    broken = api.http.post("/api/widget/getRecords", headers=api.auth, content=b"{not json")
    assert broken.status_code == 200 and broken.json()["status"] == 99
    assert api.widget("getRecords", {"instructions": "nope"})["status"] == 99


def test_get_records_row_shapes(api):
    for letter, detail_keys in (
        ("R", {"firstname", "lastname", "email", "lastupdateddatetime"}),
        ("O", {"clientid", "lastupdateddatetime"}),
        ("X", {"resourceid", "opportunityid", "status", "lastupdated"}),
        ("A", {"resourceid", "opportunityid", "subject", "note", "lastupdateddatetime"}),
    ):
        body = _records(api, recordtype=letter, numrecords=5, pagenum=0)
        assert body["status"] == 0 and body["message"] == "success"
        assert body["count"] == len(body["results"]) > 0
        row = body["results"][0]
        assert {"id", "name", "details"} <= set(row)
        assert detail_keys <= set(row["details"]), letter
    assert _records(api, recordtype="O", numrecords=3)["results"][0]["name"].startswith("JOB-")
    assert _records(api, recordtype="C")["results"] == []
    assert _records(api, recordtype="?")["status"] == 99


def test_get_records_paging_is_zero_based(api):
    page0 = _records(api, recordtype="R", numrecords=25, pagenum=0, sortfield="id")["results"]
    page1 = _records(api, recordtype="R", numrecords=25, pagenum=1, sortfield="id")["results"]
    assert len(page0) == len(page1) == 25
    assert page0[0]["id"] == 1001 and page1[0]["id"] == 1026
    assert _records(api, recordtype="R", numrecords=25, pagenum=1000)["results"] == []


def test_get_records_sorting(api):
    asc = _records(api, recordtype="R", numrecords=300, sortfield="lastupdateddatetime", sortdir="asc")["results"]
    stamps = [r["details"]["lastupdateddatetime"] for r in asc]
    assert stamps == sorted(stamps)
    desc = _records(api, recordtype="R", numrecords=5, sortfield="lastupdateddatetime", sortdir="desc")["results"]
    assert desc[0]["details"]["lastupdateddatetime"] == stamps[-1]


def test_updated_window_bounds_are_inclusive(fresh_sim, fresh_api):
    fresh_sim.advance_clock(3600)
    fresh_sim.ui_save_resource(1005, note="touched")
    stamp = fresh_sim.record("resource", 1005)["lastUpdatedDateTime"].replace("T", " ")
    exact = _records(fresh_api, recordtype="R", updatedafter=stamp, updatedbefore=stamp)["results"]
    assert [r["id"] for r in exact] == [1005]
    after_only = _records(fresh_api, recordtype="R", updatedafter=stamp)["results"]
    assert 1005 in [r["id"] for r in after_only]
    one_later = (datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S") + timedelta(seconds=1)).strftime("%Y-%m-%d %H:%M:%S")
    assert 1005 not in [r["id"] for r in _records(fresh_api, recordtype="R", updatedafter=one_later)["results"]]
    assert _records(fresh_api, recordtype="R", updatedafter="yesterday")["status"] == 99


def test_record_id_returns_single_record(api):
    body = _records(api, recordtype="O", recordid=2002, state="closed", numrecords=1, pagenum=5)
    assert [r["id"] for r in body["results"]] == [2002]


def test_state_and_searchtext_filters(api):
    closed = _records(api, recordtype="O", state="closed")["results"]
    assert closed and all(r["status"] == "Closed" for r in closed)
    found = _records(api, recordtype="O", searchtext="nurse")["results"]
    assert found and all("nurse" in r["name"].lower() for r in found)


def test_x_excludes_early_stage_but_individual_record_includes_them(sim, api):
    state = sim.state()
    early = [p for p in state["placements"] if p["statusGroup"] in ("Applied", "Internal", "Shortlisted")]
    working = [p for p in state["placements"] if p["statusGroup"] in ("Working", "Offer", "Complete")]
    assert early and working
    x_ids = {r["id"] for r in _records(api, recordtype="X", numrecords=500)["results"]}
    assert {p["opportunityResourceId"] for p in working} <= x_ids
    assert not x_ids & {p["opportunityResourceId"] for p in early}
    job = early[0]["opportunityId"]
    detail = api.widget("getIndividualRecord", {"instructions": {"recordtype": "O", "recordid": job}})
    placements = detail["results"][0]["Placements"]
    assert {"PlacementId", "CandidateId", "CandidateName"} <= set(placements[0])
    assert early[0]["opportunityResourceId"] in {p["PlacementId"] for p in placements}


def test_get_individual_record_shapes_and_missing(api):
    job = api.widget("getIndividualRecord", {"instructions": {"recordtype": "O", "recordid": 2001}})["results"][0]
    assert "Requirements" in job["description"] and job["clientname"]
    res = api.widget("getIndividualRecord", {"instructions": {"recordtype": "R", "recordid": 1001}})["results"][0]
    assert res["id"] == 1001 and "tag" in res
    act = api.widget("getIndividualRecord", {"instructions": {"recordtype": "A", "recordid": 5001}})["results"]
    assert act and act[0]["details"]["subject"]
    missing = api.widget("getIndividualRecord", {"instructions": {"recordtype": "O", "recordid": 1}})
    assert missing == {"status": 0, "message": "success", "count": 0, "results": []}


def test_create_activity_links_exactly_one_record(fresh_sim, fresh_api):
    activity = {
        "subject": "SKIMA Match Score: 87",
        "note": "Reasons:\n- 6 yrs Python",
        "type": "Task",
        "status": "Completed",
        "linkRecordType": "R",
        "linkRecordId": 1001,
    }
    created = fresh_api.widget("createActivity", {"activity": activity})
    assert created["status"] == 0 and created["message"] == "created"
    assert created["recordName"] == "SKIMA Match Score: 87"
    stored = [a for a in fresh_sim.state()["activities"] if a["activityId"] == created["recordId"]]
    assert stored and stored[0]["linkRecordType"] == "R" and stored[0]["linkRecordId"] == 1001
    assert stored[0]["note"] == "Reasons:\n- 6 yrs Python"
    a_rows = _records(fresh_api, recordtype="A", recordid=created["recordId"])["results"]
    assert a_rows[0]["details"]["resourceid"] == 1001 and a_rows[0]["details"]["opportunityid"] is None
    for bad in (
        {**activity, "linkRecordType": None},
        {**activity, "linkRecordId": [1001, 1002]},
        {**activity, "linkRecordType": "Q"},
        {**activity, "linkRecordId": 999999},
    ):
        assert fresh_api.widget("createActivity", {"activity": bad})["status"] == 99


def test_create_activity_does_not_bump_linked_record(fresh_sim, fresh_api):
    before = fresh_sim.record("resource", 1001)["lastUpdatedDateTime"]
    fresh_sim.advance_clock(10)
    fresh_api.widget("createActivity", {"activity": {"subject": "s", "linkRecordType": "R", "linkRecordId": 1001}})
    assert fresh_sim.record("resource", 1001)["lastUpdatedDateTime"] == before


def test_update_record_tag_replaces_whole_field(fresh_sim, fresh_api):
    fresh_sim.ui_save_resource(1002, tagText="Hot, Relocating")
    fresh_sim.advance_clock(2)
    before = fresh_sim.record("resource", 1002)["lastUpdatedDateTime"]
    result = fresh_api.widget(
        "updateRecord",
        {
            "instructions": {"recordtype": "R", "recordid": 1002},
            "updates": [{"column": "tag", "value": "SKIMA Screened"}],
        },
    )
    assert result["status"] == 0
    record = fresh_api.get("/api/v1/Resource/1002").json()
    assert record["tagText"] == "SKIMA Screened"  # not appended: previous tags are gone
    assert record["lastUpdatedDateTime"] > before
    assert fresh_sim.state()["tags"]["1002"] == "SKIMA Screened"


def test_update_record_validation(fresh_api):
    def update(ins, updates):
        return fresh_api.widget("updateRecord", {"instructions": ins, "updates": updates})["status"]

    assert update({"recordtype": "R", "recordid": 1002}, [{"column": "nonsense", "value": "x"}]) == 99
    assert update({"recordtype": "R", "recordid": 999999}, [{"column": "tag", "value": "x"}]) == 99
    assert (
        update({"recordtype": "X", "recordid": 3001}, [{"column": "opportunityresourcestatusid", "value": "999"}]) == 99
    )
    assert update({"recordtype": "Z", "recordid": 1}, []) == 99


def test_update_record_skills(fresh_api):
    fresh_api.patch("/api/v1/Resource/1003", {"quickSkills": []})
    ok = fresh_api.widget(
        "updateRecord",
        {
            "instructions": {"recordtype": "R", "recordid": 1003},
            "updates": [],
            "skills": [{"id": 1001, "value": "Yes"}, {"id": 1002, "value": "Yes"}],
        },
    )
    assert ok["status"] == 0
    fresh_api.widget(
        "updateRecord",
        {"instructions": {"recordtype": "R", "recordid": 1003}, "updates": [], "skills": [{"id": 1001, "value": "No"}]},
    )
    assert [s["id"] for s in fresh_api.get("/api/v1/Resource/1003").json()["quickSkills"]] == [1002]


def test_stage_change_moves_placement_into_getrecords_x(fresh_sim, fresh_api):
    early = next(p for p in fresh_sim.state()["placements"] if p["statusGroup"] == "Applied")
    pid = early["opportunityResourceId"]
    x_ids = {r["id"] for r in _records(fresh_api, recordtype="X", numrecords=500)["results"]}
    assert pid not in x_ids
    result = fresh_api.widget(
        "updateRecord",
        {
            "instructions": {"recordtype": "X", "recordid": pid},
            "updates": [{"column": "opportunityresourcestatusid", "value": "5"}],
        },
    )
    assert result["status"] == 0
    assert fresh_api.get(f"/api/v1/OpportunityResource/{pid}").json()["opportunityResourceStatusName"] == "CV Sent"
    x_ids = {r["id"] for r in _records(fresh_api, recordtype="X", numrecords=500)["results"]}
    assert pid in x_ids


def test_resource_application_creates_pipeline_entry(fresh_sim, fresh_api):
    placed = {(p["opportunityId"], p["resourceId"]) for p in fresh_sim.state()["placements"]}
    rid = next(r for r in range(1001, 1041) if (2001, r) not in placed)
    result = fresh_api.widget(
        "resourceApplication",
        {
            "instructions": {
                "opportunityid": "2001",
                "resourceid": str(rid),
                "assigntolist": "short",
                "shortlistedby": "user",
            }
        },
    )
    assert result["status"] == 0 and result["message"] == "created"
    entry = fresh_api.get(f"/api/v1/OpportunityResource/{result['recordId']}").json()
    assert entry["resourceId"] == rid and entry["opportunityResourceStatusName"] == "Shortlisted"
    job = fresh_api.widget("getIndividualRecord", {"instructions": {"recordtype": "O", "recordid": 2001}})
    assert rid in {p["CandidateId"] for p in job["results"][0]["Placements"]}
    again = fresh_api.widget(
        "resourceApplication",
        {"instructions": {"opportunityid": 2001, "resourceid": rid, "assigntolist": "long", "shortlistedby": "user"}},
    )
    assert again["status"] == 3
    bad = fresh_api.widget(
        "resourceApplication", {"instructions": {"opportunityid": 2001, "resourceid": rid, "assigntolist": "middle"}}
    )
    assert bad["status"] == 99


def test_attach_document_then_download(fresh_api):
    payload = b"Jane Selby\nPython developer, 6 years\n"
    before = fresh_api.get("/api/v1/Resource/1001").json()["lastUpdatedDateTime"]
    fresh_api.sim.advance_clock(3)
    result = fresh_api.widget(
        "attachDocument",
        {
            "file": {
                "filename": "Selby CV.txt",
                "recordType": "R",
                "recordId": 1001,
                "documentType": "resume",
                "primary": "y",
                "data": base64.b64encode(payload).decode(),
            }
        },
    )
    assert result["status"] == 0
    docs = fresh_api.get("/api/v1/Resource/1001/Documents").json()
    mine = next(d for d in docs if d["documentId"] == result["recordId"])
    assert mine["isPrimary"] is True and sum(d["isPrimary"] for d in docs) == 1
    download = fresh_api.get(f"/api/v1/Resource/1001/Documents/{mine['documentId']}/Download")
    assert download.content == payload
    assert fresh_api.get("/api/v1/Resource/1001").json()["lastUpdatedDateTime"] > before  # [INF] attach saves
    bad = fresh_api.widget(
        "attachDocument",
        {
            "file": {
                "filename": "x.txt",
                "recordType": "R",
                "recordId": 1001,
                "documentType": "resume",
                "data": "***not base64***",
            }
        },
    )
    assert bad["status"] == 99


def test_get_settings_data(api):
    body = api.widget("getSettingsData", {})
    assert body["status"] == 0
    names = {s["Name"] for s in body["placementStatuses"]}
    assert {"Applied", "Skima Shortlisted", "CV Sent"} <= names
    assert body["users"] and body["namingConventions"]["resource"] == "Candidate"
    via_check_person = api.http.post(
        "/api/widget/getSettingsData", headers=api.auth, json={"trackerrms": {"checkPerson": {"credentials": {}}}}
    )
    assert via_check_person.json()["status"] == 0


def test_messy_documents_exist_and_parse(sim, api):
    """The seed includes flat text, mojibake and a DOCX 'Skill Details' table, and each still parses."""
    server = sim.server
    assert server is not None
    resumes = server.sim.store.resumes
    docs = server.sim.store.documents
    found = {"flat": False, "mojibake": False, "table": False}
    for doc in docs.values():
        if doc["documentType"] != "resume":
            continue
        style = resumes[doc["resourceId"]].style
        kind = (
            "flat"
            if style.flat
            else "mojibake"
            if style.mojibake
            else "table"
            if style.skill_table and style.format == "docx"
            else None
        )
        if kind is None or found[kind]:
            continue
        response = api.get(f"/api/v1/Resource/{doc['resourceId']}/Documents/{doc['documentId']}/Download")
        ext = doc["filename"].rsplit(".", 1)[1]
        if ext == "pdf":
            text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
        elif ext == "docx":
            document = docx.Document(io.BytesIO(response.content))
            text = "\n".join(p.text for p in document.paragraphs)
            if kind == "table":
                assert document.tables and document.tables[0].rows[0].cells[0].text == "Skill"
                assert "Skill Details" in text
        else:
            text = response.content.decode("utf-8")
        if kind == "flat":
            assert "\n" not in text.strip() or ext == "pdf"
        if kind == "mojibake":
            assert "â€" in text
        found[kind] = True
    assert all(found.values()), found
