/**
 * The HR import pages' queries: the column layout, past imports, one import
 * with its progress and result. All HR only: the API refuses anyone else,
 * and `hrOnly` turns that refusal into the 403 page.
 */
import { gql } from '$lib/server/api';
import { firstProgramme, programmeQuery } from '$lib/server/programme';
import { hrOnly } from '../people.server';

export interface ImportColumn {
  header: string;
  spellings: string[];
  part: string;
  required: boolean;
  personal: boolean;
  description: string;
  example: string;
}

export interface ImportSummary {
  id: string;
  fileName: string;
  dryRun: boolean;
  status: string;
  createdAt: string;
  finishedAt: string | null;
  errorCount: number;
  changeCount: number;
  uploadedBy: { name: string } | null;
}

export interface ImportCounts {
  postsInserted: number;
  postsUpdated: number;
  postsUnchanged: number;
  employeesInserted: number;
  employeesUpdated: number;
  employeesUnchanged: number;
  employeesNotInFile: number;
}

export interface ImportError {
  row: number;
  column: string;
  value: string;
  message: string;
  personal: boolean;
}

export interface ImportChange {
  row: number;
  kind: string;
  key: string;
  action: string;
  fields: string[];
}

export interface ImportDetail extends ImportSummary {
  fileSize: number;
  finished: boolean;
  rowsTotal: number | null;
  rowsDone: number;
  message: string | null;
  counts: ImportCounts | null;
  errors: ImportError[];
  changes: ImportChange[];
}

const SUMMARY = 'id fileName dryRun status createdAt finishedAt errorCount changeCount uploadedBy { name }';

/** The programme's id, the column layout and the latest imports. */
export async function loadImportPage(token: string | null) {
  const data = await hrOnly(
    gql<{ today: string; programmes: { edges: { node: { id: string; name: string } }[] } }>(
      programmeQuery(''),
      { token },
    ),
  );
  const programme = firstProgramme(data);
  const rest = await hrOnly(
    gql<{
      hrImportColumns: ImportColumn[];
      hrImports: { totalCount: number; edges: { node: ImportSummary }[] };
    }>(
      `query ($p: ID!) {
        hrImportColumns { header spellings part required personal description example }
        hrImports(programmeId: $p, first: 20) { totalCount edges { node { ${SUMMARY} } } }
      }`,
      { token, variables: { p: programme.id } },
    ),
  );
  return {
    today: data.today,
    programmeId: programme.id,
    columns: rest.hrImportColumns,
    imports: rest.hrImports.edges.map((e) => e.node),
    importCount: rest.hrImports.totalCount,
  };
}

/** Errors and changes shown on the page; the CSV has every error kept. */
export const SHOWN = 500;

export async function loadImport(
  token: string | null,
  id: string,
  first = SHOWN,
  offset = 0,
): Promise<ImportDetail | null> {
  const data = await hrOnly(
    gql<{ hrImport: ImportDetail | null }>(
      `query ($id: ID!, $first: Int!, $offset: Int!) { hrImport(id: $id) {
        ${SUMMARY} fileSize finished rowsTotal rowsDone message
        counts { postsInserted postsUpdated postsUnchanged employeesInserted employeesUpdated employeesUnchanged employeesNotInFile }
        errors(first: $first, offset: $offset) { row column value message personal }
        changes(first: $first, offset: $offset) { row kind key action fields }
      } }`,
      { token, variables: { id, first, offset } },
    ),
  );
  return data.hrImport;
}
