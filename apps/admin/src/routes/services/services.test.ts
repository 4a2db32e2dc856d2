import { isHttpError } from '@sveltejs/kit';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const gql = vi.hoisted(() => vi.fn());
vi.mock('$lib/server/api', async (original) => ({ ...(await original<object>()), gql }));

import { ApiError } from '$lib/server/api';
import { SERVICE_TRANSFER_STATUSES } from '@handover/domain';
import { load as serviceLoad } from './[id]/+page.server';
import { GET as exportCsv } from './export.csv/+server';
import { fetchAllServices, serviceFilters, type ServiceRow } from './services.server';

const ID = Buffer.from('Service:243793ef-fa3e-4d9b-a6e4-433ffeec5bb8').toString('base64');

function row(name: string, extra: Partial<ServiceRow> = {}): ServiceRow {
  return {
    id: Buffer.from(`Service:${name}`).toString('base64'),
    name,
    disposition: 'TRANSFERS',
    transferStatus: 'IN_PROGRESS',
    shadowDate: '2023-02-15',
    goLiveDate: '2023-04-01',
    headcount: { posts: 10, vacantPosts: 2, employees: 8, fte: 7.5 },
    readiness: { applicable: 3, shareComplete: 1 / 3 },
    ...extra,
  };
}

function servicesPage(rows: ServiceRow[], endCursor: string | null, hasNextPage: boolean) {
  return {
    today: '2023-02-15',
    programmes: {
      edges: [
        {
          node: {
            id: 'p',
            name: 'Programme',
            services: {
              totalCount: 3,
              pageInfo: { endCursor, hasNextPage },
              edges: rows.map((node) => ({ node })),
            },
          },
        },
      ],
    },
  };
}

type LoadEvent = Parameters<typeof serviceLoad>[0];
const loadService = async (id: string): Promise<unknown> =>
  serviceLoad({
    locals: { token: 't' },
    params: { id },
    url: new URL(`http://localhost/services/${id}`),
  } as unknown as LoadEvent);

async function status(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (e) {
    if (isHttpError(e)) return e.status;
    throw e;
  }
}

beforeEach(() => gql.mockReset());

describe('service filters', () => {
  it('reads repeated checkboxes and the search box, dropping values that are not allowed', () => {
    const url = new URL(
      'http://x/services?disposition=VARIES&disposition=NOPE&transferStatus=READY&transferStatus=RETAINED&search=%20care%20',
    );
    expect(serviceFilters(url)).toEqual({
      dispositions: ['VARIES'],
      transferStatuses: ['READY', 'RETAINED'],
      search: 'care',
    });
    expect(serviceFilters(new URL('http://x/services'))).toEqual({
      dispositions: [],
      transferStatuses: [],
      search: '',
    });
  });
});

describe('services export', () => {
  it('fetches every page with the same filters', async () => {
    gql
      .mockResolvedValueOnce(servicesPage([row('A'), row('B')], 'c1', true))
      .mockResolvedValueOnce(servicesPage([row('C')], 'c2', false));
    const filters = serviceFilters(new URL('http://x/services?disposition=TRANSFERS&search=a'));
    const { rows, today } = await fetchAllServices('t', filters);
    expect(today).toBe('2023-02-15');
    expect(rows.map((r) => r.name)).toEqual(['A', 'B', 'C']);
    expect(gql.mock.calls.map((c) => (c[1] as { variables: unknown }).variables)).toEqual([
      { first: 200, after: null, filter: { dispositions: ['TRANSFERS'], search: 'a' } },
      { first: 200, after: 'c1', filter: { dispositions: ['TRANSFERS'], search: 'a' } },
    ]);
  });

  it('answers CSV with the columns of the table, formulas neutralised', async () => {
    gql.mockResolvedValueOnce(
      servicesPage(
        [
          row('=cmd()', {
            shadowDate: null,
            goLiveDate: null,
            disposition: 'RETAINED_BY_COUNCIL',
            transferStatus: 'RETAINED',
          }),
        ],
        null,
        false,
      ),
    );
    const response = await exportCsv({
      locals: { token: 't' },
      url: new URL('http://x/services/export.csv'),
    } as unknown as Parameters<typeof exportCsv>[0]);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="services-2023-02-15.csv"',
    );
    const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(body).toBe(
      '\uFEFFName,Disposition,Transfer status,Shadow date,Go-live date,Posts,Vacant posts,People,FTE,Readiness %\r\n' +
        "'=cmd(),Retained by council,Retained,,,10,2,8,7.5,33\r\n",
    );
  });
});

describe('service page', () => {
  it('is not found for IDs that cannot name a service, without asking the API', async () => {
    const malformed = [
      'garbage',
      ID.replace(/=+$/, ''),
      Buffer.from('Service:99999').toString('base64'),
      Buffer.from('Team:243793ef-fa3e-4d9b-a6e4-433ffeec5bb8').toString('base64'),
    ];
    for (const id of malformed) expect(await status(loadService(id)), id).toBe(404);
    expect(gql).not.toHaveBeenCalled();
  });

  it('is not found when the API finds nothing, refuses the ID, or finds something else', async () => {
    gql.mockResolvedValueOnce({ node: null });
    expect(await status(loadService(ID))).toBe(404);
    gql.mockRejectedValueOnce(new ApiError('id: not valid', ['BAD_USER_INPUT']));
    expect(await status(loadService(ID))).toBe(404);
    gql.mockResolvedValueOnce({ node: { __typename: 'Team' } });
    expect(await status(loadService(ID))).toBe(404);
  });

  it('passes other API failures on', async () => {
    gql.mockRejectedValueOnce(new ApiError('down', ['UNREACHABLE']));
    await expect(loadService(ID)).rejects.toThrow('down');
  });

  it('gives the service', async () => {
    const node = { __typename: 'Service', id: ID, name: 'Fostering' };
    gql.mockResolvedValueOnce({ node });
    expect(await loadService(ID)).toEqual({
      service: node,
      canChangeStatus: false,
      statuses: SERVICE_TRANSFER_STATUSES,
      statusSaved: false,
    });
    expect(gql.mock.calls[0]?.[1]).toEqual({ token: 't', variables: { id: ID } });
  });
});
