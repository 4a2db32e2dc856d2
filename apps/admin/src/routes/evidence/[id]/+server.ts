import { error } from '@sveltejs/kit';
import { ApiError, gql } from '$lib/server/api';
import { attachmentDisposition } from '$lib/server/evidence';
import type { RequestHandler } from './$types';

interface EvidenceFile {
  kind: 'LINK' | 'FILE';
  fileName: string | null;
  contentType: string | null;
  removedAt: string | null;
  contentBase64: string | null;
}

/**
 * An evidence file, downloaded as the signed-in user: the API decides who may read it (its
 * contentBase64 field's row in the access matrix). A link, a removed file or an unknown id is a 404.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
  let node: EvidenceFile | Record<string, never> | null;
  try {
    ({ node } = await gql<{ node: EvidenceFile | Record<string, never> | null }>(
      `query ($id: ID!) { node(id: $id) { ... on Evidence { kind fileName contentType removedAt contentBase64 } } }`,
      { token: locals.token, variables: { id: params.id } },
    ));
  } catch (e) {
    if (e instanceof ApiError && e.codes.includes('BAD_USER_INPUT')) error(404, 'There is no such file');
    if (e instanceof ApiError && e.codes.some((c) => c === 'FORBIDDEN' || c === 'UNAUTHENTICATED')) {
      error(403, 'Your role cannot read evidence');
    }
    throw e;
  }
  if (!node || !('kind' in node) || node.kind !== 'FILE' || node.removedAt || node.contentBase64 === null) {
    error(404, 'There is no such file');
  }
  const bytes = Buffer.from(node.contentBase64, 'base64');
  return new Response(bytes, {
    headers: {
      'content-type': node.contentType || 'application/octet-stream',
      'content-length': String(bytes.length),
      'content-disposition': attachmentDisposition(node.fileName ?? 'evidence'),
      'x-content-type-options': 'nosniff',
      // Opened in a tab anyway, the file runs nothing and reaches nothing.
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'no-store',
    },
  });
};
