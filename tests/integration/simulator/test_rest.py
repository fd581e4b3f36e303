"""REST API shapes and quirks: Resource, Documents, Opportunity, OpportunityResource, MetaData."""

from __future__ import annotations

import io
from datetime import datetime

import docx
from pypdf import PdfReader

from local.trackerrms_sim.testing import running_simulator

from .conftest import Api


def test_get_resource_shape(api):
    response = api.get("/api/v1/Resource/1001")
    assert response.status_code == 200
    body = response.json()
    for key in (
        "resourceId",
        "firstName",
        "surname",
        "jobTitle",
        "currentClient",
        "quickSkills",
        "contactDetails",
        "email",
        "note",
        "tagText",
        "lastUpdatedDateTime",
        "employmentHistory",
        "educationSummary",
        "text",
    ):
        assert key in body
    assert body["resourceId"] == 1001
    assert not any(k.startswith("_") for k in body)  # seed ground truth never leaks
    assert api.get("/api/v1/Resource/999999").status_code == 404
    assert api.get("/api/v1/resource/1001").status_code == 200  # routes are case-insensitive


def test_patch_resource_partial_and_bumps_last_updated(fresh_sim, fresh_api):
    before = fresh_api.get("/api/v1/Resource/1002").json()
    fresh_sim.advance_clock(5)
    response = fresh_api.patch(
        "/api/v1/Resource/1002",
        {"tagText": "SKIMA Screened", "unknownField": 1, "contactDetails": {"telephone": "0113 496 0000"}},
    )
    assert response.status_code in (200, 204)
    if response.status_code == 204:
        assert response.content == b""
    after = fresh_api.get("/api/v1/Resource/1002").json()
    assert after["tagText"] == "SKIMA Screened"
    assert after["firstName"] == before["firstName"]
    assert after["contactDetails"]["telephone"] == "0113 496 0000"
    assert after["contactDetails"]["email"] == before["contactDetails"]["email"]
    assert "unknownField" not in after
    assert after["lastUpdatedDateTime"] > before["lastUpdatedDateTime"]


def test_patch_answers_both_200_and_204(fresh_api):
    statuses = {fresh_api.patch("/api/v1/Resource/1003", {"note": f"n{i}"}).status_code for i in range(12)}
    assert statuses == {200, 204}


def test_patch_status_can_be_forced():
    with running_simulator(shapes="guessed", candidates=10, patch_status=204) as sim:
        client = Api(sim)
        assert {client.patch("/api/v1/Resource/1001", {"note": str(i)}).status_code for i in range(4)} == {204}
        client.close()


def test_patch_quick_skills_replaces_and_drops_unknown_ids(fresh_api):
    fresh_api.patch(
        "/api/v1/Resource/1004",
        {
            "quickSkills": [
                {"id": 1001, "name": "Python"},
                {"id": 0, "name": "free text"},
                {"id": 987654, "name": "dropped"},
            ]
        },
    )
    skills = fresh_api.get("/api/v1/Resource/1004").json()["quickSkills"]
    assert [s["name"] for s in skills] == ["Python", "free text"]


def test_patch_bad_input(fresh_api):
    assert fresh_api.patch("/api/v1/Resource/999999", {"note": "x"}).status_code == 404
    bad = fresh_api.http.patch(
        "/api/v1/Resource/1001",
        headers=fresh_api.auth,
        content=b"{oops",
    )
    assert bad.status_code == 400
    assert fresh_api.patch("/api/v1/Resource/1001", ["not", "an", "object"]).status_code == 400


def test_create_resource(fresh_api):
    response = fresh_api.post(
        "/api/v1/Resource",
        {
            "firstName": "Ada",
            "surname": "Lovelace",
            "contactDetails": {"email": "ada@example.test"},
            "tagText": "TEST, Website Candidate",
        },
    )
    assert response.status_code == 201
    new_id = response.json()["id"]
    record = fresh_api.get(f"/api/v1/Resource/{new_id}").json()
    assert record["firstName"] == "Ada" and record["email"] == "ada@example.test"
    assert record["tagText"] == "TEST, Website Candidate"
    assert fresh_api.post("/api/v1/Resource", {"note": "nameless"}).status_code == 400


def test_resource_search_is_ten_per_page_and_ignores_filters(api):
    page1 = api.post("/api/v1/Resource/Search", {"pageSize": 50, "pageNumber": 1}).json()
    assert isinstance(page1, list) and len(page1) == 10
    assert set(page1[0]) >= {"resourceId", "firstName", "surname", "quickSkills"}
    filtered = api.post(
        "/api/v1/Resource/Search", {"pageSize": 50, "pageNumber": 1, "firstName": "Nobody", "surname": "Nowhere"}
    ).json()
    assert [r["resourceId"] for r in filtered] == [r["resourceId"] for r in page1]
    page2 = api.post("/api/v1/Resource/Search", {"pageSize": 50, "pageNumber": 2}).json()
    assert not {r["resourceId"] for r in page1} & {r["resourceId"] for r in page2}


def test_resource_search_walks_to_an_empty_page(fresh_api):
    seen: list[int] = []
    page = 1
    while True:
        rows = fresh_api.post("/api/v1/Resource/Search", {"pageNumber": page}).json()
        if not rows:
            break
        seen += [r["resourceId"] for r in rows]
        page += 1
    assert len(seen) == len(set(seen)) == 40
    assert page == 5


def test_documents_list_and_download_parse(sim, api):
    resources = sim.state()["resources"]
    kinds_checked: set[str] = set()
    for res in resources:
        if res["documents"] == 0:
            continue
        docs = api.get(f"/api/v1/Resource/{res['resourceId']}/Documents").json()
        assert isinstance(docs, list) and docs
        doc = next(d for d in docs if d["isPrimary"])
        assert set(doc) >= {"documentId", "filename", "documentType", "isPrimary", "dateCreated"}
        ext = doc["filename"].rsplit(".", 1)[1]
        if ext in kinds_checked:
            continue
        response = api.get(f"/api/v1/Resource/{res['resourceId']}/Documents/{doc['documentId']}/Download")
        assert response.status_code == 200
        assert "attachment" in response.headers["Content-Disposition"]
        if ext == "pdf":
            assert response.headers["Content-Type"] == "application/pdf"
            text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
        elif ext == "docx":
            assert "wordprocessingml" in response.headers["Content-Type"]
            text = "\n".join(p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs)
        else:
            assert response.headers["Content-Type"].startswith("text/plain")
            text = response.content.decode("utf-8")
        record = api.get(f"/api/v1/Resource/{res['resourceId']}").json()
        assert record["surname"].split("'")[0] in text or record["surname"] in text.replace("?", "ü")
        kinds_checked.add(ext)
        if kinds_checked == {"pdf", "docx", "txt"}:
            break
    assert kinds_checked == {"pdf", "docx", "txt"}


def test_candidates_without_documents_have_record_text(sim, api):
    no_doc = [r for r in sim.state()["resources"] if r["documents"] == 0]
    assert no_doc, "some candidates must have no document at all"
    rid = no_doc[0]["resourceId"]
    assert api.get(f"/api/v1/Resource/{rid}/Documents").json() == []
    record = api.get(f"/api/v1/Resource/{rid}").json()
    assert record["employmentHistory"] and record["text"]


def test_document_download_wrong_owner_is_404(api):
    docs = api.get("/api/v1/Resource/1001/Documents").json()
    if docs:
        assert api.get(f"/api/v1/Resource/1002/Documents/{docs[0]['documentId']}/Download").status_code == 404
    assert api.get("/api/v1/Resource/1001/Documents/1/Download").status_code == 404
    assert api.get("/api/v1/Resource/999999/Documents").status_code == 404


def test_get_opportunity_nested_shape(api):
    body = api.get("/api/v1/Opportunity/2001").json()
    assert body["id"] == 2001
    assert {"title", "description", "location", "advertStatus", "salaryFrom", "publishOnline"} <= set(
        body["advertDetails"]
    )
    assert body["advertDetails"]["description"].startswith("<p>")  # HTML advert text
    assert "Requirements" in body["description"] and "<" not in body["description"]
    assert body["department"]["name"] and body["client"]["name"] and body["status"]["name"]
    assert isinstance(body["owners"], list) and body["owners"][0]["ownerId"]
    assert api.get("/api/v1/Opportunity/1").status_code == 404


def test_opportunity_search_flat_rows(api):
    rows = api.post("/api/v1/Opportunity/Search", {"maxResults": 100, "pageNumber": 1}).json()
    assert isinstance(rows, list) and len(rows) == 10
    row = rows[0]
    for key in (
        "opportunityId",
        "opportunityName",
        "opportunityStatusDesc",
        "opportunityDescription",
        "publishDescription",
        "publishOnline",
        "lastUpdatedDateTime",
        "advertStatus",
        "location",
    ):
        assert key in row
    assert api.post("/api/v1/Opportunity/Search", {"pageNumber": 3}).json() == []


def test_paged_search_filters_and_envelope(sim, api):
    everything = api.post("/api/v1/Opportunity/PagedSearch", {"pageNumber": 1}).json()
    assert set(everything) >= {"opportunities", "totalCount", "hasNextPage"}
    assert everything["pageSize"] == 10 and len(everything["opportunities"]) <= 10
    total = everything["totalCount"]
    open_only = api.post("/api/v1/Opportunity/PagedSearch", {"state": "open", "pageSize": 100}).json()
    assert 0 < open_only["totalCount"] < total
    assert all(r["active"] == "y" for r in open_only["opportunities"])
    published = api.post("/api/v1/Opportunity/PagedSearch", {"publishOnline": True}).json()
    assert all(r["publishOnline"] == "y" for r in published["opportunities"])


def test_paged_search_pages_ten_at_a_time(fresh_sim, fresh_api):
    for i in range(7):  # 17 jobs -> 2 pages
        fresh_sim.ui_create_opportunity(name=f"Extra job {i}")
    first = fresh_api.post("/api/v1/Opportunity/PagedSearch", {"pageNumber": 1, "pageSize": 50}).json()
    second = fresh_api.post("/api/v1/Opportunity/PagedSearch", {"pageNumber": 2, "pageSize": 50}).json()
    assert first["totalCount"] == 17 and first["hasNextPage"] is True and len(first["opportunities"]) == 10
    assert second["hasNextPage"] is False and len(second["opportunities"]) == 7


def test_paged_search_updated_after_is_a_date(fresh_sim, fresh_api):
    fresh_sim.ui_save_opportunity(2003, note="touched")
    today = fresh_sim.now()[:10]
    late_today = f"{today}T23:59:59"
    rows = fresh_api.post("/api/v1/Opportunity/PagedSearch", {"updatedAfter": late_today}).json()["opportunities"]
    # the time part is ignored: a record saved earlier today is still "after" 23:59:59 today
    assert 2003 in [r["opportunityId"] for r in rows]
    assert all(r["lastUpdatedDateTime"][:10] >= today for r in rows)
    tomorrow = datetime.fromisoformat(fresh_sim.now()).date().replace(year=2099).isoformat()
    assert fresh_api.post("/api/v1/Opportunity/PagedSearch", {"updatedAfter": tomorrow}).json()["totalCount"] == 0


def test_opportunity_resource_search_and_get(sim, api):
    first = api.post("/api/v1/OpportunityResource/Search", {"pageSize": 100, "pageNumber": 1}).json()
    assert set(first) == {"data", "totalRecords", "pageNumber", "pageSize"}
    assert len(first["data"]) == 10 and first["totalRecords"] > 10
    row = first["data"][0]
    for key in (
        "opportunityResourceId",
        "opportunityId",
        "resourceId",
        "opportunityResourceStatusId",
        "opportunityResourceStatusName",
        "resourceDisplayAs",
        "clientName",
    ):
        assert key in row
    # early-stage entries are included here (unlike widget getRecords X)
    names = set()
    page = 1
    while True:
        data = api.post("/api/v1/OpportunityResource/Search", {"pageNumber": page}).json()["data"]
        if not data:
            break
        names |= {r["opportunityResourceStatusName"] for r in data}
        page += 1
    assert "Applied" in names
    detail = api.get(f"/api/v1/OpportunityResource/{row['opportunityResourceId']}").json()
    assert detail["opportunityResourceId"] == row["opportunityResourceId"]
    assert isinstance(detail["customFields"], list)
    assert api.get("/api/v1/OpportunityResource/1").status_code == 404


def test_metadata_skills(api):
    skills = api.get("/api/v1/MetaData/Skills/Areas/1/Skills?pageSize=100&pageNumber=1").json()
    assert {"skillId", "skillName"} <= set(skills[0])
    again = api.get("/api/v1/MetaData/Skills/Areas/1/Skills?pageSize=100&pageNumber=2").json()
    assert again == skills  # pageNumber ignored
    assert api.get("/api/v1/MetaData/Skills/Areas/999/Skills").json() == []


def test_unknown_route_is_404(api):
    assert api.get("/api/v1/Nope/1").status_code == 404
    assert api.post("/api/widget/doesNotExist", {}).status_code == 404


def test_saving_a_published_job_bumps_publish_date(fresh_sim, fresh_api):
    before = fresh_api.get("/api/v1/Opportunity/2001").json()
    assert before["advertDetails"]["publishOnline"] is True
    fresh_sim.advance_clock(30)
    fresh_sim.ui_save_opportunity(2001, note="edited")
    after = fresh_api.get("/api/v1/Opportunity/2001").json()
    assert after["advertDetails"]["publishDate"] > before["advertDetails"]["publishDate"]
    assert after["advertDetails"]["publishDate"] == after["lastUpdatedDateTime"]


def test_ui_document_upload_is_downloadable_and_saves_the_candidate(fresh_sim, fresh_api):
    before = fresh_api.get("/api/v1/Resource/1003").json()["lastUpdatedDateTime"]
    fresh_sim.advance_clock(3)
    doc_id = fresh_sim.ui_attach_document(1003, "New CV.txt", text="Registered Nurse, ICU, 5 years")
    docs = fresh_api.get("/api/v1/Resource/1003/Documents").json()
    assert [d["documentId"] for d in docs if d["isPrimary"]] == [doc_id]
    body = fresh_api.get(f"/api/v1/Resource/1003/Documents/{doc_id}/Download").content
    assert body == b"Registered Nurse, ICU, 5 years"
    assert fresh_api.get("/api/v1/Resource/1003").json()["lastUpdatedDateTime"] > before


def test_unverified_routes_are_off_by_default(api):
    assert api.patch("/api/v1/OpportunityResource/3001", {"opportunityResourceStatusId": 5}).status_code == 404
    assert api.post("/api/v1/Activity", {"recordType": "Resource", "recordId": 1001}).status_code == 404


def test_unverified_routes_when_enabled():
    with running_simulator(shapes="guessed", candidates=20, unverified_routes=True) as sim:
        client = Api(sim)
        assert client.patch("/api/v1/OpportunityResource/3001", {"opportunityResourceStatusId": 6}).status_code == 204
        assert client.get("/api/v1/OpportunityResource/3001").json()["opportunityResourceStatusId"] == 6
        assert client.patch("/api/v1/OpportunityResource/3001", {"opportunityResourceStatusId": 99}).status_code == 400
        created = client.post("/api/v1/Activity", {"recordType": "Resource", "recordId": 1001, "subject": "REST note"})
        assert created.status_code == 201
        assert any(a["subject"] == "REST note" for a in sim.state()["activities"])
        assert client.post("/api/v1/Activity", {"recordType": "Contact", "recordId": 1}).status_code == 400
        client.close()
