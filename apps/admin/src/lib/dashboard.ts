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
  tupeTimeline: TimelineStep[];
}

/** The five highest current scores among the open risks and issues. */
export const topRisks = (p: Dashboard) =>
  p.risks.edges
    .map((e) => e.node)
    .sort((a, b) => (b.current?.score ?? 0) - (a.current?.score ?? 0))
    .slice(0, 5);

/** TUPE statuses that have anyone in them, as the table shows them. */
export const headcountShown = (p: Dashboard) => p.headcountByTupeStatus.filter((h) => h.employees > 0);
