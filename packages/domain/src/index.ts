export * from './enums.ts';
export * from './dates.ts';
export * from './checklist.ts';
export * from './readiness.ts';
export * from './raid.ts';
export * from './tupe.ts';
export * from './tupe-timeline.ts';
export * from './plan.ts';
