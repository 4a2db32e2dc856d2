import type { RiskHeatMap } from '$lib/heatmap';
import type { TimelineStep } from '$lib/tupe';
/** The programme dashboard as the page shows it: its data and the choices of what to show. */

export interface Item {
  id: string;
  ref: string;
  title: string;
  status: string;
  dueDate: string | null;
  overdue: boolean;
  workstream: { name: string };
}
export interface Page<T> {
  totalCount: number;
  edges: { node: T }[];
}
export interface Readiness {
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
  readiness: Readiness & { weightedShareComplete: number };
  /** Where the plan stands against the transfer date (the critical path's end). */
  criticalPath: {
    deadline: string;
    projectedFinish: string;
    reachable: boolean;
    slackDays: number;
    path: { item: { id: string } }[];
  };
  gate: { name: string; decisionDue: string; outcome: 'GO' | 'OPEN' | 'NO_GO'; outcomeReasons: string[] } | null;
  readinessByWorkstream: { workstream: { id: string; name: string }; readiness: Readiness }[];
  critical: Page<Item>;
  overdue: Page<Item>;
  blocked: Page<Item>;
  /** Open items with no named owner, and those of them day-one critical. */
  unowned: { totalCount: number };
  unownedCritical: { totalCount: number };
  /** The risk heat map (open risks and issues, as the API defines them) and its top five. */
  riskHeatMap: RiskHeatMap & {
    top: {
      id: string;
      ref: string;
      title: string;
      current: { likelihood: number; impact: number; score: number; band: string } | null;
    }[];
  };
  milestones: Page<{
    id: string;
    name: string;
    plannedDate: string;
    forecastDate: string | null;
    rag: string;
    critical: boolean;
    slippageDays: number | null;
  }>;
  headcountByTupeStatus: { tupeStatus: string; employees: number; fte: number }[];
  riskBands: { band: string; min: number; max: number }[];
  tupeTimeline: TimelineStep[];
}

/** The five highest current scores among the open risks and issues (the heat map's, as the API ranks them). */
export const topRisks = (p: Dashboard) => p.riskHeatMap.top;

/** TUPE statuses that have anyone in them, as the table shows them. */
export const headcountShown = (p: Dashboard) => p.headcountByTupeStatus.filter((h) => h.employees > 0);
