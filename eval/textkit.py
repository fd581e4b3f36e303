"""Small text helpers shared by the set generators: names, companies, tense, dates."""

from __future__ import annotations

import random

FIRST_NAMES = [
    "Aisha",
    "Alex",
    "Amara",
    "Ana",
    "Andrei",
    "Arjun",
    "Beatriz",
    "Ben",
    "Carlos",
    "Chen",
    "Chloe",
    "Daniel",
    "Deepa",
    "Diego",
    "Elena",
    "Emeka",
    "Emily",
    "Fatima",
    "Felix",
    "Grace",
    "Hannah",
    "Hiro",
    "Ibrahim",
    "Isabel",
    "Jamal",
    "James",
    "Jin",
    "Joanna",
    "Jorge",
    "Julia",
    "Kai",
    "Karen",
    "Kwame",
    "Laura",
    "Leila",
    "Liam",
    "Lucia",
    "Maria",
    "Mark",
    "Mei",
    "Mohammed",
    "Nadia",
    "Naveen",
    "Nina",
    "Noah",
    "Olga",
    "Omar",
    "Pedro",
    "Priya",
    "Rahul",
    "Ravi",
    "Rosa",
    "Samir",
    "Sara",
    "Sean",
    "Sofia",
    "Sunita",
    "Tariq",
    "Thomas",
    "Tomasz",
    "Vanessa",
    "Victor",
    "Wei",
    "Yusuf",
    "Zara",
    "Zoe",
]
LAST_NAMES = [
    "Adams",
    "Ahmed",
    "Alvarez",
    "Anderson",
    "Bakshi",
    "Banerjee",
    "Barnes",
    "Becker",
    "Brooks",
    "Campbell",
    "Castillo",
    "Chen",
    "Costa",
    "Das",
    "Diaz",
    "Dubois",
    "Edwards",
    "Evans",
    "Fischer",
    "Flores",
    "Garcia",
    "Gomez",
    "Gupta",
    "Hall",
    "Hansen",
    "Hughes",
    "Ito",
    "Jackson",
    "Johnson",
    "Kaur",
    "Kim",
    "Kowalski",
    "Kumar",
    "Lee",
    "Lopez",
    "Martin",
    "Mendes",
    "Miller",
    "Morales",
    "Murphy",
    "Nakamura",
    "Nguyen",
    "Novak",
    "Okafor",
    "Olsen",
    "Patel",
    "Perez",
    "Petrov",
    "Reddy",
    "Reyes",
    "Robinson",
    "Rossi",
    "Santos",
    "Schmidt",
    "Shah",
    "Silva",
    "Singh",
    "Smith",
    "Sullivan",
    "Tanaka",
    "Taylor",
    "Thompson",
    "Torres",
    "Walker",
    "Wang",
    "Williams",
    "Wilson",
    "Wright",
    "Yilmaz",
    "Young",
    "Zhang",
]
CITIES = [
    "Austin, TX",
    "Denver, CO",
    "Chicago, IL",
    "Columbus, OH",
    "Atlanta, GA",
    "Phoenix, AZ",
    "Seattle, WA",
    "Boston, MA",
    "Charlotte, NC",
    "Nashville, TN",
    "Minneapolis, MN",
    "Portland, OR",
    "Tampa, FL",
    "Pittsburgh, PA",
    "Raleigh, NC",
    "Salt Lake City, UT",
    "Kansas City, MO",
    "San Diego, CA",
    "Dallas, TX",
    "Indianapolis, IN",
]
COMPANY_HEADS = [
    "Northwind",
    "Bluestone",
    "Harbor",
    "Summit",
    "Cedar",
    "Pioneer",
    "Redwood",
    "Lakeside",
    "Granite",
    "Meridian",
    "Silverline",
    "Brightpath",
    "Ironwood",
    "Crescent",
    "Evergreen",
    "Keystone",
    "Riverbend",
    "Oakridge",
    "Clearwater",
    "Highland",
    "Sterling",
    "Unity",
    "Apex",
    "Beacon",
    "Cobalt",
    "Horizon",
    "Maple",
    "Atlas",
    "Vantage",
    "Willow",
]
COMPANY_TAILS = {
    "software": ["Software", "Labs", "Technologies", "Digital", "Systems", "Cloud"],
    "data": ["Analytics", "Data", "Insights", "Technologies", "Labs"],
    "nursing": ["Medical Center", "Regional Hospital", "Health System", "Children's Hospital"],
    "health": ["Family Clinic", "Health Partners", "Pharmacy", "Rehab Center", "Medical Group"],
    "sales": ["Solutions", "Retail", "Brands", "Pharma", "Software", "Outfitters"],
    "finance": ["Financial", "Capital", "& Partners LLP", "Holdings", "Bank"],
    "logistics": ["Logistics", "Freight", "Distribution", "Transport", "Supply Co."],
    "hr": ["Group", "Staffing", "People Partners", "Holdings"],
    "marketing": ["Media", "Creative", "Marketing", "Agency", "Brands"],
    "legal": ["Law Group", "& Associates", "Legal LLP", "Compliance Services", "Bank"],
    "trades": ["Electric", "Plumbing & Heating", "Mechanical", "Builders", "Construction", "Fabrication"],
    "hospitality": ["Hotel", "Bistro", "Hospitality Group", "Grill", "Resort"],
    "education": ["School District", "High School", "Elementary School", "Academy"],
    "manufacturing": ["Manufacturing", "Industries", "Precision Parts", "Components", "Plastics"],
    "service": ["Telecom", "Insurance", "Utilities", "Services"],
    "business": ["Group", "Consulting", "Holdings", "Services", "Partners"],
}
UNIVERSITIES = [
    "State University",
    "Central College",
    "Technical Institute",
    "Community College",
    "University of the Lakes",
    "Polytechnic University",
    "Riverside University",
    "Valley State College",
    "Metropolitan University",
]

_IRREGULAR = {
    "troubleshoot": "troubleshot",
    "lay": "laid",
    "fit": "fitted",
    "grind": "ground",
    "rebuild": "rebuilt",
    "control": "controlled",
    "build": "built",
    "lead": "led",
    "run": "ran",
    "write": "wrote",
    "teach": "taught",
    "make": "made",
    "keep": "kept",
    "sell": "sold",
    "oversee": "oversaw",
    "draw": "drew",
    "drive": "drove",
    "meet": "met",
    "set": "set",
    "give": "gave",
    "hold": "held",
    "take": "took",
    "bring": "brought",
    "do": "did",
    "grow": "grew",
    "find": "found",
    "deal": "dealt",
    "speak": "spoke",
    "send": "sent",
    "put": "put",
    "cut": "cut",
    "hit": "hit",
    "weld": "welded",
    "break": "broke",
    "read": "read",
    "answer": "answered",
    "ship": "shipped",
    "plan": "planned",
    "stop": "stopped",
    "prep": "prepped",
    "frame": "framed",
    "own": "owned",
    "call": "called",
    "care": "cared",
    "haul": "hauled",
    "pair": "paired",
    "log": "logged",
    "start": "started",
    "tune": "tuned",
    "explain": "explained",
    "profile": "profiled",
    "present": "presented",
}
# verbs that start a second clause after "and" in task phrases ("run calls and coordinate loops");
# words that can also be nouns there ("order", "schedule") are left out on purpose
CLAUSE_VERBS = frozenset(
    [
        "negotiate",
        "maintain",
        "deliver",
        "fix",
        "coordinate",
        "document",
        "escalate",
        "track",
        "mentor",
        "improve",
        "reduce",
        "adjust",
        "replace",
        "recover",
        "secure",
        "check",
        "stabilise",
        "titrate",
        "communicate",
        "repair",
        "keep",
        "run",
        "drive",
        "draw",
        "intervene",
        "lay",
        "pass",
        "fit",
        "monitor",
        "adapt",
        "explain",
        "train",
        "manage",
        "solve",
        "investigate",
        "write",
        "record",
        "process",
    ]
)
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def past_tense(phrase: str) -> str:
    """Put a base-form task phrase into the past tense: the leading verb or verb list ("plan and deliver X",
    "hire, train and schedule staff") and a later clause verb after "and" that is a known verb."""
    words = phrase.split(" ")
    out = list(words)
    i = 0
    while i < len(words):  # the leading verb list
        core = words[i].rstrip(",")
        out[i] = _verb_past(core) + words[i][len(core) :]
        if words[i].endswith(","):
            i += 1
        elif i + 2 < len(words) and words[i + 1] == "and" and (i == 0 or words[i - 1].endswith(",")):
            i += 2
        else:
            break
    for j in range(i + 2, len(words)):
        in_infinitive = "to" in words[:j]  # "worked with X to reproduce and fix defects"
        if words[j - 1] == "and" and words[j] in CLAUSE_VERBS and not in_infinitive:
            out[j] = _verb_past(words[j])
    return " ".join(out)


def _verb_past(verb: str) -> str:
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        return verb[:-1] + "ied"
    return verb + "ed"


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def person(rng: random.Random) -> tuple[str, str, str, str]:
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    email = f"{first.lower()}.{last.lower()}{rng.randint(1, 99)}@{rng.choice(['gmail.com', 'outlook.com', 'mail.com', 'yahoo.com'])}"
    phone = f"({rng.randint(201, 989)}) 555-{rng.randint(1000, 9999)}"
    return f"{first} {last}", email, phone, rng.choice(CITIES)


def company(rng: random.Random, family: str) -> str:
    return f"{rng.choice(COMPANY_HEADS)} {rng.choice(COMPANY_TAILS.get(family, COMPANY_TAILS['business']))}"


def date_range(rng: random.Random, start: tuple[int, int], end: tuple[int, int] | None, style: int) -> str:
    """Format a (year, month) range in one of several styles; end None means 'Present'."""
    sy, sm = start

    def one(year: int, month: int) -> str:
        if style == 0:
            return f"{MONTHS[month - 1]} {year}"
        if style == 1:
            return f"{month:02d}/{year}"
        if style == 2:
            return str(year)
        return f"{MONTHS[month - 1]}. {year}" if month != 5 else f"May {year}"

    dash = rng.choice([" – ", " - ", " to ", "–"])
    end_text = rng.choice(["Present", "present", "Current", "now"]) if end is None else one(*end)
    return f"{one(sy, sm)}{dash}{end_text}"


NUMBER_WORDS = {
    1: "one",
    2: "two",
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    7: "seven",
    8: "eight",
    9: "nine",
    10: "ten",
    12: "twelve",
}
