import { isHttpError, isRedirect, type RequestEvent } from '@sveltejs/kit';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const gql = vi.hoisted(() => vi.fn());
vi.mock('$lib/server/api', async (original) => ({ ...(await original<object>()), gql }));

import { ApiError } from '$lib/server/api';
import { GET as download } from '../../routes/evidence/[id]/+server';
import {
  MAX_EVIDENCE_BYTES,
  addEvidenceAction,
  attachmentDisposition,
  removeEvidenceAction,
} from './evidence';

beforeEach(() => gql.mockReset());

/** What a browser would make of the header: the filename* value, decoded. */
function decodedName(header: string): string {
  const encoded = /filename\*=UTF-8''(\S+)$/.exec(header)?.[1];
  if (!encoded) throw new Error(`no filename* in ${header}`);
  return decodeURIComponent(encoded);
}

describe('attachmentDisposition', () => {
  it('keeps a plain name as it is, in both parameters', () => {
    expect(attachmentDisposition('contract-v2.pdf')).toBe(
      `attachment; filename="contract-v2.pdf"; filename*=UTF-8''contract-v2.pdf`,
    );
  });

  it('encodes any other name so that it arrives whole, with an ASCII stand-in for old clients', () => {
    const name = 'Réunion – “final” (v2) 50%*.pdf';
    const header = attachmentDisposition(name);
    expect(decodedName(header)).toBe(name);
    expect(header).toContain('filename="R_union _ _final_ (v2) 50_*.pdf"');
    // Only RFC 8187 attr-chars and percent escapes in filename*, and the whole header is ASCII.
    expect(/filename\*=UTF-8''([A-Za-z0-9!#$&+\-.^_`|~%]+)$/.test(header)).toBe(true);
    expect(/^[\x20-\x7e]+$/.test(header)).toBe(true);
  });

  it('cannot be broken out of: quotes, backslashes, semicolons and line breaks stay inside the name', () => {
    const header = attachmentDisposition('a"; filename="evil.html\r\nx-injected: 1\\.txt');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.match(/filename="/g)).toHaveLength(1);
    expect(/filename="([^"]*)"/.exec(header)?.[1]).toBe('a_; filename=_evil.htmlx-injected: 1_.txt');
    expect(decodedName(header)).toBe('a"; filename="evil.htmlx-injected: 1\\.txt');
  });

  it('names an empty or broken name "evidence" or mends it', () => {
    expect(attachmentDisposition('  ')).toBe(`attachment; filename="evidence"; filename*=UTF-8''evidence`);
    expect(decodedName(attachmentDisposition('bad\uD800name.txt'))).toBe('bad\uFFFDname.txt');
  });
});

type DownloadEvent = Parameters<typeof download>[0];
const get = (id: string) =>
  download({ locals: { token: 't' }, params: { id } } as unknown as DownloadEvent) as Promise<Response>;

async function status(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (e) {
    if (isHttpError(e)) return e.status;
    if (isRedirect(e)) return e.status;
    throw e;
  }
}

const FILE = {
  kind: 'FILE',
  fileName: 'notes ü.txt',
  contentType: 'text/plain',
  removedAt: null,
  contentBase64: Buffer.from('hello, evidence').toString('base64'),
};

describe('the evidence download', () => {
  it('answers the stored bytes with the stored type, as an attachment under its name, never sniffed', async () => {
    gql.mockResolvedValueOnce({ node: FILE });
    const response = await get('RXZpZGVuY2U6MQ==');
    expect(gql.mock.calls[0]![1]).toMatchObject({ token: 't', variables: { id: 'RXZpZGVuY2U6MQ==' } });
    expect(Buffer.from(await response.arrayBuffer()).toString()).toBe('hello, evidence');
    expect(response.headers.get('content-type')).toBe('text/plain');
    expect(response.headers.get('content-disposition')).toBe(attachmentDisposition('notes ü.txt'));
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('is 404 for a removed file, a link, another kind of node, nothing, or a malformed id', async () => {
    gql.mockResolvedValueOnce({ node: { ...FILE, removedAt: '2023-02-15T10:00:00Z' } });
    expect(await status(get('a'))).toBe(404);
    gql.mockResolvedValueOnce({ node: { ...FILE, kind: 'LINK', contentBase64: null } });
    expect(await status(get('a'))).toBe(404);
    gql.mockResolvedValueOnce({ node: {} });
    expect(await status(get('a'))).toBe(404);
    gql.mockResolvedValueOnce({ node: null });
    expect(await status(get('a'))).toBe(404);
    gql.mockRejectedValueOnce(new ApiError('bad id', ['BAD_USER_INPUT']));
    expect(await status(get('a'))).toBe(404);
  });

  it('is 403 when the API refuses the reader', async () => {
    gql.mockRejectedValueOnce(new ApiError('Not authorised', ['FORBIDDEN']));
    expect(await status(get('a'))).toBe(403);
  });
});

type Role = 'ADMIN' | 'EDITOR' | 'HR' | 'VIEWER';
function event(role: Role, fields: Record<string, string | File>): RequestEvent {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  return {
    request: new Request('http://admin.test/checklists/x?/addEvidence', { method: 'POST', body }),
    locals: { token: 't', viewer: { id: 'u', email: 'e', name: 'N', role } },
  } as unknown as RequestEvent;
}
const item = () => ({ key: 'item', checklistItemId: 'ITEM' });
const done = (o: 'added' | 'removed') => `/checklists/ITEM?evidence=${o}`;

async function outcome(promise: Promise<unknown>) {
  try {
    return await promise;
  } catch (e) {
    if (isRedirect(e)) return { redirect: e.location };
    throw e;
  }
}

describe('adding and removing evidence', () => {
  it('refuses a role that may not change evidence without calling the API', async () => {
    const added = (await addEvidenceAction(
      event('VIEWER', { kind: 'LINK', url: 'https://x.example' }),
      item,
      done,
    )) as { status: number };
    expect(added.status).toBe(403);
    const removed = (await removeEvidenceAction(event('HR', { evidenceId: 'E' }), () => 'item', done)) as {
      status: number;
    };
    expect(removed.status).toBe(403);
    expect(gql).not.toHaveBeenCalled();
  });

  it('names the field of bad input and keeps it, without calling the API', async () => {
    const cases: [Record<string, string | File>, string, string][] = [
      [{ kind: 'LINK', url: '' }, 'link-url-item', 'Enter the link'],
      [{ kind: 'LINK', url: 'ftp://x.example/a' }, 'link-url-item', 'Enter a link that starts with https://'],
      [
        { kind: 'LINK', url: 'https://x.example', label: 'x'.repeat(301) },
        'link-label-item',
        'Label must be',
      ],
      [{ kind: 'FILE' }, 'file-item', 'Select a file'],
      [{ kind: 'FILE', file: new File([], 'empty.txt') }, 'file-item', 'The selected file is empty'],
      [
        { kind: 'FILE', file: new File([new Uint8Array(MAX_EVIDENCE_BYTES + 1)], 'big.pdf') },
        'file-item',
        'The selected file must be smaller than 10 MB',
      ],
    ];
    for (const [fields, field, message] of cases) {
      const result = (await addEvidenceAction(event('EDITOR', fields), item, done)) as {
        status: number;
        data: { errors: { field: string; message: string }[]; evidenceValues?: { url: string } };
      };
      expect(result.status, message).toBe(400);
      expect(result.data.errors).toHaveLength(1);
      expect(result.data.errors[0]!.field).toBe(field);
      expect(result.data.errors[0]!.message).toContain(message);
      expect(result.data.evidenceValues?.url).toBe(typeof fields.url === 'string' ? fields.url : '');
    }
    expect(gql).not.toHaveBeenCalled();
  });

  it('sends a file of exactly 10 MB to the API as base64, with its name and type, then goes back', async () => {
    gql.mockResolvedValueOnce({ addEvidence: { __typename: 'Evidence' } });
    const bytes = new Uint8Array(MAX_EVIDENCE_BYTES).fill(7);
    const file = new File([bytes], 'scan.pdf', { type: 'application/pdf' });
    const result = await outcome(
      addEvidenceAction(event('ADMIN', { kind: 'FILE', file, label: ' Signed scan ' }), item, done),
    );
    expect(result).toEqual({ redirect: '/checklists/ITEM?evidence=added' });
    const input = (gql.mock.calls[0]![1] as { variables: { input: Record<string, unknown> } }).variables
      .input;
    expect(input).toMatchObject({
      checklistItemId: 'ITEM',
      gateCriterionId: null,
      label: 'Signed scan',
      file: { name: 'scan.pdf', contentType: 'application/pdf' },
    });
    expect(input.url).toBeUndefined();
    const sent = Buffer.from((input.file as { contentBase64: string }).contentBase64, 'base64');
    expect(sent.equals(Buffer.from(bytes))).toBe(true);
  });

  it('shows the API’s refusal on the field it names', async () => {
    gql.mockResolvedValueOnce({
      addEvidence: { __typename: 'ValidationError', field: 'url', message: 'url: is not a usable link' },
    });
    const result = (await addEvidenceAction(
      event('EDITOR', { kind: 'LINK', url: 'https://x.example' }),
      item,
      done,
    )) as { status: number; data: { errors: { field: string; message: string }[] } };
    expect(result.status).toBe(400);
    expect(result.data.errors).toEqual([{ field: 'link-url-item', message: 'Is not a usable link' }]);

    gql.mockResolvedValueOnce({
      removeEvidence: {
        __typename: 'ValidationError',
        field: 'id',
        message: 'id: this evidence was removed already',
      },
    });
    const removed = (await removeEvidenceAction(
      event('EDITOR', { evidenceId: 'E1' }),
      () => 'item',
      done,
    )) as {
      status: number;
      data: { errors: { field: string; message: string }[] };
    };
    expect(removed.status).toBe(400);
    expect(removed.data.errors).toEqual([
      { field: 'remove-E1', message: 'This evidence was removed already' },
    ]);
  });
});
