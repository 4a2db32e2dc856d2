/** Evidence as a page shows it: a link or a file kept in Handover, with who added (and removed) it. */
export interface Evidence {
  id: string;
  kind: 'LINK' | 'FILE';
  label: string;
  url: string | null;
  fileName: string | null;
  contentType: string | null;
  sizeBytes: number | null;
  addedAt: string;
  addedBy: { name: string } | null;
  removedAt: string | null;
  removedBy: { name: string } | null;
}

/** Where a piece of evidence downloads from (files only). */
export const evidenceHref = (id: string): string => `/evidence/${encodeURIComponent(id)}`;

/** The ids of a target's evidence section and add forms; `key` makes them unique on a page. */
export const evidenceFieldIds = (key: string) => ({
  section: `evidence-${key}`,
  linkLabel: `link-label-${key}`,
  url: `link-url-${key}`,
  fileLabel: `file-label-${key}`,
  file: `file-${key}`,
});

/** What the user typed in an add form, shown again after a refusal. */
export interface EvidenceValues {
  kind: 'LINK' | 'FILE';
  label: string;
  url: string;
}
