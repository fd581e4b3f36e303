"""Vocabulary for the pasted B-like set. Resume side and posting side are written separately on purpose:
postings use their own titles and phrasing, as real postings and real resumes do.

Per occupation: near (occupations whose resumes share skills), skills (resume skill tokens), designations,
work (resume-style sentences about the work), degrees, and for postings: titles, duties, reqs, nice.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Occupation:
    name: str
    near: tuple[str, ...]
    skills: tuple[str, ...]
    designations: tuple[str, ...]
    work: tuple[str, ...]
    degrees: tuple[str, ...]
    titles: tuple[str, ...]
    duties: tuple[str, ...]
    reqs: tuple[str, ...]
    nice: tuple[str, ...]


_DATA = """
name: Data Science
near: Python Developer; Hadoop; Database; ETL Developer; Business Analyst
skills: Python; Machine Learning; Deep Learning; NLP; Pandas; NumPy; Scikit-learn; TensorFlow; Keras; SQL; Tableau; R; Statistics; Regression; Random Forest; Computer Vision; OpenCV; Jupyter; Data Visualization; Matplotlib
designations: Data Scientist; Jr. Data Scientist; Data Science Intern; ML Engineer; Analytics Consultant
work: Built predictive model for customer churn using logistic regression and random forest with 82% accuracy; Performed exploratory data analysis and feature engineering on transaction data; Developed NLP based chatbot for answering FAQ of customers; Created dashboards in Tableau for management to track KPIs; Worked on image classification using CNN and transfer learning; Cleaned and pre-processed large datasets using pandas and numpy; Deployed model as REST API using Flask; Sentiment analysis of product reviews using NLTK and word embeddings; Time series forecasting of sales using ARIMA and LSTM
degrees: M.Sc Statistics; B.E Computer Engineering; M.Tech Data Science; B.Tech Information Technology; PGDBA
titles: Data Scientist; Machine Learning Scientist; Applied ML Engineer; Senior Data Scientist - Personalization
duties: Design and evaluate statistical and machine learning models that power recommendations; Partner with product managers to frame business questions as modelling problems; Run and analyse controlled experiments; Communicate results to non-technical audiences; Take models from prototype to production together with engineering
reqs: Master's degree in a quantitative field such as statistics, mathematics or computer science; Strong programming skills in Python; Solid grounding in probability, statistics and experimental design; Experience with supervised and unsupervised learning methods; Ability to write efficient SQL
nice: Experience with deep learning frameworks; Publications or Kaggle competition results; Familiarity with cloud ML platforms

name: HR
near: Operations Manager; PMO; Sales; Business Analyst
skills: Recruitment; Talent Acquisition; Onboarding; Payroll; Employee Engagement; HR Policies; Performance Appraisal; Exit Interview; Statutory Compliance; PF and ESIC; MS Excel; HRMS; Training and Development; Grievance Handling; Naukri portal; Screening
designations: HR Executive; HR Recruiter; HR Generalist; Assistant Manager - HR; HR Trainee
work: Handling end to end recruitment for IT and non IT positions; Sourcing candidates from job portals like Naukri, Monster and LinkedIn; Conducting telephonic interviews and scheduling face to face rounds; Preparing offer letters and joining formalities; Maintaining employee records and attendance in HRMS; Processing monthly payroll and statutory deductions; Organising employee engagement activities and celebrations; Conducting exit interviews and full and final settlement; Drafting HR policies and ensuring compliance with labour laws
degrees: MBA HR; MBA Human Resource Management; BBA; B.Com; MSW
titles: Talent Acquisition Partner; People Operations Specialist; HR Business Partner; Recruitment Coordinator
duties: Own the hiring process for assigned business units from intake meeting to accepted offer; Build talent pipelines through proactive outreach; Guide managers through the employee lifecycle, from onboarding to offboarding; Keep people data accurate in our HR information system; Coordinate engagement surveys and follow-up actions
reqs: 2+ years of experience in recruiting or human resources; Excellent interpersonal and communication skills; Knowledge of employment legislation; Comfortable with applicant tracking systems and spreadsheets; Discretion with confidential information
nice: Experience hiring for technical roles; HR certification; Multilingual

name: Advocate
near: HR; Operations Manager
skills: Civil Litigation; Criminal Law; Drafting; Legal Research; Court Appearance; Contract Drafting; Legal Notice; Conveyancing; Arbitration; Family Law; Property Matters; Consumer Forum; Legal Documentation; MS Office
designations: Advocate; Junior Advocate; Legal Associate; Legal Advisor; Legal Officer
work: Appearing before District Court and High Court in civil and criminal matters; Drafting plaints, written statements, bail applications and legal notices; Conducting legal research on case laws and statutes; Advising clients on property disputes and family matters; Preparing and vetting agreements, sale deeds and lease deeds; Handling cheque bounce cases under Section 138 NI Act; Representing clients before Consumer Forum; Managing case diary and court dates of the senior advocate
degrees: LL.B; B.A. LL.B; LL.M; B.S.L LL.B
titles: Legal Counsel; Litigation Associate; In-house Lawyer; Legal Manager
duties: Advise the business on contracts, disputes and regulatory questions; Draft, review and negotiate commercial agreements; Manage external counsel and litigation budgets; Represent the company in hearings where required; Maintain the contract repository and legal templates
reqs: Law degree and enrolment with the Bar Council; 3+ years of litigation or corporate legal experience; Excellent drafting and negotiation skills; Sound judgement and ability to explain legal risk simply
nice: Experience in a corporate legal department; Knowledge of intellectual property law; Fluency in regional languages

name: Arts
near: Web Designing; Sales; Health and fitness
skills: Painting; Sketching; Fine Arts; Drawing; Photography; Adobe Photoshop; Music; Dance; Creative Writing; Event Management; Teaching; Craft; Illustration; Theatre; Communication
designations: Art Teacher; Freelance Artist; Drawing Teacher; Art Coordinator; Visual Artist
work: Teaching drawing, painting and craft to students of primary and secondary school; Participated in state level art exhibitions and won prizes; Organised annual day and cultural programmes in school; Designed stage backdrops and posters for events; Conducted summer workshops on watercolour and acrylic painting; Freelance portrait and commissioned paintings for clients; Worked as assistant in a photography studio for weddings and events; Choreographed dance performances for school functions
degrees: BFA; MFA; B.A. Fine Arts; Diploma in Commercial Art; M.A. Drawing and Painting
titles: Art Instructor; Creative Arts Teacher; Studio Artist and Workshop Facilitator; Visual Arts Educator
duties: Plan and deliver art lessons across age groups; Encourage students to explore different media and techniques; Curate student exhibitions and showcase events; Manage studio materials and budgets; Collaborate with other teachers on cross-curricular projects
reqs: Degree in fine arts, art education or related field; Portfolio demonstrating range across media; Experience teaching or running workshops; Patience and ability to engage learners of different abilities
nice: Experience with digital art tools; Background in art therapy; Experience organising exhibitions

name: Web Designing
near: Java Developer; DotNet Developer; Arts; Python Developer
skills: HTML; CSS; JavaScript; jQuery; Bootstrap; Photoshop; WordPress; PHP; Responsive Design; Dreamweaver; UI Design; Figma; MySQL; Angular; SEO
designations: Web Designer; UI Designer; Front End Developer; Web Developer; Graphic and Web Designer
work: Designed and developed responsive websites for clients using HTML5, CSS3 and Bootstrap; Converted PSD designs into pixel perfect web pages; Customised WordPress themes and plugins for client websites; Created logos, banners and social media creatives in Photoshop; Implemented interactive features using JavaScript and jQuery; Optimised websites for speed and SEO; Maintained company website and landing pages
degrees: B.Sc IT; BCA; Diploma in Web Designing; B.E Computer; Diploma in Multimedia
titles: UI/UX Designer; Front-End Web Designer; Visual Web Designer; Digital Designer (Web)
duties: Turn product requirements into wireframes, prototypes and polished interface designs; Build accessible, responsive page layouts; Maintain a consistent visual language and component library; Work with developers to make sure designs are implemented faithfully; Test designs with users and iterate
reqs: Portfolio of web design work; Proficiency with modern design tools; Good understanding of HTML and CSS; Eye for typography, colour and layout; Understanding of usability and accessibility principles
nice: Motion design skills; Experience with a content management system; Basic JavaScript

name: Mechanical Engineer
near: Civil Engineer; Electrical Engineering; Operations Manager
skills: AutoCAD; SolidWorks; CATIA; Creo; ANSYS; Production; Maintenance; Quality Control; GD&T; Lean Manufacturing; Six Sigma; CNC; HVAC; Design; MS Office; Project Management
designations: Mechanical Engineer; Design Engineer; Production Engineer; Maintenance Engineer; Graduate Engineer Trainee
work: Responsible for preventive and breakdown maintenance of machines in the plant; Prepared 3D models and 2D drawings of components using SolidWorks and AutoCAD; Carried out FEA analysis in ANSYS to validate design; Monitored daily production and ensured targets achieved; Implemented 5S and Kaizen activities on shop floor; Handled quality inspection of incoming material and root cause analysis; Coordinated with vendors for spare parts and tooling
degrees: B.E Mechanical Engineering; Diploma in Mechanical Engineering; M.Tech Machine Design; B.Tech Mechanical
titles: Mechanical Design Engineer; Manufacturing Engineer; Product Development Engineer (Mechanical); Plant Engineer
duties: Design mechanical components and assemblies from concept to release; Create detailed drawings with proper tolerancing; Run stress and thermal calculations; Support production with process improvements and troubleshooting; Work with suppliers on prototypes and tooling
reqs: Bachelor's degree in mechanical engineering; Proficiency in 3D CAD; Knowledge of manufacturing processes such as machining, casting and sheet metal; Understanding of engineering drawing standards; Analytical problem-solving skills
nice: Simulation experience; Experience with continuous improvement methods; Knowledge of pneumatics and hydraulics

name: Sales
near: Operations Manager; HR; Business Analyst
skills: Sales; Business Development; Client Relationship; Negotiation; Lead Generation; Cold Calling; Channel Sales; Market Research; Target Achievement; CRM; MS Excel; B2B Sales; Retail Sales; Team Handling
designations: Sales Executive; Sales Officer; Area Sales Manager; Business Development Executive; Sales Manager
work: Achieved monthly sales targets in assigned territory consistently; Generated new leads through cold calling and field visits; Maintained relationship with distributors and dealers; Conducted market survey and competitor analysis; Handled key accounts and resolved customer complaints; Managed a team of 6 sales executives; Prepared daily sales reports and MIS for management; Launched new products in the market with promotions
degrees: MBA Marketing; BBA; B.Com; B.Sc; PGDM Sales and Marketing
titles: Account Manager; Business Development Manager; Territory Sales Representative; Inside Sales Specialist
duties: Prospect and win new customers within an assigned region; Manage the full deal cycle from first meeting to signed contract; Grow revenue from existing accounts; Keep forecasts and account notes up to date; Represent the company at trade shows
reqs: Proven track record of meeting or exceeding revenue targets; Strong negotiation and presentation skills; Self-motivated with a hunter mentality; Valid driving licence and willingness to travel; Experience with a CRM system
nice: Industry network in manufacturing or FMCG; Experience selling to procurement teams; Second language

name: Health and fitness
near: Arts; Sales
skills: Fitness Training; Personal Training; Nutrition; Yoga; Weight Training; Diet Planning; First Aid; CPR; Aerobics; Zumba; Strength and Conditioning; Physiotherapy; Sports Coaching; Client Counselling
designations: Fitness Trainer; Personal Trainer; Yoga Instructor; Gym Instructor; Dietician
work: Designing personalised workout and diet plans for clients; Conducting group classes for aerobics, zumba and functional training; Assessing body composition and tracking client progress; Guiding members on correct form to prevent injuries; Counselling clients on lifestyle and nutrition; Conducting yoga sessions for corporate employees; Maintaining gym equipment and hygiene standards
degrees: B.P.Ed; M.P.Ed; Diploma in Nutrition and Dietetics; B.Sc Home Science; Certified Fitness Trainer (ACE)
titles: Personal Trainer; Wellness Coach; Fitness Coach (Strength and Conditioning); Group Exercise Instructor
duties: Run one-to-one and small group training sessions; Assess new members and set realistic goals; Build progressive programmes for strength, mobility and endurance; Advise members on healthy eating habits; Keep the training floor safe and welcoming
reqs: Recognised personal training qualification; Current first aid and CPR certificate; Excellent motivational and interpersonal skills; Understanding of anatomy and exercise physiology
nice: Nutrition qualification; Experience coaching athletes; Social media presence

name: Civil Engineer
near: Mechanical Engineer; Electrical Engineering; Operations Manager
skills: AutoCAD; STAAD Pro; Site Execution; Quantity Surveying; Estimation; Billing; Structural Design; Revit; MS Project; Primavera; Surveying; Quality Control; Building Construction; Road Construction
designations: Civil Engineer; Site Engineer; Junior Engineer; Structural Engineer; Billing Engineer
work: Supervised site execution of residential building projects as per drawings; Prepared bar bending schedule, BOQ and rate analysis; Checked contractor bills and measurement book; Coordinated with architects, consultants and subcontractors; Conducted quality checks of concrete, steel and brickwork; Prepared daily progress reports and labour planning; Designed RCC structures using STAAD Pro
degrees: B.E Civil Engineering; Diploma in Civil Engineering; M.Tech Structural Engineering; B.Tech Civil
titles: Site Engineer (Construction); Structural Design Engineer; Project Engineer - Infrastructure; Quantity Surveyor
duties: Supervise construction works to make sure they follow drawings, specifications and safety rules; Prepare quantity take-offs, estimates and progress claims; Review shop drawings and method statements; Coordinate subcontractors and material deliveries; Report progress and cost against the project plan
reqs: Degree in civil engineering; Experience on building or infrastructure projects; Knowledge of construction codes and quality procedures; Proficiency with drafting software; Strong site coordination skills
nice: Experience with scheduling software; Structural analysis software; Chartered or professional registration

name: Java Developer
near: DotNet Developer; Web Designing; Automation Testing; SAP Developer; Hadoop
skills: Java; J2EE; Spring; Spring Boot; Hibernate; Servlets; JSP; REST; Microservices; MySQL; Oracle; Maven; Git; JUnit; Angular; JavaScript; Eclipse; Tomcat; Jenkins
designations: Java Developer; Software Engineer; Senior Java Developer; Associate Software Engineer; Java Trainee
work: Developed REST web services using Spring Boot and Hibernate; Involved in analysis, design, coding and unit testing of modules; Implemented business logic in core Java with collections and multithreading; Wrote SQL queries and stored procedures in Oracle and MySQL; Migrated monolithic application to microservices architecture; Fixed production defects and provided support; Developed web pages using JSP, Servlets and JavaScript; Used Maven for build and Git for version control
degrees: B.E Computer Engineering; MCA; B.Tech IT; B.Sc Computer Science; M.Sc Computer Science
titles: Backend Software Engineer (JVM); Java Engineer; Software Developer - Spring Platform; Java Full Stack Developer
duties: Build and maintain backend services that process customer orders; Design clean APIs and data models; Write automated tests and take part in code reviews; Diagnose performance issues in production; Contribute to architecture decisions
reqs: 3+ years of experience with Java and object-oriented design; Experience with the Spring ecosystem; Good knowledge of relational databases; Understanding of RESTful API design; Familiarity with version control and CI
nice: Experience with message queues; Cloud deployment experience; Exposure to front-end frameworks

name: Business Analyst
near: PMO; Data Science; Operations Manager; Sales
skills: Requirement Gathering; BRD; FRD; Use Cases; UML; Gap Analysis; Stakeholder Management; SQL; MS Excel; Power BI; Tableau; JIRA; Agile; User Stories; Process Mapping; Visio
designations: Business Analyst; Senior Business Analyst; Functional Consultant; Business Analyst Trainee; Product Analyst
work: Gathered requirements from stakeholders through workshops and interviews; Prepared BRD, FRD and use case documents; Created process flow diagrams using Visio; Wrote user stories and acceptance criteria in JIRA; Conducted gap analysis between current and future state; Coordinated UAT with business users; Prepared reports and dashboards using Excel and Power BI; Acted as bridge between business and development team
degrees: MBA; B.E Computer; BBA; MBA Systems and Finance; B.Com
titles: Business Systems Analyst; IT Business Analyst; Product Owner / Business Analyst; Process Analyst
duties: Elicit and document business needs and translate them into clear requirements; Model current and future processes; Maintain the product backlog with the delivery team; Support testing and sign-off; Analyse data to support decisions
reqs: 3+ years as a business analyst in a software delivery environment; Strong documentation skills; Experience with agile methods; Ability to facilitate workshops with senior stakeholders; Working knowledge of SQL or reporting tools
nice: Business analysis certification; Domain knowledge in banking or insurance; Experience with BPMN

name: SAP Developer
near: Java Developer; Database; ETL Developer
skills: SAP ABAP; SAP HANA; SAP Fiori; SAPUI5; BAPI; BADI; ALV Reports; Smart Forms; SAP Script; IDOC; RFC; SAP MM; SAP SD; CDS Views; OData; Module Pool
designations: SAP ABAP Consultant; SAP Technical Consultant; SAP Developer; Associate Consultant; SAP Fiori Developer
work: Developed ALV reports, smart forms and module pool programs as per functional specs; Created BAPIs, BADIs and user exits for enhancements; Worked on IDOC and RFC based interfaces with third party systems; Built Fiori apps using SAPUI5 and OData services; Created CDS views and AMDP on HANA database; Performance tuning of ABAP programs; Provided support to MM and SD modules in implementation project
degrees: B.E Computer; B.Tech IT; MCA; B.E Electronics
titles: SAP ABAP Engineer; SAP S/4HANA Technical Developer; SAP BTP / Fiori Developer; ERP Developer (SAP)
duties: Design and build RICEFW objects for our S/4HANA programme; Develop OData services and Fiori applications; Write technical specifications from functional designs; Tune custom code for performance; Support cut-over and hypercare
reqs: 4+ years of hands-on ABAP development; Experience with S/4HANA and CDS views; Knowledge of enhancement frameworks and interfaces; Good communication with functional consultants
nice: SAP certification; BTP experience; Knowledge of finance or logistics modules

name: Automation Testing
near: Testing; Java Developer; Python Developer; DevOps Engineer
skills: Selenium WebDriver; Java; TestNG; Cucumber; BDD; Maven; Jenkins; Appium; Rest Assured; Postman; JIRA; Page Object Model; Automation Framework; SQL; Git; Python
designations: Automation Test Engineer; QA Automation Engineer; Software Test Engineer; Senior QA Engineer; SDET
work: Designed hybrid automation framework using Selenium WebDriver, TestNG and Page Object Model; Automated regression test cases and integrated them with Jenkins; Wrote feature files and step definitions in Cucumber BDD; Performed API automation using Rest Assured and Postman; Logged and tracked defects in JIRA; Executed mobile automation using Appium; Participated in sprint planning and daily stand ups
degrees: B.E Computer; B.Tech IT; MCA; B.Sc Computer Science; B.E Electronics and Telecommunication
titles: QA Automation Engineer; Software Development Engineer in Test; Test Automation Specialist; Quality Engineer (Automation)
duties: Build automated UI and API test suites; Integrate tests into the continuous integration pipeline; Review requirements for testability; Investigate failures and work with developers on fixes; Improve test data and environments
reqs: 3+ years of test automation experience; Strong coding skills in at least one programming language; Experience with browser automation tools; Understanding of API testing; Familiarity with CI tools
nice: Performance testing experience; Mobile testing; Experience with containers

name: Electrical Engineering
near: Mechanical Engineer; Civil Engineer; Operations Manager
skills: Electrical Maintenance; PLC; SCADA; Transformers; Switchgear; Panel Wiring; AutoCAD Electrical; Power Distribution; Substation; Testing and Commissioning; Electrical Safety; Motors; HT/LT; Energy Audit
designations: Electrical Engineer; Electrical Maintenance Engineer; Junior Electrical Engineer; Project Engineer (Electrical); Electrical Supervisor
work: Handled maintenance of HT and LT panels, transformers and DG sets; Carried out testing and commissioning of substation equipment; Programmed PLC and monitored plant through SCADA; Prepared electrical drawings and single line diagrams in AutoCAD; Ensured electrical safety and statutory compliance at site; Conducted energy audit and reduced power consumption; Troubleshooting of motors, drives and control circuits
degrees: B.E Electrical Engineering; Diploma in Electrical Engineering; B.Tech EEE; M.Tech Power Systems
titles: Electrical Design Engineer; Power Systems Engineer; Electrical Commissioning Engineer; Controls Engineer
duties: Design low and medium voltage distribution systems; Prepare load calculations, cable sizing and protection studies; Commission switchboards, drives and control panels; Support maintenance teams with fault finding; Ensure installations meet electrical codes
reqs: Degree in electrical engineering; Experience with power distribution design or commissioning; Knowledge of protection and earthing; Ability to read and produce single-line diagrams
nice: PLC programming; Renewable energy projects; Professional engineer registration

name: Operations Manager
near: PMO; Business Analyst; Sales; HR
skills: Operations Management; Team Management; Process Improvement; Vendor Management; Budgeting; MIS Reporting; Customer Service; Inventory Management; Logistics; SLA Management; Six Sigma; MS Excel; Planning
designations: Operations Manager; Assistant Manager Operations; Operations Executive; Branch Manager; Operations Head
work: Managing day to day operations of the branch with a team of 40 members; Ensured SLA and TAT adherence for all processes; Prepared MIS reports and presented to senior management; Negotiated with vendors and reduced costs by 15%; Implemented process improvements that reduced errors; Handled budgeting and expense control; Resolved escalations from key clients
degrees: MBA Operations; BBA; B.Com; B.E Mechanical; PGDM
titles: Operations Lead; Head of Operations; Service Delivery Manager; Operations Supervisor
duties: Run daily operations to meet service levels and budget; Lead, coach and schedule the operations team; Identify bottlenecks and drive process improvement; Manage key suppliers and contracts; Report performance to the leadership team
reqs: 5+ years in operations with people management responsibility; Strong analytical and organisational skills; Experience with budgets and KPIs; Excellent communication and problem solving
nice: Lean or Six Sigma certification; Experience in logistics or shared services; ERP experience

name: Python Developer
near: Data Science; DevOps Engineer; Automation Testing; Web Designing; Hadoop
skills: Python; Django; Flask; REST API; PostgreSQL; MySQL; MongoDB; HTML; JavaScript; Git; Linux; Pandas; AWS; Celery; Docker; OOP
designations: Python Developer; Software Developer; Backend Developer; Junior Python Developer; Django Developer
work: Developed web application using Django framework and PostgreSQL; Created REST APIs using Django REST framework and Flask; Wrote scripts to automate data processing and reports; Integrated third party APIs like payment gateway and SMS; Deployed application on AWS EC2 with nginx and gunicorn; Worked on web scraping using BeautifulSoup and Scrapy; Wrote unit tests and fixed bugs
degrees: B.E Computer; BCA; MCA; B.Tech IT; B.Sc Computer Science
titles: Backend Engineer (Python); Software Engineer - Python/Django; Python Software Developer; Platform Engineer (Python)
duties: Design, build and maintain server-side applications and APIs; Write clean, tested and well-documented code; Collaborate with front-end developers and product owners; Optimise database queries; Participate in code reviews and on-call rotation
reqs: 2+ years of professional experience with Python; Experience with a modern web framework; Knowledge of relational databases and ORMs; Understanding of version control and testing practices
nice: Containerisation experience; Asynchronous programming; Experience with cloud services

name: DevOps Engineer
near: Python Developer; Network Security Engineer; Automation Testing; Java Developer
skills: AWS; Docker; Kubernetes; Jenkins; Ansible; Terraform; Linux; Shell Scripting; Git; CI/CD; Nagios; Maven; Python; Azure; Prometheus; Grafana
designations: DevOps Engineer; Cloud Engineer; Build and Release Engineer; Senior DevOps Engineer; System Administrator
work: Created CI/CD pipelines in Jenkins for build and deployment; Containerised applications with Docker and deployed on Kubernetes; Wrote Ansible playbooks for configuration management; Provisioned AWS infrastructure using Terraform; Monitored servers using Nagios, Prometheus and Grafana; Managed Linux servers and wrote shell scripts for automation; Handled branching and merging strategy in Git
degrees: B.E Computer; B.Tech IT; MCA; B.E Electronics; Diploma in Computer Engineering
titles: Site Reliability Engineer; Cloud Platform Engineer; Infrastructure Engineer; Release Engineer
duties: Keep our production platform available, fast and secure; Automate infrastructure provisioning and deployments; Build observability into services; Respond to incidents and lead post-mortems; Help development teams ship faster and safer
reqs: 3+ years running production systems on a public cloud; Infrastructure as code experience; Container orchestration experience; Solid Linux and networking fundamentals; Scripting ability
nice: Cloud certification; Service mesh experience; Security hardening

name: Network Security Engineer
near: DevOps Engineer; Database
skills: Firewall; Cisco ASA; Palo Alto; Fortinet; VPN; IDS/IPS; Routing and Switching; CCNA; CCNP; TCP/IP; Network Security; SIEM; Vulnerability Assessment; Checkpoint; Load Balancer; Wireshark
designations: Network Security Engineer; Network Engineer; Security Analyst; Network Administrator; NOC Engineer
work: Configured and managed Palo Alto and Fortinet firewalls; Implemented site to site and remote access VPN; Monitored network traffic and security alerts in SIEM; Configured routers and switches, VLAN, OSPF and BGP; Performed vulnerability assessment and patching; Troubleshot connectivity issues using Wireshark; Maintained network documentation and change records
degrees: B.E Electronics and Telecommunication; B.Tech IT; B.Sc IT; Diploma in Computer Networking; MCA
titles: Network Security Engineer; Cybersecurity Engineer (Network); Firewall Engineer; Infrastructure Security Specialist
duties: Design and operate perimeter and internal network security controls; Manage firewall policies and remote access; Investigate security events and support incident response; Harden network devices; Keep network diagrams and standards current
reqs: Experience administering enterprise firewalls; Good understanding of TCP/IP, routing and switching; Knowledge of VPN technologies; Networking or security certification
nice: Cloud networking; Scripting for automation; Zero trust architectures

name: PMO
near: Business Analyst; Operations Manager; HR
skills: Project Management; PMO; Project Planning; MS Project; Resource Management; Risk Management; Governance; Status Reporting; Budget Tracking; Stakeholder Management; Agile; PMP; Prince2; Excel; PowerPoint
designations: PMO Analyst; Project Coordinator; PMO Lead; Project Manager; Program Manager
work: Maintained project plans, RAID logs and resource trackers; Prepared weekly status reports and steering committee decks; Tracked project budgets, invoices and forecasts; Organised governance meetings and captured minutes; Coordinated resource onboarding and allocation across projects; Defined PMO templates and standard processes; Monitored milestones and escalated risks
degrees: MBA; B.E; PGDM; B.Com; BBA
titles: Project Management Office Analyst; Programme Coordinator; Portfolio Governance Lead; Delivery Assurance Manager
duties: Run the governance rhythm for a portfolio of projects; Consolidate progress, risk and financial reporting; Maintain planning and resource tools; Coach project managers on methods and templates; Prepare material for executive reviews
reqs: Experience in a project or programme office; Strong organisation and attention to detail; Advanced spreadsheet and presentation skills; Knowledge of project management frameworks
nice: Project management certification; Experience with portfolio tools; Finance background

name: Database
near: ETL Developer; SAP Developer; Hadoop; Data Science; Network Security Engineer
skills: Oracle; SQL Server; MySQL; PL/SQL; T-SQL; Database Administration; Backup and Recovery; Performance Tuning; RMAN; Data Guard; Replication; Stored Procedures; Linux; PostgreSQL; RAC
designations: Database Administrator; Oracle DBA; SQL Server DBA; Database Developer; Senior DBA
work: Installed, configured and upgraded Oracle and SQL Server databases; Managed backup and recovery using RMAN; Configured Data Guard and Always On for high availability; Tuned slow running queries and indexes; Wrote PL/SQL procedures, functions and triggers; Monitored database health and space; Applied patches and handled user management
degrees: B.E Computer; MCA; B.Sc IT; B.Tech; M.Sc Computer Science
titles: Database Administrator; Database Reliability Engineer; Data Platform Engineer (Databases); Database Engineer
duties: Operate our relational database estate for availability and performance; Plan capacity, backups and disaster recovery; Review schema changes and queries from developers; Automate routine administration; Apply upgrades and security patches
reqs: 3+ years administering production databases; Deep knowledge of at least one major relational database; Backup, restore and replication experience; Query tuning skills
nice: Cloud managed databases; Scripting or automation; NoSQL experience

name: Hadoop
near: ETL Developer; Data Science; Database; Java Developer; Python Developer
skills: Hadoop; HDFS; MapReduce; Hive; Pig; Sqoop; Spark; Scala; HBase; Kafka; Oozie; Impala; Cloudera; Hortonworks; Python; Java; SQL
designations: Hadoop Developer; Big Data Engineer; Hadoop Administrator; Spark Developer; Big Data Developer
work: Developed data pipelines to ingest data into HDFS using Sqoop and Flume; Wrote Hive queries and Pig scripts for data transformation; Developed Spark jobs in Scala for processing large volumes of data; Scheduled workflows using Oozie; Worked on Cloudera cluster with 50 nodes; Created HBase tables for real time lookups; Streamed events using Kafka into the data lake
degrees: B.E Computer; B.Tech; MCA; M.Tech; B.Sc Computer Science
titles: Big Data Engineer; Data Engineer (Spark); Data Lake Engineer; Distributed Data Processing Engineer
duties: Build and maintain large-scale batch and streaming data processing jobs; Design storage layouts for the data lake; Optimise jobs for cost and speed; Work with analysts to make data easy to use; Monitor data freshness and quality
reqs: Experience with distributed data processing frameworks; Strong SQL; Programming in Scala, Java or Python; Knowledge of data file formats and partitioning
nice: Cloud data platforms; Workflow orchestration; Streaming experience

name: ETL Developer
near: Database; Hadoop; Data Science; SAP Developer
skills: Informatica; ETL; SSIS; Data Warehousing; SQL; PL/SQL; Teradata; DataStage; Talend; Unix; Shell Scripting; Oracle; Data Modeling; Star Schema
designations: ETL Developer; Informatica Developer; Data Warehouse Developer; ETL Consultant; SSIS Developer
work: Developed Informatica mappings, sessions and workflows to load data warehouse; Extracted data from Oracle, flat files and SQL Server; Implemented SCD type 1 and type 2 logic; Created SSIS packages for data migration; Performance tuning of mappings and SQL queries; Wrote Unix shell scripts to schedule jobs; Prepared unit test cases and supported production loads
degrees: B.E Computer; B.Tech; MCA; B.Sc; M.Sc IT
titles: Data Integration Developer; Data Warehouse Engineer; ETL/ELT Engineer; BI Data Engineer
duties: Build and maintain integration jobs that load the enterprise warehouse; Model dimensional data for reporting; Troubleshoot failed loads and data issues; Document data lineage and mappings; Work with report developers and analysts
reqs: 3+ years building data integration jobs with an ETL tool; Strong SQL; Understanding of dimensional modelling; Experience with scheduling and monitoring loads
nice: Cloud warehouse experience; Scripting; Data quality tools

name: DotNet Developer
near: Java Developer; Web Designing; Database
skills: C#; ASP.NET; ASP.NET MVC; .NET Core; Web API; Entity Framework; LINQ; SQL Server; ADO.NET; JavaScript; jQuery; Angular; Visual Studio; WCF; Azure
designations: .Net Developer; Software Developer; Senior .NET Developer; ASP.NET Developer; Associate Software Engineer
work: Developed web applications using ASP.NET MVC and C#; Created Web API services consumed by Angular front end; Used Entity Framework and LINQ for data access; Wrote stored procedures in SQL Server; Migrated application from .NET Framework to .NET Core; Deployed applications on IIS and Azure; Fixed bugs and handled change requests
degrees: B.E Computer; MCA; B.Tech IT; BCA; M.Sc IT
titles: C# Software Engineer; .NET Backend Developer; Full Stack Engineer (.NET/Angular); Microsoft Stack Developer
duties: Build and maintain business applications on the Microsoft stack; Design REST services and data access layers; Write unit tests and take part in code reviews; Support deployments to cloud hosting; Improve legacy code safely
reqs: 3+ years of commercial C# development; Experience with ASP.NET or .NET Core; Solid SQL Server knowledge; Understanding of object-oriented design and SOLID principles
nice: Azure experience; Front-end framework experience; Messaging systems

name: Blockchain
near: Java Developer; Python Developer; Web Designing
skills: Blockchain; Ethereum; Solidity; Smart Contracts; Hyperledger Fabric; Web3.js; Truffle; Node.js; JavaScript; Cryptography; Go; Truffle Suite; DApps; Bitcoin
designations: Blockchain Developer; Smart Contract Developer; Blockchain Engineer; Software Engineer - Blockchain; Blockchain Intern
work: Wrote and deployed smart contracts in Solidity on Ethereum test networks; Built decentralized application front end with Web3.js and React; Set up Hyperledger Fabric network with chaincode in Go; Implemented token contracts following ERC20 standard; Tested contracts using Truffle and Ganache; Researched consensus algorithms and cryptographic primitives
degrees: B.E Computer; B.Tech IT; MCA; M.Tech Computer Science
titles: Smart Contract Engineer; Web3 Developer; Distributed Ledger Engineer; Blockchain Protocol Developer
duties: Design, implement and audit on-chain programs; Build services that interact with distributed ledgers; Review code for security vulnerabilities; Contribute to protocol and architecture design; Keep up with ecosystem tooling
reqs: Experience writing and testing smart contracts; Strong understanding of public-key cryptography; Proficiency in a systems or scripting language; Understanding of consensus mechanisms
nice: Security audit experience; Open-source contributions; DeFi knowledge

name: Testing
near: Automation Testing; Business Analyst; Java Developer
skills: Manual Testing; Functional Testing; Regression Testing; Test Cases; Test Plan; SDLC; STLC; Defect Tracking; JIRA; Bugzilla; SQL; UAT; Smoke Testing; Black Box Testing; Quality Center; Agile
designations: Test Engineer; Software Tester; QA Engineer; Manual Tester; Quality Analyst
work: Prepared test scenarios and test cases from requirement documents; Executed functional, regression and smoke testing; Logged defects in JIRA and Bugzilla and tracked till closure; Participated in requirement review meetings; Performed database testing using SQL queries; Supported UAT with business users; Prepared test summary reports
degrees: B.E Computer; B.Sc Computer Science; MCA; B.Tech; BCA
titles: QA Analyst; Quality Assurance Tester; Software QA Engineer (Manual); Test Analyst
duties: Review requirements and design test scenarios; Execute test cycles and record results; Report, triage and retest defects; Keep regression packs up to date; Support user acceptance testing
reqs: 2+ years of software testing experience; Knowledge of testing techniques and the defect lifecycle; Experience with a test management or issue tracking tool; Attention to detail
nice: Basic automation knowledge; ISTQB certification; SQL for data checks
"""

PASTED_OCCUPATION_SIZES = {
    "Java Developer": 11,
    "Testing": 9,
    "DevOps Engineer": 8,
    "Python Developer": 8,
    "Web Designing": 7,
    "HR": 7,
    "Hadoop": 6,
    "Blockchain": 5,
    "ETL Developer": 6,
    "Operations Manager": 7,
    "Data Science": 7,
    "Sales": 7,
    "Mechanical Engineer": 6,
    "Arts": 5,
    "Database": 5,
    "Electrical Engineering": 5,
    "Health and fitness": 4,
    "PMO": 4,
    "Business Analyst": 5,
    "DotNet Developer": 5,
    "Automation Testing": 5,
    "Network Security Engineer": 5,
    "SAP Developer": 5,
    "Civil Engineer": 5,
    "Advocate": 3,
}


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(";") if v.strip())


def _parse(text: str) -> tuple[Occupation, ...]:
    out = []
    for block in text.strip().split("\n\n"):
        fields = dict(line.split(": ", 1) for line in block.strip().splitlines())
        out.append(
            Occupation(
                name=fields["name"].strip(),
                near=_split(fields["near"]),
                skills=_split(fields["skills"]),
                designations=_split(fields["designations"]),
                work=_split(fields["work"]),
                degrees=_split(fields["degrees"]),
                titles=_split(fields["titles"]),
                duties=_split(fields["duties"]),
                reqs=_split(fields["reqs"]),
                nice=_split(fields["nice"]),
            )
        )
    return tuple(out)


OCCUPATIONS: tuple[Occupation, ...] = _parse(_DATA)
