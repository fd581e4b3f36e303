"""Generator for the structured A-like set: one strong match, one near-miss and 48 others per job.

Jobs are written from an occupation (eval/occupations.py): a few core skills of the role plus some extra
ones as requirements, others as preferred. The strong resume evidences every requirement (half the time in
a synonym, so lexical overlap is not the whole story) with enough years; the near-miss is the same resume
for a different person with 1-3 required skills removed and, for jobs asking 4+ years, shortened history.
The 48 other candidates are resumes written for other jobs, chosen first from the same occupation and the
same family (hard negatives), then at random.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from eval.occupations import ROLES, Role, Skill
from eval.textkit import NUMBER_WORDS, UNIVERSITIES, cap, company, date_range, past_tense, person
from skima_cli.evaluation import term_named_in

CANDIDATES_PER_JOB = 50
SAME_ROLE_NEGATIVES = 1  # for SAME_ROLE_SHARE of the jobs: a resume written for another job of the same role
SAME_ROLE_SHARE = 0.5
SAME_FAMILY_NEGATIVES = 12
NOW = (2025, 9)
DROP_BULLET_P = 0.4  # near-miss: share of bullets about a removed skill dropped with it
SYNONYM_P = 0.5  # share of skill mentions in resumes worded differently from the job

_CREDENTIAL_WORDS = (
    "license",
    "licence",
    "certification",
    "cdl",
    "cpa",
    "j.d.",
    "bar admission",
    "dpt",
    "ccrn",
    "cen",
    "tncc",
    "cpn",
    "ocs",
    "cissp",
    "security+",
    "pmp",
    "shrm",
    "cams",
    "cia",
    "cfa",
    "cpp",
    "cpim",
    "endorsement",
    "card",
    "certificate",
)
_SECTOR = {
    "software": "software",
    "data": "data and analytics",
    "nursing": "healthcare",
    "health": "healthcare",
    "sales": "commercial",
    "finance": "financial services",
    "logistics": "logistics",
    "hr": "people",
    "marketing": "marketing",
    "legal": "legal and regulatory",
    "trades": "building services",
    "hospitality": "hospitality",
    "education": "education",
    "manufacturing": "manufacturing",
    "service": "customer operations",
    "business": "business services",
}
# Where the work happens; each job has one and its own resumes worked there, so a job and the resumes
# written for it share context beyond skill names (as tailored resumes do).
_DOMAINS = {
    "software": [
        "payments",
        "online retail",
        "insurance claims",
        "telehealth",
        "fleet tracking",
        "online learning",
        "digital banking",
        "travel booking",
        "ad tech",
        "property listings",
    ],
    "data": [
        "retail pricing",
        "credit risk",
        "supply chain",
        "streaming media",
        "healthcare claims",
        "marketing attribution",
        "energy trading",
        "telecom churn",
        "fraud detection",
    ],
    "nursing": [
        "Level I trauma center",
        "teaching hospital",
        "community hospital",
        "cardiac unit",
        "oncology unit",
        "rural hospital",
        "surgical unit",
    ],
    "health": [
        "family practice",
        "orthopedic clinic",
        "retail pharmacy chain",
        "sports medicine clinic",
        "hospital outpatient department",
        "urgent care center",
    ],
    "sales": [
        "medical devices",
        "HR software",
        "cybersecurity software",
        "outdoor apparel",
        "consumer electronics",
        "industrial supplies",
        "oncology products",
        "home furnishings",
    ],
    "finance": [
        "manufacturing",
        "nonprofit",
        "SaaS",
        "real estate",
        "public accounting",
        "healthcare",
        "construction",
        "hospitality group",
    ],
    "logistics": [
        "grocery distribution",
        "e-commerce fulfilment",
        "automotive parts",
        "cold chain",
        "building materials",
        "third-party logistics",
        "beverage distribution",
    ],
    "hr": [
        "hospital network",
        "software scale-up",
        "manufacturing plant",
        "retail chain",
        "university",
        "engineering consultancy",
    ],
    "marketing": [
        "B2B software",
        "consumer beauty",
        "fintech app",
        "higher education",
        "travel brand",
        "food delivery",
        "fitness brand",
    ],
    "legal": ["banking", "life sciences", "technology transactions", "real estate", "insurance", "energy"],
    "trades": [
        "hospital construction",
        "residential remodeling",
        "data center builds",
        "school facilities",
        "food processing plant",
        "multifamily housing",
        "commercial office fit-outs",
    ],
    "hospitality": [
        "boutique hotel",
        "airport hotel",
        "farm-to-table restaurant",
        "resort and spa",
        "conference center",
        "steakhouse",
    ],
    "education": ["Title I school", "charter school", "suburban district", "international school", "magnet school"],
    "manufacturing": [
        "aerospace components",
        "medical devices",
        "automotive stamping",
        "plastic injection molding",
        "food packaging",
        "industrial pumps",
    ],
    "service": ["telecom provider", "health insurer", "utility company", "airline", "online retailer"],
    "business": [
        "hospital network",
        "law firm",
        "software company",
        "construction group",
        "investment firm",
        "university",
    ],
}
_BENEFITS = [
    "Medical, dental and vision from day one",
    "401(k) with employer match",
    "Paid time off and holidays",
    "Tuition reimbursement",
    "Flexible schedule",
    "Paid parental leave",
    "Annual training budget",
    "Overtime available",
    "Employee discount",
    "Relocation assistance for the right candidate",
]


def mentions_skill(text: str, skill: Skill) -> bool:
    return term_named_in(skill.name, [text]) or any(term_named_in(syn, [text]) for syn in skill.synonyms)


def is_credential(skill: Skill) -> bool:
    name = skill.name.lower()
    return any(word in name for word in _CREDENTIAL_WORDS)


@dataclass
class JobSpec:
    id: str
    role: Role
    title: str
    years: int
    required: list[Skill]
    preferred: list[Skill]
    domain: str = ""
    text: str = ""


@dataclass
class Bullet:
    task: str
    skill: Skill | None = None
    surface: str = ""
    form: int = 0


@dataclass
class Position:
    title: str
    employer: str
    months: int
    bullets: list[Bullet]


@dataclass
class ResumeDraft:
    """A resume kept as parts, so a near-miss can be derived by removing skills and shortening history."""

    name: str
    email: str
    phone: str
    city: str
    headline: str
    role: Role
    positions: list[Position]
    skills_section: list[tuple[Skill, str]]
    education: str
    layout: int
    summary_years: bool
    present: bool
    domain: str = ""
    summary_skills: list[Skill] = field(default_factory=list)
    removed: set[str] = field(default_factory=set)

    def total_months(self) -> int:
        return sum(p.months for p in self.positions)


def near_miss_is_clean(spec: JobSpec, strong_text: str, near_text: str, missing: list[str]) -> bool:
    """`missing` must be exactly what the near-miss lacks of the job's skills, in any of their wordings:
    no removed skill survives under another wording (e.g. "SQL" inside "T-SQL", "SSIS" as "SQL Server
    Integration Services"), and no skill the strong resume shows disappears without being listed (e.g.
    with a dropped bullet or a cut position)."""
    for skill in [*spec.required, *spec.preferred]:
        in_near = mentions_skill(near_text, skill)
        if skill.name in missing and in_near:
            return False
        if skill.name not in missing and not in_near and mentions_skill(strong_text, skill):
            return False
    return True


# ------------------------------------------------------------------------------------------------ jobs


def _phrase_requirement(rng: random.Random, skill: Skill) -> str:
    name = skill.name
    if is_credential(skill):
        return rng.choice([f"{name} (required)", f"Current {name}", f"Must hold a valid {name}", name])
    return rng.choice(
        [
            name,
            f"Experience with {name}",
            f"Hands-on experience with {name}",
            f"Strong {name} skills",
            f"Working knowledge of {name}",
            f"Proficiency in {name}",
            f"Proven {name} experience",
            f"Solid background in {name}",
        ]
    )


def _years_line(rng: random.Random, years: int, role: Role, title: str) -> str:
    base = role.titles[0].split(" (")[0].lower()
    words = NUMBER_WORDS.get(years, str(years))
    return rng.choice(
        [
            f"{years}+ years of experience as a {base} or similar role",
            f"At least {words} years of relevant experience",
            f"{years}+ years in {_SECTOR[role.family]} in a role like {title}",
            f"Minimum {years} years' professional experience",
            f"{cap(words)} or more years of hands-on experience",
        ]
    )


def make_job(rng: random.Random, job_id: str, role: Role) -> JobSpec:
    years = rng.choice([2, 3, 4, 5, 5, 6, 7, 8, 10])
    title = rng.choice(role.titles)
    if years >= 7 and not title.startswith(("Senior", "Lead", "Assistant")) and rng.random() < 0.5:
        title = f"Senior {title}"
    elif years <= 2 and role.family in ("software", "data") and rng.random() < 0.5:
        title = f"Junior {title}"
    core = rng.sample(role.core, rng.choice([3, 4, 4]))
    rest = list(role.extra)
    rng.shuffle(rest)
    n_extra = rng.choice([2, 3, 3, 4])
    required = core + rest[:n_extra]
    rng.shuffle(required)
    preferred = rest[n_extra : n_extra + rng.choice([2, 3])]
    domain = rng.choice(_DOMAINS[role.family])
    spec = JobSpec(
        id=job_id, role=role, title=title, years=years, required=required, preferred=preferred, domain=domain
    )
    spec.text = render_job(rng, spec)
    return spec


def _merge_some(rng: random.Random, phrases: list[str], skills: list[Skill]) -> list[str]:
    """Sometimes join two plain skill names on one line ("Python and SQL"), as postings do."""
    out: list[str] = []
    i = 0
    while i < len(phrases):
        if (
            i + 1 < len(phrases)
            and phrases[i] == skills[i].name
            and phrases[i + 1] == skills[i + 1].name
            and rng.random() < 0.5
        ):
            out.append(f"{phrases[i]} and {phrases[i + 1]}")
            i += 2
        else:
            out.append(phrases[i])
            i += 1
    return out


def render_job(rng: random.Random, spec: JobSpec) -> str:
    role = spec.role
    employer = company(rng, role.family)
    _, _, _, city = person(rng)
    tasks = rng.sample(role.tasks, min(len(role.tasks), rng.choice([3, 4, 5])))
    reqs = _merge_some(rng, [_phrase_requirement(rng, s) for s in spec.required], spec.required)
    years = _years_line(rng, spec.years, role, spec.title)
    reqs.insert(rng.choice([0, 0, len(reqs)]), years)
    prefs = [rng.choice([s.name, f"Experience with {s.name}", f"Familiarity with {s.name}"]) for s in spec.preferred]
    blurb = rng.choice(
        [
            f"{employer} is a growing {spec.domain} business with {rng.randint(40, 4000)} employees.",
            f"Join {employer}, where our {rng.randint(3, 60)}-person team serves {spec.domain} customers.",
            f"{employer} ({spec.domain}) is hiring a {spec.title} to join our team in {city}.",
            f"At {employer} we take pride in our people and our work in {spec.domain}.",
        ]
    )
    if rng.random() < 0.6:
        prefs.append(
            rng.choice(
                [
                    f"Background in {spec.domain}",
                    f"{cap(spec.domain)} experience",
                    f"Experience in a {spec.domain} setting",
                ]
            )
        )
    edu = rng.choice(role.education)
    benefits = rng.sample(_BENEFITS, 3)
    layout = rng.randrange(3)
    bullet = rng.choice(["- ", "* ", "• "])
    if layout == 0:
        lines = [
            f"# {spec.title}",
            f"{employer} · {city} · {rng.choice(['Full-time', 'Full time', 'Contract'])}",
            "",
            blurb,
            "",
            rng.choice(["## What you'll do", "## About the role", "## Responsibilities"]),
        ]
        lines += [bullet + cap(t) for t in tasks]
        lines += ["", rng.choice(["## Requirements", "## What you bring", "## Must have"])]
        lines += [bullet + cap(r) for r in reqs]
        lines += ["", rng.choice(["## Nice to have", "## Preferred", "## Bonus points"])]
        lines += [bullet + cap(p) for p in prefs]
        if rng.random() < 0.5:
            lines += ["", "## Education", f"{edu} or equivalent experience."]
        lines += ["", "## Benefits"] + [bullet + b for b in benefits]
    elif layout == 1:
        lines = [
            f"Job Title: {spec.title}",
            f"Company: {employer}",
            f"Location: {city}",
            f"Employment type: {rng.choice(['Full-time', 'Permanent', 'Full-time, on-site'])}",
            "",
            f"About us: {blurb}",
            "",
            "Responsibilities:",
        ]
        lines += [bullet + cap(t) + "." for t in tasks]
        lines += ["", "Requirements:"] + [bullet + cap(r) for r in reqs]
        lines += ["", "Preferred:"] + [bullet + cap(p) for p in prefs]
        lines += [
            "",
            f"Education: {edu} preferred.",
            f"Experience: {spec.years}+ years.",
            "",
            "What we offer: " + "; ".join(benefits) + ".",
        ]
    else:
        intro = f"We are looking for a {spec.title} to {tasks[0]}"
        if len(tasks) > 1:
            intro += f" and {tasks[1]}"
        lines = [spec.title.upper(), f"{employer} ({city})", "", blurb + " " + intro + ".", ""]
        if len(tasks) > 2:
            lines += ["Day to day you will:"] + [bullet + cap(t) for t in tasks[2:]] + [""]
        lines += ["Must have:"] + [bullet + cap(r) for r in reqs]
        lines += ["", "Nice to have: " + ", ".join(prefs) + "."]
        lines += ["", f"Qualifications: {edu}.", "", "Perks: " + ", ".join(b.lower() for b in benefits) + "."]
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------- resumes


def _surface(rng: random.Random, skill: Skill) -> str:
    if skill.synonyms and rng.random() < SYNONYM_P:
        return rng.choice(skill.synonyms)
    return skill.name


def _split_months(rng: random.Random, total: int) -> list[int]:
    """Most recent first; 1-4 positions."""
    n = 1 if total < 24 else rng.choice([2, 2, 3]) if total < 72 else rng.choice([2, 3, 3, 4])
    cuts = sorted(rng.sample(range(6, total - 5), n - 1)) if n > 1 and total > 12 else []
    bounds = [0, *cuts, total]
    return [bounds[i + 1] - bounds[i] for i in range(len(bounds) - 1)]


def make_strong(rng: random.Random, spec: JobSpec, neighbours: list[Role]) -> ResumeDraft:
    role = spec.role
    name, email, phone, city = person(rng)
    total = spec.years * 12 + rng.randint(3, 54)
    months = _split_months(rng, total)
    titles = [spec.title.replace("Junior ", "")] + [rng.choice(role.titles) for _ in months[1:]]
    if len(months) > 1 and rng.random() < 0.4:
        titles[-1] = rng.choice([f"Junior {role.titles[0]}", f"{role.titles[0].split(' (')[0]} Trainee"])
    # Which skills go where: every requirement is evidenced at least once.
    mentioned = list(spec.required)
    mentioned += rng.sample(spec.preferred, rng.randint(0, len(spec.preferred)))
    others = [s for s in role.extra if s not in spec.required and s not in spec.preferred]
    mentioned += rng.sample(others, min(len(others), rng.randint(1, 3)))
    if neighbours and rng.random() < 0.6:
        nb = rng.choice(neighbours)
        mentioned += rng.sample(nb.core + nb.extra, rng.randint(1, 2))
    has_skills_section = rng.random() < 0.85
    in_section: list[tuple[Skill, str]] = []
    in_bullets: list[Skill] = []
    for skill in mentioned:
        required = skill in spec.required
        to_section = has_skills_section and rng.random() < (0.85 if required else 0.7)
        to_bullet = not to_section or rng.random() < (0.6 if required else 0.3)
        if to_section:
            in_section.append((skill, _surface(rng, skill)))
        if to_bullet:
            in_bullets.append(skill)
    rng.shuffle(in_section)
    positions: list[Position] = []
    for i, (title, m) in enumerate(zip(titles, months, strict=True)):
        tasks = rng.sample(role.tasks, min(len(role.tasks), rng.choice([2, 3, 3, 4]) if i == 0 else 2))
        positions.append(
            Position(
                title=title,
                employer=company(rng, role.family),
                months=m,
                bullets=[Bullet(task=t, form=rng.randrange(5)) for t in tasks],
            )
        )
    for skill in in_bullets:
        pos = positions[0] if rng.random() < 0.6 else rng.choice(positions)
        plain = [b for b in pos.bullets if b.skill is None]
        target = rng.choice(plain) if plain and rng.random() < 0.7 else None
        if target is None:
            target = Bullet(task="", form=5 + rng.randrange(3))
            pos.bullets.append(target)
        target.skill, target.surface = skill, _surface(rng, skill)
    university = rng.choice(UNIVERSITIES)
    grad = NOW[0] - total // 12 - rng.randint(0, 2)
    education = f"{rng.choice(role.education)}, {university}, {grad}"
    return ResumeDraft(
        name=name,
        email=email,
        phone=phone,
        city=city,
        headline=titles[0],
        role=role,
        positions=positions,
        skills_section=in_section,
        education=education,
        layout=rng.randrange(3),
        summary_years=rng.random() < 0.6,
        present=rng.random() < 0.5,
        domain=spec.domain,
        summary_skills=rng.sample(spec.required, rng.choice([2, 3, 3, 4])),
    )


def make_near_miss(
    rng: random.Random, strong: ResumeDraft, spec: JobSpec, neighbours: list[Role]
) -> tuple[ResumeDraft, list[str]]:
    """Same resume, another person: 1-3 required skills removed, history shortened for 4+ year jobs
    (then a more junior title), or else sometimes the title of a neighbouring occupation."""
    name, email, phone, city = person(rng)
    n_remove = rng.choice([1, 2, 2, 3, 3])
    removed = rng.sample(spec.required, n_remove)
    gone = {s.name for s in removed}
    positions = [
        Position(
            p.title,
            p.employer,
            p.months,
            # work that relied on a removed skill mostly goes with it
            [
                Bullet(b.task, b.skill, b.surface, b.form)
                for b in p.bullets
                if not (b.skill is not None and b.skill.name in gone and rng.random() < DROP_BULLET_P)
            ],
        )
        for p in strong.positions
    ]
    section = [(s, surf) for s, surf in strong.skills_section]
    role = strong.role
    if rng.random() < 0.3:  # keep the length similar: put another skill of the role in
        spare = [s for s in role.extra if s not in spec.required and all(s is not x for x, _ in section)]
        if spare:
            extra = rng.choice(spare)
            section.insert(rng.randrange(len(section) + 1), (extra, _surface(rng, extra)))
    headline = strong.headline
    shortened = spec.years >= 4 and rng.random() < 0.6
    if shortened:
        headline = headline.replace("Senior ", "").replace("Lead ", "")
        if rng.random() < 0.6:
            headline = f"{rng.choice(['Junior', 'Associate', 'Entry-level'])} {headline}"
    elif neighbours and rng.random() < 0.4:
        headline = rng.choice(rng.choice(neighbours).titles)
    positions[0].title = headline
    if shortened:
        target = rng.randint(max(12, (spec.years // 2) * 12 - 12), (spec.years - 2) * 12)
        while sum(p.months for p in positions) > target:
            excess = sum(p.months for p in positions) - target
            if positions[-1].months - excess >= 6 or len(positions) == 1:
                positions[-1].months = max(6, positions[-1].months - excess)
                break
            moved = [b for b in positions[-1].bullets if b.skill is not None]
            positions.pop()
            positions[-1].bullets.extend(moved)
    draft = ResumeDraft(
        name=name,
        email=email,
        phone=phone,
        city=city,
        headline=headline,
        role=role,
        positions=positions,
        skills_section=section,
        education=strong.education,
        layout=strong.layout,
        summary_years=strong.summary_years,
        present=strong.present,
        removed={s.name for s in removed},
        domain=strong.domain,
        summary_skills=strong.summary_skills,
    )
    return draft, [s.name for s in removed]


def _bullet_text(rng: random.Random, bullet: Bullet, removed: set[str]) -> str | None:
    skill = bullet.skill if bullet.skill is not None and bullet.skill.name not in removed else None
    task = past_tense(bullet.task) if bullet.task else ""
    if skill is None:
        return cap(task) if task else None
    s = bullet.surface
    if not task:
        return [f"Day-to-day work with {s}", f"Hands-on with {s}", f"Applied {s} on every project"][bullet.form - 5]
    forms = [
        f"{cap(task)} ({s})",
        f"{cap(task)}, drawing on {s}",
        f"{cap(task)} — key skills: {s}",
        f"{cap(task)}; {s}",
        f"Used {s} while I {past_tense(bullet.task)}",
    ]
    return forms[bullet.form % len(forms)]


def render_resume(rng: random.Random, draft: ResumeDraft) -> str:
    removed = draft.removed
    years = draft.total_months() // 12
    headline = draft.headline
    focus = [s.name for s in draft.summary_skills if s.name not in removed]
    summary_bits = [
        f"{headline} with {years}+ years of experience, most recently in {draft.domain}."
        if draft.summary_years and years >= 1
        else f"{headline} with a background in {draft.domain}.",
        f"Strengths include {', '.join(focus[:-1])} and {focus[-1]}." if len(focus) >= 2 else "",
        rng.choice(
            [
                "Known for reliability and calm under pressure.",
                "Team player who enjoys mentoring.",
                "Looking for a role with more responsibility.",
                "Detail-oriented and organised.",
                "",
            ]
        ),
    ]
    summary = " ".join(b for b in summary_bits if b)
    skills = [surf for s, surf in draft.skills_section if s.name not in removed]
    end = NOW
    experience: list[str] = []
    bullet_mark = rng.choice(["- ", "* ", "• "])
    style = rng.randrange(4)
    for i, pos in enumerate(draft.positions):
        end_month_index = end[0] * 12 + end[1] - 1
        start_index = end_month_index - pos.months
        start = (start_index // 12, start_index % 12 + 1)
        shown_end = None if (i == 0 and draft.present) else end
        dates = date_range(rng, start, shown_end, style)
        employer = f"{pos.employer} ({draft.domain})" if i == 0 else pos.employer
        if draft.layout == 0:
            experience += [f"### {pos.title} — {employer}", dates]
        elif draft.layout == 1:
            experience += [f"{pos.title}, {employer} ({dates})"]
        else:
            experience += [f"{employer} | {pos.title} | {dates}"]
        for b in pos.bullets:
            text = _bullet_text(rng, b, removed)
            if text:
                experience.append(bullet_mark + text)
        experience.append("")
        gap = rng.choice([0, 0, 1, 2])
        prev = start_index - gap
        end = (prev // 12, prev % 12 + 1)
    contact = f"{draft.email} | {draft.phone} | {draft.city}"
    if draft.layout == 0:
        parts = [f"# {draft.name}", contact, "", "## Summary", summary, ""]
        if skills:
            parts += ["## Skills", ", ".join(skills), ""]
        parts += ["## Experience", *experience, "## Education", draft.education]
    elif draft.layout == 1:
        parts = [draft.name.upper(), contact, "", "PROFESSIONAL SUMMARY", summary, ""]
        if skills:
            parts += ["SKILLS:"] + [bullet_mark + s for s in skills] + [""]
        parts += ["EXPERIENCE:", *experience, "EDUCATION:", draft.education]
    else:
        parts = [draft.name, draft.city, draft.email, draft.phone, "", f"Profile: {summary}", ""]
        if skills:
            parts += ["Key skills: " + " · ".join(skills), ""]
        parts += ["Work history", *experience, f"Education: {draft.education}"]
    return "\n".join(parts).strip() + "\n"


# ------------------------------------------------------------------------------------------------- set


@dataclass
class StructuredSet:
    jobs: list[dict[str, str]]
    candidates: list[dict[str, str]]
    qrels: list[dict[str, object]]
    specs: list[JobSpec] = field(default_factory=list)
    own: dict[str, tuple[str, str]] = field(default_factory=dict)  # job id -> (strong id, near-miss id)


def generate_structured(seed: int, n_jobs: int) -> StructuredSet:
    rng = random.Random(seed)
    roles = list(ROLES)
    plan = [roles[i % len(roles)] for i in range(n_jobs)]
    rng.shuffle(plan)
    specs: list[JobSpec] = []
    own: dict[str, tuple[str, str]] = {}
    candidates: list[dict[str, str]] = []
    missing_of: dict[str, list[str]] = {}
    for i, role in enumerate(plan):
        job_id = f"a-job-{i + 1:04d}"
        spec = make_job(rng, job_id, role)
        specs.append(spec)
        neighbours = [r for r in roles if r.family == role.family and r.key != role.key]
        strong = make_strong(rng, spec, neighbours)
        strong_text = render_resume(rng, strong)
        for _attempt in range(30):
            near, missing = make_near_miss(rng, strong, spec, neighbours)
            near_text = render_resume(rng, near)
            if near_miss_is_clean(spec, strong_text, near_text, missing):
                break
        else:
            raise RuntimeError(f"could not derive a clean near-miss for {job_id}")
        strong_id, near_id = f"a-cand-{2 * i + 1:05d}", f"a-cand-{2 * i + 2:05d}"
        candidates.append({"id": strong_id, "text": strong_text})
        candidates.append({"id": near_id, "text": near_text})
        own[job_id] = (strong_id, near_id)
        missing_of[near_id] = missing
    role_of = {s.id: s.role for s in specs}
    qrels: list[dict[str, object]] = []
    for spec in specs:
        strong_id, near_id = own[spec.id]
        same_role = [c for s in specs if s.id != spec.id and s.role.key == spec.role.key for c in own[s.id]]
        same_family = [
            c for s in specs if s.role.family == spec.role.family and s.role.key != spec.role.key for c in own[s.id]
        ]
        rest = [c for s in specs if role_of[s.id].family != spec.role.family for c in own[s.id]]
        n_same = SAME_ROLE_NEGATIVES if rng.random() < SAME_ROLE_SHARE else 0
        picked = rng.sample(same_role, min(n_same, len(same_role)))
        picked += rng.sample(same_family, min(SAME_FAMILY_NEGATIVES, len(same_family)))
        need = CANDIDATES_PER_JOB - 2 - len(picked)
        picked += rng.sample(rest, need)
        pool = [(strong_id, 2, []), (near_id, 1, missing_of[near_id])] + [(c, 0, []) for c in picked]
        rng.shuffle(pool)
        for cid, gain, missing in pool:
            qrels.append({"job_id": spec.id, "candidate_id": cid, "gain": gain, "missing": missing})
    jobs = [{"id": s.id, "text": s.text} for s in specs]
    return StructuredSet(jobs=jobs, candidates=candidates, qrels=qrels, specs=specs, own=own)
