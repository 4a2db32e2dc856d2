import { publication } from '$lib/server/publication';
import type { PageServerLoad } from './$types';

/** Public (no sign-in needed: hooks.server.ts), as the accessibility regulations require. */
export const load: PageServerLoad = ({ url }) => ({ publication: publication(), origin: url.origin });
