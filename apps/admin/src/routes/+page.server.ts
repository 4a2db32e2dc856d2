import { gql } from '$lib/server/api';
import { firstProgramme, programmeQuery } from '$lib/server/programme';
import type { PageServerLoad } from './$types';

const ITEM = 'id ref title status dueDate overdue workstream { name }';
const OPEN = '[NOT_STARTED, IN_PROGRESS, BLOCKED, AT_RISK]';

interface Item {
  id: string;
  ref: string;
  title: string;
  status: string;
  dueDate: string | null;
  overdue: boolean;
  workstream: { name: string };
}
interface Page<T> {
  totalCount: number;
  edges: { node: T }[];
}
interface Readiness {
  total: number;
  applicable: number;
  complete: number;
  shareComplete: number;
  overdue: number;
  blocked: number;
  atRisk: number;
  dayOneCritical: number;
  dayOneCriticalOpen: number;
}
export interface Dashboard {
  id: string;
  name: string;
  status: string;
  transferDate: string;
  daysToTransfer: number;
  eliDueDate: string;
  transferor: { name: string };
  transferee: { name: string };
  readiness: Readiness;
  readinessByWorkstream: { workstream: { id: string; name: string }; readiness: Readiness }[];
  critical: Page<Item>;
  overdue: Page<Item>;
  blocked: Page<Item>;
  risks: Page<{
    id: string;
    ref: string;
    title: string;
    current: { likelihood: number; impact: number; score: number; band: string } | null;
  }>;
  milestones: Page<{
    id: string;
    name: string;
    baselineDate: string;
    forecastDate: string | null;
    rag: string;
    critical: boolean;
    slippageDays: number | null;
  }>;
  headcountByTupeStatus: { tupeStatus: string; employees: number; fte: number }[];
  riskBands: { band: string; min: number; max: number }[];
}

const QUERY = programmeQuery(`
  status transferDate daysToTransfer eliDueDate transferor { name } transferee { name } riskBands { band min max }
  readiness { total applicable complete shareComplete overdue blocked atRisk dayOneCritical dayOneCriticalOpen }
  readinessByWorkstream { workstream { id name } readiness { total applicable complete shareComplete overdue blocked atRisk dayOneCritical dayOneCriticalOpen } }
  critical: checklistItems(first: 10, filter: { dayOneCritical: true, statuses: ${OPEN} }) { totalCount edges { node { ${ITEM} } } }
  overdue: checklistItems(first: 10, filter: { overdue: true }) { totalCount edges { node { ${ITEM} } } }
  blocked: checklistItems(first: 10, filter: { statuses: [BLOCKED] }) { totalCount edges { node { ${ITEM} } } }
  risks: raidItems(first: 200, filter: { types: [RISK, ISSUE], statuses: [OPEN, MONITORING, MATERIALISED] }) {
    totalCount edges { node { id ref title current { likelihood impact score band } } } }
  milestones(first: 8, filter: { dueWithinDays: 60, achieved: false }) {
    totalCount edges { node { id name baselineDate forecastDate rag critical slippageDays } } }
  headcountByTupeStatus { tupeStatus employees fte }
`);

export const load: PageServerLoad = async ({ locals }) => {
  const data = await gql<{ today: string; programmes: Page<Dashboard> }>(QUERY, { token: locals.token });
  return { today: data.today, programme: firstProgramme(data) };
};
