/** ELI pages' shapes (counts and state: no personal data). */
export interface EliPackageRow {
  id: string;
  number: number;
  kind: 'INITIAL' | 'UPDATE';
  status: 'DRAFT' | 'SENT';
  categories: string[];
  missingCategories: string[];
  notes: string;
  sentOn: string | null;
  sentBy: { name: string } | null;
  employeeCount: number;
  newCount: number;
  changedCount: number;
  objectedCount: number;
  version: number;
}

export const PACKAGE_FIELDS = `id number kind status categories missingCategories notes sentOn sentBy { name }
  employeeCount newCount changedCount objectedCount version`;

export interface EliSummary {
  dueDate: string;
  daysToDue: number;
  flags: string[];
  messages: string[];
  transferringCount: number;
  notInAnySentPackageCount: number;
  changedSinceSentCount: number;
  objectedSinceSentCount: number;
  packages: EliPackageRow[];
}
