import { csvResponse, toCsv } from '$lib/server/csv';
import type { RequestHandler } from './$types';
import { contractLabel, decisionLabel, fullName, tupeLabel } from '../../people';
import {
  EMPLOYEES_QUERY,
  hrOnly,
  employeeFilters,
  fetchAll,
  type EmployeesProgramme,
} from '../../people.server';

/** Exactly the employees table, with the filters of the URL, all pages: HR only. */
export const GET: RequestHandler = async ({ locals, url }) => {
  const filters = employeeFilters(url);
  const { today, rows } = await hrOnly(
    fetchAll(
      EMPLOYEES_QUERY,
      locals.token,
      { filter: filters.graphql },
      (p: EmployeesProgramme) => p.employees,
    ),
  );
  const csv = toCsv(rows, [
    { header: 'Payroll number', value: (r) => r.payrollNumber },
    { header: 'Name', value: (r) => fullName(r) },
    { header: 'Post', value: (r) => r.post?.title ?? 'No post' },
    { header: 'Team', value: (r) => r.post?.team.name ?? '' },
    { header: 'Contract type', value: (r) => contractLabel(r.contractType) },
    { header: 'FTE', value: (r) => r.fte },
    { header: 'TUPE status', value: (r) => tupeLabel(r.tupeStatus) },
    { header: 'Assignment decision', value: (r) => decisionLabel(r.assignmentDecision) },
  ]);
  return csvResponse(csv, 'employees', today);
};
