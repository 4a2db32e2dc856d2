/**
 * The partner schema holds no personal data by construction: it is a subset
 * of the full schema, and no personal type or field is in it at all. The
 * personal set is read from the code (the HR-only fields, the fields of the
 * types about people), so that a new personal field cannot slip in unnoticed.
 */
import { readFileSync } from 'node:fs';
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { printPartnerSchemaFile } from '../../print-schema.ts';
import { partnerSchema, schema } from '../../schema/index.ts';
import { PERSONAL_EMPLOYEE_FIELDS, PERSONAL_EMPLOYEE_LISTS } from '../people/people.schema.ts';

/** Types about people, their sign-in or their credentials: none may reach a partner. */
const PERSONAL_TYPES = ['Employee', 'Post', 'User', 'LoginSuccess', 'ApiToken', 'ApiTokenCreated'];
/** Words that mark a type about people (EmployeeConnection, PostEdge, ...). */
const PERSONAL_TYPE_WORDS = /Employee|Post|User|Login|Session|ApiToken/;
/**
 * Field names of the person types that are also plain organisational words: a
 * Service has a name and a version, an agreement a start date, counts are
 * kept by TUPE status, and a headcount counts `employees` (as the HR-only list
 * of them is named). Anything else named as on Employee, User or Post fails.
 */
const GENERIC_FIELD_NAMES = new Set([
  'id',
  'name',
  'version',
  'createdAt',
  'fte',
  'tupeStatus',
  'title',
  'team',
  'vacant',
  'startDate',
  'employees',
]);

const userTypes = (s: GraphQLSchema): GraphQLNamedType[] =>
  Object.values(s.getTypeMap()).filter((t) => !t.name.startsWith('__'));

const fieldsOf = (t: GraphQLNamedType): GraphQLField<unknown, unknown>[] =>
  isObjectType(t) || isInterfaceType(t) ? Object.values(t.getFields()) : [];

/** Lists of people only HR may read: staff, who holds a post, who is in an ELI package, who has had a measures letter. */
const HR_ONLY_PEOPLE_LISTS = ['members', 'measuresLetterRecipients', 'employees', 'holders'];
/** The HR import: its jobs' reports quote the file's values (names, NI numbers), and its layout is HR's tool. */
const HR_IMPORT_FIELDS = ['hrImport', 'hrImports', 'hrImportColumns'];

/** Fields only HR may read, wherever they are in the full schema (scope-auth's options, kept by Pothos). */
function hrOnlyFields(): string[] {
  const out: string[] = [];
  for (const type of userTypes(schema)) {
    // Writes are not reads: HR's TUPE writes (createEliPackage, ...) are not personal fields.
    if (type === schema.getMutationType()) continue;
    for (const field of fieldsOf(type)) {
      const scopes = (field.extensions as { pothosOptions?: { authScopes?: { role?: string[] } } })
        .pothosOptions?.authScopes;
      if (scopes?.role && scopes.role.every((r) => r === 'HR')) out.push(field.name);
    }
  }
  return out;
}

/** Every field name of the types about people, less the generic words. */
function personalFieldNames(): Set<string> {
  const names = new Set<string>([
    ...PERSONAL_EMPLOYEE_FIELDS,
    ...hrOnlyFields(),
    'email',
    'token',
    'password',
  ]);
  for (const typeName of ['Employee', 'User', 'Post']) {
    const type = schema.getType(typeName);
    expect(type, `${typeName} is in the full schema`).toBeDefined();
    for (const f of fieldsOf(type!)) names.add(f.name);
  }
  for (const generic of GENERIC_FIELD_NAMES) names.delete(generic);
  return names;
}

describe('the partner schema', () => {
  it('is printed and committed: apps/api/partner.graphql matches the code (run `pnpm generate`)', () => {
    const committed = readFileSync(new URL('../../../partner.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(printPartnerSchemaFile());
  });

  it('reads the personal fields from the code: the HR-only ones are the PERSONAL_EMPLOYEE_FIELDS and the HR-only lists of people', () => {
    expect(hrOnlyFields().sort()).toEqual(
      [
        ...PERSONAL_EMPLOYEE_FIELDS,
        ...PERSONAL_EMPLOYEE_LISTS,
        ...HR_ONLY_PEOPLE_LISTS,
        ...HR_IMPORT_FIELDS,
      ].sort(),
    );
  });

  it('has no personal type at all, nor any type named for people', () => {
    const names = userTypes(partnerSchema).map((t) => t.name);
    for (const t of PERSONAL_TYPES) expect(names).not.toContain(t);
    expect(names.filter((n) => PERSONAL_TYPE_WORDS.test(n))).toEqual([]);
  });

  it('has no personal field on any type, input or argument', () => {
    const personal = personalFieldNames();
    const found: string[] = [];
    for (const type of userTypes(partnerSchema)) {
      for (const field of fieldsOf(type)) {
        if (personal.has(field.name)) found.push(`${type.name}.${field.name}`);
        for (const arg of field.args)
          if (personal.has(arg.name)) found.push(`${type.name}.${field.name}(${arg.name})`);
      }
      if (isInputObjectType(type)) {
        for (const f of Object.values(type.getFields()))
          if (personal.has(f.name)) found.push(`${type.name}.${f.name}`);
      }
    }
    expect(found).toEqual([]);
    // The guard itself: the full schema does have these.
    expect(personal.has('niNumber') && personal.has('payrollNumber') && personal.has('email')).toBe(true);
  });

  it('reads only: no mutation, no subscription', () => {
    expect(partnerSchema.getMutationType()).toBeUndefined();
    expect(partnerSchema.getSubscriptionType()).toBeUndefined();
  });

  it('is a subset of the full schema: every type, field, argument and value is the same as there', () => {
    const problems: string[] = [];
    for (const type of userTypes(partnerSchema)) {
      const full = schema.getType(type.name);
      if (!full || full.constructor !== type.constructor) {
        problems.push(`${type.name} is not the same kind of type in the full schema`);
        continue;
      }
      if (isObjectType(type) || isInterfaceType(type)) {
        const fullFields = (full as typeof type).getFields();
        for (const field of Object.values(type.getFields())) {
          const other = fullFields[field.name];
          if (!other) problems.push(`${type.name}.${field.name} is not in the full schema`);
          else if (String(other.type) !== String(field.type))
            problems.push(`${type.name}.${field.name} differs`);
          else {
            const sig = (f: typeof field) => f.args.map((a) => `${a.name}:${String(a.type)}`).join(',');
            if (sig(field) !== sig(other)) problems.push(`${type.name}.${field.name} has other arguments`);
          }
        }
      }
      if (isEnumType(type) && isEnumType(full)) {
        const values = (t: typeof type) =>
          t
            .getValues()
            .map((v) => v.name)
            .join(',');
        if (values(type) !== values(full)) problems.push(`${type.name} has other values`);
      }
      if (isInputObjectType(type) && isInputObjectType(full)) {
        if (Object.keys(type.getFields()).join(',') !== Object.keys(full.getFields()).join(',')) {
          problems.push(`${type.name} has other input fields`);
        }
      }
      if (isUnionType(type)) problems.push(`${type.name}: a union in the partner schema`);
    }
    expect(problems).toEqual([]);
    expect(userTypes(partnerSchema).length).toBeLessThan(userTypes(schema).length);
  });

  it('offers what partners need: services with who delivers them, contact routes, milestones, readiness, headcount and agreements', () => {
    const programme = partnerSchema.getType('Programme');
    const service = partnerSchema.getType('Service');
    expect(isObjectType(programme) && isObjectType(service)).toBe(true);
    if (!isObjectType(programme) || !isObjectType(service)) return;
    expect(Object.keys(programme.getFields())).toEqual(
      expect.arrayContaining([
        'services',
        'milestones',
        'readiness',
        'readinessByService',
        'headcountByService',
        'dataSharingAgreements',
        'contactRoutes',
        'transferDate',
      ]),
    );
    expect(Object.keys(service.getFields())).toEqual(
      expect.arrayContaining(['deliveredBy', 'contactRoutes', 'goLiveDate', 'shadowDate', 'headcount']),
    );
    expect(Object.keys(programme.getFields())).not.toContain('employees');
    expect(Object.keys(programme.getFields())).not.toContain('posts');
  });
});
