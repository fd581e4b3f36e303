"""Known skills, tools and certifications with their aliases, and term normalisation.

Exact and near-exact term matching is what makes acronyms and tool names reliable where embeddings are not
("K8s" for Kubernetes, "Postgres" for PostgreSQL). Unknown terms from a job still match by their normalised form.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# canonical name -> aliases (normalised forms are derived; list only real spellings)
SKILLS: dict[str, tuple[str, ...]] = {
    # languages
    "Python": ("python3", "py"),
    "Java": ("core java", "java se", "java ee", "j2ee", "jee"),
    "JavaScript": ("js", "ecmascript", "es6"),
    "TypeScript": (),
    "Go": ("golang",),
    "Rust": (),
    "C": (),
    "C++": ("cpp",),
    "C#": ("c sharp", "csharp"),
    ".NET": ("dotnet", "dot net", "asp.net", "asp net", ".net core", "net core"),
    "Ruby": (),
    "PHP": (),
    "Kotlin": (),
    "Swift": (),
    "Scala": (),
    "R": (),
    "MATLAB": (),
    "Perl": (),
    "Bash": ("shell scripting", "shell script", "unix shell"),
    "PowerShell": (),
    "SQL": ("ansi sql",),
    "T-SQL": ("tsql", "transact-sql", "transact sql"),
    "PL/SQL": ("plsql",),
    "HTML": ("html5",),
    "CSS": ("css3",),
    "Sass": ("scss",),
    "Dart": (),
    "Solidity": (),
    "COBOL": (),
    "VBA": ("excel vba",),
    # web / frameworks
    "React": ("reactjs", "react.js"),
    "React Native": (),
    "Angular": ("angularjs", "angular.js"),
    "Vue.js": ("vue", "vuejs"),
    "Next.js": ("nextjs",),
    "Node.js": ("node", "nodejs", "node js"),
    "Express": ("express.js", "expressjs"),
    "Django": (),
    "Flask": (),
    "FastAPI": (),
    "Spring": ("spring framework", "spring mvc"),
    "Spring Boot": ("springboot",),
    "Hibernate": (),
    "Ruby on Rails": ("rails", "ror"),
    "Laravel": (),
    "jQuery": (),
    "Bootstrap": (),
    "GraphQL": (),
    "REST APIs": ("rest", "restful", "rest api", "restful apis", "restful services", "rest services", "web services"),
    "gRPC": (),
    "Microservices": ("microservice", "micro services"),
    "Redux": (),
    "Tailwind CSS": ("tailwind",),
    "Flutter": (),
    "Android": (),
    "Android SDK": (),
    "iOS": (),
    "iOS SDK": (),
    # data / ML
    "Machine Learning": ("ml",),
    "Deep Learning": ("dl",),
    "Natural Language Processing": ("nlp",),
    "Computer Vision": ("cv",),
    "TensorFlow": (),
    "PyTorch": ("torch",),
    "Keras": (),
    "scikit-learn": ("sklearn", "scikit learn"),
    "pandas": (),
    "NumPy": (),
    "SciPy": (),
    "Matplotlib": (),
    "Statistics": ("statistical analysis", "statistical modeling", "statistical modelling"),
    "Data Analysis": ("data analytics",),
    "Data Visualization": ("data visualisation",),
    "Tableau": (),
    "Power BI": ("powerbi",),
    "Looker": (),
    "Excel": ("ms excel", "microsoft excel", "advanced excel"),
    "Apache Spark": ("spark", "pyspark"),
    "Hadoop": ("hdfs", "mapreduce", "map reduce"),
    "Hive": (),
    "Kafka": ("apache kafka",),
    "Airflow": ("apache airflow",),
    "dbt": (),
    "ETL": ("elt", "etl pipelines"),
    "Data Warehousing": ("data warehouse", "dwh"),
    "Snowflake": (),
    "BigQuery": ("big query",),
    "Redshift": (),
    "Databricks": (),
    "Informatica": (),
    "Talend": (),
    "SSIS": (),
    "SSRS": (),
    "LLMs": ("llm", "large language models"),
    "MLOps": (),
    "A/B Testing": ("ab testing", "a/b tests", "experimentation"),
    # databases
    "PostgreSQL": ("postgres", "psql"),
    "MySQL": (),
    "SQL Server": ("mssql", "ms sql", "ms sql server", "microsoft sql server"),
    "Oracle": ("oracle db", "oracle database"),
    "MongoDB": ("mongo",),
    "Redis": (),
    "Cassandra": (),
    "DynamoDB": (),
    "Elasticsearch": ("elastic search", "elk"),
    "SQLite": (),
    "NoSQL": (),
    # cloud / devops
    "AWS": ("amazon web services",),
    "Azure": ("microsoft azure",),
    "GCP": ("google cloud", "google cloud platform"),
    "Docker": ("containers", "containerization"),
    "Kubernetes": ("k8s", "eks", "aks", "gke"),
    "Terraform": (),
    "Ansible": (),
    "Chef": (),
    "Puppet": (),
    "Jenkins": (),
    "GitHub Actions": (),
    "Azure DevOps": ("azure pipelines", "vsts"),
    "GitLab CI": ("gitlab",),
    "CI/CD": ("ci cd", "continuous integration", "continuous delivery", "continuous deployment"),
    "Git": ("github", "version control"),
    "Linux": ("unix",),
    "Red Hat Enterprise Linux": ("rhel", "red hat linux"),
    "Prometheus": (),
    "Grafana": (),
    "Datadog": (),
    "Nginx": (),
    "Lambda": ("aws lambda",),
    "Serverless": (),
    "CloudFormation": (),
    "Helm": (),
    "Networking": ("tcp/ip", "tcp ip", "dns", "routing and switching"),
    "Cisco": ("ccna", "ccnp"),
    "Firewalls": ("firewall",),
    "Cybersecurity": ("cyber security", "information security", "infosec"),
    "SIEM": ("security information and event management",),
    "Splunk": (),
    "QRadar": ("ibm qradar",),
    "Penetration Testing": ("pen testing", "pentesting", "ethical hacking"),
    "Blockchain": ("ethereum", "smart contracts", "hyperledger"),
    # testing
    "Selenium": ("selenium webdriver",),
    "Cypress": (),
    "Playwright": (),
    "JUnit": (),
    "TestNG": (),
    "pytest": (),
    "Cucumber": ("bdd",),
    "Postman": (),
    "JMeter": ("apache jmeter",),
    "Appium": (),
    "LoadRunner": (),
    "Test Automation": ("automation testing", "automated testing", "test automation framework"),
    "Manual Testing": (),
    "Regression Testing": (),
    "API Testing": (),
    "Performance Testing": ("load testing",),
    "QTP": ("uft",),
    "JIRA": ("jira",),
    "Confluence": (),
    "Agile": ("scrum", "kanban", "sprint planning"),
    "SDLC": (),
    "STLC": (),
    # SAP / ERP
    "SAP": (),
    "SAP ABAP": ("abap",),
    "SAP HANA": ("hana", "s/4hana", "s4hana", "s/4 hana"),
    "SAP FICO": ("fico", "sap fi", "sap co", "sap fi/co"),
    "SAP MM": (),
    "SAP SD": (),
    "SAP HCM": (),
    "SAP BW": (),
    "SAP Basis": (),
    "Salesforce": ("sfdc",),
    "Dynamics 365": ("microsoft dynamics",),
    "ServiceNow": (),
    "Workday": (),
    "NetSuite": (),
    # business / analysis / PM
    "Business Analysis": ("business analyst",),
    "Requirements Gathering": ("requirement gathering", "requirements elicitation", "requirements analysis"),
    "BRD": ("business requirements document", "business requirement document"),
    "User Stories": ("user story",),
    "UML": (),
    "Process Mapping": ("process modeling", "bpmn"),
    "Stakeholder Management": ("stakeholder engagement",),
    "Project Management": (),
    "Program Management": (),
    "Product Management": (),
    "Risk Management": (),
    "Change Management": (),
    "Budgeting": ("budget management", "budget planning"),
    "Forecasting": (),
    "Financial Modeling": ("financial modelling",),
    "Financial Analysis": (),
    "Accounting": ("bookkeeping",),
    "GAAP": ("us gaap",),
    "IFRS": (),
    "Auditing": ("audit", "internal audit"),
    "Tally": (),
    "QuickBooks": (),
    "Payroll": (),
    "Taxation": ("tax", "gst"),
    "Supply Chain": ("supply chain management", "scm"),
    "Logistics": (),
    "Procurement": ("purchasing",),
    "Inventory Management": (),
    "Operations Management": (),
    "Six Sigma": ("lean six sigma",),
    "Lean": (),
    "Vendor Management": (),
    "Customer Service": ("customer support",),
    "CRM": ("crm systems", "crm software"),
    "HubSpot": ("hub spot",),
    "Microsoft Dynamics": ("dynamics 365", "dynamics crm", "ms dynamics"),
    # sales / marketing
    "B2B Sales": ("b2b",),
    "B2C Sales": ("b2c",),
    "Lead Generation": ("prospecting",),
    "Cold Calling": (),
    "Account Management": ("key account management",),
    "Business Development": (),
    "Negotiation": (),
    "Pipeline Management": (),
    "Sales Forecasting": (),
    "Digital Marketing": ("online marketing",),
    "SEO": ("search engine optimization",),
    "SEM": ("search engine marketing", "google ads", "ppc"),
    "Social Media Marketing": ("social media",),
    "Content Marketing": (),
    "Email Marketing": (),
    "Google Analytics": (),
    "Market Research": (),
    "Brand Management": (),
    # HR
    "Recruitment": ("recruiting", "talent acquisition", "hiring", "sourcing"),
    "Onboarding": ("on-boarding", "induction"),
    "Employee Relations": (),
    "Performance Management": ("performance appraisal", "appraisals"),
    "Compensation and Benefits": ("compensation", "benefits administration"),
    "HRIS": ("hrms",),
    "Training and Development": ("learning and development", "l&d"),
    "Labor Law": ("labour law", "labor laws", "labour laws", "employment law"),
    # design / other
    "Figma": (),
    "Adobe Photoshop": ("photoshop",),
    "Adobe Illustrator": ("illustrator",),
    "Adobe Creative Suite": ("creative suite", "adobe creative cloud", "creative cloud", "adobe cc", "adobe suite"),
    "UX Design": ("ux", "user experience"),
    "UI Design": ("ui", "user interface design"),
    "AutoCAD": ("auto cad",),
    "SolidWorks": (),
    "CATIA": (),
    "ANSYS": (),
    "MS Office": ("microsoft office", "ms-office"),
    "Communication": ("communication skills",),
    "Leadership": ("team leadership", "people management"),
    "Mentoring": ("coaching",),
    "Problem Solving": (),
    "Teamwork": (),
    "Time Management": (),
    "Presentation Skills": ("presentations",),
}

CERTIFICATIONS: dict[str, tuple[str, ...]] = {
    "PMP": ("project management professional",),
    "PRINCE2": (),
    "CSM": ("certified scrum master", "scrum master certification"),
    "CISSP": (),
    "CISA": (),
    "CISM": (),
    "CEH": ("certified ethical hacker",),
    "CompTIA Security+": ("security+", "security plus"),
    "CCNA": (),
    "CCNP": (),
    "ITIL": (),
    "CPA": ("certified public accountant",),
    "CFA": (),
    "ACCA": (),
    "ISTQB": (),
    "SHRM-CP": ("shrm cp", "shrm"),
    "PHR": (),
    "AWS Certified Solutions Architect": ("aws solutions architect",),
    "CKA": ("certified kubernetes administrator",),
    "Six Sigma Green Belt": ("green belt",),
    "Six Sigma Black Belt": ("black belt",),
    "CBAP": (),
    "Salesforce Certified Administrator": ("salesforce administrator",),
}

# Nouns that head a job title; used to find titles in resumes and jobs.
ROLE_NOUNS = (
    "engineer",
    "developer",
    "programmer",
    "architect",
    "scientist",
    "analyst",
    "consultant",
    "manager",
    "administrator",
    "admin",
    "specialist",
    "designer",
    "tester",
    "lead",
    "director",
    "head",
    "officer",
    "executive",
    "associate",
    "intern",
    "trainee",
    "coordinator",
    "representative",
    "accountant",
    "recruiter",
    "advisor",
    "adviser",
    "technician",
    "supervisor",
    "assistant",
    "auditor",
    "strategist",
    "owner",
    "expert",
    "professional",
    "generalist",
    "partner",
    "controller",
    "nurse",
    "teacher",
    "lawyer",
    "advocate",
    "attorney",
    "writer",
    "editor",
    "marketer",
    "planner",
    "operator",
    "agent",
    "clerk",
    "buyer",
    "trainer",
    "instructor",
    "coach",
    "educator",
    "artist",
    "surveyor",
    "dietician",
    "dietitian",
    "nutritionist",
    "counsellor",
    "counselor",
    "electrician",
    "plumber",
    "mechanic",
    "chef",
    "paralegal",
    "receptionist",
    "secretary",
    "sdet",
    "researcher",
    "statistician",
    "economist",
    "physician",
    "pharmacist",
    "therapist",
    "counsel",
    "dba",
    "sde",
    "swe",
    "qa",
    "devops",
    "sre",
    "vp",
    "president",
    "founder",
    "cto",
    "ceo",
    "cfo",
    "hr",
)

_PUNCT_TO_SPACE = re.compile(r"[^a-z0-9+#&.\s]")
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lowercase, strip accents."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def normalise(text: str) -> str:
    """Canonical word form for term matching: 'Node.JS' -> 'nodejs', 'CI/CD' -> 'ci cd', '.NET' -> 'dotnet'."""
    text = fold(text)
    text = re.sub(r"(?<![a-z0-9])\.net\b", " dotnet ", text)
    text = re.sub(r"(?<=[a-z])\.(?=js\b)", "", text)  # node.js -> nodejs
    text = text.replace("&", " and ")
    text = _PUNCT_TO_SPACE.sub(" ", text)
    # dots: keep inside tokens like "vue.js" handled above; elsewhere they separate words
    text = re.sub(r"\.(?!\d)", " ", text)
    text = re.sub(r"(?<=\w)\+\+", "++", text)
    return _SPACES.sub(" ", text).strip()


def words(text: str) -> list[str]:
    return normalise(text).split()


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return us_spelling(word[:-1])
    return us_spelling(word)


# British spellings keyed as American ones, so a UK posting's 'HR Adviser', 'organisational skills' or 'paediatric
# nursing' meets a US resume's 'HR Advisor', 'organizational' and 'pediatric'. Only word parts that are spelling
# variants and nothing else: '-ise' and '-our' words are listed, since 'expertise', 'franchise', 'hour' and
# 'tour' are not variants of anything. 'Programme' stays apart: a UK posting's programme is a project or a course,
# and keyed as 'program' it met software programs (pasted-b-heldout fell 0.912 -> 0.906 with it).
_BRITISH_WORDS = {
    "adviser": "advisor",
    "licence": "license",
    "licenced": "licensed",
    "defence": "defense",
    "offence": "offense",
    "practise": "practice",
    "practised": "practiced",
    "enrolment": "enrollment",
    "fulfil": "fulfill",
    "fulfilment": "fulfillment",
    "ageing": "aging",
    "judgement": "judgment",
    "acknowledgement": "acknowledgment",
    "jewellery": "jewelry",
    "aluminium": "aluminum",
    "catalogue": "catalog",
    "analogue": "analog",
    "grey": "gray",
    "mould": "mold",
    "moulding": "molding",
}
_BRITISH_PREFIXES = (
    ("paed", "ped"),
    ("orthopaed", "orthoped"),
    ("anaesth", "anesth"),
    ("haemat", "hemat"),
    ("haemo", "hemo"),
    ("gynaec", "gynec"),
    ("oesoph", "esoph"),
    ("oedem", "edem"),
    ("leukaem", "leukem"),
    ("behaviour", "behavior"),
    ("colour", "color"),
    ("labour", "labor"),
    ("favour", "favor"),
    ("honour", "honor"),
    ("neighbour", "neighbor"),
    ("humour", "humor"),
    ("flavour", "flavor"),
    ("endeavour", "endeavor"),
    ("centre", "center"),
    ("theatre", "theater"),
    ("metre", "meter"),
    ("litre", "liter"),
    ("fibre", "fiber"),
    ("calibre", "caliber"),
    ("modell", "model"),
    ("travell", "travel"),
    ("labell", "label"),
    ("cancell", "cancel"),
    ("counsell", "counsel"),
    ("fuell", "fuel"),
    ("levell", "level"),
    ("signall", "signal"),
    ("channell", "channel"),
)
# '-ise' verbs whose stem is spelt '-ize' in US English ('organise', 'prioritised', 'specialising', 'optimiser')
_IZE_STEM_WORDS = (
    "organ optim priorit util special maxim minim standard custom author recogn summar categor digit "
    "visual central capital monet mobil local modern real emphas critic apolog final normal personal "
    "stabil steril synchron computer energ familiar hospital immun incentiv industrial initial internal "
    "legal memor minimal motiv neutral popular rational regular revital sanit social subsid symbol theor "
    "vandal vapor commercial conceptual contextual decentral democrat global harmon human ideal "
    "individual institutional jeopard mechan metabol mesmer patron polar public scrutin strateg virtual "
    "western"
)
_IZE_STEMS = frozenset(_IZE_STEM_WORDS.split())
_IZE_ENDINGS = (("isation", "ization"), ("ising", "izing"), ("ised", "ized"), ("iser", "izer"), ("ise", "ize"))


@lru_cache(maxsize=65536)
def us_spelling(word: str) -> str:
    """A word in US spelling when it is a British variant ('organisation' -> 'organization'), else unchanged."""
    if word in _BRITISH_WORDS:
        return _BRITISH_WORDS[word]
    for british, american in _BRITISH_PREFIXES:
        if word.startswith(british):
            return american + word[len(british) :]
    if "isation" in word:  # 'organisational', 'specialisations'
        return word.replace("isation", "ization", 1)
    for ending, american in _IZE_ENDINGS:
        if word.endswith(ending) and word[: -len(ending)] in _IZE_STEMS:
            return word[: -len(ending)] + american
    if word.endswith(("yse", "ysed", "ysing", "yser")) and word.startswith(("analy", "paraly", "cataly", "dialy")):
        return word.replace("yse", "yze", 1).replace("ysing", "yzing", 1)
    return word


def term_key(text: str) -> str:
    """Key under which a term is looked up: normalised words, each lightly stemmed."""
    return " ".join(_stem(w) for w in words(text))


def _build_alias_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for table in (SKILLS, CERTIFICATIONS):
        for canonical, aliases in table.items():
            for form in (canonical, *aliases):
                key = term_key(form)
                if key and key not in index:
                    index[key] = canonical
    return index


ALIAS_TO_CANONICAL = _build_alias_index()
# Single letters and common English words are matched only when they stand out as names (case-sensitive).
CASE_SENSITIVE = {
    "c": "C",
    "r": "R",
    "go": "Go",
    "swift": "Swift",
    "rust": "Rust",
    "lean": "Lean",
    "ui": "UI",
    "ux": "UX",
    "cv": "CV",
    "dl": "DL",
    "ml": "ML",
    "node": "Node",
    "spark": "Spark",
    "express": "Express",
    "chef": "Chef",
    "puppet": "Puppet",
    "helm": "Helm",
    "hive": "Hive",
    "rest": "REST",
    "oracle": "Oracle",
    "lambda": "Lambda",
    "sap": "SAP",
    "dbt": "dbt",
}
# Aliases that are too ambiguous to count as evidence on their own (the canonical name must appear instead).
WEAK_ALIASES = {
    "py",
    "ui",
    "cv",
    "dl",
    "tax",
    "audit",
    "hiring",
    "sourcing",
    "containers",
    "node",
    "unix",
    "github",
    "version control",
    "rest",
    "web services",
    "social media",
    "presentations",
    "coaching",
    "experimentation",
    "purchasing",
    "gitlab",
    "elk",
    "bdd",
    "b2b",
    "b2c",
}

# A tool a posting may name by one common word: as a requirement of its own the word is the tool, evidenced by the
# tool's names and family only. (Not an alias: 'Field Office' or 'front office' in a resume is no evidence of it.)
BARE_TOOL_NAMES = {"office": "MS Office"}


@lru_cache(maxsize=4096)
def canonical(term: str) -> str | None:
    """The lexicon's canonical name for a term, or None when unknown."""
    return ALIAS_TO_CANONICAL.get(term_key(term))


def forms_of(canonical_name: str) -> tuple[str, ...]:
    """Every term key that counts as this skill (canonical name and aliases)."""
    aliases = SKILLS.get(canonical_name) or CERTIFICATIONS.get(canonical_name) or ()
    keys = [term_key(canonical_name)]
    keys += [term_key(a) for a in aliases if a not in WEAK_ALIASES]  # listed as written ('web services')
    return tuple(dict.fromkeys(k for k in keys if k))


MAX_TERM_WORDS = 4

# Acronyms and what they stand for, across occupations: a requirement written one way is evidenced by the other
# ('RN license' by 'Registered Nurse', 'SOX' by 'Sarbanes-Oxley', 'e-discovery' by 'electronic discovery').
ACRONYMS: dict[str, tuple[str, ...]] = {
    "rn": ("registered nurse",),
    "lpn": ("licensed practical nurse",),
    "cna": ("certified nursing assistant",),
    "pt": ("physical therapist", "physical therapy", "physiotherapist"),
    "ot": ("occupational therapist", "occupational therapy"),
    "emt": ("emergency medical technician",),
    "bls": ("basic life support",),
    "acls": ("advanced cardiac life support",),
    "pals": ("pediatric advanced life support",),
    "ehr": ("electronic health record", "electronic medical record", "emr"),
    "iv": ("intravenous",),
    "sox": ("sarbanes oxley",),
    "gaap": ("generally accepted accounting principles",),
    "aml": ("anti money laundering",),
    "kyc": ("know your customer",),
    "p and l": ("profit and loss",),
    "hvac": ("heating ventilation and air conditioning", "heating and air conditioning"),
    "osha": ("occupational safety and health",),
    "ppe": ("personal protective equipment",),
    "plc": ("programmable logic controller",),
    "cnc": ("computer numerical control",),
    "cmms": ("computerized maintenance management system", "computerised maintenance management system"),
    "capa": ("corrective and preventive action", "corrective and preventative action"),
    "spc": ("statistical process control",),
    "fmea": ("failure mode and effects analysis",),
    "gd and t": ("geometric dimensioning and tolerancing",),
    "rca": ("root cause analysis",),
    "qa": ("quality assurance",),
    "qc": ("quality control",),
    "crm": ("customer relationship management",),
    "erp": ("enterprise resource planning",),
    "seo": ("search engine optimization", "search engine optimisation"),
    "sem": ("search engine marketing",),
    "ppc": ("pay per click",),
    "kpi": ("key performance indicator",),
    "sla": ("service level agreement",),
    "b2b": ("business to business",),
    "hr": ("human resources",),
    "e discovery": ("electronic discovery", "ediscovery"),
    "ci cd": ("continuous integration and delivery", "continuous integration and deployment", "cicd"),
    "iac": ("infrastructure as code",),
    "etl": ("extract transform load",),
    "bi": ("business intelligence",),
    "oop": ("object oriented programming",),
    "tdd": ("test driven development",),
    "sdlc": ("software development life cycle", "software development lifecycle"),
    "ux": ("user experience",),
    "ui": ("user interface",),
    "a b testing": ("split testing", "ab testing"),
    "esl": ("english as a second language",),
    "iep": ("individualized education program", "individualised education program"),
    "cdl": ("commercial driver license", "commercial drivers license", "commercial driver's license"),
}
# a requirement named by an acronym and a generic head ('RN license', 'HVAC repair', 'SOX compliance') is evidenced
# by the acronym's own field
_GENERIC_HEADS = {"license", "licence", "compliance", "repair", "certification", "certificate", "system", "software"}


@lru_cache(maxsize=1)
def _acronym_pairs() -> list[tuple[str, tuple[str, ...]]]:
    pairs: list[tuple[str, tuple[str, ...]]] = []
    for short, longs in ACRONYMS.items():
        short_key = term_key(short)
        long_keys = tuple(term_key(long) for long in longs)
        pairs.append((short_key, long_keys))
        for long_key in long_keys:
            pairs.append((long_key, (short_key, *(k for k in long_keys if k != long_key))))
    return pairs


def spelled_variants(key: str) -> list[str]:
    """Other ways a term key is written: an acronym spelled out or abbreviated ('sox compliance' ->
    'sarbanes oxley compliance'; 'electronic discovery' -> 'e discovery'), and an acronym without its generic head."""
    padded = f" {key} "
    variants: list[str] = []
    for written, others in _acronym_pairs():
        if f" {written} " in padded:
            variants += [padded.replace(f" {written} ", f" {other} ", 1).strip() for other in others]
    words = key.split()
    if len(words) >= 2 and _stem(words[-1]) in {_stem(h) for h in _GENERIC_HEADS}:
        head = " ".join(words[:-1])
        if any(head == written for written, _ in _acronym_pairs()):
            variants += [head, *spelled_variants(head)]
    return [v for v in dict.fromkeys(variants) if v and v != key]


_ROOT_SUFFIXES = (
    "ications",
    "ication",
    "ations",
    "ation",
    "ments",
    "ment",
    "ings",
    "ing",
    "ists",
    "ist",
    "ants",
    "ant",
    "ers",
    "er",
    "ies",
    "es",
    "ed",
    "s",
)
ROOT_STOPWORDS = {"a", "an", "and", "or", "of", "the", "in", "on", "with", "for", "to", "at", "by", "as", "from"}


@lru_cache(maxsize=16384)
def word_root(word: str) -> str:
    """A word's rough root, so inflections and derived forms meet: 'qualifying' and 'qualification' -> 'qualif',
    'welder' and 'welding' -> 'weld', 'machinist' and 'machining' -> 'machin', 'planning' -> 'plan'."""
    root = word.lower()
    for suffix in _ROOT_SUFFIXES:
        if root.endswith(suffix) and len(root) - len(suffix) >= 3:
            root = root[: -len(suffix)]
            break
    if len(root) > 4 and root.endswith("y"):
        root = root[:-1]
    if len(root) > 3 and root[-1] == root[-2] and root[-1] not in "aeiou":
        root = root[:-1]
    return root


@lru_cache(maxsize=16384)
def term_roots(key: str) -> tuple[str, ...]:
    """The roots of a term key's content words ('lead qualification' -> ('lead', 'qualif'))."""
    return tuple(word_root(w) for w in key.split() if w not in ROOT_STOPWORDS)


# Narrower tools that evidence a broader skill: a resume naming PostgreSQL knows SQL, one naming EC2 knows AWS,
# one with a GitHub profile uses Git. Only members that cannot mean anything else; each member's own aliases count.
FAMILIES: dict[str, tuple[str, ...]] = {
    "SQL": ("PostgreSQL", "MySQL", "T-SQL", "PL/SQL", "SQL Server", "SQLite", "Spark SQL", "Oracle SQL", "MariaDB"),
    "AWS": (
        "EC2",
        "Amazon EC2",
        "S3",
        "Amazon S3",
        "Lambda",
        "DynamoDB",
        "Redshift",
        "CloudFormation",
        "Amazon RDS",
        "AWS RDS",
        "SQS",
        "SNS",
        "CloudWatch",
        "Elastic Beanstalk",
        "Amazon EKS",
        "AWS Certified Solutions Architect",
    ),
    "Azure": ("Azure DevOps", "Azure Functions", "Azure Data Factory"),
    "GCP": ("BigQuery", "Google Kubernetes Engine", "Cloud Run"),
    "Git": ("GitHub", "GitLab", "Bitbucket"),
    "XSL": ("XSLT", "XSL-FO", "XSLT 2.0"),
    "Salesforce": ("Visualforce", "Salesforce Lightning", "Apex triggers", "Salesforce Certified Administrator"),
    "MS Office": ("Excel", "PowerPoint", "Outlook", "MS Word", "Microsoft Word", "Office 365", "Microsoft 365"),
    # the suite's programs evidence the suite; the suite never evidences one program
    "Adobe Creative Suite": (
        "Adobe Photoshop",
        "Adobe Illustrator",
        "InDesign",
        "Adobe InDesign",
        "Premiere Pro",
        "After Effects",
    ),
    "CI/CD": ("Jenkins", "GitHub Actions", "GitLab CI", "CircleCI", "Travis CI", "Azure DevOps"),
    "HTML": ("XHTML",),
    "Infrastructure as Code": ("Terraform", "CloudFormation", "Pulumi"),
    "Linux": ("Ubuntu", "Red Hat", "Red Hat Enterprise Linux", "CentOS", "Debian"),
    # a named CRM or SIEM tool evidences the broad skill; the broad word never evidences one tool
    "CRM": ("HubSpot", "Microsoft Dynamics", "Zoho CRM", "Salesforce CRM"),
    "SIEM": ("Splunk", "QRadar", "ArcSight"),
}


# Tools of one kind that stand in for each other: a list of them ending in 'or' ('AWS, Azure or GCP') is one choice,
# met by any one. A list of different kinds ('Python, SQL or R') is not, so the groups are narrow (Excel is no peer of
# Word). Programming languages are left out: a posting's list of them leads with its stack's own language ('Scala,
# Java or Python' for a Spark team), and reading the list as one choice lowered pasted-b's NDCG (0.895 -> 0.894); so
# are CAD programs ('AutoCAD, SolidWorks, or CATIA' as one choice lowered dev-linkedin-tune, 0.947 -> 0.946).
PEERS: dict[str, tuple[str, ...]] = {
    "cloud platform": ("AWS", "Azure", "GCP"),
    "database": (
        *("PostgreSQL", "MySQL", "SQL Server", "Oracle", "SQLite", "MongoDB", "Redis", "Cassandra", "DynamoDB"),
        "Elasticsearch",
    ),
    "front-end framework": ("React", "Angular", "Vue.js", "Next.js"),
    "back-end framework": ("Django", "Flask", "FastAPI", "Spring Boot", "Express", "Ruby on Rails", "Laravel"),
    "CI server": ("Jenkins", "GitHub Actions", "GitLab CI", "Azure DevOps"),
    "infrastructure tool": ("Terraform", "CloudFormation", "Ansible", "Chef", "Puppet"),
    "BI tool": ("Tableau", "Power BI", "Looker"),
    "data platform": ("Snowflake", "BigQuery", "Redshift", "Databricks"),
    "ETL tool": ("Informatica", "Talend", "SSIS"),
    "ML framework": ("TensorFlow", "PyTorch", "Keras", "scikit-learn"),
    "browser test tool": ("Selenium", "Cypress", "Playwright"),
    "monitoring tool": ("Prometheus", "Grafana", "Datadog", "Splunk"),
    "CRM": ("Salesforce", "HubSpot", "Dynamics 365"),
}


@lru_cache(maxsize=4096)
def peer_group(term: str) -> str | None:
    """The kind of tool a term is among PEERS ('Google Cloud' -> 'cloud platform'), or None."""
    name = canonical(term)
    return next((kind for kind, members in PEERS.items() if name in members), None)


@lru_cache(maxsize=1)
def _family_index() -> dict[str, str]:
    """Every form of a family's broad name (its lexicon aliases too) -> the family's name."""
    index: dict[str, str] = {}
    for name in FAMILIES:
        for key in (term_key(name), *forms_of(name)):
            index.setdefault(key, name)
    return index


@lru_cache(maxsize=4096)
def family_forms(term: str) -> tuple[str, ...]:
    """Term keys of the narrower tools that evidence a skill (see FAMILIES), each with its lexicon aliases: 'sql' ->
    'postgresql', 'postgre', 'mysql', ...; empty for a term with no family."""
    family = _family_index().get(term_key(term))
    keys: list[str] = []
    for member in FAMILIES.get(family, ()) if family else ():
        name = canonical(member)
        keys += list(forms_of(name)) if name else []
        keys.append(term_key(member))
    return tuple(dict.fromkeys(k for k in keys if k))


# endings that turn one form of a word into another ('switch'/'switching', 'communication'/'communicator',
# 'analysis'/'analyst'); what is left must still be shared, so 'Excel' is not 'excellent'
_FORM_ENDINGS = frozenset(
    re.findall(
        r"\S+",
        "e es ed ing ings er ers or ors ion ions ation ations ication ications ive ively al ally ial ment ments ity "
        "ities ist ists ism is t ic ical ically ize ized izing ise ised ising ate ated ating ator ators ant ants ance "
        "ence ent y ly ship",
    )
) | {""}


@lru_cache(maxsize=65536)
def same_word(first: str, second: str) -> bool:
    """Two word forms of one word: 'switch'/'switching', 'interpersonal'/'interpersonal', 'forecasts'/'forecasting';
    words of five letters or fewer must be equal (or share a root)."""
    if first == second or word_root(first) == word_root(second):
        return True
    if min(len(first), len(second)) < 6:  # 'react' is not 'reactive'
        return False
    shared = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        shared += 1
    if shared < max(5, min(len(first), len(second)) - 3):
        return False
    return first[shared:] in _FORM_ENDINGS and second[shared:] in _FORM_ENDINGS


# Licences and professional registrations a posting may require of the candidate (issue 9): held or not, never
# learnt on the job, so a missing one is a must-have gap. `posting` finds one in a posting's line (case-insensitive
# unless the name is an acronym that is also a word); `evidence` lists what in a resume a reader accepts as holding
# it, equivalents included (a US Registered Nurse for an RGN post). Checks the employer runs (DBS, background, drug
# screen) and plain driving licences (held by most, stated by few resumes) are not here on purpose.
@dataclass(frozen=True)
class Licence:
    name: str
    posting: re.Pattern[str]
    evidence: tuple[str, ...]
    #: job titles whose licence this is, for a posting that asks for one without naming it ('licensed in Ohio')
    titles: re.Pattern[str] | None = None


_LICENCE_HEAD = r"(?:\s+(?:licen[cs](?:e|ure)|registration|certification|certificate|credential|card|pin))?"
_NURSE_EVIDENCE = (
    "registered nurse",
    "rn",
    "rgn",
    "rmn",
    "rnld",
    "rscn",
    "nmc",
    "registered general nurse",
    "registered mental health nurse",
    "staff nurse",
    "charge nurse",
    "ward sister",
    "nurse practitioner",
    "nursing license",
    "nursing licence",
)
LICENCES: tuple[Licence, ...] = (
    Licence(
        "registered nurse",
        re.compile(
            r"\b(?:RGN|RMN|RNLD|RSCN)s?\b(?:\s*(?:/|or|,)\s*(?:RGN|RMN|RNLD|RSCN)\b)*"
            r"|\bNMC(?:\s+(?:registration|pin|registered))?\b|(?i:\bnursing and midwifery council\b)"
            r"|\bRN\b\s*(?i:licen[cs](?:e|ure)|registration)|(?i:registered nurse\s+licen[cs](?:e|ure))"
            r"|(?i:\bnursing licen[cs](?:e|ure)\b)"
            r"|(?i:\b(?:licensed|registered) as an?\s+)(?:RN\b|(?i:registered nurse\b))"
            r"|(?i:\b(?:active|current|valid|unrestricted|unencumbered)\s+(?:\w+\s+)?)(?:RN\b|(?i:registered nurse\b))"
        ),
        _NURSE_EVIDENCE,
        re.compile(r"(?<!practical )(?<!vocational )\bnurse\b|\bRN\b", re.I),
    ),
    Licence(
        "LPN licence",
        re.compile(r"\b(?:LPN|LVN)\b(?:\s*/\s*(?:LPN|LVN))?\s*(?i:licen[cs](?:e|ure))"),
        ("lpn", "lvn", "licensed practical nurse", "licensed vocational nurse", *_NURSE_EVIDENCE),
        re.compile(r"\b(?:LPN|LVN)\b|\b(?:practical|vocational) nurse\b", re.I),
    ),
    Licence(
        "CDL",
        re.compile(
            r"\b(?:(?i:class\s+[ab]\s+)CDL|CDL(?:[- ]?(?i:class\s+)?[AB]\b)?)(?:\s+(?i:licen[cs]e))?"
            r"|(?i:\b(?:class\s+[ab]\s+)?commercial driver'?s?\s+licen[cs]e)"
        ),
        (
            "cdl",
            "cdl a",
            "cdl b",
            "commercial driver license",
            "commercial driver licence",
            "commercial driver's license",
            "commercial driver's licence",
            "commercial drivers license",
            "commercial drivers licence",
            "class a license",
            "class a licence",
        ),
    ),
    Licence(
        "HGV licence",
        re.compile(
            r"\b(?:HGV|LGV)\s*(?:(?:Class\s*[12]|C\+E|Cat(?:egory)?\s*C(?:\+E)?)\s*)?(?i:licen[cs]e)\b"
            r"|\b(?:HGV|LGV)\s*(?:Class\s*[12]|C\+E)|(?i:\bclass\s*[12]\s+(?:driving\s+)?licen[cs]e\b)|\bC\+E\s+(?i:licen[cs]e)"
        ),
        ("hgv", "lgv", "c e licence", "class 1", "class 2", "cdl"),
    ),
    Licence(
        "CPA",
        re.compile(
            r"\bCPA\b(?![-\s]+(?i:firms?|practice|environment|eligible|track|candidate|exam))"
            r"(?:\s+(?i:licen[cs]e|certification))?|(?i:\bcertified public accountant\b)"
        ),
        ("cpa", "certified public accountant"),
        re.compile(r"\baccountant\b|\bauditor\b|\bCPA\b", re.I),
    ),
    Licence(
        "qualified accountant",
        re.compile(
            r"(?i:\b(?:fully\s+)?qualified\s+(?:\w+\s+)?accountant\b|\bchartered accountant\b)"
            r"|\b(?:ACA|ACCA|CIMA)\b(?:\s*(?:/|or|,)\s*(?:ACA|ACCA|CIMA)\b)*\s*(?i:qualified|qualification|member)"
        ),
        (
            "aca",
            "acca",
            "fcca",
            "cima",
            "acma",
            "cgma",
            "icaew",
            "chartered accountant",
            "cpa",
            "certified public accountant",
        ),
    ),
    Licence("AAT", re.compile(r"\bAAT\b(?:\s+(?i:qualified|qualification|level \d|member))?"), ("aat", "maat")),
    Licence(
        "Gas Safe registration",
        re.compile(r"(?i:\bgas safe\b(?:\s+(?:registered|registration|register|card))?)"),
        ("gas safe", "corgi"),
    ),
    Licence(
        "SIA licence",
        re.compile(
            r"\bSIA\b(?:\s+(?i:door supervisor|security guarding|security|cctv|close protection|front line))?"
            + _LICENCE_HEAD
        ),
        ("sia",),
    ),
    Licence("CSCS card", re.compile(r"\bCSCS\b" + _LICENCE_HEAD), ("cscs", "cpcs", "ecs card", "jib card")),
    Licence(
        "teaching qualification",
        re.compile(
            r"\bQTS\b|(?i:\bqualified teacher status\b)"
            r"|(?i:\b(?:state\s+)?(?:teaching|teacher)\s+(?:certification|certificate|licen[cs](?:e|ure)|credential)\b)"
            r"|(?i:\b(?:certified|licensed)\s+teacher\b)"
        ),
        (
            "qts",
            "qualified teacher status",
            "teaching certification",
            "teaching certificate",
            "teaching license",
            "teaching licence",
            "teaching credential",
            "teacher certification",
            "certified teacher",
            "licensed teacher",
            "pgce",
        ),
        re.compile(r"\bteacher\b", re.I),
    ),
    Licence(
        "HCPC registration",
        re.compile(r"\bHCPC\b" + _LICENCE_HEAD + r"|(?i:\bhealth (?:and|&) care professions council\b)"),
        ("hcpc", "health and care professions council"),
    ),
    Licence(
        "GPhC registration",
        re.compile(r"\bGPhC\b" + _LICENCE_HEAD + r"|(?i:\bgeneral pharmaceutical council\b)"),
        ("gphc", "general pharmaceutical council", "registered pharmacist"),
    ),
    Licence(
        "PE licence",
        re.compile(
            r"\bP\.?E\.?\s+(?i:licen[cs](?:e|ure)|registration)"
            r"|(?i:\b(?:licensed\s+)?professional engineer(?:ing)?\s+licen[cs](?:e|ure)\b)"
            r"|(?i:\blicensed professional engineer\b)"
        ),
        ("professional engineer", "pe license", "pe licence", "licensed pe"),
        re.compile(r"\b(?:civil|structural|electrical|mechanical) engineer\b", re.I),
    ),
    Licence(
        "bar admission",
        re.compile(
            r"(?i:\badmitted to (?:practi[cs]e (?:law )?in |the )(?:[\w ]{0,25})?bar\b|\bbar admission\b"
            r"|\blicensed to practi[cs]e law\b|\bmember (?:in good standing )?of the [\w ]{0,25}bar\b)"
        ),
        (
            "bar admission",
            "admitted to the bar",
            "state bar",
            "bar member",
            "licensed attorney",
            "attorney at law",
            "bar admissions",
        ),
        re.compile(r"\battorney\b|\blawyer\b|\bcounsel\b", re.I),
    ),
    Licence(
        "electrician licence",
        re.compile(
            r"(?i:\b(?:journeyman|master)\s+(?:electrician'?s?\s+)?licen[cs]e\b"
            r"|\belectrical (?:contractor )?licen[cs]e\b|\blicensed (?:journeyman |master )?electrician\b)"
        ),
        ("journeyman", "master electrician", "licensed electrician", "electrical license", "electrical licence"),
        re.compile(r"\belectrician\b", re.I),
    ),
)
