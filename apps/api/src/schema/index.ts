/** Imports every module (each adds its types and root fields) and builds the schema. */
import '../modules/common/common.schema.ts';
import '../modules/auth/auth.schema.ts';
import '../modules/programme/programme.schema.ts';
import '../modules/service/service.schema.ts';
import '../modules/checklist/checklist.schema.ts';
import '../modules/milestone/milestone.schema.ts';
import '../modules/raid/raid.schema.ts';
import '../modules/people/people.schema.ts';
import '../modules/readiness/readiness.schema.ts';
import '../modules/audit/audit.schema.ts';
import '../modules/user/user.schema.ts';
import { builder } from './builder.ts';

export const schema = builder.toSchema({ sortSchema: true });
