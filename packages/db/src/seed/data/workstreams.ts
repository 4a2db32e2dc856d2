import type { SeedWorkstream } from './types.ts';

/** The seventeen workstreams of the transfer programme, in WORKSTREAM_CODES order (DOMAIN.md section 3). */
export const workstreams: SeedWorkstream[] = [
  {
    code: 'PROGRAMME_GOVERNANCE',
    name: 'Programme governance',
    description:
      'Programme board, PMO, integrated plan, RAID and decision logs, the gateway review and the go/no-go decision. Keeps the technical critical path to 1 April 2023 under control and reports to DfE and the commissioners.',
    leadOrganisationKey: 'bradford-council',
  },
  {
    code: 'HR_TUPE',
    name: 'HR and TUPE',
    description:
      'Assignment of staff to the transferring services, employee liability information, collective consultation with UNISON, GMB and Unite, and setting the trust up as a new employer (PAYE, payroll, policies, DBS).',
    leadOrganisationKey: 'bradford-council',
  },
  {
    code: 'PENSIONS',
    name: 'Pensions',
    description:
      "Keeping transferring staff in the LGPS: the trust's admission to the West Yorkshire Pension Fund, actuarial risk assessment, employer contribution rate, council guarantee and a signed admission agreement before go-live.",
    leadOrganisationKey: 'bradford-council',
  },
  {
    code: 'FINANCE',
    name: 'Finance',
    description:
      'Year-1 contract sum and demand model, payment profile and working capital, bank accounts, ledger and purchase-to-pay, foster carer and placement payments, and the VAT and corporation tax position.',
    leadOrganisationKey: 'bradford-council',
  },
  {
    code: 'LEGAL_GOVERNANCE',
    name: 'Legal and governance',
    description:
      "Incorporation of the trust as a community interest company, articles and members' agreement, board appointments, the service delivery contract and its schedules, and court work arrangements.",
    leadOrganisationKey: 'bradford-council',
  },
  {
    code: 'ICT_DATA',
    name: 'ICT and data',
    description:
      "Trust staff access to the council's Liquidlogic case management system, accounts and email, front-door and out-of-hours telephony, CP-IS, and reconciliation of case records at cutover.",
    leadOrganisationKey: 'bradford-council',
  },
  {
    code: 'INFORMATION_GOVERNANCE',
    name: 'Information governance',
    description:
      'ICO registration, DPO, SIRO and Caldicott Guardian, controller and processor analysis, DPIAs, data processing and sharing agreements, privacy notices and the retention schedule.',
    leadOrganisationKey: 'bcft',
  },
  {
    code: 'OFSTED_REGULATION',
    name: 'Ofsted registration',
    description:
      "Registration of regulated services in the trust's own name: the provider, each children's home and short-break home, and the fostering service as an independent fostering agency, with interim arrangements where registration is late.",
    leadOrganisationKey: 'bcft',
  },
  {
    code: 'PROPERTY_ASSETS',
    name: 'Property and assets',
    description:
      "Leases and licences for offices, family hubs, contact centres and children's homes, facilities management, and the asset transfer agreement for equipment and vehicles.",
    leadOrganisationKey: 'bradford-council',
  },
  {
    code: 'CONTRACTS_COMMISSIONING',
    name: 'Contracts and commissioning',
    description:
      'Inventory of third-party contracts used by the transferring services and the action for each: novation of placement, supported accommodation and family support contracts, framework access and agency supply.',
    leadOrganisationKey: 'bradford-council',
  },
  {
    code: 'SUPPORT_SERVICES_SLA',
    name: 'Support services (SLAs)',
    description:
      'Support services the trust buys back from the council (HR, payroll, finance, ICT, legal, audit, facilities) and the interfaces with services the council keeps, brought together as the support services schedule to the contract.',
    leadOrganisationKey: 'bcft',
  },
  {
    code: 'COMMUNICATIONS_ENGAGEMENT',
    name: 'Communications and engagement',
    description:
      'Communications with staff, children in care and care leavers, foster carers, partners, members and the media, and the new trust brand. The message is that nothing big changes overnight for children and families.',
    leadOrganisationKey: 'bcft',
  },
  {
    code: 'INSURANCE',
    name: 'Insurance',
    description:
      "Employers' liability, public liability, professional indemnity, directors' and officers', motor, property and cyber cover for the trust from go-live, with historic claims staying with the council's insurers.",
    leadOrganisationKey: 'bcft',
  },
  {
    code: 'HEALTH_SAFETY',
    name: 'Health and safety',
    description:
      "Health and safety policy and competent person for the new employer, lone working, fire and environmental risk assessments for children's homes and offices, and RIDDOR and incident reporting.",
    leadOrganisationKey: 'bcft',
  },
  {
    code: 'STATUTORY_ROLES',
    name: 'Statutory roles',
    description:
      'Which organisation holds each statutory and regulatory role: the DCS and Lead Member stay with the council, IROs cannot be delegated, and the trust needs a Principal Social Worker, agency decision maker, Responsible Individual and registered managers.',
    leadOrganisationKey: 'bradford-council',
  },
  {
    code: 'SAFEGUARDING_PARTNERSHIP',
    name: 'Safeguarding partnership',
    description:
      'Bringing the trust into the multi-agency safeguarding arrangements of the council, the ICB and West Yorkshire Police: the published arrangements, the front-door protocol, data sharing and escalation.',
    leadOrganisationKey: 'bradford-council',
  },
  {
    code: 'PRACTICE_CONTINUITY',
    name: 'Practice continuity',
    description:
      "Keeping children's cases, court work and placements safe through cutover: every child allocated, visits, conferences and reviews on schedule, and no child moving placement because of the transfer.",
    leadOrganisationKey: 'bcft',
  },
];
