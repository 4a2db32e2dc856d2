/**
 * The HR import's column layout: one row per post, filled or vacant; the
 * employee's columns are left blank for a vacant post. Each column has a
 * canonical header (the template's) and the spellings council exports use;
 * headers are matched ignoring case, spaces and punctuation. The template,
 * the documentation and the validation all come from this one list.
 */
import type { ContractType, PensionScheme } from '@handover/domain';

export type ColumnKey =
  | 'postNumber'
  | 'postTitle'
  | 'grade'
  | 'postFte'
  | 'costCentre'
  | 'team'
  | 'service'
  | 'payrollNumber'
  | 'firstName'
  | 'lastName'
  | 'dateOfBirth'
  | 'niNumber'
  | 'contractType'
  | 'startDate'
  | 'continuousServiceDate'
  | 'employeeFte'
  | 'salary'
  | 'pensionScheme'
  | 'pensionNumber';

export type ColumnKind = 'text' | 'date' | 'fte' | 'money' | 'contractType' | 'pensionScheme' | 'niNumber';

export interface Column {
  key: ColumnKey;
  /** The template's header. */
  header: string;
  /** Other spellings accepted (the canonical header is accepted too). */
  spellings: readonly string[];
  /** `post`: every row; `employee`: a filled post's row (blank for a vacant post). */
  part: 'post' | 'employee';
  /** Needed on every row of its part; an optional column may be blank or left out of the file. */
  required: boolean;
  kind: ColumnKind;
  /** Personal data: names, date of birth, NI number, salary, pension number (HR only). */
  personal: boolean;
  description: string;
  /** The template's example value. */
  example: string;
}

export const COLUMNS: readonly Column[] = [
  {
    key: 'postNumber',
    header: 'Post Number',
    spellings: ['Post No', 'Post Ref', 'Post Reference', 'Position Number', 'Position No', 'Post ID', 'Post'],
    part: 'post',
    required: true,
    kind: 'text',
    personal: false,
    description: 'The establishment post number; unique in the file. Posts are matched by it.',
    example: 'P99001',
  },
  {
    key: 'postTitle',
    header: 'Post Title',
    spellings: ['Job Title', 'Position Title', 'Title', 'Role', 'Job'],
    part: 'post',
    required: true,
    kind: 'text',
    personal: false,
    description: 'The title of the post.',
    example: 'Social Worker',
  },
  {
    key: 'grade',
    header: 'Grade',
    spellings: ['Pay Grade', 'Post Grade', 'Band', 'Pay Band'],
    part: 'post',
    required: true,
    kind: 'text',
    personal: false,
    description: 'The grade of the post, as the council writes it.',
    example: 'Grade 9',
  },
  {
    key: 'postFte',
    header: 'Post FTE',
    spellings: ['Post Full Time Equivalent', 'Established FTE', 'Budgeted FTE', 'Post Hours FTE'],
    part: 'post',
    required: true,
    kind: 'fte',
    personal: false,
    description: 'Full-time equivalent of the post: more than 0, at most 1 (up to 3 decimals).',
    example: '1',
  },
  {
    key: 'costCentre',
    header: 'Cost Centre',
    spellings: ['Cost Center', 'Cost Centre Code', 'Cost Code', 'CC'],
    part: 'post',
    required: true,
    kind: 'text',
    personal: false,
    description: 'Where the post is charged.',
    example: 'CS01234',
  },
  {
    key: 'team',
    header: 'Team',
    spellings: ['Team Name', 'Unit', 'Section'],
    part: 'post',
    required: true,
    kind: 'text',
    personal: false,
    description: 'A team of the service named in Service, as it is named in Handover.',
    example: 'Duty and Assessment Team Keighley',
  },
  {
    key: 'service',
    header: 'Service',
    spellings: ['Service Area', 'Service Name', 'Directorate Service', 'Service Key'],
    part: 'post',
    required: true,
    kind: 'text',
    personal: false,
    description: 'A service of the programme, by its name or its key in Handover.',
    example: 'Assessment and Duty',
  },
  {
    key: 'payrollNumber',
    header: 'Payroll Number',
    spellings: [
      'Payroll No',
      'Payroll Ref',
      'Employee Number',
      'Employee No',
      'Emp No',
      'Emp Number',
      'Staff Number',
      'Staff No',
      'Person Number',
    ],
    part: 'employee',
    required: true,
    kind: 'text',
    personal: false,
    description: 'The employee’s payroll number; unique in the file. Employees are matched by it.',
    example: 'BR999001',
  },
  {
    key: 'firstName',
    header: 'First Name',
    spellings: ['Forename', 'Forenames', 'Given Name', 'First Names', 'Known As'],
    part: 'employee',
    required: true,
    kind: 'text',
    personal: true,
    description: 'First name.',
    example: 'Amira',
  },
  {
    key: 'lastName',
    header: 'Last Name',
    spellings: ['Surname', 'Family Name', 'Last Names'],
    part: 'employee',
    required: true,
    kind: 'text',
    personal: true,
    description: 'Last name.',
    example: 'Hussain',
  },
  {
    key: 'dateOfBirth',
    header: 'Date of Birth',
    spellings: ['DOB', 'Birth Date'],
    part: 'employee',
    required: true,
    kind: 'date',
    personal: true,
    description: 'Date of birth: the employee is 16 to 80 years old on the transfer date.',
    example: '14/03/1985',
  },
  {
    key: 'niNumber',
    header: 'NI Number',
    spellings: ['NI No', 'National Insurance Number', 'National Insurance No', 'NI'],
    part: 'employee',
    required: true,
    kind: 'niNumber',
    personal: true,
    description:
      'National Insurance number: two letters, six digits, A to D (spaces allowed), e.g. AB 12 34 56 C.',
    example: 'AB123456C',
  },
  {
    key: 'contractType',
    header: 'Contract Type',
    spellings: ['Contract', 'Employment Type', 'Contract Status', 'Employment Status', 'Basis'],
    part: 'employee',
    required: true,
    kind: 'contractType',
    personal: false,
    description: 'Permanent, Fixed term, Casual, Sessional, Apprentice, Agency worker or Secondee (in).',
    example: 'Permanent',
  },
  {
    key: 'startDate',
    header: 'Start Date',
    spellings: ['Date Started', 'Employment Start Date', 'Start', 'Date Joined', 'Post Start Date'],
    part: 'employee',
    required: true,
    kind: 'date',
    personal: false,
    description: 'When they started with the council: not after the transfer date.',
    example: '01/09/2015',
  },
  {
    key: 'continuousServiceDate',
    header: 'Continuous Service Date',
    spellings: ['CSD', 'Continuous Service', 'Cont Service Date', 'Continuous Employment Date'],
    part: 'employee',
    required: false,
    kind: 'date',
    personal: false,
    description: 'Continuous service date: not after the start date. Blank means the start date.',
    example: '01/09/2012',
  },
  {
    key: 'employeeFte',
    header: 'Employee FTE',
    spellings: ['FTE', 'Contracted FTE', 'Employee Full Time Equivalent', 'Actual FTE', 'Person FTE'],
    part: 'employee',
    required: true,
    kind: 'fte',
    personal: false,
    description: 'The employee’s full-time equivalent: more than 0, at most 1, and not more than the post’s.',
    example: '1',
  },
  {
    key: 'salary',
    header: 'Salary',
    spellings: ['Annual Salary', 'Basic Salary', 'Actual Salary', 'Salary Pro Rata', 'Pay', 'Annual Pay'],
    part: 'employee',
    required: true,
    kind: 'money',
    personal: true,
    description: 'Annual salary in pounds, pro rata: a positive amount (£ and commas allowed).',
    example: '39850.00',
  },
  {
    key: 'pensionScheme',
    header: 'Pension Scheme',
    spellings: ['Pension', 'Pension Scheme Name', 'Scheme'],
    part: 'employee',
    required: true,
    kind: 'pensionScheme',
    personal: false,
    description: 'LGPS, TPS (teachers), NHS, None or Opted out.',
    example: 'LGPS',
  },
  {
    key: 'pensionNumber',
    header: 'Pension Number',
    spellings: ['Pension No', 'Pension Ref', 'Pension Member Number', 'Member Number', 'Pension Reference'],
    part: 'employee',
    required: false,
    kind: 'text',
    personal: true,
    description: 'The pension scheme member number, if any.',
    example: 'WYPF1234567',
  },
];

/** Case, spaces and punctuation ignored: "Payroll No." and "payroll-no" are the same header. */
export const normaliseHeader = (header: string): string =>
  header
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

const BY_SPELLING = new Map<string, Column>();
for (const c of COLUMNS) {
  for (const s of [c.header, ...c.spellings]) {
    const key = normaliseHeader(s);
    if (BY_SPELLING.has(key)) throw new Error(`HR import: the spelling "${s}" is given twice`);
    BY_SPELLING.set(key, c);
  }
}

/** The column a header names, if any. */
export const columnOfHeader = (header: string): Column | undefined =>
  BY_SPELLING.get(normaliseHeader(header));

export const columnByKey = (key: ColumnKey): Column => COLUMNS.find((c) => c.key === key)!;

const code = (value: string) => value.toUpperCase().replace(/[^A-Z0-9]/g, '');

const CONTRACT_SPELLINGS: Record<string, ContractType> = {};
const PENSION_SPELLINGS: Record<string, PensionScheme> = {};
const spell = <T extends string>(into: Record<string, T>, value: T, spellings: string[]) => {
  for (const s of [value, ...spellings]) into[code(s)] = value;
};
spell(CONTRACT_SPELLINGS, 'PERMANENT', ['Perm', 'Permanent contract', 'Established', 'Substantive']);
spell(CONTRACT_SPELLINGS, 'FIXED_TERM', [
  'Fixed term',
  'Fixed-term contract',
  'FTC',
  'Temporary',
  'Temp',
  'Fixed',
]);
spell(CONTRACT_SPELLINGS, 'CASUAL', ['Casual worker', 'Relief', 'Bank']);
spell(CONTRACT_SPELLINGS, 'SESSIONAL', ['Sessional worker']);
spell(CONTRACT_SPELLINGS, 'APPRENTICE', ['Apprenticeship']);
spell(CONTRACT_SPELLINGS, 'AGENCY_WORKER', ['Agency', 'Agency staff', 'Agency worker']);
spell(CONTRACT_SPELLINGS, 'SECONDEE_IN', [
  'Secondee',
  'Secondee in',
  'Seconded in',
  'Secondment in',
  'Secondment',
]);
spell(PENSION_SPELLINGS, 'LGPS', ['Local Government Pension Scheme', 'WYPF', 'West Yorkshire Pension Fund']);
spell(PENSION_SPELLINGS, 'TPS', ["Teachers' Pension Scheme", 'Teachers Pension', 'Teachers']);
spell(PENSION_SPELLINGS, 'NHS_PS', ['NHS', 'NHSPS', 'NHS Pension Scheme', 'NHS Pension']);
spell(PENSION_SPELLINGS, 'NONE', ['No scheme', 'Not eligible', 'Not a member', 'N/A', 'Nil']);
spell(PENSION_SPELLINGS, 'OPTED_OUT', ['Opted out', 'Opt out', 'Opted-out', 'Opt-out']);

export const contractTypeOf = (value: string): ContractType | undefined => CONTRACT_SPELLINGS[code(value)];
export const pensionSchemeOf = (value: string): PensionScheme | undefined => PENSION_SPELLINGS[code(value)];

/** Readable spellings of each value, as the template and the sample export write them. */
export const CONTRACT_LABELS: Record<ContractType, string> = {
  PERMANENT: 'Permanent',
  FIXED_TERM: 'Fixed term',
  CASUAL: 'Casual',
  SESSIONAL: 'Sessional',
  APPRENTICE: 'Apprentice',
  AGENCY_WORKER: 'Agency worker',
  SECONDEE_IN: 'Secondee in',
};
export const PENSION_LABELS: Record<PensionScheme, string> = {
  LGPS: 'LGPS',
  TPS: 'Teachers Pension',
  NHS_PS: 'NHS Pension',
  NONE: 'None',
  OPTED_OUT: 'Opted out',
};

/** Refused before anything is read. */
export const MAX_FILE_BYTES = 15 * 1024 * 1024;
/** Data rows (the header not counted). */
export const MAX_ROWS = 50_000;
/** The longest value a text column takes. */
export const MAX_TEXT_LENGTH = 200;

/** One CSV line, quoted where needed. */
export const csvLine = (values: readonly string[]) =>
  values.map((v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',');

/** The downloadable template: the canonical headers and one example row. */
export function templateCsv(): string {
  return `${csvLine(COLUMNS.map((c) => c.header))}\r\n${csvLine(COLUMNS.map((c) => c.example))}\r\n`;
}
