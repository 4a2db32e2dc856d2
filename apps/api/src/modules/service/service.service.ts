/**
 * A service's transfer status: the rules are in @handover/domain (service.ts); this module feeds
 * them the service's open day-one critical items and writes what they allow.
 */
import type { Database, Service } from '@handover/db';
import {
  serviceStatusChangeProblem,
  statusAfterTransfer,
  type ServiceTransferStatus,
} from '@handover/domain';
import type { Kysely } from 'kysely';
import { ValidationError } from '../../schema/errors.ts';
import { updateAtVersion } from '../common/concurrency.ts';
import { requireVersion } from '../common/validate.ts';
import {
  openDayOneCriticalByServiceIds,
  serviceStatusesOfProgramme,
  servicesByIds,
  setServiceStatuses,
  updateServiceStatusIfVersion,
} from './service.repository.ts';

/**
 * Records a service's transfer status, at the version read. Refused, naming the reason, when the
 * domain's rules do not allow it: READY with a day-one critical item open names the open items.
 */
export async function updateServiceStatus(
  db: Kysely<Database>,
  input: { id: string; expectedVersion: number; status: ServiceTransferStatus },
  now: Date,
): Promise<Service> {
  const expectedVersion = requireVersion('expectedVersion', input.expectedVersion);
  const service = (await servicesByIds(db, [input.id]))[0];
  if (service) {
    const open = await openDayOneCriticalByServiceIds(db, [service.id]);
    const problem = serviceStatusChangeProblem(service.transfer_status, input.status, {
      disposition: service.disposition,
      openDayOneCritical: open,
    });
    // A stale version is a conflict first: the person saw another status.
    if (problem && service.version === expectedVersion) throw new ValidationError('status', problem);
  }
  return updateAtVersion({
    typename: 'Service',
    id: input.id,
    expectedVersion,
    update: () => updateServiceStatusIfVersion(db, input.id, expectedVersion, input.status, now),
    reload: async () => (await servicesByIds(db, [input.id]))[0],
  });
}

/** The transfer run's part for services: each that transfers becomes TRANSFERRED. Returns those changed. */
export async function transferServicesOfProgramme(
  db: Kysely<Database>,
  programmeId: string,
  now: Date,
): Promise<{ id: string; version: number }[]> {
  const services = await serviceStatusesOfProgramme(db, programmeId);
  const moving = services.filter(
    (s) =>
      s.transfer_status !== 'TRANSFERRED' &&
      statusAfterTransfer({ disposition: s.disposition, status: s.transfer_status }) === 'TRANSFERRED',
  );
  return setServiceStatuses(
    db,
    moving.map((s) => s.id),
    'TRANSFERRED',
    now,
  );
}
