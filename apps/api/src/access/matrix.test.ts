/**
 * Tests generated from the access matrix (matrix.ts): the schema has a row for
 * every field and no stale row; the partner schema is the PARTNER column; the
 * enforced scopes are the matrix's; and every cell is asked for, as that
 * caller, against the seeded demo: a `deny` answers FORBIDDEN (UNAUTHENTICATED
 * when nobody is signed in) with no value and no value in the error, an
 * `allow` answers. Writes are asked with inputs that change nothing.
 */
import { insertBaseline } from '../modules/plan/plan.repository.ts';
import { DEMO_PASSWORD } from '@handover/db';
import { encodeGlobalID } from '@pothos/plugin-relay';
import {
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../modules/partner/partner.service.ts';
import { createEliPackage } from '../modules/eli/eli.service.ts';
import { partnerSchema, schema } from '../schema/index.ts';
import { startTestApi, type GqlResponse, type TestApi } from '../test/harness.ts';
import { MATRIX_ROWS, SUBJECTS, type Rule, type Subject } from './matrix.ts';

type AnyField = GraphQLField<unknown, unknown>;

/** Pothos' connection and edge types, and PageInfo: they follow the field that returns them. */
const isListPlumbing = (name: string) => /Connection(Edge)?$/.test(name) || name === 'PageInfo';

const objectTypes = (s: GraphQLSchema): GraphQLObjectType[] =>
  Object.values(s.getTypeMap())
    .filter((t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__'))
    .sort((a, b) => a.name.localeCompare(b.name));

const ruleTypes = objectTypes(schema).filter((t) => !isListPlumbing(t.name));

const schemaOf = (subject: Subject) => (subject === 'PARTNER' ? partnerSchema : schema);

function fieldIn(s: GraphQLSchema, typeName: string, fieldName: string): AnyField | undefined {
  const t = s.getType(typeName);
  return isObjectType(t) ? t.getFields()[fieldName] : undefined;
}

const ruleOf = (typeName: string, fieldName: string): Rule => {
  const rule = MATRIX_ROWS[`${typeName}.${fieldName}`];
  if (!rule) throw new Error(`no matrix row for ${typeName}.${fieldName}`);
  return rule;
};

const allowedRoles = (rule: Rule) => SUBJECTS.filter((s) => s !== 'ANONYMOUS' && rule.cells[s] === 'allow');

/** The object types a type leads to: its fields' types, an interface's or union's members. */
function typesBelow(s: GraphQLSchema, t: GraphQLNamedType): GraphQLNamedType[] {
  if (isObjectType(t)) return Object.values(t.getFields()).map((f) => getNamedType(f.type));
  if (isInterfaceType(t)) return [...s.getImplementations(t).objects];
  if (isUnionType(t)) return [...t.getTypes()];
  return [];
}

function reachableFrom(s: GraphQLSchema, start: readonly GraphQLNamedType[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    const t = queue.shift()!;
    if (seen.has(t.name)) continue;
    seen.add(t.name);
    queue.push(...typesBelow(s, t));
  }
  return seen;
}

describe('the access matrix, against the schema', () => {
  it('has exactly one row for every field of every object type, and no row for a field that does not exist', () => {
    const fields = ruleTypes.flatMap((t) => Object.keys(t.getFields()).map((f) => `${t.name}.${f}`));
    const missing = fields.filter((key) => !MATRIX_ROWS[key]);
    const stale = Object.keys(MATRIX_ROWS).filter((key) => !fields.includes(key));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  it('leaves out only list plumbing, each reached only through fields that have rows', () => {
    const problems: string[] = [];
    const plumbing = objectTypes(schema).filter((t) => isListPlumbing(t.name));
    for (const t of plumbing) {
      const names = Object.keys(t.getFields()).sort().join(',');
      const shapes = ['edges,pageInfo,totalCount', 'edges,pageInfo', 'cursor,node'];
      if (t.name === 'PageInfo') {
        if (names !== 'endCursor,hasNextPage,hasPreviousPage,startCursor')
          problems.push(`${t.name}: ${names}`);
      } else if (!shapes.includes(names))
        problems.push(`${t.name} is no Pothos connection or edge: ${names}`);
    }
    const reachedBy = new Map<string, string[]>();
    for (const t of objectTypes(schema)) {
      for (const f of Object.values(t.getFields())) {
        const target = getNamedType(f.type).name;
        if (!isListPlumbing(target)) continue;
        reachedBy.set(target, [...(reachedBy.get(target) ?? []), `${t.name}.${f.name}`]);
        if (!isListPlumbing(t.name) && !MATRIX_ROWS[`${t.name}.${f.name}`]) {
          problems.push(`${target} is reached through ${t.name}.${f.name}, which has no row`);
        }
      }
    }
    for (const t of plumbing) if (!reachedBy.has(t.name)) problems.push(`${t.name} is reached by no field`);
    expect(problems).toEqual([]);
  });

  it("matches each caller's schema: a cell is absent exactly when the field is not in that caller's schema", () => {
    const wrong: string[] = [];
    for (const [key, rule] of Object.entries(MATRIX_ROWS)) {
      const [typeName, fieldName] = key.split('.') as [string, string];
      for (const subject of SUBJECTS) {
        const present = fieldIn(schemaOf(subject), typeName, fieldName) !== undefined;
        if (present === (rule!.cells[subject] === 'absent')) {
          wrong.push(
            `${key} ${subject}: ${rule!.cells[subject]} but ${present ? 'in' : 'not in'} its schema`,
          );
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('is what is enforced: every field-level and type-level role scope allows the roles of its rows', () => {
    const wrong: string[] = [];
    type Scoped = { extensions: { pothosOptions?: { authScopes?: { role?: string[] } } } | null };
    const rolesOf = (x: Scoped) => x.extensions?.pothosOptions?.authScopes?.role;
    for (const t of ruleTypes) {
      const typeRoles = rolesOf(t as Scoped);
      for (const f of Object.values(t.getFields())) {
        const allowed = allowedRoles(ruleOf(t.name, f.name)).sort().join(',');
        const fieldRoles = rolesOf(f as Scoped);
        if (fieldRoles && [...fieldRoles].sort().join(',') !== allowed)
          wrong.push(`${t.name}.${f.name}: scope ${fieldRoles.join(',')}, row ${allowed}`);
        if (typeRoles && [...typeRoles].sort().join(',') !== allowed)
          wrong.push(`${t.name}.${f.name}: type scope ${typeRoles.join(',')}, row ${allowed}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('gives the answers of writes the callers of those writes: rows of types only a Mutation reaches', () => {
    const query = schema.getQueryType()!;
    const fromQuery = reachableFrom(schema, [query]);
    const mutation = schema.getMutationType()!;
    const wrong: string[] = [];
    for (const t of ruleTypes) {
      if (t === mutation || fromQuery.has(t.name)) continue;
      const writes = Object.values(mutation.getFields()).filter((m) =>
        reachableFrom(schema, [getNamedType(m.type)]).has(t.name),
      );
      if (writes.length === 0) {
        wrong.push(`${t.name} is reached from neither Query nor Mutation`);
        continue;
      }
      for (const f of Object.keys(t.getFields())) {
        const rule = ruleOf(t.name, f);
        for (const subject of SUBJECTS) {
          const cells = writes.map((m) => ruleOf('Mutation', m.name).cells[subject]);
          const expected = cells.includes('allow')
            ? 'allow'
            : cells.every((c) => c === 'absent')
              ? 'absent'
              : 'deny';
          if (rule.cells[subject] !== expected)
            wrong.push(
              `${t.name}.${f} ${subject}: ${rule.cells[subject]}, but the writes answering it give ${expected}`,
            );
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Asking for every cell, as that caller.

/** The database table of each Node type: a seeded row's id is what `node(id:)` is asked with. */
const NODE_TABLES: Record<string, string> = {
  ApiToken: 'api_token',
  ChecklistItem: 'checklist_item',
  ContactRoute: 'contact_route',
  DataSharingAgreement: 'data_sharing_agreement',
  Employee: 'employee',
  HrImport: 'hr_import',
  Milestone: 'milestone',
  Organisation: 'organisation',
  Post: 'post',
  Programme: 'programme',
  RaidItem: 'raid_item',
  Service: 'service',
  Team: 'team',
  User: 'app_user',
  Workstream: 'workstream',
  EliPackage: 'eli_package',
  TupeMeasure: 'tupe_measure',
  ConsultationMeeting: 'consultation_meeting',
  PensionAdmissionAgreement: 'pension_admission_agreement',
  Gate: 'gate',
  GateCriterion: 'gate_criterion',
  GateSignatory: 'gate_signatory',
  GateSignOff: 'gate_sign_off',
  Evidence: 'evidence',
  ChecklistTemplate: 'checklist_template',
  PlanBaseline: 'plan_baseline',
};

/** Where a type's fields are asked: a query with a hole for the selection, and the path to it. */
interface Reach {
  wrap: (selection: string) => string;
  path: (string | number)[];
}

/** Required arguments a path or a selection may need: ids of seeded rows. */
function requiredArgs(field: AnyField, ids: Map<string, string>): string | null {
  const parts: string[] = [];
  for (const arg of field.args) {
    if (arg.name === 'first') parts.push('first: 1');
    if (!isNonNullType(arg.type) || arg.defaultValue !== undefined) continue;
    const inner: GraphQLInputType = arg.type.ofType;
    const programme = JSON.stringify(ids.get('Programme'));
    if (getNamedType(inner).name === 'Date' && !isListType(inner)) {
      parts.push(`${arg.name}: "2023-03-31"`);
      continue;
    }
    if (getNamedType(inner).name !== 'ID') return null;
    parts.push(`${arg.name}: ${isListType(inner) ? `[${programme}]` : programme}`);
  }
  return parts.length > 0 ? `(${parts.join(', ')})` : '';
}

/** The shortest way into each object type: from the root, or through `node(id:)` and then fields. */
function reaches(s: GraphQLSchema, ids: Map<string, string>): Map<string, Reach> {
  const found = new Map<string, Reach>();
  const queue: [GraphQLObjectType, Reach][] = [
    [s.getQueryType()!, { wrap: (sel) => `{ ${sel} }`, path: [] }],
  ];
  for (const [name] of Object.entries(NODE_TABLES)) {
    const t = s.getType(name);
    if (!isObjectType(t) || !ids.has(name)) continue;
    const id = JSON.stringify(ids.get(name));
    queue.push([t, { wrap: (sel) => `{ node(id: ${id}) { ... on ${name} { ${sel} } } }`, path: ['node'] }]);
  }
  while (queue.length > 0) {
    const [t, reach] = queue.shift()!;
    if (found.has(t.name)) continue;
    found.set(t.name, reach);
    for (const f of Object.values(t.getFields())) {
      const target = getNamedType(f.type);
      const args = requiredArgs(f, ids);
      if (!isObjectType(target) || found.has(target.name) || args === null) continue;
      const list = isListType(isNonNullType(f.type) ? f.type.ofType : f.type);
      queue.push([
        target,
        {
          wrap: (sel) => reach.wrap(`${f.name}${args} { ${sel} }`),
          path: [...reach.path, f.name, ...(list ? [0] : [])],
        },
      ]);
    }
  }
  return found;
}

const valueAt = (data: unknown, path: readonly (string | number)[]): unknown =>
  path.reduce<unknown>((v, k) => (v == null ? undefined : (v as Record<string | number, unknown>)[k]), data);

const isPrefix = (prefix: readonly (string | number)[] | undefined, path: readonly (string | number)[]) =>
  prefix !== undefined && prefix.length <= path.length && prefix.every((k, i) => path[i] === k);

const refusal = (subject: Subject) => (subject === 'ANONYMOUS' ? 'UNAUTHENTICATED' : 'FORBIDDEN');

/** The words a refusal may use: type and field names, roles and codes (and what the trail records of them). */
const vocabulary = (value: string) =>
  /^[A-Z][A-Z_]*$/.test(value) || schema.getType(value) !== undefined || MATRIX_ROWS[value] !== undefined;

/** Values worth looking for in an error message: text and large numbers. */
function telling(value: unknown): string[] {
  if (typeof value === 'string') return value.length >= 4 && !vocabulary(value) ? [value] : [];
  if (typeof value === 'number') return Math.abs(value) >= 1000 ? [String(value)] : [];
  return [];
}

/** Every table's rows, but the trail of requests itself (audit events, sessions, sign-in failures). */
async function snapshot(api: TestApi): Promise<string> {
  const skip = new Set(['audit_event', 'session', 'signin_failure']);
  const tables = (await api.handle.db.introspection.getTables())
    .map((t) => t.name)
    .filter((n) => !skip.has(n));
  const out: Record<string, unknown[]> = {};
  for (const name of tables.sort()) {
    const result = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(
      api.handle.db,
    );
    // A partner token records when it was last used; that is no change of data.
    out[name] = result.rows.map((r) => JSON.stringify({ ...r, last_used_at: undefined })).sort();
  }
  return JSON.stringify(out);
}

const MISSING = encodeGlobalID('RaidItem', '00000000-0000-4000-8000-000000000000');
const missingId = (type: string) => encodeGlobalID(type, '00000000-0000-4000-8000-000000000000');
const ANSWER = '__typename ... on Error { message }';

/**
 * A sample call of every mutation, chosen to change nothing even when allowed:
 * an id that does not exist (NotFoundError) or a value that breaks a rule
 * (ValidationError). `freshSession`: the call ends the caller's session, so it
 * is made with a session of its own.
 */
const MUTATION_SAMPLES: Record<
  string,
  { query: string; variables?: Record<string, unknown>; freshSession?: true }
> = {
  updateGateCriterion: {
    query: `mutation ($input: UpdateGateCriterionInput!) { updateGateCriterion(input: $input) { ${ANSWER} } }`,
    variables: { input: { id: missingId('GateCriterion'), expectedVersion: 1, status: 'PASS' } },
  },
  signGate: {
    query: `mutation ($input: SignGateInput!) { signGate(input: $input) { ${ANSWER} } }`,
    variables: { input: { signatoryId: missingId('GateSignatory'), expectedSnapshotSha256: '0'.repeat(64) } },
  },
  withdrawGateSignOff: {
    query: `mutation ($input: WithdrawGateSignOffInput!) { withdrawGateSignOff(input: $input) { ${ANSWER} } }`,
    variables: { input: { signOffId: missingId('GateSignOff'), reason: 'never' } },
  },
  addEvidence: {
    query: `mutation ($input: AddEvidenceInput!) { addEvidence(input: $input) { ${ANSWER} } }`,
    variables: { input: { gateCriterionId: missingId('GateCriterion'), url: 'https://example.org/never' } },
  },
  removeEvidence: {
    query: `mutation ($id: ID!) { removeEvidence(id: $id) { ${ANSWER} } }`,
    variables: { id: missingId('Evidence') },
  },
  createGate: {
    query: `mutation ($input: CreateGateInput!) { createGate(input: $input) { ${ANSWER} } }`,
    variables: {
      input: { programmeId: missingId('Programme'), name: 'never made', decisionDue: '2023-03-01' },
    },
  },
  updateGate: {
    query: `mutation ($input: UpdateGateInput!) { updateGate(input: $input) { ${ANSWER} } }`,
    variables: { input: { id: missingId('Gate'), expectedVersion: 1, name: 'never saved' } },
  },
  addGateCriterion: {
    query: `mutation ($input: AddGateCriterionInput!) { addGateCriterion(input: $input) { ${ANSWER} } }`,
    variables: { input: { gateId: missingId('Gate'), title: 'never added', owner: 'nobody' } },
  },
  updateGateCriterionDetails: {
    query: `mutation ($input: UpdateGateCriterionDetailsInput!) { updateGateCriterionDetails(input: $input) { ${ANSWER} } }`,
    variables: { input: { id: missingId('GateCriterion'), expectedVersion: 1, title: 'never saved' } },
  },
  removeGateCriterion: {
    query: `mutation ($input: RemoveGateCriterionInput!) { removeGateCriterion(input: $input) { ${ANSWER} } }`,
    variables: { input: { id: missingId('GateCriterion') } },
  },
  addGateSignatory: {
    query: `mutation ($input: AddGateSignatoryInput!) { addGateSignatory(input: $input) { ${ANSWER} } }`,
    variables: { input: { gateId: missingId('Gate'), roleTitle: 'never added', userId: missingId('User') } },
  },
  removeGateSignatory: {
    query: `mutation ($input: RemoveGateSignatoryInput!) { removeGateSignatory(input: $input) { ${ANSWER} } }`,
    variables: { input: { id: missingId('GateSignatory') } },
  },
  closeRaidItem: {
    query: `mutation ($input: CloseRaidItemInput!) { closeRaidItem(input: $input) { ${ANSWER} } }`,
    variables: { input: { id: MISSING, expectedVersion: 1 } },
  },
  createApiToken: {
    query: `mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { ${ANSWER} } }`,
    variables: {
      input: { name: 'never made', organisationId: missingId('Organisation'), expiresOn: '2000-01-01' },
    },
  },
  createRaidItem: {
    query: `mutation ($input: CreateRaidItemInput!) { createRaidItem(input: $input) { ${ANSWER} } }`,
    variables: { input: { programmeId: missingId('Programme'), type: 'RISK', title: '', statement: '' } },
  },
  createUser: {
    query: `mutation ($input: CreateUserInput!) { createUser(input: $input) { ${ANSWER} } }`,
    variables: { input: { name: 'never made', email: 'not an email', role: 'VIEWER' } },
  },
  deactivateUser: {
    query: `mutation ($id: ID!) { deactivateUser(id: $id) { ${ANSWER} } }`,
    variables: { id: missingId('User') },
  },
  decideAssignment: {
    query: `mutation ($input: DecideAssignmentInput!) { decideAssignment(input: $input) { ${ANSWER} } }`,
    variables: {
      input: {
        employeeId: missingId('Employee'),
        expectedVersion: 1,
        decision: 'ASSIGNED',
        rationale: 'never saved',
      },
    },
  },
  decideAssignmentForTeam: {
    query: `mutation ($input: DecideAssignmentForTeamInput!) { decideAssignmentForTeam(input: $input) { ${ANSWER} } }`,
    variables: { input: { teamId: missingId('Team'), decision: 'ASSIGNED', rationale: 'never saved' } },
  },
  login: {
    query: `mutation { login(email: "", password: "") { ${ANSWER} } }`,
  },
  logout: { query: 'mutation { logout }', freshSession: true },
  recordAssignmentAppeal: {
    query: `mutation ($input: RecordAssignmentAppealInput!) { recordAssignmentAppeal(input: $input) { ${ANSWER} } }`,
    variables: {
      input: {
        employeeId: missingId('Employee'),
        expectedVersion: 1,
        lodgedOn: '2023-02-01',
        soughtDecision: 'ASSIGNED',
        outcome: 'PENDING',
      },
    },
  },
  recordLeaver: {
    query: `mutation ($input: RecordLeaverInput!) { recordLeaver(input: $input) { ${ANSWER} } }`,
    variables: { input: { employeeId: missingId('Employee'), expectedVersion: 1, leftOn: '2023-02-01' } },
  },
  recordObjection: {
    query: `mutation ($input: RecordObjectionInput!) { recordObjection(input: $input) { ${ANSWER} } }`,
    variables: { input: { employeeId: missingId('Employee'), expectedVersion: 1, receivedOn: '2023-02-01' } },
  },
  recordRedeployment: {
    query: `mutation ($input: RecordRedeploymentInput!) { recordRedeployment(input: $input) { ${ANSWER} } }`,
    variables: {
      input: {
        employeeId: missingId('Employee'),
        expectedVersion: 1,
        redeployedOn: '2023-02-01',
        newRole: 'x',
      },
    },
  },
  reactivateUser: {
    query: `mutation ($id: ID!) { reactivateUser(id: $id) { ${ANSWER} } }`,
    variables: { id: missingId('User') },
  },
  resetUserPassword: {
    query: `mutation ($id: ID!) { resetUserPassword(id: $id) { ${ANSWER} } }`,
    variables: { id: missingId('User') },
  },
  revokeApiToken: {
    query: `mutation ($id: ID!) { revokeApiToken(id: $id) { ${ANSWER} } }`,
    variables: { id: missingId('ApiToken') },
  },
  runTransfer: {
    query: `mutation ($input: RunTransferInput!) { runTransfer(input: $input) { ${ANSWER} } }`,
    variables: { input: { programmeId: missingId('Programme') } },
  },
  importChecklistTemplate: {
    query: `mutation ($input: ImportChecklistTemplateInput!) { importChecklistTemplate(input: $input) { ${ANSWER} } }`,
    variables: { input: { format: 'YAML', content: 'key: ""' } },
  },
  applyChecklistTemplate: {
    query: `mutation ($input: ApplyChecklistTemplateInput!) { applyChecklistTemplate(input: $input) { ${ANSWER} } }`,
    variables: { input: { templateId: missingId('ChecklistTemplate'), programmeId: missingId('Programme') } },
  },
  updateChecklistItem: {
    query: `mutation ($input: UpdateChecklistItemInput!) { updateChecklistItem(input: $input) { ${ANSWER} } }`,
    variables: { input: { id: missingId('ChecklistItem'), expectedVersion: 1, status: 'COMPLETE' } },
  },
  updateMilestone: {
    query: `mutation ($input: UpdateMilestoneInput!) { updateMilestone(input: $input) { ${ANSWER} } }`,
    variables: { input: { id: missingId('Milestone'), expectedVersion: 1, rag: 'RED' } },
  },
  updateRaidItem: {
    query: `mutation ($input: UpdateRaidItemInput!) { updateRaidItem(input: $input) { ${ANSWER} } }`,
    variables: { input: { id: MISSING, expectedVersion: 1, title: 'never saved' } },
  },
  updateServiceStatus: {
    query: `mutation ($input: UpdateServiceStatusInput!) { updateServiceStatus(input: $input) { ${ANSWER} } }`,
    variables: { input: { id: missingId('Service'), expectedVersion: 1, status: 'IN_PROGRESS' } },
  },
  updateUser: {
    query: `mutation ($input: UpdateUserInput!) { updateUser(input: $input) { ${ANSWER} } }`,
    variables: { input: { id: missingId('User'), expectedVersion: 1, name: 'never saved' } },
  },
  withdrawObjection: {
    query: `mutation ($input: WithdrawObjectionInput!) { withdrawObjection(input: $input) { ${ANSWER} } }`,
    variables: {
      input: { employeeId: missingId('Employee'), expectedVersion: 1, withdrawnOn: '2023-02-01' },
    },
  },
  startHrImport: {
    query: `mutation ($input: StartHrImportInput!) { startHrImport(input: $input) { ${ANSWER} } }`,
    variables: {
      input: {
        programmeId: missingId('Programme'),
        fileName: 'never.csv',
        contentBase64: 'YSxi',
        dryRun: true,
      },
    },
  },
  createEliPackage: {
    query: `mutation ($input: CreateEliPackageInput!) { createEliPackage(input: $input) { ${ANSWER} } }`,
    variables: { input: { programmeId: missingId('Programme') } },
  },
  updateEliPackage: {
    query: `mutation ($input: UpdateEliPackageInput!) { updateEliPackage(input: $input) { ${ANSWER} } }`,
    variables: { input: { id: missingId('EliPackage'), expectedVersion: 1, notes: 'never saved' } },
  },
  sendEliPackage: {
    query: `mutation ($input: SendEliPackageInput!) { sendEliPackage(input: $input) { ${ANSWER} } }`,
    variables: { input: { id: missingId('EliPackage'), expectedVersion: 1, sentOn: '2023-02-01' } },
  },
  createTupeMeasure: {
    query: `mutation ($input: CreateTupeMeasureInput!) { createTupeMeasure(input: $input) { ${ANSWER} } }`,
    variables: {
      input: {
        programmeId: missingId('Programme'),
        description: 'never made',
        envisagedBy: 'TRANSFEREE',
        consultationRequired: true,
      },
    },
  },
  updateTupeMeasure: {
    query: `mutation ($input: UpdateTupeMeasureInput!) { updateTupeMeasure(input: $input) { ${ANSWER} } }`,
    variables: { input: { id: missingId('TupeMeasure'), expectedVersion: 1, description: 'never saved' } },
  },
  createConsultationMeeting: {
    query: `mutation ($input: CreateConsultationMeetingInput!) { createConsultationMeeting(input: $input) { ${ANSWER} } }`,
    variables: { input: { programmeId: missingId('Programme'), heldOn: '2023-02-01', unions: ['UNISON'] } },
  },
  updateConsultationMeeting: {
    query: `mutation ($input: UpdateConsultationMeetingInput!) { updateConsultationMeeting(input: $input) { ${ANSWER} } }`,
    variables: { input: { id: missingId('ConsultationMeeting'), expectedVersion: 1, attendees: [] } },
  },
  recordMeasuresLetters: {
    query: `mutation ($input: RecordMeasuresLettersInput!) { recordMeasuresLetters(input: $input) { ${ANSWER} } }`,
    variables: { input: { programmeId: missingId('Programme'), sentOn: '2023-02-01' } },
  },
  savePensionAdmissionAgreement: {
    query: `mutation ($input: SavePensionAdmissionAgreementInput!) { savePensionAdmissionAgreement(input: $input) { ${ANSWER} } }`,
    variables: {
      input: {
        programmeId: missingId('Programme'),
        fundName: 'never saved',
        admission: 'OPEN',
        passThrough: false,
      },
    },
  },
  recordTupeStep: {
    query: `mutation ($input: RecordTupeStepInput!) { recordTupeStep(input: $input) { ${ANSWER} } }`,
    variables: {
      input: { programmeId: missingId('Programme'), step: 'FINAL_LIST_AGREED', doneOn: '2023-02-01' },
    },
  },
  addChecklistDependency: {
    query: `mutation ($input: ChecklistDependencyInput!) { addChecklistDependency(input: $input) { ${ANSWER} } }`,
    variables: {
      input: {
        itemId: missingId('ChecklistItem'),
        dependsOnId: missingId('ChecklistItem'),
        expectedVersion: 1,
      },
    },
  },
  removeChecklistDependency: {
    query: `mutation ($input: ChecklistDependencyInput!) { removeChecklistDependency(input: $input) { ${ANSWER} } }`,
    variables: {
      input: {
        itemId: missingId('ChecklistItem'),
        dependsOnId: missingId('ChecklistItem'),
        expectedVersion: 1,
      },
    },
  },
  saveBaseline: {
    query: `mutation ($input: SaveBaselineInput!) { saveBaseline(input: $input) { ${ANSWER} } }`,
    variables: { input: { programmeId: missingId('Programme'), name: 'never saved' } },
  },
};

describe('the access matrix, asked cell by cell', () => {
  let api: TestApi;
  const tokens = new Map<Subject, string | undefined>();
  const ids = new Map<string, string>();
  let before = '';

  beforeAll(async () => {
    api = await startTestApi();
    const db = api.handle.db;
    for (const role of ['ADMIN', 'EDITOR', 'HR', 'VIEWER'] as const) tokens.set(role, await api.login(role));
    tokens.set('ANONYMOUS', undefined);
    // A partner party to an agreement, so that node(id:) on the agreement answers it.
    const party = await db
      .selectFrom('data_sharing_agreement_party')
      .selectAll()
      .orderBy('agreement_id')
      .orderBy('organisation_id')
      .executeTakeFirstOrThrow();
    const made = await createApiToken(
      db,
      { name: 'Access matrix test', organisationId: party.organisation_id, expiresOn: '2023-03-31' },
      null,
      new Date('2023-02-15T12:00:00Z'),
    );
    tokens.set('PARTNER', made.token);
    // An ELI package (the demo has none sent yet), so that its fields and who is in it have something to answer.
    const programme = await db.selectFrom('programme').select('id').executeTakeFirstOrThrow();
    await createEliPackage(
      db,
      { programmeId: programme.id, categories: ['IDENTITY_AND_AGE'] },
      new Date('2023-02-15T12:00:00Z'),
    );
    // A measures letter (the demo has none yet), so that who has had one has something to answer.
    const recipient = await db
      .selectFrom('employee')
      .select('id')
      .where('tupe_status', '=', 'IN_SCOPE_ASSIGNED')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('measures_letter')
      .values({
        employee_id: recipient.id,
        programme_id: programme.id,
        sent_on: '2023-02-14',
        recorded_by: null,
      })
      .execute();
    // Rows whose optional parts are filled, so that every field has something to answer.
    const preferred: Record<string, string | undefined> = {
      DataSharingAgreement: party.agreement_id,
      Employee: (
        await db
          .selectFrom('employee')
          .select('id')
          .where('post_id', 'is not', null)
          .where('ni_number', 'is not', null)
          // with an appeal, so that the employee's appeals and decision history have rows to answer
          .where('id', 'in', (eb) => eb.selectFrom('assignment_appeal').select('employee_id'))
          .orderBy('id')
          .executeTakeFirst()
      )?.id,
      RaidItem: (
        await db
          .selectFrom('raid_item')
          .select('id')
          .where('residual_likelihood', 'is not', null)
          .orderBy('id')
          .executeTakeFirst()
      )?.id,
    };
    // An HR import with a change and an error, so that every field of its types has something to answer.
    const hr = await db
      .selectFrom('app_user')
      .select('id')
      .where('role', '=', 'HR')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('hr_import')
      .values({
        programme_id: programme.id,
        file_name: 'matrix.csv',
        file_size: 10,
        sha256: '0'.repeat(64),
        uploaded_by: hr.id,
        dry_run: true,
        status: 'REFUSED',
        rows_total: 1,
        rows_done: 1,
        counts: JSON.stringify({
          postsInserted: 1,
          postsUpdated: 0,
          postsUnchanged: 0,
          employeesInserted: 0,
          employeesUpdated: 0,
          employeesUnchanged: 0,
          employeesNotInFile: 0,
        }),
        changes: JSON.stringify([{ row: 2, kind: 'POST', key: 'P1', action: 'INSERT', fields: ['title'] }]),
        change_count: 1,
        errors: JSON.stringify([
          {
            row: 2,
            column: 'NI No',
            value: 'QQ123456Z',
            message: 'is not a National Insurance number',
            personal: true,
          },
        ]),
        error_count: 1,
        message: 'refused',
        finished_at: new Date('2023-02-15T12:00:00Z'),
      })
      .execute();
    // A gate sign-off, withdrawn, and evidence (the demo has none), so that their fields have something to answer.
    {
      const signatory = await db
        .selectFrom('gate_signatory')
        .selectAll()
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const signOff = await db
        .insertInto('gate_sign_off')
        .values({
          gate_id: signatory.gate_id,
          signatory_id: signatory.id,
          user_id: signatory.user_id,
          role_title: signatory.role_title,
          signed_at: new Date('2023-02-15T12:00:00Z'),
          snapshot: '{}',
          snapshot_sha256: 'a'.repeat(64),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('gate_sign_off_withdrawal')
        .values({ sign_off_id: signOff.id, user_id: signatory.user_id, reason: 'matrix test' })
        .execute();
      const criterion = await db
        .selectFrom('gate_criterion')
        .select('id')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('evidence')
        .values({
          programme_id: programme.id,
          gate_criterion_id: criterion.id,
          checklist_item_id: null,
          kind: 'FILE',
          label: 'matrix.txt',
          url: null,
          file_name: 'matrix.txt',
          content_type: 'text/plain',
          size_bytes: 4,
          sha256: 'b'.repeat(64),
          content: new TextEncoder().encode('test'),
          added_by: signatory.user_id,
        })
        .execute();
    }
    // A plan baseline of the programme, so that PlanBaseline has a row to ask about.
    await insertBaseline(db, programme.id, 'Matrix test baseline', null, new Date('2023-02-15T12:00:00Z'));
    for (const [type, table] of Object.entries(NODE_TABLES)) {
      const row = await sql<{ id: string }>`select id from ${sql.table(table)} order by id limit 1`.execute(
        db,
      );
      const id = preferred[type] ?? row.rows[0]?.id;
      if (id) ids.set(type, encodeGlobalID(type, id));
    }
    // HR has read the employee's record (their history has an event), as it happens through the API.
    await api.gql(
      `{ node(id: ${JSON.stringify(ids.get('Employee'))}) { ... on Employee { firstName } } }`,
      {},
      tokens.get('HR'),
    );
    // A transfer run to answer for. Recorded as a row, not run: a real run would empty the transferring
    // list, and the letters and ELI counts of that list must have something to answer too.
    const afterInstant = new Date('2023-04-01T08:00:00Z');
    await db
      .insertInto('transfer_run')
      .values({
        programme_id: programme.id,
        run_by: hr.id,
        run_at: afterInstant,
        transfer_at: new Date('2023-03-31T23:00:00Z'),
        transferred: 1,
      })
      .execute();
    before = await snapshot(api);
  });

  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });

  it('knows a seeded row of every Node type', () => {
    const nodeTypes = schema.getImplementations(schema.getType('Node') as never).objects.map((t) => t.name);
    expect(nodeTypes.filter((n) => !ids.has(n))).toEqual([]);
  });

  it('asks every read field as every caller: deny answers FORBIDDEN with nothing leaked, allow answers', async () => {
    const problems: string[] = [];
    const readTypes = ruleTypes.filter((t) => t.name !== 'Mutation');
    const reachOf = new Map(SUBJECTS.map((s) => [s, reaches(schemaOf(s), ids)]));
    /** Values answered to allowed callers, by field: looked for in the refusals. */
    const answered = new Map<string, string[]>();
    const refusals: { key: string; subject: Subject; errors: string }[] = [];
    let asked = 0;

    for (const type of readTypes) {
      const fullReach = reachOf.get('ADMIN')!.get(type.name);
      if (!fullReach) {
        // Only a Mutation reaches it: the test above ties its rows to the writes'.
        continue;
      }
      for (const subject of SUBJECTS) {
        const s = schemaOf(subject);
        const t = s.getType(type.name);
        if (!isObjectType(t)) continue;
        const reach = reachOf.get(subject)!.get(type.name);
        if (!reach) {
          problems.push(`${type.name}: no way in for ${subject}`);
          continue;
        }
        const fieldsWith = (cell: 'allow' | 'deny') =>
          Object.values(t.getFields()).filter((f) => ruleOf(type.name, f.name).cells[subject] === cell);
        // A refused non-null field nulls its parent and stops its siblings' answers: each is asked alone.
        const denied = fieldsWith('deny');
        const nullable = denied.filter((f) => !isNonNullType(f.type));
        const batches = [
          { cell: 'allow' as const, fields: fieldsWith('allow') },
          { cell: 'deny' as const, fields: nullable },
          ...denied.filter((f) => isNonNullType(f.type)).map((f) => ({ cell: 'deny' as const, fields: [f] })),
        ];
        for (const { cell, fields } of batches) {
          if (fields.length === 0) continue;
          const selection = fields
            .map((f) => {
              const args = requiredArgs(f, ids);
              if (args === null) throw new Error(`no sample for the arguments of ${type.name}.${f.name}`);
              return `${f.name}${args}${isCompositeType(getNamedType(f.type)) ? ' { __typename }' : ''}`;
            })
            .join(' ');
          const res: GqlResponse = await api.gql(reach.wrap(selection), {}, tokens.get(subject));
          asked += 1;
          const errors = res.errors ?? [];
          for (const f of fields) {
            const key = `${type.name}.${f.name}`;
            const path = [...reach.path, f.name];
            const at = errors.filter((e) => isPrefix(e.path, path));
            if (cell === 'allow') {
              const parent = valueAt(res.data, reach.path);
              if (at.length > 0)
                problems.push(`${key} ${subject}: allowed, but ${at.map((e) => e.message).join('; ')}`);
              else if (parent == null || typeof parent !== 'object' || !(f.name in parent))
                problems.push(`${key} ${subject}: allowed, but nothing answered at ${path.join('.')}`);
              else answered.set(key, [...(answered.get(key) ?? []), ...telling(valueAt(res.data, path))]);
            } else {
              if (!at.some((e) => e.extensions?.code === refusal(subject)))
                problems.push(`${key} ${subject}: denied, but no ${refusal(subject)} at ${path.join('.')}`);
              if (valueAt(res.data, path) != null)
                problems.push(`${key} ${subject}: denied, but a value answered`);
              refusals.push({ key, subject, errors: JSON.stringify(errors) });
            }
          }
        }
      }
    }
    for (const { key, subject, errors } of refusals) {
      for (const value of answered.get(key) ?? []) {
        if (errors.includes(value)) problems.push(`${key} ${subject}: the refusal names the value ${value}`);
      }
    }
    expect(problems).toEqual([]);
    // The guard itself: personal fields were refused to the other roles, and HR's answers were looked for.
    expect(refusals.some((r) => r.key === 'Employee.niNumber' && r.subject === 'VIEWER')).toBe(true);
    expect(answered.get('Employee.niNumber')?.length).toBeGreaterThan(0);
    expect(asked).toBeGreaterThan(readTypes.length);
  });

  it("answers node(id:) and nodes(ids:) with null, and nothing else, for a type absent from the caller's schema", async () => {
    const problems: string[] = [];
    for (const subject of SUBJECTS) {
      const s = schemaOf(subject);
      for (const [type, id] of ids) {
        if (isObjectType(s.getType(type))) continue;
        const res = await api.gql<{ node: unknown; nodes: unknown[] }>(
          `{ node(id: ${JSON.stringify(id)}) { __typename id } nodes(ids: [${JSON.stringify(id)}]) { __typename id } }`,
          {},
          tokens.get(subject),
        );
        if (res.errors || res.data?.node !== null || res.data.nodes[0] !== null)
          problems.push(`${type} ${subject}: ${JSON.stringify(res)}`);
      }
    }
    expect(problems).toEqual([]);
    // The guard itself: partners were asked for a person.
    expect(isObjectType(partnerSchema.getType('Employee'))).toBe(false);
  });

  it('has a sample for every write, and each write refuses the denied callers and lets the allowed ones through, changing nothing', async () => {
    const mutation = schema.getMutationType()!;
    const names = Object.keys(mutation.getFields());
    expect(names.filter((n) => !MUTATION_SAMPLES[n])).toEqual([]);
    expect(Object.keys(MUTATION_SAMPLES).filter((n) => !names.includes(n))).toEqual([]);
    const problems: string[] = [];
    for (const name of names) {
      const sample = MUTATION_SAMPLES[name]!;
      const rule = ruleOf('Mutation', name);
      for (const subject of SUBJECTS) {
        const cell = rule.cells[subject];
        if (cell === 'absent') {
          if (schemaOf(subject).getMutationType()?.getFields()[name])
            problems.push(`${name} ${subject}: not absent`);
          continue;
        }
        const cached = tokens.get(subject);
        const token = sample.freshSession && cached ? await startSessionToken(api, subject) : cached;
        const res = await api.gql(sample.query, sample.variables ?? {}, token);
        const codes = (res.errors ?? []).map((e) => e.extensions?.code);
        const value = res.data?.[name];
        if (cell === 'deny') {
          const at = (res.errors ?? []).filter((e) => isPrefix(e.path, [name]));
          if (!at.some((e) => e.extensions?.code === refusal(subject)))
            problems.push(`${name} ${subject}: denied, but answered ${JSON.stringify(res)}`);
          if (value != null) problems.push(`${name} ${subject}: denied, but a value answered`);
        } else if (codes.includes('FORBIDDEN') || codes.includes('UNAUTHENTICATED') || value == null) {
          problems.push(`${name} ${subject}: allowed, but answered ${JSON.stringify(res)}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(await snapshot(api)).toBe(before);
  });
});

/** A session of its own for a staff role (the harness keeps one per role). */
async function startSessionToken(api: TestApi, role: Subject): Promise<string> {
  const res = await api.gql<{ login: { token?: string } }>(
    'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { ... on LoginSuccess { token } } }',
    { email: `${role.toLowerCase()}@handover.example`, password: DEMO_PASSWORD },
  );
  const token = res.data?.login.token;
  if (!token) throw new Error(`sign-in as ${role} failed: ${JSON.stringify(res)}`);
  return token;
}
