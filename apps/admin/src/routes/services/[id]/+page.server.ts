import { fail, redirect } from '@sveltejs/kit';
import { gql } from '$lib/server/api';
import { formText } from '$lib/server/list';
import { SERVICE_TRANSFER_STATUSES } from '@handover/domain';
import { humanise } from '$lib/format';
import { loadService } from './service.server';
import type { Actions, PageServerLoad } from './$types';


export const load: PageServerLoad = async ({ locals, params, url }) => ({
  ...(await loadService(locals.token, params.id)),
  // Only the programme manager records a service's status (Mutation.updateServiceStatus: ADMIN).
  canChangeStatus: locals.viewer?.role === 'ADMIN',
  // The transfer statuses from the domain; the API decides which move is allowed.
  statuses: SERVICE_TRANSFER_STATUSES,
  statusSaved: url.searchParams.get('status') === 'saved',
});

type UpdateResult =
  | { __typename: 'Service'; transferStatus: string; version: number }
  | { __typename: 'ValidationError'; field: string; message: string }
  | { __typename: 'NotFoundError'; message: string }
  | { __typename: 'ConflictError'; message: string; currentVersion: number; current: { transferStatus?: string } };

const UPDATE = `mutation ($input: UpdateServiceStatusInput!) { updateServiceStatus(input: $input) {
  __typename ... on Service { transferStatus version } ... on Error { message } ... on ValidationError { field }
  ... on ConflictError { currentVersion current { ... on Service { transferStatus } } } } }`;

export const actions: Actions = {
  status: async ({ locals, params, request }) => {
    const form = await request.formData();
    const status = formText(form, 'status');
    const expectedVersion = Number(formText(form, 'version'));
    if (!(SERVICE_TRANSFER_STATUSES as readonly string[]).includes(status)) {
      return fail(400, { status, errors: [{ field: 'status', message: 'Choose a transfer status' }] });
    }
    const res = await gql<{ updateServiceStatus: UpdateResult }>(UPDATE, {
      token: locals.token,
      variables: { input: { id: params.id, expectedVersion, status } },
    });
    const r = res.updateServiceStatus;
    if (r.__typename === 'Service') redirect(303, `/services/${encodeURIComponent(params.id)}?status=saved`);
    if (r.__typename === 'ConflictError') {
      const now = r.current.transferStatus ? humanise(r.current.transferStatus) : 'another status';
      return fail(409, {
        status,
        errors: [
          {
            field: 'status',
            message: `Someone else changed the status to ${now} since you opened this page. Nothing was saved: the page now shows theirs; choose again.`,
          },
        ],
      });
    }
    const message = r.__typename === 'ValidationError' ? r.message.replace(/^status: /, '') : r.message;
    return fail(400, { status, errors: [{ field: 'status', message: `The status ${message}` }] });
  },
};
