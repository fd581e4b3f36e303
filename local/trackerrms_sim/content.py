"""Static content the seed generator draws from: job fields, descriptions, names, phrasing.

Kept apart from the generator so the generator stays readable. All of it is invented; company names are fictional.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class FieldSpec:
    key: str
    department: str
    job_title: str
    client: str
    location: str
    work_type: str
    salary: tuple[int, int]
    years_required: int
    titles: tuple[str, ...]
    junior_titles: tuple[str, ...]
    required_skills: tuple[str, ...]
    preferred_skills: tuple[str, ...]
    other_skills: tuple[str, ...]
    degrees: tuple[str, ...]
    certs: tuple[str, ...]
    companies: tuple[str, ...]
    bullets: tuple[str, ...]
    summary: str
    description: str
    state: str = "open"
    publish_online: bool = True
    skill_ids: dict[str, int] = field(default_factory=dict)


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(
        key="software",
        department="TECHNOLOGY",
        job_title="Senior Python Backend Engineer",
        client="Northwind Analytics Ltd",
        location="Manchester, Greater Manchester",
        work_type="Permanent",
        salary=(65000, 80000),
        years_required=5,
        titles=("Software Engineer", "Backend Developer", "Senior Software Engineer", "Python Developer"),
        junior_titles=("Junior Developer", "Graduate Software Engineer", "IT Support Technician"),
        required_skills=("Python", "Django", "PostgreSQL", "REST APIs", "AWS"),
        preferred_skills=("Kubernetes", "Terraform", "Kafka"),
        other_skills=("Git", "Docker", "CI/CD", "Linux", "Redis", "pytest", "JavaScript"),
        degrees=("BSc Computer Science", "BEng Software Engineering", "BSc Mathematics"),
        certs=("AWS Certified Developer - Associate", "Certified Kubernetes Application Developer (CKAD)"),
        companies=("Brightwave Software", "Ledgerline Systems", "Cobalt Digital", "Harbour Tech Group"),
        bullets=(
            "Designed and built {skill} services handling 2 million requests a day",
            "Led the migration of a monolith to {skill}-based microservices, cutting deploy time by 70%",
            "Mentored three junior engineers and ran weekly code reviews",
            "Introduced {skill} and raised test coverage from 40% to 85%",
            "Tuned {skill} queries, reducing p95 latency from 900 ms to 120 ms",
            "Owned on-call for the payments platform and wrote the incident runbooks",
        ),
        summary="Backend engineer who enjoys building reliable, well-tested services.",
        description=(
            "Northwind Analytics is hiring a Senior Python Backend Engineer to join the platform team that "
            "powers our retail forecasting products.\n\n"
            "What you will do\n"
            "You will design, build and run the APIs and data services behind our customer dashboards, work "
            "closely with product and data science, and help us move the remaining monolith onto AWS.\n\n"
            "Requirements\n"
            "- At least 5 years of professional software development experience, mostly in Python\n"
            "- Strong experience with Django (or a similar framework) and building REST APIs\n"
            "- Solid SQL and PostgreSQL skills, including schema design and query tuning\n"
            "- Hands-on experience deploying and operating services on AWS\n"
            "- A degree in Computer Science or a related subject, or equivalent experience\n\n"
            "Nice to have\n"
            "- Kubernetes, Terraform or another infrastructure-as-code tool\n"
            "- Event streaming with Kafka\n"
            "- AWS certification\n\n"
            "Hybrid working (2 days a week in our Manchester office), 25 days holiday, pension and a yearly "
            "learning budget."
        ),
    ),
    FieldSpec(
        key="sales",
        department="SALES",
        job_title="Enterprise Account Executive",
        client="Clearpath SaaS Inc",
        location="Austin, TX",
        work_type="Permanent",
        salary=(90000, 120000),
        years_required=4,
        titles=("Account Executive", "Senior Account Executive", "Business Development Manager", "Sales Manager"),
        junior_titles=("Sales Development Representative", "Retail Sales Associate", "Telesales Advisor"),
        required_skills=("B2B sales", "Salesforce", "pipeline management", "negotiation", "SaaS"),
        preferred_skills=("MEDDIC", "team leadership", "enterprise accounts"),
        other_skills=("HubSpot", "cold calling", "account planning", "presentations", "LinkedIn Sales Navigator"),
        degrees=("BA Business Administration", "BSc Marketing", "BA Communications"),
        certs=("Salesforce Certified Administrator", "Certified Sales Professional (CSP)"),
        companies=("Vantage Cloud", "Orbit CRM", "Pinnacle Software Sales", "BlueRiver Networks"),
        bullets=(
            "Closed $1.8M in new {skill} revenue in FY2022, 134% of quota",
            "Built and managed a pipeline of 60+ enterprise opportunities in {skill}",
            "Led a team of 5 SDRs, coaching on discovery calls and {skill}",
            "Negotiated multi-year contracts with Fortune 500 buyers",
            "Ranked top 3 of 40 reps for three consecutive quarters",
            "Ran quarterly business reviews for 25 key accounts",
        ),
        summary="Quota-carrying seller with a record of closing complex B2B deals.",
        description=(
            "Clearpath SaaS sells workflow automation to mid-market and enterprise companies across North "
            "America. We are looking for an Enterprise Account Executive to own a territory of 150 named "
            "accounts.\n\n"
            "The role\n"
            "You will run the full sales cycle from discovery to signature, build your own pipeline together "
            "with two SDRs, and forecast accurately in Salesforce.\n\n"
            "Must have\n"
            "- 4+ years of closing experience in B2B SaaS sales\n"
            "- A proven track record of hitting or exceeding a quota of $800k or more\n"
            "- Strong negotiation skills and experience with multi-stakeholder deals\n"
            "- Daily use of Salesforce for pipeline management and forecasting\n"
            "- Bachelor's degree (business or similar) preferred but not essential\n\n"
            "Preferred\n"
            "- Experience with MEDDIC or a similar qualification framework\n"
            "- Experience leading or mentoring junior sellers\n\n"
            "OTE $180k-$220k, uncapped commission, remote-first with quarterly meetups in Austin."
        ),
    ),
    FieldSpec(
        key="nursing",
        department="HEALTHCARE",
        job_title="Registered Nurse - Intensive Care Unit",
        client="St Aldhelm's Hospital NHS Trust",
        location="Bristol, Avon",
        work_type="Contract",
        salary=(38000, 47000),
        years_required=2,
        titles=("Registered Nurse", "Staff Nurse", "ICU Nurse", "Critical Care Nurse"),
        junior_titles=("Healthcare Assistant", "Care Assistant", "Student Nurse"),
        required_skills=(
            "NMC registration",
            "critical care",
            "patient assessment",
            "ventilator management",
            "medication administration",
        ),
        preferred_skills=("ALS certification", "mentoring students", "ECMO"),
        other_skills=("wound care", "IV therapy", "EPIC records", "infection control", "family liaison"),
        degrees=("BSc (Hons) Adult Nursing", "BSc Nursing Studies", "Diploma in Adult Nursing"),
        certs=("Advanced Life Support (ALS)", "Immediate Life Support (ILS)"),
        companies=(
            "Royal Westbrook Hospital",
            "City General NHS Foundation Trust",
            "Hillside Private Clinic",
            "Queen's Park Hospital",
        ),
        bullets=(
            "Cared for up to two level-3 patients per shift in a 20-bed ICU, including {skill}",
            "Delivered {skill} in line with trust protocols and NICE guidance",
            "Acted as shift coordinator on night duty for a team of 8 nurses",
            "Supported student nurses as a practice supervisor and assessor",
            "Completed competencies in {skill} and renal replacement therapy",
            "Took part in the unit's sepsis audit, improving time-to-antibiotics by 30%",
        ),
        summary="Compassionate registered nurse with acute and critical care experience.",
        description=(
            "St Aldhelm's Hospital is looking for Registered Nurses to join our 24-bed adult Intensive Care "
            "Unit on a 12-month contract, with the possibility of a permanent post.\n\n"
            "About the unit\n"
            "We care for level 2 and level 3 patients across general, surgical and trauma specialities, with "
            "a strong education team and a structured critical care competency programme.\n\n"
            "Essential criteria\n"
            "- Current NMC registration as an Adult Nurse (RN)\n"
            "- At least 2 years of post-registration experience, including time in critical care, HDU or a "
            "similar acute setting\n"
            "- Confident with patient assessment, medication administration and ventilator management\n"
            "- BSc in Nursing or equivalent registered nursing qualification\n\n"
            "Desirable\n"
            "- Advanced Life Support (ALS) certification\n"
            "- Experience supervising or assessing student nurses\n"
            "- Exposure to ECMO or renal replacement therapy\n\n"
            "Band 5/6 depending on experience, 37.5 hours a week on a rotating shift pattern."
        ),
    ),
    FieldSpec(
        key="finance",
        department="ACCOUNTANCY & FINANCE",
        job_title="Group Financial Accountant",
        client="Harrowgate Holdings plc",
        location="Leeds, West Yorkshire",
        work_type="Permanent",
        salary=(60000, 72000),
        years_required=3,
        titles=("Financial Accountant", "Management Accountant", "Senior Accountant", "Finance Manager"),
        junior_titles=("Accounts Assistant", "Purchase Ledger Clerk", "Bookkeeper"),
        required_skills=("ACA", "IFRS", "statutory accounts", "group consolidation", "month-end close"),
        preferred_skills=("SAP", "audit", "Power BI"),
        other_skills=("Excel", "VAT returns", "Sage", "cash flow forecasting", "accruals", "reconciliations"),
        degrees=("BSc Accounting and Finance", "BA Economics", "BSc Business Management"),
        certs=("ACA (ICAEW)", "ACCA", "CIMA"),
        companies=("Whitcombe & Partners LLP", "Forge Retail Group", "Castlegate Logistics", "Maple Insurance"),
        bullets=(
            "Prepared {skill} for 12 UK and European subsidiaries",
            "Ran the month-end close and delivered the management pack by working day 5",
            "Managed the year-end audit with the Big Four auditors, using {skill}",
            "Implemented {skill} automation that saved 3 days per close",
            "Prepared VAT returns and corporation tax computations",
            "Partnered with budget holders on forecasting and variance analysis",
        ),
        summary="Qualified accountant focused on clean numbers and fast closes.",
        description=(
            "Harrowgate Holdings is a FTSE 250 group with 30 trading subsidiaries. We need a Group Financial "
            "Accountant to own the consolidation and statutory reporting.\n\n"
            "Key responsibilities\n"
            "Monthly group consolidation, intercompany reconciliations, the year-end audit, and statutory "
            "accounts under IFRS for the group and its UK subsidiaries.\n\n"
            "Requirements\n"
            "- ACA, ACCA or CIMA qualified (ACA preferred)\n"
            "- 3+ years post-qualification experience in financial accounting or audit\n"
            "- Strong knowledge of IFRS and experience preparing statutory accounts\n"
            "- Experience with group consolidation and a fast month-end close\n"
            "- Degree in accounting, finance or a numerate subject\n\n"
            "Nice to have\n"
            "- SAP experience\n"
            "- A Big Four audit background\n"
            "- Power BI or similar reporting tools\n\n"
            "Hybrid, 3 days in the Leeds office. Bonus up to 10%."
        ),
    ),
    FieldSpec(
        key="logistics",
        department="SUPPLY CHAIN",
        job_title="Warehouse Operations Manager",
        client="Meridian Freight & Fulfilment",
        location="Northampton, Northamptonshire",
        work_type="Permanent",
        salary=(48000, 58000),
        years_required=5,
        titles=("Warehouse Manager", "Operations Manager", "Logistics Manager", "Shift Manager"),
        junior_titles=("Warehouse Operative", "Forklift Driver", "Picker Packer"),
        required_skills=("warehouse management", "WMS", "people management", "health and safety", "KPI reporting"),
        preferred_skills=("Lean Six Sigma", "IOSH", "3PL"),
        other_skills=("inventory control", "forklift licence", "SAP EWM", "route planning", "budgeting"),
        degrees=("BSc Logistics and Supply Chain Management", "HND Business", "BA Operations Management"),
        certs=("IOSH Managing Safely", "Lean Six Sigma Green Belt", "NEBOSH General Certificate"),
        companies=("Parcelink UK", "Greenfield Distribution", "Atlas 3PL Services", "Northern Cold Chain"),
        bullets=(
            "Ran a 250,000 sq ft site with 120 staff across three shifts, focusing on {skill}",
            "Improved pick rates by 18% after re-slotting the warehouse with {skill}",
            "Achieved zero RIDDOR incidents over two years through {skill}",
            "Reported weekly KPIs (OTIF, accuracy, cost per unit) to the regional director",
            "Managed peak recruitment of 60 agency staff each Q4",
            "Led the go-live of a new WMS across two sites",
        ),
        summary="Hands-on operations leader who runs safe, efficient warehouses.",
        description=(
            "Meridian Freight & Fulfilment is opening a second e-commerce fulfilment centre and needs an "
            "experienced Warehouse Operations Manager.\n\n"
            "The job\n"
            "You will lead a team of 8 shift managers and up to 200 operatives, own the site's safety, "
            "productivity and cost KPIs, and work with clients on peak planning.\n\n"
            "What we need\n"
            "- 5+ years managing warehouse or distribution operations, ideally in a 3PL or e-commerce setting\n"
            "- Experience running a WMS and reporting on operational KPIs\n"
            "- Strong people management: you have led shift managers and large teams\n"
            "- Sound health and safety knowledge; IOSH Managing Safely as a minimum\n\n"
            "Desirable\n"
            "- Lean Six Sigma (Green Belt or above)\n"
            "- NEBOSH certificate\n"
            "- Degree or HND in logistics or business\n\n"
            "Days, Monday to Friday with on-call rota. Company car allowance."
        ),
    ),
    FieldSpec(
        key="data",
        department="DATA & ANALYTICS",
        job_title="Data Analyst",
        client="Fairway Insurance Group",
        location="London, Greater London",
        work_type="Permanent",
        salary=(45000, 55000),
        years_required=2,
        titles=("Data Analyst", "BI Analyst", "Insight Analyst", "Reporting Analyst"),
        junior_titles=("Data Entry Clerk", "Graduate Analyst", "Administrator"),
        required_skills=("SQL", "Power BI", "Excel", "data visualisation", "stakeholder management"),
        preferred_skills=("Python", "dbt", "Snowflake"),
        other_skills=("Tableau", "statistics", "A/B testing", "Google Analytics", "R", "data modelling"),
        degrees=("BSc Mathematics", "BSc Economics", "MSc Data Science", "BSc Statistics"),
        certs=("Microsoft Certified: Power BI Data Analyst Associate", "Google Data Analytics Certificate"),
        companies=("Quantia Consulting", "Redbridge Retail", "Summit Bank", "Lumen Health Analytics"),
        bullets=(
            "Built {skill} dashboards used daily by 200 underwriters",
            "Wrote {skill} queries over a 2 TB claims warehouse",
            "Automated monthly reporting in {skill}, saving 4 days a month",
            "Presented findings on customer churn to the executive committee",
            "Partnered with pricing to design and analyse A/B tests",
            "Documented data definitions and owned the KPI glossary",
        ),
        summary="Analyst who turns messy data into decisions people act on.",
        description=(
            "Fairway Insurance Group is growing its central analytics team and is hiring a Data Analyst to "
            "support pricing and claims.\n\n"
            "What you will be doing\n"
            "Building and maintaining Power BI reports, answering ad hoc questions with SQL, and presenting "
            "insight to senior stakeholders who are not data people.\n\n"
            "Essential\n"
            "- 2+ years of experience in a data or BI analyst role\n"
            "- Strong SQL (joins, window functions, CTEs)\n"
            "- Power BI (or Tableau) dashboard design and advanced Excel\n"
            "- Able to explain findings clearly to non-technical stakeholders\n"
            "- Degree in a numerate subject such as maths, statistics or economics\n\n"
            "Desirable\n"
            "- Python for analysis (pandas)\n"
            "- dbt or Snowflake\n"
            "- Insurance or financial services experience\n\n"
            "Hybrid, 2 days in our City office. Private medical cover."
        ),
    ),
    FieldSpec(
        key="hr",
        department="HUMAN RESOURCES",
        job_title="HR Business Partner",
        client="Oakmere Manufacturing",
        location="Birmingham, West Midlands",
        work_type="Permanent",
        salary=(50000, 60000),
        years_required=4,
        titles=("HR Business Partner", "HR Advisor", "People Partner", "HR Manager"),
        junior_titles=("HR Administrator", "Recruitment Coordinator", "Payroll Assistant"),
        required_skills=(
            "employee relations",
            "CIPD",
            "UK employment law",
            "organisational change",
            "stakeholder management",
        ),
        preferred_skills=("TUPE", "unionised environment", "Workday"),
        other_skills=("recruitment", "performance management", "absence management", "HR policies", "coaching"),
        degrees=("BA Human Resource Management", "BA Psychology", "MSc HRM"),
        certs=("CIPD Level 7", "CIPD Level 5", "Mediation Certificate"),
        companies=("Kingsway Foods", "Ashby Engineering", "Riverside Retail", "Crown Logistics"),
        bullets=(
            "Partnered with a 600-person operations function on {skill}",
            "Handled a caseload of 30+ {skill} cases including grievances and disciplinaries",
            "Led consultation for a restructure affecting 80 roles",
            "Coached line managers on {skill} and difficult conversations",
            "Reduced absence by 2 points through a new wellbeing programme",
            "Rolled out a new performance framework across three sites",
        ),
        summary="Pragmatic HR generalist with strong employee relations experience.",
        description=(
            "Oakmere Manufacturing employs 1,400 people across four UK plants. We are looking for an HR "
            "Business Partner to support our Operations and Engineering directors.\n\n"
            "About the role\n"
            "You will coach leaders, handle complex employee relations, lead organisational change and work "
            "with our recognised trade union.\n\n"
            "Essential\n"
            "- CIPD Level 5 qualified or above (Level 7 preferred)\n"
            "- 4+ years in a generalist HR role, at least 2 as a business partner or senior advisor\n"
            "- Strong employee relations experience and up-to-date UK employment law knowledge\n"
            "- Experience leading organisational change and consultation\n\n"
            "Desirable\n"
            "- Experience in a unionised manufacturing environment\n"
            "- TUPE transfers\n"
            "- Workday or another HRIS\n\n"
            "Based in Birmingham with travel to our plants. Car allowance and 10% bonus."
        ),
    ),
    FieldSpec(
        key="marketing",
        department="MARKETING",
        job_title="Digital Marketing Manager",
        client="Bloom & Bramble Ltd",
        location="Brighton, East Sussex",
        work_type="Permanent",
        salary=(42000, 52000),
        years_required=3,
        titles=(
            "Digital Marketing Manager",
            "Marketing Executive",
            "Performance Marketing Manager",
            "Content Marketing Manager",
        ),
        junior_titles=("Marketing Assistant", "Social Media Intern", "Customer Service Advisor"),
        required_skills=("PPC", "SEO", "Google Analytics", "paid social", "campaign management"),
        preferred_skills=("HubSpot", "e-commerce", "CRO"),
        other_skills=("copywriting", "email marketing", "Canva", "content strategy", "budget management"),
        degrees=("BA Marketing", "BA English", "BSc Business and Marketing"),
        certs=("Google Ads Search Certification", "HubSpot Inbound Marketing", "CIM Diploma in Digital Marketing"),
        companies=("Fern & Fable", "Lighthouse Media", "UrbanThread Clothing", "Peak Digital Agency"),
        bullets=(
            "Managed a £40k monthly {skill} budget at a 4.2x ROAS",
            "Grew organic traffic 160% in 12 months through {skill}",
            "Planned and ran multi-channel {skill} for product launches",
            "Built the email programme from scratch to 45% of online revenue",
            "Reported weekly on CAC, ROAS and conversion to the leadership team",
            "Briefed and managed freelance designers and copywriters",
        ),
        summary="Data-led digital marketer with e-commerce growth experience.",
        description=(
            "Bloom & Bramble is a fast-growing online garden and homeware brand. We are hiring a Digital "
            "Marketing Manager to lead acquisition.\n\n"
            "What you will own\n"
            "Paid search and paid social, SEO, and the marketing reporting that ties spend to revenue. You "
            "will manage a budget of around £600k a year and one marketing executive.\n\n"
            "You will need\n"
            "- 3+ years in digital marketing, with hands-on PPC (Google Ads) and paid social\n"
            "- A solid grasp of SEO and Google Analytics 4\n"
            "- Experience planning and running campaigns end to end and reporting on ROI\n"
            "- A degree in marketing or a related field, or equivalent experience\n\n"
            "Bonus points\n"
            "- E-commerce experience\n"
            "- HubSpot or Klaviyo\n"
            "- Conversion rate optimisation\n\n"
            "Hybrid in Brighton, with a generous staff discount."
        ),
    ),
    FieldSpec(
        key="customer_success",
        department="CUSTOMER SUCCESS",
        job_title="Customer Success Manager",
        client="Tidewater Payments",
        location="Remote (UK)",
        work_type="Permanent",
        salary=(40000, 50000),
        years_required=3,
        titles=("Customer Success Manager", "Account Manager", "Client Services Manager", "Onboarding Specialist"),
        junior_titles=("Customer Service Advisor", "Call Centre Agent", "Receptionist"),
        required_skills=("customer success", "account management", "renewals", "onboarding", "CRM"),
        preferred_skills=("Gainsight", "fintech", "upselling"),
        other_skills=("Zendesk", "training delivery", "NPS", "churn analysis", "Salesforce"),
        degrees=("BA Business Studies", "BA History", "BSc Psychology"),
        certs=("Certified Customer Success Manager (CCSM)", "ITIL Foundation"),
        companies=("Payvia", "Helix Software", "Brightdesk", "Northstar Telecom"),
        bullets=(
            "Managed a book of 80 SMB accounts worth £2.1M ARR, focusing on {skill}",
            "Achieved 96% gross retention through proactive {skill}",
            "Ran {skill} for 30 new customers a quarter",
            "Identified expansion opportunities worth £300k in a year",
            "Built health scores and churn alerts with the data team",
            "Trained customers on the product through webinars and workshops",
        ),
        summary="Customer-focused account manager who keeps clients and grows them.",
        description=(
            "Tidewater Payments provides card acceptance and payouts to 4,000 UK businesses. We are hiring a "
            "Customer Success Manager for our mid-market segment.\n\n"
            "The role\n"
            "Own a portfolio of around 70 accounts: onboarding, adoption, renewals and expansion.\n\n"
            "Requirements\n"
            "- 3+ years in customer success or account management, ideally B2B SaaS or fintech\n"
            "- Proven ownership of renewals and retention targets\n"
            "- Confident running onboarding and training sessions\n"
            "- Comfortable in a CRM (Salesforce, HubSpot or similar)\n\n"
            "Preferred\n"
            "- Gainsight or another CS platform\n"
            "- Payments or fintech knowledge\n"
            "- Upselling experience\n\n"
            "Fully remote within the UK; quarterly team days in London."
        ),
    ),
    FieldSpec(
        key="electrical",
        department="ENGINEERING & TRADES",
        job_title="Maintenance Electrician",
        client="Sterling Foods Processing",
        location="Hull, East Yorkshire",
        work_type="Permanent",
        salary=(38000, 45000),
        years_required=3,
        titles=(
            "Maintenance Electrician",
            "Electrician",
            "Multi-skilled Maintenance Engineer",
            "Electrical Technician",
        ),
        junior_titles=("Electrician's Mate", "Apprentice Electrician", "Production Operative"),
        required_skills=("18th Edition", "fault finding", "PLC", "three-phase systems", "planned maintenance"),
        preferred_skills=("Siemens S7", "food manufacturing", "inverter drives"),
        other_skills=("pneumatics", "hydraulics", "PUWER", "CMMS", "lock-out tag-out"),
        degrees=("NVQ Level 3 Electrotechnical", "City & Guilds 2365", "HNC Electrical Engineering"),
        certs=("BS 7671 18th Edition", "AM2 Assessment", "ECS Gold Card"),
        companies=("Humber Packaging", "Coastal Bakeries", "Yorkshire Plastics", "Trent Engineering Services"),
        bullets=(
            "Carried out {skill} on high-speed packaging lines",
            "Diagnosed and repaired {skill} faults, cutting downtime by 25%",
            "Completed planned maintenance schedules on the CMMS",
            "Installed and commissioned new {skill} panels",
            "Worked a 4-on-4-off shift pattern as the sole electrician on nights",
            "Trained two apprentices in safe isolation and testing",
        ),
        summary="Time-served electrician with factory maintenance experience.",
        description=(
            "Sterling Foods Processing runs 14 production lines making chilled ready meals. We need a "
            "Maintenance Electrician to keep them running.\n\n"
            "What you will do\n"
            "Reactive breakdowns and planned maintenance on production and packaging equipment, electrical "
            "installation work and continuous-improvement projects.\n\n"
            "Essential\n"
            "- Time-served, qualified electrician (NVQ Level 3 or City & Guilds equivalent)\n"
            "- 18th Edition (BS 7671) certificate\n"
            "- 3+ years of industrial maintenance experience with strong fault finding\n"
            "- Experience with PLCs and three-phase systems\n\n"
            "Desirable\n"
            "- Siemens S7 / TIA Portal\n"
            "- Food or FMCG manufacturing background\n"
            "- Inverter drives and servo systems\n\n"
            "4-on-4-off days and nights, shift allowance, overtime available."
        ),
        state="closed",
        publish_online=False,
    ),
)

# Candidates from outside every job's field: they should rank low for all jobs.
OTHER_PROFILES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("Chef de Partie", ("menu planning", "food hygiene", "kitchen management"), ("The Olive Grove", "Bistro 21")),
    (
        "Primary School Teacher",
        ("lesson planning", "safeguarding", "classroom management"),
        ("Greenfields Primary", "St Mary's C of E School"),
    ),
    (
        "Retail Store Manager",
        ("visual merchandising", "staff rota", "stock control"),
        ("High Street Fashion", "Corner Books"),
    ),
    ("Graphic Designer", ("Adobe Illustrator", "branding", "typography"), ("Studio Nine", "Inkwell Design")),
    ("Solicitor", ("conveyancing", "contract law", "client care"), ("Barnes & Co Solicitors", "Lawford LLP")),
    (
        "Pharmacist",
        ("dispensing", "medicines optimisation", "patient counselling"),
        ("Boots Pharmacy", "Wellcare Chemists"),
    ),
)

FIRST_NAMES: tuple[str, ...] = (
    "Olivia",
    "James",
    "Amelia",
    "Mohammed",
    "Isla",
    "Oliver",
    "Ava",
    "Noah",
    "Priya",
    "Arjun",
    "Chloe",
    "Daniel",
    "Grace",
    "Lucas",
    "Sofia",
    "Ethan",
    "Mia",
    "Kwame",
    "Aisha",
    "Liam",
    "Zoe",
    "Hannah",
    "Samuel",
    "Fatima",
    "Wei",
    "Mei",
    "Tomasz",
    "Agnieszka",
    "Siobhan",
    "Connor",
    "Emeka",
    "Ngozi",
    "Lars",
    "Ingrid",
    "Diego",
    "Lucia",
    "Hiroshi",
    "Yuki",
    "Rahul",
    "Ananya",
    "Jack",
    "Emily",
    "Ryan",
    "Megan",
    "Callum",
    "Leah",
    "Marcus",
    "Jade",
    "Owen",
    "Freya",
    "Yusuf",
    "Layla",
    "Mateo",
    "Elena",
    "Ben",
    "Rachel",
    "Kofi",
    "Abena",
    "Patrick",
    "Niamh",
    "José",
    "Zoë",
    "Chiara",
    "Björn",
)
SURNAMES: tuple[str, ...] = (
    "Smith",
    "Jones",
    "Taylor",
    "Brown",
    "Williams",
    "Wilson",
    "Johnson",
    "Davies",
    "Patel",
    "Khan",
    "Robinson",
    "Wright",
    "Thompson",
    "Evans",
    "Walker",
    "White",
    "Roberts",
    "Green",
    "Hall",
    "Wood",
    "Nguyen",
    "Chen",
    "Kowalski",
    "Nowak",
    "O'Brien",
    "Murphy",
    "Okafor",
    "Mensah",
    "Andersson",
    "Larsen",
    "Garcia",
    "Fernandez",
    "Tanaka",
    "Sato",
    "Sharma",
    "Gupta",
    "Hughes",
    "Edwards",
    "Clarke",
    "Lewis",
    "Ahmed",
    "Ali",
    "Hussain",
    "Campbell",
    "Stewart",
    "MacDonald",
    "Rossi",
    "Bianchi",
    "Müller",
    "Dubois",
    "Asante",
    "Boateng",
    "Kelly",
    "Byrne",
    "Silva",
    "Costa",
    "Novak",
    "Horvat",
)
CITIES: tuple[str, ...] = (
    "London",
    "Manchester",
    "Leeds",
    "Bristol",
    "Birmingham",
    "Glasgow",
    "Cardiff",
    "Nottingham",
    "Sheffield",
    "Brighton",
    "Hull",
    "Northampton",
    "Austin, TX",
    "Dallas, TX",
    "Chicago, IL",
    "Denver, CO",
    "Toronto, ON",
)
UNIVERSITIES: tuple[str, ...] = (
    "University of Leeds",
    "University of Manchester",
    "University of Bristol",
    "University of Texas at Austin",
    "Open University",
    "University of Glasgow",
    "Sheffield Hallam University",
    "University of Toronto",
    "Cardiff University",
    "Nottingham Trent University",
    "University of Birmingham",
    "De Montfort University",
)
MONTHS: tuple[str, ...] = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTHS_LONG: tuple[str, ...] = (
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
RECRUITER_NOTES: tuple[tuple[str, str], ...] = (
    ("Telephone", "Spoke to candidate, open to new roles, notice period one month."),
    ("Email", "Sent job spec, candidate to review and come back by Friday."),
    ("Telephone", "Left voicemail about the role."),
    ("Appointment", "Registration interview completed; strong communicator, salary expectations in range."),
    ("Email", "Candidate asked about hybrid working options."),
)
