/**
 * The access-control matrix: who may read or write each field of the API.
 *
 * This is the rule book (OWASP ASVS 8.1.1 and 8.1.2: documented field-level
 * rules) for the people who check it, the DPO and auditors, as much as for the
 * code: `docs/access-matrix.md` is printed from it by `pnpm generate`.
 *
 * - One row per `Type.field` of every object type of the full schema, no
 *   wildcards: a new field without a row fails `matrix.test.ts`, and so does a
 *   row naming a field that no longer exists.
 * - Each row names a rule; a rule gives each caller a cell: `allow` (answers),
 *   `deny` (the field is in the caller's schema, and asking for it answers
 *   FORBIDDEN, or UNAUTHENTICATED for an anonymous caller, with no value) or
 *   `absent` (the field is not in the caller's schema at all: partners are
 *   served the partner schema, which has no personal type and no mutation).
 * - Mutation rows are writes; every other row is a read.
 * - Callers: ANONYMOUS (no token), the four staff roles signed in with a
 *   session (ADMIN, EDITOR, HR, VIEWER) and PARTNER (a partner agency's API
 *   token).
 * - The connection and edge types Pothos makes for a list (`...Connection`,
 *   `...ConnectionEdge`) and `PageInfo` have no rows: they follow the field
 *   that returns them (e.g. `Programme.employees`). The test checks that each
 *   is reached only through fields that have rows.
 * - The answers of writes (`LoginSuccess`, `ApiTokenCreated`, the errors) are
 *   read by whoever may make a write that answers them: their rows say so,
 *   and the test checks them against the Mutation rows.
 *
 * Enforcement follows the matrix where a field is not governed by its type's
 * default (`Query` and `Mutation` need a signed-in caller): the field-level
 * `authScopes` are `scopesFor('Type.field')` (see `scopes.ts`). What a
 * partner may see is the `subGraphs: PARTNER` marking of the schema, checked
 * against the PARTNER column by the test. Object-level rules (which rows a
 * partner sees, e.g. only the data sharing agreements its organisation is
 * party to) are the services' business, not this table's.
 */

/** Who calls: nobody signed in, a staff role, or a partner's API token. */
export const SUBJECTS = ['ANONYMOUS', 'ADMIN', 'EDITOR', 'HR', 'VIEWER', 'PARTNER'] as const;
export type Subject = (typeof SUBJECTS)[number];

export type Cell = 'allow' | 'deny' | 'absent';
export type Operation = 'read' | 'write';

export interface Rule {
  readonly name: string;
  /** What the rule means, in a line, for people. */
  readonly summary: string;
  readonly cells: Readonly<Record<Subject, Cell>>;
}

function rule(name: string, summary: string, allowed: readonly Subject[], absent: readonly Subject[]): Rule {
  const cells = Object.fromEntries(
    SUBJECTS.map((s) => [s, allowed.includes(s) ? 'allow' : absent.includes(s) ? 'absent' : 'deny']),
  ) as Record<Subject, Cell>;
  return Object.freeze({ name, summary, cells: Object.freeze(cells) });
}

/** Signing in and out, and asking who is signed in: anyone. */
export const PUBLIC = rule(
  'PUBLIC',
  'Anyone, signed in or not (signing in and out, who is signed in).',
  ['ANONYMOUS', 'ADMIN', 'EDITOR', 'HR', 'VIEWER'],
  ['PARTNER'],
);
/** Organisational facts partners need too: services, milestones, readiness, counts, agreements. */
export const SHARED_READ = rule(
  'SHARED_READ',
  'Every signed-in role and partner API tokens: organisational facts and counts, never a person.',
  ['ADMIN', 'EDITOR', 'HR', 'VIEWER', 'PARTNER'],
  [],
);
/** The programme's working data: every staff role, not partners. */
export const STAFF_READ = rule(
  'STAFF_READ',
  'Every signed-in staff role; not in the partner schema.',
  ['ADMIN', 'EDITOR', 'HR', 'VIEWER'],
  ['PARTNER'],
);
/**
 * Staff personal data (UK GDPR): HR alone. Every field of a type that is one person (an employee, a post's
 * holders, someone in an ELI package, a letter, a decision, an appeal, an objection) and every list of
 * people; reads of the sensitive fields (names, date of birth, NI number, pay, pension number, notes, the
 * decision history) are audited. Other roles get counts.
 */
export const PERSONAL = rule(
  'PERSONAL',
  'Personal data: HR only: every field of a person (their id included) and every list of people; reads of the sensitive fields are audited; other roles get counts; not in the partner schema.',
  ['HR'],
  ['PARTNER'],
);
/** Running Handover itself: the audit trail and partner API tokens. */
export const ADMIN_ONLY = rule(
  'ADMIN_ONLY',
  'ADMIN only (the audit trail, partner API tokens); not in the partner schema.',
  ['ADMIN'],
  ['PARTNER'],
);
/** Changing the plan (checklists, milestones, RAID), and reading what such a change answers. */
export const PLAN_WRITE = rule(
  'PLAN_WRITE',
  'EDITOR and ADMIN: changing the plan, and the answers of those changes; not in the partner schema.',
  ['EDITOR', 'ADMIN'],
  ['PARTNER'],
);

/**
 * Updating owned work (a checklist item, a RAID item, a milestone, a gate criterion, their evidence): any role
 * that can own work may ask, and the service applies the ownership rule of `@handover/domain` (ownership.ts)
 * row by row: the named owner changes the owner's fields (status, forecast, evidence, commentary), a lead of
 * its workstream or an ADMIN everything; anyone else is answered a ForbiddenError that says why.
 */
export const OWNER_WRITE = rule(
  'OWNER_WRITE',
  'ADMIN, EDITOR and HR may ask; row by row, the named owner changes its status, forecast, evidence and commentary, a lead of its workstream (or of the criterion’s owning workstream) or an ADMIN all of it, and anyone else is refused with the reason (ForbiddenError); a VIEWER never; not in the partner schema.',
  ['ADMIN', 'EDITOR', 'HR'],
  ['PARTNER'],
);

/** HR's writes: the HR import and the whole TUPE workflow (assignment, objection, transfer, ELI, consultation, pensions). */
export const HR_WRITE = rule(
  'HR_WRITE',
  'HR only: the HR import and every change of the TUPE workflow (assignment, objection, redeployment, the transfer run, ELI, consultation, letters, pensions, the timeline), and the answers of those changes; not in the partner schema.',
  ['HR'],
  ['PARTNER'],
);
/**
 * The answers every kind of write can give (not found, a conflict of versions): read by whoever makes
 * such writes, the plan's (EDITOR, ADMIN) and HR's (the TUPE workflow).
 */
export const WRITE_ANSWER = rule(
  'WRITE_ANSWER',
  'EDITOR, ADMIN and HR: the answers any of their writes can give (not found, a conflict); not in the partner schema.',
  ['EDITOR', 'ADMIN', 'HR'],
  ['PARTNER'],
);

/**
 * Signing the go/no-go gate and withdrawing a sign-off: any staff role may ask, and the gate's service lets only
 * the user named as the signatory sign (and only the signer withdraw), answering SignOffRefusedError otherwise.
 */
export const GATE_SIGN = rule(
  'GATE_SIGN',
  'Every signed-in staff role may ask; only the user named as a gate signatory signs as it, and only the signer withdraws; not in the partner schema.',
  ['ADMIN', 'EDITOR', 'HR', 'VIEWER'],
  ['PARTNER'],
);

/** Every rule, in the order the printed matrix explains them. */
export const RULES: readonly Rule[] = [
  PUBLIC,
  SHARED_READ,
  STAFF_READ,
  PERSONAL,
  PLAN_WRITE,
  OWNER_WRITE,
  ADMIN_ONLY,
  HR_WRITE,
  WRITE_ANSWER,
  GATE_SIGN,
];

/** One row per `Type.field`. Keep each type's rows together, in name order. */
export const MATRIX = {
  // Query: the root of every read. Needs a signed-in caller unless the rule says PUBLIC.
  'Query.apiTokens': ADMIN_ONLY,
  'Query.auditEvents': ADMIN_ONLY,
  'Query.checklistTemplates': STAFF_READ,
  'Query.userAccounts': ADMIN_ONLY,
  'Query.node': SHARED_READ,
  'Query.nodes': SHARED_READ,
  'Query.programme': SHARED_READ,
  'Query.programmes': SHARED_READ,
  'Query.today': SHARED_READ,
  'Query.transferRuns': STAFF_READ,
  'Query.users': STAFF_READ,
  'Query.viewer': PUBLIC,
  'Query.hrImport': PERSONAL,
  'Query.hrImportColumns': PERSONAL,
  'Query.hrImports': PERSONAL,

  // Mutation: every write. Needs a signed-in caller unless the rule says PUBLIC.
  // The TUPE workflow's writes change a person's record: HR only (the rule PERSONAL), the transfer run too.
  'Mutation.closeRaidItem': OWNER_WRITE,
  'Mutation.createApiToken': ADMIN_ONLY,
  'Mutation.createRaidItem': PLAN_WRITE,
  'Mutation.createUser': ADMIN_ONLY,
  'Mutation.deactivateUser': ADMIN_ONLY,
  'Mutation.decideAssignment': HR_WRITE,
  'Mutation.decideAssignmentForTeam': HR_WRITE,
  'Mutation.login': PUBLIC,
  'Mutation.logout': PUBLIC,
  'Mutation.reactivateUser': ADMIN_ONLY,
  'Mutation.recordAssignmentAppeal': HR_WRITE,
  'Mutation.recordLeaver': HR_WRITE,
  'Mutation.recordObjection': HR_WRITE,
  'Mutation.recordRedeployment': HR_WRITE,
  'Mutation.resetUserPassword': ADMIN_ONLY,
  'Mutation.revokeApiToken': ADMIN_ONLY,
  'Mutation.runTransfer': HR_WRITE,
  'Mutation.updateChecklistItem': OWNER_WRITE,
  'Mutation.importChecklistTemplate': ADMIN_ONLY,
  'Mutation.applyChecklistTemplate': PLAN_WRITE,
  'Mutation.addChecklistDependency': PLAN_WRITE,
  'Mutation.removeChecklistDependency': PLAN_WRITE,
  'Mutation.saveBaseline': ADMIN_ONLY,
  'Mutation.updateMilestone': OWNER_WRITE,
  'Mutation.updateRaidItem': OWNER_WRITE,
  'Mutation.updateServiceStatus': ADMIN_ONLY,
  'Mutation.updateUser': ADMIN_ONLY,
  'Mutation.withdrawObjection': HR_WRITE,
  'Mutation.startHrImport': HR_WRITE,
  'Mutation.createEliPackage': HR_WRITE,
  'Mutation.updateEliPackage': HR_WRITE,
  'Mutation.sendEliPackage': HR_WRITE,
  'Mutation.createTupeMeasure': HR_WRITE,
  'Mutation.updateTupeMeasure': HR_WRITE,
  'Mutation.createConsultationMeeting': HR_WRITE,
  'Mutation.updateConsultationMeeting': HR_WRITE,
  'Mutation.recordMeasuresLetters': HR_WRITE,
  'Mutation.savePensionAdmissionAgreement': HR_WRITE,
  'Mutation.recordTupeStep': HR_WRITE,
  // The go/no-go gate: a criterion is judged by its owner (a user, or the leads of its workstream) or an ADMIN;
  // only the named signatory signs.
  'Mutation.updateGateCriterion': OWNER_WRITE,
  'Mutation.signGate': GATE_SIGN,
  'Mutation.withdrawGateSignOff': GATE_SIGN,
  'Mutation.addEvidence': OWNER_WRITE,
  'Mutation.removeEvidence': OWNER_WRITE,
  // Setting up the gate (its criteria and signatories): the programme manager.
  'Mutation.createGate': ADMIN_ONLY,
  'Mutation.updateGate': ADMIN_ONLY,
  'Mutation.addGateCriterion': ADMIN_ONLY,
  'Mutation.updateGateCriterionDetails': ADMIN_ONLY,
  'Mutation.removeGateCriterion': ADMIN_ONLY,
  'Mutation.addGateSignatory': ADMIN_ONLY,
  'Mutation.removeGateSignatory': ADMIN_ONLY,

  // ApiToken: a partner API token: ADMIN only, every field (the type carries the scope: typeScopesFor).
  'ApiToken.createdAt': ADMIN_ONLY,
  'ApiToken.createdBy': ADMIN_ONLY,
  'ApiToken.expiresAt': ADMIN_ONLY,
  'ApiToken.expiresOn': ADMIN_ONLY,
  'ApiToken.id': ADMIN_ONLY,
  'ApiToken.lastUsedAt': ADMIN_ONLY,
  'ApiToken.name': ADMIN_ONLY,
  'ApiToken.organisation': ADMIN_ONLY,
  'ApiToken.prefix': ADMIN_ONLY,
  'ApiToken.revokedAt': ADMIN_ONLY,
  'ApiToken.revokedBy': ADMIN_ONLY,
  'ApiToken.status': ADMIN_ONLY,

  // ApiTokenCreated: the answer of createApiToken, read by whoever may make a token.
  'ApiTokenCreated.alreadyCreated': ADMIN_ONLY,
  'ApiTokenCreated.apiToken': ADMIN_ONLY,
  'ApiTokenCreated.token': ADMIN_ONLY,

  // AssignmentAppeal: an appeal against a disputed decision: HR only.
  'AssignmentAppeal.lodgedOn': PERSONAL,
  'AssignmentAppeal.note': PERSONAL,
  'AssignmentAppeal.outcome': PERSONAL,
  'AssignmentAppeal.outcomeOn': PERSONAL,
  'AssignmentAppeal.recordedBy': PERSONAL,
  'AssignmentAppeal.soughtDecision': PERSONAL,
  'AssignmentAppeal.version': PERSONAL,

  // AssignmentDecisionRecord: an employee's decision history, with rationale: HR only.
  'AssignmentDecisionRecord.chargedTo': PERSONAL,
  'AssignmentDecisionRecord.decidedAt': PERSONAL,
  'AssignmentDecisionRecord.decidedBy': PERSONAL,
  'AssignmentDecisionRecord.decision': PERSONAL,
  'AssignmentDecisionRecord.rationale': PERSONAL,
  'AssignmentDecisionRecord.roleNote': PERSONAL,
  'AssignmentDecisionRecord.source': PERSONAL,
  'AssignmentDecisionRecord.timeOnServicePercent': PERSONAL,

  // AuditEvent: the audit trail, reached only through Query.auditEvents: ADMIN only.
  'AuditEvent.actorEmail': ADMIN_ONLY,
  'AuditEvent.actorRole': ADMIN_ONLY,
  'AuditEvent.actorUserId': ADMIN_ONLY,
  'AuditEvent.apiTokenId': ADMIN_ONLY,
  'AuditEvent.documentId': ADMIN_ONLY,
  'AuditEvent.entityId': ADMIN_ONLY,
  'AuditEvent.entityType': ADMIN_ONLY,
  'AuditEvent.fields': ADMIN_ONLY,
  'AuditEvent.id': ADMIN_ONLY,
  'AuditEvent.kind': ADMIN_ONLY,
  'AuditEvent.occurredAt': ADMIN_ONLY,
  'AuditEvent.operation': ADMIN_ONLY,
  'AuditEvent.reason': ADMIN_ONLY,
  'AuditEvent.requestId': ADMIN_ONLY,
  'AuditEvent.versionAfter': ADMIN_ONLY,
  'AuditEvent.versionBefore': ADMIN_ONLY,

  // ChecklistItem
  'ChecklistItem.blockedBy': STAFF_READ,
  'ChecklistItem.createdAt': STAFF_READ,
  'ChecklistItem.dayOneCritical': STAFF_READ,
  'ChecklistItem.durationDays': STAFF_READ,
  'ChecklistItem.dependents': STAFF_READ,
  'ChecklistItem.dependsOn': STAFF_READ,
  'ChecklistItem.description': STAFF_READ,
  'ChecklistItem.dueDate': STAFF_READ,
  'ChecklistItem.evidence': STAFF_READ,
  'ChecklistItem.id': STAFF_READ,
  'ChecklistItem.open': STAFF_READ,
  'ChecklistItem.overdue': STAFF_READ,
  'ChecklistItem.owner': STAFF_READ,
  'ChecklistItem.ownerOrg': STAFF_READ,
  'ChecklistItem.programme': STAFF_READ,
  'ChecklistItem.ref': STAFF_READ,
  'ChecklistItem.service': STAFF_READ,
  'ChecklistItem.signOffRole': STAFF_READ,
  'ChecklistItem.status': STAFF_READ,
  'ChecklistItem.templateItemKey': STAFF_READ,
  'ChecklistItem.templateKey': STAFF_READ,
  'ChecklistItem.templateVersion': STAFF_READ,
  'ChecklistItem.title': STAFF_READ,
  'ChecklistItem.updatedAt': STAFF_READ,
  'ChecklistItem.version': STAFF_READ,
  'ChecklistItem.viewerCanEdit': STAFF_READ,
  'ChecklistItem.viewerEditableFields': STAFF_READ,
  'ChecklistItem.workstream': STAFF_READ,
  // ChecklistTemplate: a versioned template of checklist items; no personal data.
  'ChecklistTemplate.builtIn': STAFF_READ,
  'ChecklistTemplate.createdAt': STAFF_READ,
  'ChecklistTemplate.createdBy': STAFF_READ,
  'ChecklistTemplate.description': STAFF_READ,
  'ChecklistTemplate.export': STAFF_READ,
  'ChecklistTemplate.id': STAFF_READ,
  'ChecklistTemplate.itemCount': STAFF_READ,
  'ChecklistTemplate.items': STAFF_READ,
  'ChecklistTemplate.key': STAFF_READ,
  'ChecklistTemplate.kind': STAFF_READ,
  'ChecklistTemplate.latest': STAFF_READ,
  'ChecklistTemplate.name': STAFF_READ,
  'ChecklistTemplate.serviceKind': STAFF_READ,
  'ChecklistTemplate.templateVersion': STAFF_READ,
  'ChecklistTemplate.versions': STAFF_READ,
  'ChecklistTemplate.workstreamCode': STAFF_READ,
  // ChecklistTemplateApplication: the answer of applyChecklistTemplate (counts and items).
  'ChecklistTemplateApplication.created': PLAN_WRITE,
  'ChecklistTemplateApplication.dependenciesAdded': PLAN_WRITE,
  'ChecklistTemplateApplication.keptCount': PLAN_WRITE,
  'ChecklistTemplateApplication.message': PLAN_WRITE,
  'ChecklistTemplateApplication.programme': PLAN_WRITE,
  'ChecklistTemplateApplication.removedFromTemplate': PLAN_WRITE,
  'ChecklistTemplateApplication.service': PLAN_WRITE,
  'ChecklistTemplateApplication.template': PLAN_WRITE,
  'ChecklistTemplateApplication.unchanged': PLAN_WRITE,
  'ChecklistTemplateApplication.unresolvedDependencies': PLAN_WRITE,
  'ChecklistTemplateApplication.updatedCount': PLAN_WRITE,
  // ChecklistTemplateFileError: an answer of importChecklistTemplate.
  'ChecklistTemplateFileError.message': ADMIN_ONLY,
  'ChecklistTemplateFileError.problems': ADMIN_ONLY,
  // ChecklistTemplateItem
  'ChecklistTemplateItem.dayOneCritical': STAFF_READ,
  'ChecklistTemplateItem.dependsOn': STAFF_READ,
  'ChecklistTemplateItem.description': STAFF_READ,
  'ChecklistTemplateItem.dueOffsetDays': STAFF_READ,
  'ChecklistTemplateItem.durationDays': STAFF_READ,
  'ChecklistTemplateItem.key': STAFF_READ,
  'ChecklistTemplateItem.ownerOrg': STAFF_READ,
  'ChecklistTemplateItem.signOffRole': STAFF_READ,
  'ChecklistTemplateItem.title': STAFF_READ,
  'ChecklistTemplateItem.workstreamCode': STAFF_READ,
  // ChecklistTemplateProblem: part of an answer of importChecklistTemplate.
  'ChecklistTemplateProblem.message': ADMIN_ONLY,
  'ChecklistTemplateProblem.path': ADMIN_ONLY,
  'ChecklistItem.forecastDate': STAFF_READ,
  'ChecklistItem.blockingChain': STAFF_READ,

  // ConflictError: an answer of the plan writes and of HR's.
  'ConflictError.current': WRITE_ANSWER,
  'ConflictError.currentVersion': WRITE_ANSWER,
  'ConflictError.entity': WRITE_ANSWER,
  'ConflictError.expectedVersion': WRITE_ANSWER,
  'ConflictError.message': WRITE_ANSWER,
  // CreateUserSuccess: the answer of createUser, with the password shown once.
  'CreateUserSuccess.alreadyCreated': ADMIN_ONLY,
  'CreateUserSuccess.initialPassword': ADMIN_ONLY,
  'CreateUserSuccess.user': ADMIN_ONLY,

  // ConsultationMeeting: a meeting with the unions; attendees are representatives by role, not staff records.
  'ConsultationMeeting.attendees': STAFF_READ,
  'ConsultationMeeting.createdAt': STAFF_READ,
  'ConsultationMeeting.heldOn': STAFF_READ,
  'ConsultationMeeting.id': STAFF_READ,
  'ConsultationMeeting.issuesRaised': STAFF_READ,
  'ConsultationMeeting.minutesUrl': STAFF_READ,
  'ConsultationMeeting.otherUnion': STAFF_READ,
  'ConsultationMeeting.programme': STAFF_READ,
  'ConsultationMeeting.unions': STAFF_READ,
  'ConsultationMeeting.updatedAt': STAFF_READ,
  'ConsultationMeeting.version': STAFF_READ,

  // ContactRoute
  'ContactRoute.audience': SHARED_READ,
  'ContactRoute.channel': SHARED_READ,
  'ContactRoute.fromDate': SHARED_READ,
  'ContactRoute.hours': SHARED_READ,
  'ContactRoute.id': SHARED_READ,
  'ContactRoute.label': SHARED_READ,
  'ContactRoute.organisation': SHARED_READ,
  'ContactRoute.service': SHARED_READ,
  'ContactRoute.toDate': SHARED_READ,
  'ContactRoute.value': SHARED_READ,
  'ContactRoute.version': SHARED_READ,

  // DataSharingAgreement
  'DataSharingAgreement.datasets': SHARED_READ,
  'DataSharingAgreement.endDate': SHARED_READ,
  'DataSharingAgreement.id': SHARED_READ,
  'DataSharingAgreement.lawfulBasis': SHARED_READ,
  'DataSharingAgreement.legalGateway': SHARED_READ,
  'DataSharingAgreement.parties': SHARED_READ,
  'DataSharingAgreement.programme': SHARED_READ,
  'DataSharingAgreement.purpose': SHARED_READ,
  'DataSharingAgreement.ref': SHARED_READ,
  'DataSharingAgreement.reviewDate': SHARED_READ,
  'DataSharingAgreement.specialCategoryCondition': SHARED_READ,
  'DataSharingAgreement.startDate': SHARED_READ,
  'DataSharingAgreement.status': SHARED_READ,
  'DataSharingAgreement.title': SHARED_READ,
  'DataSharingAgreement.updatedAt': SHARED_READ,
  'DataSharingAgreement.version': SHARED_READ,

  // EliPackage: an ELI package: state and counts for staff; who is in it for HR alone.
  'EliPackage.categories': STAFF_READ,
  'EliPackage.changedCount': STAFF_READ,
  'EliPackage.createdAt': STAFF_READ,
  'EliPackage.employeeCount': STAFF_READ,
  'EliPackage.id': STAFF_READ,
  'EliPackage.kind': STAFF_READ,
  'EliPackage.members': PERSONAL,
  'EliPackage.missingCategories': STAFF_READ,
  'EliPackage.newCount': STAFF_READ,
  'EliPackage.notes': STAFF_READ,
  'EliPackage.number': STAFF_READ,
  'EliPackage.objectedCount': STAFF_READ,
  'EliPackage.programme': STAFF_READ,
  'EliPackage.sentBy': STAFF_READ,
  'EliPackage.sentOn': STAFF_READ,
  'EliPackage.status': STAFF_READ,
  'EliPackage.updatedAt': STAFF_READ,
  'EliPackage.version': STAFF_READ,

  // EliPackageEmployee: someone in an ELI package: HR only.
  'EliPackageEmployee.employee': PERSONAL,
  'EliPackageEmployee.reason': PERSONAL,

  // EliSummary: where the ELI stands: dates, flags and counts.
  'EliSummary.changedSinceSentCount': STAFF_READ,
  'EliSummary.daysToDue': STAFF_READ,
  'EliSummary.dueDate': STAFF_READ,
  'EliSummary.flags': STAFF_READ,
  'EliSummary.messages': STAFF_READ,
  'EliSummary.missingCategories': STAFF_READ,
  'EliSummary.notInAnySentPackageCount': STAFF_READ,
  'EliSummary.objectedSinceSentCount': STAFF_READ,
  'EliSummary.packages': STAFF_READ,
  'EliSummary.transferringCount': STAFF_READ,
  'EliSummary.warningDays': STAFF_READ,

  // Employee: a member of staff: one person's record, every field of it (their id included), HR only.
  // Other roles get counts (Programme.headcountBy...), never a row or an identifier of a person.
  'Employee.appeals': PERSONAL,
  'Employee.assignmentDecision': PERSONAL,
  'Employee.assignmentHistory': PERSONAL,
  'Employee.assignmentRationale': PERSONAL,
  'Employee.continuousServiceDate': PERSONAL,
  'Employee.contractType': PERSONAL,
  'Employee.dateOfBirth': PERSONAL,
  'Employee.firstName': PERSONAL,
  'Employee.fte': PERSONAL,
  'Employee.history': PERSONAL,
  'Employee.id': PERSONAL,
  'Employee.lastName': PERSONAL,
  'Employee.leavingNote': PERSONAL,
  'Employee.leftOn': PERSONAL,
  'Employee.niNumber': PERSONAL,
  'Employee.objectionNote': PERSONAL,
  'Employee.objectionReceivedOn': PERSONAL,
  'Employee.objectionWithdrawnOn': PERSONAL,
  'Employee.payrollNumber': PERSONAL,
  'Employee.pensionNumber': PERSONAL,
  'Employee.pensionScheme': PERSONAL,
  'Employee.post': PERSONAL,
  'Employee.redeployedOn': PERSONAL,
  'Employee.redeploymentNote': PERSONAL,
  'Employee.salary': PERSONAL,
  'Employee.startDate': PERSONAL,
  'Employee.transferredAt': PERSONAL,
  'Employee.employmentEndedAt': PERSONAL,
  'Employee.employmentEndReason': PERSONAL,
  'Employee.tupeStatus': PERSONAL,
  'Employee.version': PERSONAL,

  // EmployeeHistoryEvent: the audit trail about one employee, for HR.
  'EmployeeHistoryEvent.actorEmail': PERSONAL,
  'EmployeeHistoryEvent.actorRole': PERSONAL,
  'EmployeeHistoryEvent.fields': PERSONAL,
  'EmployeeHistoryEvent.kind': PERSONAL,
  'EmployeeHistoryEvent.occurredAt': PERSONAL,
  'EmployeeHistoryEvent.operation': PERSONAL,
  'EmployeeHistoryEvent.reason': PERSONAL,

  // ForbiddenError: an answer of the plan's writes (an EDITOR outside their workstreams).
  'ForbiddenError.message': WRITE_ANSWER,
  'ForbiddenError.workstreamName': WRITE_ANSWER,

  // Headcount: counts only; partners get counts of people from 1 to 4 suppressed (null), FTE with them.
  'Headcount.employees': SHARED_READ,
  'Headcount.fte': SHARED_READ,
  'Headcount.posts': SHARED_READ,
  'Headcount.vacantPosts': SHARED_READ,

  // ContractTypeHeadcount, TeamHeadcount: counts of people for every staff role (not partners).
  'ContractTypeHeadcount.contractType': STAFF_READ,
  'ContractTypeHeadcount.employees': STAFF_READ,
  'ContractTypeHeadcount.fte': STAFF_READ,
  'TeamHeadcount.employees': STAFF_READ,
  'TeamHeadcount.fte': STAFF_READ,
  'TeamHeadcount.posts': STAFF_READ,
  'TeamHeadcount.team': STAFF_READ,
  'TeamHeadcount.vacantPosts': STAFF_READ,

  // HrImport: an upload of the council's HR export, its progress, changes and error report: HR only.
  'HrImport.changeCount': PERSONAL,
  'HrImport.changes': PERSONAL,
  'HrImport.counts': PERSONAL,
  'HrImport.createdAt': PERSONAL,
  'HrImport.dryRun': PERSONAL,
  'HrImport.errorCount': PERSONAL,
  'HrImport.errors': PERSONAL,
  'HrImport.fileName': PERSONAL,
  'HrImport.fileSize': PERSONAL,
  'HrImport.finished': PERSONAL,
  'HrImport.finishedAt': PERSONAL,
  'HrImport.id': PERSONAL,
  'HrImport.message': PERSONAL,
  'HrImport.programme': PERSONAL,
  'HrImport.rowsDone': PERSONAL,
  'HrImport.rowsTotal': PERSONAL,
  'HrImport.sha256': PERSONAL,
  'HrImport.status': PERSONAL,
  'HrImport.uploadedBy': PERSONAL,

  // HrImportChange: part of an HR import (HR only).
  'HrImportChange.action': PERSONAL,
  'HrImportChange.fields': PERSONAL,
  'HrImportChange.key': PERSONAL,
  'HrImportChange.kind': PERSONAL,
  'HrImportChange.row': PERSONAL,

  // HrImportColumn: part of an HR import (HR only).
  'HrImportColumn.description': PERSONAL,
  'HrImportColumn.example': PERSONAL,
  'HrImportColumn.header': PERSONAL,
  'HrImportColumn.part': PERSONAL,
  'HrImportColumn.personal': PERSONAL,
  'HrImportColumn.required': PERSONAL,
  'HrImportColumn.spellings': PERSONAL,

  // HrImportCounts: part of an HR import (HR only).
  'HrImportCounts.employeesInserted': PERSONAL,
  'HrImportCounts.employeesNotInFile': PERSONAL,
  'HrImportCounts.employeesUnchanged': PERSONAL,
  'HrImportCounts.employeesUpdated': PERSONAL,
  'HrImportCounts.postsInserted': PERSONAL,
  'HrImportCounts.postsUnchanged': PERSONAL,
  'HrImportCounts.postsUpdated': PERSONAL,

  // HrImportError: part of an HR import (HR only).
  'HrImportError.column': PERSONAL,
  'HrImportError.message': PERSONAL,
  'HrImportError.personal': PERSONAL,
  'HrImportError.row': PERSONAL,
  'HrImportError.value': PERSONAL,

  // InvalidCredentialsError: an answer of login.
  'InvalidCredentialsError.message': PUBLIC,

  // LoginSuccess: the answer of login, read by whoever signs in.
  'LoginSuccess.expiresAt': PUBLIC,
  'LoginSuccess.token': PUBLIC,
  'LoginSuccess.user': PUBLIC,

  // MeasuresLetter: one person's measures letter: HR only.
  'MeasuresLetter.employee': PERSONAL,
  'MeasuresLetter.sentOn': PERSONAL,

  // MeasuresLetterSummary: letters to the transferring list, counts only.
  'MeasuresLetterSummary.byTeam': STAFF_READ,
  'MeasuresLetterSummary.lastSentOn': STAFF_READ,
  'MeasuresLetterSummary.notSentCount': STAFF_READ,
  'MeasuresLetterSummary.sentCount': STAFF_READ,
  'MeasuresLetterSummary.transferringCount': STAFF_READ,

  // MeasuresLettersRecorded: the answer of recordMeasuresLetters.
  'MeasuresLettersRecorded.recorded': HR_WRITE,
  'MeasuresLettersRecorded.sentOn': HR_WRITE,
  'MeasuresLettersRecorded.skipped': HR_WRITE,
  'MeasuresLettersRecorded.summary': HR_WRITE,

  // Milestone
  'Milestone.actualDate': SHARED_READ,
  'Milestone.critical': SHARED_READ,
  'Milestone.description': SHARED_READ,
  'Milestone.forecastDate': SHARED_READ,
  'Milestone.id': SHARED_READ,
  'Milestone.name': SHARED_READ,
  'Milestone.owner': STAFF_READ,
  'Milestone.plannedDate': SHARED_READ,
  'Milestone.programme': SHARED_READ,
  'Milestone.rag': SHARED_READ,
  'Milestone.service': SHARED_READ,
  'Milestone.slippageDays': SHARED_READ,
  'Milestone.updatedAt': SHARED_READ,
  'Milestone.version': SHARED_READ,
  'Milestone.viewerCanEdit': STAFF_READ,
  'Milestone.viewerEditableFields': STAFF_READ,
  'Milestone.workstream': STAFF_READ,

  // NotFoundError: an answer of the plan writes, of revokeApiToken and of HR's writes.
  // MyWork: what the signed-in user owns and has still to do (Programme.myWork): every staff role.
  'MyWork.checklistItems': STAFF_READ,
  'MyWork.gateSignOffs': STAFF_READ,
  'MyWork.milestones': STAFF_READ,
  'MyWork.raidItems': STAFF_READ,

  'NotFoundError.entity': WRITE_ANSWER,
  'NotFoundError.id': WRITE_ANSWER,
  'NotFoundError.message': WRITE_ANSWER,

  // Organisation
  'Organisation.id': SHARED_READ,
  'Organisation.laCode': SHARED_READ,
  'Organisation.name': SHARED_READ,
  'Organisation.onsCode': SHARED_READ,
  'Organisation.type': SHARED_READ,

  // PensionAdmissionAgreement: the trust's admission to the LGPS fund: no personal data.
  'PensionAdmissionAgreement.admission': STAFF_READ,
  'PensionAdmissionAgreement.bondNote': STAFF_READ,
  'PensionAdmissionAgreement.employerRatePercent': STAFF_READ,
  'PensionAdmissionAgreement.fundName': STAFF_READ,
  'PensionAdmissionAgreement.guarantor': STAFF_READ,
  'PensionAdmissionAgreement.id': STAFF_READ,
  'PensionAdmissionAgreement.passThrough': STAFF_READ,
  'PensionAdmissionAgreement.programme': STAFF_READ,
  'PensionAdmissionAgreement.signedOn': STAFF_READ,
  'PensionAdmissionAgreement.updatedAt': STAFF_READ,
  'PensionAdmissionAgreement.version': STAFF_READ,

  // PensionSchemeCount
  'PensionSchemeCount.employees': STAFF_READ,
  'PensionSchemeCount.scheme': STAFF_READ,

  // PensionSummary
  'PensionSummary.admissionAgreement': STAFF_READ,
  'PensionSummary.lgpsMembers': STAFF_READ,
  'PensionSummary.schemeCounts': STAFF_READ,
  'PensionSummary.warning': STAFF_READ,

  // Post: an established post is an organisational fact; who holds it is personal (HR only).
  'Post.costCentre': STAFF_READ,
  'Post.fte': STAFF_READ,
  'Post.grade': STAFF_READ,
  'Post.holders': PERSONAL,
  'Post.id': STAFF_READ,
  'Post.postNumber': STAFF_READ,
  'Post.team': STAFF_READ,
  'Post.title': STAFF_READ,
  'Post.vacant': STAFF_READ,
  'Post.version': STAFF_READ,

  // Programme
  'Programme.assignmentProgress': STAFF_READ,
  'Programme.checklistItems': STAFF_READ,
  'Programme.criticalPath': STAFF_READ,
  'Programme.whatIf': STAFF_READ,
  'Programme.baselines': STAFF_READ,
  'Programme.contactRoutes': SHARED_READ,
  'Programme.createdAt': SHARED_READ,
  'Programme.dataSharingAgreements': SHARED_READ,
  'Programme.daysToTransfer': SHARED_READ,
  'Programme.description': SHARED_READ,
  'Programme.eliDueDate': SHARED_READ,
  'Programme.employees': PERSONAL,
  'Programme.headcountByService': SHARED_READ,
  'Programme.headcountByContractType': STAFF_READ,
  'Programme.headcountByTeam': STAFF_READ,
  'Programme.headcountByTupeStatus': SHARED_READ,
  'Programme.id': SHARED_READ,
  'Programme.milestones': SHARED_READ,
  'Programme.myWork': STAFF_READ,
  'Programme.name': SHARED_READ,
  'Programme.organisations': SHARED_READ,
  'Programme.posts': STAFF_READ,
  'Programme.raidItems': STAFF_READ,
  'Programme.readiness': SHARED_READ,
  'Programme.readinessByService': SHARED_READ,
  'Programme.readinessByWorkstream': STAFF_READ,
  'Programme.riskBands': STAFF_READ,
  'Programme.riskHeatMap': STAFF_READ,
  'Programme.services': SHARED_READ,
  'Programme.status': SHARED_READ,
  'Programme.transferAt': SHARED_READ,
  'Programme.transferDate': SHARED_READ,
  'Programme.transferee': SHARED_READ,
  'Programme.transferor': SHARED_READ,
  'Programme.updatedAt': SHARED_READ,
  'Programme.version': SHARED_READ,
  'Programme.workstreams': STAFF_READ,
  'Programme.consultationMeetings': STAFF_READ,
  'Programme.eli': STAFF_READ,
  'Programme.measures': STAFF_READ,
  'Programme.measuresLetterRecipients': PERSONAL,
  'Programme.measuresLetters': STAFF_READ,
  'Programme.pensions': STAFF_READ,
  'Programme.tupeTimeline': STAFF_READ,

  // RiskHeatMap (what the dashboard's and the RAID page's heat maps count)
  'RiskHeatMap.cells': STAFF_READ,
  'RiskHeatMap.rule': STAFF_READ,
  'RiskHeatMap.statuses': STAFF_READ,
  'RiskHeatMap.top': STAFF_READ,
  'RiskHeatMap.total': STAFF_READ,
  'RiskHeatMap.types': STAFF_READ,
  'RiskHeatMap.unscored': STAFF_READ,
  'RiskHeatMapCell.band': STAFF_READ,
  'RiskHeatMapCell.count': STAFF_READ,
  'RiskHeatMapCell.impact': STAFF_READ,
  'RiskHeatMapCell.likelihood': STAFF_READ,
  'RiskHeatMapCell.score': STAFF_READ,
  // RaidItem
  'RaidItem.closedAt': STAFF_READ,
  'RaidItem.createdAt': STAFF_READ,
  'RaidItem.current': STAFF_READ,
  'RaidItem.dueDate': STAFF_READ,
  'RaidItem.id': STAFF_READ,
  'RaidItem.inherent': STAFF_READ,
  'RaidItem.owner': STAFF_READ,
  'RaidItem.ownerOrganisation': STAFF_READ,
  'RaidItem.programme': STAFF_READ,
  'RaidItem.ref': STAFF_READ,
  'RaidItem.residual': STAFF_READ,
  'RaidItem.response': STAFF_READ,
  'RaidItem.responsePlan': STAFF_READ,
  'RaidItem.statement': STAFF_READ,
  'RaidItem.status': STAFF_READ,
  'RaidItem.target': STAFF_READ,
  'RaidItem.title': STAFF_READ,
  'RaidItem.type': STAFF_READ,
  'RaidItem.updatedAt': STAFF_READ,
  'RaidItem.version': STAFF_READ,
  'RaidItem.viewerCanEdit': STAFF_READ,
  'RaidItem.viewerEditableFields': STAFF_READ,
  'RaidItem.workstream': STAFF_READ,

  // ResetUserPasswordSuccess: the answer of resetUserPassword, with the password shown once.
  'ResetUserPasswordSuccess.newPassword': ADMIN_ONLY,
  'ResetUserPasswordSuccess.user': ADMIN_ONLY,

  // Readiness
  'Readiness.applicable': SHARED_READ,
  'Readiness.atRisk': SHARED_READ,
  'Readiness.blocked': SHARED_READ,
  'Readiness.complete': SHARED_READ,
  'Readiness.dayOneCritical': SHARED_READ,
  'Readiness.dayOneCriticalOpen': SHARED_READ,
  'Readiness.overdue': SHARED_READ,
  'Readiness.shareComplete': SHARED_READ,
  'Readiness.total': SHARED_READ,

  // RiskBandRange
  'RiskBandRange.band': STAFF_READ,
  'RiskBandRange.max': STAFF_READ,
  'RiskBandRange.min': STAFF_READ,

  // RiskScore
  'RiskScore.band': STAFF_READ,
  'RiskScore.impact': STAFF_READ,
  'RiskScore.likelihood': STAFF_READ,
  'RiskScore.score': STAFF_READ,

  // Service
  'Service.checklistItems': STAFF_READ,
  'Service.contactRoutes': SHARED_READ,
  'Service.createdAt': SHARED_READ,
  'Service.deliveredBy': SHARED_READ,
  'Service.description': SHARED_READ,
  'Service.disposition': SHARED_READ,
  'Service.goLiveDate': SHARED_READ,
  'Service.headcount': SHARED_READ,
  'Service.id': SHARED_READ,
  'Service.key': SHARED_READ,
  'Service.milestones': SHARED_READ,
  'Service.name': SHARED_READ,
  'Service.programme': SHARED_READ,
  'Service.readiness': SHARED_READ,
  'Service.shadowDate': SHARED_READ,
  'Service.statusContradiction': SHARED_READ,
  'Service.teams': SHARED_READ,
  'Service.transferStatus': SHARED_READ,
  'Service.updatedAt': SHARED_READ,
  'Service.version': SHARED_READ,

  // ServiceHeadcount
  'ServiceHeadcount.headcount': SHARED_READ,
  'ServiceHeadcount.service': SHARED_READ,

  // ServiceAssignmentProgress: counts only.
  'ServiceAssignmentProgress.assigned': STAFF_READ,
  'ServiceAssignmentProgress.disputed': STAFF_READ,
  'ServiceAssignmentProgress.employees': STAFF_READ,
  'ServiceAssignmentProgress.notAssigned': STAFF_READ,
  'ServiceAssignmentProgress.service': STAFF_READ,
  'ServiceAssignmentProgress.undecided': STAFF_READ,

  // ServiceReadiness
  'ServiceReadiness.readiness': SHARED_READ,
  'ServiceReadiness.service': SHARED_READ,

  // SkippedEmployee: someone a bulk decision left alone: an answer of decideAssignmentForTeam.
  'SkippedEmployee.employee': PERSONAL,
  'SkippedEmployee.reason': PERSONAL,

  // Team
  'Team.id': SHARED_READ,
  'Team.name': SHARED_READ,
  'Team.service': SHARED_READ,
  'Team.version': SHARED_READ,

  // TeamAssignmentResult: the answer of decideAssignmentForTeam.
  'TeamAssignmentResult.alreadyDecided': PERSONAL,
  'TeamAssignmentResult.decided': PERSONAL,
  'TeamAssignmentResult.decision': PERSONAL,
  'TeamAssignmentResult.dryRun': PERSONAL,
  'TeamAssignmentResult.skipped': PERSONAL,
  'TeamAssignmentResult.team': PERSONAL,
  // TeamLetterCount
  'TeamLetterCount.sent': STAFF_READ,
  'TeamLetterCount.team': STAFF_READ,
  'TeamLetterCount.transferring': STAFF_READ,

  // TooManyAttemptsError: an answer of login.
  'TooManyAttemptsError.message': PUBLIC,
  'TooManyAttemptsError.retryAfterSeconds': PUBLIC,

  // TransferRun: who ran the transfer, when, and counts.
  'TransferRun.id': STAFF_READ,
  'TransferRun.runAt': STAFF_READ,
  'TransferRun.runBy': STAFF_READ,
  'TransferRun.skippedDisputed': STAFF_READ,
  'TransferRun.skippedLeaver': STAFF_READ,
  'TransferRun.skippedNotAssigned': STAFF_READ,
  'TransferRun.skippedObjected': STAFF_READ,
  'TransferRun.skippedRedeployed': STAFF_READ,
  'TransferRun.skippedSeconded': STAFF_READ,
  'TransferRun.skippedNotEmployee': STAFF_READ,
  'TransferRun.employmentEnded': STAFF_READ,
  'TransferRun.transferAt': STAFF_READ,
  'TransferRun.transferred': STAFF_READ,

  // TransferRunResult: the answer of runTransfer.
  'TransferRunResult.changed': PERSONAL,
  'TransferRunResult.message': PERSONAL,
  'TransferRunResult.needDecision': PERSONAL,
  'TransferRunResult.employmentEnded': PERSONAL,
  'TransferRunResult.notEmployees': PERSONAL,
  'TransferRunResult.previousRun': PERSONAL,
  'TransferRunResult.run': PERSONAL,
  'TransferRunResult.transferred': PERSONAL,

  // TupeHeadcount
  'TupeHeadcount.employees': SHARED_READ,
  'TupeHeadcount.fte': SHARED_READ,
  'TupeHeadcount.tupeStatus': SHARED_READ,

  // TupeMeasure: a measure envisaged (reg 13): no personal data.
  'TupeMeasure.consultationRequired': STAFF_READ,
  'TupeMeasure.createdAt': STAFF_READ,
  'TupeMeasure.description': STAFF_READ,
  'TupeMeasure.envisagedBy': STAFF_READ,
  'TupeMeasure.groupsAffected': STAFF_READ,
  'TupeMeasure.id': STAFF_READ,
  'TupeMeasure.notifiedOn': STAFF_READ,
  'TupeMeasure.programme': STAFF_READ,
  'TupeMeasure.updatedAt': STAFF_READ,
  'TupeMeasure.version': STAFF_READ,

  // TupeStepRecorded: the answer of recordTupeStep.
  'TupeStepRecorded.cleared': HR_WRITE,
  'TupeStepRecorded.programme': HR_WRITE,

  // TupeTimelineStep: a TUPE deadline and its state: no personal data.
  'TupeTimelineStep.basis': STAFF_READ,
  'TupeTimelineStep.daysBeforeTransfer': STAFF_READ,
  'TupeTimelineStep.daysLate': STAFF_READ,
  'TupeTimelineStep.daysToDue': STAFF_READ,
  'TupeTimelineStep.doneOn': STAFF_READ,
  'TupeTimelineStep.dueDate': STAFF_READ,
  'TupeTimelineStep.label': STAFF_READ,
  'TupeTimelineStep.late': STAFF_READ,
  'TupeTimelineStep.recordable': STAFF_READ,
  'TupeTimelineStep.source': STAFF_READ,
  'TupeTimelineStep.state': STAFF_READ,
  'TupeTimelineStep.step': STAFF_READ,

  // User: someone who signs in: staff see each other (to assign work), partners never.
  'User.active': STAFF_READ,
  'User.canOwnWork': STAFF_READ,
  'User.createdAt': ADMIN_ONLY,
  'User.email': STAFF_READ,
  'User.id': STAFF_READ,
  'User.lastSignInAt': ADMIN_ONLY,
  'User.name': STAFF_READ,
  'User.role': STAFF_READ,
  'User.version': ADMIN_ONLY,
  'User.workstreams': ADMIN_ONLY,

  // ValidationError: an answer of login and of the writes.
  'ValidationError.field': PUBLIC,
  'ValidationError.message': PUBLIC,

  // Workstream
  'Workstream.checklistItems': STAFF_READ,
  'Workstream.code': STAFF_READ,
  'Workstream.description': STAFF_READ,
  'Workstream.id': STAFF_READ,
  'Workstream.lead': STAFF_READ,
  'Workstream.leadOrganisation': STAFF_READ,
  'Workstream.name': STAFF_READ,
  'Workstream.programme': STAFF_READ,
  'Workstream.readiness': STAFF_READ,
  'Workstream.version': STAFF_READ,

  // WorkstreamReadiness
  'WorkstreamReadiness.readiness': STAFF_READ,
  'WorkstreamReadiness.workstream': STAFF_READ,

  // Go/no-go gate (issue 6): partners see a gate's name, due date and outcome; staff see the rest.
  'Gate.criteria': STAFF_READ,
  'Gate.decisionDue': SHARED_READ,
  'Gate.id': SHARED_READ,
  'Gate.name': SHARED_READ,
  'Gate.outcome': SHARED_READ,
  'Gate.outcomeReasons': SHARED_READ,
  'Gate.outcomeRule': SHARED_READ,
  'Gate.programme': SHARED_READ,
  'Gate.signOffs': STAFF_READ,
  'Gate.signatories': STAFF_READ,
  'Gate.snapshot': STAFF_READ,
  'Gate.snapshotSha256': STAFF_READ,
  'Gate.version': STAFF_READ,
  'GateCriterion.evidence': STAFF_READ,
  'GateCriterion.gate': STAFF_READ,
  'GateCriterion.id': STAFF_READ,
  'GateCriterion.owner': STAFF_READ,
  'GateCriterion.ownerUser': STAFF_READ,
  'GateCriterion.ownerWorkstream': STAFF_READ,
  'GateCriterion.position': STAFF_READ,
  'GateCriterion.rationale': STAFF_READ,
  'GateCriterion.status': STAFF_READ,
  'GateCriterion.title': STAFF_READ,
  'GateCriterion.updatedAt': STAFF_READ,
  'GateCriterion.version': STAFF_READ,
  'GateCriterion.viewerCanEdit': STAFF_READ,
  'GateSignatory.currentSignOff': STAFF_READ,
  'GateSignatory.gate': STAFF_READ,
  'GateSignatory.id': STAFF_READ,
  'GateSignatory.position': STAFF_READ,
  'GateSignatory.removedAt': STAFF_READ,
  'GateSignatory.roleTitle': STAFF_READ,
  'GateSignatory.user': STAFF_READ,
  'GateSignatory.viewerIsSignatory': STAFF_READ,
  'GateSignOff.gate': STAFF_READ,
  'GateSignOff.id': STAFF_READ,
  'GateSignOff.roleTitle': STAFF_READ,
  'GateSignOff.signatory': STAFF_READ,
  'GateSignOff.signedAt': STAFF_READ,
  'GateSignOff.snapshot': STAFF_READ,
  'GateSignOff.snapshotSha256': STAFF_READ,
  'GateSignOff.user': STAFF_READ,
  'GateSignOff.withdrawal': STAFF_READ,
  'GateSignOffWithdrawal.id': STAFF_READ,
  'GateSignOffWithdrawal.reason': STAFF_READ,
  'GateSignOffWithdrawal.signOff': STAFF_READ,
  'GateSignOffWithdrawal.user': STAFF_READ,
  'GateSignOffWithdrawal.withdrawnAt': STAFF_READ,
  'Evidence.addedAt': STAFF_READ,
  'Evidence.addedBy': STAFF_READ,
  'Evidence.checklistItem': STAFF_READ,
  'Evidence.contentBase64': STAFF_READ,
  'Evidence.contentType': STAFF_READ,
  'Evidence.criterion': STAFF_READ,
  'Evidence.fileName': STAFF_READ,
  'Evidence.id': STAFF_READ,
  'Evidence.kind': STAFF_READ,
  'Evidence.label': STAFF_READ,
  'Evidence.removedAt': STAFF_READ,
  'Evidence.removedBy': STAFF_READ,
  'Evidence.sha256': STAFF_READ,
  'Evidence.sizeBytes': STAFF_READ,
  'Evidence.url': STAFF_READ,
  'ReadinessMatrixCell.readiness': STAFF_READ,
  'ReadinessMatrixCell.service': STAFF_READ,
  'ReadinessMatrixCell.workstream': STAFF_READ,
  'SignOffRefusedError.message': GATE_SIGN,
  'ChecklistItem.attachedEvidence': STAFF_READ,
  'Programme.gate': SHARED_READ,
  'Programme.readinessMatrix': STAFF_READ,
  'Programme.readinessRule': SHARED_READ,
  'Readiness.rag': SHARED_READ,
  'Readiness.weightApplicable': SHARED_READ,
  'Readiness.weightComplete': SHARED_READ,
  'Readiness.weightedShareComplete': SHARED_READ,
  // The plan (modules/plan): critical path, what-if, baselines. Staff only.
  'CriticalPath.deadline': STAFF_READ,
  'CriticalPath.items': STAFF_READ,
  'CriticalPath.path': STAFF_READ,
  'CriticalPath.projectedFinish': STAFF_READ,
  'CriticalPath.reachable': STAFF_READ,
  'CriticalPath.slackDays': STAFF_READ,
  'CriticalPath.start': STAFF_READ,
  'CriticalPath.transferDate': STAFF_READ,
  'ItemSlippage.baselineDate': STAFF_READ,
  'ItemSlippage.currentDate': STAFF_READ,
  'ItemSlippage.daysSlipped': STAFF_READ,
  'ItemSlippage.item': STAFF_READ,
  'LateMilestone.date': STAFF_READ,
  'LateMilestone.daysLate': STAFF_READ,
  'LateMilestone.milestone': STAFF_READ,
  'LateMilestone.projectedDate': STAFF_READ,
  'MilestoneSlippage.baselineDate': STAFF_READ,
  'MilestoneSlippage.currentDate': STAFF_READ,
  'MilestoneSlippage.daysSlipped': STAFF_READ,
  'MilestoneSlippage.milestone': STAFF_READ,
  'PlanBaseline.createdAt': STAFF_READ,
  'PlanBaseline.id': STAFF_READ,
  'PlanBaseline.itemSlippage': STAFF_READ,
  'PlanBaseline.milestoneSlippage': STAFF_READ,
  'PlanBaseline.name': STAFF_READ,
  'PlanBaseline.version': STAFF_READ,
  'ScheduledItem.critical': STAFF_READ,
  'ScheduledItem.daysLate': STAFF_READ,
  'ScheduledItem.durationDays': STAFF_READ,
  'ScheduledItem.earliestFinish': STAFF_READ,
  'ScheduledItem.earliestStart': STAFF_READ,
  'ScheduledItem.item': STAFF_READ,
  'ScheduledItem.latestFinish': STAFF_READ,
  'ScheduledItem.latestStart': STAFF_READ,
  'ScheduledItem.totalSlack': STAFF_READ,
  'WhatIf.criticalPath': STAFF_READ,
  'WhatIf.eliDueDate': STAFF_READ,
  'WhatIf.gateDecisionDue': STAFF_READ,
  'WhatIf.lateItems': STAFF_READ,
  'WhatIf.lateMilestones': STAFF_READ,
  'WhatIf.reachable': STAFF_READ,
  'WhatIf.redatedItems': STAFF_READ,
  'WhatIf.transferDate': STAFF_READ,
  'WhatIf.tupeTimeline': STAFF_READ,
} as const satisfies Record<`${string}.${string}`, Rule>;

/** A row of the matrix: `Type.field`. */
export type FieldKey = keyof typeof MATRIX;

/** The matrix as a lookup that also answers for names not in it (undefined). */
export const MATRIX_ROWS: Readonly<Record<string, Rule | undefined>> = MATRIX;

/** A write when it is a Mutation field, else a read. */
export const operationOf = (key: string): Operation => (key.startsWith('Mutation.') ? 'write' : 'read');
