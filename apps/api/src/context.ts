import type { Database } from '@handover/db';
import type { Role } from '@handover/domain';
import type { Kysely } from 'kysely';
import type { Clock } from './clock.ts';
import type { SessionPolicy, SigninThrottlePolicy } from './modules/auth/auth.service.ts';

/** Who is calling: a signed-in user's session. */
export interface Viewer {
  userId: string;
  sessionId: string;
  role: Role;
  email: string;
  name: string;
}

/** One per request: Pothos hangs its DataLoaders on this object. */
export interface Context {
  db: Kysely<Database>;
  clock: Clock;
  /** Today in the UK calendar (YYYY-MM-DD), fixed for the whole request. */
  today: string;
  viewer: Viewer | null;
  requestId: string;
  sessionPolicy: SessionPolicy;
  signinThrottle: SigninThrottlePolicy;
  /** The caller's address (behind a trusted proxy, the address it forwarded). */
  clientAddress: string;
}
