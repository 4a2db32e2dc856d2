import type { SeedService } from './types.ts';

/**
 * The Bradford service catalogue as it stood on the snapshot date (15 February 2023). A service is
 * READY only with every day-one critical item of its own closed (packages/domain service.ts), so
 * only the services with none open are: the seed test checks it.
 * Children's social care, early help and youth justice transfer to the trust; education,
 * SEND, the virtual school, public health and the DCS/lead member roles stay with the council;
 * adoption is delivered regionally by One Adoption West Yorkshire.
 * Team weights are roughly posts: transferring services hold about 1,700 posts (including
 * vacancies); retained services list only the few posts that work at the interface with the trust.
 */
export const services: SeedService[] = [
  {
    key: 'front-door',
    name: 'Integrated Front Door (MASH)',
    description:
      "Bradford's Integrated Front Door takes all contacts and referrals about children, with police, health and education colleagues co-located in the multi-agency safeguarding hub. Transfers to the trust; published phone numbers and referral addresses must keep working through cutover.",
    disposition: 'TRANSFERS',
    transferStatus: 'IN_PROGRESS',
    shadowOffsetDays: -45,
    goLiveOffsetDays: 0,
    teams: [
      { name: 'Front Door Contact and Referral Team', weight: 34, socialWork: false },
      { name: 'MASH Screening and Strategy Team', weight: 26, socialWork: true },
      { name: 'Front Door Early Help Triage Team', weight: 14, socialWork: false },
      { name: 'Police Protection Notification Triage Team', weight: 8, socialWork: true },
    ],
  },
  {
    key: 'assessment',
    name: 'Assessment and Duty',
    description:
      'Duty and assessment teams complete single assessments within 45 working days and lead section 47 enquiries arising at the front door. Transfers to the trust with locality teams unchanged on day one.',
    disposition: 'TRANSFERS',
    transferStatus: 'IN_PROGRESS',
    shadowOffsetDays: -45,
    goLiveOffsetDays: 0,
    teams: [
      { name: 'Duty and Assessment Team Keighley', weight: 30, socialWork: true },
      { name: 'Duty and Assessment Team Shipley', weight: 26, socialWork: true },
      { name: 'Duty and Assessment Team Bradford East', weight: 34, socialWork: true },
      { name: 'Duty and Assessment Team Bradford West', weight: 34, socialWork: true },
      { name: 'Duty and Assessment Team Bradford South', weight: 32, socialWork: true },
      { name: 'Assessment Business Support Hub', weight: 16, socialWork: false },
    ],
  },
  {
    key: 'child-in-need',
    name: 'Child in Need (section 17)',
    description:
      'Locality teams working with children in need under section 17 of the Children Act 1989, including step-down from child protection plans. Transfers to the trust.',
    disposition: 'TRANSFERS',
    transferStatus: 'READY',
    shadowOffsetDays: -45,
    goLiveOffsetDays: 0,
    teams: [
      { name: 'Child in Need Team Keighley', weight: 26, socialWork: true },
      { name: 'Child in Need Team Shipley', weight: 22, socialWork: true },
      { name: 'Child in Need Team Bradford East', weight: 32, socialWork: true },
      { name: 'Child in Need Team Bradford West', weight: 32, socialWork: true },
      { name: 'Child in Need Team Bradford South', weight: 30, socialWork: true },
    ],
  },
  {
    key: 'child-protection',
    name: 'Child Protection',
    description:
      'Teams holding children subject to child protection plans, section 47 enquiries and pre-proceedings work, plus the child exploitation and missing team. Transfers to the trust; conference chairs sit with the IRO and quality assurance service.',
    disposition: 'TRANSFERS',
    transferStatus: 'IN_PROGRESS',
    shadowOffsetDays: -45,
    goLiveOffsetDays: 0,
    teams: [
      { name: 'Child Protection Team 1 (Bradford East)', weight: 32, socialWork: true },
      { name: 'Child Protection Team 2 (Bradford West)', weight: 32, socialWork: true },
      { name: 'Child Protection Team 3 (Bradford South)', weight: 30, socialWork: true },
      { name: 'Child Protection Team Keighley and Shipley', weight: 30, socialWork: true },
      { name: 'Child Exploitation and Missing Team', weight: 20, socialWork: true },
    ],
  },
  {
    key: 'children-in-care',
    name: 'Children in Care, Permanence and Court',
    description:
      "Social work for about 1,585 children looked after, permanence planning and care proceedings under the public law outline. Transfers to the trust; applications to court continue to be made in the council's name with childcare legal services bought back from the council.",
    disposition: 'TRANSFERS',
    transferStatus: 'IN_PROGRESS',
    shadowOffsetDays: -45,
    goLiveOffsetDays: 0,
    teams: [
      { name: 'Children in Care Team 1 (Bradford West)', weight: 30, socialWork: true },
      { name: 'Children in Care Team 2 (Bradford East)', weight: 30, socialWork: true },
      { name: 'Children in Care Team 3 (Keighley and Shipley)', weight: 28, socialWork: true },
      { name: 'Permanence Team', weight: 26, socialWork: true },
      { name: 'Court and Proceedings Team', weight: 26, socialWork: true },
      { name: 'Unaccompanied Asylum-Seeking Children Team', weight: 16, socialWork: true },
      { name: 'Children in Care Business Support Hub', weight: 18, socialWork: false },
    ],
  },
  {
    key: 'care-leavers',
    name: 'Care Leavers (16+ and Leaving Care)',
    description:
      'Personal advisers and social workers supporting care leavers up to age 25, including Staying Close and accommodation for young people aged 16 and over. Transfers to the trust.',
    disposition: 'TRANSFERS',
    transferStatus: 'IN_PROGRESS',
    shadowOffsetDays: -45,
    goLiveOffsetDays: 0,
    teams: [
      { name: 'Leaving Care 16+ Social Work Team', weight: 20, socialWork: true },
      { name: 'Personal Adviser Team North (Keighley and Shipley)', weight: 18, socialWork: false },
      { name: 'Personal Adviser Team South (Bradford)', weight: 26, socialWork: false },
      { name: 'Staying Close and Accommodation Team', weight: 12, socialWork: false },
    ],
  },
  {
    key: 'fostering',
    name: 'Fostering (Foster for Bradford)',
    description:
      'Recruitment, assessment and supervision of foster carers, kinship and connected carers and Staying Put arrangements. Transfers to the trust, which must hold its own Ofsted registration as an independent fostering agency before go-live.',
    disposition: 'TRANSFERS',
    transferStatus: 'IN_PROGRESS',
    shadowOffsetDays: -45,
    goLiveOffsetDays: 0,
    teams: [
      { name: 'Fostering Recruitment and Assessment Team', weight: 18, socialWork: true },
      { name: 'Supervising Social Workers Team North', weight: 20, socialWork: true },
      { name: 'Supervising Social Workers Team South', weight: 22, socialWork: true },
      { name: 'Kinship and Connected Carers Team', weight: 24, socialWork: true },
      { name: 'Fostering Support and Staying Put Team', weight: 10, socialWork: false },
      { name: 'Fostering Panel and Business Support', weight: 8, socialWork: false },
    ],
  },
  {
    key: 'adoption',
    name: 'Adoption',
    description:
      'Adoption agency functions are delivered regionally by One Adoption West Yorkshire, hosted by Leeds City Council; they are not delegated to the trust, so no voluntary adoption agency registration is needed. Only the Bradford liaison posts that link the trust with the regional agency are listed.',
    disposition: 'REGIONAL',
    transferStatus: 'RETAINED',
    shadowOffsetDays: null,
    goLiveOffsetDays: null,
    teams: [
      { name: 'Adoption and Permanence Liaison (One Adoption West Yorkshire)', weight: 3, socialWork: true },
      { name: 'Adoption Support Fund Liaison', weight: 1, socialWork: false },
    ],
  },
  {
    key: 'residential',
    name: "Children's Homes and Short-Break Homes",
    description:
      "The council's eleven children's homes and short-break homes for disabled children transfer to the trust; each home must be re-registered with Ofsted in the trust's name, with a new URN and registered manager.",
    disposition: 'TRANSFERS',
    transferStatus: 'IN_PROGRESS',
    shadowOffsetDays: -45,
    goLiveOffsetDays: 0,
    teams: [
      { name: "Heatherbank Children's Home", weight: 20, socialWork: false },
      { name: 'Moorview House', weight: 20, socialWork: false },
      { name: 'Aireside Lodge', weight: 18, socialWork: false },
      { name: "Low Fold Children's Home", weight: 18, socialWork: false },
      { name: 'Hollins Croft', weight: 18, socialWork: false },
      { name: 'Cliffe Wood House', weight: 20, socialWork: false },
      { name: 'Beckside House', weight: 18, socialWork: false },
      { name: 'Greenacre Assessment Home', weight: 22, socialWork: false },
      { name: 'Stonebridge Lodge (Solo Placement Home)', weight: 14, socialWork: false },
      { name: 'Fernhill Short Break Home', weight: 22, socialWork: false },
      { name: 'Willow Bank Short Break Home', weight: 22, socialWork: false },
    ],
  },
  {
    key: 'edge-of-care',
    name: 'Edge of Care and Family Time',
    description:
      'Intensive family intervention to keep children safely at home, family group conferencing and the family time (contact) centres. Transfers to the trust.',
    disposition: 'TRANSFERS',
    transferStatus: 'READY',
    shadowOffsetDays: -45,
    goLiveOffsetDays: 0,
    teams: [
      { name: 'Edge of Care and Family Intervention Team', weight: 22, socialWork: false },
      { name: 'Family Time Centre Bradford', weight: 18, socialWork: false },
      { name: 'Family Time Centre Keighley', weight: 10, socialWork: false },
      { name: 'Family Group Conferencing Service', weight: 10, socialWork: false },
      { name: 'Adolescent Response Team', weight: 10, socialWork: true },
    ],
  },
  {
    key: 'disabled-children',
    name: "Disabled Children's Social Work and Short Breaks",
    description:
      "Social work for disabled children and their families, short breaks, direct payments and transition to adult services. Transfers to the trust; the short-break homes are listed under children's homes.",
    disposition: 'TRANSFERS',
    transferStatus: 'IN_PROGRESS',
    shadowOffsetDays: -45,
    goLiveOffsetDays: 0,
    teams: [
      { name: 'Children with Disabilities Social Work Team', weight: 28, socialWork: true },
      { name: 'Short Breaks and Direct Payments Team', weight: 14, socialWork: false },
      { name: 'Preparing for Adulthood Transitions Team (14 to 25)', weight: 12, socialWork: true },
      { name: 'Disabled Children Family Support Team', weight: 12, socialWork: false },
    ],
  },
  {
    key: 'youth-justice',
    name: 'Youth Justice Service',
    description:
      'The multi-agency youth justice service, including court work, out-of-court disposals and prevention. Disposition varies nationally; in Bradford it transfers to the trust, with police, probation and health secondees staying employed by their home agencies.',
    disposition: 'VARIES',
    transferStatus: 'IN_PROGRESS',
    shadowOffsetDays: -45,
    goLiveOffsetDays: 0,
    teams: [
      { name: 'Youth Justice Court and Intervention Team Bradford', weight: 26, socialWork: false },
      { name: 'Youth Justice Team Keighley', weight: 16, socialWork: false },
      { name: 'Prevention and Out of Court Disposals Team', weight: 18, socialWork: false },
      { name: 'Youth Justice Health and Education Specialists', weight: 10, socialWork: false },
      { name: 'Restorative Justice and Reparation Team', weight: 10, socialWork: false },
    ],
  },
  {
    key: 'early-help',
    name: 'Early Help and Family Hubs',
    description:
      'Targeted early help, family support workers and the locality family hubs, recorded in the Early Help Module. Disposition varies nationally; in Bradford early help transfers to the trust, while early years and public health 0 to 19 services stay with the council.',
    disposition: 'VARIES',
    transferStatus: 'IN_PROGRESS',
    shadowOffsetDays: -45,
    goLiveOffsetDays: 0,
    teams: [
      { name: 'Family Hub Bradford East', weight: 52, socialWork: false },
      { name: 'Family Hub Bradford West', weight: 52, socialWork: false },
      { name: 'Family Hub Bradford South', weight: 48, socialWork: false },
      { name: 'Family Hub Keighley', weight: 44, socialWork: false },
      { name: 'Family Hub Shipley', weight: 38, socialWork: false },
      { name: 'Early Help Gateway and Coordination Team', weight: 22, socialWork: false },
    ],
  },
  {
    key: 'iro-qa',
    name: 'Independent Reviewing, Child Protection Chairs and Quality Assurance',
    description:
      "IROs, child protection conference chairs and the practice audit team. Assumption: the service moves into the trust's Safeguarding and Reviewing Unit under the statutory direction, with the council keeping the IRO appointment duty and an escalation route to the DCS, because IRO functions cannot be delegated under the 2014 regulations.",
    disposition: 'VARIES',
    transferStatus: 'IN_PROGRESS',
    shadowOffsetDays: -31,
    goLiveOffsetDays: 0,
    teams: [
      { name: 'Independent Reviewing Officers Team', weight: 22, socialWork: true },
      { name: 'Child Protection Conference Chairs Team', weight: 12, socialWork: true },
      { name: 'Quality Assurance and Practice Audit Team', weight: 8, socialWork: true },
      { name: 'Reviewing and Conference Business Support', weight: 8, socialWork: false },
    ],
  },
  {
    key: 'lado',
    name: 'Local Authority Designated Officer (LADO)',
    description:
      "Management of allegations against adults who work with children. Assumption: the LADO service transfers with the trust's Safeguarding and Reviewing Unit, while the council keeps the designation under Working Together and receives quarterly reports.",
    disposition: 'VARIES',
    transferStatus: 'IN_PROGRESS',
    shadowOffsetDays: -31,
    goLiveOffsetDays: 0,
    teams: [
      { name: 'LADO Team', weight: 4, socialWork: true },
      { name: 'LADO Business Support', weight: 2, socialWork: false },
    ],
  },
  {
    key: 'workforce-development',
    name: 'Principal Social Worker and Social Work Academy',
    description:
      'The principal social worker, practice model, the social work academy for newly qualified social workers in their ASYE year, and learning and development. Transfers to the trust.',
    disposition: 'TRANSFERS',
    transferStatus: 'IN_PROGRESS',
    shadowOffsetDays: -45,
    goLiveOffsetDays: 0,
    teams: [
      { name: 'Principal Social Worker and Practice Development', weight: 6, socialWork: true },
      { name: 'Social Work Academy (ASYE Cohort)', weight: 32, socialWork: true },
      { name: "Children's Workforce Learning and Development Team", weight: 8, socialWork: false },
    ],
  },
  {
    key: 'placements-commissioning',
    name: 'Placements and Commissioning',
    description:
      "Placement finding, the resource panel and contracts with external fostering, residential and supported accommodation providers. Assumption: placement finding and children's commissioning transfer to the trust, while the sufficiency duty (section 22G Children Act 1989) and sign-off of the sufficiency strategy stay with the council.",
    disposition: 'VARIES',
    transferStatus: 'IN_PROGRESS',
    shadowOffsetDays: -31,
    goLiveOffsetDays: 0,
    teams: [
      { name: 'Placements and Resource Panel Team', weight: 14, socialWork: false },
      { name: "Children's Commissioning and Contracts Team", weight: 10, socialWork: false },
      { name: 'Supported Accommodation (16+) Commissioning Team', weight: 6, socialWork: false },
    ],
  },
  {
    key: 'emergency-duty',
    name: 'Emergency Duty Team (Out of Hours)',
    description:
      "Out-of-hours social work cover for children and adults. Assumption: the joint Emergency Duty Team stays with the council because it also covers adult social care, and the trust buys children's out-of-hours cover through a service level agreement; the published out-of-hours number does not change.",
    disposition: 'VARIES',
    transferStatus: 'RETAINED',
    shadowOffsetDays: null,
    goLiveOffsetDays: null,
    teams: [
      { name: "Emergency Duty Team (Children's Social Workers)", weight: 5, socialWork: true },
      { name: 'Emergency Duty Team Handover Coordinator', weight: 1, socialWork: false },
    ],
  },
  {
    key: 'performance-bi',
    name: 'Performance and Business Intelligence',
    description:
      "Children's performance reporting, data quality and case management system support. Assumption: the team transfers to the trust, while the council stays the statutory returning authority for the CIN census, SSDA903 and the social work workforce census and keeps a small client-side intelligence function.",
    disposition: 'VARIES',
    transferStatus: 'IN_PROGRESS',
    shadowOffsetDays: -45,
    goLiveOffsetDays: 0,
    teams: [
      { name: "Children's Performance and Business Intelligence Team", weight: 14, socialWork: false },
      { name: 'Case Management Systems Support and Data Quality Team', weight: 12, socialWork: false },
    ],
  },
  {
    key: 'school-improvement',
    name: 'School Improvement, Admissions and Attendance',
    description:
      'Education services, including school improvement, admissions, attendance and exclusions, stay with the council. Only the posts that liaise with the trust on safeguarding in education and children missing education are listed.',
    disposition: 'RETAINED_BY_COUNCIL',
    transferStatus: 'RETAINED',
    shadowOffsetDays: null,
    goLiveOffsetDays: null,
    teams: [
      { name: 'Safeguarding in Education Liaison', weight: 2, socialWork: false },
      { name: 'Attendance and Children Missing Education Liaison', weight: 2, socialWork: false },
    ],
  },
  {
    key: 'send',
    name: 'SEND and Educational Psychology',
    description:
      'Statutory SEND assessment, education, health and care plans, educational psychology and SEND transport stay with the council. The trust provides social care advice to EHC needs assessments under a joint protocol.',
    disposition: 'RETAINED_BY_COUNCIL',
    transferStatus: 'RETAINED',
    shadowOffsetDays: null,
    goLiveOffsetDays: null,
    teams: [
      { name: 'SEND Assessment and Social Care Advice Liaison', weight: 2, socialWork: false },
      { name: 'Educational Psychology Liaison', weight: 1, socialWork: false },
    ],
  },
  {
    key: 'virtual-school',
    name: 'Virtual School for Children in Care',
    description:
      "The virtual school head role (section 22(3B) Children Act 1989) stays with the council (assumption, as in Birmingham) and works with the trust's children in care teams on personal education plans.",
    disposition: 'RETAINED_BY_COUNCIL',
    transferStatus: 'RETAINED',
    shadowOffsetDays: null,
    goLiveOffsetDays: null,
    teams: [
      { name: 'Virtual School Head and Leadership', weight: 2, socialWork: false },
      { name: 'Personal Education Plan Coordinators', weight: 3, socialWork: false },
    ],
  },
  {
    key: 'early-years-public-health',
    name: 'Early Years and Public Health 0 to 19',
    description:
      'Early years and childcare sufficiency and the commissioned health visiting and school nursing services stay with the council; the family hubs that transfer to the trust host some of these services under agreement.',
    disposition: 'RETAINED_BY_COUNCIL',
    transferStatus: 'RETAINED',
    shadowOffsetDays: null,
    goLiveOffsetDays: null,
    teams: [
      { name: 'Public Health 0 to 19 Commissioning Liaison', weight: 1, socialWork: false },
      { name: 'Early Years and Childcare Sufficiency Liaison', weight: 1, socialWork: false },
    ],
  },
  {
    key: 'dcs-governance',
    name: "Director of Children's Services and Council Governance",
    description:
      "The statutory Director of Children's Services and Lead Member roles, the corporate parenting panel and scrutiny stay with the council, together with the intelligent client team that manages the service delivery contract with the trust.",
    disposition: 'RETAINED_BY_COUNCIL',
    transferStatus: 'RETAINED',
    shadowOffsetDays: null,
    goLiveOffsetDays: null,
    teams: [
      { name: "Office of the Director of Children's Services", weight: 3, socialWork: false },
      { name: 'Corporate Parenting and Scrutiny Support', weight: 2, socialWork: false },
      { name: 'Trust Contract Management (Intelligent Client) Team', weight: 4, socialWork: false },
    ],
  },
];
