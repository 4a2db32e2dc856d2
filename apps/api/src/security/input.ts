/**
 * One rule for every string the API is given, checked at the edge before any
 * resolver runs: every String and ID argument, and every String and ID field
 * of an input object, whether written in the document or sent as a variable.
 *
 * - No control characters: NUL and the other C0 controls (and DEL) are refused
 *   everywhere; tab, newline and carriage return only in text that may span
 *   lines (not in an ID, a search, an email address or a name).
 * - A length limit: `maxStringLength` characters (10,000 by default), smaller
 *   for searches (200), email addresses (320) and names and titles (500), larger
 *   for the files carried as text (a template's content; base64 files, bounded
 *   by the body size limit and their own size checks).
 *
 * A refusal answers a ValidationError (code BAD_USER_INPUT) naming the field as
 * the services do: the argument's name, or for an `input` object the field's
 * path inside it (`title`, `evidence[2]`).
 */
import {
  getOperationAST,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type ValueNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ValidationError } from '../schema/errors.ts';
import { MAX_TEMPLATE_BYTES } from '../modules/template/template.service.ts';

export const DEFAULT_MAX_STRING_LENGTH = 10_000;

/** Smaller (or larger) limits for strings by the name of their argument or input field. */
export const STRING_LIMITS_BY_NAME: Readonly<Record<string, number>> = {
  search: 200,
  email: 320,
  name: 500,
  firstName: 500,
  lastName: 500,
  title: 500,
  roleTitle: 500,
  label: 500,
  // A checklist template's file: its own limit (template.service.ts) applies.
  content: MAX_TEMPLATE_BYTES,
  // Files as base64: bounded by the request body limit, then by each file's own size check.
  contentBase64: Number.POSITIVE_INFINITY,
};

/** Where a line break or a tab has no place: identifiers, searches, addresses and names. */
const SINGLE_LINE_NAMES = new Set([
  'search',
  'email',
  'name',
  'firstName',
  'lastName',
  'title',
  'roleTitle',
  'label',
]);

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// eslint-disable-next-line no-control-regex
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F]/;

const codePoint = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** The problem with one string, or null. `name` is the argument's or input field's own name. */
export function stringProblem(
  value: string,
  name: string,
  typeName: string,
  maxLength = DEFAULT_MAX_STRING_LENGTH,
): string | null {
  const limit = STRING_LIMITS_BY_NAME[name] ?? maxLength;
  if (value.length > limit) return `is too long (${value.length} characters; at most ${limit})`;
  const singleLine = typeName === 'ID' || SINGLE_LINE_NAMES.has(name);
  const found = (singleLine ? CONTROL_SINGLE_LINE : CONTROL).exec(value);
  if (found) {
    return singleLine
      ? `must not contain a control character, a tab or a line break (found ${codePoint(found[0])} at character ${found.index + 1})`
      : `must not contain a control character (found ${codePoint(found[0])} at character ${found.index + 1})`;
  }
  return null;
}

interface Walk {
  variables: Record<string, unknown>;
  maxLength: number;
}

const join = (path: string, name: string) => (path === '' ? name : `${path}.${name}`);

/** Checks a JavaScript value (a variable's) against an input type. */
function checkValue(type: GraphQLInputType, value: unknown, path: string, name: string, walk: Walk): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return checkValue(type.ofType, value, path, name, walk);
  if (isListType(type)) {
    // A single value stands for a list of one (GraphQL's input coercion).
    if (!Array.isArray(value)) return checkValue(type.ofType, value, path, name, walk);
    value.forEach((v, i) => checkValue(type.ofType, v, `${path}[${i}]`, name, walk));
    return;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object') return;
    const fields = type.getFields();
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[key];
      if (field) checkValue(field.type, v, join(path, key), key, walk);
    }
    return;
  }
  if (isScalarType(type) && (type.name === 'String' || type.name === 'ID') && typeof value === 'string') {
    const problem = stringProblem(value, name, type.name, walk.maxLength);
    if (problem) throw new ValidationError(path, problem);
  }
}

/** Checks a value written in the document (or a variable inside it) against an input type. */
function checkNode(type: GraphQLInputType, node: ValueNode, path: string, name: string, walk: Walk): void {
  if (node.kind === Kind.VARIABLE) return checkValue(type, walk.variables[node.name.value], path, name, walk);
  if (isNonNullType(type)) return checkNode(type.ofType, node, path, name, walk);
  if (isListType(type)) {
    if (node.kind !== Kind.LIST) return checkNode(type.ofType, node, path, name, walk);
    node.values.forEach((v, i) => checkNode(type.ofType, v, `${path}[${i}]`, name, walk));
    return;
  }
  if (isInputObjectType(type)) {
    if (node.kind !== Kind.OBJECT) return;
    const fields = type.getFields();
    for (const f of node.fields) {
      const field = fields[f.name.value];
      if (field) checkNode(field.type, f.value, join(path, f.name.value), f.name.value, walk);
    }
    return;
  }
  if (isScalarType(type) && (type.name === 'String' || type.name === 'ID') && node.kind === Kind.STRING) {
    const problem = stringProblem(node.value, name, type.name, walk.maxLength);
    if (problem) throw new ValidationError(path, problem);
  }
}

/**
 * Checks every string argument of the operation being run. An `input` argument
 * (an input object) names its fields without the `input.` prefix, as the services do.
 */
export function useStringInputRule(options: { maxStringLength?: number } = {}): Plugin {
  const maxLength = options.maxStringLength ?? DEFAULT_MAX_STRING_LENGTH;
  return {
    onExecute({ args: given, setResultAndStopExecution }) {
      const args = given as {
        document: DocumentNode;
        operationName?: string | null;
        schema: GraphQLSchema;
        variableValues?: unknown;
      };
      const operation = getOperationAST(args.document, args.operationName);
      if (!operation) return;
      const walk: Walk = { variables: (args.variableValues ?? {}) as Record<string, unknown>, maxLength };
      const typeInfo = new TypeInfo(args.schema);
      try {
        // The whole document: the operation and the fragments it spreads (validation allows no unused one).
        // Another operation's variables are not given, so only its literals are looked at.
        visit(
          args.document,
          visitWithTypeInfo(typeInfo, {
            Argument(node) {
              const arg = typeInfo.getArgument();
              if (!arg) return;
              const path =
                isInputObjectType(arg.type) || (isNonNullType(arg.type) && isInputObjectType(arg.type.ofType))
                  ? ''
                  : node.name.value;
              checkNode(arg.type, node.value, path, node.name.value, walk);
            },
          }),
        );
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        setResultAndStopExecution({ errors: [error] });
      }
    },
  };
}
