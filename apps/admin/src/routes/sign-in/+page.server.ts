import { fail, redirect } from '@sveltejs/kit';
import { gql } from '$lib/server/api';
import { formText } from '$lib/server/list';
import { setSessionCookie } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

/** Only paths of this app: never an absolute or protocol-relative URL (no open redirect). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.viewer) redirect(303, safeNext(url.searchParams.get('next')));
  return {};
};

type LoginResult =
  | { __typename: 'LoginSuccess'; token: string; expiresAt: string }
  | { __typename: 'InvalidCredentialsError'; message: string }
  | { __typename: 'TooManyAttemptsError'; message: string; retryAfterSeconds: number }
  | { __typename: 'ValidationError'; message: string; field: string };

export const actions: Actions = {
  default: async ({ request, cookies, url }) => {
    const form = await request.formData();
    const email = formText(form, 'email');
    const password = typeof form.get('password') === 'string' ? (form.get('password') as string) : '';
    const errors: { field: string; message: string }[] = [];
    if (!email) errors.push({ field: 'email', message: 'Enter your email address' });
    if (!password) errors.push({ field: 'password', message: 'Enter your password' });
    if (errors.length) return fail(400, { email, errors });

    const { login } = await gql<{ login: LoginResult }>(
      `mutation ($email: String!, $password: String!) {
        login(email: $email, password: $password) {
          __typename
          ... on LoginSuccess { token expiresAt }
          ... on Error { message }
          ... on ValidationError { field }
          ... on TooManyAttemptsError { retryAfterSeconds }
        }
      }`,
      { token: null, variables: { email, password } },
    );
    if (login.__typename === 'TooManyAttemptsError') {
      // Said plainly: after too many failures even the right password is refused for a while.
      const minutes = Math.max(1, Math.ceil(login.retryAfterSeconds / 60));
      return fail(429, {
        email,
        errors: [
          {
            field: 'email',
            message: `Too many failed sign-ins. Wait ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}, then try again`,
          },
        ],
      });
    }
    if (login.__typename !== 'LoginSuccess') {
      return fail(400, {
        email,
        errors: [{ field: 'email', message: 'Enter a correct email address and password' }],
      });
    }
    setSessionCookie(cookies, login.token, new Date(login.expiresAt));
    redirect(303, safeNext(url.searchParams.get('next')));
  },
};
