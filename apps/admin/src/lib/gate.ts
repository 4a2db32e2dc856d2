/** How the gate's outcome (GateOutcome in the API: GO, OPEN or NO_GO) is written on every page. */
export type GateOutcome = 'GO' | 'OPEN' | 'NO_GO';
export const GATE_OUTCOME_LABELS: Readonly<Record<GateOutcome, string>> = {
  GO: 'GO',
  OPEN: 'Open: still to be decided',
  NO_GO: 'NO-GO',
};
