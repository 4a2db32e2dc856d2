/**
 * Partner agencies' API tokens. A token is `hop_` and 256 random bits,
 * shown once when it is made; the database keeps its SHA-256 and its first
 * characters (the prefix) so that an administrator can tell tokens apart.
 * A token is valid to the end of its expiry day (UK) unless revoked.
 */
import { randomBytes } from 'node:crypto';
import type { ApiToken, Database, Programme, Service } from '@handover/db';
import { addCalendarDays, londonDate, transferInstant } from '@handover/domain';
import type { Kysely } from 'kysely';
import { NotFoundError, ValidationError } from '../../schema/errors.ts';
import { PARTNER_TOKEN_MARK, hashToken } from '../auth/auth.service.ts';
import { requireDate, requireText } from '../common/validate.ts';
import {
  apiTokensByIds,
  insertApiToken,
  organisationExists,
  revokeApiTokenRow,
} from './partner.repository.ts';

/** How much of the token is kept in clear to recognise it: the mark and 8 random characters (48 bits). */
const PREFIX_LENGTH = PARTNER_TOKEN_MARK.length + 8;
/** The longest a token may live. */
export const MAX_TOKEN_DAYS = 366;
export const MAX_TOKEN_NAME = 100;

export type ApiTokenStatus = 'ACTIVE' | 'EXPIRED' | 'REVOKED';

export function apiTokenStatus(
  token: Pick<ApiToken, 'revoked_at' | 'expires_at'>,
  now: Date,
): ApiTokenStatus {
  if (token.revoked_at) return 'REVOKED';
  return token.expires_at.getTime() <= now.getTime() ? 'EXPIRED' : 'ACTIVE';
}

/** The last day (UK) a token works: the day before the instant it expires. */
export const expiresOn = (token: Pick<ApiToken, 'expires_at'>): string =>
  londonDate(new Date(token.expires_at.getTime() - 1));

export async function createApiToken(
  db: Kysely<Database>,
  input: { name: string; organisationId: string; expiresOn: string },
  createdBy: string | null,
  now: Date,
): Promise<{ token: string; apiToken: ApiToken }> {
  const name = requireText('name', input.name, MAX_TOKEN_NAME);
  const last = requireDate('expiresOn', input.expiresOn);
  const today = londonDate(now);
  if (last <= today) throw new ValidationError('expiresOn', `must be after today (${today})`);
  const latest = addCalendarDays(today, MAX_TOKEN_DAYS);
  if (last > latest)
    throw new ValidationError('expiresOn', `must be at most a year ahead (${latest} at the latest)`);
  if (!(await organisationExists(db, input.organisationId))) {
    throw new ValidationError('organisationId', 'names no organisation');
  }
  const token = PARTNER_TOKEN_MARK + randomBytes(32).toString('base64url');
  const apiToken = await insertApiToken(db, {
    name,
    organisationId: input.organisationId,
    tokenHash: hashToken(token),
    tokenPrefix: token.slice(0, PREFIX_LENGTH),
    createdBy,
    expiresAt: transferInstant(addCalendarDays(last, 1)),
    now,
  });
  return { token, apiToken };
}

/** Revokes a token; revoking one already revoked leaves it as it was. */
export async function revokeApiToken(
  db: Kysely<Database>,
  id: string,
  revokedBy: string | null,
  now: Date,
): Promise<ApiToken> {
  const revoked = await revokeApiTokenRow(db, id, revokedBy, now);
  if (revoked) return revoked;
  const [current] = await apiTokensByIds(db, [id]);
  if (!current) throw new NotFoundError('ApiToken', id);
  return current;
}

/** Who delivers a service on a day (see Service.deliveredBy): an organisation id, or null. */
export function deliveredBy(
  service: Pick<Service, 'disposition' | 'go_live_date'>,
  programme: Pick<Programme, 'transferor_id' | 'transferee_id' | 'transfer_at'>,
  on: string,
): string | null {
  switch (service.disposition) {
    case 'RETAINED_BY_COUNCIL':
      return programme.transferor_id;
    case 'TRANSFERS': {
      const goLive = service.go_live_date ?? londonDate(programme.transfer_at);
      return on < goLive ? programme.transferor_id : programme.transferee_id;
    }
    default:
      return null;
  }
}
