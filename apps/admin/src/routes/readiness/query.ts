/** The Day-1 readiness matrix: one query for the page and its CSV. */
import { gql } from '$lib/server/api';
import { firstProgramme, programmeQuery } from '$lib/server/programme';

export interface CellReadiness {
  total: number;
  applicable: number;
  complete: number;
  weightedShareComplete: number;
  dayOneCritical: number;
  dayOneCriticalOpen: number;
  rag: 'RED' | 'AMBER' | 'GREEN';
}

export interface MatrixCell {
  service: { id: string; name: string } | null;
  workstream: { id: string; code: string; name: string };
  readiness: CellReadiness;
}

interface Data {
  today: string;
  programmes: {
    edges: {
      node: {
        id: string;
        name: string;
        readinessRule: string;
        readiness: CellReadiness;
        readinessMatrix: MatrixCell[];
      };
    }[];
  };
}

const R = 'total applicable complete weightedShareComplete dayOneCritical dayOneCriticalOpen rag';

export async function loadMatrix(token: string | null) {
  const data = await gql<Data>(
    programmeQuery(
      `readinessRule readiness { ${R} } readinessMatrix { service { id name } workstream { id code name } readiness { ${R} } }`,
    ),
    { token },
  );
  const p = firstProgramme(data);
  const workstreams = [
    ...new Map(p.readinessMatrix.map((c) => [c.workstream.id, c.workstream])).values(),
  ].sort((a, b) => a.name.localeCompare(b.name));
  const rows = [...new Map(p.readinessMatrix.map((c) => [c.service?.id ?? '', c.service])).values()].sort(
    (a, b) => (a === null ? 1 : b === null ? -1 : a.name.localeCompare(b.name)),
  );
  const cell = (serviceId: string | null, workstreamId: string) =>
    p.readinessMatrix.find(
      (c) => (c.service?.id ?? null) === serviceId && c.workstream.id === workstreamId,
    ) ?? null;
  return {
    today: data.today,
    rule: p.readinessRule,
    programme: p.readiness,
    cells: p.readinessMatrix,
    workstreams,
    rows,
    cell,
  };
}
