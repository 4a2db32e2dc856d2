/**
 * The TUPE paperwork as it stood on 15 February 2023 (invented, Bradford-flavoured):
 * the measures each side envisaged, two consultation meetings with the unions, and
 * the pension admission agreement with the West Yorkshire Pension Fund, agreed in
 * principle but not yet signed. No ELI package has been sent yet, and no letters.
 * Attendees are recorded by role and organisation, never as named staff.
 */
import type { AdmissionType, MeasureParty } from '@handover/domain';

export const measures: readonly {
  description: string;
  envisagedBy: MeasureParty;
  groupsAffected: string[];
  consultationRequired: boolean;
  notifiedOn: string | null;
}[] = [
  {
    description:
      'Payroll continues to be run by the council under a service level agreement; pay date unchanged.',
    envisagedBy: 'TRANSFEROR',
    groupsAffected: ['All transferring staff'],
    consultationRequired: false,
    notifiedOn: '2023-01-11',
  },
  {
    description:
      'New trust email addresses and ICT accounts from day one; council accounts closed after 90 days.',
    envisagedBy: 'TRANSFEREE',
    groupsAffected: ['All transferring staff'],
    consultationRequired: true,
    notifiedOn: '2023-01-27',
  },
  {
    description:
      "Trust HR policies adopted on day one, mirroring the council's, then reviewed with the unions.",
    envisagedBy: 'TRANSFEREE',
    groupsAffected: ['All transferring staff'],
    consultationRequired: true,
    notifiedOn: '2023-01-27',
  },
  {
    description:
      'Business support for the front door moves to a single trust team at Sir Henry Mitchell House.',
    envisagedBy: 'TRANSFEREE',
    groupsAffected: ['Business support', 'Integrated Front Door'],
    consultationRequired: true,
    notifiedOn: '2023-02-03',
  },
];

export const meetings: readonly {
  heldOn: string;
  unions: string[];
  otherUnion: string | null;
  attendees: string[];
  issuesRaised: string[];
  minutesUrl: string | null;
}[] = [
  {
    heldOn: '2023-01-30',
    unions: ['UNISON', 'GMB', 'UNITE'],
    otherUnion: null,
    attendees: [
      'UNISON branch secretary',
      'GMB regional organiser',
      'Unite convenor',
      'Council HR lead (TUPE)',
      'Trust interim HR director',
    ],
    issuesRaised: [
      'Protection of the social worker market supplement after transfer',
      'Facility time for union representatives in the trust',
    ],
    minutesUrl: 'https://intranet.example/tupe/consultation/2023-01-30-minutes.pdf',
  },
  {
    heldOn: '2023-02-13',
    unions: ['UNISON', 'GMB'],
    otherUnion: null,
    attendees: ['UNISON branch secretary', 'GMB regional organiser', 'Council HR lead (TUPE)'],
    issuesRaised: ['Timing of the measures letters', 'Pension: continued LGPS membership confirmed?'],
    minutesUrl: null,
  },
];

export const admissionAgreement: {
  fundName: string;
  admission: AdmissionType;
  guarantor: string;
  employerRate: number;
  passThrough: boolean;
  bondNote: string;
  signedOn: string | null;
} = {
  fundName: 'West Yorkshire Pension Fund',
  admission: 'CLOSED',
  guarantor: 'City of Bradford Metropolitan District Council',
  employerRate: 17.5,
  passThrough: true,
  bondNote: 'Council guarantee in place of a bond; actuarial risk assessment received January 2023.',
  signedOn: null,
};
