// Types of svelte.config.js, for the tests that read it (src/csp.test.ts).
import type { Config } from '@sveltejs/kit';

export const ANNOUNCER_STYLE: string;
declare const config: Config;
export default config;
