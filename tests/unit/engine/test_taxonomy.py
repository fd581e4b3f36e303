"""The occupation taxonomy and its detector: well-formed data, occupations read from messy pasted resumes and
from job titles, the job's own occupation ranked above a neighbour, and the embedding fallback outside it."""

from __future__ import annotations

import pytest

from skima.engine import CandidateProfile, Engine, matching
from skima.engine.lexicon import term_key
from skima.engine.occupations import OccupationView, job_occupations, resume_occupations
from skima.engine.taxonomy import FAMILIES, OCCUPATIONS

from .conftest import UNRELATED


def test_taxonomy_is_broad_and_well_formed() -> None:
    assert len(OCCUPATIONS) >= 80
    ids = [o.id for o in OCCUPATIONS]
    assert len(ids) == len(set(ids))
    assert {o.family for o in OCCUPATIONS} <= set(FAMILIES)
    assert len({o.family for o in OCCUPATIONS}) >= 20
    for occupation in OCCUPATIONS:
        assert occupation.family and len(occupation.titles) >= 3 and len(occupation.terms) >= 5, occupation.id
        assert all(t == t.strip() and t for t in occupation.titles + occupation.terms), occupation.id


def test_a_title_names_one_occupation_only() -> None:
    owner: dict[str, str] = {}
    for occupation in OCCUPATIONS:
        for title in occupation.titles:
            key = term_key(title)
            first = owner.setdefault(key, occupation.id)
            assert first == occupation.id, f"{title!r} names both {first} and {occupation.id}"


def _top(scores: dict[str, float]) -> str:
    return max(scores, key=lambda oid: scores[oid])


@pytest.mark.parametrize(
    ("pasted", "expected"),
    [
        (
            "Skills • Tally ERP 9 • GST returns • Bank reconciliation • MS Excel Education Details B.Com Mumbai "
            "University Accounts Executive Skill Details TALLY- Exprience - 36 months Company Details company - "
            "Shree Traders description - Journal entries, vouchers, TDS, trial balance and month end closing",
            "accountant",
        ),
        (
            "Education Details LL.B Pune University Advocate Skill Details Drafting - Exprience - 60 months "
            "Company Details company - Self practice description - Appearing in district court for civil suits, "
            "bail applications and writ petitions; legal notices and agreements",
            "lawyer",
        ),
        (
            "SKILLS: Docker, Kubernetes, Jenkins, Ansible, Terraform, AWS (EC2, S3, IAM) Linux shell scripting "
            "Build and release engineer at a fintech: CI/CD pipelines with Jenkins and GitLab CI, Helm charts",
            "devops_engineer",
        ),
        (
            "â€¢ BSc Nursing â€¢ Staff Nurse, City Hospital 2016 to 2021 â€¢ medication administration, IV therapy, "
            "wound care, vital signs, BLS ACLS certified, patient education",
            "registered_nurse",
        ),
        (
            "Technical Skills: ABAP/4, ALV reports, BDC, BAPI, BADI, Smartforms, IDocs, SAP ECC 6.0, S/4HANA "
            "Experience: 4 years as SAP ABAP consultant on implementation and support projects",
            "sap_consultant",
        ),
        (
            "Personal trainer certified by ACE. Designs workout plans for weight loss and strength training, "
            "functional training and HIIT sessions, nutrition guidance for gym members.",
            "fitness_trainer",
        ),
    ],
)
def test_occupation_read_from_a_one_line_paste(pasted: str, expected: str) -> None:
    assert _top(resume_occupations("", [], [pasted])) == expected


def test_headline_outweighs_a_skills_list() -> None:
    """A tester who lists Java is a tester: the headline counts more than a skill shared with developers."""
    scores = resume_occupations(
        "Manual Test Engineer",
        ["Manual Test Engineer"],
        ["Skills: Java, Spring, SQL, JIRA", "Wrote test cases, regression testing, defect tracking in JIRA"],
    )
    assert _top(scores) == "software_tester"


def test_job_title_decides_and_an_unknown_title_falls_back_to_the_body() -> None:
    weights, confidence = job_occupations("Senior Python Developer", "Build APIs with Django and PostgreSQL.")
    assert _top(weights) == "python_developer" and confidence == 1.0
    assert abs(sum(weights.values()) - 1.0) < 0.01
    weights, confidence = job_occupations(
        "Associate, Team Alpha", "Draft pleadings and legal notices; appear for clients in district court."
    )
    assert _top(weights) == "lawyer" and 0 < confidence < 1
    assert job_occupations("Associate, Team Alpha", "Join a friendly team in a great office.") == ({}, 0.0)


def test_the_body_says_which_kind_an_ambiguous_title_means() -> None:
    software, _ = job_occupations(
        "Quality Engineer",
        "Quality Engineer\nWrite Selenium WebDriver tests in Java with TestNG and Cucumber; keep the automation "
        "framework running in Jenkins.",
    )
    plant, _ = job_occupations(
        "Quality Engineer",
        "Quality Engineer\nInspect machined parts with CMM and vernier calipers; run SPC, 8D and CAPA for the "
        "ISO 9001 plant.",
    )
    assert software.get("automation_tester", 0.0) > 0.3
    assert plant == {"quality_engineer": 1.0}


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Python Software Developer", "python_developer"),
        ("C# Software Engineer", "dotnet_developer"),
        ("Software Developer (Spring Boot)", "java_developer"),
        ("Backend Software Engineer (JVM)", "java_developer"),
        ("Software Developer", "software_developer"),
        ("Quality Assurance Tester", "software_tester"),
    ],
)
def test_a_distinctive_term_in_a_broad_title_names_the_kind(title: str, expected: str) -> None:
    weights, confidence = job_occupations(title, f"{title}\nJoin our team and build great products.")
    assert _top(weights) == expected and confidence == 1.0


def test_a_focused_resume_fits_its_occupation_better_than_a_scattered_one() -> None:
    """Same evidence for the job's occupation, but one resume also claims two unrelated trades."""
    focused = OccupationView.of({"java_developer": 8.0, "software_tester": 1.0})
    scattered = OccupationView.of({"java_developer": 8.0, "chef": 7.0, "truck_driver": 7.0})
    job = {"java_developer": 1.0}
    assert focused.fit(job) == 1.0
    assert 0.0 < scattered.fit(job) < focused.fit(job)
    assert focused.fit({}) == 0.0 and OccupationView.of({}).fit(job) == 0.0


def test_a_neighbour_gets_partial_credit() -> None:
    view = OccupationView.of({"java_developer": 8.0, "software_tester": 1.0})
    own, neighbour, other = (
        view.fit({"java_developer": 1.0}),
        view.fit({"python_developer": 1.0}),
        view.fit({"lawyer": 1.0}),
    )
    assert own == 1.0 and 0.0 < neighbour < 0.5 and other == 0.0
    assert view.confidence == 1.0


PYTHON_DEV = (
    "Python Developer Skill Details Python, Django, Flask, REST APIs, PostgreSQL, Celery Company Details "
    "company - Nexa Soft description - Python Developer building Django REST services and Celery workers for "
    "an order platform; wrote pytest suites; deployed with Docker"
)
DATA_SCIENTIST = (
    "Data Scientist Skill Details Python, pandas, scikit-learn, TensorFlow, SQL Company Details company - "
    "Insight Labs description - Data Scientist building churn prediction models with random forest and XGBoost, "
    "feature engineering, hypothesis testing, dashboards for the marketing team"
)
NETWORK_SECURITY = (
    "Network Security Engineer Skills: Palo Alto and FortiGate firewalls, Cisco ASA, IPS/IDS, site-to-site VPN, "
    "Zscaler proxy Experience: Network Security Engineer at Telco Ltd 2017 - 2023, firewall rule reviews, VPN "
    "tunnels, routing and switching on Cisco"
)
NETWORK_ENGINEER = (
    "Network Engineer Skills: CCNA, CCNP, OSPF, BGP, EIGRP, VLAN, STP, LAN/WAN, MPLS Experience: Network "
    "Engineer at Telco Ltd 2017 - 2023, configured Cisco routers and switches, NOC monitoring, firewall basics"
)


@pytest.mark.parametrize(
    ("job", "own", "neighbour"),
    [
        (
            "Python Developer\n\nRequirements:\n- Python\n- REST APIs\n- SQL\n\nResponsibilities:\n"
            "- Build backend services and data processing scripts",
            PYTHON_DEV,
            DATA_SCIENTIST,
        ),
        (
            "Data Scientist\n\nRequirements:\n- Python\n- Machine learning\n- SQL\n\nResponsibilities:\n"
            "- Build models and analyse data for the business",
            DATA_SCIENTIST,
            PYTHON_DEV,
        ),
        (
            "Network Security Engineer\n\nRequirements:\n- Cisco\n- Routing and switching\n- Firewalls\n",
            NETWORK_SECURITY,
            NETWORK_ENGINEER,
        ),
        (
            "Network Engineer\n\nRequirements:\n- Cisco\n- Routing and switching\n- Firewalls\n",
            NETWORK_ENGINEER,
            NETWORK_SECURITY,
        ),
    ],
)
def test_the_jobs_occupation_outranks_a_neighbour(engine: Engine, job: str, own: str, neighbour: str) -> None:
    # the requirement evidence, where the taxonomy acts; the final score also blends whole-document signals, which
    # with this test's bag-of-words embedder are plain word overlap (the neighbour may share more words)
    prepared = engine.prepare_job("j", job)
    own_result = engine.match(prepared, engine.build_profile("own", own))
    neighbour_result = engine.match(prepared, engine.build_profile("neighbour", neighbour))
    assert own_result.score is not None and neighbour_result.score is not None
    assert own_result.receipt.raw_score > neighbour_result.receipt.raw_score


OUTSIDE = (
    "Marine Biologist\nExperience\nMarine Biologist, Reef Trust (2018 - 2024)\n"
    "- Coral reef surveys along the northern coast and species identification of reef fish\n"
    "- Underwater transects with scuba equipment, sea turtle nesting counts and plankton sampling"
)


def test_outside_the_taxonomy_the_embedding_reading_decides(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    profile = engine.build_profile("bio", OUTSIDE)
    assert OccupationView.of(profile.occupations).confidence < 0.2
    job = engine.prepare_job("j", "Marine Biologist\n\nRequirements:\n- Coral reef surveys\n- Species identification")
    assert job.occupation_confidence == 0.0
    with_taxonomy = engine.match(job, profile)
    monkeypatch.setattr(matching, "TAXONOMY_SHARE", 0.0)
    without = engine.match(job, engine.build_profile("bio", OUTSIDE))
    assert with_taxonomy.score == without.score and with_taxonomy.score is not None
    nurse = engine.match(job, engine.build_profile("nurse", UNRELATED)).score
    assert nurse is not None and with_taxonomy.score > nurse


def test_profile_round_trip_keeps_the_occupation_signal(engine: Engine) -> None:
    profile = engine.build_profile("py", PYTHON_DEV)
    assert _top(profile.occupations) == "python_developer"
    again = CandidateProfile.from_bytes(profile.to_bytes())
    assert again.occupations == profile.occupations
    job = engine.prepare_job("j", "Python Developer\n\nRequirements:\n- Python\n- Django\n")
    first, second = engine.match(job, profile), engine.match(job, again)
    assert first.score == second.score
    assert first.receipt.job_occupation == "Python Developer"
    assert first.receipt.resume_occupation == "Python Developer"
