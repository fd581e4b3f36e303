"""A broad occupation taxonomy: what recruiting agencies place, with the titles people write and the terms that
mark each occupation (written from general knowledge of the labour market, at about the grain of O*NET/ESCO
occupations, split further where recruiters split them: a Java developer and a .NET developer are placed apart).

Each occupation has
- ``titles``: job titles and designations that name it ('Java Developer', 'J2EE Developer'). A title belongs to
  one occupation only; seniority words ('Senior', 'Lead') are not part of it.
- ``terms``: skills, tools, methods and subject words that distinguish it. A term may belong to several
  occupations (SQL); the detector weighs a term by how few occupations share it.
- ``family``: the occupations that are neighbours (Java and Python developers are both 'software'); a resume of a
  neighbouring occupation gets partial credit.

``CLOSE`` pairs occupations that recruiters often fill from each other's candidates (a software developer post from
Java developers, a DevOps post from cloud engineers); they get more credit than the rest of the family.

Phrases are written as people write them; matching normalises them with ``lexicon.term_key`` (case, punctuation,
plurals), so 'Node.js', 'nodejs' and 'NodeJS' are one term. Single common English words and one-letter tool
names ('Go', 'R') are avoided as terms: in running text they mostly mean something else.
"""

from __future__ import annotations

from functools import lru_cache

from pydantic import BaseModel, ConfigDict


class Occupation(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    family: str
    titles: tuple[str, ...]
    terms: tuple[str, ...]


FAMILIES: dict[str, str] = {
    "software": "Software development",
    "web": "Web development and design",
    "data": "Data, analytics and databases",
    "qa": "Software testing and quality assurance",
    "infrastructure": "IT infrastructure, cloud and security",
    "enterprise": "ERP and enterprise platforms",
    "business": "Business analysis, product and operations",
    "project": "Project and programme management",
    "sales": "Sales and business development",
    "marketing": "Marketing, communications and content",
    "hr": "Human resources",
    "finance": "Finance, accounting and banking",
    "legal": "Legal",
    "engineering": "Engineering disciplines",
    "construction": "Construction, architecture and skilled trades",
    "health": "Healthcare",
    "fitness": "Health, fitness and wellness",
    "education": "Education and training",
    "logistics": "Logistics, supply chain and transport",
    "hospitality": "Hospitality, food and travel",
    "manufacturing": "Manufacturing and production",
    "customer_service": "Customer service and support",
    "creative": "Arts, design and media",
    "admin": "Office administration",
    "public": "Public safety, social and community services",
}


def _occupation(oid: str, name: str, family: str, titles: str, terms: str) -> Occupation:
    return Occupation(
        id=oid,
        name=name,
        family=family,
        titles=tuple(t.strip() for t in titles.split(";") if t.strip()),
        terms=tuple(t.strip() for t in terms.split(";") if t.strip()),
    )


_O = _occupation

OCCUPATIONS: tuple[Occupation, ...] = (
    # --- software -------------------------------------------------------------------------------------------
    _O(
        "software_developer",
        "Software Developer",
        "software",
        "software developer; software engineer; software development engineer; application developer; "
        "applications developer; programmer; computer programmer; programmer analyst; backend developer; "
        "back end developer; backend engineer; back end engineer; full stack developer; fullstack developer; "
        "full stack engineer; software programmer; associate software engineer; member of technical staff; "
        "systems developer; application engineer; software architect; technical architect; solution architect; "
        "solutions architect; application architect; enterprise architect; technical lead software; tech lead",
        "object oriented programming; data structures; algorithms; design patterns; microservices; rest api; "
        "restful services; git; code review; unit testing; agile; scrum; software development life cycle; sdlc; "
        "api development; ci cd; version control",
    ),
    _O(
        "java_developer",
        "Java Developer",
        "software",
        "java developer; java engineer; java programmer; j2ee developer; java j2ee developer; java software engineer; "
        "java backend developer; java full stack developer; core java developer; java consultant; java lead; "
        "java architect",
        "java; core java; j2ee; jee; spring; spring boot; spring mvc; hibernate; jsp; servlets; struts; jdbc; "
        "maven; gradle; junit; tomcat; jboss; weblogic; websphere; ejb; jpa; jax rs; jersey; log4j; eclipse; "
        "intellij; multithreading; collections framework; swing; jvm",
    ),
    _O(
        "python_developer",
        "Python Developer",
        "software",
        "python developer; python engineer; python programmer; django developer; flask developer; "
        "python software engineer; python backend developer; python full stack developer",
        "python; django; flask; fastapi; celery; pytest; sqlalchemy; pandas; numpy; django rest framework; "
        "jupyter; pip; virtualenv; pycharm; python scripting; web scraping; beautiful soup; beautifulsoup; scrapy; "
        "selenium webdriver python; pyqt; tkinter; odoo",
    ),
    _O(
        "dotnet_developer",
        "DotNet Developer",
        "software",
        ".net developer; dotnet developer; dot net developer; asp.net developer; c# developer; .net engineer; "
        ".net programmer; .net software engineer; .net full stack developer; .net consultant; vb.net developer",
        "c#; .net; asp.net; asp.net mvc; .net core; asp.net core; ado.net; entity framework; linq; wcf; wpf; "
        "web api; vb.net; visual studio; sql server; iis; razor; blazor; winforms; windows forms; signalr; "
        "nunit; xunit; telerik; crystal reports",
    ),
    _O(
        "mobile_developer",
        "Mobile App Developer",
        "software",
        "android developer; ios developer; mobile developer; mobile application developer; mobile app developer; "
        "flutter developer; react native developer; mobile engineer; android engineer; ios engineer; "
        "xamarin developer",
        "android; android studio; android sdk; kotlin; swift; objective c; xcode; ios; flutter; dart; "
        "react native; xamarin; cocoapods; firebase; google play; app store; jetpack compose; swiftui; retrofit",
    ),
    _O(
        "embedded_engineer",
        "Embedded Software Engineer",
        "software",
        "embedded software engineer; embedded engineer; embedded developer; firmware engineer; firmware developer; "
        "embedded systems engineer",
        "embedded c; microcontroller; microcontrollers; rtos; firmware; arm cortex; stm32; arduino; raspberry pi; "
        "uart; spi; i2c; can bus; device drivers; embedded linux; keil; 8051; avr; pic microcontroller; "
        "yocto; autosar; jtag",
    ),
    _O(
        "blockchain_developer",
        "Blockchain Developer",
        "software",
        "blockchain developer; blockchain engineer; smart contract developer; solidity developer; "
        "web3 developer; blockchain consultant; blockchain architect",
        "blockchain; ethereum; solidity; smart contract; smart contracts; hyperledger; hyperledger fabric; "
        "web3; web3.js; truffle; ganache; hardhat; metamask; cryptocurrency; bitcoin; dapp; dapps; "
        "decentralized applications; consensus algorithm; erc20; nft; defi; ipfs; corda; chaincode; crypto wallet",
    ),
    _O(
        "game_developer",
        "Game Developer",
        "software",
        "game developer; game programmer; unity developer; unreal developer; game designer; gameplay programmer",
        "unity; unity3d; unreal engine; game development; gameplay; game engine; directx; opengl; shaders; "
        "level design; cocos2d",
    ),
    _O(
        "mainframe_developer",
        "Mainframe Developer",
        "software",
        "mainframe developer; mainframe programmer; cobol developer; cobol programmer; mainframe engineer",
        "mainframe; cobol; jcl; cics; db2; vsam; ims db; z os; tso; ispf; rexx; endevor",
    ),
    _O(
        "rpa_developer",
        "RPA Developer",
        "software",
        "rpa developer; rpa engineer; uipath developer; automation anywhere developer; rpa consultant",
        "rpa; robotic process automation; uipath; automation anywhere; blue prism; power automate; orchestrator",
    ),
    # --- web ------------------------------------------------------------------------------------------------
    _O(
        "frontend_developer",
        "Front-end Developer",
        "web",
        "front end developer; frontend developer; front-end developer; ui developer; front end engineer; "
        "frontend engineer; javascript developer; react developer; angular developer; react js developer; "
        "vue developer; web developer; web application developer",
        "javascript; typescript; react; reactjs; angular; angularjs; vue; vuejs; redux; html5; css3; sass; "
        "webpack; jquery; bootstrap; tailwind; next.js; responsive design; ajax; node.js; npm",
    ),
    _O(
        "web_designer",
        "Web Designer",
        "web",
        "web designer; website designer; web design; web designing; html developer; "
        "wordpress developer; wordpress designer; webmaster",
        "html; css; html5; css3; photoshop; adobe dreamweaver; dreamweaver; wordpress; website design; "
        "web designing; responsive web design; bootstrap; jquery; javascript; joomla; drupal; wix; "
        "mockups; landing pages; psd to html; flash; corel draw; adobe illustrator; figma",
    ),
    _O(
        "php_developer",
        "PHP Developer",
        "web",
        "php developer; php programmer; laravel developer; magento developer; php web developer",
        "php; laravel; codeigniter; symfony; yii; magento; cakephp; mysql; wordpress plugins; lamp stack; "
        "opencart; drupal; composer",
    ),
    # --- data -----------------------------------------------------------------------------------------------
    _O(
        "data_scientist",
        "Data Scientist",
        "data",
        "data scientist; data science; senior data scientist; data science consultant; applied scientist; "
        "research scientist machine learning; data science intern; ai scientist",
        "machine learning; deep learning; statistical modeling; statistical modelling; predictive modeling; "
        "predictive modelling; regression; logistic regression; linear regression; clustering; "
        "random forest; decision tree; decision trees; xgboost; gradient boosting; svm; k means; knn; naive bayes; "
        "scikit learn; sklearn; tensorflow; keras; pytorch; nlp; natural language processing; computer vision; "
        "neural networks; neural network; feature engineering; hypothesis testing; time series; "
        "sentiment analysis; recommendation system; a b testing; jupyter notebook; pandas; numpy; matplotlib; "
        "seaborn; nltk; opencv; data mining; text mining; statistics; rstudio",
    ),
    _O(
        "ml_engineer",
        "Machine Learning Engineer",
        "data",
        "machine learning engineer; ml engineer; ai engineer; deep learning engineer; nlp engineer; "
        "computer vision engineer; mlops engineer; ai ml engineer; artificial intelligence engineer",
        "machine learning; deep learning; mlops; model deployment; tensorflow; pytorch; keras; transformers; "
        "hugging face; llm; large language models; bert; cnn; rnn; lstm; kubeflow; mlflow; sagemaker; "
        "model serving; computer vision; opencv; generative ai; onnx",
    ),
    _O(
        "data_analyst",
        "Data Analyst",
        "data",
        "data analyst; business intelligence analyst; bi analyst; reporting analyst; analytics analyst; "
        "mis analyst; mis executive; insights analyst; junior data analyst; data analytics; "
        "marketing data analyst; analytics consultant",
        "sql; excel; advanced excel; pivot tables; vlookup; tableau; power bi; dashboards; dashboard; "
        "data visualization; data visualisation; kpi; google analytics; qlikview; qlik sense; "
        "looker; data cleaning; descriptive statistics; spss; sas; macros; mis reports; google data studio",
    ),
    _O(
        "data_engineer",
        "Data Engineer",
        "data",
        "data engineer; analytics engineer; data platform engineer; data pipeline engineer; "
        "cloud data engineer; data architect",
        "data pipelines; data pipeline; etl; elt; apache spark; pyspark; airflow; kafka; databricks; snowflake; "
        "redshift; bigquery; data lake; data warehouse; dbt; glue; aws glue; azure data factory; delta lake; "
        "batch processing; stream processing; scala; parquet",
    ),
    _O(
        "hadoop_developer",
        "Hadoop / Big Data Developer",
        "data",
        "hadoop developer; big data developer; hadoop engineer; hadoop administrator; hadoop admin; "
        "spark developer; big data engineer; big data consultant; big data analyst; hadoop consultant",
        "hadoop; hdfs; mapreduce; map reduce; hive; hiveql; pig; sqoop; flume; oozie; hbase; impala; yarn; "
        "zookeeper; apache spark; spark sql; spark streaming; pyspark; scala; cloudera; hortonworks; mapr; "
        "kafka; big data; cassandra; nifi; ambari",
    ),
    _O(
        "etl_developer",
        "ETL Developer",
        "data",
        "etl developer; etl engineer; informatica developer; etl consultant; data warehouse developer; "
        "dwh developer; ssis developer; etl tester; datastage developer; talend developer; ab initio developer; "
        "informatica consultant",
        "etl; informatica; informatica powercenter; powercenter; ssis; sql server integration services; "
        "datastage; ibm datastage; talend; ab initio; odi; oracle data integrator; data warehouse; "
        "data warehousing; dimensional modeling; dimensional modelling; star schema; snowflake schema; "
        "slowly changing dimensions; scd; fact tables; dimension tables; "
        "source to target; teradata; data marts; ssrs; ssas; cognos; business objects; pentaho; "
        "unix shell scripting; autosys; control m",
    ),
    _O(
        "bi_developer",
        "BI Developer",
        "data",
        "bi developer; business intelligence developer; power bi developer; tableau developer; "
        "reporting developer; qlik developer; bi consultant; msbi developer; obiee developer",
        "power bi; tableau; dax; power query; ssrs; ssas; msbi; obiee; qlikview; qlik sense; cognos; "
        "microstrategy; business objects; data modeling; data modelling; olap; cubes; dashboards",
    ),
    _O(
        "database_administrator",
        "Database Administrator / Developer",
        "data",
        "database administrator; dba; database developer; sql developer; oracle dba; sql server dba; "
        "database engineer; pl sql developer; plsql developer; oracle developer; mysql dba; database architect; "
        "sql dba; database analyst; oracle database administrator; mongodb dba",
        "oracle; oracle database; sql server; mysql; postgresql; mongodb; pl sql; plsql; t sql; tsql; "
        "stored procedures; triggers; query optimization; performance tuning; "
        "backup and recovery; rman; data guard; rac; oracle rac; asm; always on; replication; log shipping; "
        "database design; normalization; db2; sybase; toad; sql developer tool; sql profiler; ssms; "
        "database migration; high availability; tablespaces; cursors; database administration; "
        "database management; database reliability; indexing; sql tuning",
    ),
    # --- qa -------------------------------------------------------------------------------------------------
    _O(
        "software_tester",
        "Software Tester (Manual / QA)",
        "qa",
        "software tester; test engineer; qa engineer; quality assurance engineer; qa analyst; "
        "quality assurance analyst; manual tester; manual test engineer; software test engineer; qa tester; "
        "test analyst; testing engineer; qa lead; test lead; test manager; software quality engineer; "
        "qa executive; quality analyst software; senior test engineer; tester; quality assurance tester; "
        "software qa tester; software qa engineer; qa specialist; test specialist",
        "manual testing; test cases; test case; test plan; test plans; test scenarios; test execution; "
        "functional testing; regression testing; smoke testing; sanity testing; system testing; "
        "integration testing; user acceptance testing; uat; black box testing; white box testing; "
        "defect tracking; defect life cycle; bug tracking; bug life cycle; jira; bugzilla; mantis; "
        "hp alm; quality center; test management; stlc; software testing life cycle; test strategy; "
        "exploratory testing; ad hoc testing; retesting; traceability matrix; rtm; test data; testlink; "
        "zephyr; api testing; postman; boundary value analysis; equivalence partitioning; etl testing; "
        "mobile testing; database testing; usability testing; compatibility testing",
    ),
    _O(
        "automation_tester",
        "Test Automation Engineer",
        "qa",
        "automation test engineer; automation tester; test automation engineer; qa automation engineer; "
        "sdet; software development engineer in test; selenium tester; automation engineer qa; "
        "automation qa; performance test engineer; performance tester; "
        "selenium automation engineer; automation test lead; test automation lead",
        "selenium; selenium webdriver; webdriver; testng; junit; cucumber; bdd; gherkin; page object model; pom; "
        "appium; test automation; automation framework; hybrid framework; data driven framework; "
        "keyword driven framework; katalon; cypress; playwright; protractor; robot framework; qtp; uft; "
        "jmeter; loadrunner; rest assured; soapui; jenkins; maven; extent reports; sikuli; tosca; "
        "performance testing; load testing",
    ),
    # --- infrastructure / security ----------------------------------------------------------------------------
    _O(
        "devops_engineer",
        "DevOps Engineer",
        "infrastructure",
        "devops engineer; devops; site reliability engineer; sre; build and release engineer; release engineer; "
        "build engineer; devops consultant; devops architect; platform engineer; devsecops engineer; "
        "ci cd engineer; devops lead",
        "docker; kubernetes; k8s; jenkins; ansible; terraform; puppet; chef automation; ci cd; "
        "continuous integration; continuous delivery; continuous deployment; gitlab ci; github actions; "
        "helm; prometheus; grafana; nagios; elk; elk stack; logstash; kibana; aws; azure devops; "
        "cloudformation; infrastructure as code; shell scripting; bash; linux; maven; sonarqube; nexus; "
        "artifactory; openshift; argo cd; bamboo; teamcity; containerization; git; svn",
    ),
    _O(
        "cloud_engineer",
        "Cloud Engineer / Architect",
        "infrastructure",
        "cloud engineer; cloud architect; aws engineer; azure engineer; cloud consultant; aws architect; "
        "aws solutions architect; cloud administrator; aws cloud engineer; azure cloud engineer; gcp engineer; "
        "cloud infrastructure engineer; infrastructure engineer",
        "aws; amazon web services; ec2; s3; vpc; iam; lambda; cloudwatch; rds; route 53; elb; auto scaling; "
        "azure; microsoft azure; gcp; google cloud; cloudformation; terraform; cloud migration; "
        "serverless; eks; aks; azure ad; load balancer",
    ),
    _O(
        "system_administrator",
        "System Administrator",
        "infrastructure",
        "system administrator; systems administrator; sysadmin; linux administrator; windows administrator; "
        "unix administrator; server administrator; it administrator; system admin; linux admin; windows admin; "
        "systems engineer; system engineer; infrastructure administrator; vmware administrator; "
        "exchange administrator; active directory administrator",
        "linux; red hat; rhel; centos; ubuntu; unix; solaris; aix; windows server; active directory; "
        "group policy; dns; dhcp; vmware; vsphere; esxi; hyper v; virtualization; exchange server; office 365; "
        "backup; patching; patch management; shell scripting; powershell; cron; lvm; nfs; samba; "
        "sccm; server maintenance; user administration",
    ),
    _O(
        "network_engineer",
        "Network Engineer",
        "infrastructure",
        "network engineer; network administrator; network admin; network support engineer; noc engineer; "
        "network analyst; network consultant; ccna engineer; network architect; network technician; "
        "wan engineer; lan administrator",
        "ccna; ccnp; ccie; routing; switching; routing and switching; tcp ip; ospf; bgp; eigrp; rip; vlan; "
        "vlans; stp; lan; wan; mpls; cisco routers; cisco switches; juniper; network monitoring; "
        "subnetting; hsrp; vrrp; qos; wireless lan; wlan; nat; packet tracer; wireshark; noc; sd wan; "
        "network troubleshooting; structured cabling",
    ),
    _O(
        "network_security_engineer",
        "Network Security Engineer",
        "infrastructure",
        "network security engineer; security engineer; firewall engineer; network security administrator; "
        "network security analyst; security administrator; firewall administrator; infrastructure security engineer; "
        "network and security engineer; security consultant",
        "firewall; firewalls; palo alto; checkpoint; check point; fortinet; fortigate; cisco asa; "
        "ids; ips; ids ips; intrusion detection; intrusion prevention; vpn; ipsec; ssl vpn; site to site vpn; "
        "network security; bluecoat; zscaler; web application firewall; waf; f5; load balancer; "
        "nac; radius; tacacs; access control lists; acl; dmz; utm; sophos; endpoint security; antivirus; "
        "ccna security; ccnp security; cissp; ceh; ssl; encryption",
    ),
    _O(
        "cybersecurity_analyst",
        "Cybersecurity Analyst",
        "infrastructure",
        "cyber security analyst; cybersecurity analyst; information security analyst; soc analyst; "
        "security analyst; penetration tester; ethical hacker; security operations analyst; "
        "information security officer; cyber security engineer; cybersecurity engineer; vapt engineer; "
        "information security consultant; incident responder",
        "siem; splunk; qradar; arcsight; soc; security operations center; incident response; threat intelligence; "
        "vulnerability assessment; penetration testing; vapt; nessus; qualys; burp suite; metasploit; nmap; "
        "kali linux; owasp; malware analysis; threat hunting; iso 27001; nist; gdpr; risk assessment; "
        "phishing; edr; dlp; cissp; ceh; oscp; comptia security+; forensics",
    ),
    _O(
        "it_support",
        "IT Support Technician",
        "infrastructure",
        "it support engineer; it support technician; desktop support engineer; help desk technician; "
        "helpdesk engineer; technical support engineer; it support specialist; service desk analyst; "
        "desktop engineer; hardware and networking engineer; it technician; field engineer it; "
        "support engineer; it executive; it helpdesk; hardware engineer; desktop support technician; "
        "it support analyst; it analyst; it support officer; service desk technician; first line support analyst; "
        "second line support analyst; 1st line support; 2nd line support; technical support analyst",
        "desktop support; troubleshooting; hardware; installation; windows 10; windows 7; outlook; "
        "printers; printer; lan cabling; remote desktop; ticketing; servicenow; itil; remedy; "
        "os installation; laptops; desktops; antivirus; active directory; hardware and networking; "
        "a+ certification; n+; service desk",
    ),
    _O(
        "it_manager",
        "IT Manager",
        "infrastructure",
        "it manager; it director; head of it; it operations manager; it infrastructure manager; it services manager; "
        "information technology manager; it coordinator; it specialist",
        "it infrastructure; it operations; it strategy; itil; vendor management; it budget; service desk; "
        "disaster recovery; business continuity; network infrastructure; active directory; office 365; "
        "it policies; it procurement; asset management; helpdesk management",
    ),
    # --- enterprise platforms -------------------------------------------------------------------------------
    _O(
        "sap_consultant",
        "SAP Consultant / Developer",
        "enterprise",
        "sap consultant; sap developer; sap abap developer; abap developer; sap abap consultant; "
        "sap fico consultant; sap fi co consultant; sap mm consultant; sap sd consultant; sap basis consultant; "
        "sap basis administrator; sap hana consultant; sap hana developer; sap bw consultant; "
        "sap functional consultant; sap technical consultant; sap pp consultant; sap hcm consultant; "
        "sap security consultant; sap pm consultant; sap wm consultant; sap analyst; sap end user; "
        "sap bi consultant; sap ewm consultant; sap successfactors consultant; sap project manager; sap lead",
        "sap; abap; abap 4; sap abap; fico; fi co; sap fi; sap co; sap mm; sap sd; sap pp; sap hcm; sap bw; "
        "sap basis; sap hana; s 4hana; s4hana; s 4 hana; hana; bapi; badi; idoc; idocs; ale; rfc; smartforms; "
        "smart forms; sapscript; alv; alv reports; bdc; lsmw; user exits; enhancements; module pool; "
        "sap netweaver; netweaver; fiori; sapui5; ui5; odata; sap ecc; ecc 6.0; r 3; sap r 3; "
        "transaction codes; t codes; sap gui; solman; solution manager; transport management; "
        "asap methodology; activate methodology; go live; blueprint; cutover; sap crm; sap srm; sap ariba; "
        "sap successfactors; sap bo; sap bods; sap pi; sap po; sap mdg; cds views; amdp",
    ),
    _O(
        "oracle_apps_consultant",
        "Oracle Applications Consultant",
        "enterprise",
        "oracle apps consultant; oracle applications consultant; oracle ebs consultant; oracle functional consultant; "
        "oracle technical consultant; oracle fusion consultant; oracle apps developer; oracle financials consultant; "
        "oracle hcm consultant; erp consultant; erp functional consultant; dynamics consultant; "
        "microsoft dynamics consultant; d365 consultant; odoo consultant; netsuite consultant",
        "oracle ebs; oracle e business suite; oracle apps; oracle fusion; oracle financials; oracle hcm; "
        "oracle forms; oracle reports; bi publisher; xml publisher; oaf; workflow builder; "
        "microsoft dynamics; dynamics 365; d365; dynamics ax; dynamics nav; netsuite; erp implementation; "
        "oracle r12; r12; fixed assets; p2p; o2c; procure to pay; order to cash",
    ),
    _O(
        "salesforce_developer",
        "Salesforce Developer / Administrator",
        "enterprise",
        "salesforce developer; salesforce administrator; salesforce admin; salesforce consultant; "
        "sfdc developer; salesforce engineer; salesforce architect; crm developer; crm consultant; "
        "servicenow developer; servicenow administrator; servicenow consultant",
        "salesforce; sfdc; apex; visualforce; lightning; lightning web components; lwc; soql; sosl; "
        "sales cloud; service cloud; salesforce cpq; workflow rules; process builder; salesforce flows; "
        "servicenow; glide; itsm; crm",
    ),
    _O(
        "production_support",
        "IT Operations / Production Support Analyst",
        "infrastructure",
        "production support analyst; application support analyst; application support engineer; "
        "production support engineer; l2 support engineer; l3 support engineer; it operations analyst; "
        "batch operations analyst; application support specialist",
        "production support; application support; incident management; problem management; change management; "
        "itil; servicenow; remedy; batch monitoring; root cause analysis; sla; l2 support; l3 support; "
        "autosys; control m; log analysis",
    ),
    # --- business / project / operations ---------------------------------------------------------------------
    _O(
        "business_analyst",
        "Business Analyst",
        "business",
        "business analyst; business systems analyst; it business analyst; functional analyst; "
        "business analyst consultant; requirements analyst; senior business analyst; process analyst; "
        "business process analyst; techno functional consultant; business consultant; functional consultant",
        "requirements gathering; requirement gathering; requirements elicitation; brd; frd; srs; "
        "business requirements document; functional requirements; functional specifications; user stories; "
        "use cases; use case; gap analysis; process mapping; process modelling; process modeling; bpmn; "
        "stakeholder management; uml; visio; ms visio; wireframes; wireframing; balsamiq; "
        "jira; confluence; acceptance criteria; uat; swot analysis; feasibility study; "
        "business process improvement; cbap; ccba; iiba; product backlog",
    ),
    _O(
        "product_manager",
        "Product Manager",
        "business",
        "product manager; product owner; associate product manager; technical product manager; "
        "product lead; head of product; product management; digital product manager",
        "product roadmap; roadmap; product backlog; backlog grooming; user research; "
        "product strategy; go to market; market research; mvp; product lifecycle; okrs; a b testing; "
        "product discovery; customer journey; product vision; csm; cspo; user stories",
    ),
    _O(
        "project_manager",
        "Project Manager",
        "project",
        "project manager; it project manager; project lead; project coordinator; delivery manager; "
        "program manager; programme manager; technical project manager; project engineer manager; "
        "senior project manager; project management professional; assistant project manager",
        "project management; pmp; prince2; project planning; project plan; ms project; "
        "microsoft project; primavera; risk management; risk register; issue log; raid log; "
        "stakeholder management; resource planning; project scope; scope management; "
        "work breakdown structure; wbs; gantt chart; status reports; project delivery; "
        "change requests; waterfall; agile; project closure; earned value",
    ),
    _O(
        "pmo_analyst",
        "PMO Analyst / Manager",
        "project",
        "pmo; pmo analyst; pmo manager; pmo lead; pmo consultant; project management office; pmo coordinator; "
        "pmo executive; portfolio manager it; programme management office; pmo specialist; portfolio analyst",
        "pmo; project management office; portfolio management; governance; project governance; "
        "resource management; resource utilization; capacity planning; project tracking; status reporting; "
        "dashboards; raid log; risk and issue management; financial tracking; budget tracking; "
        "timesheets; timesheet; clarity ppm; ms project; project server; sharepoint; "
        "program governance; steering committee; cost tracking; pmp; prince2",
    ),
    _O(
        "scrum_master",
        "Scrum Master / Agile Coach",
        "project",
        "scrum master; agile coach; agile project manager; release train engineer; agile delivery lead; "
        "iteration manager",
        "scrum; agile; kanban; sprint planning; daily stand up; daily standup; sprint review; "
        "retrospective; retrospectives; sprint retrospective; backlog refinement; velocity; burndown; "
        "jira; csm; psm; impediments",
    ),
    _O(
        "operations_manager",
        "Operations Manager",
        "business",
        "operations manager; operations head; head of operations; operations executive; operations lead; "
        "operations supervisor; general manager operations; operations director; director of operations; "
        "business operations manager; operations analyst; assistant operations manager; operation manager; "
        "plant operations manager; branch operations manager; operations coordinator; facility manager; "
        "facilities manager; admin and operations manager",
        "operations management; process improvement; standard operating procedures; sops; sop; "
        "cost reduction; p and l; p&l; team management; vendor management; facility management; "
        "service delivery; operational efficiency; kpis; sla management; workforce management; "
        "inventory control; quality control; lean; six sigma; kaizen; "
        "business continuity; capacity planning; daily operations; mis; escalation management",
    ),
    _O(
        "management_consultant",
        "Management Consultant",
        "business",
        "management consultant; strategy consultant; business strategy consultant; associate consultant strategy; "
        "strategy analyst; corporate strategy manager; transformation consultant",
        "business strategy; market entry; due diligence; benchmarking; business transformation; "
        "operating model; financial modelling; growth strategy; mckinsey; deloitte; case studies",
    ),
    # --- sales / marketing ----------------------------------------------------------------------------------
    _O(
        "sales_executive",
        "Sales Executive / Manager",
        "sales",
        "sales executive; sales manager; sales representative; sales officer; sales associate; "
        "area sales manager; regional sales manager; territory sales manager; sales engineer; "
        "field sales executive; sales coordinator; sales consultant; senior sales executive; "
        "sales team leader; zonal sales manager; national sales manager; medical representative; "
        "medical sales representative; inside sales representative; inside sales executive; "
        "sales and marketing executive; sales and marketing manager; marketing executive sales; "
        "territory manager; sales head; sales supervisor; sales trainee; telesales executive",
        "sales; sales target; sales targets; lead generation; cold calling; prospecting; "
        "closing deals; client acquisition; customer acquisition; sales pipeline; crm; "
        "distributors; distribution; dealers; dealer network; channel sales; channel partners; retailers; "
        "b2b sales; b2c sales; direct sales; field sales; market visits; order booking; "
        "secondary sales; primary sales; sales forecasting; quota; upselling; cross selling; "
        "key accounts; product demonstrations; territory management; salesforce crm; after sales",
    ),
    _O(
        "business_development",
        "Business Development Manager",
        "sales",
        "business development manager; business development executive; bdm; bde; business development associate; "
        "business development representative; bdr; sales development representative; sdr; "
        "key account manager; account manager; client relationship manager; "
        "relationship manager; corporate sales manager; partnership manager",
        "business development; new business; lead generation; client acquisition; rfp; rfps; "
        "key account management; account management; client relationship management; "
        "market expansion; pipeline management; tenders; presales; pre sales; cold emailing; linkedin sales navigator; "
        "hubspot; salesforce; revenue growth",
    ),
    _O(
        "retail_associate",
        "Retail Store Associate / Manager",
        "sales",
        "retail sales associate; store manager; retail store manager; cashier; shop assistant; store associate; "
        "floor manager; retail manager; assistant store manager; store supervisor; visual merchandiser; "
        "sales clerk; merchandiser; retail assistant; sales assistant; retail sales assistant; store assistant; "
        "customer assistant",
        "retail; point of sale; pos; cash handling; merchandising; visual merchandising; "
        "stock replenishment; customer service; store operations; shrinkage; planograms; footfall",
    ),
    _O(
        "real_estate_agent",
        "Real Estate / Insurance Agent",
        "sales",
        "real estate agent; realtor; property consultant; leasing consultant; insurance agent; insurance advisor; "
        "financial advisor insurance; property manager; estate agent; mortgage advisor; loan officer",
        "real estate; leasing; listings; property management; life insurance; "
        "mortgage; home loans; brokerage; site visits",
    ),
    _O(
        "digital_marketing",
        "Digital Marketing Specialist",
        "marketing",
        "digital marketing executive; digital marketing manager; digital marketing specialist; seo executive; "
        "seo specialist; seo analyst; sem specialist; social media manager; social media executive; "
        "performance marketing manager; ppc specialist; growth marketer; digital marketer; "
        "social media marketing executive; email marketing specialist; seo manager",
        "seo; sem; search engine optimization; search engine optimisation; google ads; adwords; ppc; "
        "pay per click; facebook ads; social media marketing; smm; email marketing; mailchimp; "
        "google analytics; keyword research; on page seo; off page seo; link building; content marketing; "
        "hubspot; conversion rate optimization; ctr; cpc; roas; semrush; ahrefs; google tag manager; "
        "affiliate marketing; influencer marketing; meta ads; linkedin ads",
    ),
    _O(
        "marketing_manager",
        "Marketing Manager",
        "marketing",
        "marketing manager; brand manager; marketing executive; marketing coordinator; product marketing manager; "
        "marketing specialist; head of marketing; marketing director; brand executive; trade marketing manager; "
        "marketing associate; marketing communications manager; event marketing manager",
        "marketing strategy; brand management; branding; campaigns; campaign management; market research; "
        "go to market; product launches; marketing communications; atl; btl; advertising; "
        "market share; consumer insights; trade marketing; sponsorships; marketing budget; "
        "brand awareness; pricing strategy",
    ),
    _O(
        "content_writer",
        "Content Writer / Journalist",
        "marketing",
        "content writer; copywriter; technical writer; content strategist; journalist; reporter; editor; "
        "sub editor; content editor; copy editor; blogger; content developer; proofreader; news reporter; "
        "correspondent; script writer; scriptwriter; communications specialist; public relations officer; "
        "pr executive; pr manager",
        "content writing; copywriting; blogs; blog writing; articles; editing; proofreading; seo writing; "
        "technical writing; press releases; storytelling; ghostwriting; news writing; "
        "editorial; content calendar; ap style; publications; media relations; public relations",
    ),
    # --- hr -------------------------------------------------------------------------------------------------
    _O(
        "hr_generalist",
        "HR Generalist / Manager",
        "hr",
        "hr executive; hr manager; hr generalist; human resources manager; human resources executive; "
        "hr business partner; hrbp; hr officer; hr coordinator; hr assistant; hr administrator; "
        "human resource executive; human resource manager; hr associate; hr admin; hr head; head of hr; "
        "hr and admin executive; hr specialist; personnel officer; people operations manager; "
        "employee relations manager; people operations specialist; people operations executive; people partner; "
        "hr operations specialist; hr intern; hr trainee; hr operations executive; hr consultant; "
        "compensation and benefits manager; hr analyst; "
        "hr advisor; human resources advisor; employee relations advisor",
        "human resources; employee relations; onboarding; induction; exit interviews; exit formalities; "
        "performance management; performance appraisal; appraisals; payroll; compensation and benefits; "
        "hr policies; grievance handling; statutory compliance; pf; esic; esi; labour laws; labor laws; "
        "employee engagement; attendance management; leave management; hris; hrms; workday; "
        "successfactors; bamboohr; joining formalities; employee database; manpower planning; "
        "training and development; talent management; succession planning; disciplinary; "
        "full and final settlement; offer letters; background verification; kra; shrm",
    ),
    _O(
        "recruiter",
        "Recruiter / Talent Acquisition",
        "hr",
        "recruiter; technical recruiter; it recruiter; talent acquisition specialist; talent acquisition executive; "
        "talent acquisition manager; recruitment executive; recruitment consultant; recruitment manager; "
        "sourcing specialist; headhunter; hr recruiter; talent acquisition lead; recruitment coordinator; "
        "staffing specialist; us it recruiter; talent acquisition partner",
        "recruitment; recruiting; talent acquisition; sourcing; screening; resume screening; "
        "interview scheduling; interviewing; boolean search; linkedin recruiter; naukri; monster; job portals; "
        "job boards; headhunting; applicant tracking system; ats; offer negotiation; end to end recruitment; "
        "full cycle recruiting; full life cycle recruitment; campus recruitment; lateral hiring; "
        "bulk hiring; volume hiring; mass hiring; candidate experience; employer branding; taleo; greenhouse; "
        "lever; bench sales; c2c; w2",
    ),
    _O(
        "trainer",
        "Corporate Trainer / L&D Specialist",
        "hr",
        "corporate trainer; training manager; learning and development manager; l&d manager; "
        "learning and development specialist; training coordinator; soft skills trainer; training executive; "
        "training specialist; instructional designer; e learning developer",
        "training needs analysis; tna; training delivery; learning and development; l&d; "
        "instructional design; e learning; elearning; articulate storyline; lms; learning management system; "
        "facilitation; train the trainer; soft skills training; induction training; addie; "
        "training calendar; training effectiveness",
    ),
    # --- finance --------------------------------------------------------------------------------------------
    _O(
        "accountant",
        "Accountant",
        "finance",
        "accountant; accounts executive; accounts officer; accounts assistant; "
        "senior accountant; chartered accountant; cpa; bookkeeper; book keeper; accounts payable specialist; "
        "accounts receivable specialist; accounting manager; finance executive; accounts and finance executive; "
        "general accountant; staff accountant; cost accountant; junior accountant; billing executive; "
        "accounts payable executive; accounts receivable executive; finance and accounts manager",
        "accounting; bookkeeping; tally; tally erp; tally erp 9; quickbooks; xero; sage; general ledger; "
        "journal entries; bank reconciliation; reconciliation; reconciliations; accounts payable; "
        "accounts receivable; balance sheet; profit and loss; trial balance; gst; vat; tds; income tax; "
        "tax returns; month end closing; year end closing; ledger; vouchers; gaap; ifrs; "
        "financial statements; fixed assets; petty cash; payroll accounting; cost accounting; audit support; "
        "statutory audit; busy accounting",
    ),
    _O(
        "financial_analyst",
        "Financial Analyst",
        "finance",
        "financial analyst; finance analyst; fp&a analyst; fp and a analyst; investment analyst; equity analyst; "
        "equity research analyst; credit analyst; finance manager; financial controller; treasury analyst; "
        "risk analyst; investment banker; investment banking analyst; portfolio manager; wealth manager; "
        "financial planner; cfo; chief financial officer; finance director; business finance manager",
        "financial modeling; financial modelling; financial analysis; variance analysis; "
        "fp&a; valuation; dcf; discounted cash flow; equity research; mergers and acquisitions; m&a; "
        "credit analysis; credit risk; risk management; treasury; cash flow; capital budgeting; "
        "bloomberg; capital iq; cfa; frm; financial reporting; management reporting; ratio analysis; "
        "portfolio management; investments; working capital; npv; irr",
    ),
    _O(
        "auditor",
        "Auditor",
        "finance",
        "auditor; internal auditor; external auditor; audit associate; audit manager; audit executive; "
        "audit assistant; statutory auditor; it auditor; audit senior; article assistant; articled assistant; "
        "tax consultant; tax associate; tax manager; tax analyst; compliance auditor",
        "audit; auditing; internal audit; statutory audit; external audit; tax audit; internal controls; "
        "sox; sox compliance; risk based audit; audit reports; audit planning; vouching; ifrs; ind as; "
        "gaap; taxation; direct tax; indirect tax; gst returns; income tax returns; transfer pricing; "
        "assurance; big four; acca; cia",
    ),
    _O(
        "banking_officer",
        "Banking Officer",
        "finance",
        "bank teller; banking officer; bank officer; branch manager bank; personal banker; "
        "customer service officer bank; bank clerk; probationary officer; loan processing officer; "
        "credit officer; banking associate; cashier bank; relationship officer; kyc analyst; aml analyst",
        "banking; retail banking; core banking; finacle; kyc; aml; anti money laundering; "
        "deposits; account opening; cash management; clearing; remittances; forex; trade finance; "
        "letters of credit; npa; credit appraisal; cibil",
    ),
    _O(
        "actuary_underwriter",
        "Insurance Underwriter / Claims",
        "finance",
        "underwriter; insurance underwriter; claims adjuster; claims processor; claims executive; "
        "claims analyst; actuary; actuarial analyst; loss adjuster",
        "underwriting; claims; claims processing; claims settlement; policy administration; actuarial; "
        "reinsurance; risk assessment",
    ),
    _O(
        "financial_advisor",
        "Financial Adviser / Planner",
        "finance",
        "financial advisor; independent financial advisor; ifa; certified financial planner; wealth advisor; "
        "investment advisor; paraplanner; mortgage and protection advisor; "
        "pensions advisor",
        "financial planning; wealth management; retirement planning; pensions; investments; protection; "
        "estate planning; portfolio management; fca; cfp; series 7; series 66; diploma in regulated financial planning",
    ),
    _O(
        "payroll_specialist",
        "Payroll Specialist",
        "finance",
        "payroll administrator; payroll officer; payroll specialist; payroll clerk; payroll manager; "
        "payroll executive; payroll coordinator; payroll assistant; payroll supervisor",
        "payroll; payroll processing; paye; gross to net; payroll taxes; garnishments; timesheets; adp; "
        "sage payroll; ceridian; kronos; paychex; p11d; year end payroll; statutory payments",
    ),
    # --- legal ----------------------------------------------------------------------------------------------
    _O(
        "lawyer",
        "Lawyer / Advocate",
        "legal",
        "advocate; lawyer; attorney; legal counsel; legal advisor; legal adviser; legal officer; "
        "associate advocate; junior advocate; senior advocate; litigation lawyer; corporate lawyer; "
        "in house counsel; solicitor; barrister; legal associate; legal executive; legal manager; "
        "advocate high court; law officer; associate attorney; general counsel; legal consultant; "
        "counsel; public prosecutor; notary",
        "litigation; drafting; legal drafting; civil suits; civil cases; criminal cases; writ petitions; "
        "bail applications; court appearances; arguments; pleadings; affidavits; legal notices; "
        "legal research; contracts; contract drafting; agreements; conveyancing; property law; "
        "family law; criminal law; civil law; corporate law; labour law; arbitration; mediation; "
        "high court; district court; supreme court; tribunal; consumer court; bar council; llb; ll b; llm; "
        "due diligence; legal opinion; memorandum of understanding; vakalatnama; cpc; crpc; ipc; "
        "negotiable instruments act; cheque bounce; motor accident claims; manupatra; scc online; westlaw; "
        "case law; trial; hearings",
    ),
    _O(
        "paralegal",
        "Paralegal / Legal Assistant",
        "legal",
        "paralegal; legal assistant; legal secretary; law clerk; legal intern; litigation assistant; "
        "legal analyst; contract administrator; contracts manager; legal coordinator",
        "legal research; document review; e discovery; ediscovery; case files; filings; court filings; "
        "contract management; contract review; legal documentation; docketing; clio; relativity; "
        "drafting; notarization",
    ),
    _O(
        "compliance_officer",
        "Compliance Officer / Company Secretary",
        "legal",
        "compliance officer; compliance manager; compliance analyst; company secretary; "
        "regulatory affairs specialist; regulatory affairs manager; risk and compliance manager; "
        "corporate governance officer",
        "regulatory compliance; corporate governance; secretarial; roc filings; "
        "companies act; board meetings; minutes; sebi; fema; regulatory affairs; policies and procedures; "
        "risk assessment; aml; kyc; gdpr",
    ),
    # --- engineering ----------------------------------------------------------------------------------------
    _O(
        "civil_engineer",
        "Civil Engineer",
        "engineering",
        "civil engineer; site engineer; structural engineer; civil site engineer; junior engineer civil; "
        "assistant engineer civil; civil project engineer; highway engineer; geotechnical engineer; "
        "quantity surveyor; billing engineer; planning engineer civil; construction engineer; "
        "resident engineer; transportation engineer; water resources engineer; design engineer civil; "
        "civil supervisor; site supervisor civil; qa qc engineer civil; "
        "bridge engineer; structural design engineer",
        "construction; site execution; site supervision; rcc; reinforced concrete; concrete; "
        "formwork; shuttering; reinforcement; bar bending schedule; bbs; structural analysis; structural design; "
        "staad pro; staad; etabs; autocad civil 3d; civil 3d; surveying; total station; levelling; leveling; "
        "auto level; theodolite; quantity estimation; estimation and costing; rate analysis; boq; "
        "bill of quantities; measurement book; earthwork; excavation; piling; "
        "soil testing; highways; roads; bridges; pavement; bitumen; drainage; sewerage; water supply; "
        "building construction; brickwork; plastering; masonry; cement; aggregates; curing; slump test; "
        "cube test; is codes; irc; morth; tendering; subcontractors; site inspection; "
        "primavera p6",
    ),
    _O(
        "mechanical_engineer",
        "Mechanical Engineer",
        "engineering",
        "mechanical engineer; design engineer mechanical; mechanical design engineer; maintenance engineer; "
        "production engineer; mechanical maintenance engineer; hvac engineer; piping engineer; "
        "automobile engineer; automotive engineer; service engineer mechanical; mechanical site engineer; "
        "graduate engineer trainee mechanical; mechanical project engineer; tool design engineer; "
        "manufacturing engineer; process engineer mechanical; r&d engineer mechanical; thermal engineer; "
        "cad engineer; plant engineer; utility engineer",
        "autocad; solidworks; catia; creo; pro e; pro engineer; nx; unigraphics; "
        "ansys; fea; finite element analysis; cfd; gd&t; gd and t; geometric dimensioning; tolerance stack up; "
        "machine design; thermodynamics; heat transfer; fluid mechanics; strength of materials; hvac; "
        "piping; pumps; compressors; turbines; boilers; heat exchangers; gearbox; bearings; "
        "hydraulics; pneumatics; preventive maintenance; breakdown maintenance; cnc; vmc; lathe; "
        "machining; fabrication; welding; sheet metal; casting; forging; injection moulding; "
        "jigs and fixtures; press tools; manufacturing processes; engineering drawings; "
        "bill of materials; bom; dfmea; pfmea; ppap; apqp; tpm; 5s; kaizen; root cause analysis; "
        "automobile; ic engines; chassis; refrigeration; air conditioning",
    ),
    _O(
        "electrical_engineer",
        "Electrical Engineer",
        "engineering",
        "electrical engineer; electrical design engineer; electrical maintenance engineer; "
        "electrical site engineer; electrical project engineer; power engineer; substation engineer; "
        "electrical supervisor; junior engineer electrical; assistant engineer electrical; "
        "electrical and electronics engineer; commissioning engineer electrical; "
        "protection engineer; power systems engineer; electrical testing engineer; "
        "graduate engineer trainee electrical",
        "power systems; power distribution; transmission and distribution; "
        "transmission lines; substation; substations; switchgear; transformers; transformer; circuit breakers; "
        "relays; protection relays; lt panels; ht panels; mcc; pcc; motors; induction motors; generators; "
        "dg sets; cabling; cable sizing; earthing; lightning protection; load calculation; "
        "single line diagram; sld; etap; dialux; autocad electrical; plc; scada; hmi; vfd; "
        "electrical maintenance; electrical installation; wiring; lighting design; power factor; "
        "capacitor banks; meggering; megger; kv; kva; solar; solar pv; renewable energy; electrical safety; "
        "ie rules; commissioning; testing and commissioning",
    ),
    _O(
        "electronics_engineer",
        "Electronics / Instrumentation Engineer",
        "engineering",
        "electronics engineer; instrumentation engineer; electronics and communication engineer; "
        "hardware design engineer; pcb design engineer; vlsi engineer; rf engineer; telecom engineer; "
        "control systems engineer; automation engineer; plc programmer; scada engineer; "
        "instrumentation and control engineer; test engineer electronics; design verification engineer",
        "electronics; analog circuits; digital electronics; pcb design; pcb layout; altium; orcad; "
        "eagle; kicad; vlsi; verilog; vhdl; fpga; asic; systemverilog; cadence; rf; antenna; "
        "oscilloscope; multimeter; soldering; instrumentation; dcs; plc; scada; hmi; calibration; "
        "transmitters; control valves; loop checking; p&id; siemens plc; allen bradley; labview; "
        "telecom; gsm; lte; 4g; 5g; optical fiber; microwave; signal processing; dsp",
    ),
    _O(
        "chemical_engineer",
        "Chemical / Process Engineer",
        "engineering",
        "chemical engineer; process engineer; process design engineer; production chemist; "
        "petroleum engineer; refinery engineer; process safety engineer; chemical plant engineer",
        "chemical engineering; process design; mass transfer; heat transfer; distillation; reactors; "
        "aspen plus; aspen hysys; hysys; pfd; p&id; process safety; hazop; unit operations; petrochemicals; "
        "refinery; oil and gas; batch process; material balance; energy balance",
    ),
    _O(
        "aerospace_engineer",
        "Aerospace / Aircraft Maintenance Engineer",
        "engineering",
        "aerospace engineer; aeronautical engineer; aircraft maintenance engineer; avionics engineer; "
        "aircraft technician; flight test engineer",
        "aerospace; aeronautics; aircraft; avionics; aerodynamics; flight dynamics; propulsion; "
        "airframe; aircraft maintenance; dgca; easa; faa; mro",
    ),
    _O(
        "quality_engineer",
        "Quality Engineer / Inspector (Manufacturing)",
        "manufacturing",
        "quality engineer; quality control engineer; quality assurance manager manufacturing; qc inspector; "
        "quality inspector; quality control inspector; qa qc engineer; qc engineer; quality manager; "
        "supplier quality engineer; quality auditor; quality executive; qc chemist; qa officer",
        "quality control; quality assurance; iso 9001; iso 14001; ohsas; iatf 16949; ts 16949; "
        "inspection; incoming inspection; final inspection; spc; msa; cpk; control charts; 8d; "
        "capa; corrective and preventive action; ncr; non conformance; root cause analysis; fishbone; "
        "why why analysis; ppap; apqp; fmea; calipers; micrometer; vernier caliper; cmm; "
        "six sigma; green belt; black belt; audits; gmp; glp; quality management system; qms",
    ),
    _O(
        "production_supervisor",
        "Production Supervisor / Operator",
        "manufacturing",
        "production supervisor; production manager; production operator; machine operator; plant manager; "
        "shift supervisor; shift incharge; production incharge; assembly operator; assembler; "
        "factory worker; production associate; line supervisor; production planner; "
        "production planning engineer; cnc operator; cnc machinist; machinist; fitter; "
        "packing supervisor; production executive",
        "production planning; ppc; manufacturing; assembly line; shop floor; shift operations; "
        "output targets; machine operation; cnc programming; lean manufacturing; 5s; kaizen; tpm; "
        "oee; line balancing; material requirement planning; mrp; capacity utilization; packaging; "
        "safety procedures; forklift; gmp; batch records",
    ),
    _O(
        "maintenance_technician",
        "Maintenance Technician / Electrician",
        "construction",
        "maintenance technician; electrician; plumber; hvac technician; maintenance supervisor; "
        "facilities technician; building maintenance technician; industrial electrician; wireman; "
        "mechanic; auto mechanic; automotive technician; diesel mechanic; carpenter; welder; fabricator; "
        "painter; mason; handyman; ac technician; refrigeration technician",
        "electrical wiring; troubleshooting; preventive maintenance; repairs; plumbing; pipe fitting; "
        "welding; arc welding; mig welding; tig welding; carpentry; hand tools; power tools; "
        "blueprints; hvac; refrigeration; motor rewinding; panel wiring; conduit; journeyman; "
        "osha; lockout tagout; diagnostics; engine repair; brakes",
    ),
    # --- construction / architecture ------------------------------------------------------------------------
    _O(
        "architect",
        "Architect (Buildings)",
        "construction",
        "architect; project architect; junior architect; architectural assistant; landscape architect; "
        "urban planner; town planner; architectural designer; design architect",
        "architecture; architectural design; revit; autocad; sketchup; archicad; rhino; lumion; "
        "3ds max; v ray; vray; building codes; working drawings; site plans; floor plans; elevations; "
        "master planning; urban design; leed; bim; landscape design",
    ),
    _O(
        "draftsman",
        "Draughtsman / CAD Technician",
        "construction",
        "draftsman; draughtsman; cad draftsman; autocad draftsman; cad technician; cad operator; "
        "drafter; civil draftsman; mechanical draftsman; detailer; rebar detailer; steel detailer",
        "autocad; drafting; 2d drafting; 3d modeling; cad; shop drawings; detailing; tekla; revit; "
        "as built drawings; general arrangement drawings; microstation",
    ),
    _O(
        "construction_manager",
        "Construction Manager",
        "construction",
        "construction manager; construction project manager; site manager; project manager construction; "
        "construction supervisor; foreman; general foreman; superintendent; clerk of works; "
        "contracts manager construction; estimator; cost estimator; project engineer construction; "
        "safety officer; hse officer; hse manager; ehs officer; safety engineer",
        "construction management; site management; subcontractor management; method statements; "
        "health and safety; hse; ehs; osha; nebosh; iosh; risk assessments; toolbox talks; permit to work; "
        "cost estimating; estimating; takeoffs; bids; tender documents; programme; "
        "primavera p6; snagging; handover; commercial buildings; residential buildings; infrastructure projects",
    ),
    # --- health ---------------------------------------------------------------------------------------------
    _O(
        "registered_nurse",
        "Registered Nurse",
        "health",
        "registered nurse; rn; staff nurse; nurse; icu nurse; charge nurse; nurse practitioner; "
        "clinical nurse; nursing officer; ward nurse; er nurse; emergency nurse; pediatric nurse; "
        "paediatric nurse; nurse manager; nursing supervisor; lpn; licensed practical nurse; "
        "home health nurse; oncology nurse; theatre nurse; operation theatre nurse; midwife; nurse educator",
        "nursing; patient care; patient assessment; medication administration; vital signs; iv therapy; "
        "wound care; care plans; bls; acls; pals; electronic health records; ehr; emr; epic; cerner; "
        "icu; critical care; infection control; patient education; catheterization; "
        "bsc nursing; gnm; anm; nclex; phlebotomy; telemetry; discharge planning",
    ),
    _O(
        "physician",
        "Physician / Doctor",
        "health",
        "physician; doctor; medical officer; general practitioner; resident doctor; consultant physician; "
        "surgeon; medical doctor; house officer; junior doctor; pediatrician; cardiologist; "
        "anaesthetist; anesthesiologist; psychiatrist; radiologist; gynecologist; dentist; dental surgeon; "
        "orthodontist; veterinarian; veterinary doctor",
        "mbbs; ms surgery; bds; mds; diagnosis; clinical examination; prescribing; outpatient; opd; ipd; "
        "inpatient; emergency medicine; surgery; surgeries; clinical rounds; medical records; "
        "patient management; internship hospital; clinical practice; dentistry; root canal",
    ),
    _O(
        "pharmacist",
        "Pharmacist / Pharma Professional",
        "health",
        "pharmacist; clinical pharmacist; pharmacy technician; hospital pharmacist; retail pharmacist; "
        "drug safety associate; pharmacovigilance associate; clinical research associate; "
        "clinical research coordinator; regulatory affairs associate pharma; medical writer",
        "pharmacy; dispensing; prescriptions; drug interactions; pharmacology; b pharm; m pharm; pharm d; "
        "pharmacovigilance; adverse event reporting; argus; clinical trials; gcp; good clinical practice; "
        "ich gcp; case report forms; medical coding; meddra; inventory of medicines",
    ),
    _O(
        "allied_health",
        "Allied Health Professional",
        "health",
        "physiotherapist; physical therapist; occupational therapist; speech therapist; "
        "medical laboratory technician; lab technician; laboratory technician; radiographer; "
        "x ray technician; sonographer; respiratory therapist; optometrist; dialysis technician; "
        "paramedic; emt; emergency medical technician; phlebotomist; audiologist; ot technician; dental assistant; "
        "dental hygienist; medical assistant",
        "physiotherapy; rehabilitation; exercise therapy; manual therapy; electrotherapy; bpt; mpt; "
        "sample collection; blood samples; hematology; biochemistry; microbiology; pathology; "
        "radiography; ultrasound; ct scan; mri; laboratory tests; specimen; dialysis; "
        "patient transport",
    ),
    _O(
        "caregiver",
        "Caregiver / Nursing Assistant",
        "health",
        "caregiver; care giver; nursing assistant; certified nursing assistant; cna; care assistant; "
        "home health aide; personal care assistant; patient care technician; support worker; care worker; "
        "healthcare assistant; ward assistant; elderly caregiver",
        "activities of daily living; adl; personal care; bathing; feeding; mobility assistance; "
        "elderly care; dementia care; companionship; patient hygiene; bed making; vital signs; "
        "home care; assisted living",
    ),
    _O(
        "medical_coder",
        "Medical Coder / Healthcare Administrator",
        "health",
        "medical coder; medical billing specialist; medical billing executive; medical biller; "
        "healthcare administrator; hospital administrator; medical records technician; "
        "health information technician; medical transcriptionist; medical receptionist; "
        "practice manager; clinic manager; hospital manager; ar caller; ar analyst medical billing",
        "icd 10; icd10; cpt; hcpcs; medical coding; medical billing; revenue cycle management; rcm; "
        "denial management; claims submission; insurance verification; eligibility verification; "
        "hipaa; cpc certification; medical terminology; ehr; hospital administration; patient registration",
    ),
    _O(
        "psychologist",
        "Psychologist / Counsellor",
        "health",
        "psychologist; clinical psychologist; counsellor; counselor; therapist; mental health counselor; "
        "school counsellor; career counsellor; psychotherapist; behaviour therapist; behavior analyst",
        "counselling; counseling; psychotherapy; cbt; cognitive behavioural therapy; mental health; "
        "psychological assessment; psychometric testing; therapy sessions; case history; "
        "behaviour therapy; aba; child guidance; rehabilitation psychology",
    ),
    # --- fitness --------------------------------------------------------------------------------------------
    _O(
        "fitness_trainer",
        "Fitness Trainer / Coach",
        "fitness",
        "fitness trainer; personal trainer; gym trainer; gym instructor; fitness instructor; fitness coach; "
        "strength and conditioning coach; yoga instructor; yoga teacher; yoga trainer; aerobics instructor; "
        "zumba instructor; pilates instructor; fitness consultant; fitness manager; gym manager; "
        "sports coach; coach; athletic trainer; swimming coach; cricket coach; football coach; "
        "physical education teacher; pe teacher; sports teacher; crossfit coach",
        "fitness; personal training; strength training; weight training; cardio; functional training; "
        "workout plans; workout; exercise programs; exercise; gym; weight loss; fat loss; "
        "body composition; muscle building; stretching; yoga; pranayama; asanas; meditation; "
        "aerobics; zumba; pilates; crossfit; hiit; bodybuilding; kettlebell; circuit training; "
        "ace certified; acsm; nasm; k11; reps; sports; athletes; physical fitness; sports nutrition; "
        "fitness assessment; calisthenics",
    ),
    _O(
        "nutritionist",
        "Nutritionist / Dietitian",
        "fitness",
        "nutritionist; dietitian; dietician; clinical dietitian; diet consultant; nutrition consultant; "
        "wellness coach; health coach; wellness consultant; sports nutritionist; nutrition coach",
        "nutrition; diet plans; diet planning; meal plans; meal planning; dietetics; clinical nutrition; "
        "therapeutic diets; calorie; calories; macronutrients; weight management; diabetes diet; "
        "healthy lifestyle; lifestyle modification; nutritional assessment; food and nutrition; "
        "body mass index; bmi; naturopathy; ayurveda",
    ),
    _O(
        "beauty_therapist",
        "Beauty / Spa Therapist",
        "fitness",
        "beautician; beauty therapist; spa therapist; massage therapist; hair stylist; hairdresser; "
        "makeup artist; cosmetologist; nail technician; salon manager; esthetician; barber",
        "beauty; skincare; skin care; facials; massage; spa; hair cutting; hair styling; hair colouring; "
        "makeup; manicure; pedicure; waxing; threading; cosmetology; salon",
    ),
    # --- education ------------------------------------------------------------------------------------------
    _O(
        "teacher",
        "School Teacher",
        "education",
        "teacher; school teacher; primary teacher; primary school teacher; secondary teacher; "
        "high school teacher; math teacher; mathematics teacher; science teacher; english teacher; "
        "subject teacher; class teacher; tgt; pgt; prt; trained graduate teacher; post graduate teacher; "
        "kindergarten teacher; preschool teacher; nursery teacher; montessori teacher; special education teacher; "
        "teaching assistant; assistant teacher; tutor; home tutor; private tutor; music teacher; art teacher; "
        "drawing teacher; dance teacher; computer teacher; head teacher; vice principal",
        "teaching; lesson planning; lesson plans; classroom management; curriculum; curriculum development; "
        "cbse; icse; state board; igcse; ib curriculum; student assessment; parent teacher meetings; "
        "b ed; m ed; d ed; tet; ctet; smart class; differentiated instruction; early childhood education; "
        "montessori; worksheets; remedial teaching; tutoring; syllabus; co curricular activities",
    ),
    _O(
        "childcare_worker",
        "Childcare / Early Years Practitioner",
        "education",
        "nursery nurse; nursery practitioner; early years practitioner; early years educator; childcare practitioner; "
        "childcare worker; child care worker; child care provider; nanny; au pair; daycare teacher; "
        "preschool assistant; nursery assistant; room leader nursery",
        "eyfs; early years foundation stage; early years; childcare; child care; child development; "
        "safeguarding children; cache level 3; naeyc; learning through play; nappy changing; diaper changing",
    ),
    _O(
        "lecturer",
        "Lecturer / Professor",
        "education",
        "lecturer; professor; assistant professor; associate professor; senior lecturer; faculty; "
        "visiting faculty; guest lecturer; teaching faculty; research associate; "
        "postdoctoral researcher; research fellow; junior research fellow; head of department",
        "lectures; teaching undergraduate; postgraduate teaching; publications; journals; "
        "research papers; phd; ugc net; net qualified; set exam; dissertation; "
        "syllabus; academic research; supervising students; naac; nba",
    ),
    # --- logistics ------------------------------------------------------------------------------------------
    _O(
        "truck_driver",
        "Driver",
        "logistics",
        "truck driver; driver; delivery driver; hgv driver; lgv driver; lorry driver; bus driver; "
        "van driver; chauffeur; forklift driver; cdl driver; tanker driver; courier; delivery executive; "
        "delivery associate; delivery boy",
        "commercial driving; cdl; class a; hgv; lgv; "
        "route planning; deliveries; last mile delivery; vehicle inspection; pre trip inspection; logbook; "
        "dot regulations; hours of service; tachograph; defensive driving; cargo; loading and unloading",
    ),
    _O(
        "warehouse_associate",
        "Warehouse Associate / Supervisor",
        "logistics",
        "warehouse associate; warehouse supervisor; warehouse manager; warehouse executive; "
        "warehouse operative; store keeper; storekeeper; stores executive; stores incharge; picker packer; "
        "inventory controller; inventory executive; material handler; stock controller; warehouse assistant; "
        "dispatch executive; dispatch supervisor; inventory manager",
        "warehouse; warehousing; wms; warehouse management system; picking; packing; pick and pack; "
        "inventory management; stock management; stock taking; cycle counts; cycle counting; "
        "put away; dispatch; shipping and receiving; grn; goods receipt; forklift; "
        "pallet jack; rf scanner; barcode scanning; fifo; fefo; bin locations; inward; outward",
    ),
    _O(
        "supply_chain",
        "Supply Chain / Logistics Coordinator",
        "logistics",
        "supply chain manager; supply chain analyst; logistics manager; logistics coordinator; "
        "logistics executive; supply chain executive; demand planner; supply planner; "
        "shipping coordinator; transport manager; fleet manager; logistics officer; import export executive; "
        "exim executive; freight forwarder; customs broker; material planner; scm executive; "
        "distribution manager; supply chain consultant",
        "supply chain; supply chain management; logistics; demand planning; supply planning; "
        "s&op; sales and operations planning; inventory optimization; freight; shipping; "
        "transportation management; tms; 3pl; incoterms; customs clearance; exim; "
        "bill of lading; letter of credit; fleet management; route optimization; distribution; "
        "order fulfillment; sap mm; replenishment; lead time",
    ),
    _O(
        "procurement",
        "Procurement / Purchasing Specialist",
        "logistics",
        "procurement manager; procurement specialist; procurement executive; purchase executive; "
        "purchase manager; purchasing manager; buyer; purchasing agent; sourcing manager; "
        "category manager; purchase officer; strategic sourcing manager; vendor development executive; "
        "commercial manager procurement",
        "procurement; purchasing; purchase orders; purchase requisitions; vendor management; "
        "vendor development; supplier management; supplier evaluation; strategic sourcing; "
        "rfq; rfp; quotations; comparative statements; cost savings; spend analysis; contract negotiation; "
        "e procurement; ariba; coupa; indirect procurement; direct procurement",
    ),
    # --- hospitality ----------------------------------------------------------------------------------------
    _O(
        "chef",
        "Chef / Cook",
        "hospitality",
        "chef; cook; sous chef; head chef; executive chef; chef de partie; commis chef; commis; line cook; "
        "pastry chef; kitchen helper; kitchen manager; baker; prep cook; tandoor chef; continental chef",
        "cooking; culinary; kitchen; food preparation; menu planning; menu development; recipes; "
        "food safety; haccp; food hygiene; baking; pastry; knife skills; mise en place; plating; "
        "kitchen operations; food cost; cuisine; continental; tandoor; grilling",
    ),
    _O(
        "food_service",
        "Restaurant / Food & Beverage Staff",
        "hospitality",
        "waiter; waitress; steward; bartender; barista; restaurant manager; "
        "food and beverage manager; f&b manager; f&b executive; "
        "cafe manager; banquet manager; food and beverage associate; f&b associate",
        "food and beverage; f&b; restaurant operations; table service; order taking; fine dining; "
        "banquets; bar operations; mixology; cocktails; espresso; pos; customer service; "
        "food service; upselling; guest service",
    ),
    _O(
        "hotel_front_office",
        "Hotel Front Office / Housekeeping",
        "hospitality",
        "front office executive; front office manager; front desk agent; guest relations executive; "
        "receptionist hotel; hotel manager; housekeeping supervisor; housekeeping executive; housekeeper; "
        "room attendant; concierge; guest service agent; night auditor; duty manager; hotel receptionist; "
        "executive housekeeper",
        "hotel; hospitality; front office; check in; check out; reservations; guest relations; "
        "housekeeping; room service; opera pms; pms; property management system; fidelio; guest complaints; "
        "hotel management; laundry; linen; occupancy",
    ),
    _O(
        "travel_agent",
        "Travel / Tourism / Event Professional",
        "hospitality",
        "travel agent; travel consultant; tour guide; tour operator; ticketing executive; travel executive; "
        "event planner; event manager; event coordinator; wedding planner; flight attendant; cabin crew; "
        "air hostess; ground staff; airport ground staff",
        "tourism; ticketing; amadeus; galileo; sabre; gds; itineraries; tour packages; visa processing; "
        "hotel bookings; event planning; event management; vendor coordination; weddings; cabin safety; "
        "in flight service; passenger handling",
    ),
    # --- customer service / admin ---------------------------------------------------------------------------
    _O(
        "customer_service",
        "Customer Service Representative",
        "customer_service",
        "customer service representative; customer service executive; customer support executive; "
        "customer care executive; call center agent; call centre agent; customer service associate; "
        "customer support representative; customer care representative; contact center agent; "
        "telecaller; tele caller; customer service advisor; voice process executive; bpo executive; "
        "customer relationship executive; customer service manager; team leader bpo; chat support executive; "
        "process associate; customer support associate",
        "customer service; customer support; customer care; inbound calls; outbound calls; call handling; "
        "complaint handling; complaint resolution; query resolution; customer satisfaction; csat; "
        "aht; average handle time; first call resolution; escalations; voice process; non voice process; "
        "chat support; email support; bpo; call center; call centre; telecalling; zendesk; freshdesk; "
        "crm; customer queries",
    ),
    _O(
        "customer_success",
        "Customer Success / Account Support",
        "customer_service",
        "customer success manager; customer success executive; client success manager; client servicing executive; "
        "client service manager; account support specialist; implementation specialist; onboarding specialist",
        "customer success; client servicing; renewals; customer onboarding; nps; qbr; account health",
    ),
    _O(
        "admin_assistant",
        "Administrative Assistant / Office Manager",
        "admin",
        "administrative assistant; admin assistant; office administrator; office manager; "
        "administrative officer; admin executive; administration executive; admin officer; "
        "executive assistant; personal assistant; secretary; office assistant; office coordinator; "
        "receptionist; front desk executive; front office assistant; back office executive; "
        "data entry operator; data entry clerk; clerk; office clerk; admin manager; administration manager",
        "office administration; office management; calendar management; "
        "diary management; travel arrangements; correspondence; filing; record keeping; "
        "data entry; typing; front desk; visitor management; petty cash; stationery; "
        "meeting minutes; phone handling; mail handling; housekeeping supervision; vendor coordination; "
        "back office",
    ),
    # --- creative / arts ------------------------------------------------------------------------------------
    _O(
        "graphic_designer",
        "Graphic Designer",
        "creative",
        "graphic designer; visual designer; graphic artist; creative designer; dtp operator; "
        "senior graphic designer; art director; creative director; print designer; packaging designer; "
        "brand designer; multimedia designer; designer",
        "graphic design; adobe photoshop; photoshop; adobe illustrator; illustrator; coreldraw; corel draw; "
        "indesign; adobe indesign; typography; branding; logo design; brochures; flyers; posters; "
        "print design; packaging design; visual design; creative suite; adobe creative suite; "
        "canva; color theory; dtp",
    ),
    _O(
        "ux_designer",
        "UI/UX Designer",
        "creative",
        "ux designer; ui ux designer; ui/ux designer; product designer; ui designer; interaction designer; "
        "user experience designer; user interface designer; ux researcher; ux lead",
        "user experience; user interface; ux; ui ux; wireframes; wireframing; prototyping; prototypes; figma; "
        "sketch; adobe xd; invision; axure; usability testing; user research; personas; user flows; "
        "information architecture; design systems; interaction design; human centered design; design thinking",
    ),
    _O(
        "video_animator",
        "Video Editor / Animator / Photographer",
        "creative",
        "video editor; animator; 2d animator; 3d animator; motion graphics designer; motion designer; "
        "vfx artist; photographer; videographer; cinematographer; 3d artist; 3d modeler; "
        "multimedia artist; film editor; camera operator; photo editor",
        "video editing; adobe premiere pro; premiere pro; final cut pro; after effects; adobe after effects; "
        "motion graphics; animation; 2d animation; 3d animation; maya; autodesk maya; blender; 3ds max; "
        "cinema 4d; nuke; compositing; rendering; rigging; texturing; vfx; photography; lightroom; "
        "videography; color grading; davinci resolve; storyboarding; cinematography",
    ),
    _O(
        "artist",
        "Artist / Performing Arts",
        "creative",
        "artist; fine artist; visual artist; painter artist; illustrator artist; sculptor; musician; singer; "
        "dancer; choreographer; actor; actress; theatre artist; performing artist; music composer; "
        "music producer; art instructor; art curator; craft artist; calligrapher; art therapist",
        "fine arts; bfa; mfa; painting; paintings; sketching; sculpture; illustration; "
        "exhibitions; art exhibitions; gallery; canvas; oil painting; watercolor; watercolour; acrylic; "
        "charcoal; portraits; murals; art and craft; crafts; printmaking; ceramics; pottery; "
        "music; vocals; classical music; hindustani classical; carnatic; guitar; piano; "
        "dance; kathak; bharatanatyam; choreography; theatre; drama; stage performances; "
        "performing arts; visual arts; art history; creative arts; calligraphy",
    ),
    _O(
        "interior_designer",
        "Interior / Fashion Designer",
        "creative",
        "interior designer; interior decorator; interior design consultant; fashion designer; "
        "textile designer; apparel designer; fashion stylist; jewellery designer; jewelry designer; "
        "merchandiser fashion; costume designer",
        "interior design; space planning; furniture design; materials selection; false ceiling; "
        "modular kitchen; 3ds max; sketchup; autocad; fashion design; garment construction; pattern making; "
        "draping; textiles; fabrics; embroidery; sewing; fashion illustration; trend forecasting; "
        "apparel; styling",
    ),
    # --- public / community ---------------------------------------------------------------------------------
    _O(
        "social_worker",
        "Social Worker / NGO Professional",
        "public",
        "social worker; case worker; community worker; community development officer; ngo coordinator; "
        "program officer ngo; field officer; project officer ngo; outreach worker; youth worker; "
        "child welfare officer; volunteer coordinator",
        "social work; msw; bsw; community development; community outreach; ngo; ngos; field work; "
        "case management; child protection; women empowerment; livelihood; rural development; "
        "self help groups; awareness programs; csr; fundraising; grant writing",
    ),
    _O(
        "security_guard",
        "Security Guard / Officer",
        "public",
        "security guard; security officer; security supervisor; security manager facility; "
        "loss prevention officer; bouncer; watchman; patrol officer; cctv operator",
        "patrolling; cctv; cctv monitoring; access control; surveillance; loss prevention; "
        "incident reports; emergency response; fire safety; crowd control; guarding",
    ),
    _O(
        "government_officer",
        "Government / Defence / Police",
        "public",
        "police officer; police constable; army officer; soldier; defence personnel; ex serviceman; "
        "civil servant; government officer; clerk government; revenue officer; firefighter; fireman",
        "law enforcement; policing; defence; military; armed forces; army; navy; air force; "
        "public administration; government; firefighting; rescue operations; drill; parade",
    ),
    _O(
        "agriculture",
        "Agriculture / Environmental Professional",
        "public",
        "agronomist; agriculture officer; agricultural officer; farm manager; horticulturist; "
        "environmental engineer; environmental scientist; environmental officer; field agronomist; "
        "veterinary assistant; fisheries officer",
        "agriculture; agronomy; crops; crop production; soil; irrigation; fertilizers; pesticides; "
        "horticulture; farming; dairy; poultry; environmental impact assessment; eia; waste management; "
        "environmental compliance; water treatment; pollution control; bsc agriculture",
    ),
    _O(
        "scientist_lab",
        "Laboratory Scientist / Research Chemist",
        "public",
        "research scientist; chemist; analytical chemist; microbiologist; biotechnologist; lab chemist; "
        "research associate lab; scientist; lab analyst; biochemist; food technologist",
        "hplc; gc; gas chromatography; spectroscopy; uv spectroscopy; ftir; titration; wet chemistry; "
        "assays; pcr; elisa; cell culture; microbiology; biotechnology; molecular biology; "
        "analytical method development; method validation; lab safety; sop; gmp; glp; food technology",
    ),
)


# Close neighbours (symmetric): a broad occupation and its kinds, or two titles for much the same work.
CLOSE: tuple[tuple[str, str], ...] = (
    ("software_developer", "java_developer"),
    ("software_developer", "python_developer"),
    ("software_developer", "dotnet_developer"),
    ("software_developer", "mobile_developer"),
    ("software_developer", "frontend_developer"),
    ("software_developer", "php_developer"),
    ("frontend_developer", "web_designer"),
    ("frontend_developer", "php_developer"),
    ("web_designer", "ux_designer"),
    ("web_designer", "graphic_designer"),
    ("ux_designer", "graphic_designer"),
    ("data_scientist", "ml_engineer"),
    ("data_scientist", "data_analyst"),
    ("data_analyst", "bi_developer"),
    ("data_engineer", "hadoop_developer"),
    ("data_engineer", "etl_developer"),
    ("etl_developer", "bi_developer"),
    ("database_administrator", "etl_developer"),
    ("devops_engineer", "cloud_engineer"),
    ("devops_engineer", "system_administrator"),
    ("cloud_engineer", "system_administrator"),
    ("network_engineer", "network_security_engineer"),
    ("network_security_engineer", "cybersecurity_analyst"),
    ("system_administrator", "it_support"),
    ("it_support", "production_support"),
    ("sap_consultant", "oracle_apps_consultant"),
    ("business_analyst", "product_manager"),
    ("project_manager", "pmo_analyst"),
    ("project_manager", "scrum_master"),
    ("operations_manager", "project_manager"),
    ("sales_executive", "business_development"),
    ("sales_executive", "retail_associate"),
    ("digital_marketing", "marketing_manager"),
    ("hr_generalist", "recruiter"),
    ("hr_generalist", "trainer"),
    ("accountant", "auditor"),
    ("accountant", "financial_analyst"),
    ("lawyer", "paralegal"),
    ("lawyer", "compliance_officer"),
    ("civil_engineer", "construction_manager"),
    ("civil_engineer", "draftsman"),
    ("architect", "draftsman"),
    ("mechanical_engineer", "production_supervisor"),
    ("mechanical_engineer", "quality_engineer"),
    ("electrical_engineer", "electronics_engineer"),
    ("registered_nurse", "caregiver"),
    ("physician", "allied_health"),
    ("fitness_trainer", "nutritionist"),
    ("teacher", "lecturer"),
    ("teacher", "trainer"),
    ("warehouse_associate", "supply_chain"),
    ("supply_chain", "procurement"),
    ("chef", "food_service"),
    ("food_service", "hotel_front_office"),
    ("customer_service", "customer_success"),
    ("artist", "graphic_designer"),
    ("artist", "video_animator"),
    ("it_manager", "it_support"),
    ("it_manager", "system_administrator"),
    ("financial_advisor", "banking_officer"),
    ("payroll_specialist", "accountant"),
    ("payroll_specialist", "hr_generalist"),
    ("childcare_worker", "teacher"),
    ("admin_assistant", "hr_generalist"),
)


@lru_cache(maxsize=1)
def occupations_by_id() -> dict[str, Occupation]:
    return {occupation.id: occupation for occupation in OCCUPATIONS}
