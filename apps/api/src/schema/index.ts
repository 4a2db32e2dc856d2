/** Imports every module (each adds its types and root fields) and builds the schema. */
import '../modules/common/common.schema.ts';
import '../modules/auth/auth.schema.ts';
import '../modules/programme/programme.schema.ts';
import '../modules/service/service.schema.ts';
import '../modules/checklist/checklist.schema.ts';
import '../modules/milestone/milestone.schema.ts';
import '../modules/raid/raid.schema.ts';
import '../modules/people/people.schema.ts';
import '../modules/people/tupe.schema.ts';
import '../modules/readiness/readiness.schema.ts';
import '../modules/audit/audit.schema.ts';
import '../modules/partner/partner.schema.ts';
import '../modules/agreement/agreement.schema.ts';
import '../modules/user/user.schema.ts';
import '../modules/hr-import/hr-import.schema.ts';
import '../modules/eli/eli.schema.ts';
import '../modules/consultation/consultation.schema.ts';
import '../modules/pension/pension.schema.ts';
import '../modules/tupe-timeline/tupe-timeline.schema.ts';
import '../modules/gate/gate.schema.ts';
import '../modules/gate/gate-setup.schema.ts';
import '../modules/template/template.schema.ts';
import '../modules/plan/plan.schema.ts';
import '../modules/my-work/my-work.schema.ts';
import { builder } from './builder.ts';

/** The full schema: staff, signed in with a session. */
export const schema = builder.toSchema({ sortSchema: true });

/** What partner agencies' API tokens are served: only the types and fields of the `partner` sub-graph. */
export const partnerSchema = builder.toSchema({ sortSchema: true, subGraph: 'partner' });
