"""Vocabulary for the held-out pasted set (eval/pasted_heldout.py).

Written from scratch for an overfitting check, independently of eval/pasted_data.py and of the engine's
occupation taxonomy: how resumes (mostly Indian, some US/UK) and job ads of these occupations tend to read.
Each occupation has a resume side (titles, skills, past-tense duties, degrees, project names) and an ad side
(titles, responsibilities, requirements) worded the way postings word them, so the two overlap only in part.
Lists inside a field are separated by ";".
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Occupation:
    name: str
    titles: tuple[str, ...]
    skills: tuple[str, ...]
    duties: tuple[str, ...]
    degrees: tuple[str, ...]
    projects: tuple[str, ...]
    ad_titles: tuple[str, ...]
    ad_duties: tuple[str, ...]
    ad_reqs: tuple[str, ...]


def _split(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(";") if part.strip())


def _occ(name: str, **fields: str) -> Occupation:
    return Occupation(name=name, **{key: _split(value) for key, value in fields.items()})


OCCUPATIONS: tuple[Occupation, ...] = (
    _occ(
        "Data Science",
        titles="Data Scientist; Junior Data Scientist; Data Science Intern; Machine Learning Engineer;"
        " Data Science Consultant; Analytics Specialist",
        skills="Python; R; pandas; NumPy; scikit-learn; TensorFlow; Keras; machine learning; deep learning; NLP;"
        " regression; classification; clustering; random forest; XGBoost; statistics; hypothesis testing;"
        " time series forecasting; Jupyter; matplotlib; seaborn; computer vision; OpenCV; feature engineering",
        duties="built a churn prediction model with logistic regression and random forest (87% accuracy);"
        " cleaned and explored customer transaction data with pandas;"
        " developed an NLP pipeline for sentiment analysis of product reviews;"
        " deployed the scoring model as a Flask API for the pricing team;"
        " presented insights to business stakeholders with Tableau dashboards;"
        " forecast weekly demand with ARIMA and Prophet; tuned hyperparameters with grid search and cross-validation;"
        " trained a CNN to classify defect images from the assembly line;"
        " segmented customers with k-means clustering for targeted campaigns",
        degrees="M.Sc. Statistics; M.Tech Data Science; B.Tech Computer Science; PG Diploma in Data Science;"
        " MBA Business Analytics; M.Sc. Mathematics",
        projects="Credit card fraud detection; Movie recommendation engine; Resume classifier using NLP;"
        " House price prediction; Handwritten digit recognition",
        ad_titles="Data Scientist; Senior Data Scientist; Applied Scientist, Machine Learning;"
        " Data Scientist II - Customer Analytics; Lead Data Scientist",
        ad_duties="Design, train and validate predictive models that drive pricing and retention decisions;"
        " Translate ambiguous business questions into analytical problems;"
        " Partner with engineering to put models into production and monitor drift;"
        " Run experiments and communicate results to non-technical audiences;"
        " Explore large, messy datasets to uncover opportunities",
        ad_reqs="Strong foundation in statistics and probability; Fluency in Python and its scientific stack;"
        " Experience with supervised and unsupervised learning; Comfortable querying large datasets with SQL;"
        " Master's or PhD in a quantitative field is a plus; Experience with PyTorch or TensorFlow",
    ),
    _occ(
        "HR",
        titles="HR Executive; Human Resources Generalist; HR Recruiter; Talent Acquisition Specialist; HR Manager;"
        " HR Business Partner; HR Trainee",
        skills="recruitment; sourcing; onboarding; payroll processing; employee engagement; HRIS; SAP HR; Naukri;"
        " LinkedIn Recruiter; statutory compliance; PF and ESIC; performance appraisal; exit interviews;"
        " grievance handling; training and development; employee relations; attendance management;"
        " joining formalities; HR policies; manpower planning",
        duties="handled end-to-end recruitment for IT and non-IT positions;"
        " screened profiles from Naukri and Monster and scheduled interviews;"
        " conducted induction and onboarding of new joiners; processed monthly payroll for 400 employees;"
        " maintained employee records in the HRMS; organised employee engagement activities and festival celebrations;"
        " managed exit formalities and full and final settlement; coordinated the annual performance appraisal cycle;"
        " ensured PF, ESIC and labour law compliance; drafted offer letters and appointment letters",
        degrees="MBA (HR); PGDM Human Resource Management; BBA; MSW (Master of Social Work); B.Com; M.A. Psychology",
        projects="Study on employee attrition in BPO sector; Training effectiveness survey;"
        " Compensation benchmarking study",
        ad_titles="HR Generalist; Human Resources Business Partner; Talent Acquisition Partner;"
        " People Operations Specialist; HR Manager; Recruiter",
        ad_duties="Own the full recruiting lifecycle from intake to offer;"
        " Advise managers on employee relations matters and policy; Run onboarding and benefits enrolment;"
        " Maintain accurate data in our HRIS and prepare headcount reports;"
        " Support compensation reviews and performance cycles",
        ad_reqs="Knowledge of employment law and HR best practice; Experience with Workday or BambooHR;"
        " CIPD or SHRM certification preferred; Discretion with confidential information;"
        " Bachelor's degree in Human Resources or related field",
    ),
    _occ(
        "Advocate",
        titles="Advocate; Legal Associate; Advocate, High Court; Legal Counsel; Junior Advocate; Legal Advisor",
        skills="civil litigation; criminal law; drafting of pleadings; legal research; Manupatra; SCC Online;"
        " arbitration; conveyancing; contract drafting; court appearances; family law; consumer forum;"
        " due diligence; legal notices; bail applications; property law; corporate law; cheque bounce cases",
        duties="appeared before the District Court and High Court in civil and criminal matters;"
        " drafted plaints, written statements, affidavits and legal notices;"
        " conducted legal research using SCC Online and Manupatra;"
        " advised clients on property disputes and title verification;"
        " represented clients before the consumer forum and labour court;"
        " prepared vakalatnama and filed petitions and appeals; vetted agreements, leases and MoUs;"
        " assisted senior counsel in arbitration proceedings; handled cheque bounce cases under Section 138 NI Act",
        degrees="LL.B.; B.A. LL.B. (Hons.); LL.M. Corporate Law; B.B.A. LL.B.; Diploma in Cyber Law",
        projects="Moot court competition on constitutional law; Internship with the State Legal Services Authority",
        ad_titles="Legal Counsel; Associate Advocate - Litigation; Corporate Lawyer; Legal Officer;"
        " Senior Associate, Disputes",
        ad_duties="Manage a caseload of commercial disputes from pleading to hearing;"
        " Draft and review contracts, NDAs and service agreements; Provide legal opinions to business units;"
        " Liaise with external counsel and regulators; Ensure compliance with applicable laws",
        ad_reqs="Enrolled with the Bar Council; 3+ years of litigation practice;"
        " Excellent drafting and advocacy skills; Sound knowledge of CPC, CrPC and the Evidence Act;"
        " Ability to manage multiple matters to deadlines",
    ),
    _occ(
        "Arts",
        titles="Visual Artist; Fine Arts Teacher; Illustrator; Art Director; Art Educator; Painter and Muralist;"
        " Performing Artist",
        skills="painting; sketching; oil and acrylic; watercolour; sculpture; art history; Adobe Illustrator;"
        " exhibitions; curation; classical dance; theatre; music; storyboarding; printmaking; mural painting;"
        " art therapy; photography; calligraphy; clay modelling",
        duties="taught drawing and painting to students of classes 1 to 8;"
        " held a solo exhibition of acrylic works at a city gallery;"
        " designed sets and costumes for the annual theatre production;"
        " illustrated children's books for a publishing house; conducted weekend art workshops for adults;"
        " painted commissioned murals for cafes and offices;"
        " choreographed Bharatanatyam performances for school events;"
        " managed gallery installation and artwork cataloguing",
        degrees="Bachelor of Fine Arts (BFA); Master of Fine Arts (MFA); Diploma in Applied Arts;"
        " B.A. Performing Arts; M.A. Drawing and Painting",
        projects="Public mural for the municipal school; Group show 'Colours of the Coast'; Annual day dance drama",
        ad_titles="Art Teacher; Visual Arts Coordinator; Illustrator; Art Director; Gallery Assistant;"
        " Arts Program Officer",
        ad_duties="Plan and deliver an engaging art curriculum across age groups;"
        " Curate and install exhibitions and manage artwork handling;"
        " Create original illustrations for print and digital; Organise community arts events and workshops;"
        " Maintain studio materials and budgets",
        ad_reqs="Degree in Fine Arts or a related creative discipline; A strong portfolio across media;"
        " Experience teaching or facilitating workshops; Knowledge of art history and contemporary practice;"
        " Creative and patient with learners",
    ),
    _occ(
        "Web Designing",
        titles="Web Designer; UI Designer; Front End Web Designer; Web Developer; UI/UX Designer;"
        " Graphic and Web Designer",
        skills="HTML5; CSS3; JavaScript; jQuery; Bootstrap; responsive design; Adobe Photoshop; Dreamweaver;"
        " WordPress; Figma; Adobe XD; wireframing; SASS; PHP; UI design; landing pages;"
        " cross-browser compatibility; SEO basics; Sketch",
        duties="designed and developed responsive websites for small businesses with HTML, CSS and Bootstrap;"
        " converted PSD mockups into pixel-perfect web pages; customised WordPress themes and plugins;"
        " created wireframes and clickable prototypes in Figma;"
        " ensured cross-browser compatibility and mobile responsiveness;"
        " designed banners, logos and email templates; optimised images and page load speed",
        degrees="B.Sc. Multimedia; Diploma in Web Designing; BCA; B.Des Communication Design;"
        " Certificate in Graphic Design",
        projects="E-commerce site for a boutique; Portfolio website for a photographer;"
        " Restaurant landing page; College fest website",
        ad_titles="Web Designer; UI Designer; Front-End Designer; Digital Designer; Website Designer (WordPress)",
        ad_duties="Design visually appealing, user-friendly websites and landing pages;"
        " Turn briefs into mockups, style guides and production-ready pages;"
        " Maintain and update our content management system; Collaborate with marketing on campaigns;"
        " Test layouts across devices and browsers",
        ad_reqs="Portfolio of live web projects; Proficient with Figma or Adobe Creative Suite;"
        " Solid HTML and CSS, some JavaScript; Understanding of typography, colour and layout;"
        " Familiarity with accessibility guidelines (WCAG)",
    ),
    _occ(
        "Mechanical Engineer",
        titles="Mechanical Engineer; Design Engineer; Production Engineer; Maintenance Engineer;"
        " Mechanical Design Engineer; Graduate Engineer Trainee (Mechanical)",
        skills="AutoCAD; SolidWorks; CATIA; Creo; ANSYS; GD&T; machine design; thermodynamics; HVAC;"
        " preventive maintenance; lean manufacturing; 5S; Kaizen; CNC machining; welding; sheet metal; FMEA;"
        " root cause analysis; pumps and compressors; MS Project",
        duties="prepared 3D models and 2D drawings of fixtures in SolidWorks;"
        " carried out preventive and breakdown maintenance of CNC machines;"
        " performed stress analysis of brackets using ANSYS; implemented 5S and Kaizen on the shop floor;"
        " supervised fabrication and welding of structural frames;"
        " reduced machine downtime by 18% through root cause analysis;"
        " prepared bills of materials and process sheets; coordinated with vendors for casting and forging parts",
        degrees="B.E. Mechanical Engineering; Diploma in Mechanical Engineering; M.Tech Machine Design;"
        " B.Tech Mechanical; M.E. Thermal Engineering",
        projects="Design of a solar powered refrigerator; Fabrication of a pedal operated washing machine;"
        " Go-kart design for SUPRA; Heat exchanger efficiency study",
        ad_titles="Mechanical Engineer; Mechanical Design Engineer; Senior Mechanical Engineer;"
        " Manufacturing Engineer; Maintenance Engineer (Mechanical)",
        ad_duties="Develop mechanical designs from concept to detailed drawings;"
        " Perform tolerance stack-ups and design reviews; Support production with troubleshooting of equipment;"
        " Drive continuous improvement and cost reduction; Prepare technical documentation and test reports",
        ad_reqs="Degree in Mechanical Engineering; Proficiency in 3D CAD (SolidWorks, Creo or Inventor);"
        " Understanding of materials, manufacturing processes and GD&T; Experience with FEA is an advantage;"
        " Chartered or working towards chartership",
    ),
    _occ(
        "Sales",
        titles="Sales Executive; Business Development Executive; Area Sales Manager; Sales Officer;"
        " Key Account Manager; Inside Sales Representative",
        skills="B2B sales; lead generation; cold calling; client relationship management; negotiation;"
        " target achievement; CRM; Salesforce; market research; channel sales; distributor management; field sales;"
        " sales forecasting; territory management; closing deals; upselling",
        duties="achieved 120% of the quarterly sales target in the assigned territory;"
        " generated leads through cold calling and references; appointed and managed distributors and retailers;"
        " maintained customer relationships and handled key accounts;"
        " conducted product demonstrations for corporate clients; prepared weekly sales MIS and forecast reports;"
        " collected payments and followed up outstanding receivables; launched new products in tier 2 cities",
        degrees="MBA Marketing; BBA; B.Com; PGDM Sales and Marketing; B.Sc.",
        projects="Consumer buying behaviour survey for two-wheelers; Market share study of FMCG brands",
        ad_titles="Sales Executive; Account Executive; Business Development Manager; Territory Sales Manager;"
        " Senior Sales Representative; Inside Sales Associate",
        ad_duties="Prospect and qualify new business within an assigned territory;"
        " Manage a pipeline in the CRM and forecast accurately; Deliver compelling demos and proposals;"
        " Negotiate pricing and close contracts; Grow existing accounts through upsell and renewal",
        ad_reqs="Proven track record of meeting or exceeding quota; Excellent communication and negotiation skills;"
        " Experience with Salesforce or HubSpot; Self-motivated and comfortable with targets;"
        " Valid driving licence and willingness to travel",
    ),
    _occ(
        "Health and fitness",
        titles="Fitness Trainer; Personal Trainer; Gym Instructor; Yoga Instructor; Dietitian; Fitness Coach;"
        " Nutritionist",
        skills="personal training; strength and conditioning; weight loss programs; diet planning; nutrition; yoga;"
        " aerobics; Zumba; CrossFit; functional training; first aid; CPR; body composition analysis;"
        " group classes; rehabilitation exercises; sports nutrition; ACE certified; ISSA",
        duties="designed customised workout and diet plans for 40+ clients;"
        " conducted group fitness classes including Zumba and aerobics;"
        " assessed clients' BMI, body fat and flexibility; guided members on correct form and injury prevention;"
        " ran yoga and meditation sessions for a corporate wellness program;"
        " tracked client progress and adjusted programs monthly;"
        " counselled clients on nutrition for weight loss and diabetes",
        degrees="B.Sc. Nutrition and Dietetics; Diploma in Fitness Training; B.P.Ed (Physical Education);"
        " M.Sc. Food Science; Certified Yoga Teacher (RYT 200)",
        projects="Diet survey of college athletes; 12-week transformation challenge",
        ad_titles="Personal Trainer; Fitness Coach; Group Fitness Instructor; Wellness Coach;"
        " Health and Fitness Specialist",
        ad_duties="Deliver one-to-one and small group training sessions; Conduct fitness assessments and set goals;"
        " Build a client base and retain members; Keep the gym floor safe and equipment clean;"
        " Promote healthy lifestyle and nutrition habits",
        ad_reqs="Level 3 Personal Training qualification or equivalent; Current first aid and CPR certification;"
        " Passion for health and fitness; Strong motivational and people skills;"
        " Experience programming for diverse populations",
    ),
    _occ(
        "Civil Engineer",
        titles="Civil Engineer; Site Engineer; Structural Engineer; Project Engineer (Civil); Quantity Surveyor;"
        " Junior Civil Engineer",
        skills="AutoCAD; STAAD Pro; ETABS; Revit; quantity surveying; estimation and costing; site supervision;"
        " RCC; surveying; total station; bar bending schedule; Primavera; road construction;"
        " concrete mix design; BOQ; billing; structural design; soil testing",
        duties="supervised RCC work for a G+10 residential building; prepared bar bending schedules and BOQ;"
        " carried out quantity estimation and contractor billing;"
        " checked levels and layout using total station and auto level;"
        " designed beams, columns and slabs in STAAD Pro;"
        " coordinated with architects, contractors and consultants;"
        " ensured quality control of concrete and materials testing;"
        " monitored project progress against the schedule",
        degrees="B.E. Civil Engineering; Diploma in Civil Engineering; M.Tech Structural Engineering;"
        " B.Tech Civil; M.E. Construction Management",
        projects="Design of a G+3 residential building; Use of plastic waste in bituminous roads;"
        " Rainwater harvesting for the campus",
        ad_titles="Civil Engineer; Site Engineer; Senior Structural Engineer; Civil Project Engineer;"
        " Graduate Civil Engineer",
        ad_duties="Oversee construction activities so that work follows drawings and specifications;"
        " Prepare quantities, estimates and progress claims; Produce structural calculations and designs;"
        " Liaise with clients, subcontractors and local authorities; Enforce site health and safety",
        ad_reqs="Degree in Civil or Structural Engineering; Working knowledge of design codes (IS 456 / Eurocodes);"
        " Experience with AutoCAD and structural analysis software;"
        " Site experience on building or infrastructure projects; Chartered status desirable",
    ),
    _occ(
        "Java Developer",
        titles="Java Developer; Software Engineer (Java); Senior Java Developer; J2EE Developer;"
        " Java Backend Developer; Associate Software Engineer",
        skills="Core Java; J2EE; Spring Boot; Spring MVC; Hibernate; JPA; REST APIs; microservices; Maven; JUnit;"
        " Servlets; JSP; Tomcat; Oracle; MySQL; Kafka; multithreading; design patterns; Eclipse; IntelliJ; Git",
        duties="developed RESTful web services using Spring Boot and Hibernate;"
        " implemented business logic for the loan origination module; wrote unit tests with JUnit and Mockito;"
        " migrated a monolithic application to microservices; optimised SQL queries and JPA mappings;"
        " fixed production defects and supported UAT; integrated Kafka for event processing;"
        " participated in code reviews and sprint planning",
        degrees="B.E. Computer Science; MCA; B.Tech Information Technology; B.Sc. Computer Science;"
        " M.Tech Software Engineering",
        projects="Online banking portal; Hospital management system; Inventory management using Spring Boot;"
        " Library management system",
        ad_titles="Java Developer; Senior Java Engineer; Backend Engineer (Java/Spring); Java Software Engineer;"
        " Lead Java Developer; Java Full Stack Developer",
        ad_duties="Design and build scalable backend services in Java;"
        " Write clean, testable code and take part in code reviews; Own features end to end;"
        " Troubleshoot performance issues in the JVM; Work with product owners in an agile team",
        ad_reqs="Strong Java 11+ and Spring experience; Experience designing REST APIs and microservices;"
        " Familiarity with relational databases and ORM; Understanding of concurrency and JVM tuning;"
        " Exposure to AWS or Azure",
    ),
    _occ(
        "Business Analyst",
        titles="Business Analyst; IT Business Analyst; Senior Business Analyst; Functional Consultant;"
        " Business Systems Analyst; Product Analyst",
        skills="requirement gathering; BRD; FRD; use cases; user stories; JIRA; Confluence; process mapping; BPMN;"
        " Visio; gap analysis; UAT; stakeholder management; SQL; Agile; Scrum; wireframes; Balsamiq;"
        " data analysis; Power BI",
        duties="elicited requirements through workshops and stakeholder interviews;"
        " prepared BRD, FRD and use case documents; wrote user stories with acceptance criteria in JIRA;"
        " mapped as-is and to-be processes in Visio;"
        " performed gap analysis between business needs and system capability;"
        " coordinated UAT and obtained sign-off; acted as liaison between business users and developers;"
        " created mockups in Balsamiq",
        degrees="MBA; B.E. Information Technology; B.Com; PGDM; B.Tech; CBAP certification",
        projects="Claims processing system revamp; CRM rollout for the retail bank; Order to cash automation",
        ad_titles="Business Analyst; Senior Business Analyst; IT Business Analyst; Business Systems Analyst;"
        " Lead Business Analyst",
        ad_duties="Work with stakeholders to understand needs and translate them into clear requirements;"
        " Document processes and propose improvements; Prioritise the backlog with the product owner;"
        " Support testing and change management; Analyse data to inform decisions",
        ad_reqs="Experience as a Business Analyst on software delivery projects;"
        " Strong documentation skills: user stories, process flows, acceptance criteria;"
        " Comfortable running workshops with senior stakeholders; Working knowledge of SQL is a plus;"
        " CBAP or IIBA certification desirable",
    ),
    _occ(
        "SAP Developer",
        titles="SAP ABAP Developer; SAP Technical Consultant; SAP ABAP Consultant; SAP Developer;"
        " SAP Fiori Developer; SAP HANA Developer",
        skills="ABAP; ABAP Objects; ALV reports; BAPI; BADI; user exits; SmartForms; SAPscript; IDoc; RFC; BDC;"
        " LSMW; Data Dictionary; Module Pool; OData; SAP Fiori; SAPUI5; CDS views; S/4HANA; SD; MM; FI",
        duties="developed classical and interactive ALV reports for the MM and SD modules;"
        " created SmartForms for invoice and purchase order output;"
        " implemented BADIs and user exits to enhance standard functionality;"
        " uploaded master data using BDC and LSMW; built OData services for Fiori apps;"
        " debugged and resolved production tickets within SLA; created IDoc interfaces with third-party systems;"
        " wrote technical specifications from functional specs",
        degrees="B.E. Computer Science; B.Tech; MCA; B.Sc. IT; SAP Certified Development Associate",
        projects="S/4HANA greenfield implementation for a cement manufacturer; ECC support for a pharma client",
        ad_titles="SAP ABAP Developer; SAP Technical Consultant (ABAP/Fiori); Senior SAP Developer;"
        " SAP S/4HANA Developer; SAP BTP Developer",
        ad_duties="Design and develop RICEFW objects in SAP; Build and extend Fiori applications;"
        " Work with functional consultants to deliver enhancements; Support S/4HANA migration activities;"
        " Maintain code quality and transport management",
        ad_reqs="4+ years of hands-on ABAP development; Experience with OO ABAP, CDS views and AMDP;"
        " Knowledge of SAP Gateway/OData; Exposure to SAP BTP is a plus; SAP certification desirable",
    ),
    _occ(
        "Automation Testing",
        titles="Automation Test Engineer; QA Automation Engineer; SDET; Selenium Tester; Test Automation Analyst;"
        " Automation Tester",
        skills="Selenium WebDriver; TestNG; Cucumber; BDD; Java; Page Object Model; Appium; REST Assured; Postman;"
        " Jenkins; Maven; JIRA; API testing; regression automation; data-driven framework; hybrid framework;"
        " Katalon; UFT; QTP; Extent Reports",
        duties="designed a hybrid automation framework with Selenium WebDriver, TestNG and Page Object Model;"
        " automated 300+ regression test cases; wrote Cucumber feature files and step definitions;"
        " integrated automation suites with Jenkins for nightly runs; automated REST API tests with Rest Assured;"
        " performed mobile automation with Appium; analysed failures and logged defects in JIRA;"
        " maintained test data in Excel for data-driven tests",
        degrees="B.E. Electronics; B.Tech Computer Science; MCA; B.Sc. Computer Science; ISTQB Foundation",
        projects="Automation of an insurance policy portal; E-commerce checkout regression suite",
        ad_titles="QA Automation Engineer; Test Automation Engineer; SDET; Senior Automation Tester;"
        " Automation QA Lead",
        ad_duties="Build and maintain automated test suites for web, mobile and APIs;"
        " Embed tests into the CI/CD pipeline; Review requirements for testability;"
        " Report on quality metrics and flaky tests; Mentor manual testers in automation",
        ad_reqs="Strong coding skills in Java, Python or JavaScript;"
        " Hands-on experience with Selenium, Playwright or Cypress; Experience with API test tools;"
        " Knowledge of BDD frameworks; CI tools such as Jenkins or GitHub Actions",
    ),
    _occ(
        "Electrical Engineering",
        titles="Electrical Engineer; Electrical Maintenance Engineer; Electrical Design Engineer;"
        " Electrical Site Engineer; Substation Engineer; Electrical Supervisor",
        skills="electrical design; PLC; SCADA; HT and LT panels; switchgear; transformers; substation;"
        " load calculation; cable sizing; earthing; AutoCAD Electrical; ETAP; motor control; power distribution;"
        " DG sets; relay testing; electrical safety; MATLAB; VFD",
        duties="maintained HT/LT panels, transformers and DG sets at the plant;"
        " prepared single line diagrams and cable schedules in AutoCAD Electrical;"
        " performed load calculation and cable sizing for commercial buildings;"
        " carried out testing and commissioning of a 33/11 kV substation;"
        " programmed PLCs and troubleshot motor control circuits;"
        " ensured electrical safety and permit-to-work procedures;"
        " conducted earthing and insulation resistance tests; supervised electrical contractors on site",
        degrees="B.E. Electrical Engineering; B.Tech Electrical and Electronics; Diploma in Electrical Engineering;"
        " M.Tech Power Systems; B.E. EEE",
        projects="Automatic power factor correction panel; Solar inverter with MPPT; Smart energy meter using IoT",
        ad_titles="Electrical Engineer; Electrical Design Engineer; Senior Electrical Engineer;"
        " Electrical Commissioning Engineer; Power Systems Engineer",
        ad_duties="Design low and medium voltage distribution systems;"
        " Produce schematics, load schedules and protection studies;"
        " Commission electrical equipment and witness tests;"
        " Ensure compliance with wiring regulations and standards; Support maintenance teams with fault finding",
        ad_reqs="Degree in Electrical Engineering; Experience with ETAP, Amtech or similar;"
        " Knowledge of BS 7671 or IEC standards; Experience with switchgear, transformers and protection relays;"
        " Professional registration an advantage",
    ),
    _occ(
        "Operations Manager",
        titles="Operations Manager; Operations Executive; Assistant Operations Manager; Operations Head;"
        " Plant Operations Manager; Operations Lead",
        skills="operations management; process improvement; team management; P&L; budgeting; vendor management;"
        " inventory control; logistics; supply chain; SOP; KPI tracking; customer service; MIS reporting;"
        " Six Sigma; workforce planning; facility management; cost reduction",
        duties="managed daily operations of a 120-seat facility; led a team of 35 supervisors and associates;"
        " reduced operating costs by 12% through vendor renegotiation; defined SOPs and monitored KPIs;"
        " prepared the monthly MIS and reviewed the P&L; handled escalations and client audits;"
        " optimised warehouse layout and inventory levels; planned shift rosters and workforce allocation",
        degrees="MBA Operations; B.Tech; BBA; PGDM Operations Management; B.Com",
        projects="Turnaround time reduction (Lean Six Sigma Green Belt); New branch set-up",
        ad_titles="Operations Manager; Senior Operations Manager; Site Operations Manager; Operations Lead;"
        " Head of Operations",
        ad_duties="Lead day-to-day operations and drive operational excellence;"
        " Manage budgets, staffing and performance; Build processes that scale;"
        " Own service levels and customer satisfaction; Coordinate with finance, sales and supply chain",
        ad_reqs="5+ years in an operations leadership role; Proven people management; Data-driven, strong Excel;"
        " Lean or Six Sigma experience is a plus; Ability to thrive in a fast-paced environment",
    ),
    _occ(
        "Python Developer",
        titles="Python Developer; Software Engineer (Python); Backend Developer; Django Developer;"
        " Python Programmer; Junior Python Developer",
        skills="Python; Django; Flask; FastAPI; REST APIs; Django REST Framework; PostgreSQL; MySQL; Celery; Redis;"
        " pytest; Git; Docker; AWS; web scraping; BeautifulSoup; Selenium; pandas; Linux; JavaScript",
        duties="developed REST APIs with Django REST Framework; built web scraping scripts with BeautifulSoup and Scrapy;"
        " wrote asynchronous tasks with Celery and Redis; designed PostgreSQL schemas and ORM models;"
        " wrote unit tests with pytest; deployed applications on AWS EC2 using Docker;"
        " automated report generation with Python scripts; integrated third-party payment gateways",
        degrees="B.E. Computer Science; B.Tech IT; MCA; B.Sc. Computer Science; BCA",
        projects="Online food ordering app in Django; Stock price alert bot; Attendance system with Flask",
        ad_titles="Python Developer; Senior Python Engineer; Backend Engineer (Python/Django);"
        " Python Software Engineer; Full Stack Python Developer",
        ad_duties="Build and maintain backend services and APIs in Python; Write well-tested, maintainable code;"
        " Integrate with databases, queues and third-party services; Improve performance and reliability;"
        " Collaborate with frontend and product teams",
        ad_reqs="Solid experience with Python 3 and Django, Flask or FastAPI; Experience with relational databases;"
        " Familiarity with Docker and CI; Understanding of RESTful design; Async Python a plus",
    ),
    _occ(
        "DevOps Engineer",
        titles="DevOps Engineer; Site Reliability Engineer; Cloud Engineer; Build and Release Engineer;"
        " AWS DevOps Engineer; Senior DevOps Engineer",
        skills="AWS; Azure; Docker; Kubernetes; Jenkins; Ansible; Terraform; CI/CD; Git; Linux; shell scripting;"
        " Prometheus; Grafana; ELK; Helm; Nagios; SonarQube; CloudFormation; EC2; S3; IAM",
        duties="built CI/CD pipelines in Jenkins for Java and Node applications;"
        " containerised services with Docker and deployed them to Kubernetes;"
        " provisioned AWS infrastructure with Terraform; automated configuration management with Ansible playbooks;"
        " set up monitoring with Prometheus and Grafana; managed Linux servers and patching;"
        " reduced deployment time from hours to minutes;"
        " handled build and release activities for multiple environments",
        degrees="B.E. Computer Science; B.Tech; MCA; B.Sc.; AWS Certified Solutions Architect",
        projects="Migration of on-prem workloads to AWS; Blue-green deployments on EKS",
        ad_titles="DevOps Engineer; Senior DevOps Engineer; Site Reliability Engineer; Platform Engineer;"
        " Cloud DevOps Engineer",
        ad_duties="Own our cloud infrastructure and deployment pipelines; Automate everything as code;"
        " Improve observability and incident response; Harden and scale Kubernetes clusters;"
        " Partner with developers on release processes",
        ad_reqs="Hands-on experience with AWS or GCP; Infrastructure as code (Terraform, Pulumi);"
        " Kubernetes and container tooling; Scripting in Bash or Python; On-call experience",
    ),
    _occ(
        "Network Security Engineer",
        titles="Network Security Engineer; Network Engineer; Security Analyst; Firewall Engineer; SOC Analyst;"
        " Information Security Engineer",
        skills="firewalls; Palo Alto; Fortinet; Cisco ASA; Check Point; VPN; IDS/IPS; SIEM; Splunk; QRadar;"
        " routing and switching; CCNA; CCNP Security; TCP/IP; VLAN; BGP; OSPF; vulnerability assessment; Nessus;"
        " Wireshark; penetration testing; ISO 27001",
        duties="configured and managed Palo Alto and Fortinet firewalls;"
        " created site-to-site and remote access VPNs; monitored alerts in the SIEM and investigated incidents;"
        " performed vulnerability assessments with Nessus; ran firewall rule reviews and change requests;"
        " configured VLANs, OSPF and BGP on Cisco routers and switches;"
        " analysed packet captures with Wireshark; supported the ISO 27001 audit",
        degrees="B.E. Electronics and Communication; B.Tech IT; B.Sc. Networking; CCNA; CEH; M.Sc. Cyber Security",
        projects="Campus network redesign; Honeypot deployment for threat research",
        ad_titles="Network Security Engineer; Senior Network Security Engineer; Firewall Engineer;"
        " Cyber Security Engineer; Security Operations Engineer",
        ad_duties="Design, implement and support a secure network architecture;"
        " Manage firewalls, proxies and VPN solutions;"
        " Respond to security incidents and perform root cause analysis;"
        " Conduct regular security reviews and vulnerability scans; Maintain documentation and security policies",
        ad_reqs="Strong knowledge of TCP/IP, routing and network protocols;"
        " Experience with next-generation firewalls; CCNP Security, CISSP or PCNSE;"
        " Familiarity with SIEM and threat detection; Understanding of zero trust principles",
    ),
    _occ(
        "PMO",
        titles="PMO Analyst; Project Management Officer; PMO Lead; Project Coordinator; Programme Manager; PMO Manager",
        skills="project governance; MS Project; resource planning; RAID logs; status reporting;"
        " portfolio management; PMP; PRINCE2; budget tracking; risk management; change control;"
        " stakeholder communication; Clarity PPM; SharePoint; Excel dashboards; timesheets; steering committee",
        duties="maintained programme plans and tracked milestones across 14 projects;"
        " prepared weekly status reports and steering committee packs; managed RAID logs and escalated risks;"
        " tracked budgets, actuals and forecasts; coordinated resource allocation and onboarding of project staff;"
        " ran project governance and stage-gate reviews; consolidated timesheets and supported client invoicing;"
        " set up PMO templates and the SharePoint site",
        degrees="MBA; B.E.; PMP certified; PRINCE2 Practitioner; B.Com",
        projects="Core banking transformation programme; Data centre consolidation",
        ad_titles="PMO Analyst; PMO Manager; Project Management Office Lead; Programme Support Officer;"
        " Portfolio Analyst",
        ad_duties="Run programme governance, reporting and controls;"
        " Maintain the integrated plan, dependencies and risks; Produce dashboards for senior leadership;"
        " Manage financial tracking and resource forecasts; Drive a consistent project methodology",
        ad_reqs="Experience in a PMO within a large organisation; Excellent Excel and PowerPoint skills;"
        " Knowledge of PRINCE2, MSP or PMI; Experience with PPM tools; Strong organisational skills",
    ),
    _occ(
        "Database",
        titles="Database Administrator; Oracle DBA; SQL Server DBA; Database Developer; MySQL DBA; PL/SQL Developer",
        skills="Oracle 12c; SQL Server; MySQL; PostgreSQL; PL/SQL; T-SQL; RMAN; Data Guard; RAC;"
        " backup and recovery; performance tuning; indexing; stored procedures; triggers; replication;"
        " AWR reports; ASM; Always On; database migration; SSMS; SQL*Loader; MongoDB",
        duties="administered Oracle 12c and 19c databases on Linux; configured RMAN backups and performed restores;"
        " set up Data Guard for disaster recovery; tuned slow queries using execution plans and AWR reports;"
        " wrote stored procedures, functions and triggers in PL/SQL; managed user access, roles and privileges;"
        " migrated databases from SQL Server 2012 to 2019; monitored tablespace growth and alert logs",
        degrees="B.E. Computer Science; MCA; B.Sc. IT; Oracle Certified Professional (OCP); B.Tech",
        projects="Database consolidation for a telecom client; Billing database upgrade",
        ad_titles="Database Administrator; Senior DBA (Oracle); SQL Server Database Administrator;"
        " Database Engineer; PostgreSQL DBA",
        ad_duties="Ensure availability, integrity and performance of production databases;"
        " Plan and test backup and restore; Tune queries and indexes; Automate routine administration;"
        " Support developers with schema design",
        ad_reqs="Experience administering Oracle, SQL Server or PostgreSQL in production;"
        " Strong SQL and scripting; High availability and DR solutions;"
        " Cloud database experience (RDS, Azure SQL) a plus; On-call availability",
    ),
    _occ(
        "Hadoop",
        titles="Hadoop Developer; Big Data Engineer; Hadoop Administrator; Spark Developer; Big Data Developer",
        skills="Hadoop; HDFS; MapReduce; Hive; Pig; Sqoop; HBase; Spark; Scala; PySpark; Kafka; Oozie; YARN;"
        " Impala; Cloudera; Hortonworks; Flume; ZooKeeper; Spark SQL; Ambari",
        duties="ingested data from RDBMS into HDFS using Sqoop; wrote Hive queries and partitioned tables for reporting;"
        " developed Spark jobs in Scala for data transformation; scheduled workflows with Oozie;"
        " processed streaming data from Kafka with Spark Streaming;"
        " administered the Cloudera cluster, managed nodes and YARN queues; wrote MapReduce programs in Java;"
        " tuned Hive and Spark performance",
        degrees="B.E. Computer Science; B.Tech; MCA; M.Sc. Computer Science; Cloudera Certified Developer",
        projects="Clickstream analytics on Hadoop; Retail data lake; Telecom CDR processing",
        ad_titles="Hadoop Developer; Big Data Engineer; Senior Spark Engineer; Hadoop Platform Engineer;"
        " Big Data Developer (Spark/Hive)",
        ad_duties="Build large-scale batch and streaming pipelines on our Hadoop platform;"
        " Optimise Spark and Hive workloads; Manage data ingestion into the lake;"
        " Maintain cluster health and capacity; Work with data scientists on feature pipelines",
        ad_reqs="Hands-on with Hadoop ecosystem components; Strong Spark (Scala or PySpark); Experience with Kafka;"
        " Familiarity with Cloudera or EMR; Good SQL skills",
    ),
    _occ(
        "ETL Developer",
        titles="ETL Developer; Informatica Developer; ETL Tester; Data Warehouse Developer; SSIS Developer;"
        " ETL Consultant",
        skills="Informatica PowerCenter; SSIS; DataStage; Talend; ETL; data warehousing; star schema;"
        " dimensional modeling; SCD; Oracle; Teradata; SQL; Unix shell scripting; Autosys; Control-M;"
        " data mapping; workflows; mappings; data quality; SSRS",
        duties="developed Informatica mappings, sessions and workflows to load the data warehouse;"
        " implemented SCD Type 1 and Type 2 logic; built SSIS packages to extract data from flat files and SQL Server;"
        " performed source-to-target mapping and data validation; tuned mappings and SQL for performance;"
        " scheduled jobs with Autosys and Control-M; wrote Unix shell scripts for file handling;"
        " supported production loads and fixed failures",
        degrees="B.E.; B.Tech; MCA; B.Sc. Computer Science; M.Sc. IT",
        projects="Enterprise data warehouse for an insurer; Sales data mart; Regulatory reporting feeds",
        ad_titles="ETL Developer; Senior ETL Developer; Data Integration Developer; Informatica Developer;"
        " Data Warehouse ETL Engineer",
        ad_duties="Design and build ETL processes to populate the enterprise data warehouse;"
        " Translate source-to-target mappings into robust pipelines; Monitor loads and resolve data issues;"
        " Optimise performance of batch jobs; Document data lineage",
        ad_reqs="Experience with Informatica, SSIS, Talend or ADF; Strong SQL and data warehousing concepts;"
        " Knowledge of dimensional modelling; Scheduling tools experience; Good communication",
    ),
    _occ(
        "DotNet Developer",
        titles=".NET Developer; ASP.NET Developer; C# Developer; Software Engineer (.NET); Dot Net Developer;"
        " Senior .NET Developer",
        skills="C#; ASP.NET MVC; .NET Core; Web API; Entity Framework; LINQ; ADO.NET; SQL Server; WCF;"
        " Visual Studio; jQuery; Angular; Azure; Razor; Web Forms; IIS; TFS; Crystal Reports",
        duties="developed web applications with ASP.NET MVC, C# and SQL Server;"
        " built RESTful services with ASP.NET Web API; used Entity Framework and LINQ for data access;"
        " created stored procedures and Crystal Reports; migrated a legacy Web Forms application to .NET Core;"
        " deployed applications on IIS and Azure App Service; wrote unit tests with NUnit;"
        " maintained code in TFS",
        degrees="B.E. Computer Science; MCA; B.Tech; BCA; M.Sc. IT",
        projects="School management ERP; Online exam portal in ASP.NET; Payroll system for a textile unit",
        ad_titles=".NET Developer; Senior C# Developer; .NET Core Engineer; Full Stack .NET Developer;"
        " Software Developer (C#/.NET)",
        ad_duties="Build and maintain web applications on the Microsoft stack; Design APIs and services in .NET;"
        " Write unit and integration tests; Work with Azure services; Participate in agile ceremonies",
        ad_reqs="Commercial experience with C# and .NET 6+; Entity Framework and SQL Server; Experience with Azure;"
        " Angular or React is a plus; Understanding of SOLID principles",
    ),
    _occ(
        "Blockchain",
        titles="Blockchain Developer; Solidity Developer; Blockchain Engineer; Smart Contract Developer;"
        " Web3 Developer",
        skills="Ethereum; Solidity; smart contracts; Hyperledger Fabric; Truffle; Ganache; web3.js; ethers.js;"
        " Remix; Node.js; cryptography; consensus algorithms; DApps; ERC-20; NFT; IPFS; MetaMask; Hardhat; Go;"
        " chaincode",
        duties="wrote and tested smart contracts in Solidity with Truffle and Ganache;"
        " developed a DApp front end with React and web3.js; built a Hyperledger Fabric network and chaincode in Go;"
        " deployed ERC-20 token and NFT contracts to testnet; integrated the MetaMask wallet for transactions;"
        " audited contracts for reentrancy and overflow bugs; stored documents on IPFS;"
        " researched consensus mechanisms for a permissioned ledger",
        degrees="B.Tech Computer Science; B.E. IT; M.Tech; MCA; Certified Blockchain Developer",
        projects="Land registry on Hyperledger; Crowdfunding DApp; Supply chain traceability on Ethereum",
        ad_titles="Blockchain Developer; Smart Contract Engineer; Senior Solidity Developer; Web3 Engineer;"
        " Distributed Ledger Developer",
        ad_duties="Design, develop and audit smart contracts;"
        " Build integrations between on-chain and off-chain systems; Contribute to protocol research;"
        " Write secure, gas-efficient code; Maintain node infrastructure",
        ad_reqs="Proficiency in Solidity and the EVM; Experience with Hardhat or Foundry;"
        " Understanding of cryptographic primitives; Familiarity with DeFi protocols; TypeScript or Rust experience",
    ),
    _occ(
        "Testing",
        titles="Software Test Engineer; QA Engineer; Manual Tester; Quality Analyst; Test Engineer; QA Analyst",
        skills="manual testing; functional testing; regression testing; smoke testing; sanity testing; test cases;"
        " test plans; STLC; SDLC; defect tracking; JIRA; Bugzilla; HP ALM; Quality Center; black box testing;"
        " UAT; integration testing; system testing; SQL; mobile testing; cross browser testing",
        duties="wrote and executed test cases from requirement documents;"
        " performed functional, regression and smoke testing; logged and tracked defects in JIRA and Bugzilla;"
        " participated in requirement reviews and test planning; prepared the traceability matrix;"
        " tested web and mobile applications across browsers and devices; validated data with SQL queries;"
        " supported UAT with business users",
        degrees="B.E.; B.Tech; B.Sc. Computer Science; MCA; ISTQB Certified Tester",
        projects="Testing of a hotel booking application; Banking mobile app release testing",
        ad_titles="QA Engineer; Software Tester; Manual QA Analyst; Test Analyst; Quality Assurance Engineer;"
        " Senior QA Tester",
        ad_duties="Plan and execute functional and exploratory testing; Write clear test cases and bug reports;"
        " Verify fixes and run regression cycles; Work with developers and product to clarify requirements;"
        " Improve QA processes",
        ad_reqs="Experience testing web applications; Good understanding of the software testing life cycle;"
        " Experience with a defect tracker and test management tool; Attention to detail;"
        " ISTQB certification is a plus",
    ),
)

# Occupations a resume or posting of the key most easily blurs into (both directions are listed).
CONFUSABLE: dict[str, tuple[str, ...]] = {
    "Testing": ("Automation Testing", "Business Analyst"),
    "Automation Testing": ("Testing", "Java Developer", "Python Developer"),
    "Hadoop": ("ETL Developer", "Database", "Data Science"),
    "ETL Developer": ("Hadoop", "Database", "Testing"),
    "Database": ("ETL Developer", "Hadoop", "DotNet Developer"),
    "Python Developer": ("Data Science", "Web Designing", "Automation Testing"),
    "Data Science": ("Python Developer", "Hadoop", "Business Analyst"),
    "Java Developer": ("DotNet Developer", "Automation Testing", "Blockchain"),
    "DotNet Developer": ("Java Developer", "Web Designing", "Database"),
    "DevOps Engineer": ("Network Security Engineer", "Java Developer", "Python Developer"),
    "Network Security Engineer": ("DevOps Engineer", "Electrical Engineering"),
    "PMO": ("Operations Manager", "Business Analyst"),
    "Operations Manager": ("PMO", "Business Analyst", "Sales", "HR"),
    "Business Analyst": ("PMO", "Operations Manager", "Testing", "SAP Developer"),
    "Civil Engineer": ("Mechanical Engineer", "Electrical Engineering"),
    "Mechanical Engineer": ("Civil Engineer", "Electrical Engineering", "Operations Manager"),
    "Electrical Engineering": ("Mechanical Engineer", "Civil Engineer", "Network Security Engineer"),
    "Web Designing": ("Arts", "Python Developer", "DotNet Developer"),
    "Arts": ("Web Designing", "Health and fitness"),
    "HR": ("Operations Manager", "Advocate", "Sales"),
    "Sales": ("Operations Manager", "HR", "Business Analyst"),
    "Advocate": ("HR", "Business Analyst"),
    "Health and fitness": ("Arts", "Sales"),
    "SAP Developer": ("Business Analyst", "Database", "Java Developer"),
    "Blockchain": ("Java Developer", "Python Developer", "Network Security Engineer"),
}

# ------------------------------------------------------------------------------------------ shared noise

GIVEN_NAMES = [
    "Aarav",
    "Akshay",
    "Ananya",
    "Ankit",
    "Apoorva",
    "Bhavna",
    "Chetan",
    "Divya",
    "Gaurav",
    "Harsha",
    "Ishita",
    "Jayesh",
    "Kavya",
    "Kunal",
    "Lakshmi",
    "Manish",
    "Meghna",
    "Nikhil",
    "Pallavi",
    "Pooja",
    "Prakash",
    "Rajesh",
    "Ritika",
    "Rohan",
    "Sachin",
    "Sanjana",
    "Shreya",
    "Sneha",
    "Suresh",
    "Swati",
    "Tanvi",
    "Varun",
    "Vikram",
    "Yash",
    "Zoya",
    "Abdul",
    "Farhan",
    "Imran",
    "Sadia",
    "Joseph",
    "Thomas",
    "Mary",
    "Sarah",
    "Oliver",
    "George",
    "Amelia",
    "Jack",
    "Megan",
    "Tyler",
    "Brittany",
    "Kevin",
    "Ashley",
    "Dylan",
    "Chinedu",
    "Tunde",
    "Wei",
    "Yuki",
    "Lucas",
    "Sofia",
]
FAMILY_NAMES = [
    "Sharma",
    "Patil",
    "Deshmukh",
    "Kulkarni",
    "Iyer",
    "Nair",
    "Reddy",
    "Rao",
    "Gupta",
    "Verma",
    "Singh",
    "Khan",
    "Shaikh",
    "Joshi",
    "Chavan",
    "Pawar",
    "Menon",
    "Pillai",
    "Banerjee",
    "Chatterjee",
    "Das",
    "Mehta",
    "Shah",
    "Agarwal",
    "Mishra",
    "Yadav",
    "Jadhav",
    "Fernandes",
    "D'Souza",
    "Thomas",
    "Smith",
    "Jones",
    "Taylor",
    "Brown",
    "Williams",
    "Evans",
    "Walker",
    "Johnson",
    "Miller",
    "Davis",
    "Okafor",
    "Adeyemi",
    "Zhang",
    "Tanaka",
    "Garcia",
]
PLACES = (
    "Pune, Maharashtra",
    "Bangalore, Karnataka",
    "Hyderabad, Telangana",
    "Chennai, Tamil Nadu",
    "Mumbai, Maharashtra",
    "Navi Mumbai",
    "Noida, U.P.",
    "Gurgaon, Haryana",
    "Kolkata, West Bengal",
    "Ahmedabad, Gujarat",
    "Indore, M.P.",
    "Nagpur",
    "Kochi, Kerala",
    "Jaipur, Rajasthan",
    "Bhopal",
    "Manchester, UK",
    "Leeds, West Yorkshire",
    "Birmingham B15",
    "Austin, TX",
    "Columbus, OH",
    "Charlotte, NC",
    "Newark, NJ",
)
STREETS = (
    "Flat No. 12, Sai Krupa Apartment, Karve Nagar",
    "H.No 4-56/2, Near Hanuman Temple",
    "C-204, Shanti Vihar, Sector 21",
    "Plot 88, Gandhi Road, Opp. Bus Stand",
    "14 Acacia Avenue",
    "221 Maple Street, Apt 3B",
    "At Post Wadgaon, Tal. Haveli",
    "Room 5, Krishna Chawl, L.B.S. Marg",
)
EMPLOYERS = (
    "Infosys Ltd",
    "Tata Consultancy Services",
    "Wipro Technologies",
    "Cognizant Technology Solutions",
    "Capgemini India",
    "Tech Mahindra",
    "HCL Technologies",
    "Accenture Solutions Pvt Ltd",
    "Larsen & Toubro",
    "Mphasis",
    "L&T Infotech",
    "Persistent Systems",
    "Zensar Technologies",
    "KPIT",
    "Bajaj Auto Ltd",
    "Mahindra & Mahindra",
    "Reliance Retail",
    "Tata Projects",
    "Shapoorji Pallonji",
    "Godrej & Boyce",
    "Thermax Ltd",
    "Kirloskar Brothers",
    "ICICI Bank",
    "HDFC Life",
    "Genpact",
    "Concentrix",
    "Sutherland Global",
    "Cult.fit",
    "Gold's Gym",
    "Talwalkars",
    "Delhi Public School",
    "Kendriya Vidyalaya",
    "Amdocs",
    "Syntel",
    "iGate",
    "NIIT Technologies",
    "Deloitte",
    "Ernst & Young",
    "Crescent Software Pvt Ltd",
    "Shree Ganesh Enterprises",
    "Vertex Infosoft",
    "BlueStar Ltd",
    "Siemens Ltd",
    "ABB India",
    "Oracle Financial Services",
    "Barclays",
    "JP Morgan Chase",
    "Amazon Development Centre",
    "Flipkart",
    "Pinnacle Legal Associates",
    "Chambers of Adv. R. K. Mehta",
)
INSTITUTES = (
    "Savitribai Phule Pune University",
    "Mumbai University",
    "Visvesvaraya Technological University",
    "Anna University",
    "JNTU Hyderabad",
    "RTM Nagpur University",
    "Amity University",
    "Symbiosis International University",
    "Osmania University",
    "Government Polytechnic, Nashik",
    "Dr. Babasaheb Ambedkar Marathwada University",
    "University of Leeds",
    "Ohio State University",
    "Rajiv Gandhi Proudyogiki Vishwavidyalaya",
    "Kerala University",
    "Sir J.J. School of Art",
    "ILS Law College",
)
SCHOOL_LINES = (
    "HSC from Maharashtra State Board with 68%",
    "SSC - 82.4% - CBSE",
    "12th (Science) Kendriya Vidyalaya 2010 74%",
    "10th passed from State Board in first division",
    "Intermediate (MPC) Board of Intermediate Education 2011",
)
SOFT_SKILLS = (
    "Good communication skills",
    "Quick learner",
    "Hard working and sincere",
    "Ability to work in a team",
    "Positive attitude",
    "Time management",
    "Leadership qualities",
    "Adaptable to new environments",
    "Problem solving",
    "Self motivated",
    "Punctual and disciplined",
    "Good interpersonal skills",
)
GENERIC_TOOLS = (
    "MS Office",
    "MS Excel",
    "MS Word",
    "PowerPoint",
    "Windows 10",
    "Internet",
    "Tally ERP 9",
    "Google Sheets",
    "Outlook",
    "C language",
    "basic computer knowledge",
)
HOBBIES = (
    "Reading books",
    "Playing cricket",
    "Listening to music",
    "Travelling",
    "Chess",
    "Cooking",
    "Badminton",
    "Trekking",
    "Watching movies",
    "Social work",
)
LANGUAGES = ("English", "Hindi", "Marathi", "Tamil", "Telugu", "Kannada", "Bengali", "Gujarati", "Urdu")
OBJECTIVES = (
    "To work in a challenging environment where I can utilise my skills and knowledge for the growth of the"
    " organisation as well as my own",
    "Seeking a position in a reputed organisation that offers scope to learn and contribute",
    "To secure a responsible career opportunity to fully utilise my training and skills while making a"
    " significant contribution to the success of the company",
    "Looking for a role where dedication and hard work are valued and rewarded",
    "To be a part of a progressive organisation and grow along with it",
)
DECLARATIONS = (
    "I hereby declare that the above information is true to the best of my knowledge and belief.",
    "I hereby declare that all the details furnished above are true and correct.",
    "I solemnly declare that the information given above is correct to my knowledge.",
)
AWARDS = (
    "Received Star Performer award for Q3",
    "Secured first prize in the inter-college paper presentation",
    "Employee of the month (twice)",
    "NSS volunteer for two years",
    "Participated in the state level quiz competition",
    "Certificate of appreciation from the client",
)

# ------------------------------------------------------------------------------------------- ad noise

COMPANY_NAMES = (
    "Brightpath Solutions",
    "Northwind Group",
    "Kestrel Partners",
    "Meridian Health Systems",
    "Lumen Retail",
    "Orbitron Labs",
    "Harbourline Logistics",
    "Sapphire Infotech",
    "Greenfield Infrastructure",
    "Arcadia Financial",
    "Pioneer Manufacturing Co.",
    "Tidewater Consulting",
    "Nimbus Digital",
    "Crestview Hospitals",
    "Evergreen Learning Trust",
)
BLURBS = (
    "{co} is a fast-growing company on a mission to make everyday services simpler for millions of customers."
    " We are backed by leading investors and we value ownership, curiosity and kindness.",
    "Founded in 1998, {co} employs over 4,000 people across 12 countries and is recognised as a great place to"
    " work for the fifth year running.",
    "At {co}, our people are our greatest asset. We believe diverse teams build better products, and we invest"
    " in learning, wellbeing and career growth.",
    "{co} partners with Fortune 500 clients to deliver digital transformation, engineering and consulting"
    " services. Join a culture that rewards innovation and collaboration.",
    "We are {co}, a family-owned business with a 40-year history of quality, integrity and service to our community.",
    "{co} is an award-winning organisation with offices in Pune, Bangalore and London. We are growing our team"
    " and looking for passionate people to join us on the journey.",
)
GENERIC_EXPECTATIONS = (
    "Excellent written and verbal communication skills",
    "Strong problem-solving and analytical abilities",
    "Ability to work independently and as part of a team",
    "Good organisational and time-management skills",
    "Proficiency with Microsoft Office",
    "A positive attitude and willingness to learn",
    "Ability to manage multiple priorities in a fast-paced environment",
    "Customer-focused mindset",
    "Bachelor's degree or equivalent experience",
    "Flexibility to work in shifts when required",
)
BENEFITS = (
    "Competitive salary and annual bonus",
    "Health insurance for you and your family",
    "Hybrid working: three days in the office",
    "25 days annual leave plus bank holidays",
    "Provident fund and gratuity",
    "Learning and certification allowance",
    "Employee stock options",
    "Free meals and transport",
    "Wellness programme and gym membership",
    "Pension scheme with employer contribution",
)
EEO_LINES = (
    "{co} is an equal opportunity employer. All qualified applicants will receive consideration for"
    " employment without regard to race, colour, religion, sex, sexual orientation, gender identity, national"
    " origin, disability or veteran status.",
    "We are committed to diversity and inclusion and welcome applications from all backgrounds.",
    "{co} is proud to be an Equal Employment Opportunity employer. Reasonable adjustments are available on"
    " request throughout the hiring process.",
    "We do not charge any fee at any stage of recruitment. Beware of fraudulent job offers.",
)
SENIORITY = ("Junior", "Senior", "Lead", "Associate", "Principal", "Trainee", "Sr.", "Mid-level")

# Work any office job describes; resumes of every occupation carry some of it.
GENERIC_DUTIES = (
    "coordinated with team members and other departments to meet deadlines",
    "prepared daily and weekly reports for the management",
    "attended client meetings and status calls",
    "trained new joiners and shared knowledge with the team",
    "maintained documentation and records as per company standards",
    "handled customer queries and escalations in a timely manner",
    "participated in internal audits and quality reviews",
    "ensured all work was completed within time and budget",
    "worked closely with the onsite team and the client",
    "supported the team lead in planning and tracking tasks",
    "took part in process improvement initiatives",
    "gave presentations to senior management on progress",
)
CLIENT_BLURBS = (
    "The client is a leading US based insurance company providing life and health products.",
    "The project was for a large retail chain with more than 300 stores across India.",
    "Client: a European bank; the application handles customer onboarding and payments.",
    "The organisation is one of the largest manufacturers of two-wheelers in the country.",
    "Worked for a telecom major with over 50 million subscribers.",
    "The company provides services to hospitals and healthcare providers in the UK.",
)
TEAM_LINES = (
    "You will join a friendly, collaborative team of 8 and report to the department head.",
    "Our team works across time zones with colleagues in India, the UK and the US.",
    "This is a great opportunity for someone who wants to grow their career with a market leader.",
    "We offer a structured induction, mentoring and clear paths for progression.",
    "Our values: customers first, own the outcome, act with integrity, grow together.",
)
