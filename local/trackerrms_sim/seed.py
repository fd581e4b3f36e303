"""Deterministic seed data: jobs, candidates (with resume content), pipelines and recruiter notes.

Everything derives from one `random.Random(seed)` and a reference time, so the same seed and start time give
the same data. Resume *documents* are not rendered here (see documents.py, rendered lazily on download).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from .content import (
    CITIES,
    FIELDS,
    FIRST_NAMES,
    MONTHS,
    MONTHS_LONG,
    OTHER_PROFILES,
    RECRUITER_NOTES,
    SURNAMES,
    UNIVERSITIES,
    FieldSpec,
)

RESOURCE_ID_START = 1001
OPPORTUNITY_ID_START = 2001
PLACEMENT_ID_START = 3001
ACTIVITY_ID_START = 5001
DOCUMENT_ID_START = 8001

# [INF] placement statuses; the group decides what widget getRecords X returns.
PLACEMENT_STATUSES: tuple[tuple[int, str, str], ...] = (
    (1, "Applied", "Applied"),
    (2, "Longlisted", "Internal"),
    (3, "Shortlisted", "Shortlisted"),
    (4, "Skima Shortlisted", "Shortlisted"),
    (5, "CV Sent", "Working"),
    (6, "First Interview", "Working"),
    (7, "Second Interview", "Working"),
    (8, "Offer Made", "Offer"),
    (9, "Placed Perm", "Complete"),
    (10, "On Assignment", "Complete"),
    (11, "Withdrawn", "Closed"),
    (12, "Declined", "Closed"),
)
X_VISIBLE_GROUPS = frozenset({"Working", "Offer", "Complete"})
STATUS_BY_ID = {sid: (name, group) for sid, name, group in PLACEMENT_STATUSES}

USERS: tuple[dict[str, Any], ...] = (
    {"UserId": 21, "Username": "Sam Recruiter", "Email": "sam.recruiter@example-agency.test"},
    {"UserId": 22, "Username": "Alex Consultant", "Email": "alex.consultant@example-agency.test"},
    {"UserId": 1, "Username": "API User", "Email": "api@example-agency.test"},
)

QUALITY_CYCLE = ("strong", "good", "partial", "weak", "good", "partial", "strong", "weak", "partial")


def ts(value: datetime) -> str:
    """Tracker-style timestamp: UTC, whole seconds, no offset [INF]."""
    return value.replace(microsecond=0).isoformat()


@dataclass
class Role:
    title: str
    company: str
    start: tuple[int, int]
    end: tuple[int, int] | None
    bullets: list[str]


@dataclass
class ResumeStyle:
    format: str  # pdf | docx | txt | none
    flat: bool = False  # no line breaks at all
    mojibake: bool = False  # UTF-8 read as cp1252 (â€¢, â€™)
    caps_headers: bool = False
    skill_table: bool = False  # DOCX "Skill Details" table
    date_style: int = 0
    header_style: int = 0
    bullet: str = "•"


@dataclass
class Resume:
    first_name: str
    surname: str
    email: str
    phone: str
    city: str
    linkedin: str
    summary: str
    roles: list[Role]
    skills: list[str]
    skill_years: list[tuple[str, int, str]]
    education: list[str]
    certs: list[str]
    style: ResumeStyle


@dataclass
class SeedData:
    resources: dict[int, dict[str, Any]] = field(default_factory=dict)
    opportunities: dict[int, dict[str, Any]] = field(default_factory=dict)
    placements: dict[int, dict[str, Any]] = field(default_factory=dict)
    activities: dict[int, dict[str, Any]] = field(default_factory=dict)
    documents: dict[int, dict[str, Any]] = field(default_factory=dict)
    resumes: dict[int, Resume] = field(default_factory=dict)
    skills: dict[str, int] = field(default_factory=dict)  # name -> id
    skill_areas: dict[int, list[str]] = field(default_factory=dict)  # area id -> skill names


def _skill_catalog() -> tuple[dict[str, int], dict[int, list[str]]]:
    ids: dict[str, int] = {}
    areas: dict[int, list[str]] = {}
    next_id = 1001
    for area_id, spec in enumerate(FIELDS, start=1):
        names = [*spec.required_skills, *spec.preferred_skills, *spec.other_skills]
        areas[area_id] = names
        for name in names:
            if name not in ids:
                ids[name] = next_id
                next_id += 1
    return ids, areas


def format_period(start: tuple[int, int], end: tuple[int, int] | None, style: int) -> str:
    (sy, sm) = start

    def one(ym: tuple[int, int] | None) -> str:
        if ym is None:
            return ("Present", "Present", "Present", "Present", "Present", "Current", "now")[style % 7]
        y, m = ym
        return (
            f"{MONTHS[m - 1]} {y}",
            f"{m:02d}/{y}",
            f"{y}",
            f"{MONTHS_LONG[m - 1]} {y}",
            f"{y}.{m:02d}",
            f"{MONTHS[m - 1]} '{y % 100:02d}",
            f"{y}",
        )[style % 7]

    sep = (" - ", " – ", " - ", " to ", " - ", " – ", " – ")[style % 7]
    return f"{one((sy, sm))}{sep}{one(end)}"


def _years_for(quality: str, required: int, rng: random.Random) -> int:
    if quality == "strong":
        return required + rng.randint(2, 8)
    if quality == "good":
        return required + rng.randint(0, 3)
    if quality == "partial":
        return max(1, required - rng.randint(1, 2))
    return rng.randint(0, 1)


def _build_roles(  # noqa: PLR0917 - private helper of the generator
    titles: list[str],
    companies: list[str],
    bullets_pool: list[str],
    skills: list[str],
    years: int,
    ref: datetime,
    rng: random.Random,
) -> list[Role]:
    """Most recent first. Splits `years` of experience into 1-4 roles."""
    months_total = max(6, years * 12 + rng.randint(0, 11))
    n_roles = max(1, min(4, 1 + months_total // 30))
    # roughly even tenures with some jitter, so no role is absurdly short
    step = months_total / n_roles
    cuts = [int(step * k + rng.uniform(-step / 4, step / 4)) for k in range(1, n_roles)]
    bounds = [0, *cuts, months_total]
    current = rng.random() < 0.8
    end_index = ref.year * 12 + (ref.month - 1) - (0 if current else rng.randint(1, 8))
    roles: list[Role] = []
    for k in range(len(bounds) - 1):
        # k = 0 is the most recent role
        role_end = end_index - bounds[k]
        role_start = end_index - bounds[k + 1] + 1
        end_ym = None if (k == 0 and current) else (role_end // 12, role_end % 12 + 1)
        chosen: list[str] = []
        for template in rng.sample(bullets_pool, k=min(len(bullets_pool), rng.randint(2, 4))):
            chosen.append(template.format(skill=rng.choice(skills) if skills else "the team"))
        roles.append(
            Role(
                title=titles[min(k, len(titles) - 1)],
                company=companies[k % len(companies)],
                start=(role_start // 12, role_start % 12 + 1),
                end=end_ym,
                bullets=chosen,
            )
        )
    return roles


def _style_for(index: int, rng: random.Random) -> ResumeStyle:
    roll = rng.random()
    fmt = "pdf" if roll < 0.42 else "docx" if roll < 0.76 else "txt" if roll < 0.88 else "none"
    style = ResumeStyle(
        format=fmt,
        date_style=rng.randint(0, 6),
        header_style=rng.randint(0, 3),
        bullet=rng.choice(["•", "•", "-", "*", "–", "o"]),
    )
    messy = rng.random()
    if messy < 0.08 and fmt in ("txt", "pdf"):
        style.flat = True
    elif messy < 0.16 and fmt in ("txt", "docx"):
        style.mojibake = True
    if fmt == "docx" and rng.random() < 0.35:
        style.skill_table = True
    if rng.random() < 0.3:
        style.caps_headers = True
    return style


def _make_resume(  # noqa: PLR0917 - private helper of the generator
    spec: FieldSpec | None,
    other: tuple[str, tuple[str, ...], tuple[str, ...]] | None,
    quality: str,
    first: str,
    last: str,
    city: str,
    ref: datetime,
    rng: random.Random,
    index: int,
) -> tuple[Resume, int]:
    email = f"{first.lower()}.{last.lower()}{rng.randint(1, 99)}@example-mail.test".replace("'", "")
    email = email.encode("ascii", "ignore").decode()
    phone = rng.choice(
        (
            f"07700 {rng.randint(900000, 900999)}",
            f"+44 7700 {rng.randint(900000, 900999)}",
            f"(512) 555-{rng.randint(100, 199):04d}",
            f"+1 214-555-{rng.randint(100, 199):04d}",
        )
    )
    linkedin = f"linkedin.com/in/{first.lower()}-{last.lower()}-{rng.randint(10, 99)}".encode(
        "ascii", "ignore"
    ).decode()
    if spec is not None:
        years = _years_for(quality, spec.years_required, rng)
        if quality in ("strong", "good"):
            skills = list(spec.required_skills)
            if quality == "good":
                skills.remove(rng.choice(skills))
            skills += rng.sample(spec.preferred_skills, k=3 if quality == "strong" else rng.randint(0, 2))
        elif quality == "partial":
            skills = rng.sample(spec.required_skills, k=rng.randint(2, 3))
        else:
            skills = rng.sample(spec.required_skills, k=1)
        skills += rng.sample(spec.other_skills, k=rng.randint(2, 4))
        titles = list(spec.titles) if quality != "weak" else list(spec.junior_titles)
        rng.shuffle(titles)
        if quality == "strong":
            titles = sorted(titles, key=lambda t: "Senior" not in t and "Manager" not in t)
        roles = _build_roles(titles, list(spec.companies), list(spec.bullets), skills, years, ref, rng)
        degree = rng.choice(spec.degrees)
        education = []
        if quality != "weak" or rng.random() < 0.3:
            grad = (roles[-1].start[0] - rng.randint(0, 2)) if roles else ref.year - 3
            education.append(f"{degree}, {rng.choice(UNIVERSITIES)}, {grad}")
        certs = list(spec.certs[: 2 if quality == "strong" else 1]) if quality in ("strong", "good") else []
        if quality == "partial" and rng.random() < 0.3:
            certs = [spec.certs[-1]]
        summary = spec.summary
        if years:
            summary = f"{summary} {years}+ years of experience in {spec.department.lower()}."
    else:
        assert other is not None
        title, skills_t, companies = other
        years = rng.randint(2, 12)
        skills = list(skills_t)
        roles = _build_roles(
            [title],
            list(companies),
            [
                "Responsible for {skill} day to day",
                "Improved {skill} across the team",
                "Trained new starters in {skill}",
            ],
            skills,
            years,
            ref,
            rng,
        )
        subject = rng.choice(["Hospitality", "Education", "Law", "Design", "Pharmacy"])
        education = [f"{rng.choice(['BA', 'BSc', 'Diploma'])} {subject}, {rng.choice(UNIVERSITIES)}"]
        certs = []
        summary = f"Experienced {title.lower()} looking for a new challenge."
    skill_years = [
        (s, max(1, min(years, rng.randint(1, max(1, years)))), rng.choice(["Expert", "Advanced", "Intermediate"]))
        for s in skills
    ]
    return (
        Resume(
            first,
            last,
            email,
            phone,
            city,
            linkedin,
            summary,
            roles,
            skills,
            skill_years,
            education,
            certs,
            _style_for(index, rng),
        ),
        years,
    )


def _employment_history_text(resume: Resume) -> str:
    lines = []
    for role in resume.roles:
        lines.append(f"{role.title} at {role.company} ({format_period(role.start, role.end, 0)})")
        lines.extend(f"- {b}" for b in role.bullets)
    return "\n".join(lines)


def generate(seed: int, n_candidates: int, ref: datetime) -> SeedData:
    rng = random.Random(seed)
    ref = ref.replace(microsecond=0)
    data = SeedData()
    data.skills, data.skill_areas = _skill_catalog()

    # Jobs
    job_ids: list[int] = []
    for k, job_spec in enumerate(FIELDS):
        oid = OPPORTUNITY_ID_START + k
        job_ids.append(oid)
        opened = ref - timedelta(days=rng.randint(5, 60), hours=rng.randint(0, 23))
        updated = opened + timedelta(days=rng.randint(0, 4), minutes=rng.randint(0, 600))
        updated = min(updated, ref - timedelta(hours=1))
        data.opportunities[oid] = {
            "opportunityId": oid,
            "name": job_spec.job_title,
            "reference": f"JOB-{oid}",
            "clientId": 7001 + k,
            "clientName": job_spec.client,
            "contactId": 7501 + k,
            "contactName": rng.choice(["Heather Smith", "Tom Briggs", "Anita Rao", "Gareth Pugh"]),
            "department": job_spec.department,
            "workType": job_spec.work_type,
            "location": job_spec.location,
            "locationCity": job_spec.location.split(",")[0],
            "state": job_spec.state,
            "publishOnline": job_spec.publish_online,
            "advertStatus": "A" if job_spec.publish_online else "C",
            "salaryFrom": job_spec.salary[0],
            "salaryTo": job_spec.salary[1],
            "salaryPer": "Annum",
            "currencyCode": "USD" if "TX" in job_spec.location else "GBP",
            "description": job_spec.description,
            "ownerId": USERS[k % 2]["UserId"],
            "dateOpened": ts(opened),
            "creationDate": ts(opened),
            "publishDate": ts(opened) if job_spec.publish_online else None,
            "lastUpdatedDateTime": ts(updated),
            "tagText": "",
            "note": "",
            "_field": job_spec.key,
        }

    # Candidates: spread over the fields plus an "other" bucket; qualities cycle within each field.
    buckets: list[FieldSpec | None] = [*FIELDS, None]
    per_bucket_count: dict[int, int] = {}
    used_emails: set[str] = set()
    doc_id = DOCUMENT_ID_START
    for i in range(n_candidates):
        rid = RESOURCE_ID_START + i
        b = rng.randrange(len(buckets)) if i >= len(buckets) * 3 else i % len(buckets)
        spec = buckets[b]
        count = per_bucket_count.get(b, 0)
        per_bucket_count[b] = count + 1
        quality = QUALITY_CYCLE[count % len(QUALITY_CYCLE)] if spec is not None else "unrelated"
        other = OTHER_PROFILES[rng.randrange(len(OTHER_PROFILES))] if spec is None else None
        first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
        city = rng.choice(CITIES)
        resume, years = _make_resume(spec, other, quality, first, last, city, ref, rng, i)
        while resume.email in used_emails:
            resume.email = resume.email.replace("@", f".{rng.randint(1, 9)}@", 1)
        used_emails.add(resume.email)
        created = ref - timedelta(days=rng.randint(30, 1500), seconds=rng.randint(0, 86399))
        updated = min(
            created + timedelta(days=rng.randint(0, 400), seconds=rng.randint(0, 86399)),
            ref - timedelta(minutes=rng.randint(30, 60 * 24 * 20)),
        )
        current = resume.roles[0]
        has_doc = resume.style.format != "none"
        quick = [{"id": data.skills[s], "name": s} for s in resume.skills if s in data.skills][: rng.randint(0, 5)]
        record: dict[str, Any] = {
            "resourceId": rid,
            "firstName": first,
            "surname": last,
            "displayAs": f"{first} {last}",
            "jobTitle": current.title,
            "currentClient": {"id": 9000 + i, "name": current.company},
            "workTypes": [{"id": 1, "name": "Permanent"}] if rng.random() < 0.7 else [{"id": 2, "name": "Contract"}],
            "quickSkills": quick,
            "contactDetails": {"email": resume.email, "mobilePhone": resume.phone, "telephone": ""},
            "email": resume.email,
            "source": rng.choice(["Website", "LinkedIn", "Referral", "Job Board - Indeed", "Website - CV Upload"]),
            "resourceStatus": rng.choice(["Active", "Active", "Active", "Pre-Registered", "Inactive"]),
            "availableForWork": rng.random() < 0.6,
            "currentSalaryNum": rng.randint(20, 90) * 1000,
            "desiredSalaryNum": rng.randint(25, 110) * 1000,
            "noticePeriod": rng.choice([0, 7, 30, 30, 60, 90]),
            "location": city,
            "note": "",
            "tagText": rng.choice(["", "", "", "", "Hot", "Do not call before 10am", "Relocating, Hot"]),
            # [INF] record text fields, the only source of a profile when there is no document.
            "employmentHistory": _employment_history_text(resume) if (not has_doc or rng.random() < 0.25) else "",
            "educationSummary": "; ".join(resume.education + resume.certs)
            if (not has_doc or rng.random() < 0.4)
            else "",
            "text": f"{resume.summary} Skills: {', '.join(resume.skills)}." if not has_doc else "",
            "dateCreated": ts(created),
            "lastUpdatedDateTime": ts(updated),
            "_field": spec.key if spec else "other",
            "_quality": quality,
            "_years": years,
        }
        data.resources[rid] = record
        data.resumes[rid] = resume
        if has_doc:
            ext = resume.style.format
            data.documents[doc_id] = {
                "documentId": doc_id,
                "resourceId": rid,
                "filename": f"{first}_{last}_CV.{ext}".replace(" ", "_").replace("'", ""),
                "documentType": "resume",
                "isPrimary": True,
                "dateCreated": ts(created),
                "_source": "seed",
            }
            doc_id += 1
            if rng.random() < 0.08:  # an older, non-primary CV or a cover letter
                data.documents[doc_id] = {
                    "documentId": doc_id,
                    "resourceId": rid,
                    "filename": "Cover letter.txt",
                    "documentType": "general",
                    "isPrimary": False,
                    "dateCreated": ts(created),
                    "_source": "cover",
                }
                doc_id += 1

    # Pipelines. Candidates of each job's field in several qualities, some outsiders, some in several jobs.
    statuses_weighted = [1] * 7 + [2] * 3 + [3] * 3 + [5] * 2 + [6] * 2 + [7] + [8] + [9] + [11] + [12]
    pid = PLACEMENT_ID_START
    by_field: dict[str, list[int]] = {}
    for rid, rec in data.resources.items():
        by_field.setdefault(rec["_field"], []).append(rid)
    multi = rng.sample(list(data.resources), k=min(12, len(data.resources)))
    for k, oid in enumerate(job_ids):
        key = data.opportunities[oid]["_field"]
        pool = by_field.get(key, [])
        chosen = rng.sample(pool, k=min(len(pool), rng.randint(5, 10)))
        outsiders = [r for r in rng.sample(list(data.resources), k=min(3, len(data.resources))) if r not in chosen]
        chosen += outsiders[:2]
        chosen += [r for r in multi[(k % 4) * 3 : (k % 4) * 3 + 3] if r not in chosen]
        job_opened = datetime.fromisoformat(data.opportunities[oid]["dateOpened"])
        for j, rid in enumerate(chosen):
            status = statuses_weighted[rng.randrange(len(statuses_weighted))]
            if j == 0:
                status = 1  # every job has an early-stage application
            elif j == 1:
                status = 6  # and a working one
            assigned = job_opened + timedelta(hours=rng.randint(1, 24 * 4))
            updated_p = min(assigned + timedelta(hours=rng.randint(0, 72)), ref - timedelta(minutes=5))
            data.placements[pid] = {
                "opportunityResourceId": pid,
                "opportunityId": oid,
                "resourceId": rid,
                "statusId": status,
                "dateAssigned": ts(assigned),
                "startDate": None,
                "endDate": None,
                "payRate": 0.0,
                "chargeRate": 0.0,
                "activeRecord": "y",
                "lastUpdatedDateTime": ts(updated_p),
            }
            pid += 1

    # Recruiter notes on a third of the candidates and on each job.
    aid = ACTIVITY_ID_START
    for rid in rng.sample(list(data.resources), k=len(data.resources) // 3):
        kind, text = RECRUITER_NOTES[rng.randrange(len(RECRUITER_NOTES))]
        when = datetime.fromisoformat(data.resources[rid]["lastUpdatedDateTime"]) - timedelta(hours=rng.randint(1, 200))
        data.activities[aid] = _activity(
            aid, "R", rid, f"{kind} - {data.resources[rid]['displayAs']}", text, kind, USERS[rng.randrange(2)], when
        )
        aid += 1
    for oid in job_ids:
        when = datetime.fromisoformat(data.opportunities[oid]["dateOpened"]) + timedelta(hours=2)
        data.activities[aid] = _activity(
            aid,
            "O",
            oid,
            "Job briefing call with client",
            "Took the brief; client wants a shortlist within two weeks.",
            "Telephone",
            USERS[0],
            when,
        )
        aid += 1
    return data


def _activity(  # noqa: PLR0917 - private helper of the generator
    aid: int, link_type: str, link_id: int, subject: str, note: str, kind: str, user: dict[str, Any], when: datetime
) -> dict[str, Any]:
    return {
        "activityId": aid,
        "linkRecordType": link_type,
        "linkRecordId": link_id,
        "subject": subject,
        "note": note,
        "type": kind,
        "status": "Completed",
        "priority": "Medium",
        "contactType": "Outbound",
        "date": when.date().isoformat(),
        "time": when.strftime("%I:%M %p"),
        "userId": user["UserId"],
        "userName": user["Username"],
        "dateCreated": ts(when),
        "lastUpdatedDateTime": ts(when),
    }


def new_activity(aid: int, link_type: str, link_id: int, payload: dict[str, Any], now: datetime) -> dict[str, Any]:
    user_id = payload.get("userId")
    user = next((u for u in USERS if u["UserId"] == user_id), USERS[2])
    record = _activity(
        aid,
        link_type,
        link_id,
        str(payload.get("subject") or ""),
        str(payload.get("note") or ""),
        str(payload.get("type") or "Task"),
        user,
        now,
    )
    for key in ("status", "priority", "contactType"):
        if payload.get(key):
            record[key] = str(payload[key])
    if payload.get("date"):
        record["date"] = str(payload["date"])
    if payload.get("time"):
        record["time"] = str(payload["time"])
    return record
