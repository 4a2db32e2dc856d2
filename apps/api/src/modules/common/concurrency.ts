/**
 * Optimistic concurrency for every update: apply only at the expected
 * version; otherwise tell a missing row (NotFoundError) from one that moved
 * on (ConflictError, carrying the row as it is now).
 */
import { brandWithType } from '@pothos/core';
import { ConflictError, NotFoundError } from '../../schema/errors.ts';

export async function updateAtVersion<Row extends { version: number }>(options: {
  typename: string;
  id: string;
  expectedVersion: number;
  update: () => Promise<Row | undefined>;
  reload: () => Promise<Row | undefined>;
}): Promise<Row> {
  const updated = await options.update();
  if (updated) return updated;
  const current = await options.reload();
  if (!current) throw new NotFoundError(options.typename, options.id);
  throw conflict(options.typename, options.expectedVersion, current);
}

/** The conflict for a row that moved past `expectedVersion`, carrying the row as it is now. */
export function conflict(
  typename: string,
  expectedVersion: number,
  current: { version: number },
): ConflictError {
  // The type name is one of our node types; Pothos resolves the Node interface by this brand.
  brandWithType(current, typename as never);
  return new ConflictError(typename, expectedVersion, current.version, current);
}
