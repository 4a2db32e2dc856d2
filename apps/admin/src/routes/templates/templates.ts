/** What the template pages share: the GraphQL selections and the answer types. */
export interface TemplateSummary {
  id: string;
  key: string;
  templateVersion: number;
  name: string;
  kind: 'WORKSTREAM' | 'SERVICE';
  workstreamCode: string;
  serviceKind: string | null;
  builtIn: boolean;
  itemCount: number;
}

export interface TemplateItem {
  key: string;
  title: string;
  description: string;
  workstreamCode: string;
  ownerOrg: string;
  dueOffsetDays: number;
  durationDays: number;
  dayOneCritical: boolean;
  signOffRole: string | null;
  dependsOn: string[];
}

export const SUMMARY = 'id key templateVersion name kind workstreamCode serviceKind builtIn itemCount';

/** "T-90", "T+14", "T" (the transfer day). */
export function offsetLabel(days: number): string {
  return days === 0 ? 'T' : days < 0 ? `T${days}` : `T+${days}`;
}

export const mayApply = (role: string | undefined) => role === 'ADMIN' || role === 'EDITOR';
