/**
 * Turns rows of the access matrix into Pothos scope-auth scopes, so that the
 * field-level rules enforced are the rules written down in `matrix.ts`.
 */
import type { Role } from '@handover/domain';
import { MATRIX, MATRIX_ROWS, SUBJECTS, type FieldKey, type Rule } from './matrix.ts';

/** The roles a rule allows, as scope-auth's `role` scope. */
function roleScope(rule: Rule, where: string): { role: Role[] } {
  if (rule.cells.ANONYMOUS === 'allow') {
    // A field anyone may call skips its type's `authenticated` scope instead (skipTypeScopes).
    throw new Error(`${where}: rule ${rule.name} allows anonymous callers; it cannot be a role scope`);
  }
  const role = SUBJECTS.filter((s): s is Role => s !== 'ANONYMOUS' && rule.cells[s] === 'allow');
  if (role.length === 0) throw new Error(`${where}: rule ${rule.name} allows no role`);
  return { role };
}

/** `authScopes` for one field: the roles its matrix row allows. */
export function scopesFor(key: FieldKey): { role: Role[] } {
  return roleScope(MATRIX[key], key);
}

/**
 * `authScopes` for a whole object type, when every row of the type has the
 * same rule (e.g. ApiToken: ADMIN_ONLY). Throws when the type has no rows or
 * its rows differ: then the scopes belong on the fields.
 */
export function typeScopesFor(typeName: string): { role: Role[] } {
  const rules = new Set(
    Object.keys(MATRIX_ROWS)
      .filter((key) => key.startsWith(`${typeName}.`))
      .map((key) => MATRIX_ROWS[key]!),
  );
  const [only] = rules;
  if (rules.size !== 1 || !only) {
    throw new Error(`${typeName}: type scopes need one rule for all its rows; found ${rules.size}`);
  }
  return roleScope(only, typeName);
}
