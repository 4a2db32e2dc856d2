/**
 * Sign-in and sessions. A session token is 256 random bits, given to the
 * client once; the database keeps only its SHA-256, so a leaked table
 * cannot be replayed. Sessions end at an absolute limit and after idling,
 * at sign-out, and when the user is deactivated.
 *
 * Sign-in is throttled: after `maxFailuresPerEmail` failures for one email
 * (or `maxFailuresPerClient` from one client address) within the window,
 * further attempts are refused without checking the password until the
 * oldest of those failures leaves the window. The failures are kept in the
 * database (table signin_failure), so the throttle holds across API instances.
 */
import { createHash, randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword, type Database } from '@handover/db';
import type { Kysely } from 'kysely';
import type { PartnerViewer, UserViewer, Viewer } from '../../context.ts';
import { InvalidCredentialsError } from '../../schema/errors.ts';
import {
  clearSigninFailures,
  findLiveSession,
  findUserByEmail,
  insertSession,
  deleteSession,
  recentSigninFailures,
  recordSigninFailure,
  touchSession,
} from './auth.repository.ts';
import { findLiveApiToken, touchApiToken } from '../partner/partner.repository.ts';

/** Marks a partner agency's API token (see modules/partner), so that it is told from a session token at a glance. */
export const PARTNER_TOKEN_MARK = 'hop_';

export interface SessionPolicy {
  ttlHours: number;
  idleMinutes: number;
}

export interface SigninThrottlePolicy {
  maxFailuresPerEmail: number;
  maxFailuresPerClient: number;
  windowMinutes: number;
}

export const DEFAULT_SIGNIN_THROTTLE: SigninThrottlePolicy = {
  maxFailuresPerEmail: 5,
  maxFailuresPerClient: 20,
  windowMinutes: 15,
};

/** Sign-in refused before the password was looked at: too many recent failures. */
export class TooManyAttemptsError extends Error {
  override name = 'TooManyAttemptsError';
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(`Too many sign-in attempts: try again in ${minutes} minute${minutes === 1 ? '' : 's'}`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Verified against when the email is unknown, so that a wrong email costs as long as a wrong password. */
let decoyHash: Promise<string> | undefined;

/** Seconds until fewer than `max` of `failures` (oldest first) fall within the window, or 0. */
function throttledFor(failures: Date[], max: number, now: Date, windowMs: number): number {
  if (failures.length < max) return 0;
  const leaves = failures[failures.length - max]!.getTime() + windowMs;
  return Math.max(1, Math.ceil((leaves - now.getTime()) / 1000));
}

export async function login(
  db: Kysely<Database>,
  input: { email: string; password: string; clientAddress: string },
  now: Date,
  policy: SessionPolicy,
  throttle: SigninThrottlePolicy = DEFAULT_SIGNIN_THROTTLE,
): Promise<{ token: string; expiresAt: Date; userId: string }> {
  const windowMs = throttle.windowMinutes * 60_000;
  const since = new Date(now.getTime() - windowMs);
  const emailKey = hashToken(`email:${input.email.trim().toLowerCase()}`);
  const clientKey = hashToken(`client:${input.clientAddress}`);
  const wait = Math.max(
    throttledFor(
      await recentSigninFailures(db, emailKey, since),
      throttle.maxFailuresPerEmail,
      now,
      windowMs,
    ),
    throttledFor(
      await recentSigninFailures(db, clientKey, since),
      throttle.maxFailuresPerClient,
      now,
      windowMs,
    ),
  );
  if (wait > 0) throw new TooManyAttemptsError(wait);

  const user = await findUserByEmail(db, input.email);
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  const ok = await verifyPassword(user?.password_hash ?? (await decoyHash), input.password);
  if (!user || !user.active || !ok) {
    await recordSigninFailure(db, [emailKey, clientKey], now, since);
    throw new InvalidCredentialsError();
  }
  // A success clears the email's count (not the client's: one address trying many emails stays counted).
  await clearSigninFailures(db, emailKey);

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
