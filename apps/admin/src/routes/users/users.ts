/** Roles and what each may do, for the users pages (shared by server and components). */
export const ROLES = ['ADMIN', 'EDITOR', 'HR', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_HINT: Record<Role, string> = {
  ADMIN: 'Programme manager: changes everything, manages users, sees the audit trail',
  EDITOR: 'Workstream lead: changes the items of the workstreams they lead',
  HR: 'HR: the only role that sees staff personal data',
  VIEWER: 'Board member: reads everything not personal',
};
