"""Record models tolerate Tracker's shape variants: case, nesting, missing and unknown fields."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from skima.tracker import (
    ActivityRow,
    Opportunity,
    OpportunityResource,
    Placement,
    RecordRow,
    Resource,
    ResourceDocument,
    Settings,
)
from skima.tracker.models import join_tags, split_tags


def test_resource_full_rest_shape():
    r = Resource.model_validate(
        {
            "resourceId": 12,
            "firstName": "Jane",
            "surname": "Selby",
            "jobTitle": "Java Programmer",
            "currentClient": {"id": -1, "name": "Acme"},
            "workTypes": [{"id": 472, "name": "Flight Deck"}],
            "quickSkills": [{"id": 1079, "name": "First Officer"}],
            "contactDetails": {"email": "j@x.org", "mobilePhone": "07"},
            "tagText": "VIP, Java",
            "resourceStatus": "Active",
            "employmentHistory": "2018-2024 Acme",
            "educationSummary": "BSc",
            "text": "Summary",
            "lastUpdatedDateTime": "2026-11-28T07:21:17",
            "somethingNew": {"x": 1},
        }
    )
    assert r.resource_id == 12
    assert r.current_client is not None and r.current_client.name == "Acme"
    assert [s.name for s in r.quick_skills] == ["First Officer"]
    assert r.email == "j@x.org"
    assert r.tags == ["VIP", "Java"]
    assert r.status == "Active"
    assert r.employment_history == "2018-2024 Acme"
    assert r.summary == "Summary"
    assert r.last_updated == "2026-11-28T07:21:17"


def test_resource_search_row_and_lowercase_variants():
    r = Resource.model_validate(
        {
            "resourceid": "34",
            "firstname": "A",
            "lastname": "B",
            "quickSkills": None,
            "email": "a@b.c",
            "workTypes": "",
            "tag": "x",
        }
    )
    assert (r.resource_id, r.first_name, r.surname, r.quick_skills, r.work_types) == (34, "A", "B", [], [])
    assert r.email == "a@b.c"
    assert r.tags == ["x"]


def test_resource_odd_values_do_not_fail_the_record():
    r = Resource.model_validate(
        {
            "resourceId": 1,
            "currentClient": "Acme",
            "jobHistory": "text",
            "note": {"unexpected": True},
            "quickSkills": ["Java", {"id": 2}],
        }
    )
    assert r.current_client is not None and r.current_client.name == "Acme"
    assert r.job_history == []
    assert r.note is None
    assert [s.name for s in r.quick_skills] == ["Java", None]


def test_resource_without_an_id_is_invalid():
    with pytest.raises(ValidationError):
        Resource.model_validate({"firstName": "A"})


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ({"id": 1, "description": "plain"}, "plain"),
        ({"opportunityId": 1, "opportunityDescription": "flat"}, "flat"),
        ({"opportunityId": 1, "opportunityDescription": "", "publishDescription": "<p>pub</p>"}, "<p>pub</p>"),
        ({"id": 1, "advertDetails": {"description": "advert"}}, "advert"),
        ({"id": 1}, ""),
    ],
)
def test_opportunity_description_from_any_source(payload, expected):
    assert Opportunity.model_validate(payload).description == expected


def test_opportunity_nested_get_shape():
    o = Opportunity.model_validate(
        {
            "id": 44772,
            "name": "Group Financial Accountant",
            "advertDetails": {"title": "GFA", "location": "Leeds", "advertStatus": "A", "publishOnline": False},
            "client": {"name": "Acme"},
            "status": {"name": "Open"},
            "workType": {"name": "Permanent"},
            "department": {"name": "ACCOUNTANCY"},
            "owners": [{"ownerId": 12}],
        }
    )
    assert (o.opportunity_id, o.title, o.client_name, o.status, o.work_type) == (
        44772,
        "Group Financial Accountant",
        "Acme",
        "Open",
        "Permanent",
    )
    assert (o.location, o.advert_status, o.publish_online) == ("Leeds", "A", False)


def test_opportunity_flat_search_row():
    o = Opportunity.model_validate(
        {
            "opportunityId": 9,
            "opportunityName": "Dev",
            "opportunityStatusDesc": "Open",
            "clientName": "C",
            "publishOnline": "y",
            "advertStatus": "C",
            "lastUpdatedDateTime": "2026-01-01T00:00:00",
        }
    )
    assert (o.opportunity_id, o.name, o.status, o.client_name, o.publish_online, o.advert_status) == (
        9,
        "Dev",
        "Open",
        "C",
        True,
        "C",
    )


def test_document_rows():
    d = ResourceDocument.model_validate(
        {
            "documentId": 5,
            "filename": "cv.pdf",
            "documentType": "resume",
            "isPrimary": "y",
            "fileSize": 1234,
            "contentType": "application/pdf",
        }
    )
    assert (d.document_id, d.filename, d.is_primary, d.is_resume, d.size_bytes) == (5, "cv.pdf", True, True, 1234)
    other = ResourceDocument.model_validate({"id": 6, "name": "photo.jpg", "type": "photo", "primary": False})
    assert (other.document_id, other.filename, other.is_resume, other.is_primary) == (6, "photo.jpg", False, False)


def test_opportunity_resource_row():
    row = OpportunityResource.model_validate(
        {
            "opportunityResourceId": 3,
            "opportunityId": 4,
            "resourceId": 5,
            "opportunityResourceStatusId": 4,
            "opportunityResourceStatusName": "Skima Shortlisted",
            "activeRecord": "y",
            "customFields": [{"id": 1, "name": "x", "value": "y"}],
        }
    )
    assert (row.opportunity_resource_id, row.opportunity_id, row.resource_id, row.status_id, row.active_record) == (
        3,
        4,
        5,
        4,
        True,
    )


def test_placement_entry_hides_the_name_in_repr():
    p = Placement.model_validate({"PlacementId": 3000, "CandidateId": 188, "CandidateName": "Tasmin Brown"})
    assert (p.placement_id, p.resource_id, p.candidate_name) == (3000, 188, "Tasmin Brown")
    assert "Tasmin" not in repr(p)


def test_record_row_with_details_object_or_empty_list():
    row = RecordRow.model_validate(
        {
            "id": 1034,
            "name": "JOB-1034",
            "status": "Open",
            "details": {"LastUpdatedDateTime": "2026-01-01 10:00:00", "clientid": 9},
        }
    )
    assert row.last_updated == "2026-01-01 10:00:00"
    assert row.detail("ClientId") == 9
    empty = RecordRow.model_validate({"id": 1, "details": []})
    assert empty.details == {}
    assert empty.detail("x") is None


def test_activity_row_flattens_details():
    a = ActivityRow.model_validate(
        {
            "id": 7,
            "name": "Subject [k]",
            "details": {
                "activityid": 7,
                "subject": "Subject [k]",
                "note": "body",
                "resourceid": "12",
                "opportunityresourceid": 3,
                "ActivityTypeName": "Email",
            },
        }
    )
    assert (a.activity_id, a.resource_id, a.opportunity_resource_id, a.activity_type) == (7, 12, 3, "Email")
    assert a.mentions("[k]")
    assert not a.mentions("[other]")


def test_settings_lists():
    s = Settings.model_validate(
        {
            "status": 0,
            "placementStatuses": [{"Id": 1, "Name": "Applied"}],
            "taskTypes": [{"Id": 2}],
            "namingConventions": {"resource": "Candidate"},
        }
    )
    assert s.placement_statuses[0]["Name"] == "Applied"
    assert s.naming_conventions["resource"] == "Candidate"


@pytest.mark.parametrize(("text", "tags"), [(None, []), ("", []), ("a", ["a"]), (" a ,b,, c ", ["a", "b", "c"])])
def test_split_tags(text, tags):
    assert split_tags(text) == tags


def test_join_tags_round_trip():
    assert split_tags(join_tags(["VIP", "SKIMA Screened"])) == ["VIP", "SKIMA Screened"]


def test_opportunity_contact_from_the_widget_record_or_the_nested_rest_shape():
    # The documented getIndividualRecord O sample names the job's contact (`contactname`).
    widget = Opportunity.model_validate(
        {"id": 3111, "name": "Payroll Clerk", "contactid": 336, "contactname": "Ines Ferro"}
    )
    assert widget.contact_name == "Ines Ferro"
    rest = Opportunity.model_validate({"id": 7, "name": "Welder", "contact": {"id": 9, "name": "Bo Lindqvist"}})
    assert rest.contact_name == "Bo Lindqvist"
    assert Opportunity.model_validate({"opportunityId": 8, "opportunityName": "Baker"}).contact_name is None
