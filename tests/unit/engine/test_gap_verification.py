"""Before a requirement is named 'not found in resume', the resume is searched for its core, aliases, word forms and
family; and over many generated pairs no gap is contradicted by the resume or by a quote in the same result."""

from __future__ import annotations

import random
import re

import pytest

from eval.structured import generate_structured
from skima.engine import Engine
from skima.engine.lexicon import same_word, term_key
from skima.engine.matching import core_phrases
from skima.engine.models import MatchResult
from skima.engine.resume import company_names, line_keys, section_of_header

GAP = "not found in resume: "


def _requirement(result: MatchResult, label: str) -> tuple[str, str | None]:
    found = next(r for r in result.requirements if r.label == label)
    return found.verdict, found.evidence


def _resume(*lines: str) -> str:
    # enough words to be judged, around the lines under test
    return "\n".join(
        [
            "Sam Rivera",
            "Software Engineer, Northwind (2016 - 2024)",
            "Built internal tools for the finance and operations teams and supported releases.",
            *lines,
        ]
    )


@pytest.mark.parametrize(
    ("wanted", "written"),
    [
        ("SQL", "Tuned PostgreSQL queries and wrote stored procedures in T-SQL."),
        ("SQL", "Reporting database in MySQL."),
        ("AWS", "Deployed services on Amazon EC2 and S3."),
        ("AWS", "Hosted the API on EC2 behind a load balancer."),
        ("Git", "Code reviews on GitHub for every change."),
        ("XSL", "Wrote XSLT transforms for the invoice feed."),
        ("Visualforce", "Built Visual Force pages and Apex triggers."),
        ("Visual Force", "Built Visualforce pages for the service console."),
        ("MS Office", "Daily reports in Excel and PowerPoint."),
        ("Microsoft Office", "Minutes in Microsoft Word and budgets in Excel."),
        # a suite is met by its programs
        ("Adobe Creative Suite", "Laid out catalogues in InDesign and retouched photos in Photoshop."),
        ("Creative Suite", "Drew the new logo set in Adobe Illustrator."),
        ("CRM", "Ran the HubSpot pipeline for the inside sales team."),
        ("CRM", "Customised Microsoft Dynamics forms for the service desk."),
        ("SIEM", "Wrote Splunk alerts for failed logins."),
        ("Linux", "Administered Ubuntu and CentOS servers."),
    ],
)
def test_a_skill_is_met_by_its_family_or_another_spelling(engine: Engine, wanted: str, written: str) -> None:
    job = f"Software Engineer\nRequirements:\n- {wanted}\n- Release support\n"
    result = engine.score_text(job, _resume(written))
    verdict, evidence = _requirement(result, wanted)
    assert verdict != "missing" and evidence is not None and written.split()[1] in evidence, (verdict, evidence)
    assert f"{GAP}{wanted}" not in result.gaps


@pytest.mark.parametrize(
    ("wanted", "written"),
    [
        # a broad skill never evidences one named tool: a family works one way only
        ("HubSpot", "Kept the CRM up to date for the inside sales team."),
        ("Splunk", "Triaged SIEM alerts for the security team."),
        ("Ubuntu", "Administered Linux servers for the build farm."),
        ("PostgreSQL", "Wrote SQL reports for finance."),
        ("Adobe InDesign", "Made posters with the Adobe Creative Suite."),
    ],
)
def test_a_named_tool_is_not_met_by_its_broad_family(engine: Engine, wanted: str, written: str) -> None:
    job = f"Software Engineer\nRequirements:\n- {wanted}\n- Release support\n"
    result = engine.score_text(job, _resume(written))
    verdict, _ = _requirement(result, wanted)
    assert verdict == "missing"
    assert f"{GAP}{wanted}" in result.gaps


@pytest.mark.parametrize(
    ("wanted", "written", "verdict"),
    [
        ("Interpersonal skills", "Exceptional interpersonal and written communication.", "met"),
        ("running a WMS", "Administered the Manhattan WMS for two warehouses.", "met"),
        ("Strong knowledge of XSL", "Maintained XSL stylesheets for the print output.", "met"),
        ("ACLS certification", "Certifications: BLS, ACLS (AHA, 2025)", "met"),
        ("Retail or CPG experience", "Category analytics for a CPG brand.", "met"),
        ("Reading blueprints", "Worked from blueprints and electrical drawings.", "met"),
        # another word form or order
        ("Network switching", "Configured network switches and VLANs for three offices.", "met"),
        ("Forecasting", "Built monthly demand forecasts for the planners.", "met"),
        ("Excellent communication skills", "Communicated release plans to customers every week.", "met"),
    ],
)
def test_a_requirement_is_met_by_its_core_in_any_word_form(
    engine: Engine, wanted: str, written: str, verdict: str
) -> None:
    job = f"Operations Specialist\nRequirements:\n- {wanted}\n- Release support\n"
    result = engine.score_text(job, _resume(written))
    asked = result.requirements[1]  # after the role: the requirement under test, however its label was cleaned
    assert asked.verdict in (verdict, "partial"), result.requirements  # quoted; scored as its similarity says
    assert asked.evidence_line is not None and asked.evidence_line >= 3  # the line under test, not the filler
    assert not [g for g in result.gaps if asked.label in g], result.gaps


@pytest.mark.parametrize(
    ("wanted", "written"),
    [
        ("Excel", "Excellent written English."),  # a shared start is not a word form
        ("Kubernetes", "Deployed containers with Docker Compose."),
        ("Team leadership", "Team player who enjoys learning."),
        ("Managing teams", "Worked in a team of five."),  # the object alone is not the requirement
        ("SQL", "Stored documents in MongoDB and NoSQL caches."),  # NoSQL is not SQL
        ("Deep learning", "Committed to learning new tools."),  # 'deep' is part of the name here
        ("Documentation for audits", "Wrote documentation for the help desk."),
        ("React", "Reactive programming with RxJava."),
        ("Classroom management", "Set up Google Classroom for the school."),
        ("Accounting", "Account Executive, Brightline (2012 - 2015)"),  # a title, not the skill
    ],
)
def test_what_is_not_there_is_still_a_gap(engine: Engine, wanted: str, written: str) -> None:
    job = f"Operations Specialist\nRequirements:\n- {wanted}\n- Release support\n"
    result = engine.score_text(job, _resume(written))
    assert f"{GAP}{wanted}" in result.gaps, (result.gaps, result.requirements)


def test_word_forms() -> None:
    assert same_word("switch", "switching") and same_word("communication", "communicator")
    assert same_word("analysis", "analyst") and same_word("forecast", "forecasting")
    assert not same_word("excel", "excellent") and not same_word("general", "generate")
    assert not same_word("interest", "internal") and not same_word("manage", "manual")


def test_core_phrases() -> None:
    assert core_phrases("Exceptional interpersonal skills") == ("interpersonal",)
    assert core_phrases("running a WMS") == (term_key("WMS"),)
    assert core_phrases("Retail or CPG experience") == ("retail", "cpg")
    assert core_phrases("Technical skills") == ()
    assert core_phrases("Risk Management") == ("risk management",)  # a skill of its own keeps its head
    assert core_phrases("Working capital management") == ("working capital management",)  # 'working' is a name


def test_a_title_the_resume_names_is_never_not_found(engine: Engine) -> None:
    job = "Payroll Specialist\nRequirements:\n- Payroll processing\n"
    resume = (
        "Kim Hale\nWarehouse Associate, Big Box (2015 - 2024)\nPicked and packed orders, forklift certified.\n"
        "Covered as payroll specialist for two months during a leave; payroll processing in ADP.\n"
    )
    result = engine.score_text(job, resume)
    assert f"{GAP}Payroll Specialist" not in result.gaps, result.gaps


def test_a_quote_in_the_result_never_contradicts_a_gap(engine: Engine) -> None:
    job = "Data Engineer\nRequirements:\n- PostgreSQL\n- SQL\n- AWS\n- Airflow\n"
    resume = _resume("Pipelines in Airflow loading PostgreSQL on Amazon EC2.", "Skills: PostgreSQL, Airflow, EC2")
    result = engine.score_text(job, resume)
    assert [g for g in result.gaps if "Data Engineer" not in g] == [], result.gaps


# --- the invariant, over many generated pairs ------------------------------------------------------------------

_SKILLS = [
    ("SQL", ["PostgreSQL", "MySQL", "SQL", "T-SQL"]),
    ("AWS", ["AWS", "Amazon EC2", "S3 and EC2"]),
    ("Git", ["Git", "GitHub"]),
    ("Interpersonal skills", ["exceptional interpersonal", "interpersonal skills"]),
    ("Forecasting", ["forecasts", "forecasting"]),
    ("Excel", ["Excel", "MS Excel"]),
    ("Kubernetes", ["Kubernetes", "k8s"]),
    ("Stakeholder management", ["stakeholder management", "managed stakeholders"]),
    ("XSL", ["XSLT", "XSL"]),
    ("Python", ["Python"]),
    ("Tableau", ["Tableau"]),
    ("Network switching", ["network switches", "switching"]),
    ("Payroll", ["payroll"]),
    ("Customer service", ["customer service", "served customers"]),
]
_TITLES = ["Data Analyst", "Software Engineer", "Operations Coordinator", "Payroll Specialist", "Network Engineer"]
_JOB_FORMATS = [
    "{title}\nRequirements:\n{items}\n",
    "# {title}\n\n## What you bring\n{items}\n\n## Benefits\n- Pension\n",
    "{title} - Harbor Group\nWe need someone with {prose}.\n",
    "Position: {title}\nMust have:\n{items}\n",
]
_RESUME_FORMATS = [
    "{name}\n{title}\n\nEXPERIENCE\n{title}, {company} ({start} - {end})\n{bullets}\n\nSKILLS\n{skills}\n",
    "{name} | {title}\n## Work History\n### {title} at {company}, {start}-{end}\n{bullets}\n"
    "Technical Skills: {skills}\n",
    "{name} {title} {company} {start} to {end} {bullets} Skills {skills}",
    "{name}\nSummary: {title} with hands-on work in {skills}.\n{start} - {end} {title}, {company}\n{bullets}\n",
]
_COMPANIES = ["Teva API India Pvt Ltd", "Northwind Data GmbH", "Harbor Freight LLC", "Acme Corp", "Lumen Labs"]


def _pair(rng: random.Random) -> tuple[str, str]:
    title = rng.choice(_TITLES)
    asked = rng.sample(_SKILLS, 5)
    held = [s for s in asked if rng.random() < 0.6] + rng.sample(_SKILLS, 2)
    job = rng.choice(_JOB_FORMATS).format(
        title=title,
        items="\n".join(f"- {label}" for label, _ in asked),
        prose=", ".join(label for label, _ in asked),
    )
    written = [rng.choice(forms) for _, forms in held]
    teams = ["sales", "finance", "ops"]
    bullets = "\n".join(f"- Used {w} every week for the {rng.choice(teams)} team." for w in written)
    start = rng.randint(2008, 2018)
    resume = rng.choice(_RESUME_FORMATS).format(
        name=rng.choice(["Ana Ruiz", "Lee Park", "Omar Haddad"]),
        title=rng.choice([title, *_TITLES]),
        company=rng.choice(_COMPANIES),
        start=start,
        end=rng.choice([str(start + rng.randint(1, 6)), "Present", "till date"]),
        bullets=bullets,
        skills=", ".join(rng.sample(written, len(written))),
    )
    return job, resume


def _evidence_keys(resume: str) -> list[str]:
    """The resume's lines as term keys, without employers' names and section headers (neither is evidence)."""
    keys = []
    for line in resume.splitlines():
        if section_of_header(line) is not None:
            continue
        kept = line
        for start, end in reversed(company_names(line)):
            kept = kept[:start] + " ; " + kept[end:]
        keys.append(line_keys(kept))
    return keys


def _violations(result: MatchResult, resume: str) -> list[str]:
    found: list[str] = []
    lines = _evidence_keys(resume)
    quoted = [line_keys(re.sub(r"^[^\"]*\"", "", r)) for r in result.reasons if not r.startswith(GAP)]
    labels_quoted = {r.split(":")[0].removeprefix("Related to ") for r in result.reasons if not r.startswith(GAP)}
    for gap in result.gaps:
        label = gap.removeprefix(GAP)
        if " (about " in label:
            continue  # years found, fewer than asked: not a claim that the subject is absent
        if label in labels_quoted:
            found.append(f"quoted and a gap: {label}")
        for core in core_phrases(label):
            if any(f" {core} " in line for line in lines):
                found.append(f"gap written in the resume: {label} ({core})")
            if any(f" {core} " in quote for quote in quoted):
                found.append(f"gap quoted in the same result: {label} ({core})")
    return found


def test_no_gap_is_contradicted_by_the_resume_or_a_quote_over_generated_pairs(engine: Engine) -> None:
    rng = random.Random(9)
    pairs = [_pair(rng) for _ in range(150)]
    problems = []
    for job, resume in pairs:
        result = engine.score_text(job, resume)
        problems += [f"{p}\n{job}\n{resume}" for p in _violations(result, resume)]
    assert problems == [], problems[:3]


def test_no_gap_is_contradicted_on_the_structured_generator(engine: Engine) -> None:
    generated = generate_structured(seed=11, n_jobs=60)
    texts = {c["id"]: c["text"] for c in generated.candidates}
    jobs = {j["id"]: j["text"] for j in generated.jobs}
    # each job against its strong and near-miss candidates, and against the next job's two
    ids = list(generated.own)
    pairs = [
        (job_id, candidate_id)
        for i, job_id in enumerate(ids)
        for candidate_id in (*generated.own[job_id], *generated.own[ids[(i + 1) % len(ids)]])
    ]
    prepared = {job_id: engine.prepare_job(job_id, jobs[job_id]) for job_id in ids}
    profiles = {cid: engine.build_profile(cid, texts[cid]) for cid in texts}
    problems = []
    for job_id, candidate_id in pairs:
        result = engine.match(prepared[job_id], profiles[candidate_id])
        problems += [f"{job_id} {candidate_id}: {p}" for p in _violations(result, texts[candidate_id])]
    assert len(pairs) == 240
    assert problems == [], problems[:5]
