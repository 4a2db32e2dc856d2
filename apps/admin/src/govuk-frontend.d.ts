// GOV.UK Frontend ships no type declarations; this is the one function the app calls.
declare module 'govuk-frontend' {
  export function initAll(config?: Record<string, unknown>): void;
}
