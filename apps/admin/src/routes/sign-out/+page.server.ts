import { redirect } from '@sveltejs/kit';
import { gql } from '$lib/server/api';
import { clearSessionCookie } from '$lib/server/session';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async ({ locals, cookies }) => {
    if (locals.token) await gql<{ logout: boolean }>('mutation { logout }', { token: locals.token });
    clearSessionCookie(cookies);
    redirect(303, '/sign-in');
  },
};
