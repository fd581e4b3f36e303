"""The hand-written sanity set: 8 jobs, each ranked over 9 candidates, written by hand to be read.

Per job: a resume that meets every requirement (gain 2), a near-miss with `missing` filled (gain 1), a resume
with an adjacent job title that does not meet the core requirements (gain 0), an unrelated resume (gain 0),
the strong resumes of four other jobs (gain 0) and one resume too thin to judge (gain 0).
`.venv/bin/python -m eval.generate` writes it to eval/sets/handwritten/.
"""

from __future__ import annotations

JOBS: dict[str, str] = {
    "hw-job-python": """# Senior Backend Engineer (Python)
Harborline Payments · Denver, CO (hybrid)

We move money for 4,000 small businesses. You will own services in our payments platform.

## Requirements
- 5+ years of professional software development
- Python and Django in production
- PostgreSQL: schema design and query tuning
- AWS (ECS, RDS, S3) and Docker
- Writing automated tests (pytest)

## Nice to have
- Kafka or another event streaming platform
- Payments or fintech experience
""",
    "hw-job-icu": """ICU Registered Nurse - Nights
St. Brendan Regional Medical Center, Columbus OH

Our 24-bed medical-surgical ICU cares for adults with sepsis, respiratory failure and post-operative needs.

Requirements:
- Active Ohio RN license (or compact license)
- 2+ years of critical care experience as an RN
- Current BLS and ACLS certification
- Ventilator and vasoactive drip management
- Epic charting

Preferred: CCRN certification; BSN.
""",
    "hw-job-accountant": """Staff Accountant
Cedar & Pine Manufacturing — Grand Rapids, MI

Must have:
- Bachelor's degree in accounting
- 2+ years in general ledger accounting
- Month-end close, journal entries and balance sheet reconciliations
- US GAAP
- NetSuite
- Advanced Excel (pivot tables, lookups)

Nice to have: CPA or CPA-eligible; manufacturing or inventory costing experience.
""",
    "hw-job-driver": """CDL-A Regional Truck Driver — home every weekend
Blue Ridge Freight Lines, Charlotte NC

What you need:
- Class A CDL
- 2 years of verifiable tractor-trailer experience
- Clean driving record (no major violations in 3 years)
- Current DOT medical card
- Experience with ELD and hours-of-service rules

Bonus: HAZMAT endorsement; dry van and reefer experience.
""",
    "hw-job-recruiter": """Talent Acquisition Partner (Technology)
Northwind Software — Remote, US

You will run hiring for our engineering and product teams.

Requirements
* 3+ years of full-cycle recruiting, at least 2 of them hiring software engineers
* Sourcing passive candidates (LinkedIn Recruiter, Boolean search)
* Greenhouse or a similar ATS
* Closing offers and negotiating compensation
* Reporting on hiring metrics

Nice to have: diversity recruiting programs; startup experience.
""",
    "hw-job-marketing": """Digital Marketing Manager
Evergreen Outdoor Co. — Portland, OR

Lead our paid acquisition for an e-commerce outdoor apparel brand ($2M annual media budget).

Requirements:
- 4+ years in performance marketing
- Google Ads (search and shopping)
- Meta Ads (Facebook and Instagram)
- GA4 and conversion tracking
- Managing budgets and reporting ROAS
- SEO fundamentals

Preferred: Shopify; Klaviyo email marketing.
""",
    "hw-job-electrician": """Journeyman Electrician — Commercial
Keystone Electric, Pittsburgh PA

Requirements:
- Journeyman electrician license
- 4+ years of commercial electrical work
- National Electrical Code (NEC)
- EMT and rigid conduit bending
- Reading blueprints and electrical drawings
- OSHA 10 card

Preferred: fire alarm systems; experience with 480V three-phase distribution.
""",
    "hw-job-analyst": """Data Analyst
Lakeside Grocers — Chicago, IL

Help merchandising and store operations make decisions with data.

Requirements:
- 3+ years as a data or business analyst
- SQL (joins, window functions)
- Tableau dashboards
- Excel
- Presenting findings to non-technical stakeholders

Preferred: Python (pandas); retail or CPG experience.
""",
}

_STRONG: dict[str, str] = {
    "hw-cand-python-strong": """Maya Lindqvist
maya.lindqvist@mail.com | Denver, CO

Backend engineer, 8 years building Python services for fintech.

EXPERIENCE
Senior Software Engineer, Tallypay (2020 - present)
- Built the payouts service in Python 3 / Django handling 1.2M transfers a month
- Redesigned the PostgreSQL ledger schema; cut p95 query time from 900 ms to 60 ms with partial indexes
- Moved services from EC2 to AWS ECS with Docker; RDS Postgres, S3 for statements
- Introduced pytest fixtures and contract tests; coverage from 41% to 85%
Software Engineer, Brightcart (2017 - 2020)
- Django REST APIs for the checkout team; Celery workers; Kafka consumers for order events

SKILLS Python, Django, PostgreSQL, AWS (ECS, RDS, S3, Lambda), Docker, pytest, Kafka, Redis
EDUCATION B.S. Computer Science, University of Colorado, 2017
""",
    "hw-cand-icu-strong": """Daniel Okafor, RN, BSN, CCRN
Columbus, OH · daniel.okafor@mail.com

Registered Nurse with 6 years in adult critical care.

Licenses & certifications: Ohio RN license (active, exp. 2027); BLS (AHA, 2025); ACLS (AHA, 2025); CCRN (2022)

Experience
ICU Registered Nurse — Mount Carmel Medical ICU, 2019 to present
- 1:2 assignments of ventilated patients; titrate norepinephrine, vasopressin and propofol drips
- Sepsis bundle compliance champion; charge nurse two nights a week
- Full documentation in Epic, including flowsheets and MAR
Progressive Care RN — Riverside Methodist, 2018 to 2019

Education: BSN, The Ohio State University, 2018
""",
    "hw-cand-accountant-strong": """Priya Raman
Grand Rapids, MI | priya.raman@mail.com

STAFF ACCOUNTANT — 4 years in manufacturing accounting

Experience
Staff Accountant, Lakeshore Components (Jan 2021 – Present)
• Own month-end close for two entities: journal entries, accruals, prepaid and fixed asset schedules
• Prepare balance sheet reconciliations (cash, AP, inventory, accrued liabilities) in NetSuite
• Inventory costing and variance analysis with operations
• Built Excel close tracker with pivot tables and XLOOKUP; close reduced from 9 to 6 days
Accounting Associate, Brooks & Hale CPAs (2019 – 2020)
• General ledger clean-up and bank reconciliations for small clients under US GAAP

Education: B.S. Accounting, Grand Valley State University, 2019. CPA exam: 2 of 4 sections passed.
""",
    "hw-cand-driver-strong": """Luis Alvarez — CDL-A Driver
Charlotte, NC | (704) 555-0142

Licenses: Class A CDL (NC), HAZMAT and tanker endorsements. DOT medical card valid to 08/2026.
Clean MVR — no violations or accidents.

Driving experience
Regional driver, Carolina Dry Van Inc., 2019 – present: dry van and reefer loads across NC, SC, VA, GA;
  Samsara ELD; 100% on-time in 2024; pre-trip and post-trip inspections every trip.
Local delivery driver (Class B), Metro Beverage, 2017 – 2019.

CDL training: Central Piedmont Community College, 2017.
""",
    "hw-cand-recruiter-strong": """Hannah Becker
Technical Recruiter | hannah.becker@mail.com | Remote (Austin, TX)

6 years of full-cycle recruiting, 4 in software engineering hiring.

Cobalt Labs — Senior Technical Recruiter (2021–present)
- Hired 70+ engineers (backend, mobile, SRE) and 12 product managers
- Sourced passive candidates with LinkedIn Recruiter and Boolean strings; 45% of hires sourced
- Ran Greenhouse: scorecards, interview plans, hiring dashboards (time-to-fill, pass-through rates)
- Negotiated and closed offers including equity; 91% offer acceptance
- Launched a diversity sourcing program with two HBCU partnerships
Staffmark — Recruiter (2019–2021): high-volume light industrial and office roles

B.A. Psychology, Texas State University
""",
    "hw-cand-marketing-strong": """Jordan Mills
Portland, OR · jordan.mills@mail.com

Performance marketer, 7 years in e-commerce.

Trailhead Gear — Paid Media Manager, 2020–present
• Managed $2.5M/yr across Google Ads (search, shopping, Performance Max) and Meta Ads
• ROAS from 2.8 to 4.1 in 18 months; weekly ROAS and CAC reporting to the CMO
• Rebuilt GA4 conversion tracking with GTM and server-side events
• Partnered with SEO agency on technical SEO and product page content
Cascade Coffee — Digital Marketing Specialist, 2017–2020
• Shopify store launch, Klaviyo email flows, Facebook and Instagram ads

B.A. Marketing, Portland State University
""",
    "hw-cand-electrician-strong": """Tomasz Nowak
Journeyman Electrician · Pittsburgh, PA

Pennsylvania journeyman electrician license (#JE-4471). OSHA 10 and OSHA 30.

IBEW Local 5 — Journeyman, 2018–present
- Commercial and hospital projects: 480V three-phase distribution, panels, switchgear
- Bent and installed EMT and rigid conduit up to 4"
- Worked from blueprints and electrical drawings; NEC 2020 code compliance, passed all inspections
- Fire alarm device installation and testing
IBEW Local 5 — Apprentice, 2013–2018

Trade school: Community College of Allegheny County, Electrical Technology
""",
    "hw-cand-analyst-strong": """Grace Kim
grace.kim@mail.com · Chicago, IL

Data Analyst with 5 years in retail analytics.

Marketplace Foods — Senior Data Analyst (2021 – now)
- Wrote SQL (CTEs, window functions) on Snowflake for promotion and shrink analysis
- Built 15 Tableau dashboards used weekly by merchandising and store operations
- Presented price-elasticity findings to category managers and VPs
- Automated weekly reports with Python (pandas) and Excel
Circle Retail Group — Business Analyst (2019 – 2021): Excel models, ad-hoc SQL

B.A. Economics, University of Illinois Chicago
""",
}

_NEAR: dict[str, tuple[str, list[str]]] = {
    "hw-cand-python-near": (
        """Sam Whitaker
sam.whitaker@mail.com | Boulder, CO

Python developer, 3 years.

Software Engineer, Quillbase (2022 - present)
- Built internal Django apps for the support team; MySQL database
- Wrote pytest suites for the billing module
- Deployed with Heroku
Junior Developer, Pinecone Studio (2021 - 2022): Flask prototypes

Skills: Python, Django, Flask, MySQL, pytest, Git
B.S. Information Systems, 2021
""",
        ["5+ years of professional software development", "PostgreSQL", "AWS", "Docker"],
    ),
    "hw-cand-icu-near": (
        """Emily Hart, RN
Dublin, OH · emily.hart@mail.com

Registered Nurse, 3 years on a medical-surgical floor.

Licenses: Ohio RN license (active). BLS (AHA, 2025).

Med-Surg RN — Grant Medical Center, 2022 to present
- 1:5 assignments of post-operative and medical patients
- Epic documentation; IV therapy; wound care; patient and family teaching
Nurse Extern — Grant Medical Center, 2021

Education: ADN, Columbus State Community College, 2022
""",
        ["ACLS", "critical care experience", "Ventilator and vasoactive drip management"],
    ),
    "hw-cand-accountant-near": (
        """Kevin Doyle
Holland, MI | kevin.doyle@mail.com

Accounts payable and general ledger specialist, 3 years.

GL Accountant, Westshore Logistics (2022 – Present)
• Journal entries and month-end close support; bank reconciliations
• US GAAP accruals; monthly variance commentary in Excel (pivot tables)
• ERP: QuickBooks Enterprise and Sage Intacct
AP Specialist, Westshore Logistics (2021 – 2022)

Education: B.B.A. Accounting, Hope College, 2021
""",
        ["NetSuite"],
    ),
    "hw-cand-driver-near": (
        """Marcus Reed
Gastonia, NC | (704) 555-0199

Class A CDL, obtained March 2025. Clean driving record. DOT medical card current.

Experience
Student driver / team driver, Southern Star Carriers, 2025 – present: OTR dry van with trainer; ELD logs.
Warehouse associate and forklift operator, Amazon CLT4, 2021 – 2025.
""",
        ["2 years of verifiable tractor-trailer experience"],
    ),
    "hw-cand-recruiter-near": (
        """Olivia Grant
Recruiter | olivia.grant@mail.com | Dallas, TX

4 years of full-cycle recruiting in healthcare and retail.

Baylor Partners Health — Recruiter (2021–present)
- Full-cycle hiring for nurses, therapists and front-desk staff; 25 open roles at a time
- Workday Recruiting ATS; offer letters and negotiation for hourly and salaried roles
- Monthly time-to-fill and source-of-hire reports
Target — HR Coordinator (2020–2021)

B.S. Human Resource Management
""",
        ["hiring software engineers", "Sourcing passive candidates", "LinkedIn Recruiter", "Greenhouse"],
    ),
    "hw-cand-marketing-near": (
        """Alexis Romero
Seattle, WA · alexis.romero@mail.com

Digital marketing specialist, 5 years.

Northbay Travel — Digital Marketing Specialist, 2020–present
• Google Ads search campaigns; budget of $40k/month; weekly ROAS reporting
• SEO: keyword research, on-page optimisation, link building
• Email newsletters in Mailchimp
Northbay Travel — Marketing Coordinator, 2019–2020

B.A. Communications, University of Washington
""",
        ["Meta Ads", "GA4"],
    ),
    "hw-cand-electrician-near": (
        """Ryan Kowalski
Electrician · Erie, PA

Residential electrician, 5 years. OSHA 10.

Lakeview Electric — Electrician (2020–present)
- Residential service upgrades, panel changes, new-construction wiring (Romex)
- Troubleshooting circuits, GFCI/AFCI, NEC code compliance
- Read plans for new homes
Lakeview Electric — Helper (2019–2020)

Vocational certificate, Erie County Technical School
""",
        ["Journeyman electrician license", "commercial electrical work", "conduit bending"],
    ),
    "hw-cand-analyst-near": (
        """Noah Patel
noah.patel@mail.com · Evanston, IL

Operations analyst, 2 years.

Midwest Pharmacy Co. — Operations Analyst (2023 – now)
- Excel models for staffing and inventory; pivot tables
- Wrote basic SQL queries to pull store sales
- Monthly Power BI report for district managers
Intern, Midwest Pharmacy Co. (2022)

B.S. Business Analytics, Loyola University Chicago
""",
        ["3+ years as a data or business analyst", "Tableau", "window functions"],
    ),
}

_ADJACENT: dict[str, str] = {
    "hw-cand-python-adjacent": """Chloe Martin — Frontend Engineer
Denver, CO · chloe.martin@mail.com

6 years building web interfaces in React and TypeScript.
Fieldnote (2021-present): design system, Next.js, accessibility (WCAG 2.1), Jest and Playwright tests.
Parcel Labs (2018-2021): Vue.js dashboards; wrote a few Node.js endpoints.
Skills: React, TypeScript, JavaScript, CSS, Next.js, Figma, Git
""",
    "hw-cand-icu-adjacent": """Sofia Reyes
Columbus, OH · sofia.reyes@mail.com
Respiratory Therapist (RRT), 5 years in adult ICU.
Ohio RT license; BLS; ACLS; NBRC RRT credential.
OhioHealth — Respiratory Therapist (2020–present): ventilator setup and weaning, ABG draws, intubation
assistance, rapid response team.
A.A.S. Respiratory Care, Columbus State Community College
""",
    "hw-cand-accountant-adjacent": """Ben Hughes
Grand Rapids, MI · ben.hughes@mail.com
Bookkeeper, 5 years, small businesses.
Hughes Bookkeeping (self-employed, 2020–present): QuickBooks Online bookkeeping for 15 clients, invoicing,
payroll through Gusto, sales tax filings.
Front desk and billing, Riverside Dental (2017–2020).
Certificate in Bookkeeping, Grand Rapids Community College
""",
    "hw-cand-driver-adjacent": """Tyrone Banks
Concord, NC
Dispatcher and former delivery driver.
Piedmont Logistics — Truck Dispatcher (2021–present): assign loads to 40 drivers, track hours of service
in Samsara, handle breakdowns and customer ETAs, McLeod TMS.
UPS — Package Car Driver (2016–2021), Class C license.
""",
    "hw-cand-recruiter-adjacent": """Laura Chen
HR Generalist · laura.chen@mail.com · Austin, TX
5 years in HR operations.
Helix Software — HR Generalist (2021–present): onboarding for engineering hires, benefits enrolment, employee
relations cases, Workday HCM, coordinating interview schedules for recruiters.
Kendra Scott — HR Assistant (2019–2021)
SHRM-CP. B.A. Sociology.
""",
    "hw-cand-marketing-adjacent": """Ethan Brooks
Portland, OR · ethan.brooks@mail.com
Social media and content manager, 6 years.
Wildfern Skincare — Social Media Manager (2020–present): organic Instagram and TikTok content, influencer
partnerships, community management, content calendar, Canva and Later.
Freelance copywriter (2018–2020): blog posts and product descriptions.
B.A. English
""",
    "hw-cand-electrician-adjacent": """Carlos Mendes
HVAC Service Technician · Pittsburgh, PA
7 years servicing commercial rooftop units and chillers. EPA 608 Universal. OSHA 10.
Allegheny Mechanical (2018–present): diagnose compressors, contactors and control boards; low-voltage
thermostat wiring; read mechanical drawings.
HVAC diploma, Triangle Tech
""",
    "hw-cand-analyst-adjacent": """Wei Zhang
Chicago, IL · wei.zhang@mail.com
Data Engineer, 4 years.
Streamline Logistics (2021–present): Airflow and dbt pipelines into Snowflake; Spark jobs on Databricks;
data quality checks; Terraform for infrastructure. Python and SQL daily.
Junior ETL Developer, Acme Insurance (2020–2021): SSIS packages.
M.S. Computer Science, Illinois Institute of Technology
""",
}

_UNRELATED: dict[str, str] = {
    "hw-cand-python-unrelated": """Rosa Delgado
Pastry Chef · Denver, CO
10 years in restaurant and hotel pastry kitchens. Laminated doughs, plated desserts, wedding cakes.
The Brown Palace — Pastry Sous Chef (2019–present): led a team of 4, menu costing, ServSafe Manager.
Culinary Arts diploma, Johnson & Wales University
""",
    "hw-cand-icu-unrelated": """Mark Jensen
Columbus, OH
Commercial Roofer, 12 years. TPO and EPDM membranes, tear-offs, OSHA 30, fall protection trainer.
Buckeye Roofing (2014–present), crew lead of 6.
""",
    "hw-cand-accountant-unrelated": """Aisha Bello
Grand Rapids, MI
Elementary school teacher, Grade 2, 6 years. Michigan teaching certificate. Reading intervention,
classroom management, parent conferences. Kent ISD (2019–present). B.A. Elementary Education.
""",
    "hw-cand-driver-unrelated": """Julia Rossi
Charlotte, NC · julia.rossi@mail.com
UX Researcher, 5 years. Usability testing, interviews, survey design, Figma prototypes, Dovetail.
Bank of the Carolinas — UX Researcher (2021–present). M.S. Human-Computer Interaction.
""",
    "hw-cand-recruiter-unrelated": """Gary Whitfield
Austin, TX
CNC Machinist, 9 years. Haas and Mazak mills and lathes, G-code, first article inspection, GD&T,
micrometers. Hill Country Precision (2016–present).
""",
    "hw-cand-marketing-unrelated": """Fatima Noor
Portland, OR
Pharmacy Technician (CPhT), 4 years. Prescription filling, insurance rejections, inventory, controlled
substance counts. Fred Meyer Pharmacy (2021–present).
""",
    "hw-cand-electrician-unrelated": """Hiro Tanaka
Pittsburgh, PA · hiro.tanaka@mail.com
Corporate paralegal, 5 years. Entity management, UCC filings, closing binders, contract review in
Ironclad, Westlaw research. Buchanan & Reed LLP (2020–present). Paralegal certificate.
""",
    "hw-cand-analyst-unrelated": """Zoe Adams
Chicago, IL
Hotel front desk supervisor, 4 years. Opera PMS, check-in and check-out, night audit, guest complaints,
training new agents. The Lakeview Hotel (2021–present).
""",
}

THIN_RESUME_ID = "hw-cand-thin"
THIN_RESUME = "John Smith\nHard worker. References available on request.\n"

OTHER_STRONG = 4  # strong resumes of other jobs added to each job's list


def build() -> tuple[list[dict[str, str]], list[dict[str, str]], list[dict[str, object]]]:
    keys = [job_id.removeprefix("hw-job-") for job_id in JOBS]
    jobs = [{"id": job_id, "text": text} for job_id, text in JOBS.items()]
    candidates: list[dict[str, str]] = []
    for key in keys:
        candidates.append({"id": f"hw-cand-{key}-strong", "text": _STRONG[f"hw-cand-{key}-strong"]})
        candidates.append({"id": f"hw-cand-{key}-near", "text": _NEAR[f"hw-cand-{key}-near"][0]})
        candidates.append({"id": f"hw-cand-{key}-adjacent", "text": _ADJACENT[f"hw-cand-{key}-adjacent"]})
        candidates.append({"id": f"hw-cand-{key}-unrelated", "text": _UNRELATED[f"hw-cand-{key}-unrelated"]})
    candidates.append({"id": THIN_RESUME_ID, "text": THIN_RESUME})
    qrels: list[dict[str, object]] = []
    for i, key in enumerate(keys):
        job_id = f"hw-job-{key}"
        rows: list[tuple[str, int, list[str]]] = [
            (f"hw-cand-{key}-strong", 2, []),
            (f"hw-cand-{key}-near", 1, _NEAR[f"hw-cand-{key}-near"][1]),
            (f"hw-cand-{key}-adjacent", 0, []),
            (f"hw-cand-{key}-unrelated", 0, []),
            (THIN_RESUME_ID, 0, []),
        ]
        # the next jobs' strong resumes, cyclically, so every resume is a negative somewhere
        for k in range(1, OTHER_STRONG + 1):
            rows.append((f"hw-cand-{keys[(i + k) % len(keys)]}-strong", 0, []))
        for cid, gain, missing in rows:
            qrels.append({"job_id": job_id, "candidate_id": cid, "gain": gain, "missing": missing})
    return jobs, candidates, qrels
