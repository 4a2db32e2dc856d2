/**
 * The personal-data scan, generated from the schema and the matrix: HR walks every query path
 * the schema offers (every field reachable from Query, lists two long, through connections and
 * nodes, then `node(id:)`/`nodes(ids:)` with every id HR saw) and every value HR saw on a personal
 * field is noted. Then ADMIN, EDITOR, VIEWER and a partner token make the same walk (each through
 * what its schema and the matrix give it) and the scan fails on any personal value they see, in
 * data or in an error message.
 *
 * A field is personal when the matrix gives it to HR alone, or when its type is one person (an
 * employee, someone in an ELI package, a letter, a decision, an appeal, a history entry): the
 * second holds even if a matrix row is loosened by mistake. A value is looked for when it has 4
 * characters or more and HR did not also see it on a non-personal field (a TUPE status, an email
 * of a user, a team's name). The ids of people count too, as global IDs and as the uuids in them.
 *
 * The scan is shown to fail: `collectAsHr` / `scanAs` / `leaksIn` return the leaks found, and a second test
 * makes one (Programme.name answers ADMIN a payroll number HR saw) and expects the walk to report
 * exactly that value, `Employee.payrollNumber` seen at `Programme.name`. The non-HR walks run side by side.
 */
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import {
  defaultFieldResolver,
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../context.ts';
import { createEliPackage } from '../modules/eli/eli.service.ts';
import { createApiToken } from '../modules/partner/partner.service.ts';
import { partnerSchema, schema } from '../schema/index.ts';
import { startTestApi, type GqlResponse, type TestApi } from '../test/harness.ts';
import { MATRIX_ROWS, type Subject } from './matrix.ts';

/** Types each of which is one person, whatever the matrix says of their fields. */
const PERSON_TYPES = new Set([
  'Employee',
  'EliPackageEmployee',
  'MeasuresLetter',
  'AssignmentDecisionRecord',
  'AssignmentAppeal',
  'EmployeeHistoryEvent',
  'SkippedEmployee',
  'HrImportError',
  'HrImportChange',
]);
/** HR-only types that hold no one's data: the HR import's file layout (headers, descriptions, invented examples). */
const NOT_ABOUT_PEOPLE = new Set(['HrImportColumn']);

/** Words of the schema itself (type and field names, enum values): never a personal value. */
const VOCABULARY = new Set<string>(
  Object.values(schema.getTypeMap()).flatMap((t) => [
    t.name,
    ...(isObjectType(t) || isInputObjectType(t) ? Object.keys(t.getFields()) : []),
    ...(isEnumType(t) ? t.getValues().map((v) => v.name) : []),
  ]),
);
const STAFF = ['ADMIN', 'EDITOR', 'VIEWER'] as const;
const LIST_SIZE = 2;
const MAX_DEPTH = 4;
/** The scan asks big documents: the limits on depth, tokens and cost are not what it tests. */
const LIMITS = { maxDepth: 64, maxAliases: 15, maxTokens: 1_000_000, maxCost: 1e15 };

const isPlumbing = (name: string) => /Connection(Edge)?$/.test(name) || name === 'PageInfo';
const schemaOf = (subject: Subject): GraphQLSchema => (subject === 'PARTNER' ? partnerSchema : schema);

/** Whether the matrix lets this caller read the field (list plumbing follows the field that leads to it). */
function readable(subject: Subject, typeName: string, fieldName: string): boolean {
  if (isPlumbing(typeName)) return true;
  return MATRIX_ROWS[`${typeName}.${fieldName}`]?.cells[subject] === 'allow';
}

/** Whether a field is personal: HR's alone by the matrix, or a field of a type that is one person. */
function personal(typeName: string, fieldName: string): boolean {
  if (PERSON_TYPES.has(typeName)) return true;
  if (NOT_ABOUT_PEOPLE.has(typeName)) return false;
  const rule = MATRIX_ROWS[`${typeName}.${fieldName}`];
  return rule !== undefined && rule.cells.HR === 'allow' && STAFF.every((s) => rule.cells[s] !== 'allow');
}

interface Walk {
  subject: Subject;
  schema: GraphQLSchema;
  /** Global IDs seen, by type: the samples for ID arguments. */
  ids: Map<string, string[]>;
}

const SAMPLE_SCALARS: Record<string, string> = {
  Date: '"2023-03-15"',
  DateTime: '"2023-03-15T12:00:00Z"',
  Int: '2',
  Float: '1',
  Boolean: 'true',
  String: '"scan"',
};

/** A value for a required argument, or null when the walk has none (the field is then left out). */
function sampleFor(
  name: string,
  type: GraphQLInputType,
  walk: Walk,
  fallbackType: string | null,
): string | null {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    const one = sampleFor(name.replace(/s$/, ''), inner.ofType, walk, fallbackType);
    return one === null ? null : `[${one}]`;
  }
  const named = getNamedType(type);
  if (named.name === 'ID') {
    const typeName = /^(.+?)Ids?$/.exec(name)?.[1];
    const target = typeName ? typeName[0]!.toUpperCase() + typeName.slice(1) : fallbackType;
    const id = target ? walk.ids.get(target)?.[0] : undefined;
    return id ? JSON.stringify(id) : null;
  }
  if (isEnumType(named)) return named.getValues()[0]?.name ?? null;
  if (isInputObjectType(named)) {
    const parts: string[] = [];
    for (const f of Object.values(named.getFields())) {
      if (!isNonNullType(f.type) || f.defaultValue !== undefined) continue;
      const v = sampleFor(f.name, f.type, walk, null);
      if (v === null) return null;
      parts.push(`${f.name}: ${v}`);
    }
    return `{ ${parts.join(', ')} }`;
  }
  return SAMPLE_SCALARS[named.name] ?? null;
}

function argsFor(field: GraphQLField<unknown, unknown>, walk: Walk): string | null {
  const parts: string[] = [];
  const returns = getNamedType(field.type).name;
  for (const arg of field.args) {
    if (arg.name === 'first' && getNamedType(arg.type).name === 'Int') {
      parts.push(`first: ${LIST_SIZE}`);
      continue;
    }
    if (!isNonNullType(arg.type) || arg.defaultValue !== undefined) continue;
    const v = sampleFor(arg.name, arg.type, walk, isPlumbing(returns) ? null : returns);
    if (v === null) return null;
    parts.push(`${arg.name}: ${v}`);
  }
  return parts.length > 0 ? `(${parts.join(', ')})` : '';
}

/**
 * The selection of everything the caller may read below a type. Each object type is expanded once in a
 * document (`expanded`), so that a document grows with the schema, not with the number of its paths; the
 * other ways into a type are walked by the other documents (each field of a programme, each root field,
 * node(id:) with each type's ids).
 */
function selectionOf(
  type: GraphQLNamedType,
  depth: number,
  onPath: readonly string[],
  walk: Walk,
  expanded: Set<string> = new Set(),
): string {
  if (isObjectType(type) && !isPlumbing(type.name)) {
    if (expanded.has(type.name)) return '';
    expanded.add(type.name);
  }
  if (isAbstractType(type)) {
    const parts = walk.schema
      .getPossibleTypes(type)
      .filter((o) => !onPath.includes(o.name))
      .map((o) => [o.name, selectionOf(o, depth, [...onPath, o.name], walk, expanded)] as const)
      .filter(([, inner]) => inner !== '')
      .map(([name, inner]) => `... on ${name} { ${inner} }`);
    return ['__typename', ...parts].join(' ');
  }
  if (!isObjectType(type)) return '';
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (!readable(walk.subject, type.name, field.name)) continue;
    const args = argsFor(field, walk);
    if (args === null) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) {
      parts.push(`${field.name}${args}`);
      continue;
    }
    const deeper = isPlumbing(named.name) ? depth : depth + 1;
    if (deeper > MAX_DEPTH || onPath.includes(named.name)) continue;
    const inner = selectionOf(named, deeper, [...onPath, named.name], walk, expanded);
    if (inner !== '') parts.push(`${field.name}${args} { ${inner} }`);
  }
  return parts.length > 0 ? `__typename ${parts.join(' ')}` : '';
}

/** What a walk saw: every leaf value with the field it came from, and every error message. */
interface Seen {
  values: { value: string; typeName: string; fieldName: string }[];
  errors: string[];
}

/** Notes every leaf of an answer, knowing the type of each object by its __typename. */
function collect(data: unknown, seen: Seen, walk: Walk): void {
  const visit = (value: unknown, typeName: string | null, fieldName: string | null) => {
    if (Array.isArray(value)) {
      for (const v of value) visit(v, typeName, fieldName);
      return;
    }
    if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      const own = typeof o.__typename === 'string' ? o.__typename : null;
      for (const [k, v] of Object.entries(o)) if (k !== '__typename') visit(v, own, k);
      return;
    }
    if (value === null || value === undefined || typeName === null || fieldName === null) return;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    seen.values.push({ value: text, typeName, fieldName });
    if (fieldName === 'id' && typeof value === 'string') {
      try {
        const { typename } = decodeGlobalID(value);
        const list = walk.ids.get(typename) ?? [];
        if (!list.includes(value)) walk.ids.set(typename, [...list, value]);
      } catch {
        // Not a global ID: nothing to note.
      }
    }
  };
  visit(data, 'Query', null);
}

async function ask(api: TestApi, token: string, query: string, seen: Seen, walk: Walk): Promise<void> {
  const res: GqlResponse = await api.gql(query, {}, token);
  for (const e of res.errors ?? []) seen.errors.push(e.message);
  collect(res.data, seen, walk);
}

/** The walk of one caller: each root field alone, the programmes' fields one at a time, then every id seen. */
async function walkAs(
  api: TestApi,
  subject: Subject,
  token: string,
  idsFromHr: Map<string, string[]> | null,
): Promise<{ seen: Seen; walk: Walk; asked: number }> {
  const walk: Walk = { subject, schema: schemaOf(subject), ids: new Map() };
  const seen: Seen = { values: [], errors: [] };
  let asked = 0;
  const query = walk.schema.getQueryType()!;
  const run = async (q: string) => {
    asked += 1;
    await ask(api, token, q, seen, walk);
  };
  // Programmes first, so that ID arguments (programmeId, ...) have samples.
  await run(`{ __typename programmes(first: ${LIST_SIZE}) { edges { node { __typename id } } } }`);
  const programme = walk.schema.getType('Programme');
  if (isObjectType(programme)) {
    for (const field of Object.values(programme.getFields())) {
      if (!readable(subject, 'Programme', field.name)) continue;
      const args = argsFor(field, walk);
      if (args === null) continue;
      const named = getNamedType(field.type);
      const inner = isLeafType(named) ? '' : selectionOf(named, 1, ['Programme', named.name], walk);
      if (!isLeafType(named) && inner === '') continue;
      await run(
        `{ __typename programmes(first: ${LIST_SIZE}) { __typename edges { __typename node { __typename id ${field.name}${args}${inner ? ` { ${inner} }` : ''} } } } }`,
      );
    }
  }
  for (const field of Object.values(query.getFields())) {
    if (['node', 'nodes', 'programmes'].includes(field.name)) continue;
    if (!readable(subject, 'Query', field.name)) continue;
    const args = argsFor(field, walk);
    if (args === null) continue;
    const named = getNamedType(field.type);
    const inner = isLeafType(named) ? '' : selectionOf(named, 1, [named.name], walk);
    if (!isLeafType(named) && inner === '') continue;
    await run(`{ __typename ${field.name}${args}${inner ? ` { ${inner} }` : ''} }`);
  }
  // node(id:) and nodes(ids:) with the ids HR saw (HR: its own), a few of each type, one type a request.
  const ids = idsFromHr ?? walk.ids;
  for (const [typename, list] of [...ids.entries()]) {
    const sample = list.slice(0, 3);
    const type = walk.schema.getType(typename);
    // The node's own fields and those of what it leads to, one level down: the deep paths were walked above.
    const inner = isObjectType(type) ? selectionOf(type, MAX_DEPTH - 1, ['Programme', typename], walk) : 'id';
    const fragment = isObjectType(type) && inner ? `... on ${typename} { ${inner} }` : '';
    await run(
      `{ __typename node(id: ${JSON.stringify(sample[0])}) { __typename ${fragment} } nodes(ids: ${JSON.stringify(sample)}) { __typename ${fragment} } }`,
    );
  }
  return { seen, walk, asked };
}

/** What HR saw that no one else may: each personal value with the field HR saw it on. */
interface HrFindings {
  /** Personal value → `Type.field` where HR saw it. */
  found: Map<string, string>;
  /** The global IDs HR saw, by type: what the others ask node(id:) and nodes(ids:) for. */
  ids: Map<string, string[]>;
  errors: string[];
  asked: number;
}

/** One personal value seen by a caller that is not HR, and where. */
interface Leak {
  subject: Subject;
  value: string;
  /** The field HR saw the value on, e.g. `Employee.payrollNumber`. */
  personalField: string;
  /** Where the other caller saw it: `Type.field`, or `error` for an error message. */
  seenAt: string;
  /** Whether the value was the whole leaf, inside a longer text, or in an error message. */
  how: 'value' | 'inside' | 'error';
}

/** The walk as HR, and the personal values it saw (values HR also saw on a non-personal field are not). */
async function collectAsHr(api: TestApi, token: string): Promise<HrFindings> {
  const hr = await walkAs(api, 'HR', token, null);
  const elsewhere = new Set<string>();
  for (const v of hr.seen.values) if (!personal(v.typeName, v.fieldName)) elsewhere.add(v.value);
  const found = new Map<string, string>();
  const note = (value: string, where: string) => {
    if (value.length < 4 || elsewhere.has(value) || VOCABULARY.has(value) || found.has(value)) return;
    found.set(value, where);
  };
  for (const v of hr.seen.values) {
    if (!personal(v.typeName, v.fieldName)) continue;
    note(v.value, `${v.typeName}.${v.fieldName}`);
  }
  // The ids of people, as the uuids inside them too.
  for (const type of PERSON_TYPES) {
    for (const id of hr.walk.ids.get(type) ?? []) {
      note(id, `${type}.id`);
      note(decodeGlobalID(id).id, `${type}.id (uuid)`);
    }
  }
  return { found, ids: hr.walk.ids, errors: hr.seen.errors, asked: hr.asked };
}

/** The detection: every personal value of HR's in what another caller saw, as a value, inside a text or in an error. */
function leaksIn(subject: Subject, seen: Seen, hr: HrFindings): Leak[] {
  const personalValues = [...hr.found.keys()];
  const longTexts = personalValues.filter((v) => v.length >= 6 && /[A-Za-z]/.test(v) && !/^[A-Z_]+$/.test(v));
  const leaks: Leak[] = [];
  for (const v of seen.values) {
    const seenAt = `${v.typeName}.${v.fieldName}`;
    const where = hr.found.get(v.value);
    if (where) leaks.push({ subject, value: v.value, personalField: where, seenAt, how: 'value' });
    else if (v.value.length > 40) {
      const inside = longTexts.find((p) => v.value.includes(p));
      if (inside)
        leaks.push({ subject, value: inside, personalField: hr.found.get(inside)!, seenAt, how: 'inside' });
    }
  }
  for (const message of seen.errors) {
    const inside = personalValues.find((p) => message.includes(p));
    if (inside)
      leaks.push({
        subject,
        value: inside,
        personalField: hr.found.get(inside)!,
        seenAt: 'error',
        how: 'error',
      });
  }
  return leaks;
}

/** The walk of a caller that is not HR (through the ids HR saw), and the leaks in what it saw. */
async function scanAs(
  api: TestApi,
  subject: Subject,
  token: string,
  hr: HrFindings,
): Promise<{ seen: Seen; leaks: Leak[] }> {
  const { seen } = await walkAs(api, subject, token, hr.ids);
  return { seen, leaks: leaksIn(subject, seen, hr) };
}

const describeLeak = (l: Leak) =>
  `${l.subject} saw ${l.personalField} ${l.how === 'error' ? 'in an error' : `${l.how === 'inside' ? 'inside' : 'at'} ${l.seenAt}`}`;

describe('the personal-data scan', () => {
  let api: TestApi;
  const tokens = new Map<Subject, string>();

  beforeAll(async () => {
    api = await startTestApi({ limits: LIMITS });
    const db = api.handle.db;
    for (const role of ['HR', ...STAFF] as const) tokens.set(role, await api.login(role));
    const party = await db
      .selectFrom('data_sharing_agreement_party')
      .select('organisation_id')
      .orderBy('agreement_id')
      .orderBy('organisation_id')
      .executeTakeFirstOrThrow();
    const made = await createApiToken(
      db,
      { name: 'Personal data scan', organisationId: party.organisation_id, expiresOn: '2023-12-31' },
      null,
      new Date('2023-02-15T12:00:00Z'),
    );
    tokens.set('PARTNER', made.token);
    // What the demo has none of yet: an ELI package, a measures letter and an HR import's error report,
    // so that the people in them are there for HR to see, and for the others not to.
    const programme = await db.selectFrom('programme').select('id').orderBy('id').executeTakeFirstOrThrow();
    await createEliPackage(
      db,
      { programmeId: programme.id, categories: ['IDENTITY_AND_AGE'] },
      new Date('2023-02-15T12:00:00Z'),
    );
    const recipient = await db
      .selectFrom('employee')
      .select(['id', 'ni_number'])
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
    const hr = await db
      .selectFrom('app_user')
      .select('id')
      .where('role', '=', 'HR')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('hr_import')
      .values({
        programme_id: programme.id,
        file_name: 'scan.csv',
        file_size: 10,
        sha256: '0'.repeat(64),
        uploaded_by: hr.id,
        dry_run: true,
        status: 'REFUSED',
        rows_total: 1,
        rows_done: 1,
        changes: JSON.stringify([
          { row: 2, kind: 'EMPLOYEE', key: 'P99001', action: 'INSERT', fields: ['fte'] },
        ]),
        change_count: 1,
        errors: JSON.stringify([
          { row: 2, column: 'NI No', value: 'QQ123456Z', message: 'is not an NI number', personal: true },
        ]),
        error_count: 1,
        message: 'refused',
        finished_at: new Date('2023-02-15T12:00:00Z'),
      })
      .execute();
  });

  afterAll(async () => {
    expect(api.unexpected.map(String)).toEqual([]);
    await api.close();
  });

  /** HR's walk, made once for the file: the scan and the leak made on purpose both use it. */
  let hrFindings: HrFindings | null = null;
  const hrOnce = async () => (hrFindings ??= await collectAsHr(api, tokens.get('HR')!));

  it('finds no value HR sees as personal anywhere another role or a partner looks', async () => {
    const hr = await hrOnce();
    expect(hr.errors).toEqual([]);
    // The guard itself: HR saw people, their identifiers and the rationale of decisions.
    const fields = new Set(hr.found.values());
    for (const f of [
      'Employee.niNumber',
      'Employee.payrollNumber',
      'Employee.lastName',
      'Employee.dateOfBirth',
      'Employee.id',
      'AssignmentDecisionRecord.rationale',
      'HrImportError.value',
    ]) {
      expect(
        [...fields].some((x) => x.startsWith(f)),
        f,
      ).toBe(true);
    }
    expect(hr.found.size).toBeGreaterThan(30);
    expect(hr.asked).toBeGreaterThan(60);

    // The others walk side by side: each walk is its own, and the answers do not depend on one another.
    const others = [...STAFF, 'PARTNER'] as const;
    const scans = await Promise.all(others.map((s) => scanAs(api, s, tokens.get(s)!, hr)));
    const problems: string[] = [];
    others.forEach((subject, i) => {
      const { seen, leaks } = scans[i]!;
      expect(seen.values.length, `${subject} saw something`).toBeGreaterThan(100);
      problems.push(...leaks.map(describeLeak));
      // They were refused people, not left unasked: node(id:) on an employee was tried.
      if (subject !== 'PARTNER')
        expect(seen.errors.some((m) => m.includes('may not read Employee'))).toBe(true);
    });
    expect([...new Set(problems)]).toEqual([]);
  }, 180_000);

  it('finds a leak when one is made', async () => {
    const hr = await hrOnce();
    // A payroll number HR saw, echoed to ADMIN through Programme.name, a field every staff role may read:
    // the leak a resolver reading the wrong column would make. The schema is the one the API serves.
    const payroll = [...hr.found].find(([, where]) => where === 'Employee.payrollNumber')![0];
    const field = (schema.getType('Programme') as GraphQLObjectType).getFields().name!;
    // Programme.name is exposed without a resolver of its own (graphql's default reads the property).
    const own = field.resolve;
    const resolve = own ?? defaultFieldResolver;
    field.resolve = (parent, args, ctx: Context, info) =>
      ctx.viewer?.kind === 'user' && ctx.viewer.role === 'ADMIN' ? payroll : resolve(parent, args, ctx, info);
    try {
      const { leaks } = await scanAs(api, 'ADMIN', tokens.get('ADMIN')!, hr);
      expect(leaks).toContainEqual({
        subject: 'ADMIN',
        value: payroll,
        personalField: 'Employee.payrollNumber',
        seenAt: 'Programme.name',
        how: 'value',
      });
      // Only the leak made: the rest of ADMIN's walk is as clean as the scan above says.
      expect(new Set(leaks.map((l) => `${l.value} ${l.seenAt}`))).toEqual(
        new Set([`${payroll} Programme.name`]),
      );
    } finally {
      field.resolve = own;
    }
  }, 120_000);

  it('finds a personal value as a value, inside a text and in an error message', () => {
    const hr: HrFindings = {
      found: new Map([
        ['P10002', 'Employee.payrollNumber'],
        ['Moved to the MASH team after the review', 'AssignmentDecisionRecord.rationale'],
      ]),
      ids: new Map(),
      errors: [],
      asked: 0,
    };
    const seen: Seen = {
      values: [
        { value: 'P10002', typeName: 'TeamHeadcount', fieldName: 'team' },
        { value: 'P1000', typeName: 'Service', fieldName: 'code' },
        {
          value: 'Decision note: Moved to the MASH team after the review, agreed by HR',
          typeName: 'ChecklistItem',
          fieldName: 'commentary',
        },
      ],
      errors: ['Not found: no employee P10002'],
    };
    expect(leaksIn('VIEWER', seen, hr)).toEqual([
      {
        subject: 'VIEWER',
        value: 'P10002',
        personalField: 'Employee.payrollNumber',
        seenAt: 'TeamHeadcount.team',
        how: 'value',
      },
      {
        subject: 'VIEWER',
        value: 'Moved to the MASH team after the review',
        personalField: 'AssignmentDecisionRecord.rationale',
        seenAt: 'ChecklistItem.commentary',
        how: 'inside',
      },
      {
        subject: 'VIEWER',
        value: 'P10002',
        personalField: 'Employee.payrollNumber',
        seenAt: 'error',
        how: 'error',
      },
    ]);
  });

  it('would catch a leak: an employee id and payroll number are personal values the scan looks for', () => {
    expect(personal('Employee', 'payrollNumber')).toBe(true);
    expect(personal('Employee', 'assignmentRationale')).toBe(true);
    expect(personal('AssignmentDecisionRecord', 'rationale')).toBe(true);
    expect(personal('Programme', 'employees')).toBe(true);
    expect(personal('TeamHeadcount', 'employees')).toBe(false);
    expect(personal('User', 'email')).toBe(false);
    expect(encodeGlobalID('Employee', 'x')).not.toBe('');
  });
});
