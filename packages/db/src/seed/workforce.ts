/**
 * The invented workforce: posts for every team, shared out by weight, and an
 * employee in most of them. Figures follow DOMAIN.md 4.3 and 8: about 1,700
 * posts and about 1,500 staff, with vacancies concentrated in social work.
 */
import type { ContractType, PensionScheme, TupeStatus, AssignmentDecision } from '@handover/domain';
import { addCalendarDays } from '@handover/domain';
import type { Insertable } from 'kysely';
import type { EmployeeTable, PostTable } from '../schema.ts';
import type { SeedService } from './data/types.ts';
import { FIRST_NAMES, LAST_NAMES } from './names.ts';
import type { SeededRandom } from './random.ts';

export const TARGET_POSTS = 1700;
/** The snapshot the demo's statuses describe: six weeks before go-live. */
export const SNAPSHOT_DATE = '2023-02-15';

interface Grade {
  grade: string;
  salary: [number, number];
}
const GRADES: Record<string, Grade> = {
  '4': { grade: 'Grade 4', salary: [21_500, 23_500] },
  '5': { grade: 'Grade 5', salary: [23_900, 26_400] },
  '6': { grade: 'Grade 6', salary: [26_800, 29_400] },
  '7': { grade: 'Grade 7', salary: [30_000, 33_800] },
  '8': { grade: 'Grade 8', salary: [34_700, 38_300] },
  '9': { grade: 'Grade 9', salary: [39_200, 42_800] },
  '10': { grade: 'Grade 10', salary: [43_700, 47_400] },
  '11': { grade: 'Grade 11', salary: [48_400, 53_100] },
  '12': { grade: 'Grade 12', salary: [54_400, 60_300] },
};

type Role = readonly [title: string, gradeKey: string, weight: number];
const SOCIAL_WORK_ROLES: readonly Role[] = [
  ['Social Worker', '9', 40],
  ['Senior Social Worker', '10', 16],
  ['Advanced Practitioner', '11', 6],
  ['Team Manager', '12', 4],
  ['Assistant Team Manager', '11', 5],
  ['Family Support Worker', '6', 14],
  ['Business Support Officer', '5', 9],
  ['Newly Qualified Social Worker (ASYE)', '8', 6],
];
const OTHER_ROLES: readonly Role[] = [
  ['Practitioner', '7', 30],
  ['Senior Practitioner', '8', 14],
  ['Team Leader', '10', 5],
  ['Service Manager', '12', 2],
  ['Support Worker', '5', 20],
  ['Business Support Officer', '5', 12],
  ['Officer', '7', 10],
  ['Apprentice', '4', 2],
];
const RESIDENTIAL_ROLES: readonly Role[] = [
  ['Residential Child Care Worker', '6', 60],
  ['Senior Residential Child Care Worker', '7', 20],
  ['Deputy Home Manager', '9', 6],
  ['Registered Home Manager', '11', 4],
  ['Domestic Assistant', '4', 8],
  ['Cook', '4', 4],
];

const NI_PREFIXES = [
  'AB',
  'CE',
  'EH',
  'HJ',
  'JK',
  'KL',
  'LM',
  'MP',
  'NR',
  'PR',
  'RS',
  'SW',
  'TW',
  'WX',
  'YZ',
];

export interface WorkforceTeam {
  id: string;
  serviceKey: string;
  serviceIndex: number;
  name: string;
  weight: number;
  socialWork: boolean;
}

export interface Workforce {
  posts: Insertable<PostTable>[];
  employees: Insertable<EmployeeTable>[];
}

function tupeFor(
  service: SeedService,
  rng: SeededRandom,
): { status: TupeStatus; decision: AssignmentDecision | null } {
  const transfers = service.transferStatus !== 'RETAINED';
  if (!transfers) return { status: 'OUT_OF_SCOPE_NOT_ASSIGNED', decision: 'NOT_ASSIGNED' };
  const status = rng.weighted<TupeStatus>([
    ['IN_SCOPE_ASSIGNED', 940],
    ['IN_SCOPE_DISPUTED', 20],
    ['OBJECTED', 5],
    ['REDEPLOYED_PRE_TRANSFER', 5],
    ['SECONDED', 10],
    ['LEAVER_BEFORE_TRANSFER', 20],
  ]);
  const decision: AssignmentDecision =
    status === 'IN_SCOPE_DISPUTED'
      ? 'DISPUTED'
      : status === 'REDEPLOYED_PRE_TRANSFER'
        ? 'NOT_ASSIGNED'
        : 'ASSIGNED';
  return { status, decision };
}

function rationaleFor(
  decision: AssignmentDecision | null,
  service: SeedService,
  share: number,
): string | null {
  switch (decision) {
    case 'ASSIGNED':
      return `Works ${share}% of their time in ${service.name}; post charged to a transferring cost centre.`;
    case 'NOT_ASSIGNED':
      return `Post sits in ${service.name}, which the council retains; under ${share}% of time on transferring work.`;
    case 'DISPUTED':
      return `Splits time between ${service.name} and retained work (${share}% transferring); employee disputes assignment.`;
    default:
      return null;
  }
}

/** Builds posts for every team and the people in them. */
export function buildWorkforce(
  rng: SeededRandom,
  programmeId: string,
  services: readonly SeedService[],
  teams: readonly WorkforceTeam[],
): Workforce {
  const totalWeight = teams.reduce((s, t) => s + t.weight, 0);
  const posts: Insertable<PostTable>[] = [];
  const employees: Insertable<EmployeeTable>[] = [];
  let postSeq = 10_000;
  let payrollSeq = 300_000;

  for (const team of teams) {
    const service = services[team.serviceIndex]!;
    const count = Math.max(1, Math.round((team.weight / totalWeight) * TARGET_POSTS));
    const residential = service.key === 'residential';
    const roles = residential ? RESIDENTIAL_ROLES : team.socialWork ? SOCIAL_WORK_ROLES : OTHER_ROLES;
    const costCentre = `CS${String(team.serviceIndex + 1).padStart(2, '0')}${String(rng.int(100, 999))}`;
    // Social work is where Bradford's vacancies sat (DOMAIN.md 4.3: 124 vacancies covered by agency staff).
    const vacancyRate = team.socialWork ? 0.17 : 0.06;

    for (let i = 0; i < count; i++) {
      const [title, gradeKey] = rng.weighted(roles.map((r) => [[r[0], r[1]] as const, r[2]] as const));
      const grade = GRADES[gradeKey]!;
      const postId = rng.uuid();
      const fte = rng.weighted([
        [1, 80],
        [0.8, 8],
        [0.6, 6],
        [0.5, 6],
      ]);
      const vacant = rng.chance(vacancyRate);
      posts.push({
        id: postId,
        programme_id: programmeId,
        team_id: team.id,
        post_number: `P${++postSeq}`,
        title,
        grade: grade.grade,
        fte,
        cost_centre: costCentre,
        vacant,
      });
      if (vacant) continue;

      const first = rng.pick(FIRST_NAMES);
      const last = rng.pick(LAST_NAMES);
      const age = rng.int(19, 66);
      const dob = addCalendarDays(`${2023 - age}-01-01`, rng.int(0, 364));
      const startYear = Math.max(2023 - age + 18, rng.int(1988, 2022));
      const startDate = addCalendarDays(`${Math.min(startYear, 2022)}-01-01`, rng.int(0, 364));
      const continuous =
        age > 30 && rng.chance(0.25) ? addCalendarDays(startDate, -rng.int(200, 3000)) : startDate;
      const contractType = rng.weighted<ContractType>([
        ['PERMANENT', 880],
        ['FIXED_TERM', 70],
        ['SESSIONAL', 15],
        ['CASUAL', 10],
        ['APPRENTICE', title === 'Apprentice' ? 1000 : 10],
        ['SECONDEE_IN', 15],
      ]);
      const pension = rng.weighted<PensionScheme>([
        ['LGPS', 900],
        ['OPTED_OUT', 60],
        ['NONE', 20],
        ['TPS', service.key === 'virtual-school' || service.key === 'school-improvement' ? 400 : 5],
        ['NHS_PS', contractType === 'SECONDEE_IN' ? 300 : 3],
      ]);
      const [minPay, maxPay] = grade.salary;
      const salary = Math.round((minPay + rng.next() * (maxPay - minPay)) * fte * 100) / 100;
      const { status, decision } = tupeFor(service, rng);
      const share =
        decision === 'NOT_ASSIGNED'
          ? rng.int(0, 40)
          : decision === 'DISPUTED'
            ? rng.int(40, 60)
            : rng.int(70, 100);
      employees.push({
        id: rng.uuid(),
        programme_id: programmeId,
        post_id: postId,
        payroll_number: `BR${++payrollSeq}`,
        first_name: first,
        last_name: last,
        date_of_birth: dob,
        ni_number: `${rng.pick(NI_PREFIXES)}${String(rng.int(0, 999_999)).padStart(6, '0')}${rng.pick(['A', 'B', 'C', 'D'])}`,
        contract_type: contractType,
        start_date: startDate,
        continuous_service_date: continuous,
        fte,
        salary,
        pension_scheme: pension,
        pension_number: pension === 'LGPS' ? `WYPF${String(rng.int(1_000_000, 9_999_999))}` : null,
        tupe_status: status,
        assignment_decision: decision,
        assignment_rationale: rationaleFor(decision, service, share),
        // The dates behind the statuses (fixed days: no draw on the random sequence).
        objection_received_on: status === 'OBJECTED' ? '2023-02-06' : null,
        redeployed_on: status === 'REDEPLOYED_PRE_TRANSFER' ? '2023-01-30' : null,
        redeployment_note:
          status === 'REDEPLOYED_PRE_TRANSFER' ? 'Redeployed to a post in a retained council service.' : null,
        left_on: status === 'LEAVER_BEFORE_TRANSFER' ? '2023-01-31' : null,
      });
    }
  }
  return { posts, employees };
}
