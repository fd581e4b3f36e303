"""Typed views of the Tracker records the pipeline reads.

Tracker's JSON shapes are reconstructed from third-party code (no public swagger), so every model:
* ignores unknown fields and tolerates missing ones;
* matches keys case-insensitively (``resourceId``, ``resourceid`` and ``ResourceId`` are the same key), because
  the REST API uses camelCase and the Widget API lowercase or PascalCase;
* accepts both the nested GET shape and the flat search-row shape where they differ (Opportunity);
* flattens a widget row's ``details`` object into the row (getRecords).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import AliasChoices, BaseModel, BeforeValidator, ConfigDict, Field, model_validator


def _lower_keys(data: Any) -> Any:
    """Lower-case the keys of a mapping; the first non-null value wins when two keys differ only in case."""
    if not isinstance(data, dict):
        return data
    out: dict[str, Any] = {}
    for key, value in data.items():
        lowered = str(key).lower()
        if lowered not in out or out[lowered] is None:
            out[lowered] = value
    return out


def _none_to_list(value: Any) -> Any:
    if value is None or value == "":
        return []
    if isinstance(value, dict):
        # Some endpoints wrap a list in an object; take the first list value.
        for inner in value.values():
            if isinstance(inner, list):
                return inner
        return [value]
    return value


def _name_of(value: Any) -> Any:
    """``{"id": 1, "name": "Permanent"}`` -> ``"Permanent"``; strings pass through."""
    if isinstance(value, dict):
        lowered = _lower_keys(value)
        for key in ("name", "description", "desc", "value", "title"):
            if lowered.get(key) is not None:
                return str(lowered[key])
        return None
    if value is None or isinstance(value, str):
        return value
    return str(value)


def _to_str(value: Any) -> Any:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool | int | float):
        return str(value)
    return None  # an object where we expected text: treat as missing rather than fail the record


def _to_bool(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip().lower() in {"y", "yes", "true", "1", "a", "active"}
    if value is None:
        return None
    return bool(value)


def _to_int_or_none(value: Any) -> Any:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return None
    return value


def _to_tag_text(value: Any) -> Any:
    """Tags as Tracker's one free-text field; a list of names (some shapes) is joined the same way."""
    if isinstance(value, list):
        return ", ".join(str(_name_of(item)) for item in value if _name_of(item))
    return _to_str(value)


Text = Annotated[str | None, BeforeValidator(_to_str)]
TagText = Annotated[str | None, BeforeValidator(_to_tag_text)]
NameText = Annotated[str | None, BeforeValidator(_name_of)]
Flag = Annotated[bool | None, BeforeValidator(_to_bool)]
OptionalId = Annotated[int | None, BeforeValidator(_to_int_or_none)]


def _alias(*names: str) -> Any:
    return Field(default=None, validation_alias=AliasChoices(*names))


class TrackerModel(BaseModel):
    model_config = ConfigDict(extra="ignore", populate_by_name=True, frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _case_insensitive_keys(cls, data: Any) -> Any:
        return _lower_keys(data)


class NamedRef(TrackerModel):
    """``{"id": 472, "name": "Flight Deck"}`` as used for quickSkills, workTypes, currentClient."""

    id: OptionalId = _alias("id", "skillid", "clientid")
    name: NameText = _alias("name", "skillname", "description")

    @model_validator(mode="before")
    @classmethod
    def _from_plain_name(cls, data: Any) -> Any:
        if isinstance(data, str | int):
            return {"name": str(data)}
        return data


NamedRefs = Annotated[list[NamedRef], BeforeValidator(_none_to_list)]


class ContactDetails(TrackerModel):
    email: Text = _alias("email", "emailaddress")
    mobile_phone: Text = _alias("mobilephone", "mobile", "cellphone")
    telephone: Text = _alias("telephone", "homephone", "phone")


_TAG_KEYS = ("tagtext", "tag", "tags")


class Resource(TrackerModel):
    """A candidate (REST ``GET /api/v1/Resource/{id}`` or a ``Resource/Search`` row)."""

    resource_id: int = Field(validation_alias=AliasChoices("resourceid", "id"))
    first_name: Text = _alias("firstname", "forename")
    surname: Text = _alias("surname", "lastname")
    display_as: Text = _alias("displayas", "resourcedisplayas", "fullname", "name")
    job_title: Text = _alias("jobtitle", "title")
    email_field: Text = _alias("email")
    contact_details: ContactDetails | None = _alias("contactdetails")
    current_client: NamedRef | None = _alias("currentclient", "company", "companyname")
    work_types: NamedRefs = Field(default_factory=list, validation_alias=AliasChoices("worktypes"))
    quick_skills: NamedRefs = Field(default_factory=list, validation_alias=AliasChoices("quickskills"))
    tag_text: Text = _alias("tagtext", "tag", "tags")
    status: NameText = _alias("resourcestatus", "status")
    source: NameText = _alias("source")
    note: Text = _alias("note", "notes")
    summary: Text = _alias("summary", "profile", "text")
    employment_history: Text = _alias("employmenthistory", "jobhistorytext")
    education_summary: Text = _alias("educationsummary", "education")
    job_history: list[dict[str, Any]] = Field(
        default_factory=list, validation_alias=AliasChoices("jobhistory", "workhistory")
    )
    last_updated: Text = _alias("lastupdateddatetime", "lastupdated", "updatedat", "modifieddate")
    # Whether the read carried a tag field at all: public reads do not list `tagText` (evidence 12.7), and a tag set we
    # could not read must never be written back (it would wipe the recruiter's tags).
    tags_known: bool = Field(default=False, validation_alias=AliasChoices("skima_tags_known"))

    @model_validator(mode="before")
    @classmethod
    def _tolerate_odd_values(cls, data: Any) -> Any:
        if isinstance(data, dict):
            data = _lower_keys(data)
            data["skima_tags_known"] = any(key in data for key in _TAG_KEYS)
            for key in ("jobhistory", "workhistory"):
                value = data.get(key)
                if value is not None and not (isinstance(value, list) and all(isinstance(v, dict) for v in value)):
                    data[key] = []
        return data

    @property
    def email(self) -> str | None:
        if self.email_field:
            return self.email_field
        return self.contact_details.email if self.contact_details else None

    @property
    def tags(self) -> list[str]:
        """The candidate's tags; [] also when the read did not carry them (check ``tags_known``)."""
        return split_tags(self.tag_text)


class ResourceDocument(TrackerModel):
    """A row of ``GET /api/v1/Resource/{id}/Documents`` (field names unknown in Tracker; several accepted)."""

    document_id: int = Field(
        validation_alias=AliasChoices("documentid", "id", "docid", "resourcedocumentid", "attachmentid")
    )
    filename: Text = _alias("filename", "name", "documentname", "title")
    document_type: NameText = _alias("documenttype", "type", "doctype")
    is_primary: Flag = _alias("isprimary", "primary")
    content_type: Text = _alias("contenttype", "mimetype")
    size_bytes: OptionalId = _alias("size", "sizebytes", "filesize", "length")
    created: Text = _alias("datecreated", "createddate", "created", "dateadded", "uploaded")

    @property
    def is_resume(self) -> bool:
        kind = (self.document_type or "").lower()
        return kind in {"resume", "cv", "agencyresume", "cv/resume"} or "resume" in kind


class AdvertDetails(TrackerModel):
    title: Text = _alias("title")
    description: Text = _alias("description", "advertdescription", "body")
    location: Text = _alias("location")
    advert_status: Text = _alias("advertstatus", "status")
    publish_online: Flag = _alias("publishonline")
    work_type: NameText = _alias("worktype")


_DESCRIPTION_KEYS = ("description", "opportunitydescription", "publishdescription", "jobdescription")


class Opportunity(TrackerModel):
    """A job: the nested ``GET /api/v1/Opportunity/{id}`` shape or a flat Search/PagedSearch row."""

    opportunity_id: int = Field(validation_alias=AliasChoices("opportunityid", "id"))
    name: Text = _alias("opportunityname", "name", "publishtitle")
    description: str = ""
    publish_title: Text = _alias("publishtitle")
    status: NameText = _alias("opportunitystatusdesc", "status", "opportunitystatus")
    client_name: Text = _alias("clientname")
    # The client contact the job is for (widget getIndividualRecord O `contactname`, documented sample, evidence 4.3; a
    # nested REST `contact{name}`): the hiring manager a share-tag link is made for.
    contact_name: Text = _alias("contactname")
    location: Text = _alias("location", "publishlocation", "locationcity")
    work_type: NameText = _alias("worktype", "publishworktype")
    advert_status: Text = _alias("advertstatus")
    publish_online: Flag = _alias("publishonline")
    advert_details: AdvertDetails | None = _alias("advertdetails")
    last_updated: Text = _alias("lastupdateddatetime", "lastupdated", "updatedat")
    # REST `tagText`, Widget column `tag`; None when the response has no tag field at all (not "no tags").
    tag_text: TagText = _alias("tagtext", "tag", "tags")
    # The pipeline count of Search/PagedSearch rows (evidence 7.1); None when the row does not carry it.
    count_shortlisted: OptionalId = _alias("countshortlisted")

    @model_validator(mode="before")
    @classmethod
    def _normalise(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        data = _lower_keys(data)
        advert = _lower_keys(data.get("advertdetails")) if isinstance(data.get("advertdetails"), dict) else {}
        description = ""
        for value in [*(data.get(k) for k in _DESCRIPTION_KEYS), advert.get("description")]:
            if isinstance(value, str) and value.strip():
                description = value
                break
        data["description"] = description
        client = data.get("client")
        if data.get("clientname") is None and isinstance(client, dict):
            data["clientname"] = _name_of(client)
        contact = data.get("contact")
        if data.get("contactname") is None and isinstance(contact, dict):
            data["contactname"] = _name_of(contact)
        for key in ("advertstatus", "publishonline"):
            if data.get(key) is None and advert.get(key) is not None:
                data[key] = advert[key]
        if data.get("location") is None and advert.get("location") is not None:
            data["location"] = advert["location"]
        return data

    @property
    def title(self) -> str:
        return self.name or self.publish_title or (self.advert_details.title if self.advert_details else "") or ""

    @property
    def tags(self) -> list[str] | None:
        """The job's tags; None when the response did not carry the tag field (ask another endpoint)."""
        return None if self.tag_text is None else split_tags(self.tag_text)


class OpportunityResource(TrackerModel):
    """A pipeline entry (application / shortlist entry / placement): ``GET /api/v1/OpportunityResource/{id}``."""

    opportunity_resource_id: int = Field(validation_alias=AliasChoices("opportunityresourceid", "placementid", "id"))
    opportunity_id: OptionalId = _alias("opportunityid")
    resource_id: OptionalId = _alias("resourceid", "candidateid")
    status_id: OptionalId = _alias("opportunityresourcestatusid", "statusid")
    status_name: NameText = _alias("opportunityresourcestatusname", "statusname", "status")
    opportunity_name: Text = _alias("opportunityname")
    resource_display_as: Text = _alias("resourcedisplayas", "resourcename", "candidatename")
    active_record: Flag = _alias("activerecord")
    start_date: Text = _alias("startdate")
    end_date: Text = _alias("enddate")
    last_updated: Text = _alias("lastupdateddatetime", "lastupdated")


class Placement(TrackerModel):
    """One ``Placements[]`` entry of widget ``getIndividualRecord`` O: a job's pipeline entry."""

    placement_id: int = Field(validation_alias=AliasChoices("placementid", "opportunityresourceid", "id"))
    resource_id: OptionalId = _alias("candidateid", "resourceid")
    candidate_name: Text = Field(
        default=None, validation_alias=AliasChoices("candidatename", "resourcename"), repr=False
    )
    status_id: OptionalId = _alias("opportunityresourcestatusid", "statusid")
    status_name: NameText = _alias("statusname", "status")


def _details_into_row(data: Any) -> Any:
    """Widget rows put most fields under ``details`` (an object; ``[]`` when empty). Merge them in."""
    if not isinstance(data, dict):
        return data
    row = _lower_keys(data)
    details = row.get("details")
    merged = dict(row)
    if isinstance(details, dict):
        for key, value in _lower_keys(details).items():
            if merged.get(key) is None:
                merged[key] = value
        merged["details"] = details
    else:
        merged["details"] = {}
    return merged


class RecordRow(TrackerModel):
    """A row of widget ``getRecords`` (any record type). ``details`` keeps the raw detail fields."""

    id: int = Field(validation_alias=AliasChoices("id", "recordid"))
    name: Text = _alias("name", "subject")
    status: NameText = _alias("status")
    last_updated: Text = _alias("lastupdateddatetime", "lastupdated", "lastupdateddate")
    details: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _merge_details(cls, data: Any) -> Any:
        return _details_into_row(data)

    def detail(self, key: str) -> Any:
        """A detail field by case-insensitive name (None when absent)."""
        return _lower_keys(self.details).get(key.lower())


class ActivityRow(TrackerModel):
    """An activity from widget ``getRecords`` A (or ``getIndividualRecord`` A)."""

    activity_id: int = Field(validation_alias=AliasChoices("activityid", "id"))
    subject: Text = _alias("subject", "name")
    note: Text = _alias("note", "notes", "text", "body")
    activity_type: NameText = _alias("activitytypename", "activitytype", "type")
    link_record_type: Text = _alias("linkrecordtype")
    link_record_id: OptionalId = _alias("linkrecordid")
    resource_id: OptionalId = _alias("resourceid")
    opportunity_id: OptionalId = _alias("opportunityid")
    opportunity_resource_id: OptionalId = _alias("opportunityresourceid")
    last_updated: Text = _alias("lastupdateddatetime", "lastupdated")

    @model_validator(mode="before")
    @classmethod
    def _merge_details(cls, data: Any) -> Any:
        return _details_into_row(data)

    def mentions(self, marker: str) -> bool:
        return any(marker in (text or "") for text in (self.subject, self.note))


class Settings(TrackerModel):
    """Widget ``getSettingsData``: lookup lists (ids are tenant-specific). Lists kept as raw dicts."""

    naming_conventions: dict[str, Any] = Field(default_factory=dict, validation_alias=AliasChoices("namingconventions"))
    resource_statuses: list[dict[str, Any]] = Field(
        default_factory=list, validation_alias=AliasChoices("resourcestatuses")
    )
    opportunity_statuses: list[dict[str, Any]] = Field(
        default_factory=list, validation_alias=AliasChoices("opportunitystatuses")
    )
    placement_statuses: list[dict[str, Any]] = Field(
        default_factory=list,
        validation_alias=AliasChoices("placementstatuses", "opportunityresourcestatuses", "shortliststatuses"),
    )
    task_types: list[dict[str, Any]] = Field(default_factory=list, validation_alias=AliasChoices("tasktypes"))
    custom_fields: list[dict[str, Any]] = Field(default_factory=list, validation_alias=AliasChoices("customfields"))


@dataclass(frozen=True)
class DownloadedDocument:
    filename: str | None
    content_type: str | None
    content: bytes

    def __repr__(self) -> str:
        return f"DownloadedDocument(content_type={self.content_type!r}, size={len(self.content)})"


def split_tags(tag_text: str | None) -> list[str]:
    """Tracker's tag field is free text; we treat it as comma-separated tags."""
    if not tag_text:
        return []
    return [part.strip() for part in tag_text.split(",") if part.strip()]


def join_tags(tags: list[str]) -> str:
    return ", ".join(tags)
