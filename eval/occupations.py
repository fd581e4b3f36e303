"""Occupations for the structured A-like set: titles, skills (canonical|synonym|...), tasks, education.

Each block: `role: key | family`, then titles, core skills (most jobs of the role require most of them),
extra skills (jobs pick some as required, some as preferred), tasks (base-form verb phrases, used as job
responsibilities and, in the past tense, as resume bullets) and education. The first spelling of a skill
is what jobs say; resumes use it or one of the synonyms after it, so string matching alone is not enough.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Skill:
    name: str
    synonyms: tuple[str, ...]


@dataclass(frozen=True)
class Role:
    key: str
    family: str
    titles: tuple[str, ...]
    core: tuple[Skill, ...]
    extra: tuple[Skill, ...]
    tasks: tuple[str, ...]
    education: tuple[str, ...]


_DATA = """
role: backend-python | software
titles: Backend Engineer (Python); Python Developer; Software Engineer, Platform APIs
core: Python|Python 3; Django|Django REST Framework; PostgreSQL|Postgres; REST APIs|RESTful web services|HTTP/JSON APIs; SQL|relational databases
extra: Docker|containerised services; AWS|Amazon Web Services; Redis|in-memory caching (Redis); Celery|asynchronous task queues; pytest|automated unit testing; Kubernetes|K8s; CI/CD|continuous integration and delivery; FastAPI; GraphQL; Terraform|infrastructure as code
tasks: design and maintain backend services for the payments platform; review pull requests and mentor junior developers; profile slow database queries and fix them; build integrations with partner systems; take part in the on-call rotation for production services; break a monolith into smaller services
edu: B.S. Computer Science; B.Sc. Software Engineering; BEng Computer Systems

role: java-backend | software
titles: Java Developer; Senior Java Software Engineer; Backend Engineer (Java/Spring)
core: Java|Java 11/17; Spring Boot|Spring framework; Microservices|service-oriented architecture; SQL|relational databases; Maven|Gradle builds
extra: Kafka|Apache Kafka event streaming; Hibernate|JPA; Oracle Database|Oracle 19c; AWS|Amazon Web Services; JUnit|unit testing with JUnit and Mockito; Docker|containers; Kubernetes|K8s; Jenkins|CI pipelines in Jenkins; REST APIs|RESTful services
tasks: develop order-management microservices handling high transaction volumes; migrate legacy EJB modules to a modern stack; write integration tests and keep build times short; tune JVM memory and garbage collection; work with product owners to refine user stories; document service contracts for consuming teams
edu: B.S. Computer Science; B.Tech Information Technology; M.Sc. Computer Engineering

role: frontend-react | software
titles: Frontend Developer (React); UI Engineer; Front-End Software Engineer
core: React|React.js; JavaScript|ES6+; TypeScript; HTML and CSS|HTML5/CSS3; responsive design|mobile-first layouts
extra: Redux|state management (Redux Toolkit); Next.js; Jest|component testing with Jest; accessibility (WCAG)|WCAG 2.1 compliance; Webpack|Vite bundling; GraphQL|Apollo client; Figma|design hand-off from Figma; Storybook; Tailwind CSS
tasks: build reusable UI components for the customer dashboard; improve page load performance and Core Web Vitals; work closely with designers on interaction details; write unit and end-to-end tests for the checkout flow; maintain the design system
edu: B.S. Computer Science; B.A. Interaction Design; self-taught, coding bootcamp graduate

role: fullstack-node | software
titles: Full Stack Developer (Node.js); Full-Stack JavaScript Engineer; Software Engineer, Web Platform
core: Node.js|NodeJS; JavaScript|ES6+; React|React.js; MongoDB|NoSQL document databases; REST APIs|RESTful services
extra: Express.js|Express; TypeScript; PostgreSQL|Postgres; AWS Lambda|serverless functions; Docker|containers; GraphQL; Jest|unit testing; CI/CD|GitHub Actions pipelines; Redis
tasks: ship features end to end from database schema to user interface; build internal tools for the operations team; integrate third-party payment and messaging APIs; keep the web application secure and patched; pair with other engineers on difficult bugs
edu: B.S. Computer Science; B.Sc. Information Systems; coding bootcamp certificate

role: mobile-ios | software
titles: iOS Developer; iOS Engineer (Swift); Mobile Software Engineer, iOS
core: Swift; iOS SDK|UIKit; Xcode; SwiftUI; REST APIs|networking with RESTful services
extra: Core Data|on-device persistence; Objective-C; XCTest|unit and UI testing; App Store release process|App Store Connect submissions; Combine|reactive programming; Firebase; CI/CD|Fastlane and Bitrise pipelines; Git
tasks: build new screens for the consumer banking app; reduce crash rates and app start-up time; implement push notifications and deep links; collaborate with backend engineers on API design; maintain release schedules and beta testing
edu: B.S. Computer Science; B.Eng Software Engineering

role: android | software
titles: Android Developer; Android Engineer (Kotlin); Mobile Developer, Android
core: Kotlin; Android SDK|Android framework; Android Studio; Jetpack Compose|Compose UI; REST APIs|Retrofit networking
extra: Java; Room|SQLite persistence (Room); Coroutines|Kotlin coroutines and Flow; Dagger/Hilt|dependency injection; Espresso|instrumented UI tests; Google Play release|Play Console publishing; Firebase; MVVM architecture|MVVM
tasks: develop features for a delivery tracking app used by couriers; improve offline behaviour and battery usage; write instrumented tests for critical flows; review code and maintain coding standards; work with QA to triage reported defects
edu: B.S. Computer Science; B.Tech Computer Engineering

role: devops-sre | software
titles: DevOps Engineer; Site Reliability Engineer; Cloud Infrastructure Engineer
core: Linux|Linux administration (RHEL/Ubuntu); AWS|Amazon Web Services; Terraform|infrastructure as code; Kubernetes|K8s; CI/CD|continuous integration and deployment pipelines
extra: Docker|containers; Ansible|configuration management; Prometheus|metrics and alerting (Prometheus/Grafana); Python scripting|Python; Bash|shell scripting; Helm; Azure|Microsoft Azure; incident management|on-call incident response; GitLab CI
tasks: automate provisioning of cloud environments; keep production uptime above target and run blameless post-mortems; reduce cloud spend by right-sizing workloads; build deployment pipelines for dozens of services; harden hosts and manage secrets
edu: B.S. Computer Science; B.Sc. Network Engineering; diploma in Information Technology

role: qa-automation | software
titles: QA Automation Engineer; Software Development Engineer in Test; Test Automation Engineer
core: Selenium|Selenium WebDriver; test automation|automated testing; Java|Java programming; API testing|REST API testing (Postman); test planning|test plans and test cases
extra: Cypress; TestNG|TestNG/JUnit frameworks; Cucumber|BDD with Cucumber/Gherkin; Jenkins|CI pipelines; JIRA|defect tracking in Jira; Python; performance testing|JMeter load tests; Appium|mobile test automation; SQL
tasks: build and maintain a regression suite for the web platform; write test plans for new releases; triage failures from nightly runs; work with developers to reproduce and fix defects; report quality metrics to the release manager
edu: B.S. Computer Science; B.E. Information Technology; ISTQB Foundation

role: security-analyst | software
titles: Information Security Analyst; SOC Analyst; Cybersecurity Analyst
core: SIEM|security information and event management (Splunk/QRadar); incident response|security incident handling; vulnerability management|vulnerability scanning (Nessus/Qualys); network security|firewalls and IDS/IPS; threat analysis|threat hunting
extra: CISSP; Security+|CompTIA Security+; Splunk; NIST framework|NIST CSF; penetration testing|ethical hacking; Python scripting|Python; cloud security|AWS security; endpoint detection (EDR)|CrowdStrike EDR; ISO 27001
tasks: monitor alerts and investigate suspicious activity; lead the response to phishing and malware incidents; run quarterly vulnerability scans and track remediation; write security playbooks; train staff on security awareness
edu: B.S. Cybersecurity; B.S. Information Technology; B.Sc. Computer Science

role: data-analyst | data
titles: Data Analyst; Business Intelligence Analyst; Reporting Analyst
core: SQL|SQL queries; Excel|advanced Excel (pivot tables, VLOOKUP); Tableau|Tableau dashboards; data visualization|dashboards and visual reporting; statistics|statistical analysis
extra: Power BI|Microsoft Power BI; Python|Python (pandas); R; Google Analytics; A/B testing|experiment analysis; Looker; data cleaning|data wrangling; Snowflake; stakeholder management|working with business stakeholders
tasks: build weekly dashboards for sales and operations leadership; answer ad-hoc questions from business teams; define KPIs and keep metric definitions consistent; investigate drops in conversion; automate manual spreadsheet reports
edu: B.S. Statistics; B.A. Economics; B.Sc. Mathematics

role: data-engineer | data
titles: Data Engineer; Senior Data Engineer; Analytics Engineer
core: Python; SQL; Apache Spark|Spark/PySpark; ETL pipelines|data pipelines (ETL/ELT); data warehousing|data warehouse design
extra: Airflow|Apache Airflow orchestration; Snowflake; dbt|dbt models; Kafka|Apache Kafka streaming; AWS|Amazon Web Services (S3, Glue, Redshift); Databricks; BigQuery|Google BigQuery; data modeling|dimensional modelling; Scala
tasks: build batch and streaming pipelines feeding the analytics warehouse; model data for self-service reporting; monitor data quality and fix broken loads; reduce warehouse costs; work with data scientists on feature tables
edu: B.S. Computer Science; M.S. Data Engineering; B.Sc. Mathematics

role: data-scientist | data
titles: Data Scientist; Senior Data Scientist; Applied Scientist
core: Python|Python (NumPy, pandas); machine learning|ML modelling; statistics|statistical modelling; SQL; scikit-learn
extra: deep learning|neural networks; TensorFlow|TensorFlow/Keras; PyTorch; NLP|natural language processing; A/B testing|experimentation; Spark|PySpark; time series forecasting|forecasting models; R; feature engineering
tasks: build churn and propensity models for the marketing team; design and analyse experiments; present findings to executives; put models into production with engineering; explore new data sources for predictive signals
edu: M.S. Statistics; Ph.D. Physics; M.Sc. Data Science

role: ml-engineer | data
titles: Machine Learning Engineer; MLOps Engineer; ML Platform Engineer
core: Python; machine learning|ML; PyTorch|deep learning with PyTorch; MLOps|model deployment and monitoring; Docker|containers
extra: Kubernetes|K8s; TensorFlow; AWS SageMaker|SageMaker; MLflow|experiment tracking (MLflow); feature stores|Feast feature store; LLMs|large language models; model serving|online inference services; Spark; CI/CD
tasks: deploy models to low-latency inference services; build training pipelines that retrain models automatically; monitor model drift and data quality; optimise GPU usage; work with data scientists to productionise research code
edu: M.S. Computer Science; B.S. Computer Engineering; M.Sc. Artificial Intelligence

role: dba | data
titles: Database Administrator; SQL Server DBA; Oracle Database Administrator
core: SQL Server|Microsoft SQL Server; T-SQL|Transact-SQL; backup and recovery|backup/restore strategy; performance tuning|query and index tuning; high availability|Always On availability groups
extra: Oracle Database|Oracle 19c; PostgreSQL|Postgres; replication|database replication; PowerShell; Azure SQL|Azure SQL Database; database security|access control and auditing; SSIS|SQL Server Integration Services; MySQL; disaster recovery|DR planning
tasks: administer production databases for finance systems; plan and test disaster recovery; tune slow queries and indexes; apply patches and upgrades with minimal downtime; manage user access and audits
edu: B.S. Information Systems; B.Sc. Computer Science; Microsoft Certified: Azure Database Administrator

role: icu-nurse | nursing
titles: ICU Registered Nurse; Critical Care Nurse (RN); Registered Nurse, Intensive Care Unit
core: RN license|Registered Nurse licence; critical care|intensive care nursing; ACLS certification|Advanced Cardiac Life Support; BLS certification|Basic Life Support; ventilator management|mechanical ventilation care
extra: CCRN|CCRN certification; hemodynamic monitoring|arterial line and central line monitoring; EHR documentation|Epic charting; titrating vasoactive drips|vasopressor titration; sepsis protocols|sepsis bundle; patient education|family teaching; CRRT|continuous renal replacement therapy; wound care
tasks: care for critically ill adults in a 20-bed ICU; assess patients and escalate changes in condition; administer medications and titrate infusions; collaborate with intensivists and respiratory therapists; precept new graduate nurses
edu: BSN, Bachelor of Science in Nursing; ADN, Associate Degree in Nursing

role: er-nurse | nursing
titles: Emergency Department Registered Nurse; ER Nurse; Emergency Room RN
core: RN license|Registered Nurse licence; triage|emergency triage (ESI); BLS certification|Basic Life Support; ACLS certification|Advanced Cardiac Life Support; emergency nursing|emergency department nursing
extra: PALS certification|Pediatric Advanced Life Support; TNCC|Trauma Nursing Core Course; CEN|Certified Emergency Nurse; IV insertion|IV starts and phlebotomy; EHR documentation|Epic charting; trauma care; patient education|discharge teaching; de-escalation|managing aggressive patients
tasks: triage patients arriving by ambulance and walk-in; stabilise trauma and cardiac patients with the physician team; start IVs and draw labs; document assessments and interventions; keep patient flow moving during surges
edu: BSN, Bachelor of Science in Nursing; ADN, Associate Degree in Nursing

role: pediatric-nurse | nursing
titles: Pediatric Registered Nurse; Paediatric Nurse; RN, Pediatrics Unit
core: RN license|Registered Nurse licence; pediatric nursing|paediatric care; PALS certification|Pediatric Advanced Life Support; BLS certification|Basic Life Support; family education|patient and family teaching
extra: CPN|Certified Pediatric Nurse; medication administration|weight-based dosing; EHR documentation|Epic charting; IV therapy|IV starts on children; NICU experience|neonatal care; developmental assessment|growth and development screening; asthma care; immunizations|vaccinations
tasks: care for children from infancy to adolescence on a medical unit; calculate weight-based medication doses safely; teach parents about home care after discharge; work with child life specialists and physicians; support families through difficult diagnoses
edu: BSN, Bachelor of Science in Nursing; ADN, Associate Degree in Nursing

role: medical-assistant | health
titles: Medical Assistant; Clinical Medical Assistant; Certified Medical Assistant (CMA)
core: patient intake|rooming patients and taking histories; vital signs|taking vitals; EHR|electronic health records; phlebotomy|venipuncture; scheduling|appointment scheduling
extra: CMA certification|Certified Medical Assistant; injections|administering vaccines and injections; EKG|ECG; medical terminology; insurance verification|prior authorizations; BLS certification|CPR/BLS; HIPAA|patient privacy; bilingual Spanish|Spanish speaker
tasks: room patients and record histories for a busy family practice; draw blood and process lab specimens; give injections under provider direction; schedule follow-ups and referrals; keep exam rooms stocked and clean
edu: Medical Assistant diploma; Certificate in Clinical Medical Assisting

role: pharmacy-tech | health
titles: Pharmacy Technician; Certified Pharmacy Technician; Retail Pharmacy Technician
core: prescription processing|filling prescriptions; PTCB certification|CPhT; pharmacy software|pharmacy management systems; medication dispensing|dispensing; customer service
extra: insurance claims|third-party billing; inventory management|stock control; compounding|sterile compounding; controlled substances|DEA controlled substance logs; IV admixture; medical terminology; HIPAA|patient privacy; state pharmacy tech license|registered pharmacy technician
tasks: fill and label prescriptions accurately; resolve insurance rejections at the counter; order stock and manage returns; count and log controlled substances; help patients with refill requests
edu: Pharmacy Technician certificate; high school diploma

role: physical-therapist | health
titles: Physical Therapist; Outpatient Physical Therapist; Physiotherapist
core: PT license|state Physical Therapist licence; DPT|Doctor of Physical Therapy; orthopedic rehabilitation|musculoskeletal rehab; treatment planning|plans of care; therapeutic exercise|exercise prescription
extra: manual therapy|joint mobilisation; sports rehabilitation|sports injuries; documentation|WebPT documentation; neurological rehabilitation|stroke rehab; vestibular therapy; dry needling; geriatric care|falls prevention; OCS|Orthopaedic Clinical Specialist
tasks: evaluate patients and write plans of care; treat post-surgical knee and shoulder patients; teach home exercise programmes; track outcomes and adjust treatment; supervise physical therapist assistants
edu: Doctor of Physical Therapy (DPT); M.Sc. Physiotherapy

role: account-executive | sales
titles: Account Executive (SaaS); Enterprise Account Executive; B2B Sales Executive
core: B2B sales|business-to-business selling; Salesforce|Salesforce CRM; pipeline management|forecasting and pipeline; negotiation|contract negotiation; quota attainment|consistently exceeding quota
extra: SaaS sales|software sales; MEDDIC|MEDDPICC qualification; solution selling|consultative selling; enterprise accounts|large enterprise deals; cold calling|outbound prospecting; HubSpot|HubSpot CRM; LinkedIn Sales Navigator; presentation skills|product demos
tasks: run full sales cycles from discovery to signed contract; build relationships with executives at target accounts; forecast accurately every week; work with solutions engineers on demos; expand revenue in existing accounts
edu: B.A. Business Administration; B.A. Communications; B.S. Marketing

role: sdr | sales
titles: Sales Development Representative; Business Development Representative; Inside Sales Representative
core: cold calling|outbound calling; prospecting|lead generation; CRM|Salesforce or HubSpot CRM; email outreach|outbound email sequences; lead qualification|qualifying leads (BANT)
extra: Outreach.io|Salesloft sequences; LinkedIn Sales Navigator; SaaS sales|software sales; appointment setting|booking meetings; objection handling; Spanish|bilingual Spanish; ZoomInfo; product demos
tasks: book qualified meetings for account executives; research target accounts and contacts; follow up with inbound leads quickly; keep CRM records clean; hit weekly activity targets
edu: B.A. Communications; B.A. Business; some college

role: retail-manager | sales
titles: Retail Store Manager; Store Manager; Assistant Store Manager
core: retail management|store operations; team leadership|staff supervision; inventory management|stock control; P&L responsibility|store profit and loss; customer service|customer experience
extra: visual merchandising|merchandising; scheduling|staff rostering; loss prevention|shrink reduction; POS systems|point of sale; hiring and training|recruiting and coaching staff; sales targets|sales goals; cash handling; KPI reporting
tasks: lead a team of sales associates across two shifts; hit weekly sales and conversion targets; manage stock levels and deliveries; handle escalated customer complaints; train new hires on service standards
edu: B.A. Business Administration; high school diploma; Associate Degree in Retail Management

role: pharma-sales | sales
titles: Pharmaceutical Sales Representative; Medical Sales Representative; Territory Sales Manager, Medical Devices
core: territory management|managing a sales territory; B2B sales|business-to-business selling; healthcare sales|selling to physicians and hospitals; relationship building|account relationship management; CRM|Veeva CRM
extra: Veeva CRM|Veeva; clinical knowledge|product clinical data; medical device sales; product launches; valid driver's license|clean driving record; negotiation; quota attainment|exceeding quota; market access|formulary access
tasks: call on physicians, pharmacists and hospital buyers across the territory; present clinical data accurately and compliantly; plan launches of new products; log every call in the CRM; grow market share against competitors
edu: B.S. Biology; B.S. Business; B.S. Nursing

role: accountant | finance
titles: Staff Accountant; Senior Accountant; General Ledger Accountant
core: general ledger|GL accounting; month-end close|period close; account reconciliation|balance sheet reconciliations; GAAP|US GAAP; Excel|advanced Excel
extra: CPA|Certified Public Accountant; NetSuite|Oracle NetSuite; QuickBooks; SAP FICO|SAP Finance; accruals|journal entries and accruals; fixed assets|fixed asset accounting; audit support|external audit preparation; IFRS; intercompany accounting
tasks: own the month-end close for three entities; prepare reconciliations and journal entries; support the annual audit; improve close checklists and controls; analyse variances against budget
edu: B.S. Accounting; B.Com Accounting and Finance; M.Acc

role: financial-analyst | finance
titles: Financial Analyst; FP&A Analyst; Senior Financial Planning Analyst
core: financial modeling|financial models; budgeting|annual budgets; forecasting|rolling forecasts; Excel|advanced Excel; variance analysis|budget vs actual analysis
extra: FP&A|financial planning and analysis; Power BI|dashboards in Power BI; SQL; Hyperion|Oracle Hyperion; Anaplan; CFA|Chartered Financial Analyst; business partnering|working with budget holders; PowerPoint|board presentations
tasks: build the annual operating plan with department heads; prepare monthly management reporting; model scenarios for pricing and hiring decisions; explain variances to leadership; automate reporting packs
edu: B.S. Finance; B.A. Economics; MBA

role: payroll-specialist | finance
titles: Payroll Specialist; Payroll Administrator; Payroll and Benefits Coordinator
core: payroll processing|end-to-end payroll; ADP|ADP Workforce Now; payroll tax|tax withholding and filings; timekeeping|time and attendance; Excel
extra: multi-state payroll; benefits administration|benefit deductions; garnishments|wage garnishments; Workday|Workday Payroll; CPP|Certified Payroll Professional; year-end W-2|W-2 processing; general ledger|payroll journal entries; UKG|Kronos
tasks: run biweekly payroll for 800 employees; reconcile payroll to the general ledger; answer employee pay questions; process new hires, changes and terminations; prepare quarterly and year-end filings
edu: Associate Degree in Accounting; B.S. Business Administration

role: auditor | finance
titles: Internal Auditor; External Auditor (Senior Associate); Audit Senior
core: auditing|financial audits; internal controls|control testing; SOX compliance|Sarbanes-Oxley; risk assessment|risk-based audit planning; GAAP|US GAAP
extra: CPA|Certified Public Accountant; CIA|Certified Internal Auditor; data analytics|ACL/IDEA audit analytics; IT general controls|ITGC; report writing|audit reports; IFRS; fraud investigation|forensic accounting; Excel
tasks: plan and run audits of finance and operations processes; test key controls and document findings; present results to audit committee; follow up on remediation; coach junior auditors
edu: B.S. Accounting; B.Com; M.S. Accountancy

role: warehouse-supervisor | logistics
titles: Warehouse Supervisor; Distribution Center Shift Supervisor; Warehouse Operations Lead
core: warehouse operations|distribution center operations; team leadership|shift supervision; inventory control|cycle counts; WMS|warehouse management system; safety compliance|OSHA safety
extra: forklift certification|forklift licence; lean|lean / 5S; shipping and receiving|inbound and outbound; SAP|SAP EWM; KPI tracking|productivity metrics; scheduling|labour planning; Manhattan WMS|Manhattan SCALE; HACCP
tasks: lead a shift of 30 pickers, packers and loaders; meet daily shipping deadlines; investigate inventory discrepancies; run safety briefings and incident reports; improve pick rates with layout changes
edu: high school diploma; Associate Degree in Supply Chain; B.S. Logistics

role: truck-driver | logistics
titles: CDL Class A Truck Driver; OTR Truck Driver; Regional Delivery Driver (CDL-A)
core: CDL Class A|Class A commercial driver's licence; clean driving record|safe driving record; DOT regulations|FMCSA hours-of-service rules; pre-trip inspections|vehicle inspections; electronic logging|ELD logs
extra: HAZMAT endorsement|hazardous materials endorsement; tanker endorsement; flatbed|flatbed securement; reefer|refrigerated loads; customer service|delivery customer service; route planning; DOT medical card|current DOT medical certificate; TWIC card
tasks: haul freight over regional and long-haul routes; inspect the tractor and trailer before each trip; secure loads and check paperwork; keep accurate hours-of-service logs; deliver on schedule and communicate delays
edu: CDL training school certificate; high school diploma

role: supply-chain-planner | logistics
titles: Supply Chain Planner; Demand Planner; Materials Planner
core: demand planning|demand forecasting; supply planning|replenishment planning; ERP|SAP / Oracle ERP; inventory optimization|safety stock planning; Excel|advanced Excel
extra: SAP APO|SAP IBP; S&OP|sales and operations planning; MRP|material requirements planning; APICS CPIM|CPIM certification; vendor management|supplier follow-up; SQL; Power BI; lean|lean principles
tasks: build the monthly demand forecast with sales; plan replenishment across warehouses; reduce stock-outs and excess inventory; run the S&OP meeting; work with suppliers on lead times
edu: B.S. Supply Chain Management; B.S. Industrial Engineering; B.A. Business

role: dispatcher | logistics
titles: Logistics Coordinator; Transportation Dispatcher; Freight Coordinator
core: dispatching|load dispatching; TMS|transportation management system; route planning|route optimization; carrier management|carrier relations; customer communication|customer updates
extra: freight brokerage|brokerage; DOT regulations|FMCSA compliance; Excel; EDI|electronic data interchange; load tracking|shipment tracking; bilingual Spanish|Spanish; invoicing|freight billing; McLeod|McLeod LoadMaster
tasks: assign loads to drivers and carriers; track shipments and solve delays; communicate ETAs to customers; audit freight invoices; keep drivers legal on hours
edu: high school diploma; Associate Degree in Logistics; B.A. Business

role: hr-generalist | hr
titles: HR Generalist; Human Resources Specialist; HR Business Partner
core: employee relations|ER case management; HRIS|HR information systems; onboarding|new hire onboarding; employment law|labor law compliance; benefits administration|benefits enrolment
extra: Workday|Workday HCM; SHRM-CP|SHRM certification; performance management|performance reviews; policy development|handbook updates; investigations|workplace investigations; payroll|payroll coordination; FMLA|leave administration; compensation|salary benchmarking
tasks: advise managers on employee relations issues; run onboarding and offboarding; manage leave of absence cases; support annual performance and pay cycles; keep HR records and reports accurate
edu: B.A. Human Resources Management; B.A. Psychology; B.S. Business

role: recruiter | hr
titles: Technical Recruiter; Talent Acquisition Specialist; Corporate Recruiter
core: full-cycle recruiting|end-to-end recruitment; sourcing|candidate sourcing (Boolean search); ATS|applicant tracking systems; interviewing|screening interviews; offer negotiation|closing offers
extra: technical recruiting|tech hiring; LinkedIn Recruiter; Greenhouse|Greenhouse ATS; employer branding; diversity recruiting|inclusive hiring; campus recruiting|university hiring; Workday Recruiting; recruitment metrics|time-to-fill reporting
tasks: partner with hiring managers to define roles; source passive candidates; run screening calls and coordinate interview loops; extend and negotiate offers; report on pipeline health
edu: B.A. Psychology; B.A. Communications; B.S. Human Resources

role: digital-marketing | marketing
titles: Digital Marketing Specialist; Performance Marketing Manager; Paid Media Specialist
core: Google Ads|Google AdWords; paid social|Meta/Facebook Ads; Google Analytics|GA4; campaign management|campaign optimisation; SEO|search engine optimisation
extra: HubSpot|marketing automation (HubSpot); email marketing|email campaigns; A/B testing|split testing; conversion rate optimization|CRO; budget management|media budget; LinkedIn Ads; copywriting|ad copy; Looker Studio|Google Data Studio
tasks: plan and run paid campaigns across search and social; manage a monthly media budget; report on ROAS and CAC; test landing pages and ad creative; work with sales on lead quality
edu: B.A. Marketing; B.A. Communications; B.S. Business

role: content-marketing | marketing
titles: Content Marketing Manager; Content Strategist; Content Writer
core: content strategy|editorial planning; copywriting|writing; SEO|search engine optimisation; CMS|WordPress; editing|copy editing and proofreading
extra: social media|social media management; email marketing|newsletters; Google Analytics; B2B content|B2B writing; video production; HubSpot; AP style; brand voice|tone of voice guidelines
tasks: own the editorial calendar for the blog and newsletter; write long-form guides and case studies; brief and edit freelance writers; grow organic traffic; repurpose content for social channels
edu: B.A. English; B.A. Journalism; B.A. Marketing

role: paralegal | legal
titles: Paralegal; Litigation Paralegal; Corporate Paralegal
core: legal research|case research; document drafting|drafting pleadings and correspondence; case management|matter management; e-discovery|electronic discovery; Westlaw|Westlaw/LexisNexis
extra: litigation support|trial preparation; paralegal certificate|certified paralegal; e-filing|court e-filing; Relativity|Relativity review platform; corporate filings|entity management; contract management|contract review; deposition preparation|deposition summaries; Clio
tasks: prepare discovery requests and responses; organise exhibits for trial; draft routine pleadings and letters for attorney review; track deadlines on the docket; manage document productions
edu: Paralegal certificate; B.A. Political Science; Associate Degree in Paralegal Studies

role: attorney | legal
titles: Corporate Attorney; Associate Attorney, Corporate and M&A; Commercial Lawyer
core: bar admission|admitted to the state bar; J.D.|Juris Doctor; contract drafting|drafting and negotiating contracts; corporate law|corporate transactions; legal research
extra: M&A|mergers and acquisitions; due diligence; securities law|securities regulation; commercial contracts|commercial agreements; employment law; intellectual property|IP licensing; negotiation; regulatory compliance|compliance advice
tasks: draft and negotiate commercial agreements; run due diligence on acquisitions; advise business teams on legal risk; supervise outside counsel; prepare board minutes and resolutions
edu: J.D., Juris Doctor; LL.B.; LL.M. Corporate Law

role: compliance-officer | legal
titles: Compliance Officer; Compliance Analyst; Regulatory Compliance Manager
core: regulatory compliance|compliance programmes; risk assessment|compliance risk assessments; policy development|writing policies and procedures; AML|anti-money laundering; compliance monitoring|testing and monitoring
extra: KYC|know your customer; CAMS|Certified Anti-Money Laundering Specialist; sanctions screening|OFAC screening; training delivery|compliance training; regulatory reporting; SOX compliance|Sarbanes-Oxley; GDPR|data protection; internal investigations
tasks: maintain the compliance monitoring plan; review transactions flagged for suspicious activity; update policies after regulatory changes; train staff on compliance duties; report to the risk committee
edu: B.A. Finance; J.D.; B.S. Criminal Justice

role: electrician | trades
titles: Journeyman Electrician; Commercial Electrician; Industrial Electrician
core: journeyman license|journeyman electrician licence; electrical installation|wiring and installation; NEC|National Electrical Code; blueprint reading|reading electrical drawings; troubleshooting|electrical troubleshooting
extra: conduit bending|conduit installation; PLC|programmable logic controllers; motor controls|motor control circuits; OSHA 10|OSHA 10-hour; three-phase power|480V three-phase systems; fire alarm systems; lockout/tagout|LOTO; service upgrades|panel upgrades
tasks: install conduit, wiring and panels on commercial projects; troubleshoot faults in motors and controls; read drawings and lay out work; follow code and pass inspections; mentor apprentices
edu: electrical apprenticeship (IBEW); trade school diploma in Electrical Technology

role: plumber | trades
titles: Licensed Plumber; Service Plumber; Journeyman Plumber
core: plumbing license|journeyman plumber licence; pipe fitting|pipefitting (copper, PEX, PVC); drain cleaning|drain and sewer clearing; plumbing code|IPC/UPC code; troubleshooting|leak detection and diagnosis
extra: water heater installation|tankless and tank water heaters; backflow certification|backflow testing; gas piping|gas line installation; commercial plumbing; customer service|service calls; soldering|brazing; blueprint reading; valid driver's license
tasks: install and repair water, drain and gas lines; diagnose leaks and blockages on service calls; replace water heaters and fixtures; explain repairs and quotes to customers; keep the van stocked
edu: plumbing apprenticeship; trade school certificate

role: hvac-tech | trades
titles: HVAC Technician; HVAC Service Technician; HVAC/R Mechanic
core: HVAC repair|heating and air conditioning repair; EPA 608 certification|EPA Section 608; refrigeration|refrigeration systems; troubleshooting|diagnosing HVAC faults; preventive maintenance|PM service
extra: commercial HVAC|rooftop units; boilers|hydronic heating; controls|building automation controls; ductwork|duct installation; NATE certification; heat pumps; customer service; valid driver's license
tasks: service and repair furnaces, heat pumps and rooftop units; run preventive maintenance visits; diagnose electrical and refrigerant problems; recover and charge refrigerant safely; write up service reports for customers
edu: HVAC technical diploma; apprenticeship

role: welder | trades
titles: Welder/Fabricator; Structural Welder; MIG/TIG Welder
core: MIG welding|GMAW; TIG welding|GTAW; blueprint reading|reading weld symbols and drawings; metal fabrication|fabrication; welding safety|shop safety
extra: stick welding|SMAW; flux core welding|FCAW; AWS certification|AWS D1.1 certified welder; pipe welding; grinding|cutting and grinding; forklift|forklift operation; layout|fit-up and layout; aluminum welding|aluminium welding
tasks: weld structural steel and pipe to specification; read drawings and fit up parts; inspect welds and repair defects; cut and grind parts to size; keep the bay clean and safe
edu: welding certificate, technical college; high school diploma

role: carpenter | trades
titles: Carpenter; Finish Carpenter; Construction Carpenter
core: framing|wood framing; finish carpentry|trim and finish work; blueprint reading|reading plans; power tools|hand and power tools; measuring and layout|layout
extra: cabinet installation|cabinetry; concrete forms|formwork; drywall|drywall hanging; OSHA 10|OSHA 10-hour; roofing; door and window installation; scaffolding|working at heights; valid driver's license
tasks: frame walls, floors and roofs on residential projects; install doors, windows, trim and cabinets; read plans and lay out work accurately; build concrete formwork; keep job sites safe and tidy
edu: carpentry apprenticeship; vocational certificate in Construction

role: chef | hospitality
titles: Sous Chef; Line Cook; Chef de Partie
core: food preparation|prep and cooking; food safety|ServSafe food handling; kitchen operations|running the line; menu development|menu planning; inventory management|ordering and stock rotation
extra: ServSafe certification|ServSafe Manager; high-volume service|banquets and high-volume; butchery; pastry|baking; HACCP; cost control|food cost control; team leadership|kitchen staff supervision; fine dining
tasks: run the line during dinner service; prepare stocks, sauces and mise en place; train and supervise cooks; control food costs and waste; create seasonal specials
edu: culinary arts diploma; Associate Degree in Culinary Arts

role: hotel-front-desk | hospitality
titles: Front Desk Agent; Guest Services Agent; Front Office Supervisor
core: guest services|customer service; reservations|booking management; property management system|Opera PMS; check-in and check-out|arrivals and departures; cash handling
extra: upselling|room upgrades; multilingual|bilingual Spanish; complaint resolution|service recovery; night audit; Salesforce; loyalty programs; phone etiquette|switchboard; team supervision
tasks: check guests in and out efficiently; handle reservations by phone and email; resolve guest complaints; balance the cash drawer at shift end; coordinate with housekeeping on room status
edu: Diploma in Hospitality Management; high school diploma

role: restaurant-manager | hospitality
titles: Restaurant General Manager; Restaurant Manager; Assistant General Manager (Restaurant)
core: restaurant operations|front-of-house operations; staff management|hiring, training and scheduling; P&L responsibility|profit and loss; customer service|guest experience; food safety|ServSafe
extra: inventory management|ordering; labor cost control|labour scheduling; POS systems|Toast POS; beverage program|bar management; catering; health inspections; marketing|local marketing; conflict resolution
tasks: lead front and back of house teams; hit sales, labour and food cost targets; hire, train and schedule staff; keep health inspection scores high; handle guest feedback and online reviews
edu: B.S. Hospitality Management; high school diploma

role: math-teacher | education
titles: High School Mathematics Teacher; Math Teacher (Grades 9-12); Secondary Maths Teacher
core: teaching license|state teaching certification; mathematics instruction|teaching algebra and geometry; lesson planning|curriculum planning; classroom management; assessment|student assessment and grading
extra: AP Calculus|Advanced Placement calculus; differentiated instruction; Google Classroom|learning management systems; data-driven instruction|using assessment data; special education|IEP accommodations; tutoring; SAT preparation; coaching|extracurricular coaching
tasks: teach algebra, geometry and calculus classes; plan lessons aligned to state standards; assess students and adapt instruction; communicate with parents; support struggling learners
edu: B.S. Mathematics Education; M.Ed. Secondary Education; B.Sc. Mathematics with PGCE

role: elementary-teacher | education
titles: Elementary School Teacher; Primary Teacher; Grade 3 Teacher
core: teaching license|state teaching certification; elementary education|primary education; lesson planning; classroom management; literacy instruction|reading and phonics instruction
extra: differentiated instruction; ESL|English language learners; special education|IEP accommodations; parent communication|family engagement; Google Classroom; behavior management|positive behaviour support; STEM activities; progress monitoring
tasks: teach all core subjects to a class of 24 students; plan engaging lessons and units; track reading progress and intervene early; communicate with families; collaborate with the grade-level team
edu: B.A. Elementary Education; M.Ed. Curriculum and Instruction

role: cnc-machinist | manufacturing
titles: CNC Machinist; CNC Operator/Programmer; Precision Machinist
core: CNC machining|CNC mill and lathe operation; G-code|CNC programming; blueprint reading|reading engineering drawings (GD&T); precision measurement|micrometers, calipers and gauges; machine setup|setups and tooling
extra: Mastercam|CAM programming; 5-axis machining; Haas|Haas controls; Fanuc|Fanuc controls; quality inspection|first article inspection; lathe|turning; SolidWorks; lean manufacturing
tasks: set up and run CNC mills and lathes; program parts from drawings; inspect parts to tight tolerances; adjust offsets and replace tooling; reduce cycle times
edu: machining certificate, technical college; apprenticeship

role: quality-engineer | manufacturing
titles: Quality Engineer; Manufacturing Quality Engineer; Supplier Quality Engineer
core: quality management systems|QMS; ISO 9001; root cause analysis|8D / 5 Whys; statistical process control|SPC; CAPA|corrective and preventive action
extra: Six Sigma|Lean Six Sigma Green Belt; FMEA|PFMEA; PPAP|production part approval; IATF 16949|automotive quality; internal audits|quality audits; Minitab; GD&T; supplier quality
tasks: lead investigations into customer complaints; run internal audits; build control plans for new products; work with suppliers on quality issues; track scrap and rework and drive them down
edu: B.S. Mechanical Engineering; B.S. Industrial Engineering

role: production-supervisor | manufacturing
titles: Production Supervisor; Manufacturing Shift Supervisor; Production Team Leader
core: production supervision|leading production teams; lean manufacturing|lean; safety compliance|OSHA safety; production scheduling|scheduling; KPI tracking|OEE and productivity metrics
extra: Six Sigma|Lean Six Sigma; 5S; continuous improvement|kaizen; ERP|SAP; quality control; labor relations|union environment; training|operator training; root cause analysis
tasks: lead a shift of 40 operators on assembly lines; meet daily output and quality targets; run safety meetings and audits; solve line stoppages with maintenance; coach and train operators
edu: B.S. Industrial Engineering; Associate Degree in Manufacturing Technology; high school diploma

role: maintenance-tech | manufacturing
titles: Industrial Maintenance Technician; Maintenance Mechanic; Plant Maintenance Technician
core: industrial maintenance|plant maintenance; electrical troubleshooting|troubleshooting electrical systems; mechanical repair|repairing mechanical equipment; preventive maintenance|PM programmes; hydraulics and pneumatics|fluid power
extra: PLC|programmable logic controllers; welding; CMMS|maintenance management systems; lockout/tagout|LOTO; motor controls; conveyors; boilers|boiler operation; blueprint reading
tasks: keep production equipment running across three shifts; diagnose breakdowns quickly; perform scheduled preventive maintenance; rebuild pumps, gearboxes and conveyors; document work orders
edu: Industrial Maintenance certificate; Associate Degree in Electromechanical Technology

role: customer-service | service
titles: Customer Service Representative; Customer Support Specialist; Call Center Agent
core: customer service|customer support; call center|contact centre; CRM|customer records system; problem solving|issue resolution; communication skills|clear verbal and written communication
extra: Zendesk; bilingual Spanish|Spanish speaker; order processing|order entry; upselling; data entry; live chat support|chat support; complaint handling|de-escalation; billing inquiries
tasks: answer inbound calls, emails and chats; resolve billing and order problems; log every interaction accurately; escalate complex cases; meet service-level and quality targets
edu: high school diploma; Associate Degree in Business

role: project-manager | business
titles: Project Manager; IT Project Manager; Technical Project Manager
core: project management|end-to-end project delivery; Agile|Scrum; stakeholder management|stakeholder communication; risk management|risk and issue management; budget management|project budgets
extra: PMP|Project Management Professional; JIRA|Jira; MS Project|Microsoft Project; vendor management; change management; ERP implementation|ERP rollouts; SAFe|Scaled Agile; Confluence
tasks: plan and deliver system implementation projects; run status meetings and steering committees; track budget, scope and schedule; manage risks and dependencies; coordinate vendors and internal teams
edu: B.S. Business Administration; B.S. Information Systems; MBA

role: admin-assistant | business
titles: Administrative Assistant; Executive Assistant; Office Administrator
core: calendar management|diary management; Microsoft Office|MS Office (Word, Excel, Outlook); travel arrangements|travel booking; office administration|office management; communication skills|professional communication
extra: minute taking|meeting minutes; expense reports|expense processing; event planning; data entry; Google Workspace; executive support|supporting C-level executives; bookkeeping|invoice processing; confidentiality
tasks: manage diaries for two senior executives; organise travel and meetings; prepare documents and presentations; process expenses and invoices; keep the office running smoothly
edu: Associate Degree in Business Administration; high school diploma

role: graphic-designer | marketing
titles: Graphic Designer; Visual Designer; Brand Designer
core: Adobe Creative Suite|Adobe CC; Photoshop; Illustrator|Adobe Illustrator; InDesign|Adobe InDesign; typography|layout and typography
extra: branding|brand identity; Figma; motion graphics|After Effects; print production|prepress; web design; illustration; packaging design; social media graphics
tasks: design campaigns for print and digital channels; keep brand guidelines consistent; prepare files for print; collaborate with copywriters and marketers; present concepts to stakeholders
edu: B.F.A. Graphic Design; B.A. Visual Communication
"""


def _skills(line: str) -> tuple[Skill, ...]:
    skills = []
    for item in line.split(";"):
        parts = [p.strip() for p in item.split("|") if p.strip()]
        if parts:
            skills.append(Skill(name=parts[0], synonyms=tuple(parts[1:])))
    return tuple(skills)


def _parse(text: str) -> tuple[Role, ...]:
    roles = []
    for block in text.strip().split("\n\n"):
        fields = dict(line.split(": ", 1) for line in block.strip().splitlines())
        key, family = (p.strip() for p in fields["role"].split("|"))
        roles.append(
            Role(
                key=key,
                family=family,
                titles=tuple(t.strip() for t in fields["titles"].split(";")),
                core=_skills(fields["core"]),
                extra=_skills(fields["extra"]),
                tasks=tuple(t.strip() for t in fields["tasks"].split(";")),
                education=tuple(e.strip() for e in fields["edu"].split(";")),
            )
        )
    return tuple(roles)


ROLES: tuple[Role, ...] = _parse(_DATA)
