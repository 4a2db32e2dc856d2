/**
 * The programme dashboard's data, shared by the page (/) and the CSV export of each of its tables
 * (/dashboard/<table>.csv): one query, and one definition of each table's columns.
 */
import { humanise, formatDate, percent } from '$lib/format';
import { HEAT_MAP_FIELDS } from '$lib/heatmap';
import { heatMapTable } from '$lib/server/heatmap-csv';
import { gql } from '$lib/server/api';
import { firstProgramme, programmeQuery } from '$lib/server/programme';
import { headcountShown, topRisks, type Dashboard, type Item, type Page } from '$lib/dashboard';
import { TIMELINE_FIELDS, lateSteps, nextSteps, stateLabel, type TimelineStep } from '$lib/tupe';
import type { CsvColumn, CsvTables } from './csv';

const ITEM = 'id ref title status dueDate overdue workstream { name }';
const OPEN = '[NOT_STARTED, IN_PROGRESS, BLOCKED, AT_RISK]';
/** Unowned open work, as domain defines it (isUnownedOpen): no owner, open. */
const UNOWNED = 'noOwner: true, open: true';

const QUERY = programmeQuery(`
  status transferDate daysToTransfer eliDueDate transferor { name } transferee { name } riskBands { band min max }
  readiness { total applicable complete shareComplete weightedShareComplete overdue blocked atRisk dayOneCritical dayOneCriticalOpen }
  criticalPath { deadline projectedFinish reachable slackDays path { item { id } } }
  gate { name decisionDue outcome outcomeReasons }
  readinessByWorkstream { workstream { id name } readiness { total applicable complete shareComplete overdue blocked atRisk dayOneCritical dayOneCriticalOpen } }
  critical: checklistItems(first: 10, filter: { dayOneCritical: true, statuses: ${OPEN} }) { totalCount edges { node { ${ITEM} } } }
  overdue: checklistItems(first: 10, filter: { overdue: true }) { totalCount edges { node { ${ITEM} } } }
  blocked: checklistItems(first: 10, filter: { statuses: [BLOCKED] }) { totalCount edges { node { ${ITEM} } } }
  unowned: checklistItems(first: 1, filter: { ${UNOWNED} }) { totalCount }
  unownedCritical: checklistItems(first: 1, filter: { ${UNOWNED}, dayOneCritical: true }) { totalCount }
  riskHeatMap { ${HEAT_MAP_FIELDS} top(first: 5) { id ref title current { likelihood impact score band } } }
  milestones(first: 8, filter: { dueWithinDays: 60, achieved: false }) {
    totalCount edges { node { id name plannedDate forecastDate rag critical slippageDays } } }
  headcountByTupeStatus { tupeStatus employees fte }
  ${TIMELINE_FIELDS}
`);

export async function loadDashboard(token: string | null): Promise<{ today: string; programme: Dashboard }> {
  const data = await gql<{ today: string; programmes: Page<Dashboard> }>(QUERY, { token });
  return { today: data.today, programme: firstProgramme(data) };
}

const ITEM_COLUMNS: CsvColumn<Item>[] = [
  { header: 'Ref', value: (i) => i.ref },
  { header: 'Item', value: (i) => i.title },
  { header: 'Workstream', value: (i) => i.workstream.name },
  { header: 'Due date', value: (i) => formatDate(i.dueDate) },
  { header: 'Overdue', value: (i) => (i.overdue ? 'Yes' : 'No') },
  { header: 'Status', value: (i) => humanise(i.status) },
];

const TIMELINE_COLUMNS: CsvColumn<TimelineStep>[] = [
  { header: 'Deadline', value: (s) => s.label },
  { header: 'Basis', value: (s) => humanise(s.basis) },
  { header: 'Days before transfer', value: (s) => s.daysBeforeTransfer },
  { header: 'Due date', value: (s) => formatDate(s.dueDate) },
  { header: 'State', value: (s) => stateLabel(s.state) },
  { header: 'Done on', value: (s) => formatDate(s.doneOn) },
  { header: 'Days late', value: (s) => s.daysLate },
];

/** Each table of the dashboard, with exactly the rows it shows, by the name its export takes. */
export function dashboardTables(p: Dashboard): CsvTables {
  const items = (name: string, page: Page<Item>) => () => ({
    name,
    rows: page.edges.map((e) => e.node),
    columns: ITEM_COLUMNS,
  });
  return {
    'readiness-by-workstream': () => ({
      name: 'readiness-by-workstream',
      rows: p.readinessByWorkstream,
      columns: [
        { header: 'Workstream', value: (w) => w.workstream.name },
        { header: 'Complete', value: (w) => percent(w.readiness.shareComplete) },
        { header: 'Items complete', value: (w) => w.readiness.complete },
        { header: 'Items applicable', value: (w) => w.readiness.applicable },
        { header: 'Overdue', value: (w) => w.readiness.overdue },
        { header: 'Blocked', value: (w) => w.readiness.blocked },
        { header: 'Day-one critical open', value: (w) => w.readiness.dayOneCriticalOpen },
      ] satisfies CsvColumn<Dashboard['readinessByWorkstream'][number]>[],
    }),
    'day-one-critical-open': items('day-one-critical-open', p.critical),
    overdue: items('overdue-items', p.overdue),
    blocked: items('blocked-items', p.blocked),
    'risk-heat-map': () =>
      heatMapTable('risk-heat-map', p.riskHeatMap),
    'top-risks': () => ({
      name: 'top-risks',
      rows: topRisks(p),
      columns: [
        { header: 'Ref', value: (r) => r.ref },
        { header: 'Title', value: (r) => r.title },
        { header: 'Current score', value: (r) => r.current?.score ?? '' },
        { header: 'Band', value: (r) => humanise(r.current?.band) },
      ] satisfies CsvColumn<ReturnType<typeof topRisks>[number]>[],
    }),
    'milestones-due': () => ({
      name: 'milestones-due',
      rows: p.milestones.edges.map((e) => e.node),
      columns: [
        { header: 'Milestone', value: (m) => m.name },
        { header: 'Critical', value: (m) => (m.critical ? 'Yes' : 'No') },
        { header: 'Forecast', value: (m) => formatDate(m.forecastDate ?? m.plannedDate) },
        {
          header: 'Days after its planned date',
          value: (m) => (m.slippageDays && m.slippageDays > 0 ? m.slippageDays : 0),
        },
        { header: 'RAG', value: (m) => humanise(m.rag) },
      ] satisfies CsvColumn<Dashboard['milestones']['edges'][number]['node']>[],
    }),
    'tupe-timeline-late': () => ({
      name: 'tupe-timeline-late',
      rows: lateSteps(p.tupeTimeline).filter((s) => s.state === 'OVERDUE'),
      columns: TIMELINE_COLUMNS,
    }),
    'tupe-timeline-next': () => ({
      name: 'tupe-timeline-next',
      rows: nextSteps(p.tupeTimeline),
      columns: TIMELINE_COLUMNS,
    }),
    'headcount-by-tupe-status': () => ({
      name: 'headcount-by-tupe-status',
      rows: headcountShown(p),
      columns: [
        { header: 'TUPE status', value: (h) => humanise(h.tupeStatus) },
        { header: 'People', value: (h) => h.employees },
        { header: 'FTE', value: (h) => h.fte },
      ] satisfies CsvColumn<Dashboard['headcountByTupeStatus'][number]>[],
    }),
  };
}
