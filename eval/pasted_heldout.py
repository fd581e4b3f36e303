"""Generator for the held-out pasted set: B-like resumes and real-looking job ads, written independently.

An overfitting check for work tuned on `pasted-b`: its vocabulary (eval/pasted_heldout_data.py) and its
layouts were written without looking at eval/pasted_data.py or the engine's occupation taxonomy.

Resumes come in five shapes: career-narrative prose, a "PROFESSIONAL EXPERIENCE" list with employer, role and
dates in varied orders, flattened tables (cells joined by "|" or tabs), ALL-CAPS headers run into their text,
and very short ones. Some are career changers: a headline of the target occupation over past jobs in another
(labelled by the target). Most lose their line breaks and get mojibake bullets and dashes, as pasted PDFs do.
Postings read as ads: company blurb, title with seniority, responsibilities, requirements (some from
neighbouring occupations), generic expectations, benefits and an EEO line. Gain 1 for a resume of the
posting's occupation, else 0; every posting is ranked over every resume.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from eval.pasted_heldout_data import (
    AWARDS,
    BENEFITS,
    BLURBS,
    CLIENT_BLURBS,
    COMPANY_NAMES,
    CONFUSABLE,
    DECLARATIONS,
    EEO_LINES,
    EMPLOYERS,
    FAMILY_NAMES,
    GENERIC_DUTIES,
    GENERIC_EXPECTATIONS,
    GENERIC_TOOLS,
    GIVEN_NAMES,
    HOBBIES,
    INSTITUTES,
    LANGUAGES,
    OBJECTIVES,
    OCCUPATIONS,
    PLACES,
    SCHOOL_LINES,
    SENIORITY,
    SOFT_SKILLS,
    STREETS,
    TEAM_LINES,
    Occupation,
)

# Difficulty knobs, tuned so TF-IDF and whole-document MiniLM land near their hidden-set B figures.
N_RESUMES = 120
MIN_PER_OCC, MAX_PER_OCC = 2, 8
POSTINGS_PER_OCC = 2
CHANGER_P = 0.25  # headline of the target occupation, most past jobs in another one
NO_HEADLINE_P = 0.35  # the resume never states its title up front
FOREIGN_JOB_P = 0.5  # a past job of a non-changer taken from a confusable occupation
BORROWED_SKILLS = (3, 9)  # skills of confusable occupations listed beside the own ones
OWN_SKILLS = (2, 11)
FLATTEN_P = 0.75  # the paste lost (almost) all line breaks
TYPO_P = 0.02  # per word
POSTING_NEIGHBOUR_LINES = (2, 5)
POSTING_OWN_SKILL_NAMES = (0, 1)
LEAD_WITH_EDUCATION_P = 0.45
LEAD_WITH_PERSONAL_P = 0.25
GENERIC_DUTIES_PER_JOB = (2, 5)
OLDEST_FIRST_P = 0.3  # work history in chronological order, so the current role comes last
SKILLS_LAST_P = 0.35
FAR_SKILL_P = 0.1  # share of borrowed skills from any occupation rather than a confusable one
LONG_P = 0.12  # long resumes: every duty of every job, and described projects
CLIENT_BLURB_P = 0.4
POSTING_GENERIC_LINES = (4, 7)  # resume-side tool names a posting also names

BULLETS = ("â€¢", "ï‚§", "Ã¢â‚¬â€œ", "\uf0b7", "â–ª", "ïƒ˜", "●", "➢", "Â·", "❖", "-", "*", "o")
NOW_YEAR = 2025
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
LONG_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

BY_NAME = {o.name: o for o in OCCUPATIONS}


@dataclass
class Job:
    """One past or present position of a resume."""

    occ: Occupation
    title: str
    employer: str
    start: tuple[int, int]  # (year, month)
    end: tuple[int, int] | None  # None: present
    duties: list[str]


@dataclass
class Person:
    name: str
    email: str
    phone: str
    address: str


@dataclass
class Draft:
    occ: Occupation
    person: Person
    headline: str | None
    skills: list[str]
    jobs: list[Job]
    degree: str
    institute: str
    grad_year: int
    projects: list[str]
    changer_from: Occupation | None
    long: bool
    extras: dict[str, list[str]] = field(default_factory=dict)


# ---------------------------------------------------------------------------------------------- pieces


def _person(rng: random.Random) -> Person:
    first, last = rng.choice(GIVEN_NAMES), rng.choice(FAMILY_NAMES)
    handle = rng.choice([f"{first}.{last}", f"{first}{last}{rng.randint(1, 99)}", f"{first[0]}{last}"])
    email = handle.lower().replace("'", "") + rng.choice(
        ["@gmail.com", "@yahoo.co.in", "@rediffmail.com", "@outlook.com"]
    )
    phone = rng.choice(
        [
            f"+91 {rng.randint(70000, 99999)} {rng.randint(10000, 99999)}",
            f"{rng.randint(7000000000, 9999999999)}",
            f"(+91)-{rng.randint(700, 999)}-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}",
            f"07{rng.randint(100, 999)} {rng.randint(100000, 999999)}",
            f"({rng.randint(200, 989)}) {rng.randint(200, 989)}-{rng.randint(1000, 9999)}",
        ]
    )
    address = f"{rng.choice(STREETS)}, {rng.choice(PLACES)}"
    return Person(name=f"{first} {last}", email=email, phone=phone, address=address)


def _date(rng: random.Random, ym: tuple[int, int] | None, style: int) -> str:
    if ym is None:
        return ["Present", "Till Date", "till date", "Current", "Now", "present"][style % 6]
    year, month = ym
    return [
        f"{MONTHS[month - 1]} {year}",
        f"{month:02d}/{year}",
        f"{LONG_MONTHS[month - 1]} {year}",
        f"{MONTHS[month - 1]}'{year % 100:02d}",
        f"{year}",
        f"{MONTHS[month - 1]}-{year}",
    ][style % 6]


def _span(rng: random.Random, job: Job, style: int) -> str:
    sep = [" - ", " to ", " – ", " — ", "-", " till "][style % 6]
    if job.end is None and sep == " till ":
        sep = " - "
    return _date(rng, job.start, style) + sep + _date(rng, job.end, style)


def _months(job: Job) -> int:
    end = job.end or (NOW_YEAR, 9)
    return max(1, (end[0] - job.start[0]) * 12 + end[1] - job.start[1])


def _years_words(months: int) -> str:
    years, rest = divmod(months, 12)
    if years == 0:
        return f"{rest} months"
    if rest == 0:
        return f"{years} year{'s' if years > 1 else ''}"
    return f"{months / 12:.1f} years"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _a(phrase: str) -> str:
    return ("an " if phrase[:1].lower() in "aeiou" else "a ") + phrase


def _junior(rng: random.Random, title: str) -> str:
    if rng.random() < 0.5:
        return rng.choice(["Trainee ", "Intern - ", "Jr. ", "Associate "]) + title
    return title


def _seniorise(rng: random.Random, title: str) -> str:
    if rng.random() < 0.45 and not title.startswith(("Senior", "Lead", "Junior", "Head", "Graduate")):
        word = rng.choice(SENIORITY)
        return f"{word} {title}"
    return title


def _neighbour(rng: random.Random, occ: Occupation, far_p: float = 0.25) -> Occupation:
    if rng.random() < far_p:
        return rng.choice([o for o in OCCUPATIONS if o.name != occ.name])
    return BY_NAME[rng.choice(CONFUSABLE[occ.name])]


# -------------------------------------------------------------------------------------------- resumes


def make_draft(rng: random.Random, occ: Occupation) -> Draft:
    person = _person(rng)
    changer_from = _neighbour(rng, occ, far_p=0.4) if rng.random() < CHANGER_P else None
    long = rng.random() < LONG_P
    n_jobs = rng.choice([0, 1, 1, 2, 2, 2, 3, 3, 4])
    if changer_from is not None:
        n_jobs = max(n_jobs, 1)
    # positions, most recent first
    jobs: list[Job] = []
    end: tuple[int, int] | None = None
    cursor = (NOW_YEAR, rng.randint(1, 9))
    for i in range(n_jobs):
        if changer_from is not None:
            # the latest role may already be in the new occupation (a short one), the rest are the old one
            job_occ = occ if (i == 0 and rng.random() < 0.35) else changer_from
        elif i > 0 and rng.random() < FOREIGN_JOB_P:
            job_occ = _neighbour(rng, occ)
        else:
            job_occ = occ
        length = rng.randint(5, 44) if not (changer_from and job_occ is occ) else rng.randint(3, 12)
        start_index = cursor[0] * 12 + cursor[1] - 1 - length
        start = (start_index // 12, start_index % 12 + 1)
        title = rng.choice(job_occ.titles)
        if i == n_jobs - 1 and n_jobs > 1:
            title = _junior(rng, title)
        n_duties = len(job_occ.duties) if long else rng.randint(1, min(5, len(job_occ.duties)))
        duties = rng.sample(job_occ.duties, n_duties)
        duties += rng.sample(GENERIC_DUTIES, rng.randint(*GENERIC_DUTIES_PER_JOB))
        rng.shuffle(duties)
        jobs.append(Job(job_occ, title, rng.choice(EMPLOYERS), start, end, duties))
        gap = rng.randint(0, 4)
        end_index = start_index - gap
        end = (end_index // 12, end_index % 12 + 1)
        cursor = end
    headline: str | None = rng.choice(occ.titles)
    if rng.random() < NO_HEADLINE_P and changer_from is None:
        headline = None
    own = rng.sample(occ.skills, rng.randint(*OWN_SKILLS))
    if changer_from is not None:
        own = own[: max(2, len(own) // 2)]
    borrowed: list[str] = []
    for _ in range(rng.randint(*BORROWED_SKILLS)):
        other = (
            changer_from if changer_from is not None and rng.random() < 0.6 else _neighbour(rng, occ, far_p=FAR_SKILL_P)
        )
        borrowed.append(rng.choice(other.skills))
    skills = own + [s for s in borrowed if s not in own]
    rng.shuffle(skills)
    if rng.random() < 0.6:
        skills += rng.sample(GENERIC_TOOLS, rng.randint(1, 3))
    first_job_year = jobs[-1].start[0] if jobs else NOW_YEAR - rng.randint(0, 1)
    grad_year = first_job_year - rng.choice([0, 0, 1, 2])
    degree_occ = changer_from if changer_from is not None and rng.random() < 0.5 else occ
    degree = rng.choice(degree_occ.degrees) if rng.random() < 0.75 else rng.choice(_neighbour(rng, occ).degrees)
    projects = list(occ.projects) if long else rng.sample(occ.projects, rng.randint(0, min(2, len(occ.projects))))
    extras = {
        "soft": rng.sample(SOFT_SKILLS, rng.randint(2, 5)),
        "hobbies": rng.sample(HOBBIES, rng.randint(1, 3)),
        "languages": rng.sample(LANGUAGES, rng.randint(2, 3)),
        "awards": rng.sample(AWARDS, rng.randint(0, 2)),
    }
    return Draft(
        occ=occ,
        person=person,
        headline=headline,
        skills=skills,
        jobs=jobs,
        degree=degree,
        institute=rng.choice(INSTITUTES),
        grad_year=grad_year,
        projects=projects,
        changer_from=changer_from,
        long=long,
        extras=extras,
    )


def _total_months(d: Draft) -> int:
    return sum(_months(j) for j in d.jobs)


def _objective(rng: random.Random, d: Draft) -> str:
    if d.changer_from is not None:
        target = d.headline or d.occ.titles[0]
        return rng.choice(
            [
                f"Transitioning from {d.changer_from.titles[0].lower()} work into a career as {_a(target)}.",
                f"{d.changer_from.titles[0]} now seeking an opportunity as {_a(target)}, having completed"
                f" training in {', '.join(d.skills[:2])}.",
                f"Career change: looking for an entry-level {target} role.",
            ]
        )
    base = rng.choice(OBJECTIVES)
    if d.headline and rng.random() < 0.5:
        base += f" as {_a(d.headline)}"
    return base + "."


def _personal(rng: random.Random, d: Draft) -> list[str]:
    return [
        f"Date of Birth: {rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1984, 2000)}",
        f"Languages Known: {', '.join(d.extras['languages'])}",
        f"Marital Status: {rng.choice(['Single', 'Married', 'Unmarried'])}",
        f"Hobbies: {', '.join(d.extras['hobbies'])}",
    ][: rng.randint(1, 4)]


def _education_lines(rng: random.Random, d: Draft, table: bool) -> list[str]:
    pct = f"{rng.randint(55, 88)}.{rng.randint(0, 9)}%"
    if table:
        sep = rng.choice([" | ", "\t", " || "])
        rows = [
            sep.join(["Qualification", "University/Board", "Year", "Percentage/CGPA"]),
            sep.join([d.degree, d.institute, str(d.grad_year), pct]),
        ]
        if rng.random() < 0.6:
            line = rng.choice(SCHOOL_LINES)
            rows.append(sep.join([line.split(" ")[0], "State Board", str(d.grad_year - 4), f"{rng.randint(60, 92)}%"]))
        return rows
    form = rng.randrange(3)
    if form == 0:
        lines = [f"{d.degree} from {d.institute} in {d.grad_year} with {pct}"]
    elif form == 1:
        lines = [f"{d.grad_year} {d.degree}, {d.institute}"]
    else:
        lines = [f"{d.degree}", f"{d.institute} ({d.grad_year - 4}-{d.grad_year})", f"Aggregate: {pct}"]
    if rng.random() < 0.5:
        lines.append(rng.choice(SCHOOL_LINES))
    return lines


def _job_header(rng: random.Random, job: Job, form: int, style: int) -> str:
    span = _span(rng, job, style)
    return [
        f"{job.employer} | {job.title} | {span}",
        f"{job.title} - {job.employer} ({span})",
        f"{span}: {job.title}, {job.employer}",
        f"Company: {job.employer} Designation: {job.title} Duration: {span}",
        f"{job.employer.upper()}, {_date(rng, job.start, 2)} onwards" if job.end is None else f"{job.employer}, {span}",
        f"Worked as {job.title} at {job.employer} from {span.replace(' - ', ' to ')}",
    ][form]


def _skill_block(rng: random.Random, d: Draft, bullet: str) -> list[str]:
    form = rng.randrange(5)
    if form == 0:
        return [", ".join(d.skills)]
    if form == 1:
        return [f"{bullet} {s}" for s in d.skills]
    if form == 2:  # grouped
        half = max(1, len(d.skills) // 2)
        return [
            f"{rng.choice(['Tools', 'Technologies', 'Software', 'Platforms'])}: {', '.join(d.skills[:half])}",
            f"{rng.choice(['Other', 'Domain', 'Concepts', 'Familiar with'])}: {', '.join(d.skills[half:])}",
        ]
    if form == 3:  # flattened table with months
        sep = rng.choice([" | ", "\t"])
        rows = [sep.join(["Skill", "Experience", "Last Used"])]
        for s in d.skills[:8]:
            rows.append(
                sep.join([s, f"{rng.choice([6, 12, 18, 24, 36, 48, 60])} months", str(rng.randint(2019, 2025))])
            )
        return rows
    return [" / ".join(d.skills)]


def render_resume(rng: random.Random, d: Draft) -> str:
    shape = rng.choices(["narrative", "experience", "table", "caps", "short"], weights=[2, 4, 3, 3, 1])[0]
    glyph = rng.choice(BULLETS)
    bullet = _BULLET_SLOT  # the glyph goes in after the mojibake pass, which would mangle it again
    style = rng.randrange(6)
    p = d.person
    contact = rng.choice(
        [
            [p.name, p.address, f"Mobile: {p.phone}", f"Email: {p.email}"],
            [p.name.upper(), f"{p.email} | {p.phone}", p.address],
            [f"{p.name} {p.phone} {p.email}"],
            [p.name, f"E-mail - {p.email}", f"Contact No. {p.phone}"],
        ]
    )
    if d.headline and rng.random() < 0.7:
        contact.insert(1, d.headline)
    total = _total_months(d)
    lines: list[str] = []
    if shape == "short":
        lines = [p.name, d.headline or ("" if d.jobs else "Fresher")]
        lines.append(f"Skills: {', '.join(d.skills[: rng.randint(3, 6)])}")
        if d.jobs:
            lines.append(f"{_years_words(total)} experience at {d.jobs[0].employer}.")
        lines.append(f"{d.degree}, {d.grad_year}.")
        return _damage(rng, lines, glyph, flatten=rng.random() < 0.5)
    if shape == "narrative":
        lines = list(contact)
        head = d.headline or "professional"
        story: list[str] = []
        if d.jobs:
            story.append(
                f"I am {_a(head)} with {_years_words(total)} of experience."
                if rng.random() < 0.6
                else f"{_cap(_a(head))} with around {_years_words(total)} in the industry."
            )
            for i, job in enumerate(reversed(d.jobs)):
                verb = (
                    "I started my career" if i == 0 else rng.choice(["Then I moved", "Later I joined", "Next I moved"])
                )
                at = (
                    f"at {job.employer} as {job.title} in {job.start[0]}"
                    if i == 0
                    else f"to {job.employer} as {job.title}"
                )
                story.append(f"{verb} {at}, where I {'; '.join(job.duties[:3])}.")
            if d.changer_from is not None:
                story.append(_objective(rng, d))
        else:
            story.append(f"I completed {d.degree} in {d.grad_year} and am looking to start as {_a(head)}.")
        story.append(f"My tool kit includes {', '.join(d.skills)}.")
        if rng.random() < 0.6:
            story.append(f"Outside work I enjoy {', '.join(h.lower() for h in d.extras['hobbies'])}.")
        lines += ["PROFILE" if rng.random() < 0.5 else "About Me", " ".join(story)]
        lines += ["EDUCATION", *_education_lines(rng, d, table=False)]
        if rng.random() < 0.5:
            lines += ["Personal Details", *_personal(rng, d)]
        return _damage(rng, lines, glyph, flatten=rng.random() < FLATTEN_P)

    sections: list[tuple[str, list[str]]] = []
    table = shape == "table"
    if rng.random() < 0.6 or d.changer_from is not None:
        sections.append((rng.choice(["CAREER OBJECTIVE", "OBJECTIVE", "Objective:"]), [_objective(rng, d)]))
    if d.jobs and rng.random() < 0.6:
        summary = [f"{_years_words(total)} of total experience."]
        summary += [f"{bullet} {job.duties[0][0].upper()}{job.duties[0][1:]}" for job in d.jobs[:2]]
        sections.append((rng.choice(["PROFESSIONAL SUMMARY", "Summary", "EXPERIENCE SUMMARY"]), summary))
    skills = (
        rng.choice(["TECHNICAL SKILLS", "SKILLS", "Key Skills", "AREAS OF EXPERTISE", "IT Skills"]),
        _skill_block(rng, d, bullet),
    )
    sections.append(skills)
    if d.jobs:
        exp: list[str] = []
        history = list(d.jobs) if rng.random() >= OLDEST_FIRST_P else list(reversed(d.jobs))
        form = rng.randrange(6)
        if table:
            sep = rng.choice([" | ", "\t"])
            exp.append(sep.join(["Organisation", "Designation", "From", "To"]))
            for job in history:
                exp.append(
                    sep.join([job.employer, job.title, _date(rng, job.start, style), _date(rng, job.end, style)])
                )
            for job in history:
                exp.append(f"Roles and Responsibilities at {job.employer}:")
                exp += [f"{bullet} {t[0].upper()}{t[1:]}" for t in job.duties]
        else:
            for job in history:
                exp.append(_job_header(rng, job, form, style))
                if rng.random() < CLIENT_BLURB_P:
                    exp.append(rng.choice(CLIENT_BLURBS))
                exp += [f"{bullet} {t[0].upper()}{t[1:]}." for t in job.duties]
        sections.append(
            (rng.choice(["PROFESSIONAL EXPERIENCE", "WORK EXPERIENCE", "Employment History", "EXPERIENCE"]), exp)
        )
    if d.projects:
        proj = []
        for name in d.projects:
            proj.append(f"Project: {name}")
            if rng.random() < 0.6:
                proj.append(f"Technologies: {', '.join(rng.sample(d.skills, min(3, len(d.skills))))}")
            if d.long:
                work = rng.sample(d.occ.duties, 2)
                proj.append(f"Description: In this project I {work[0]} and {work[1]}.")
                proj.append(f"Team size: {rng.randint(3, 15)} Role: {rng.choice(d.occ.titles)}")
        sections.append((rng.choice(["PROJECTS", "ACADEMIC PROJECTS", "Projects Undertaken"]), proj))
    education = (
        rng.choice(["EDUCATION", "EDUCATIONAL QUALIFICATION", "Academic Qualification"]),
        _education_lines(rng, d, table),
    )
    sections.append(education)
    if rng.random() < 0.5:
        sections.append(("STRENGTHS", [f"{bullet} {s}" for s in d.extras["soft"]]))
    if d.extras["awards"] and rng.random() < 0.6:
        sections.append(("ACHIEVEMENTS", [f"{bullet} {a}" for a in d.extras["awards"]]))
    if rng.random() < SKILLS_LAST_P:  # the skills table comes after the history and education
        sections.remove(skills)
        sections.append(skills)
    personal = ("PERSONAL DETAILS", _personal(rng, d))
    if rng.random() < 0.6:
        sections.append(personal)
    if rng.random() < 0.45:
        sections.append(("DECLARATION", [rng.choice(DECLARATIONS), f"Place: {p.address.split(', ')[-1]}"]))
    if rng.random() < LEAD_WITH_EDUCATION_P:
        sections.remove(education)
        sections.insert(0, education)
    if rng.random() < LEAD_WITH_PERSONAL_P:  # Indian CVs often open with father's name, birth date, address
        if personal in sections:
            sections.remove(personal)
        father = f"Father's Name: {rng.choice(GIVEN_NAMES)} {p.name.split()[-1]}"
        sections.insert(0, ("PERSONAL PROFILE", [f"Name: {p.name}", father, *personal[1], f"Address: {p.address}"]))
    lines = list(contact)
    if shape == "caps":
        # headers in capitals glued to the text that follows, as PDF extraction leaves them
        for header, body in sections:
            lines.append(header.upper().rstrip(":") + " ".join(body))
        return _damage(rng, lines, glyph, flatten=True)
    for header, body in sections:
        lines += [header, *body]
    return _damage(rng, lines, glyph, flatten=rng.random() < FLATTEN_P)


_BULLET_SLOT = "\x00"
_MOJIBAKE = {"’": "â€™", "–": "â€“", "—": "â€”", "'": "â€™", "“": "â€œ"}


def _typo(rng: random.Random, word: str) -> str:
    if len(word) < 5 or not word.isalpha():
        return word
    i = rng.randrange(1, len(word) - 2)
    kind = rng.randrange(3)
    if kind == 0:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == 1:
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]


def _damage(rng: random.Random, lines: Sequence[str], glyph: str, flatten: bool) -> str:
    text = "\n".join(line for line in lines if line)
    if rng.random() < 0.6:
        table = dict(_MOJIBAKE) if rng.random() < 0.5 else {k: v for k, v in _MOJIBAKE.items() if k != "'"}
        # one pass, so the "“" inside a mangled en dash ("â€“") is not mangled again
        text = re.sub("|".join(map(re.escape, table)), lambda m: table[m.group(0)], text)
    text = text.replace(_BULLET_SLOT, glyph)
    words = text.split(" ")
    words = [_typo(rng, w) if rng.random() < TYPO_P else w for w in words]
    text = " ".join(words)
    if flatten:
        keep = rng.random() < 0.3  # a few breaks survive
        text = "".join(
            ch if ch != "\n" else ("\n" if keep and rng.random() < 0.15 else rng.choice([" ", " ", "  ", " "]))
            for ch in text
        )
    return text.strip()


# ------------------------------------------------------------------------------------------- postings


def render_posting(rng: random.Random, occ: Occupation, used_titles: set[str]) -> str:
    titles = [t for t in occ.ad_titles if t not in used_titles] or list(occ.ad_titles)
    title = _seniorise(rng, rng.choice(titles))
    used_titles.add(title)
    co = rng.choice(COMPANY_NAMES)
    place = rng.choice(PLACES)
    years = rng.choice(["0-2", "2-4", "3-6", "5+", "4-8", "1-3"])
    duties = rng.sample(occ.ad_duties, rng.randint(2, min(4, len(occ.ad_duties))))
    reqs = rng.sample(occ.ad_reqs, rng.randint(2, min(4, len(occ.ad_reqs))))
    neighbours = [BY_NAME[n] for n in CONFUSABLE[occ.name]]
    for _ in range(rng.randint(*POSTING_NEIGHBOUR_LINES)):
        nb = rng.choice(neighbours)
        if rng.random() < 0.5:
            duties.append(rng.choice(nb.ad_duties))
        else:
            reqs.append(rng.choice(nb.ad_reqs))
    n_names = rng.randint(*POSTING_OWN_SKILL_NAMES)
    if n_names:
        reqs.append("Tools you may use: " + ", ".join(rng.sample(occ.skills, n_names)))
    reqs += rng.sample(GENERIC_EXPECTATIONS, rng.randint(*POSTING_GENERIC_LINES))
    rng.shuffle(reqs)
    benefits = rng.sample(BENEFITS, rng.randint(2, 5))
    blurb = rng.choice(BLURBS).format(co=co) + " " + " ".join(rng.sample(TEAM_LINES, rng.randint(1, 2)))
    eeo = rng.choice(EEO_LINES).format(co=co)
    mark = rng.choice(["- ", "• ", "* ", ""])
    layout = rng.randrange(3)
    if layout == 0:
        lines = [
            title,
            f"{co} - {place} - {rng.choice(['Full-time', 'Permanent', 'Contract (12 months)', 'Hybrid'])}",
            f"Experience: {years} years",
            "",
            "About us",
            blurb,
            "",
            rng.choice(["What you will do", "Key Responsibilities", "The role"]),
            *[mark + x for x in duties],
            "",
            rng.choice(["What we are looking for", "Requirements", "Skills & Qualifications"]),
            *[mark + x for x in reqs],
            "",
            rng.choice(["Benefits", "What we offer", "Perks"]),
            *[mark + x for x in benefits],
            "",
            eeo,
        ]
    elif layout == 1:
        lines = [
            f"Job Title: {title}",
            f"Location: {place}",
            f"Company: {co}",
            f"Salary: {rng.choice(['Competitive', 'As per industry standards', 'Up to 12 LPA', 'GBP 38,000 - 46,000'])}",
            "",
            f"Job Description: {blurb} We are hiring a {title} to join our team.",
            "Responsibilities: " + " ".join(f"{x}." for x in duties),
            "Required Skills: " + "; ".join(reqs) + ".",
            "Benefits: " + ", ".join(benefits) + ".",
            eeo,
        ]
    else:
        lines = [
            f"We're hiring! {title} ({years} yrs) | {place}",
            "",
            blurb,
            "",
            f"As our {title} you will " + "; ".join(x[0].lower() + x[1:] for x in duties) + ".",
            "",
            "You have:",
            *[mark + x for x in reqs],
            "",
            "Why join us? " + ". ".join(benefits) + ".",
            "",
            eeo,
            "To apply, send your CV to careers@" + co.split()[0].lower() + ".com",
        ]
    return "\n".join(lines)


# ------------------------------------------------------------------------------------------------- set


@dataclass
class HeldoutSet:
    jobs: list[dict[str, str]]
    candidates: list[dict[str, str]]
    qrels: list[dict[str, object]]
    occupation_of: dict[str, str] = field(default_factory=dict)  # resume or posting id -> occupation


def _counts(rng: random.Random) -> list[int]:
    counts = [rng.randint(MIN_PER_OCC, MAX_PER_OCC) for _ in OCCUPATIONS]
    while sum(counts) != N_RESUMES:
        i = rng.randrange(len(counts))
        if sum(counts) > N_RESUMES and counts[i] > MIN_PER_OCC:
            counts[i] -= 1
        elif sum(counts) < N_RESUMES and counts[i] < MAX_PER_OCC:
            counts[i] += 1
    return counts


def generate_heldout(seed: int) -> HeldoutSet:
    rng = random.Random(seed)
    resumes: list[tuple[Occupation, str]] = []
    for occ, n in zip(OCCUPATIONS, _counts(rng), strict=True):
        for _ in range(n):
            # each document draws from its own stream, so editing one template does not reshuffle the rest
            own = random.Random(rng.getrandbits(64))
            resumes.append((occ, render_resume(own, make_draft(own, occ))))
    rng.shuffle(resumes)
    candidates = [{"id": f"h-cand-{i + 1:03d}", "text": text} for i, (_, text) in enumerate(resumes)]
    occupation_of = {c["id"]: occ.name for c, (occ, _) in zip(candidates, resumes, strict=True)}
    postings: list[tuple[Occupation, str]] = []
    for occ in OCCUPATIONS:
        used: set[str] = set()
        postings += [
            (occ, render_posting(random.Random(rng.getrandbits(64)), occ, used)) for _ in range(POSTINGS_PER_OCC)
        ]
    rng.shuffle(postings)
    jobs = [{"id": f"h-job-{i + 1:03d}", "text": text} for i, (_, text) in enumerate(postings)]
    occupation_of.update({j["id"]: occ.name for j, (occ, _) in zip(jobs, postings, strict=True)})
    qrels: list[dict[str, object]] = [
        {
            "job_id": job["id"],
            "candidate_id": cand["id"],
            "gain": int(occupation_of[job["id"]] == occupation_of[cand["id"]]),
            "missing": [],
        }
        for job in jobs
        for cand in candidates
    ]
    return HeldoutSet(jobs=jobs, candidates=candidates, qrels=qrels, occupation_of=occupation_of)
