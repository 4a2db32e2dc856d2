/**
 * The admin app's only way to the data: GraphQL over HTTP to the API, from
 * the server side, with the user's session token as a bearer token.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { env } from '$env/dynamic/private';

/**
 * The browser's address for the request being handled (set by hooks.server.ts), forwarded to the
 * API as X-Forwarded-For: the API throttles sign-in and rate-limits anonymous calls by it.
 */
export const requestScope = new AsyncLocalStorage<{ clientAddress: string | null }>();

/** PARTNER is an API token's role: partners never sign in to the admin app. */
export type Role = 'ADMIN' | 'EDITOR' | 'HR' | 'VIEWER' | 'PARTNER';

export interface Viewer {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** The API could not be reached or answered with errors that are not data. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly codes: string[] = [],
  ) {
    super(message);
  }
}

export const apiUrl = (): string =>
  env.HANDOVER_API_URL || `http://127.0.0.1:${env.API_PORT || 4000}/graphql`;

export interface GqlOptions {
  token: string | null;
  variables?: Record<string, unknown>;
  requestId?: string;
}

/** Runs a GraphQL operation; throws ApiError on transport failures and on top-level errors. */
export async function gql<T>(query: string, { token, variables, requestId }: GqlOptions): Promise<T> {
  const clientAddress = requestScope.getStore()?.clientAddress;
  let response: Response;
  try {
    response = await fetch(apiUrl(), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(requestId ? { 'x-request-id': requestId } : {}),
        // The API's CSRF rule: JSON POSTs pass anyway; the header makes any request of ours pass.
        'x-handover-csrf': '1',
        ...(clientAddress ? { 'x-forwarded-for': clientAddress } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('The Handover API cannot be reached', ['UNREACHABLE']);
  }
  const body = (await response.json().catch(() => null)) as {
    data?: T;
    errors?: { message: string; extensions?: { code?: string } }[];
  } | null;
  if (!body) throw new ApiError(`The Handover API answered ${response.status} without a body`);
  if (body.errors?.length) {
    throw new ApiError(
      body.errors.map((e) => e.message).join('; '),
      body.errors.map((e) => e.extensions?.code ?? 'UNKNOWN'),
    );
  }
  if (!body.data) throw new ApiError('The Handover API answered without data');
  return body.data;
}
