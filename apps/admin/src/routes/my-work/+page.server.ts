import { gql } from '$lib/server/api';
import { firstProgramme, programmeQuery } from '$lib/server/programme';
import type { PageServerLoad } from './$types';

export interface MyWork {
  checklistItems: {
    id: string;
    ref: string;
    title: string;
    status: string;
    dueDate: string | null;
    overdue: boolean;
    dayOneCritical: boolean;
    workstream: { name: string };
  }[];
  raidItems: {
    id: string;
    ref: string;
    type: string;
    title: string;
    status: string;
    dueDate: string | null;
  }[];
  milestones: {
    id: string;
    name: string;
    plannedDate: string;
    forecastDate: string | null;
    rag: string;
    critical: boolean;
  }[];
  gateSignOffs: { id: string; roleTitle: string; gate: { name: string; decisionDue: string } }[];
}

const QUERY = programmeQuery(`myWork {
  checklistItems { id ref title status dueDate overdue dayOneCritical workstream { name } }
  raidItems { id ref type title status dueDate }
  milestones { id name plannedDate forecastDate rag critical }
  gateSignOffs { id roleTitle gate { name decisionDue } }
}`);

/** What the signed-in user owns and has still to do, whatever their role (Programme.myWork). */
export const load: PageServerLoad = async ({ locals }) => {
  const data = await gql<{ today: string; programmes: { edges: { node: { myWork: MyWork | null } }[] } }>(
    QUERY,
    { token: locals.token },
  );
  const work = firstProgramme(data).myWork;
  return {
    today: data.today,
    name: locals.viewer!.name,
    work: work ?? { checklistItems: [], raidItems: [], milestones: [], gateSignOffs: [] },
  };
};
