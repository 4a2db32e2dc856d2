/**
 * Sign-in and sessions. A session token is 256 random bits, given to the
 * client once; the database keeps only its SHA-256, so a leaked table
 * cannot be replayed. Sessions end at an absolute limit and after idling.
 */
import { createHash, randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword, type Database } from '@handover/db';
import type { Kysely } from 'kysely';
import type { Viewer } from '../../context.ts';
import { InvalidCredentialsError } from '../../schema/errors.ts';
import {
  findLiveSession,
  findUserByEmail,
  insertSession,
  deleteSession,
  touchSession,
} from './auth.repository.ts';

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

/** Reads `Authorization: Bearer <token>` into a viewer, or null when absent or not live. */
export async function authenticate(
  db: Kysely<Database>,
  authorization: string | null,
  now: Date,
  policy: SessionPolicy,
): Promise<Viewer | null> {
  const match = authorization?.match(/^Bearer\s+([A-Za-z0-9_-]{20,200})$/);
  if (!match) return null;
  const idleSince = new Date(now.getTime() - policy.idleMinutes * 60_000);
  const session = await findLiveSession(db, hashToken(match[1]!), now, idleSince);
  if (!session) return null;
  // Record activity at most once a minute: the idle timeout needs no finer grain.
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) await touchSession(db, session.sessionId, now);
  const { user } = session;
  return {
    userId: user.id,
    sessionId: session.sessionId,
    role: user.role,
    email: user.email,
    name: user.name,
  };
}

export async function logout(db: Kysely<Database>, viewer: Viewer): Promise<void> {
  await deleteSession(db, viewer.sessionId);
}
