/**
 * A realistic sample of the council's HR export, drawn from what the
 * database holds for a programme (the demo's posts and employees): council
 * header spellings, DD/MM/YYYY dates, readable contract types and pension
 * schemes, and a few changes an import should pick up: a pay award for
 * some, and new starters in some vacant posts. For demos, operators and tests.
 */
import type { Database } from '@handover/db';
import type { Kysely } from 'kysely';
import { CONTRACT_LABELS, PENSION_LABELS, csvLine } from './columns.ts';

/** The headers as a council's payroll system spells them (each is an accepted spelling). */
export const SAMPLE_HEADERS = [
  'Post No',
  'Job Title',
  'Grade',
  'Post FTE',
  'Cost Center',
  'Team Name',
  'Service Area',
  'Emp No',
  'Forename',
  'Surname',
  'DOB',
  'NI No',
  'Contract',
  'Start Date',
  'CSD',
  'FTE',
  'Annual Salary',
  'Pension',
  'Pension No',
];

export interface SampleOptions {
  /** At most this many rows (posts), in post number order. */
  rows?: number;
  /** Add the changes (pay awards, new starters); without them the export matches the database. */
  changes?: boolean;
}

export interface Sample {
  csv: string;
  rows: number;
  salaryRises: number;
  newStarters: number;
}

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const money = (n: number) => n.toFixed(2);
const fte = (n: number) => String(Number(n.toFixed(3)));

const STARTER_FIRST = [
  'Aisha',
  'Ben',
  'Chloe',
  'Daniel',
  'Ella',
  'Faisal',
  'Grace',
  'Harry',
  'Imran',
  'Jess',
];
const STARTER_LAST = [
  'Akhtar',
  'Brook',
  'Clough',
  'Dawson',
  'Ellis',
  'Farooq',
  'Greenwood',
  'Holroyd',
  'Iqbal',
  'Jowett',
];

export async function sampleExport(
  db: Kysely<Database>,
  programmeId: string,
  options: SampleOptions = {},
): Promise<Sample> {
  const changes = options.changes ?? true;
  let q = db
    .selectFrom('post')
    .innerJoin('team', 'team.id', 'post.team_id')
    .innerJoin('service', 'service.id', 'team.service_id')
    .leftJoin('employee', 'employee.post_id', 'post.id')
    .select([
      'post.post_number',
      'post.title',
      'post.grade',
      'post.fte as post_fte',
      'post.cost_centre',
      'team.name as team',
      'service.name as service',
      'employee.payroll_number',
      'employee.first_name',
      'employee.last_name',
      'employee.date_of_birth',
      'employee.ni_number',
      'employee.contract_type',
      'employee.start_date',
      'employee.continuous_service_date',
      'employee.fte',
      'employee.salary',
      'employee.pension_scheme',
      'employee.pension_number',
    ])
    .where('post.programme_id', '=', programmeId)
    .orderBy('post.post_number')
    .orderBy('employee.payroll_number');
  if (options.rows !== undefined) q = q.limit(options.rows);
  const found = await q.execute();
  const lines = [csvLine(SAMPLE_HEADERS)];
  let salaryRises = 0;
  let newStarters = 0;
  let employees = 0;
  let vacancies = 0;
  const seen = new Set<string>();
  for (const r of found) {
    // One row per post: a second holder of a post (a job share) is left out.
    if (seen.has(r.post_number)) continue;
    seen.add(r.post_number);
    const post = [r.post_number, r.title, r.grade, fte(r.post_fte), r.cost_centre, r.team, r.service];
    if (r.payroll_number) {
      employees += 1;
      let salary = r.salary!;
      // A pay award for every 20th employee.
      if (changes && employees % 20 === 0) {
        salary = Math.round(salary * 1.03 * 100) / 100;
        salaryRises += 1;
      }
      lines.push(
        csvLine([
          ...post,
          r.payroll_number,
          r.first_name!,
          r.last_name!,
          dmy(r.date_of_birth!),
          // Payroll systems print NI numbers in pairs.
          r.ni_number!.replace(/^(..)(..)(..)(..)(.)$/, '$1 $2 $3 $4 $5'),
          CONTRACT_LABELS[r.contract_type!],
          dmy(r.start_date!),
          r.continuous_service_date === r.start_date ? '' : dmy(r.continuous_service_date!),
          fte(r.fte!),
          money(salary),
          PENSION_LABELS[r.pension_scheme!],
          r.pension_number ?? '',
        ]),
      );
      continue;
    }
    vacancies += 1;
    // A new starter in every 10th vacant post, at most five.
    if (changes && vacancies % 10 === 1 && newStarters < 5) {
      const n = newStarters++;
      lines.push(
        csvLine([
          ...post,
          `BR9${String(n + 1).padStart(5, '0')}`,
          STARTER_FIRST[n % STARTER_FIRST.length]!,
          STARTER_LAST[(n * 3) % STARTER_LAST.length]!,
          dmy(`${1985 + n}-0${(n % 9) + 1}-1${n}`),
          `JT 12 34 5${n} A`,
          'Permanent',
          '06/03/2023',
          '',
          fte(r.post_fte),
          money(Math.round(31_000 * r.post_fte * 100) / 100),
          'LGPS',
          '',
        ]),
      );
      continue;
    }
    lines.push(csvLine([...post, '', '', '', '', '', '', '', '', '', '', '', '']));
  }
  return { csv: `${lines.join('\r\n')}\r\n`, rows: lines.length - 1, salaryRises, newStarters };
}
