/** Milestones as the pages and the export show them. */
export const RAGS = ['RED', 'AMBER', 'GREEN', 'BLUE', 'GREY'] as const;
export type Rag = (typeof RAGS)[number];

/** What each RAG rating means (as the API defines it). */
export const RAG_MEANING: Record<Rag, string> = {
  RED: 'Will miss',
  AMBER: 'At risk',
  GREEN: 'On track',
  BLUE: 'Complete',
  GREY: 'Not started or not due',
};

export interface MilestoneRow {
  id: string;
  name: string;
  critical: boolean;
  plannedDate: string;
  forecastDate: string | null;
  actualDate: string | null;
  slippageDays: number | null;
  rag: Rag;
  version: number;
  workstream: { name: string } | null;
  service: { name: string } | null;
}

export const MILESTONE_FIELDS =
  'id name critical plannedDate forecastDate actualDate slippageDays rag version workstream { name } service { name }';

/** "12 days late", "1 day early", "On time"; empty with neither forecast nor actual date. */
export function slippage(days: number | null): string {
  if (days === null) return '';
  if (days === 0) return 'On time';
  const n = Math.abs(days);
  return `${n} ${n === 1 ? 'day' : 'days'} ${days > 0 ? 'late' : 'early'}`;
}

/** "Finance", "Ofsted registration – Fostering", or the service alone. */
export function ownerOf(m: Pick<MilestoneRow, 'workstream' | 'service'>): string {
  return [m.workstream?.name, m.service?.name].filter(Boolean).join(' – ');
}
