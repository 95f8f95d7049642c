import { DomainError } from '../api/result';
import type { AppContext } from '../app/context';

// A partner's phones and trackers, each for a truck plate: positions from a device then find the
// delivery that truck drives (deviceDeliveries.ts), even when no notice named the device. A
// running ingest server picks a change up within its mapping cache's few seconds.

export interface PartnerDevice {
  partnerId: string;
  deviceId: string;
  truckPlate: string | null;
  label: string;
  createdAt: number;
}

export async function registerPartnerDevice(
  ctx: AppContext,
  device: { partnerId: string; deviceId: string; truckPlate: string | null; label: string },
  actor: string,
): Promise<PartnerDevice> {
  const now = ctx.clock.now();
  return ctx.database.db.transaction().execute(async (trx) => {
    const partner = await trx
      .selectFrom('partner')
      .select('id')
      .where('id', '=', device.partnerId)
      .executeTakeFirst();
    if (!partner) throw new DomainError('NOT_FOUND', `There is no partner ${device.partnerId}.`);
    await trx
      .insertInto('partnerDevice')
      .values({ ...device, createdAt: now })
      .onConflict((oc) =>
        oc
          .columns(['partnerId', 'deviceId'])
          .doUpdateSet({ truckPlate: device.truckPlate, label: device.label }),
      )
      .execute();
    await trx
      .insertInto('eventLog')
      .values({
        at: now,
        actor,
        kind: 'partnerDevice.registered',
        entityType: 'partner',
        entityId: device.partnerId,
        payload: JSON.stringify({ deviceId: device.deviceId, truckPlate: device.truckPlate }),
      })
      .execute();
    return trx
      .selectFrom('partnerDevice')
      .selectAll()
      .where('partnerId', '=', device.partnerId)
      .where('deviceId', '=', device.deviceId)
      .executeTakeFirstOrThrow();
  });
}

export async function listPartnerDevices(ctx: AppContext, partnerId?: string): Promise<PartnerDevice[]> {
  let query = ctx.database.db.selectFrom('partnerDevice').selectAll();
  if (partnerId !== undefined) query = query.where('partnerId', '=', partnerId);
  return query.orderBy('partnerId').orderBy('deviceId').execute();
}

export async function removePartnerDevice(
  ctx: AppContext,
  partnerId: string,
  deviceId: string,
  actor: string,
): Promise<{ removed: boolean }> {
  const now = ctx.clock.now();
  return ctx.database.db.transaction().execute(async (trx) => {
    const result = await trx
      .deleteFrom('partnerDevice')
      .where('partnerId', '=', partnerId)
      .where('deviceId', '=', deviceId)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) {
      throw new DomainError('NOT_FOUND', `Partner ${partnerId} has no device ${deviceId}.`);
    }
    await trx
      .insertInto('eventLog')
      .values({
        at: now,
        actor,
        kind: 'partnerDevice.removed',
        entityType: 'partner',
        entityId: partnerId,
        payload: JSON.stringify({ deviceId }),
      })
      .execute();
    return { removed: true };
  });
}
