/**
 * The invented workforce: posts for every team, shared out by weight, and a
 * person in most of them. Figures follow DOMAIN.md 4.3 and 8, and agree with
 * each other (seed-consistency test in seed.test.ts):
 * - about 1,500 of the council's employees transfer (within 5%);
 * - about 450 posts need a registered social worker, and agency workers cover
 *   40-46% of them (Bradford, Feb 2023: 46%, 211 agency social workers). Each
 *   agency worker is recorded in the post they cover, a post with no council
 *   employee, so agency cover never exceeds the vacancies it fills; a few more
 *   registered posts are empty;
 * - agency workers and secondees in are not the council's employees: never
 *   assigned (NOT_ASSIGNED, with why), so they never transfer.
 */
import type { ContractType, PensionScheme, TupeStatus, AssignmentDecision } from '@handover/domain';
import { addCalendarDays, isCouncilEmployee } from '@handover/domain';
import type { Insertable } from 'kysely';
import type { EmployeeTable, PostTable } from '../schema.ts';
import type { SeedService } from './data/types.ts';
import { FIRST_NAMES, LAST_NAMES } from './names.ts';
import type { SeededRandom } from './random.ts';

export const TARGET_POSTS = 2000;
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
  ['Social Worker', '9', 24],
  ['Senior Social Worker', '10', 10],
  ['Advanced Practitioner', '11', 3],
  ['Team Manager', '12', 3],
  ['Assistant Team Manager', '11', 3],
  ['Family Support Worker', '6', 24],
  ['Social Work Assistant', '6', 14],
  ['Business Support Officer', '5', 15],
  ['Newly Qualified Social Worker (ASYE)', '8', 4],
];

/** Posts that need a registered social worker (Social Work England): where agency cover sits. */
export const REGISTERED_SOCIAL_WORK_TITLES: readonly string[] = [
  'Social Worker',
  'Senior Social Worker',
  'Advanced Practitioner',
  'Team Manager',
  'Assistant Team Manager',
  'Newly Qualified Social Worker (ASYE)',
];

/** Who holds a registered social-work post: agency cover, nobody, or a council employee (per 100). */
const SOCIAL_WORK_COVER = [
  ['AGENCY', 44],
  ['EMPTY', 7],
  ['COUNCIL', 49],
] as const;
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
  /** The figures the demo's text quotes (the agency risk), from the rows themselves. */
  figures: WorkforceFigures;
}

export interface WorkforceFigures {
  /** Posts needing a registered social worker. */
  registeredSocialWorkPosts: number;
  /** Agency social workers, one in each post they cover. */
  agencySocialWorkers: number;
  /** Agency cover as a whole per cent of registered social-work posts. */
  agencySharePercent: number;
}

/** Put the workforce's figures into demo text: {agencyShare} → "44%", {agencyWorkers} → "203". */
export const withWorkforceFigures = (text: string, f: WorkforceFigures): string =>
  text
    .replaceAll('{agencyShare}', `${f.agencySharePercent}%`)
    .replaceAll('{agencyWorkers}', f.agencySocialWorkers.toLocaleString('en-GB'))
    .replaceAll('{registeredPosts}', f.registeredSocialWorkPosts.toLocaleString('en-GB'));

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

const NOT_EMPLOYEE_RATIONALE: Partial<Record<ContractType, string>> = {
  AGENCY_WORKER:
    'Agency worker covering a vacant post: employed by their agency, not the council, so not assigned; the agency arrangement is re-let in the trust’s name.',
  SECONDEE_IN:
    'Seconded in: stays employed by their home organisation, so not assigned; the secondment is agreed again with the trust.',
};

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
  let agencySeq = 7_000;
  let registeredPosts = 0;
  let agencyWorkers = 0;

  for (const team of teams) {
    const service = services[team.serviceIndex]!;
    const count = Math.max(1, Math.round((team.weight / totalWeight) * TARGET_POSTS));
    const residential = service.key === 'residential';
    const roles = residential ? RESIDENTIAL_ROLES : team.socialWork ? SOCIAL_WORK_ROLES : OTHER_ROLES;
    const costCentre = `CS${String(team.serviceIndex + 1).padStart(2, '0')}${String(rng.int(100, 999))}`;
    // Registered social work is where Bradford's vacancies and agency cover sat (DOMAIN.md 4.3).
    const vacancyRate = team.socialWork ? 0.08 : 0.06;

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
      const registered = team.socialWork && !residential && REGISTERED_SOCIAL_WORK_TITLES.includes(title);
      const cover = registered
        ? rng.weighted(SOCIAL_WORK_COVER.map(([c, w]) => [c, w] as const))
        : rng.chance(vacancyRate)
          ? 'EMPTY'
          : 'COUNCIL';
      const vacant = cover === 'EMPTY';
      const agency = cover === 'AGENCY';
      if (registered) registeredPosts += 1;
      if (agency) agencyWorkers += 1;
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
      const startYear = agency ? 2022 : Math.max(2023 - age + 18, rng.int(1988, 2022));
      const startDate = addCalendarDays(`${Math.min(startYear, 2022)}-01-01`, rng.int(0, 364));
      const continuous =
        age > 30 && rng.chance(0.25) ? addCalendarDays(startDate, -rng.int(200, 3000)) : startDate;
      const contractType: ContractType = agency
        ? 'AGENCY_WORKER'
        : rng.weighted<ContractType>([
            ['PERMANENT', 880],
            ['FIXED_TERM', 70],
            ['SESSIONAL', 15],
            ['CASUAL', 10],
            ['APPRENTICE', title === 'Apprentice' ? 1000 : 10],
            ['SECONDEE_IN', 15],
          ]);
      const employee = isCouncilEmployee(contractType);
      const pension: PensionScheme = !employee
        ? contractType === 'SECONDEE_IN' && rng.chance(0.6)
          ? 'NHS_PS'
          : 'NONE'
        : rng.weighted<PensionScheme>([
            ['LGPS', 900],
            ['OPTED_OUT', 60],
            ['NONE', 20],
            ['TPS', service.key === 'virtual-school' || service.key === 'school-improvement' ? 400 : 5],
            ['NHS_PS', 3],
          ]);
      const [minPay, maxPay] = grade.salary;
      const salary = Math.round((minPay + rng.next() * (maxPay - minPay)) * fte * 100) / 100;
      // Not the council's employees: never assigned, so never transferred (domain isCouncilEmployee).
      const { status, decision } = employee
        ? tupeFor(service, rng)
        : { status: 'OUT_OF_SCOPE_NOT_ASSIGNED' as const, decision: 'NOT_ASSIGNED' as const };
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
        payroll_number: agency ? `AG${++agencySeq}` : `BR${++payrollSeq}`,
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
        assignment_rationale: NOT_EMPLOYEE_RATIONALE[contractType] ?? rationaleFor(decision, service, share),
        // The dates behind the statuses (fixed days: no draw on the random sequence).
        objection_received_on: status === 'OBJECTED' ? '2023-02-06' : null,
        redeployed_on: status === 'REDEPLOYED_PRE_TRANSFER' ? '2023-01-30' : null,
        redeployment_note:
          status === 'REDEPLOYED_PRE_TRANSFER' ? 'Redeployed to a post in a retained council service.' : null,
        left_on: status === 'LEAVER_BEFORE_TRANSFER' ? '2023-01-31' : null,
      });
    }
  }
  return {
    posts,
    employees,
    figures: {
      registeredSocialWorkPosts: registeredPosts,
      agencySocialWorkers: agencyWorkers,
      agencySharePercent: registeredPosts === 0 ? 0 : Math.round((agencyWorkers / registeredPosts) * 100),
    },
  };
}
