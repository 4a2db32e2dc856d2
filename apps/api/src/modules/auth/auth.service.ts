/**
 * Sign-in and sessions. A session token is 256 random bits, given to the
 * client once; the database keeps only its SHA-256, so a leaked table
 * cannot be replayed. Sessions end at an absolute limit and after idling.
 */
import { createHash, randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword, type Database } from '@handover/db';
import type { Kysely } from 'kysely';
import type { PartnerViewer, UserViewer, Viewer } from '../../context.ts';
import { InvalidCredentialsError } from '../../schema/errors.ts';
import {
  findLiveSession,
  findUserByEmail,
  insertSession,
  deleteSession,
  touchSession,
} from './auth.repository.ts';
import { findLiveApiToken, touchApiToken } from '../partner/partner.repository.ts';

/** Marks a partner agency's API token (see modules/partner), so that it is told from a session token at a glance. */
export const PARTNER_TOKEN_MARK = 'hop_';

export interface SessionPolicy {
  ttlHours: number;
  idleMinutes: number;
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Verified against when the email is unknown, so that a wrong email costs as long as a wrong password. */
let decoyHash: Promise<string> | undefined;

export async function login(
  db: Kysely<Database>,
  input: { email: string; password: string },
  now: Date,
  policy: SessionPolicy,
): Promise<{ token: string; expiresAt: Date; userId: string }> {
  const user = await findUserByEmail(db, input.email);
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  const ok = await verifyPassword(user?.password_hash ?? (await decoyHash), input.password);
  if (!user || !user.active || !ok) throw new InvalidCredentialsError();

  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + policy.ttlHours * 3600_000);
  await insertSession(db, { userId: user.id, tokenHash: hashToken(token), expiresAt, now });
  return { token, expiresAt, userId: user.id };
}

/**
 * Reads `Authorization: Bearer <token>` into a viewer: a partner's live API
 * token or a user's live session; null when absent or neither.
 */
export async function authenticate(
  db: Kysely<Database>,
  authorization: string | null,
  now: Date,
  policy: SessionPolicy,
): Promise<Viewer | null> {
  const match = authorization?.match(/^Bearer\s+([A-Za-z0-9_-]{20,200})$/);
  if (!match) return null;
  if (match[1]!.startsWith(PARTNER_TOKEN_MARK)) {
    const partner = await authenticatePartner(db, match[1]!, now);
    if (partner) return partner;
  }
  return authenticateSession(db, match[1]!, now, policy);
}

/** The partner a live (unrevoked, unexpired) API token speaks for. Records use at most once a minute. */
async function authenticatePartner(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<PartnerViewer | null> {
  const row = await findLiveApiToken(db, hashToken(token), now);
  if (!row) return null;
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > 60_000) {
    await touchApiToken(db, row.id, now);
  }
  return {
    kind: 'partner',
    role: 'PARTNER',
    tokenId: row.id,
    organisationId: row.organisation_id,
    name: row.name,
    userId: null,
    sessionId: null,
    email: null,
  };
}

async function authenticateSession(
  db: Kysely<Database>,
  token: string,
  now: Date,
  policy: SessionPolicy,
): Promise<UserViewer | null> {
  const idleSince = new Date(now.getTime() - policy.idleMinutes * 60_000);
  const session = await findLiveSession(db, hashToken(token), now, idleSince);
  if (!session) return null;
  // Record activity at most once a minute: the idle timeout needs no finer grain.
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) await touchSession(db, session.sessionId, now);
  const { user } = session;
  return {
    kind: 'user',
    userId: user.id,
    sessionId: session.sessionId,
    role: user.role,
    email: user.email,
    name: user.name,
  };
}

/** Ends a user's session; a partner's token is revoked by an administrator instead. */
export async function logout(db: Kysely<Database>, viewer: Viewer): Promise<boolean> {
  if (viewer.kind !== 'user') return false;
  await deleteSession(db, viewer.sessionId);
  return true;
}
