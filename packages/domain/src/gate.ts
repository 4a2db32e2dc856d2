/**
 * The go/no-go gate (DOMAIN.md 6.6): criteria, each PENDING, PASS, FAIL or
 * WAIVED (a waiver needs its rationale), and the accountable people who must
 * sign it off.
 *
 * The outcome: GO when every criterion is PASS or WAIVED and every required
 * signatory has a current (not withdrawn) sign-off. Otherwise, until the end
 * of its decision date and while no criterion has FAILED, it is OPEN: still
 * to be decided, with what is outstanding. It is NO_GO only when a criterion
 * has failed or the decision date has passed unmet. Either way the reasons
 * name each thing missing.
 *
 * Signing: a signatory may sign while criteria are still PENDING or FAIL. A
 * sign-off records exactly what the signatory saw (the snapshot), so signing
 * an OPEN or NO-GO picture is a record of its own, and it never makes the gate GO:
 * the outcome still needs every criterion PASS or WAIVED. A signatory whose
 * picture has changed withdraws and signs again.
 */
import type { IsoDate } from './dates.ts';

export const GATE_CRITERION_STATUSES = ['PENDING', 'PASS', 'FAIL', 'WAIVED'] as const;
export type GateCriterionStatus = (typeof GATE_CRITERION_STATUSES)[number];

export const GATE_OUTCOMES = ['GO', 'OPEN', 'NO_GO'] as const;
export type GateOutcome = (typeof GATE_OUTCOMES)[number];

/** The rule, in a sentence, for the page. */
export const GATE_OUTCOME_RULE =
  'GO when every criterion is PASS or WAIVED (with its rationale) and every required signatory has a current ' +
  'sign-off that has not been withdrawn. Until the end of its decision date, with no criterion failed, it is OPEN, ' +
  'listing what is outstanding; NO-GO when a criterion has failed or the decision date has passed unmet. ' +
  'Signatories may sign while criteria are open: what they saw is recorded, and the gate is not GO until every ' +
  'criterion is met.';

export interface GateCriterionState {
  title: string;
  status: GateCriterionStatus;
}

export interface GateSignatoryState {
  roleTitle: string;
  /** Whether this signatory has a sign-off that is not withdrawn. */
  signed: boolean;
}

export interface GateDecision {
  outcome: GateOutcome;
  reasons: string[];
}

export interface GateTiming {
  /** The gate's decision date. */
  decisionDue: IsoDate;
  /** Today (UK calendar). */
  today: IsoDate;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];
/** "24 March 2023". */
function longDate(date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y}`;
}

export function gateOutcome(
  criteria: readonly GateCriterionState[],
  signatories: readonly GateSignatoryState[],
  { decisionDue, today }: GateTiming,
): GateDecision {
  const reasons: string[] = [];
  if (criteria.length === 0) reasons.push('The gate has no criteria.');
  if (signatories.length === 0) reasons.push('The gate has no required signatories.');
  for (const c of criteria) {
    if (c.status === 'PENDING') reasons.push(`Criterion “${c.title}” is still pending.`);
    if (c.status === 'FAIL') reasons.push(`Criterion “${c.title}” has failed.`);
  }
  for (const s of signatories) {
    if (!s.signed) reasons.push(`No current sign-off from the ${s.roleTitle}.`);
  }
  if (reasons.length === 0) return { outcome: 'GO', reasons };
  const passed = today > decisionDue;
  if (passed) reasons.unshift(`The decision date, ${longDate(decisionDue)}, has passed with the gate not met.`);
  const failed = criteria.some((c) => c.status === 'FAIL');
  return { outcome: failed || passed ? 'NO_GO' : 'OPEN', reasons };
}

/** A waiver needs its reason; any other status keeps none. Returns the problem, or null when valid. */
export function criterionStatusProblem(status: GateCriterionStatus, rationale: string | null): string | null {
  const r = rationale?.trim() ?? '';
  if (status === 'WAIVED' && r.length === 0)
    return 'a waived criterion needs a rationale: say why it is waived';
  if (r.length > 4000) return 'must be at most 4000 characters';
  return null;
}

/**
 * JSON with object keys sorted at every level, so that the same snapshot
 * always gives the same text, and so the same SHA-256.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
