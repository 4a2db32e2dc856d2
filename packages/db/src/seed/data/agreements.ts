import type { SeedAgreement, SeedContactRoute } from './types.ts';

/**
 * Data sharing agreements of the Bradford transfer. Invented for the demo:
 * the kinds of agreement are those a children's services transfer needs
 * (DOMAIN.md 3.6), but the references, dates and wording are not the real
 * agreements of Bradford and its partners.
 */
export const agreements: SeedAgreement[] = [
  {
    ref: 'DSA-001',
    title: 'Multi-agency safeguarding children data sharing agreement (tier 1)',
    purpose:
      'Sharing information to protect children from harm: contacts and referrals to the Integrated Front Door, ' +
      'strategy discussions and section 47 enquiries, with the trust named as a party from go-live.',
    lawfulBasis: 'PUBLIC_TASK',
    specialCategoryCondition: 'SUBSTANTIAL_PUBLIC_INTEREST',
    legalGateway: 'Children Act 1989 ss.17 and 47; Children Act 2004 ss.10 and 11; DPA 2018 Sch.1 para 18',
    datasets: ['Contacts and referrals', 'Strategy discussion records', 'Section 47 enquiry outcomes'],
    startDate: '2023-04-01',
    reviewDate: '2024-03-31',
    endDate: null,
    partyKeys: ['bcft', 'bradford-council', 'wy-police', 'wy-icb', 'bdct'],
  },
  {
    ref: 'DSA-002',
    title: 'Council and trust: records and systems during and after the transfer',
    purpose:
      'The council as controller of historic case records and the trust as controller of records from go-live; ' +
      'shared use of the case management system under the support services agreement.',
    lawfulBasis: 'PUBLIC_TASK',
    specialCategoryCondition: 'HEALTH_SOCIAL_CARE',
    legalGateway: 'Education Act 1996 s.497A direction; Children Act 1989',
    datasets: ['Case records', 'Case management system audit logs', 'Employee liability information'],
    startDate: '2022-10-01',
    reviewDate: '2023-09-30',
    endDate: null,
    partyKeys: ['bradford-council', 'bcft'],
  },
  {
    ref: 'DSA-003',
    title: 'Police protection notifications to the council front door (legacy)',
    purpose:
      'Notifications by West Yorkshire Police of children taken into police protection, sent to the council ' +
      'front door. Replaced by DSA-001 at go-live.',
    lawfulBasis: 'PUBLIC_TASK',
    specialCategoryCondition: 'SUBSTANTIAL_PUBLIC_INTEREST',
    legalGateway: 'Children Act 1989 s.46',
    datasets: ['Police protection notifications'],
    startDate: '2019-04-01',
    reviewDate: '2023-03-31',
    endDate: '2023-03-31',
    partyKeys: ['bradford-council', 'wy-police'],
  },
  {
    ref: 'DSA-004',
    title: 'Child Protection – Information Sharing (CP-IS) with NHS unscheduled care',
    purpose:
      'Flags for children on child protection plans and children in care shown to NHS unscheduled-care settings, ' +
      'with the trust as the responsible local authority organisation from go-live.',
    lawfulBasis: 'PUBLIC_TASK',
    specialCategoryCondition: 'HEALTH_SOCIAL_CARE',
    legalGateway: 'Children Act 2004 s.11; Health and Social Care Act 2012 s.251B',
    datasets: ['Child protection plan flags', 'Children in care flags'],
    startDate: '2023-04-01',
    reviewDate: '2024-04-01',
    endDate: null,
    partyKeys: ['bcft', 'wy-icb', 'bdct'],
  },
  {
    ref: 'DSA-005',
    title: 'Domestic abuse notifications to schools (Operation Encompass)',
    purpose:
      'Police notifications to a school’s key adult before the next school day when a pupil was present at a ' +
      'domestic abuse incident, with the front door copied.',
    lawfulBasis: 'PUBLIC_TASK',
    specialCategoryCondition: 'SUBSTANTIAL_PUBLIC_INTEREST',
    legalGateway: 'Children Act 2004 s.10; Domestic Abuse Act 2021',
    datasets: ['Domestic abuse incident notifications'],
    startDate: '2023-04-01',
    reviewDate: '2024-03-31',
    endDate: null,
    partyKeys: ['wy-police', 'bcft', 'bradford-council'],
  },
  {
    ref: 'DSA-006',
    title: "Performance information for the DfE and the Children's Services Commissioner",
    purpose:
      'Aggregate performance and workforce figures (no child-level or staff-level records) for oversight of ' +
      'the statutory direction.',
    lawfulBasis: 'PUBLIC_TASK',
    specialCategoryCondition: null,
    legalGateway: 'Education Act 1996 s.497A direction',
    datasets: ['Monthly performance scorecard', 'Workforce and agency figures', 'Readiness reports'],
    startDate: '2022-02-09',
    reviewDate: '2023-02-09',
    endDate: null,
    partyKeys: ['dfe', 'commissioner-office', 'bradford-council', 'bcft'],
  },
];

/**
 * Front-door contact routes. The numbers are from Ofcom's range for drama
 * (01632 960xxx) and the addresses use `.example` domains: none is real.
 * As the demo plans it, the phone numbers stay the same at go-live and the
 * referral addresses move to the trust.
 */
export const contactRoutes: SeedContactRoute[] = [
  {
    serviceKey: 'front-door',
    organisationKey: 'bradford-council',
    audience: 'PROFESSIONALS',
    channel: 'PHONE',
    label: 'Integrated Front Door professionals line',
    value: '01632 960001',
    hours: 'Monday to Thursday 8.30am to 5pm, Friday 8.30am to 4.30pm',
    fromDate: null,
    toDate: '2023-03-31',
  },
  {
    serviceKey: 'front-door',
    organisationKey: 'bcft',
    audience: 'PROFESSIONALS',
    channel: 'PHONE',
    label: 'Integrated Front Door professionals line',
    value: '01632 960001',
    hours: 'Monday to Thursday 8.30am to 5pm, Friday 8.30am to 4.30pm',
    fromDate: '2023-04-01',
    toDate: null,
  },
  {
    serviceKey: 'front-door',
    organisationKey: 'bradford-council',
    audience: 'PUBLIC',
    channel: 'PHONE',
    label: 'Worried about a child',
    value: '01632 960002',
    hours: 'Monday to Thursday 8.30am to 5pm, Friday 8.30am to 4.30pm',
    fromDate: null,
    toDate: '2023-03-31',
  },
  {
    serviceKey: 'front-door',
    organisationKey: 'bcft',
    audience: 'PUBLIC',
    channel: 'PHONE',
    label: 'Worried about a child',
    value: '01632 960002',
    hours: 'Monday to Thursday 8.30am to 5pm, Friday 8.30am to 4.30pm',
    fromDate: '2023-04-01',
    toDate: null,
  },
  {
    serviceKey: 'front-door',
    organisationKey: 'bradford-council',
    audience: 'PROFESSIONALS',
    channel: 'EMAIL',
    label: 'Referrals by secure email',
    value: 'ifd.referrals@bradford-council.example',
    hours: 'Read during opening hours; phone if a child is at immediate risk',
    fromDate: null,
    toDate: '2023-03-31',
  },
  {
    serviceKey: 'front-door',
    organisationKey: 'bcft',
    audience: 'PROFESSIONALS',
    channel: 'EMAIL',
    label: 'Referrals by secure email',
    value: 'front.door@bcft.example',
    hours: 'Read during opening hours; phone if a child is at immediate risk',
    fromDate: '2023-04-01',
    toDate: null,
  },
  {
    serviceKey: 'front-door',
    organisationKey: 'bradford-council',
    audience: 'PROFESSIONALS',
    channel: 'PORTAL',
    label: 'Multi-agency referral form',
    value: 'https://bradford-council.example/children/refer',
    hours: 'Any time; triaged during opening hours',
    fromDate: null,
    toDate: '2023-03-31',
  },
  {
    serviceKey: 'front-door',
    organisationKey: 'bcft',
    audience: 'PROFESSIONALS',
    channel: 'PORTAL',
    label: 'Multi-agency referral form',
    value: 'https://bcft.example/refer',
    hours: 'Any time; triaged during opening hours',
    fromDate: '2023-04-01',
    toDate: null,
  },
  {
    serviceKey: 'emergency-duty',
    organisationKey: 'bradford-council',
    audience: 'OUT_OF_HOURS',
    channel: 'PHONE',
    label: 'Emergency Duty Team',
    value: '01632 960099',
    hours: 'Monday to Thursday 5pm to 8.30am, Friday 4.30pm to Monday 8.30am, and bank holidays',
    fromDate: null,
    toDate: null,
  },
  {
    serviceKey: 'lado',
    organisationKey: 'bradford-council',
    audience: 'PROFESSIONALS',
    channel: 'EMAIL',
    label: 'Local authority designated officer (allegations against adults who work with children)',
    value: 'lado@bradford-council.example',
    hours: 'Monday to Friday 9am to 5pm',
    fromDate: null,
    toDate: '2023-03-31',
  },
  {
    serviceKey: 'lado',
    organisationKey: 'bcft',
    audience: 'PROFESSIONALS',
    channel: 'EMAIL',
    label: 'Local authority designated officer (allegations against adults who work with children)',
    value: 'lado@bcft.example',
    hours: 'Monday to Friday 9am to 5pm',
    fromDate: '2023-04-01',
    toDate: null,
  },
];
