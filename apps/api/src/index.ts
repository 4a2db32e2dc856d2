export { createApp, type App, type AppOptions } from './app.ts';
export { fixedClock, systemClock, type Clock } from './clock.ts';
export { schema } from './schema/index.ts';
