"""Generator for the pasted B-like set: resumes as pasted from PDFs, postings written independently.

Every resume is assembled from optional blocks (skills in one of several shapes, "Skill Details" with months,
objective, summary, "Education Details", "Company Details" with descriptions, projects, personal details,
declaration) in a random order, then damaged the way copy-paste damages text: few line breaks, mojibake
bullets and quotes, spelling slips. Resumes borrow skills and sometimes whole past jobs from neighbouring
occupations (a Python developer and a data scientist both list Python). Postings use their own titles and
phrasing. Gain 1 for resumes of the job's occupation, 0 otherwise; every job is ranked over all resumes.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from eval.pasted_data import OCCUPATIONS, PASTED_OCCUPATION_SIZES, Occupation
from eval.textkit import FIRST_NAMES, LAST_NAMES, MONTHS, cap

BY_NAME = {o.name: o for o in OCCUPATIONS}
# Difficulty knobs, tuned so the TF-IDF and MiniLM baselines land near the hidden set's reference figures.
BORROW_P = 0.9  # share of resumes listing skills of neighbouring occupations
BORROW_MAX = 5  # at most this many skills from each neighbour
CAREER_CHANGE = 0.45  # share of past jobs taken from a neighbouring (or any) occupation
JOB_NEIGHBOUR_LINES = 3  # posting lines borrowed from neighbouring occupations' postings
JOB_OWN_LINES = (2, 3)  # duties and requirements of the occupation itself (each)
JOB_GENERIC_LINES = (2, 5)  # generic expectations every posting carries (communication, reports, deadlines...)
WORDY_P = 0.3  # share of resumes padded with generic duties, as many real resumes are
PROSE_P = 0.3  # share of resumes with a narrative paragraph (many function words, as postings have)
SKILLS_FIRST_P = 0.5  # share of resumes opening with their skills (the rest open with objective, education...)
STUFFER_P = 0.12  # share of keyword-stuffed resumes listing skills of several unrelated occupations
JOBS_PER_OCCUPATION_EXTRA = (
    "Java Developer",
    "Testing",
    "DevOps Engineer",
    "Python Developer",
    "Data Science",
    "HR",
    "Sales",
    "Web Designing",
    "Operations Manager",
    "Hadoop",
)
INDIAN_UNIVERSITIES = (
    "Pune University",
    "Savitribai Phule Pune University",
    "Mumbai University",
    "RTMNU Nagpur",
    "Anna University",
    "VTU Belgaum",
    "Osmania University",
    "Shivaji University",
    "Amravati University",
    "Gujarat University",
    "Delhi University",
    "JNTU Hyderabad",
    "Rajasthan Technical University",
    "Kolhapur University",
)
CITIES_IN = ("Pune", "Mumbai", "Nagpur", "Bangalore", "Hyderabad", "Chennai", "Delhi", "Noida", "Ahmedabad", "Indore")
STATES = ("Maharashtra", "Karnataka", "Telangana", "Tamil Nadu", "Gujarat", "Madhya Pradesh", "Uttar Pradesh")
COMPANY_WORDS = (
    "Infotech",
    "Solutions",
    "Technologies",
    "Pvt Ltd",
    "Enterprises",
    "Industries",
    "Consultancy Services",
    "Systems",
    "Software Pvt. Ltd.",
    "Constructions",
    "Associates",
    "Global Services",
    "Engineering Works",
)
COMPANY_HEADS = (
    "Shree",
    "Apex",
    "Vertex",
    "Sai",
    "Tech Mahendra",
    "Infinite",
    "Nexus",
    "Sigma",
    "Cybage",
    "Zensar",
    "Pinnacle",
    "Orion",
    "Bharat",
    "Vision",
    "Quantum",
    "Synergy",
    "Kalpataru",
    "Om",
    "Neo",
    "Everest",
    "Skyline",
)
GENERIC_SKILLS = (
    "MS Office",
    "MS Word",
    "MS Excel",
    "Windows",
    "Internet",
    "Communication Skills",
    "Team Work",
    "Leadership",
    "Time Management",
    "Problem Solving",
    "Typing",
    "Tally",
    "C",
    "C++",
    "SDLC",
    "Agile",
)
PROSE = (
    "I am a dedicated and hard working professional who enjoys working with people and learning new things every day.",
    "In my previous role I was responsible for supporting the team and the clients and for making sure that the work was delivered on time and to a high standard.",
    "I have worked with cross functional teams to improve processes and to deliver results for the business and its customers.",
    "I am looking for an opportunity where I can use my experience and my skills to add value to the organisation and to grow with it.",
    "My strengths are communication, ownership and the ability to manage multiple tasks and priorities in a fast paced environment.",
    "I believe in continuous learning and I have completed several trainings and certifications to keep my knowledge up to date.",
    "I have experience in preparing reports and presentations for the management and in handling the queries of the stakeholders.",
    "I can work independently as well as in a team and I am comfortable with new tools and technologies.",
    "During my career I have built good relationships with my colleagues, my managers and the customers that I have worked with.",
    "I take pride in the quality of my work and in the trust that my team and my clients have in me.",
)
OBJECTIVES = (
    "To work in a challenging environment where I can utilise my skills and knowledge for the growth of the organisation.",
    "Seeking a position in a reputed organisation where I can enhance my skills and contribute to company's success.",
    "To obtain a responsible position that offers professional growth while being resourceful, innovative and flexible.",
    "Looking for an opportunity to build my career with a progressive company.",
    "To secure a challenging position in a reputable organization to expand my learnings, knowledge, and skills.",
)
STRENGTHS = (
    "Quick learner",
    "Hard working",
    "Positive attitude",
    "Good communication skills",
    "Team player",
    "Self motivated",
    "Ability to work under pressure",
    "Punctual",
    "Adaptable",
    "Honest",
)
MISSPELL = {
    "experience": "exprience",
    "responsibilities": "responsiblities",
    "management": "managment",
    "knowledge": "knowlege",
    "development": "developement",
    "environment": "enviroment",
    "successfully": "sucessfully",
    "maintenance": "maintainance",
    "professional": "proffesional",
    "achievements": "acheivements",
    "technical": "techincal",
    "organisation": "orgnisation",
    "requirements": "requirments",
    "developed": "devloped",
    "received": "recieved",
}
BULLETS = ("â€¢", "â¢", "•", "ï‚·", "-", "*", "â–ª", "âž¢", "Ø", "â—")


@dataclass
class PastedSet:
    jobs: list[dict[str, str]]
    candidates: list[dict[str, str]]
    qrels: list[dict[str, object]]


# -------------------------------------------------------------------------------------------- damage


def mojibake(text: str, rng: random.Random, strength: float) -> str:
    if rng.random() > strength:
        return text
    replacements = [("’", "â€™"), ("'", "â€™"), ("–", "â€“"), ("é", "Ã©"), ("“", "â€œ"), ("”", "â€\x9d")]
    for old, new in replacements:
        if rng.random() < 0.8:
            text = text.replace(old, new)
    return text


def typos(text: str, rng: random.Random, rate: float) -> str:
    out = []
    for word in text.split(" "):
        lower = word.lower().strip(".,:;")
        damaged = word
        if lower in MISSPELL and rng.random() < 0.6:
            damaged = word.replace(lower, MISSPELL[lower]).replace(cap(lower), cap(MISSPELL[lower]))
        elif len(word) > 4 and word.isalpha() and rng.random() < rate:
            i = rng.randrange(1, len(word) - 2)
            kind = rng.randrange(3)
            if kind == 0:
                damaged = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
            elif kind == 1:
                damaged = word[:i] + word[i + 1 :]
            else:
                damaged = word[:i] + word[i] + word[i:]
        out.append(damaged)
    return " ".join(out)


# ------------------------------------------------------------------------------------------- resumes


def _company(rng: random.Random) -> str:
    return f"{rng.choice(COMPANY_HEADS)} {rng.choice(COMPANY_WORDS)}"


def _months_text(rng: random.Random) -> str:
    return rng.choice(
        ["Less than 1 year", "6", "12", "18", "24", "30", "36", "48", "60", "72", "84", "Less than 1 year"]
    )


def _pick_skills(rng: random.Random, occ: Occupation, borrow: float) -> list[str]:
    own = rng.sample(occ.skills, rng.randint(min(3, len(occ.skills)), len(occ.skills)))
    borrowed: list[str] = []
    if rng.random() < borrow:
        for near in rng.sample(occ.near, min(len(occ.near), rng.randint(1, 3))):
            borrowed += rng.sample(BY_NAME[near].skills, rng.randint(1, BORROW_MAX))
    generic = rng.sample(GENERIC_SKILLS, rng.randint(0, 4))
    skills = list(dict.fromkeys(own + borrowed + generic))
    rng.shuffle(skills)
    return skills


def _skills_block(rng: random.Random, skills: list[str], bullet: str) -> str:
    shape = rng.randrange(5)
    if shape == 0:
        return "Skills " + " ".join(f"{bullet} {s}" for s in skills)
    if shape == 1:
        return "TECHNICAL SKILLS: " + ", ".join(skills)
    if shape == 2:
        half = max(1, len(skills) // 2)
        return f"Key Skills:- {', '.join(skills[:half])} Tools/Other: {', '.join(skills[half:])}"
    if shape == 3:
        return "SKILLS " + " ".join(f"{bullet}{s}" for s in skills)
    return "Core Competencies " + " | ".join(skills)


def _skill_details(rng: random.Random, skills: list[str]) -> str:
    shown = skills[: rng.randint(2, max(2, min(len(skills), 9)))]
    return "Skill Details " + " ".join(f"{s}- Exprience - {_months_text(rng)} months" for s in shown)


def _education(rng: random.Random, occ: Occupation) -> str:
    year = rng.randint(2004, 2019)
    month = rng.choice(["January", "May", "June", "July", "March", "April"])
    degree = rng.choice(occ.degrees)
    city = rng.choice(CITIES_IN)
    uni = rng.choice(INDIAN_UNIVERSITIES)
    shape = rng.randrange(4)
    if shape == 0:
        parts = [f"Education Details {month} {year} {degree} {city}, {rng.choice(STATES)} {uni}"]
        if rng.random() < 0.6:
            parts.append(
                f"{month} {year - 4} HSC {city} {rng.choice(['State Board', 'Maharashtra State Board', 'CBSE'])}"
            )
        if rng.random() < 0.4:
            parts.append(f"January {year - 6} SSC {city} State Board")
        return " ".join(parts)
    if shape == 1:
        return f"EDUCATION {degree} from {uni} in {year} with {rng.randint(55, 82)}% marks."
    if shape == 2:
        return f"Education: {degree} ({year}), {uni}; 12th ({year - 4}) {rng.randint(60, 90)}%; 10th ({year - 6}) {rng.randint(60, 95)}%"
    return f"Qualification {degree} {uni} {year}"


GENERIC_WORK = (
    "Coordinated with team members and seniors to complete tasks on time",
    "Prepared documentation and reports for management review",
    "Attended client meetings and daily calls",
    "Trained new joiners on processes and tools",
    "Handled escalations and resolved issues within timelines",
    "Maintained records and files as per company standards",
    "Participated in internal audits and reviews",
    "Worked closely with cross functional teams",
    "Received appreciation from management for good performance",
    "Supported the team during peak workload and month end",
)
PREFIXES = ("", "", "", "Successfully ", "Independently ", "Actively ", "Also ")


def _work_sentences(rng: random.Random, occ: Occupation, n: int, used: set[str] | None = None) -> list[str]:
    """n sentences about the work, not repeating within one resume; generic filler once the pool runs dry."""
    used = used if used is not None else set()
    fresh = [w for w in occ.work if w not in used]
    picked = rng.sample(fresh, min(n, len(fresh)))
    used.update(picked)
    out = []
    for sentence in picked:
        prefix = rng.choice(PREFIXES)
        out.append(prefix + (sentence[0].lower() + sentence[1:] if prefix else sentence))
    spare = [g for g in GENERIC_WORK if g not in used]
    while len(out) < n and spare and rng.random() < 0.7:
        g = spare.pop(rng.randrange(len(spare)))
        used.add(g)
        out.append(g)
    return out


def _company_block(rng: random.Random, occ: Occupation, bullet: str, n_sent: int, used: set[str]) -> str:
    sentences = _work_sentences(rng, occ, n_sent, used)
    company = _company(rng)
    shape = rng.randrange(3)
    if shape == 0:
        body = " ".join(f"{bullet} {s}" for s in sentences)
        return f"company - {company} description - {body}"
    if shape == 1:
        start = rng.randint(2010, 2021)
        end = rng.choice([str(start + rng.randint(1, 5)), "Till Date", "Present", "till date"])
        return (
            f"{rng.choice(occ.designations)} {company}, {rng.choice(CITIES_IN)} "
            f"{rng.choice(MONTHS)} {start} to {end} Roles and Responsibilities: " + ". ".join(sentences) + "."
        )
    return f"Worked as {rng.choice(occ.designations)} in {company} from {rng.randint(2009, 2021)}. " + " ".join(
        f"{bullet} {s}." for s in sentences
    )


def _project_block(rng: random.Random, occ: Occupation, skills: list[str], used: set[str], most: int) -> str:
    name = rng.choice(
        [
            "Inventory",
            "Hospital",
            "Online Shopping",
            "Student Portal",
            "Payroll",
            "Banking",
            "Smart City",
            "Insurance Claims",
            "Hotel Booking",
            "CRM",
            "Library",
            "Fleet Tracking",
        ]
    )
    tech = ", ".join(rng.sample(skills, min(len(skills), rng.randint(2, 4))))
    sentences = _work_sentences(rng, occ, rng.randint(1, most), used)
    return (
        f"Project: {name} {rng.choice(['System', 'Management', 'Application', 'Portal'])} "
        f"Environment: {tech} Description: " + " ".join(sentences) + f" Team Size: {rng.randint(2, 12)}"
    )


def _personal(rng: random.Random) -> str:
    return (
        f"PERSONAL DETAILS Date of Birth: {rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/"
        f"{rng.randint(1980, 1999)} Gender: {rng.choice(['Male', 'Female'])} Nationality: Indian "
        f"Marital Status: {rng.choice(['Single', 'Married', 'Unmarried'])} Languages Known: "
        f"{', '.join(rng.sample(['English', 'Hindi', 'Marathi', 'Telugu', 'Tamil', 'Gujarati'], 3))}"
    )


def make_resume(rng: random.Random, occ: Occupation) -> str:
    bullet = rng.choice(BULLETS)
    length = rng.choices(["tiny", "short", "medium", "long", "very long"], weights=[1, 3, 4, 3, 2])[0]
    skills = _pick_skills(rng, occ, borrow=BORROW_P)
    own = [s for s in skills if s in occ.skills]
    stuffer = rng.random() < STUFFER_P
    if stuffer:
        for other in rng.sample(OCCUPATIONS, rng.randint(3, 6)):
            skills += [s for s in rng.sample(other.skills, rng.randint(3, 6)) if s not in skills]
    designation = rng.choice(occ.designations)
    years = rng.choice(["1", "2", "2.5", "3", "4", "5", "6+", "8", "10+", "fresher"])
    summary = (
        f"Fresher {designation} with good knowledge of {', '.join(own[:3])}."
        if years == "fresher"
        else rng.choice(
            [
                f"Having {years} years of experience as {designation}.",
                f"{designation} with total {years} yrs exp in {', '.join(own[:2])}.",
                f"Profile summary: {years} years experience. Worked on {', '.join(own[:4])}.",
            ]
        )
    )
    n_companies = {
        "tiny": 0,
        "short": 1,
        "medium": rng.randint(1, 2),
        "long": rng.randint(2, 3),
        "very long": rng.randint(4, 6),
    }[length]
    n_sent = {"tiny": 1, "short": 2, "medium": 4, "long": 6, "very long": 9}[length]
    blocks: list[str] = []
    used: set[str] = set()
    if length == "tiny":
        blocks = [summary if rng.random() < 0.5 else designation, _skills_block(rng, own[:3] + skills[:2], bullet)]
        if rng.random() < 0.5:
            blocks.append(_education(rng, occ))
    else:
        head = [_skills_block(rng, skills, bullet)]
        if rng.random() < 0.6:
            head.append(_skill_details(rng, skills))
        rng.shuffle(head)
        skills_first = rng.random() < SKILLS_FIRST_P
        if skills_first:
            blocks += head
        middle = [_education(rng, occ)]
        if rng.random() < 0.5:
            middle.append("Career Objective: " + rng.choice(OBJECTIVES))
        if rng.random() < 0.6:
            middle.append(summary)
        rng.shuffle(middle)
        blocks += middle
        companies: list[str] = []
        for _ in range(n_companies):
            # career changers: one past job from a neighbouring or random occupation
            source = occ
            if rng.random() < CAREER_CHANGE:
                source = BY_NAME[rng.choice(occ.near)] if rng.random() < 0.7 else rng.choice(OCCUPATIONS)
            if length == "very long":
                used = set()  # long resumes repeat the same duties under every employer, as real ones do
            companies.append(_company_block(rng, source, bullet, n_sent, used))
        if companies:
            blocks.append(("Company Details " if rng.random() < 0.6 else "WORK EXPERIENCE ") + " ".join(companies))
        if not skills_first:  # many pasted resumes open with objective and education, skills come later
            for block in head:
                blocks.insert(rng.randrange(len(blocks) // 2, len(blocks) + 1), block)
        if length in ("long", "very long") or rng.random() < 0.3:
            for _ in range(1 if length != "very long" else rng.randint(3, 5)):
                if length == "very long":
                    used = set()
                blocks.append(_project_block(rng, occ, skills, used, 5 if length == "very long" else 3))
        if rng.random() < PROSE_P:
            blocks.insert(rng.randrange(len(blocks) + 1), " ".join(rng.sample(PROSE, rng.randint(3, 7))))
        if rng.random() < WORDY_P:
            blocks.append("Other Responsibilities: " + ". ".join(rng.sample(GENERIC_WORK, rng.randint(3, 7))) + ".")
            blocks.append("Strengths: " + ", ".join(rng.sample(STRENGTHS, 6)))
        elif rng.random() < 0.4:
            blocks.append("Strengths: " + ", ".join(rng.sample(STRENGTHS, 4)))
        if rng.random() < 0.35:
            blocks.insert(0 if rng.random() < 0.4 else len(blocks), _personal(rng))
        if rng.random() < 0.3:
            blocks.append(
                "Declaration: I hereby declare that the above information is true to the best of my knowledge."
            )
    if rng.random() < 0.3:
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        blocks.insert(0, f"{name} {rng.choice(CITIES_IN)}")
    separator = rng.choices([" ", "\n", "\r\n", "  "], weights=[6, 2, 2, 1])[0]
    text = separator.join(blocks)
    text = typos(text, rng, rate=rng.choice([0.0, 0.01, 0.02, 0.04]))
    return mojibake(text, rng, strength=0.7)


# ---------------------------------------------------------------------------------------------- jobs


GENERIC_JOB_LINES = (
    "Excellent written and verbal communication skills",
    "Ability to manage multiple tasks, prioritise and meet deadlines",
    "Strong problem solving skills and attention to detail",
    "Comfortable with MS Excel and other office tools",
    "Experience preparing reports and documentation for management",
    "You will work closely with cross functional teams and clients",
    "Prior experience training or mentoring new team members is a plus",
    "A team player with a positive attitude and willingness to learn",
    "Handle escalations calmly and resolve issues on time",
    "Good understanding of processes, quality standards and compliance",
    "Graduate degree in a relevant discipline",
    "Ownership mindset and ability to work independently",
)
EEO = (
    "We are an equal opportunity employer and value diversity at our company.",
    "All qualified applicants will receive consideration for employment without regard to protected characteristics.",
    "",
)
PERKS = (
    "Competitive salary",
    "Health insurance for you and your family",
    "Hybrid working",
    "Learning budget",
    "Annual bonus",
    "Generous leave policy",
    "Employee stock options",
    "Wellness allowance",
)


def make_job(rng: random.Random, occ: Occupation, title: str) -> str:
    company = f"{rng.choice(['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli', 'Vandelay', 'Soylent', 'Tyrell'])} {rng.choice(['Corp', 'Group', 'Labs', 'Inc.', 'Ltd', 'Holdings'])}"
    location = rng.choice(
        ["Pune", "Bengaluru", "Hyderabad", "Remote (India)", "London", "Singapore", "Mumbai", "Hybrid - Chennai"]
    )
    duties = rng.sample(occ.duties, rng.randint(JOB_OWN_LINES[0], min(JOB_OWN_LINES[1], len(occ.duties))))
    reqs = rng.sample(occ.reqs, rng.randint(JOB_OWN_LINES[0], min(JOB_OWN_LINES[1], len(occ.reqs))))
    # postings mention adjacent work too (a data engineer posting asks for database tuning)
    for near in rng.sample(occ.near, min(len(occ.near), JOB_NEIGHBOUR_LINES)):
        other = BY_NAME[near]
        if rng.random() < 0.5:
            duties.insert(rng.randrange(len(duties) + 1), rng.choice(other.duties))
        else:
            reqs.insert(rng.randrange(len(reqs) + 1), rng.choice(other.reqs))
    nice = rng.sample(occ.nice, rng.randint(1, len(occ.nice)))
    for line in rng.sample(GENERIC_JOB_LINES, rng.randint(*JOB_GENERIC_LINES)):
        if not line.startswith(("You will", "Handle")):
            reqs.insert(rng.randrange(len(reqs) + 1), line)
        else:
            duties.insert(rng.randrange(len(duties) + 1), line)
    perks = rng.sample(PERKS, 3)
    blurb = rng.choice(
        [
            f"{company} builds products used by millions of customers.",
            f"{company} is a mid-sized firm growing quickly across Asia and Europe.",
            f"At {company}, we are a team of {rng.randint(50, 5000)} people who care about doing good work.",
            f"{company} is expanding its team in {location}.",
        ]
    )
    layout = rng.randrange(3)
    if layout == 0:
        lines = [f"{title}", f"{company} | {location}", "", blurb, "", "What you will do:"]
        lines += [f"- {d}" for d in duties] + ["", "What we are looking for:"] + [f"- {r}" for r in reqs]
        lines += ["", "Nice to have:"] + [f"- {n}" for n in nice] + ["", "Perks: " + ", ".join(perks), rng.choice(EEO)]
    elif layout == 1:
        lines = [
            f"Position: {title}",
            f"Location: {location}",
            f"Company: {company}",
            "",
            "Role overview",
            f"{blurb} We are hiring a {title} to {duties[0][0].lower() + duties[0][1:]}.",
            "",
            "Key responsibilities",
        ] + [f"* {d}." for d in duties[1:]]
        lines += ["", "Requirements"] + [f"* {r}." for r in reqs] + ["", "Desirable: " + "; ".join(nice) + "."]
    else:
        lines = [
            f"{title.upper()} - {location.upper()}",
            "",
            blurb + " " + " ".join(d + "." for d in duties),
            "",
            "You have: " + "; ".join(reqs) + ".",
            "Bonus: " + "; ".join(nice) + ".",
            "",
            "We offer: " + ", ".join(perks) + ".",
            rng.choice(EEO),
        ]
    return "\n".join(lines).strip() + "\n"


# ----------------------------------------------------------------------------------------------- set


def generate_pasted(seed: int) -> PastedSet:
    rng = random.Random(seed)
    candidates: list[dict[str, str]] = []
    occupation_of: dict[str, str] = {}
    plan = [name for name, size in PASTED_OCCUPATION_SIZES.items() for _ in range(size)]
    rng.shuffle(plan)
    for i, name in enumerate(plan):
        cid = f"b-res-{i + 1:04d}"
        candidates.append({"id": cid, "text": make_resume(rng, BY_NAME[name])})
        occupation_of[cid] = name
    job_plan: list[tuple[Occupation, str]] = []
    for occ in OCCUPATIONS:
        n = 3 if occ.name in JOBS_PER_OCCUPATION_EXTRA else 2
        for title in rng.sample(occ.titles, n):
            job_plan.append((occ, title))
    rng.shuffle(job_plan)
    jobs: list[dict[str, str]] = []
    qrels: list[dict[str, object]] = []
    for i, (occ, title) in enumerate(job_plan):
        job_id = f"b-job-{i + 1:03d}"
        jobs.append({"id": job_id, "text": make_job(rng, occ, title)})
        for cand in candidates:
            gain = 1 if occupation_of[cand["id"]] == occ.name else 0
            qrels.append({"job_id": job_id, "candidate_id": cand["id"], "gain": gain, "missing": []})
    return PastedSet(jobs=jobs, candidates=candidates, qrels=qrels)
