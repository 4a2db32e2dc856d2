import type { Database } from '@handover/db';
import type { UserRole } from '@handover/domain';
import type { Kysely } from 'kysely';
import type { Clock } from './clock.ts';
import type { AuditCollector } from './modules/audit/audit.service.ts';
import type { SessionPolicy, SigninThrottlePolicy } from './modules/auth/auth.service.ts';

/** A signed-in user's session. */
export interface UserViewer {
  kind: 'user';
  userId: string;
  sessionId: string;
  role: UserRole;
  email: string;
  name: string;
  tokenId?: undefined;
  organisationId?: undefined;
}

/** A partner agency calling with an API token: not a user, never sees personal data. */
export interface PartnerViewer {
  kind: 'partner';
  role: 'PARTNER';
  /** The api_token row. */
  tokenId: string;
  /** The partner's organisation: decides which data sharing agreements it sees. */
  organisationId: string;
  /** The token's name, e.g. "WYP safeguarding hub". */
  name: string;
  userId: null;
  sessionId: null;
  email: null;
}

/** Who is calling: a user's session or a partner's API token. */
export type Viewer = UserViewer | PartnerViewer;

/** One per request: Pothos hangs its DataLoaders on this object. */
export interface Context {
  db: Kysely<Database>;
  clock: Clock;
  /** Today in the UK calendar (YYYY-MM-DD), fixed for the whole request. */
  today: string;
  /** The instant the rules judge by (clock.ts ruleInstant): now, or noon UK time on a fixed today. */
  instant: Date;
  viewer: Viewer | null;
  requestId: string;
  sessionPolicy: SessionPolicy;
  /** Audit events (personal reads, refusals) appended in one statement when the request ends. */
  audit: AuditCollector;
  signinThrottle: SigninThrottlePolicy;
  /** The caller's address (behind a trusted proxy, the address it forwarded). */
  clientAddress: string;
}
